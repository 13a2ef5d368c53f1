//! Opportunities won and lost in the window (SPEC 12.2 and 12.4): the win rate, won and lost
//! by reason, and the objections customers raise most often (客户80%的拒绝理由都是可以预见的).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::Facts;
use super::pipeline::is_open;
use super::rate;
use super::window::Window;
use crate::records::choices::{Choice, OutcomeReason, Stage};
use crate::records::model::{Money, Opportunity, Records};

/// The opportunities won and lost for one reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonOutcome {
    /// The reason; `None` for opportunities without one.
    pub reason: Option<OutcomeReason>,
    /// How many were won.
    pub won: usize,
    /// The sum of their amounts (an opportunity without `amount` counts 0).
    pub won_amount: Money,
    /// How many were lost.
    pub lost: usize,
    /// The sum of their amounts.
    pub lost_amount: Money,
}

/// One objection and how many opportunities raised it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objection {
    /// The objection as written (trimmed).
    pub text: String,
    /// How many opportunities list it.
    pub opportunities: usize,
}

/// The team's opportunities decided in the window (non-archived customers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcomes {
    /// Opportunities won with `closed` in the window.
    pub won: usize,
    /// The sum of their amounts.
    pub won_amount: Money,
    /// Opportunities lost with `closed` in the window.
    pub lost: usize,
    /// The sum of their amounts.
    pub lost_amount: Money,
    /// won / (won + lost), rounded to 3 decimals halves up; `None` when none was decided.
    pub win_rate: Option<Decimal>,
    /// Per reason, in the record format's order, then those without a reason; only reasons
    /// with an opportunity.
    pub by_reason: Vec<ReasonOutcome>,
    /// The objections of the open opportunities and of those decided in the window, the most
    /// frequent first, ties in text order; each opportunity counts an objection once.
    pub objections: Vec<Objection>,
}

/// Whether `o` was won or lost with `closed` in the window (and opened up to today).
pub fn is_decided_in_window(o: &Opportunity, window: &Window) -> bool {
    window.known(o.opened) && o.stage.is_closed() && o.closed.is_some_and(|d| window.contains(d))
}

/// The outcomes of the analysed customers' opportunities.
pub fn outcomes(records: &Records, facts: &[Facts], window: &Window) -> Outcomes {
    let all: Vec<&Opportunity> = facts.iter().flat_map(|f| &records.customers[f.index].opportunities).collect();
    let decided: Vec<&Opportunity> = all.iter().copied().filter(|o| is_decided_in_window(o, window)).collect();
    let sum = |stage: Stage, of: &mut dyn Iterator<Item = &&Opportunity>| {
        of.filter(|o| o.stage == stage)
            .fold((0, Money::ZERO), |(n, sum), o| (n + 1, sum + o.amount.unwrap_or_default()))
    };
    let (won, won_amount) = sum(Stage::Won, &mut decided.iter());
    let (lost, lost_amount) = sum(Stage::Lost, &mut decided.iter());
    let reasons = OutcomeReason::ALL.iter().map(|(_, r)| Some(*r)).chain([None]);
    let by_reason = reasons
        .filter_map(|reason| {
            let of: Vec<&&Opportunity> = decided.iter().filter(|o| o.reason == reason).collect();
            let ((won, won_amount), (lost, lost_amount)) =
                (sum(Stage::Won, &mut of.iter().copied()), sum(Stage::Lost, &mut of.iter().copied()));
            (!of.is_empty()).then_some(ReasonOutcome { reason, won, won_amount, lost, lost_amount })
        })
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for o in all.iter().filter(|o| is_open(o, window) || is_decided_in_window(o, window)) {
        let mut seen: Vec<&str> = o.objections.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
        seen.sort_unstable();
        seen.dedup();
        for text in seen {
            *counts.entry(text).or_default() += 1;
        }
    }
    let mut objections: Vec<Objection> =
        counts.into_iter().map(|(text, opportunities)| Objection { text: text.to_string(), opportunities }).collect();
    objections.sort_by(|a, b| b.opportunities.cmp(&a.opportunities).then_with(|| a.text.cmp(&b.text)));
    Outcomes { won, won_amount, lost, lost_amount, win_rate: rate::share(won, won + lost), by_reason, objections }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::analysis::testing::{customer, d, m};
    use crate::records::settings::Settings;

    fn opportunity(
        stage: Stage,
        amount: Option<&str>,
        closed: Option<&str>,
        reason: Option<OutcomeReason>,
    ) -> Opportunity {
        Opportunity {
            opened: d("2025-01-01"),
            title: "x".into(),
            amount: amount.map(m),
            stage,
            expected: None,
            closed: closed.map(d),
            reason,
            competitor: None,
            objections: Vec::new(),
        }
    }

    fn outcomes_of(opportunities: Vec<Opportunity>) -> Outcomes {
        let mut c = customer("a");
        c.opportunities = opportunities;
        let records = Records::new(Vec::new(), vec![c]);
        let a = analyse(&records, &Settings::default(), d("2026-11-25"));
        outcomes(&records, &a.customers, &a.window)
    }

    #[test]
    fn won_and_lost_count_when_closed_in_the_window_and_the_win_rate_rounds_halves_up() {
        use OutcomeReason::{Competitor, Price};
        let mut list = vec![
            opportunity(Stage::Won, Some("100"), Some("2025-11-26"), Some(Price)),
            opportunity(Stage::Lost, Some("40"), Some("2025-11-25"), Some(Price)),
            opportunity(Stage::Lost, Some("30"), Some("2026-11-25"), Some(Competitor)),
            opportunity(Stage::Lost, None, Some("2026-11-01"), None),
            opportunity(Stage::Negotiating, Some("999"), None, None),
        ];
        for _ in 0..4 {
            list.push(opportunity(Stage::Lost, Some("1"), Some("2026-06-01"), Some(Price)));
        }
        for _ in 0..4 {
            list.push(opportunity(Stage::Won, Some("1"), Some("2026-06-01"), None));
        }
        let o = outcomes_of(list);
        // 5 won, 6 lost in the window (the one closed on 2025-11-25 is before it): 5 / 11.
        assert_eq!((o.won, o.won_amount, o.lost, o.lost_amount), (5, m("104"), 6, m("34")));
        assert_eq!(o.win_rate, Some(m("0.455")));
        let reasons: Vec<(Option<OutcomeReason>, usize, usize, Money)> =
            o.by_reason.iter().map(|r| (r.reason, r.won, r.lost, r.lost_amount)).collect();
        assert_eq!(reasons, [(Some(Price), 1, 4, m("4")), (Some(Competitor), 0, 1, m("30")), (None, 4, 1, m("0"))]);
    }

    #[test]
    fn nothing_decided_means_no_win_rate() {
        let o = outcomes_of(vec![opportunity(Stage::Lead, Some("5"), None, None)]);
        assert_eq!((o.won, o.lost, o.win_rate, o.by_reason.len()), (0, 0, None, 0));
    }

    #[test]
    fn objections_count_once_per_opportunity_the_most_frequent_first() {
        let with = |stage: Stage, closed: Option<&str>, objections: &[&str]| Opportunity {
            objections: objections.iter().map(|s| s.to_string()).collect(),
            ..opportunity(stage, None, closed, Some(OutcomeReason::Price))
        };
        let o = outcomes_of(vec![
            with(Stage::Quoted, None, &["交期", "价格", " 价格 "]),
            with(Stage::Lost, Some("2026-10-01"), &["价格"]),
            with(Stage::Won, Some("2026-10-01"), &["交期", ""]),
            with(Stage::Lost, Some("2024-10-01"), &["价格", "付款"]),
            with(Stage::Lead, None, &["付款"]),
        ]);
        let got: Vec<(&str, usize)> = o.objections.iter().map(|x| (x.text.as_str(), x.opportunities)).collect();
        assert_eq!(got, [("交期", 2), ("价格", 2), ("付款", 1)], "ties in text order; the lost of 2024 is left out");
    }
}
