//! Borrowed, pre-formatted view structs that templates receive (never the domain types):
//! named fields only, no tuples, so that a team's template override reads every value by
//! name. docs/site.md lists what each page template receives.
//!
//! The structs shared by several pages are here; those of one page family are in
//! [`customer`] (a customer's page and card), [`day`] (the owner's day), [`keeping`] (SPEC 12's promises, complaint
//! targets and deliveries), [`week`] (the week under review), [`team`] (the dashboard, receivables, owners
//! and regions) and [`care`] (complaints, lost customers, the scorecard and the pipeline).

pub mod care;
pub mod customer;
pub mod customer_page;
pub mod day;
pub mod keeping;
pub mod team;
pub mod week;

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::Site;
use crate::analysis::Facts;
use crate::analysis::agenda::AgendaItem;
use crate::format::{date, money, percent};
use crate::i18n::{Label, Text, ui};

/// A label with the key it was translated from (the key also serves as a CSS class).
///
/// Templates see a map `{key, label}`. Every distinct label is turned into the template
/// engine's value once per thread and shared by every row that shows it: the agenda's tens of
/// thousands of rows carry a few dozen distinct statuses and kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labelled {
    /// The untranslated key, e.g. `active`.
    pub key: &'static str,
    /// The label in the site's language.
    pub label: &'static str,
}

/// [`Labelled`] as templates see it.
#[derive(Serialize)]
struct LabelledFields {
    key: &'static str,
    label: &'static str,
}

thread_local! {
    /// Each label met on this thread as the template engine's value, by key and label.
    static LABEL_VALUES: std::cell::RefCell<HashMap<(&'static str, &'static str), tera::Value>> =
        std::cell::RefCell::new(HashMap::new());
}

impl Serialize for Labelled {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = LABEL_VALUES.with(|values| {
            values
                .borrow_mut()
                .entry((self.key, self.label))
                .or_insert_with(|| tera::Value::from_serializable(&LabelledFields { key: self.key, label: self.label }))
                .clone()
        });
        value.serialize(serializer)
    }
}

/// A value shown with how it was computed.
#[derive(Debug, Clone, Serialize)]
pub struct Explained {
    /// The label of the value.
    pub label: String,
    /// The value, formatted.
    pub value: String,
    /// How it was computed.
    pub why: String,
}

/// A customer to link to: its id (the page's file name) and its name.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerLink {
    /// Customer id.
    pub id: String,
    /// Display name (the id when the customer is unknown).
    pub name: String,
}

/// One row of a customer table.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerRow {
    /// Customer id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// ABC class.
    pub class: &'static str,
    /// Lifecycle stage.
    pub lifecycle: Labelled,
    /// Score, formatted.
    pub score: String,
    /// Revenue, formatted.
    pub revenue: String,
    /// Revenue for sorting.
    pub revenue_sort: String,
    /// Credit grade.
    pub grade: &'static str,
    /// Unpaid amount, formatted (empty when none).
    pub exposure: String,
    /// Whether the customer is over its credit limit.
    pub over_limit: bool,
    /// Completeness percent.
    pub completeness: u8,
    /// Owner id.
    pub owner: String,
    /// Owner name.
    pub owner_name: String,
    /// Region (empty when none).
    pub region: String,
    /// Region page slug.
    pub region_slug: String,
    /// Last contact date (empty when none).
    pub last_contact: String,
    /// Tags joined for display.
    pub tags: String,
    /// Why a key customer is at risk.
    pub risk: Vec<Labelled>,
}

/// One agenda item.
#[derive(Debug, Clone, Serialize)]
pub struct AgendaRow {
    /// Date.
    pub date: String,
    /// Status.
    pub status: Labelled,
    /// Kind.
    pub kind: Labelled,
    /// Customer id.
    pub customer: String,
    /// Customer name.
    pub name: String,
    /// Owner id.
    pub owner: String,
    /// Owner name.
    pub owner_name: String,
    /// Why it is on the agenda.
    pub reason: String,
    /// Phone to call.
    pub phone: String,
}

/// The entries of a list dated up to `today`, with their index in the file, newest first and,
/// on one day, the later in the file first: the order a customer's page lists them in (and the
/// search its results).
pub fn newest_first<T>(entries: &[T], today: NaiveDate, date: impl Fn(&T) -> NaiveDate) -> Vec<(usize, &T)> {
    let mut list: Vec<(usize, &T)> = entries.iter().enumerate().filter(|(_, e)| date(e) <= today).collect();
    list.sort_by(|a, b| date(b.1).cmp(&date(a.1)).then(b.0.cmp(&a.0)));
    list
}

/// A date, or empty.
pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_default()
}

/// A change as a signed percentage with one decimal: `+12.5 %`, `-3 %`, `+0 %`.
pub fn signed_percent(change: Decimal) -> String {
    let text = percent(change);
    if text.starts_with('-') { text } else { format!("+{text}") }
}

impl Site<'_> {
    /// An enumerated value with its name in the site's language.
    pub fn labelled(&self, value: impl Label) -> Labelled {
        Labelled { key: value.key(), label: value.label().get(self.lang()) }
    }

    /// A key with the catalogue's word for it, in the site's language.
    pub fn labelled_key(&self, key: &'static str, text: Text) -> Labelled {
        Labelled { key, label: text.get(self.lang()) }
    }

    /// A rate's base as `12 of 15`.
    pub fn rate_of(&self, r: &crate::analysis::rate::Rate) -> String {
        ui::RATE_OF.fill(self.lang(), &[("hits", &r.hits), ("of", &r.of)])
    }

    /// A share as a percentage, `—` when there is none.
    pub fn share(&self, share: Option<Decimal>) -> String {
        share.map_or_else(|| "—".to_string(), percent)
    }

    /// A word of the catalogue in the site's language.
    pub fn word(&self, text: Text) -> String {
        text.get(self.lang()).to_string()
    }

    /// Money in the settings' currency.
    pub fn money(&self, value: Decimal) -> String {
        money(value, &self.settings.currency)
    }

    /// The display name of a team member (the id when unknown).
    pub fn member_name(&self, id: &str) -> String {
        self.records.member(id).map_or_else(|| id.to_string(), |m| m.name.clone())
    }

    /// A link to the customer with this id.
    pub fn customer_link(&self, id: &str) -> CustomerLink {
        CustomerLink {
            id: id.to_string(),
            name: self.customer_by_id(id).map_or_else(|| id.to_string(), |c| c.name.clone()),
        }
    }

    /// A customer table row.
    pub fn customer_row(&self, f: &Facts) -> CustomerRow {
        let c = &self.records.customers[f.index];
        let region = c.region.clone().unwrap_or_default();
        CustomerRow {
            id: c.id.clone(),
            name: c.name.clone(),
            class: f.class().as_str(),
            lifecycle: self.labelled(f.lifecycle),
            score: f.score.value.to_string(),
            revenue: self.money(f.ledger.revenue),
            revenue_sort: f.ledger.revenue.to_string(),
            grade: f.credit.grade.as_str(),
            exposure: if f.credit.exposure.is_zero() { String::new() } else { self.money(f.credit.exposure) },
            over_limit: f.credit.over_limit,
            completeness: f.completeness,
            owner: c.owner.get_ref().clone(),
            owner_name: self.member_name(c.owner.get_ref()),
            region_slug: if region.is_empty() { String::new() } else { super::paths::region_slug(&region) },
            region,
            last_contact: opt_date(f.last_contact),
            tags: c.tags.join(", "),
            risk: f.care.risk.iter().map(|r| self.labelled(*r)).collect(),
        }
    }

    /// An agenda row.
    pub fn agenda_row(&self, item: &AgendaItem) -> AgendaRow {
        let customer = self.customer_by_id(&item.customer);
        let phone = if self.redact { None } else { customer.and_then(|c| c.best_phone(self.today)) };
        AgendaRow {
            date: date(item.date),
            status: self.labelled(item.status),
            kind: self.labelled(item.kind),
            customer: item.customer.clone(),
            name: customer.map(|c| c.name.clone()).unwrap_or_default(),
            owner: item.owner.clone(),
            owner_name: self.member_name(&item.owner),
            reason: item.reason.clone(),
            phone: phone.unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests;
