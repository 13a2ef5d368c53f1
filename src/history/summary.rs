//! The change summary of a customer file between two versions (SPEC 11.1): computed from
//! the parsed records, never from a line diff. Entries are paired by the identities of
//! SPEC 11.2 (`records::identity`), so a paid order is one change, not a removal and an addition.

use std::collections::{HashMap, VecDeque};

use serde::Serialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::values::{canonical, hash_table, same, same_table, shown, value_of};
use crate::i18n::{Label, Text};
use crate::records::choices::{Choice, ContactRole, InteractionKind, Severity, Stage};
use crate::records::identity::identity_keys;

/// Keys of the customer, of its single tables and of its contacts whose values a redacted
/// site never shows.
const REDACTED: &[&str] = &["phone", "email", "wechat", "address", "birthday", "notes"];

/// Values longer than this are summarised as "changed", without old and new.
const LONGEST_VALUE: usize = 40;

/// One line of a change summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// The file appeared.
    Created,
    /// The file was deleted.
    Deleted,
    /// The file moved to another sub-folder (its id, the stem, stayed).
    Moved {
        /// The old path, relative to the records directory.
        from: String,
        /// The new path.
        to: String,
    },
    /// This version of the file is not valid TOML, so nothing more can be said.
    DidNotParse,
    /// An entry of an array of tables was added (`+1 interaction 2026-11-02 visit`).
    Added {
        /// The array, e.g. `interaction`.
        table: String,
        /// What the entry is, e.g. `2026-11-02 visit`.
        what: String,
        /// The enumerated value that ends `what` (`visit`), for a site in another language to
        /// name it in its own words.
        #[serde(skip)]
        choice: Option<ChoiceWord>,
    },
    /// An entry was removed.
    Removed {
        /// The array.
        table: String,
        /// What the entry was.
        what: String,
        /// As for [`Change::Added`].
        #[serde(skip)]
        choice: Option<ChoiceWord>,
    },
    /// An order got its `paid` date.
    Paid {
        /// The order, e.g. `SO-1234` or `of 2026-10-01`.
        order: EntryName,
        /// The day it was paid.
        date: String,
    },
    /// A complaint got its `resolved` date.
    Resolved {
        /// The complaint, e.g. `of 2026-11-06`.
        complaint: EntryName,
    },
    /// A key of an entry, or of a single table such as `[loss]`, changed.
    EntryKey {
        /// The array or table, e.g. `contact` or `loss`.
        table: String,
        /// The entry, e.g. `李娜` (empty for a single table).
        entry: EntryName,
        /// The key and its values.
        key: KeyChange,
    },
    /// A top-level key changed (`owner li → zhang`).
    Key(KeyChange),
}

/// How a changed entry is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryName {
    /// By one of its values: `SO-1234`, `李娜`; empty for a single table such as `[loss]`.
    Named(String),
    /// By its date, `2026-11-06` (in English: `of 2026-11-06`).
    Dated(String),
}

/// An enumerated value at the end of an entry's description: its spelling, and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChoiceWord {
    /// The spelling in the record, e.g. `visit`.
    pub spelling: &'static str,
    /// Its name in the catalogue of words.
    pub label: Text,
}

/// A key whose value changed, with the old and new values where they may be shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyChange {
    /// The key.
    pub key: String,
    /// The old value (`None`: absent, or not shown).
    pub from: Option<String>,
    /// The new value.
    pub to: Option<String>,
    /// The values are not kept: too long to be useful in a summary.
    pub hidden: bool,
    /// The key holds personal details (phone, e-mail, …) that a redacted site never shows.
    pub sensitive: bool,
}

impl KeyChange {
    /// Whether the old and new values may be shown (with `redact`: not for personal details).
    pub fn shows_values(&self, redact: bool) -> bool {
        !(self.hidden || redact && self.sensitive)
    }
}

/// The summary of the change from the text `old` to `new` of a customer file (`None` on a
/// side: the file did not exist). A leading BOM and CRLF line endings are accepted. With
/// Keys with personal details are marked [`KeyChange::sensitive`], for a redacted site to hide.
pub fn summarise(old: Option<&str>, new: Option<&str>) -> Vec<Change> {
    match (old, new) {
        (None, None) => Vec::new(),
        (None, Some(_)) => vec![Change::Created],
        (Some(_), None) => vec![Change::Deleted],
        (Some(old), Some(new)) => match (parse(old), parse(new)) {
            (_, None) => vec![Change::DidNotParse],
            (None, Some(_)) => Vec::new(),
            (Some(old), Some(new)) => compare(old.get_ref(), new.get_ref()),
        },
    }
}

fn parse(text: &str) -> Option<Spanned<DeTable<'_>>> {
    DeTable::parse(text.strip_prefix('\u{feff}').unwrap_or(text)).ok()
}

fn compare(old: &DeTable<'_>, new: &DeTable<'_>) -> Vec<Change> {
    let mut changes = Vec::new();
    for key in union(old, new) {
        let (a, b) = (value_of(old, key), value_of(new, key));
        if a.is_some_and(|a| b.is_some_and(|b| same(a, b))) {
            continue;
        }
        match (a, b) {
            (Some(DeValue::Array(a)), Some(DeValue::Array(b))) if is_tables(a) && is_tables(b) => {
                entries(key, a, b, &mut changes);
            }
            (None, Some(DeValue::Array(b))) if is_tables(b) => entries(key, &[], b, &mut changes),
            (Some(DeValue::Array(a)), None) if is_tables(a) => entries(key, a, &[], &mut changes),
            (Some(DeValue::Table(a)), Some(DeValue::Table(b))) => {
                for k in union(a, b) {
                    if let Some(change) = key_change(k, value_of(a, k), value_of(b, k), true) {
                        let entry = EntryName::Named(String::new());
                        changes.push(Change::EntryKey { table: key.to_string(), entry, key: change });
                    }
                }
            }
            _ => changes.extend(key_change(key, a, b, true).map(Change::Key)),
        }
    }
    changes
}

/// The keys of both tables: `old`'s in file order, then those only `new` has.
fn union<'a>(old: &'a DeTable<'_>, new: &'a DeTable<'_>) -> Vec<&'a str> {
    let mut keys: Vec<&str> = old.keys().map(|k| k.get_ref().as_ref()).collect();
    keys.extend(new.keys().map(|k| k.get_ref().as_ref()).filter(|k| !old.contains_key(*k)));
    keys
}

fn is_tables(values: &[Spanned<DeValue<'_>>]) -> bool {
    values.iter().all(|v| matches!(v.get_ref(), DeValue::Table(_)))
}

fn tables<'a, 'i>(values: &'a [Spanned<DeValue<'i>>]) -> Vec<&'a DeTable<'i>> {
    values.iter().filter_map(|v| if let DeValue::Table(t) = v.get_ref() { Some(t) } else { None }).collect()
}

/// Compares two versions of an array of tables entry by entry. Entries are paired by
/// identity in file order, each identity computed once.
fn entries(table: &str, old: &[Spanned<DeValue<'_>>], new: &[Spanned<DeValue<'_>>], out: &mut Vec<Change>) {
    let (old, new) = (tables(old), tables(new));
    let mut unpaired: HashMap<Identity, VecDeque<usize>> = HashMap::new();
    for (j, entry) in new.iter().enumerate() {
        unpaired.entry(identity(table, entry)).or_default().push_back(j);
    }
    let mut taken = vec![false; new.len()];
    let mut removed = Vec::new();
    for entry in &old {
        let id = identity(table, entry);
        let whole = matches!(id, Identity::Whole(_));
        let partner = unpaired.get_mut(&id).and_then(|bucket| {
            let at = bucket.iter().position(|&j| !whole || same_table(entry, new[j]))?;
            bucket.remove(at)
        });
        match partner {
            Some(j) => {
                taken[j] = true;
                entry_changes(table, entry, new[j], out);
            }
            None => removed.push(Change::Removed {
                table: table.to_string(),
                what: describe(table, entry),
                choice: choice(table, entry),
            }),
        }
    }
    out.append(&mut removed);
    for (j, entry) in new.iter().enumerate() {
        if !taken[j] {
            out.push(Change::Added {
                table: table.to_string(),
                what: describe(table, entry),
                choice: choice(table, entry),
            });
        }
    }
}

/// An entry's identity (SPEC 11.2): the values of its identity keys, else its whole content,
/// as a hash (entries with one hash are then compared in full).
#[derive(PartialEq, Eq, Hash)]
enum Identity {
    Keys(String),
    Whole(u64),
}

fn identity(table: &str, entry: &DeTable<'_>) -> Identity {
    match identity_keys(table) {
        Some(keys) if keys.iter().all(|k| entry.contains_key(*k)) => Identity::Keys(
            keys.iter()
                .map(|k| value_of(entry, k).map(canonical).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\u{1f}"),
        ),
        _ => Identity::Whole(hash_table(entry)),
    }
}

fn entry_changes(table: &str, old: &DeTable<'_>, new: &DeTable<'_>, out: &mut Vec<Change>) {
    let label = label(table, new);
    for key in union(old, new) {
        let (a, b) = (value_of(old, key), value_of(new, key));
        if a.is_some_and(|a| b.is_some_and(|b| same(a, b))) {
            continue;
        }
        match (table, key, a, b) {
            ("order", "paid", None, Some(date)) => out.push(Change::Paid { order: label.clone(), date: shown(date) }),
            ("complaint", "resolved", None, Some(_)) => out.push(Change::Resolved { complaint: label.clone() }),
            _ => out.extend(key_change(key, a, b, table == "contact").map(|key| Change::EntryKey {
                table: table.to_string(),
                entry: label.clone(),
                key,
            })),
        }
    }
}

/// A changed key; `personal`: the key is the customer's, a single table's or a contact's,
/// where phone, e-mail and the like are personal details.
fn key_change(key: &str, old: Option<&DeValue<'_>>, new: Option<&DeValue<'_>>, personal: bool) -> Option<KeyChange> {
    if old.is_none() && new.is_none() || old.is_some_and(|a| new.is_some_and(|b| same(a, b))) {
        return None;
    }
    let (from, to) = (old.map(shown), new.map(shown));
    let long = |v: &Option<String>| v.as_ref().is_some_and(|v| v.chars().count() > LONGEST_VALUE || v.contains('\n'));
    let hidden = long(&from) || long(&to);
    let (from, to) = if hidden { (None, None) } else { (from, to) };
    Some(KeyChange { key: key.to_string(), from, to, hidden, sensitive: personal && REDACTED.contains(&key) })
}

/// How an entry is named when one of its keys changed: `SO-1234`, `of 2026-11-06`, `李娜`.
fn label(table: &str, entry: &DeTable<'_>) -> EntryName {
    let get = |k: &str| value_of(entry, k).map(shown);
    let named = |k: &str| EntryName::Named(get(k).unwrap_or_default());
    let dated = |k: &str| get(k).map_or_else(|| EntryName::Named(String::new()), EntryName::Dated);
    match table {
        "order" => get("ref").map_or_else(|| dated("date"), EntryName::Named),
        "contact" => named("name"),
        "opportunity" => named("title"),
        "contract" => named("kind"),
        _ => dated(date_key(table)),
    }
}

fn date_key(table: &str) -> &'static str {
    match table {
        "complaint" | "opportunity" => "opened",
        "promise" => "made",
        _ => "date",
    }
}

/// The enumerated value [`describe`] ends with, when it has one and the value is allowed.
fn choice(table: &str, entry: &DeTable<'_>) -> Option<ChoiceWord> {
    let (key, find): (&str, fn(&str) -> Option<ChoiceWord>) = match table {
        "interaction" => ("kind", word::<InteractionKind>),
        "complaint" => ("severity", word::<Severity>),
        "contact" => ("role", word::<ContactRole>),
        "opportunity" => ("stage", word::<Stage>),
        _ => return None,
    };
    match value_of(entry, key)? {
        DeValue::String(value) => find(value),
        _ => None,
    }
}

/// The value of `C` spelt `spelling`, with its name.
fn word<C: Choice + Label>(spelling: &str) -> Option<ChoiceWord> {
    let (spelling, value) = C::ALL.iter().find(|(s, _)| *s == spelling)?;
    Some(ChoiceWord { spelling, label: value.label() })
}

/// How an added or removed entry is described: `2026-11-02 visit`, `SO-1234 2026-10-01 12000`.
fn describe(table: &str, entry: &DeTable<'_>) -> String {
    let parts: &[&str] = match table {
        "interaction" => &["date", "kind"],
        "order" => &["ref", "date", "amount"],
        "complaint" => &["opened", "severity"],
        "contact" => &["name", "role"],
        "contract" => &["kind", "end"],
        "opportunity" => &["title", "stage"],
        "handover" => &["date", "from", "to"],
        "promise" => &["made", "due"],
        _ => &[],
    };
    parts.iter().filter_map(|k| value_of(entry, k).map(shown)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
