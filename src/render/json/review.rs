//! The parts of the `team` object a manager reviews: the opportunities decided in the window
//! (won and lost by reason, objections) and the week per member, in counts.

use serde::Serialize;

use super::{ser_money, ser_opt_money};
use crate::analysis::outcomes::Outcomes;
use crate::analysis::week::Week;
use crate::format::date;
use crate::records::model::Money;

/// The opportunities won and lost for one reason.
#[derive(Serialize)]
pub struct ReasonView {
    reason: Option<&'static str>,
    won: usize,
    #[serde(serialize_with = "ser_money")]
    won_amount: Money,
    lost: usize,
    #[serde(serialize_with = "ser_money")]
    lost_amount: Money,
}

/// One objection and how many opportunities raised it.
#[derive(Serialize)]
pub struct ObjectionView<'a> {
    objection: &'a str,
    opportunities: usize,
}

/// The opportunities decided in the window.
#[derive(Serialize)]
pub struct OutcomesView<'a> {
    won: usize,
    #[serde(serialize_with = "ser_money")]
    won_amount: Money,
    lost: usize,
    #[serde(serialize_with = "ser_money")]
    lost_amount: Money,
    #[serde(serialize_with = "ser_opt_money")]
    win_rate: Option<Money>,
    by_reason: Vec<ReasonView>,
    objections: Vec<ObjectionView<'a>>,
}

/// One member's week, in counts.
#[derive(Serialize)]
pub struct OwnerWeekView<'a> {
    owner: &'a str,
    interactions: usize,
    orders: usize,
    payments: usize,
    complaints_opened: usize,
    complaints_resolved: usize,
    promises_made: usize,
    promises_kept: usize,
}

/// The week under review.
#[derive(Serialize)]
pub struct WeekView<'a> {
    from: String,
    to: String,
    owners: Vec<OwnerWeekView<'a>>,
}

/// The view of the opportunities decided in the window.
pub fn outcomes_view(o: &Outcomes) -> OutcomesView<'_> {
    OutcomesView {
        won: o.won,
        won_amount: o.won_amount,
        lost: o.lost,
        lost_amount: o.lost_amount,
        win_rate: o.win_rate,
        by_reason: o
            .by_reason
            .iter()
            .map(|r| ReasonView {
                reason: r.reason.map(|r| r.as_str()),
                won: r.won,
                won_amount: r.won_amount,
                lost: r.lost,
                lost_amount: r.lost_amount,
            })
            .collect(),
        objections: o
            .objections
            .iter()
            .map(|x| ObjectionView { objection: &x.text, opportunities: x.opportunities })
            .collect(),
    }
}

/// The view of the week under review.
pub fn week_view(w: &Week) -> WeekView<'_> {
    WeekView {
        from: date(w.from),
        to: date(w.to),
        owners: w
            .owners
            .iter()
            .map(|o| OwnerWeekView {
                owner: &o.owner,
                interactions: o.interactions.len(),
                orders: o.orders.len(),
                payments: o.payments.len(),
                complaints_opened: o.complaints_opened.len(),
                complaints_resolved: o.complaints_resolved.len(),
                promises_made: o.promises_made.len(),
                promises_kept: o.promises_kept.len(),
            })
            .collect(),
    }
}
