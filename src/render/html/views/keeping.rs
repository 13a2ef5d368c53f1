//! The views of SPEC 12.4 on a customer's page, card and owner page: promises with their
//! status, complaints against their targets, deliveries with the days late.

use serde::Serialize;

use super::super::Site;
use super::super::markdown;
use super::{Labelled, opt_date};
use crate::analysis::Facts;
use crate::analysis::complaints::resolution_days;
use crate::analysis::promises::PromiseFacts;
use crate::format::date;
use crate::i18n::ui;

/// A complaint, with its targets (SPEC 12.2).
#[derive(Debug, Clone, Serialize)]
pub struct ComplaintView {
    /// Opened.
    pub opened: String,
    /// Summary.
    pub summary: String,
    /// Severity.
    pub severity: Labelled,
    /// Category.
    pub category: Labelled,
    /// Resolved date (empty when open).
    pub resolved: String,
    /// Resolution.
    pub resolution: String,
    /// Days open so far, or days it took.
    pub days: i64,
    /// Open as of today.
    pub open: bool,
    /// The first answer to the customer (empty when none is recorded).
    pub responded: String,
    /// The answer's target: opened + respond_days of the severity.
    pub respond_by: String,
    /// Whether it was answered by then: key `on_time` or `late`; `null` while still in time.
    pub responded_on_time: Option<Labelled>,
    /// The resolution's target: opened + resolve_days of the severity.
    pub resolve_by: String,
    /// Whether it was resolved by then: key `on_time` or `late`; `null` while still in time.
    pub on_time: Option<Labelled>,
    /// The row's anchor on the customer's page (`complaint-1`, by file order).
    pub anchor: String,
}

/// A promise made to the customer.
#[derive(Debug, Clone, Serialize)]
pub struct PromiseView {
    /// When it was made.
    pub made: String,
    /// When it is due.
    pub due: String,
    /// What was promised, as safe HTML (empty on a card).
    pub what_html: String,
    /// What was promised, as a plain excerpt (on a card and the week page).
    pub excerpt: String,
    /// Who made it: `by`, else the customer's owner (their name).
    pub by: String,
    /// The day it was kept (empty when not kept by today).
    pub kept: String,
    /// Kept, late, overdue or open.
    pub status: Labelled,
    /// Not kept yet (overdue or open).
    pub open: bool,
}

/// A promise on an owner's page, with whose customer it was made to.
#[derive(Debug, Serialize)]
pub struct PromiseRow {
    /// Customer id.
    pub customer: String,
    /// Customer name.
    pub name: String,
    /// The promise (its fields appear at this level).
    #[serde(flatten)]
    pub promise: PromiseView,
}

/// An order with a promised delivery date.
#[derive(Debug, Serialize)]
pub struct DeliveryView {
    /// The order's date.
    pub date: String,
    /// The order's ref (empty when none).
    pub reference: String,
    /// The promised delivery date.
    pub promised: String,
    /// The actual delivery date (empty when not delivered by today).
    pub delivered: String,
    /// Days after the promised date it came, or has been waited for so far (0 when on time).
    pub late_days: i64,
    /// Not delivered and past the promised date.
    pub overdue: bool,
}

impl Site<'_> {
    /// `on time` or `late` for a target that was met or missed.
    fn timing(&self, on_time: Option<bool>) -> Option<Labelled> {
        let (key, text) = if on_time? { ("on_time", ui::ON_TIME) } else { ("late", ui::LATE) };
        Some(self.labelled_key(key, text))
    }

    /// The complaints of a customer up to today against their targets, open first, newest
    /// first.
    pub fn complaints(&self, f: &Facts) -> Vec<ComplaintView> {
        let c = &self.records.customers[f.index];
        let mut list: Vec<ComplaintView> = f
            .keeping
            .complaints
            .iter()
            .map(|t| {
                let k = &c.complaints[t.index];
                ComplaintView {
                    opened: date(k.opened),
                    summary: k.summary.clone(),
                    severity: self.labelled(k.severity),
                    category: self.labelled(k.category),
                    resolved: opt_date(t.resolved),
                    resolution: k.resolution.clone().unwrap_or_default(),
                    days: resolution_days(k, self.today).unwrap_or_else(|| (self.today - k.opened).num_days()),
                    open: k.is_open(self.today),
                    responded: opt_date(t.responded),
                    respond_by: date(t.respond_by),
                    responded_on_time: self.timing(t.responded_on_time),
                    resolve_by: date(t.resolve_by),
                    on_time: self.timing(t.on_time),
                    anchor: crate::render::html::paths::anchor("complaint", t.index),
                }
            })
            .collect();
        list.sort_by(|a, b| b.open.cmp(&a.open).then_with(|| b.opened.cmp(&a.opened)));
        list
    }

    /// One promise of the customer at `f`.
    pub fn promise_view(&self, f: &Facts, p: &PromiseFacts, for_card: bool) -> PromiseView {
        let what = &self.records.customers[f.index].promises[p.index].what;
        PromiseView {
            made: date(p.made),
            due: date(p.due),
            what_html: if for_card { String::new() } else { markdown::render(what) },
            excerpt: markdown::plain_excerpt(what, 90),
            by: self.member_name(&p.by),
            kept: opt_date(p.kept),
            status: self.labelled(p.status),
            open: p.status.is_open(),
        }
    }

    /// The promises of a customer made up to today: those not kept first, by due date; then
    /// the kept ones, the latest due first.
    pub fn promises(&self, f: &Facts, for_card: bool) -> Vec<PromiseView> {
        self.sorted_promises(f.keeping.promises.iter()).into_iter().map(|p| self.promise_view(f, p, for_card)).collect()
    }

    /// Promises in page order: not kept first, by due date; then kept, the latest due first;
    /// ties in file order.
    pub fn sorted_promises<'p>(&self, promises: impl Iterator<Item = &'p PromiseFacts>) -> Vec<&'p PromiseFacts> {
        let mut list: Vec<&PromiseFacts> = promises.collect();
        list.sort_by(|a, b| {
            let by_due = if a.status.is_open() { a.due.cmp(&b.due) } else { b.due.cmp(&a.due) };
            b.status.is_open().cmp(&a.status.is_open()).then(by_due).then(a.index.cmp(&b.index))
        });
        list
    }

    /// The deliveries of a customer: orders with a promised date, the latest order first.
    pub fn deliveries(&self, f: &Facts) -> Vec<DeliveryView> {
        let mut list: Vec<DeliveryView> = f
            .keeping
            .deliveries
            .iter()
            .rev()
            .map(|x| DeliveryView {
                date: date(x.date),
                reference: x.reference.clone().unwrap_or_default(),
                promised: date(x.promised),
                delivered: opt_date(x.delivered),
                late_days: x.late_days,
                overdue: x.is_overdue(self.today),
            })
            .collect();
        list.sort_by(|a, b| b.date.cmp(&a.date));
        list
    }
}
