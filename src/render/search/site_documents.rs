//! The documents of a site: a small reference (kind, customer, entry) for each, in the order of
//! the ids, and each document made from the records when the index asks for it. Redacted
//! fields (`--redact`) are left out here, so they are in no file of the index.

use std::borrow::Cow;

use rayon::prelude::*;

use super::documents::{Anchor, Doc, Documents, KINDS, Kind};
use crate::analysis::Facts;
use crate::records::model::{Customer, Order};
use crate::render::html::Site;
use crate::render::html::markdown::plain_words;
use crate::render::html::newest_first;
use crate::render::html::paths::id_path;

/// One document: what it is, of which customer (its index in the records) and which entry
/// (the contact, order, complaint or interaction by its index in the file; the line of
/// [`SiteDocuments::history`] for a change; unused otherwise).
#[derive(Debug, Clone, Copy)]
struct DocRef {
    kind: Kind,
    customer: u32,
    entry: u32,
}

/// Every document of a site, by kind, then in the order of the customers, then in page order
/// within a customer.
pub struct SiteDocuments<'s, 'a> {
    site: &'s Site<'a>,
    refs: Vec<DocRef>,
    /// On a redacted site, the values withheld from each customer's documents, by the
    /// customer's index in the records; empty otherwise.
    withheld: Vec<Vec<String>>,
    /// The text of each change in the history: made from the commits, so kept as made.
    history: Vec<String>,
}

/// The documents of one customer, by kind, and the texts of its changes.
type OfCustomer = ([Vec<DocRef>; KINDS], Vec<String>);

/// The documents of `site`.
pub fn documents<'s, 'a>(site: &'s Site<'a>) -> SiteDocuments<'s, 'a> {
    let mut per_customer: Vec<OfCustomer> = site.analysis.customers.par_iter().map(|f| of_customer(site, f)).collect();
    let mut refs: Vec<DocRef> = Vec::with_capacity(per_customer.iter().flat_map(|(r, _)| r).map(Vec::len).sum());
    let mut history = Vec::new();
    for kind in 0..KINDS {
        for (mine, changes) in &mut per_customer {
            let from = refs.len();
            refs.extend(&mine[kind]);
            if kind == Kind::History as usize {
                for (r, text) in refs[from..].iter_mut().zip(std::mem::take(changes)) {
                    r.entry = history.len() as u32;
                    history.push(text);
                }
            }
        }
    }
    let withheld = if site.redact { site.records.customers.iter().map(|c| withheld(c)).collect() } else { Vec::new() };
    SiteDocuments { site, refs, withheld, history }
}

/// The references to the documents of one customer, by kind, and the texts of its changes.
fn of_customer(site: &Site<'_>, f: &Facts) -> OfCustomer {
    let mut out: [Vec<DocRef>; KINDS] = Default::default();
    let c = &site.records.customers[f.index];
    if id_path("customers", &c.id, "html").is_none() {
        return (out, Vec::new());
    }
    let mut push = |kind: Kind, entry: usize| {
        out[kind as usize].push(DocRef { kind, customer: f.index as u32, entry: entry as u32 });
    };
    push(Kind::Customer, 0);
    (0..c.contacts.len()).for_each(|i| push(Kind::Contact, i));
    let orders = newest_first(&c.orders, site.today, |o| o.date);
    orders.into_iter().filter(|(_, o)| !order_text(o).is_empty()).for_each(|(i, _)| push(Kind::Order, i));
    f.keeping.complaints.iter().for_each(|t| push(Kind::Complaint, t.index));
    newest_first(&c.interactions, site.today, |i| i.date).into_iter().for_each(|(i, _)| push(Kind::Interaction, i));
    if c.notes.is_some() && !site.redact {
        push(Kind::Note, 0);
    }
    let changes: Vec<String> = site
        .history_rows(&c.id)
        .iter()
        .map(|row| joined(std::iter::once(row.subject.as_str()).chain(row.changes.iter().map(String::as_str))).into())
        .collect();
    (0..changes.len()).for_each(|i| push(Kind::History, i));
    (out, changes)
}

impl Documents for SiteDocuments<'_, '_> {
    fn count(&self) -> usize {
        self.refs.len()
    }

    fn doc(&self, id: usize) -> Doc<'_> {
        let DocRef { kind, customer, entry } = self.refs[id];
        let c: &Customer = &self.site.records.customers[customer as usize];
        let entry = entry as usize;
        let (text, anchor, name) = match kind {
            Kind::Customer => (self.customer_text(c), Anchor::default(), c.name.as_str()),
            Kind::Contact => {
                let p = &c.contacts[entry];
                let mut fields = vec![p.name.as_str(), p.title.as_deref().unwrap_or("")];
                fields.extend(self.reach([&p.phone, &p.email, &p.wechat]));
                (joined(fields), Anchor::entry("contact", entry), p.name.as_str())
            }
            Kind::Order => (order_text(&c.orders[entry]), Anchor::entry("order", entry), ""),
            Kind::Complaint => {
                let k = &c.complaints[entry];
                (
                    joined([k.summary.as_str(), k.resolution.as_deref().unwrap_or("")]),
                    Anchor::entry("complaint", entry),
                    "",
                )
            }
            Kind::Interaction => (plain_words(&c.interactions[entry].summary), Anchor::entry("interaction", entry), ""),
            Kind::Note => (plain_words(c.notes.as_deref().unwrap_or("")), Anchor::section("notes"), ""),
            Kind::History => (Cow::Borrowed(self.history[entry].as_str()), Anchor::section("history"), ""),
        };
        let withheld = match self.withheld.get(customer as usize) {
            Some(values) if !name.is_empty() => values.as_slice(),
            _ => &[],
        };
        Doc { kind, title: &c.name, text, customer: &c.id, anchor, name, withheld }
    }
}

impl<'s> SiteDocuments<'s, '_> {
    /// What a customer is found by: id, region, owner, tags and (unless redacted) phone,
    /// e-mail and WeChat.
    fn customer_text(&self, c: &Customer) -> Cow<'s, str> {
        let owner = self.site.member_name(c.owner.get_ref());
        let mut fields = vec![c.id.as_str(), c.region.as_deref().unwrap_or(""), owner.as_str()];
        fields.extend(c.tags.iter().map(String::as_str));
        fields.extend(self.reach([&c.phone, &c.email, &c.wechat]));
        Cow::Owned(joined(fields).into_owned())
    }

    /// The ways to reach someone that are set, none on a redacted site.
    fn reach<'c>(&self, values: [&'c Option<String>; 3]) -> Vec<&'c str> {
        if self.site.redact { Vec::new() } else { values.iter().filter_map(|v| v.as_deref()).collect() }
    }
}

/// What an order is found by: its reference and product.
fn order_text(o: &Order) -> Cow<'_, str> {
    let reference = o.reference.as_deref().unwrap_or("");
    joined([reference, o.product.as_deref().unwrap_or("")])
}

/// `parts` that are not empty, joined with ` · ` (borrowed when there is only one).
fn joined<'a>(parts: impl IntoIterator<Item = &'a str>) -> Cow<'a, str> {
    let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    match parts[..] {
        [] => Cow::Borrowed(""),
        [one] => Cow::Borrowed(one),
        _ => Cow::Owned(parts.join(" · ")),
    }
}

/// The values `--redact` leaves out of a customer's page, folded as terms are.
fn withheld(c: &Customer) -> Vec<String> {
    let people = std::iter::once([&c.phone, &c.email, &c.wechat, &c.address])
        .chain(c.contacts.iter().map(|p| [&p.phone, &p.email, &p.wechat, &None]));
    let mut out: Vec<String> = people.flatten().filter_map(|v| v.as_deref()).map(super::fold).collect();
    out.retain(|v| !v.is_empty());
    out
}

#[cfg(test)]
mod tests;
