//! What the search finds: one document per customer, contact, order, complaint, interaction,
//! set of notes and change in the history, each with the text it is found by and shown with,
//! and the page and anchor it links to. Redacted fields (`--redact`) are left out here, so
//! they are in no file of the index.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use rayon::prelude::*;

use super::super::html::Site;
use super::super::html::markdown::plain_words;
use super::super::html::paths::id_path;
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

/// One thing the search finds. It borrows the records' text wherever it can: the index holds
/// a document for every entry of every customer at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc<'a> {
    /// What it is.
    pub kind: Kind,
    /// The customer's name (the result's heading).
    pub title: &'a str,
    /// The text it is found by and its snippet is taken from.
    pub text: Cow<'a, str>,
    /// The customer's id: the result links to `customers/<id>.html`.
    pub customer: &'a str,
    /// Where on that page the result links to.
    pub anchor: Anchor,
    /// A name also found by its pinyin (the customer's or the contact's), or empty.
    pub name: &'a str,
    /// On a redacted site, the folded values of the redacted fields: no term that holds one
    /// is indexed, even when a name's pinyin happens to spell a WeChat id. Shared by the
    /// documents of one customer.
    pub withheld: Option<Arc<[String]>>,
}

/// Where on a customer's page a document is: the top, a section (`notes`) or one entry of a
/// list (`interaction-3`, the `index`-th interaction in file order, as the page numbers them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Anchor {
    /// The section or list; empty for the top of the page.
    pub section: &'static str,
    /// The entry of the list, if any.
    pub entry: Option<usize>,
}

impl Anchor {
    /// The `index`-th entry of `list`.
    pub fn entry(list: &'static str, index: usize) -> Anchor {
        Anchor { section: list, entry: Some(index) }
    }

    /// The section `section`.
    pub fn section(section: &'static str) -> Anchor {
        Anchor { section, entry: None }
    }
}

impl fmt::Display for Anchor {
    /// The anchor as it is in the page: `interaction-3`, `notes`, or empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.entry {
            Some(index) => write!(f, "{}-{index}", self.section),
            None => f.write_str(self.section),
        }
    }
}

impl serde::Serialize for Anchor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Every document of the site, by kind, then in the order of the customers, then in page
/// order within a customer.
pub fn documents<'a>(site: &Site<'a>) -> Vec<Doc<'a>> {
    let per_customer: Vec<[Vec<Doc<'a>>; KINDS]> =
        site.analysis.customers.par_iter().map(|f| of_customer(site, f)).collect();
    let mut by_kind: [Vec<Doc<'a>>; KINDS] = Default::default();
    for (all, kind) in by_kind.iter_mut().zip(0..) {
        all.reserve_exact(per_customer.iter().map(|docs| docs[kind].len()).sum());
    }
    for docs in per_customer {
        for (all, mine) in by_kind.iter_mut().zip(docs) {
            all.extend(mine);
        }
    }
    let mut all = Vec::with_capacity(by_kind.iter().map(Vec::len).sum());
    by_kind.into_iter().for_each(|docs| all.extend(docs));
    all
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

/// The documents of one customer, by kind.
fn of_customer<'a>(site: &Site<'a>, f: &Facts) -> [Vec<Doc<'a>>; KINDS] {
    let mut out: [Vec<Doc<'a>>; KINDS] = Default::default();
    let c: &'a Customer = &site.records.customers[f.index];
    if id_path("customers", &c.id, "html").is_none() {
        return out;
    }
    let withheld: Option<Arc<[String]>> = site.redact.then(|| withheld(c).into());
    let doc = |kind: Kind, text: Cow<'a, str>, anchor: Anchor, name: &'a str| Doc {
        kind,
        title: &c.name,
        text,
        customer: &c.id,
        anchor,
        name,
        withheld: if name.is_empty() { None } else { withheld.clone() },
    };
    let reach = |values: [&'a Option<String>; 3]| -> Vec<&'a str> {
        if site.redact { Vec::new() } else { values.iter().filter_map(|v| v.as_deref()).collect() }
    };
    let owner = site.member_name(c.owner.get_ref());
    let mut fields = vec![c.id.as_str(), c.region.as_deref().unwrap_or(""), owner.as_str()];
    fields.extend(c.tags.iter().map(String::as_str));
    fields.extend(reach([&c.phone, &c.email, &c.wechat]));
    let text = Cow::Owned(joined(fields).into_owned());
    out[Kind::Customer as usize].push(doc(Kind::Customer, text, Anchor::default(), &c.name));
    for (i, p) in c.contacts.iter().enumerate() {
        let mut fields = vec![p.name.as_str(), p.title.as_deref().unwrap_or("")];
        fields.extend(reach([&p.phone, &p.email, &p.wechat]));
        out[Kind::Contact as usize].push(doc(Kind::Contact, joined(fields), Anchor::entry("contact", i), &p.name));
    }
    for (i, o) in orders(site, c) {
        let reference = o.reference.as_ref().map_or("", |r| r.get_ref().as_str());
        let text = joined([reference, o.product.as_deref().unwrap_or("")]);
        if !text.is_empty() {
            out[Kind::Order as usize].push(doc(Kind::Order, text, Anchor::entry("order", i), ""));
        }
    }
    for t in &f.keeping.complaints {
        let k = &c.complaints[t.index];
        let text = joined([k.summary.as_str(), k.resolution.as_deref().unwrap_or("")]);
        out[Kind::Complaint as usize].push(doc(Kind::Complaint, text, Anchor::entry("complaint", t.index), ""));
    }
    let mut interactions: Vec<_> = c.interactions.iter().enumerate().filter(|(_, i)| i.date <= site.today).collect();
    interactions.sort_by(|a, b| b.1.date.cmp(&a.1.date).then(b.0.cmp(&a.0)));
    for (i, interaction) in interactions {
        let text = plain_words(&interaction.summary);
        out[Kind::Interaction as usize].push(doc(Kind::Interaction, text, Anchor::entry("interaction", i), ""));
    }
    if let Some(notes) = c.notes.as_deref().filter(|_| !site.redact) {
        out[Kind::Note as usize].push(doc(Kind::Note, plain_words(notes), Anchor::section("notes"), ""));
    }
    for row in site.history_rows(&c.id) {
        let parts = std::iter::once(row.subject.as_str()).chain(row.changes.iter().map(String::as_str));
        let text = Cow::Owned(joined(parts).into_owned());
        out[Kind::History as usize].push(doc(Kind::History, text, Anchor::section("history"), ""));
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

impl Doc<'_> {
    /// The text kept for the snippet: at most [`SHOWN`] characters.
    pub fn shown(&self) -> &str {
        self.text.char_indices().nth(SHOWN).map_or(&self.text, |(at, _)| &self.text[..at])
    }
}
