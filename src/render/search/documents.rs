//! What the search finds: one document per customer, contact, order, complaint, interaction,
//! set of notes and change in the history, each with the text it is found by and shown with,
//! and the page and anchor it links to. Redacted fields (`--redact`) are left out here, so
//! they are in no file of the index.

use rayon::prelude::*;

use super::super::html::Site;
use super::super::html::markdown::plain_excerpt;
use super::super::html::paths::{anchor, id_path};
use crate::analysis::Facts;
use crate::records::model::Customer;

/// The longest text a document keeps for its snippet (the whole text is indexed).
const SHOWN: usize = 400;

/// What a document is, in the order results are listed (the script names them by this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The customer itself: name, id, region, tags, owner, phone, e-mail, WeChat.
    Customer,
    /// A person of the customer: name, title, phone, e-mail, WeChat.
    Contact,
    /// An order: reference and product.
    Order,
    /// A complaint: summary and resolution.
    Complaint,
    /// An interaction: its summary.
    Interaction,
    /// The customer's notes.
    Note,
    /// A commit that changed the customer: subject and changes.
    History,
}

/// The number of kinds.
pub const KINDS: usize = 7;

/// One thing the search finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// What it is.
    pub kind: Kind,
    /// The customer's name (the result's heading).
    pub title: String,
    /// The text it is found by and its snippet is taken from.
    pub text: String,
    /// The customer's id: the result links to `customers/<id>.html`.
    pub customer: String,
    /// The anchor on that page (`interaction-3`), or empty for the top of the page.
    pub anchor: String,
    /// A name also found by its pinyin (the customer's or the contact's), or empty.
    pub name: String,
    /// On a redacted site, the folded values of the redacted fields: no term that holds one
    /// is indexed, even when a name's pinyin happens to spell a WeChat id.
    pub withheld: Vec<String>,
}

/// Every document of the site, by kind, then in the order of the customers, then in page
/// order within a customer.
pub fn documents(site: &Site<'_>) -> Vec<Doc> {
    let per_customer: Vec<[Vec<Doc>; KINDS]> =
        site.analysis.customers.par_iter().map(|f| of_customer(site, f)).collect();
    let mut by_kind: [Vec<Doc>; KINDS] = Default::default();
    for docs in per_customer {
        for (all, mine) in by_kind.iter_mut().zip(docs) {
            all.extend(mine);
        }
    }
    by_kind.into_iter().flatten().collect()
}

/// `parts` that are not empty, joined with ` · `.
fn joined<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
}

/// The documents of one customer, by kind.
fn of_customer(site: &Site<'_>, f: &Facts) -> [Vec<Doc>; KINDS] {
    let mut out: [Vec<Doc>; KINDS] = Default::default();
    let c = &site.records.customers[f.index];
    if id_path("customers", &c.id, "html").is_none() {
        return out;
    }
    let withheld: Vec<String> = if site.redact { withheld(c) } else { Vec::new() };
    let doc = |kind: Kind, text: String, section: Option<String>, name: &str| Doc {
        kind,
        title: c.name.clone(),
        text,
        customer: c.id.clone(),
        anchor: section.unwrap_or_default(),
        name: name.to_string(),
        withheld: if name.is_empty() { Vec::new() } else { withheld.clone() },
    };
    let reach = |values: [&Option<String>; 3]| -> Vec<String> {
        if site.redact { Vec::new() } else { values.iter().filter_map(|v| v.as_ref().cloned()).collect() }
    };
    let owner = site.member_name(c.owner.get_ref());
    let mut fields = vec![c.id.as_str(), c.region.as_deref().unwrap_or(""), owner.as_str()];
    fields.extend(c.tags.iter().map(String::as_str));
    let reached = reach([&c.phone, &c.email, &c.wechat]);
    fields.extend(reached.iter().map(String::as_str));
    out[Kind::Customer as usize].push(doc(Kind::Customer, joined(fields), None, &c.name));
    for (i, p) in c.contacts.iter().enumerate() {
        let reached = reach([&p.phone, &p.email, &p.wechat]);
        let mut fields = vec![p.name.as_str(), p.title.as_deref().unwrap_or("")];
        fields.extend(reached.iter().map(String::as_str));
        out[Kind::Contact as usize].push(doc(Kind::Contact, joined(fields), Some(anchor("contact", i)), &p.name));
    }
    for (i, o) in orders(site, c) {
        let reference = o.reference.as_ref().map_or("", |r| r.get_ref().as_str());
        let text = joined([reference, o.product.as_deref().unwrap_or("")]);
        if !text.is_empty() {
            out[Kind::Order as usize].push(doc(Kind::Order, text, Some(anchor("order", i)), ""));
        }
    }
    for t in &f.keeping.complaints {
        let k = &c.complaints[t.index];
        let text = joined([k.summary.as_str(), k.resolution.as_deref().unwrap_or("")]);
        out[Kind::Complaint as usize].push(doc(Kind::Complaint, text, Some(anchor("complaint", t.index)), ""));
    }
    let mut interactions: Vec<_> = c.interactions.iter().enumerate().filter(|(_, i)| i.date <= site.today).collect();
    interactions.sort_by(|a, b| b.1.date.cmp(&a.1.date).then(b.0.cmp(&a.0)));
    for (i, interaction) in interactions {
        let text = plain_excerpt(&interaction.summary, usize::MAX);
        out[Kind::Interaction as usize].push(doc(Kind::Interaction, text, Some(anchor("interaction", i)), ""));
    }
    if let Some(notes) = c.notes.as_deref().filter(|_| !site.redact) {
        out[Kind::Note as usize].push(doc(Kind::Note, plain_excerpt(notes, usize::MAX), Some("notes".into()), ""));
    }
    for row in site.history_rows(&c.id) {
        let text = joined(std::iter::once(row.subject.as_str()).chain(row.changes.iter().map(String::as_str)));
        out[Kind::History as usize].push(doc(Kind::History, text, Some("history".into()), ""));
    }
    out
}

/// The values `--redact` leaves out of a customer's page, folded as terms are.
fn withheld(c: &Customer) -> Vec<String> {
    let people = std::iter::once([&c.phone, &c.email, &c.wechat, &c.address])
        .chain(c.contacts.iter().map(|p| [&p.phone, &p.email, &p.wechat, &None]));
    let mut out: Vec<String> = people.flatten().filter_map(|v| v.as_deref()).map(super::fold).collect();
    out.retain(|v| !v.is_empty());
    out
}

/// The orders a customer's page shows (up to today), with their index in the file, newest
/// first.
fn orders<'a>(site: &Site<'_>, c: &'a Customer) -> Vec<(usize, &'a crate::records::model::Order)> {
    let mut list: Vec<_> = c.orders.iter().enumerate().filter(|(_, o)| o.date <= site.today).collect();
    list.sort_by(|a, b| b.1.date.cmp(&a.1.date).then(b.0.cmp(&a.0)));
    list
}

impl Doc {
    /// The text kept for the snippet: at most [`SHOWN`] characters.
    pub fn shown(&self) -> &str {
        self.text.char_indices().nth(SHOWN).map_or(self.text.as_str(), |(at, _)| &self.text[..at])
    }
}
