//! Opportunities and referrals (SPEC 10.2): the pipeline, what was won, who referred whom,
//! and the team's open opportunities by stage and by owner (SPEC 10.4).

use std::collections::{BTreeMap, HashMap};

use super::Facts;
use super::window::Window;
use crate::records::choices::{Choice, Stage};
use crate::records::model::{Customer, Money, Opportunity, Records};

/// Whether an opportunity is open: opened up to today and neither won nor lost.
pub fn is_open(o: &Opportunity, window: &Window) -> bool {
    window.known(o.opened) && !o.stage.is_closed()
}

/// Whether an opportunity was won in the window: opened up to today, won, `closed` in the window.
pub fn is_won_in_window(o: &Opportunity, window: &Window) -> bool {
    window.known(o.opened) && o.stage == Stage::Won && o.closed.is_some_and(|d| window.contains(d))
}

/// Sum of the amounts of open opportunities (not won or lost), opened up to today.
pub fn pipeline(c: &Customer, window: &Window) -> Money {
    c.opportunities.iter().filter(|o| is_open(o, window)).filter_map(|o| o.amount).sum()
}

/// Sum of the amounts of opportunities won with `closed` in the window.
pub fn won(c: &Customer, window: &Window) -> Money {
    c.opportunities.iter().filter(|o| is_won_in_window(o, window)).filter_map(|o| o.amount).sum()
}

/// The open opportunities of one stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageSum {
    /// The stage (lead, quoted or negotiating).
    pub stage: Stage,
    /// How many open opportunities are at it.
    pub opportunities: usize,
    /// The sum of their amounts (an opportunity without `amount` counts 0).
    pub amount: Money,
}

/// One owner's pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerSum {
    /// The owner's team id.
    pub owner: String,
    /// The sum of their customers' pipelines.
    pub amount: Money,
}

/// The team's opportunities (non-archived customers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineFigures {
    /// The sum of every customer's pipeline.
    pub open: Money,
    /// The sum of every customer's won amount.
    pub won: Money,
    /// Open opportunities per stage, in stage order, only stages with an opportunity.
    pub by_stage: Vec<StageSum>,
    /// Per owner with a pipeline other than 0, by owner id.
    pub by_owner: Vec<OwnerSum>,
}

/// The team's pipeline figures.
pub fn figures(records: &Records, facts: &[Facts], window: &Window) -> PipelineFigures {
    let open: Vec<&Opportunity> =
        facts.iter().flat_map(|f| &records.customers[f.index].opportunities).filter(|o| is_open(o, window)).collect();
    let by_stage = Stage::ALL
        .iter()
        .filter_map(|(_, stage)| {
            let at: Vec<&&Opportunity> = open.iter().filter(|o| o.stage == *stage).collect();
            (!at.is_empty()).then(|| StageSum {
                stage: *stage,
                opportunities: at.len(),
                amount: at.iter().filter_map(|o| o.amount).sum(),
            })
        })
        .collect();
    let mut per_owner: BTreeMap<&str, Money> = BTreeMap::new();
    for f in facts.iter().filter(|f| !f.care.pipeline.is_zero()) {
        *per_owner.entry(records.customers[f.index].owner.get_ref()).or_default() += f.care.pipeline;
    }
    PipelineFigures {
        open: facts.iter().map(|f| f.care.pipeline).sum(),
        won: facts.iter().map(|f| f.care.won).sum(),
        by_stage,
        by_owner: per_owner.into_iter().map(|(owner, amount)| OwnerSum { owner: owner.to_string(), amount }).collect(),
    }
}

/// For every customer id, the sorted ids of the non-archived customers it referred.
pub fn referrals(records: &Records) -> HashMap<&str, Vec<String>> {
    let mut out: HashMap<&str, Vec<String>> = HashMap::new();
    for c in records.customers.iter().filter(|c| !c.archived) {
        if let Some(by) = &c.referred_by {
            out.entry(by.get_ref().as_str()).or_default().push(c.id.clone());
        }
    }
    for list in out.values_mut() {
        list.sort();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{customer, d, m};
    use crate::records::model::Opportunity;

    fn opportunity(stage: Stage, amount: &str, opened: &str, closed: Option<&str>) -> Opportunity {
        Opportunity {
            opened: d(opened),
            title: "x".into(),
            amount: Some(m(amount)),
            stage,
            expected: None,
            closed: closed.map(d),
            reason: None,
            competitor: None,
            objections: Vec::new(),
        }
    }

    #[test]
    fn open_opportunities_make_the_pipeline_and_wins_in_the_window_count() {
        let window = Window::new(d("2026-11-25"), 365);
        let mut c = customer("a");
        c.opportunities = vec![
            opportunity(Stage::Lead, "100", "2026-01-01", None),
            opportunity(Stage::Negotiating, "50", "2026-01-01", None),
            opportunity(Stage::Quoted, "999", "2026-11-26", None),
            opportunity(Stage::Won, "30", "2025-01-01", Some("2025-11-26")),
            opportunity(Stage::Won, "7", "2025-01-01", Some("2025-11-25")),
            opportunity(Stage::Lost, "5", "2026-01-01", Some("2026-02-01")),
        ];
        assert_eq!(pipeline(&c, &window), m("150"));
        assert_eq!(won(&c, &window), m("30"));
    }

    fn analysed(customers: Vec<Customer>) -> (Records, crate::analysis::Analysis) {
        let records = Records::new(Vec::new(), customers);
        let a = crate::analysis::analyse(&records, &crate::records::settings::Settings::default(), d("2026-11-25"));
        (records, a)
    }

    #[test]
    fn open_opportunities_sum_per_stage_in_stage_order_and_closed_ones_not_at_all() {
        let mut c = customer("a");
        c.opportunities = vec![
            opportunity(Stage::Negotiating, "50", "2026-01-01", None),
            opportunity(Stage::Lead, "100", "2026-01-01", None),
            Opportunity { amount: None, ..opportunity(Stage::Lead, "0", "2026-11-25", None) },
            opportunity(Stage::Lead, "999", "2026-11-26", None),
            opportunity(Stage::Won, "30", "2026-01-01", Some("2026-02-01")),
            opportunity(Stage::Lost, "5", "2026-01-01", Some("2026-02-01")),
        ];
        let (records, a) = analysed(vec![c]);
        let f = figures(&records, &a.customers, &a.window);
        let stages: Vec<(Stage, usize, Money)> =
            f.by_stage.iter().map(|s| (s.stage, s.opportunities, s.amount)).collect();
        assert_eq!(stages, [(Stage::Lead, 2, m("100")), (Stage::Negotiating, 1, m("50"))]);
        assert_eq!((f.open, f.won), (m("150"), m("30")));
    }

    #[test]
    fn owners_sum_their_customers_pipelines_by_id_leaving_out_zero_and_archived_customers() {
        let with = |id: &str, owner: &str, amount: &str| {
            let mut c = customer(id);
            c.owner = toml::Spanned::new(0..0, owner.to_string());
            c.opportunities = vec![opportunity(Stage::Quoted, amount, "2026-01-01", None)];
            c
        };
        let mut archived = with("e", "li", "1000");
        archived.archived = true;
        let (records, a) = analysed(vec![
            with("a", "zhang", "5"),
            with("b", "li", "7"),
            with("c", "zhang", "1"),
            with("d", "wang", "0"),
            archived,
        ]);
        let owners: Vec<(String, Money)> =
            figures(&records, &a.customers, &a.window).by_owner.into_iter().map(|o| (o.owner, o.amount)).collect();
        assert_eq!(owners, [("li".to_string(), m("7")), ("zhang".to_string(), m("6"))]);
    }
}
