//! What the search finds: one document per customer, contact, order, complaint, interaction,
//! set of notes and change in the history, each with the text it is found by and shown with,
//! and the page and anchor it links to; and [`Documents`], how the index asks for them.

use std::borrow::Cow;
use std::fmt;

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

/// One thing the search finds, borrowing the records' text wherever it can.
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
    /// is indexed, even when a name's pinyin happens to spell a WeChat id.
    pub withheld: &'a [String],
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
    /// The anchor as it is in the page (an entry as `html::paths::anchor` writes it):
    /// `interaction-3`, `notes`, or empty.
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

/// The documents of an index by id, each made when it is asked for: the index asks for every
/// document twice (to index its terms, then to write its row), so that the documents of a
/// site need not all be held at once.
pub trait Documents: Sync {
    /// How many documents there are.
    fn count(&self) -> usize;

    /// The document `id` (below [`Documents::count`]).
    fn doc(&self, id: usize) -> Doc<'_>;
}

impl Documents for Vec<Doc<'_>> {
    fn count(&self) -> usize {
        self.len()
    }

    fn doc(&self, id: usize) -> Doc<'_> {
        let doc = &self[id];
        Doc { text: Cow::Borrowed(&doc.text), ..*doc }
    }
}

impl Doc<'_> {
    /// The text kept for the snippet: at most [`SHOWN`] characters.
    pub fn shown(&self) -> &str {
        self.text.char_indices().nth(SHOWN).map_or(&self.text, |(at, _)| &self.text[..at])
    }
}
