//! The views of `week.html`, the week under review (SPEC 12.4, 每周检查): per owner, what
//! happened in the last 7 days, in named sections.

use serde::Serialize;

use super::Labelled;

/// One thing that happened in the week.
#[derive(Debug, Serialize)]
pub struct WeekItem {
    /// The day (the interaction's, order's, payment's … date).
    pub date: String,
    /// Customer id.
    pub customer: String,
    /// Customer name.
    pub name: String,
    /// What kind of interaction, the complaint's severity or the promise's status (`null` for
    /// orders and payments).
    pub tag: Option<Labelled>,
    /// What it was, as plain text: the summary's start, the order's ref and product, what was
    /// promised.
    pub text: String,
    /// The amount of an order or payment, formatted (empty for the others).
    pub amount: String,
}

/// One kind of entry in an owner's week.
#[derive(Debug, Serialize)]
pub struct WeekSection {
    /// `interactions`, `orders`, `payments`, `complaints_opened`, `complaints_resolved`,
    /// `promises_made` or `promises_kept` (also the key of its heading in `t`).
    pub key: &'static str,
    /// The heading, in the site's language.
    pub label: String,
    /// How many entries.
    pub count: usize,
    /// The entries, by date, then customer.
    pub items: Vec<WeekItem>,
}

/// One owner's week.
#[derive(Debug, Serialize)]
pub struct WeekOwner {
    /// Team id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Whether the member has left by today.
    pub left: bool,
    /// Every entry of the week, all sections together (0: nothing recorded).
    pub total: usize,
    /// All seven sections, in the order of `WeekSection::key`'s list, empty ones included.
    pub sections: Vec<WeekSection>,
}
