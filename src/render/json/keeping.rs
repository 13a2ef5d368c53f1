//! SPEC 12.2's per-customer arrays in the export: complaints against their targets, promises
//! with their status, deliveries with their late days; and the rates of the `team` object
//! and the owners.

use serde::Serialize;

use super::ser_opt_money;
use crate::analysis::Facts;
use crate::analysis::complaints::resolution_days;
use crate::analysis::rate::Rate;
use crate::format::date;
use crate::records::model::{Customer, Money};

/// One complaint as exported, with its resolution time (SPEC 10.2) and its targets (SPEC
/// 12.2), keys in SPEC 12.2's order.
#[derive(Serialize)]
pub struct ComplaintView<'a> {
    opened: String,
    summary: &'a str,
    severity: &'static str,
    category: &'static str,
    resolved: Option<String>,
    responded: Option<String>,
    resolution_days: Option<i64>,
    response_days: Option<i64>,
    respond_by: String,
    responded_on_time: Option<bool>,
    resolve_by: String,
    on_time: Option<bool>,
}

/// One promise as exported.
#[derive(Serialize)]
pub struct PromiseView<'a> {
    made: String,
    due: String,
    what: &'a str,
    by: &'a str,
    kept: Option<String>,
    status: &'static str,
}

/// One order with a promised delivery date, as exported.
#[derive(Serialize)]
pub struct DeliveryView<'a> {
    date: String,
    #[serde(rename = "ref")]
    reference: Option<&'a str>,
    promised: String,
    delivered: Option<String>,
    late_days: i64,
}

/// The customer's complaints opened up to today, in file order.
pub fn complaints<'a>(c: &'a Customer, f: &Facts, today: chrono::NaiveDate) -> Vec<ComplaintView<'a>> {
    f.keeping
        .complaints
        .iter()
        .map(|t| {
            let k = &c.complaints[t.index];
            ComplaintView {
                opened: date(k.opened),
                summary: &k.summary,
                severity: k.severity.as_str(),
                category: k.category.as_str(),
                resolved: t.resolved.map(date),
                responded: t.responded.map(date),
                resolution_days: resolution_days(k, today),
                response_days: t.response_days,
                respond_by: date(t.respond_by),
                responded_on_time: t.responded_on_time,
                resolve_by: date(t.resolve_by),
                on_time: t.on_time,
            }
        })
        .collect()
}

/// The customer's promises made up to today, in file order.
pub fn promises<'a>(c: &'a Customer, f: &'a Facts) -> Vec<PromiseView<'a>> {
    f.keeping
        .promises
        .iter()
        .map(|p| PromiseView {
            made: date(p.made),
            due: date(p.due),
            what: &c.promises[p.index].what,
            by: &p.by,
            kept: p.kept.map(date),
            status: p.status.as_str(),
        })
        .collect()
}

/// The customer's orders with a promised delivery date, in file order.
pub fn deliveries(f: &Facts) -> Vec<DeliveryView<'_>> {
    f.keeping
        .deliveries
        .iter()
        .map(|x| DeliveryView {
            date: date(x.date),
            reference: x.reference.as_deref(),
            promised: date(x.promised),
            delivered: x.delivered.map(date),
            late_days: x.late_days,
        })
        .collect()
}

/// `retention`: `{base, retained, rate}`.
#[derive(Serialize)]
pub struct RetentionView {
    base: usize,
    retained: usize,
    #[serde(serialize_with = "ser_opt_money")]
    rate: Option<Money>,
}

/// `complaints_on_time`: `{resolved, on_time, rate}`.
#[derive(Serialize)]
pub struct ComplaintsOnTimeView {
    resolved: usize,
    on_time: usize,
    #[serde(serialize_with = "ser_opt_money")]
    rate: Option<Money>,
}

/// `promises_kept`: `{due, kept, rate}`.
#[derive(Serialize)]
pub struct PromisesKeptView {
    due: usize,
    kept: usize,
    #[serde(serialize_with = "ser_opt_money")]
    rate: Option<Money>,
}

/// `deliveries_on_time`: `{delivered, on_time, rate}`.
#[derive(Serialize)]
pub struct DeliveriesOnTimeView {
    delivered: usize,
    on_time: usize,
    #[serde(serialize_with = "ser_opt_money")]
    rate: Option<Money>,
}

impl From<&Rate> for RetentionView {
    fn from(r: &Rate) -> Self {
        RetentionView { base: r.of, retained: r.hits, rate: r.rate }
    }
}

impl From<&Rate> for ComplaintsOnTimeView {
    fn from(r: &Rate) -> Self {
        ComplaintsOnTimeView { resolved: r.of, on_time: r.hits, rate: r.rate }
    }
}

impl From<&Rate> for PromisesKeptView {
    fn from(r: &Rate) -> Self {
        PromisesKeptView { due: r.of, kept: r.hits, rate: r.rate }
    }
}

impl From<&Rate> for DeliveriesOnTimeView {
    fn from(r: &Rate) -> Self {
        DeliveriesOnTimeView { delivered: r.of, on_time: r.hits, rate: r.rate }
    }
}
