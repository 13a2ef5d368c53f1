//! Opportunities and referrals (SPEC 10.2): the pipeline, what was won, who referred whom.

use std::collections::HashMap;

use super::window::Window;
use crate::records::choices::Stage;
use crate::records::model::{Customer, Money, Records};

/// Sum of the amounts of open opportunities (not won or lost), opened up to today.
pub fn pipeline(c: &Customer, window: &Window) -> Money {
    c.opportunities.iter().filter(|o| window.known(o.opened) && !o.stage.is_closed()).filter_map(|o| o.amount).sum()
}

/// Sum of the amounts of opportunities won with `closed` in the window.
pub fn won(c: &Customer, window: &Window) -> Money {
    c.opportunities
        .iter()
        .filter(|o| window.known(o.opened) && o.stage == Stage::Won && o.closed.is_some_and(|d| window.contains(d)))
        .filter_map(|o| o.amount)
        .sum()
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
}
