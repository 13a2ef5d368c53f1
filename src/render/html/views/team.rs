//! The views of the team pages: the dashboard's figures and charts, receivables, the agenda
//! groups and the owner and region lists.

use serde::Serialize;

use super::super::Site;
use crate::analysis::receivables::{Bucket, Unpaid};
use crate::format::date;
use crate::i18n::ui;

/// A labelled figure with an optional note and a link.
#[derive(Debug, Serialize)]
pub struct Figure {
    /// What it is.
    pub label: String,
    /// The value, formatted.
    pub value: String,
    /// A note under the value (empty when none).
    pub note: String,
    /// The page it links to, relative to the site's root (empty when none).
    pub href: String,
}

/// A share with its base and how it was computed (the dashboard's rates).
#[derive(Debug, Serialize)]
pub struct RateFigure {
    /// `retention`, `complaints_on_time`, `promises_kept` or `deliveries_on_time`.
    pub key: &'static str,
    /// What it is.
    pub label: String,
    /// The share as a percentage, `—` when there was nothing to count.
    pub value: String,
    /// The base: `12 of 15`, or that there is nothing to count yet.
    pub note: String,
    /// How it was computed.
    pub why: String,
}

/// One row of a chart's data table.
#[derive(Debug, Clone, Serialize)]
pub struct ChartRow {
    /// What the row is (a month, a class, a bucket …).
    pub label: String,
    /// Its value, formatted.
    pub value: String,
}

/// A chart on the dashboard.
#[derive(Debug, Serialize)]
pub struct ChartView {
    /// Caption.
    pub title: String,
    /// The inline SVG.
    pub svg: String,
    /// The numbers, for reading and printing.
    pub table: Vec<ChartRow>,
    /// Spans both columns.
    pub wide: bool,
}

/// One unpaid credit order.
#[derive(Debug, Serialize)]
pub struct UnpaidRow {
    /// Customer id.
    pub customer: String,
    /// Customer name.
    pub name: String,
    /// Owner name.
    pub owner_name: String,
    /// The order's ref.
    pub reference: String,
    /// Order date.
    pub date: String,
    /// Due date.
    pub due: String,
    /// Amount, formatted.
    pub amount: String,
    /// Days past due (0 when not yet due).
    pub days_overdue: i64,
    /// The ageing bucket, 0 (not due) to 4 (over 90 days).
    pub bucket: usize,
}

/// A customer's or an owner's receivables on the receivables page.
#[derive(Debug, Serialize)]
pub struct ReceivablesRow {
    /// Customer or owner id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Unpaid amount, formatted.
    pub exposure: String,
    /// The overdue part, formatted.
    pub overdue: String,
    /// The customer's credit limit, formatted (empty for an owner or without a limit).
    pub limit: String,
    /// Whether the customer is over its limit (`false` for an owner).
    pub over_limit: bool,
}

/// Agenda rows of one status.
#[derive(Debug, Serialize)]
pub struct AgendaGroup {
    /// Status key.
    pub key: &'static str,
    /// Status label.
    pub label: String,
    /// The items: each an [`super::AgendaRow`] made a template value as soon as it is made, so that
    /// the agenda of 100,000 customers is not held twice (as rows and as values).
    pub items: Vec<tera::Value>,
}

/// A team member in a list of links.
#[derive(Debug, Serialize)]
pub struct OwnerLink {
    /// Team id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Whether the member has left by today.
    pub left: bool,
}

/// A team member on the owners page.
#[derive(Debug, Serialize)]
pub struct OwnerRow {
    /// Team id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Whether the member has left by today.
    pub left: bool,
    /// How many customers they own.
    pub customers: usize,
    /// Their customers' revenue, formatted.
    pub revenue: String,
    /// Their overdue agenda items.
    pub overdue_items: usize,
    /// Their customers' unpaid amounts, formatted.
    pub receivables: String,
}

/// A region on the regions page.
#[derive(Debug, Serialize)]
pub struct RegionRow {
    /// The region page's file name, without `.html`.
    pub slug: String,
    /// The region.
    pub name: String,
    /// How many customers are in it.
    pub customers: usize,
    /// Their revenue, formatted.
    pub revenue: String,
}

/// An archived customer.
#[derive(Debug, Serialize)]
pub struct ArchivedRow {
    /// Customer id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Owner name.
    pub owner_name: String,
    /// Region.
    pub region: String,
    /// The date of the last order up to today (empty when none).
    pub last_order: String,
}

impl Site<'_> {
    /// An ageing bucket's label: `not due`, `1–30 days`, …, `90+ days`.
    pub fn bucket_label(&self, bucket: Bucket) -> String {
        let range = match bucket {
            Bucket::NotDue => return self.word(ui::NOT_DUE),
            Bucket::Days1To30 => "1–30",
            Bucket::Days31To60 => "31–60",
            Bucket::Days61To90 => "61–90",
            Bucket::Over90 => "90+",
        };
        format!("{range} {}", self.word(ui::DAYS))
    }

    /// Every team member as a link, in file order.
    pub fn owner_links(&self) -> Vec<OwnerLink> {
        self.records
            .members
            .iter()
            .map(|m| OwnerLink {
                id: m.id.get_ref().clone(),
                name: m.name.clone(),
                left: m.left.is_some_and(|d| d <= self.today),
            })
            .collect()
    }

    /// Unpaid credit orders as table rows.
    pub fn unpaid_rows(&self, unpaid: &[Unpaid]) -> Vec<UnpaidRow> {
        unpaid
            .iter()
            .map(|u| {
                let c = &self.records.customers[u.customer];
                let o = &c.orders[u.order];
                UnpaidRow {
                    customer: c.id.clone(),
                    name: c.name.clone(),
                    owner_name: self.member_name(c.owner.get_ref()),
                    reference: o.reference.as_ref().map(|r| r.to_string()).unwrap_or_default(),
                    date: date(o.date),
                    due: date(u.due),
                    amount: self.money(u.amount),
                    days_overdue: u.days_overdue,
                    bucket: u.bucket.index(),
                }
            })
            .collect()
    }
}
