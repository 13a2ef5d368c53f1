//! The change summary of a customer file between two versions (SPEC 11.1): computed from
//! the parsed records, never from a line diff. Entries are paired by the identities of
//! SPEC 11.2 (`records::identity`), so a paid order is one change, not a removal and an addition.

use serde::Serialize;
use toml::{Table, Value};

use crate::records::identity::identity_keys;

/// Top-level keys (and keys of contacts) whose values a redacted site never shows.
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
    },
    /// An entry was removed.
    Removed {
        /// The array.
        table: String,
        /// What the entry was.
        what: String,
    },
    /// An order got its `paid` date.
    Paid {
        /// The order, e.g. `SO-1234` or `of 2026-10-01`.
        order: String,
        /// The day it was paid.
        date: String,
    },
    /// A complaint got its `resolved` date.
    Resolved {
        /// The complaint, e.g. `of 2026-11-06`.
        complaint: String,
    },
    /// A key of an entry, or of a single table such as `[loss]`, changed.
    EntryKey {
        /// The array or table, e.g. `contact` or `loss`.
        table: String,
        /// The entry, e.g. `李娜`.
        entry: String,
        /// The key and its values.
        key: KeyChange,
    },
    /// A top-level key changed (`owner li → zhang`).
    Key(KeyChange),
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
    /// The values are not shown (redacted, or too long to be useful).
    pub hidden: bool,
}

impl Change {
    /// The summary line in English, as the export, `diff` and the history show it.
    pub fn text(&self) -> String {
        match self {
            Change::Created => "created".to_string(),
            Change::Deleted => "deleted".to_string(),
            Change::Moved { from, to } => format!("moved {from} → {to}"),
            Change::DidNotParse => "did not parse".to_string(),
            Change::Added { table, what } => join(&format!("+1 {table}"), what),
            Change::Removed { table, what } => join(&format!("-1 {table}"), what),
            Change::Paid { order, date } => format!("order {order} paid {date}"),
            Change::Resolved { complaint } => format!("complaint {complaint} resolved"),
            Change::EntryKey { table, entry, key } => format!("{}: {}", join(table, entry), key.text()),
            Change::Key(key) => key.text(),
        }
    }
}

impl KeyChange {
    fn text(&self) -> String {
        match (&self.from, &self.to) {
            _ if self.hidden => format!("{} changed", self.key),
            (Some(from), Some(to)) => format!("{} {from} → {to}", self.key),
            (None, Some(to)) => format!("{} set to {to}", self.key),
            (Some(from), None) => format!("{} removed (was {from})", self.key),
            (None, None) => format!("{} changed", self.key),
        }
    }
}

fn join(head: &str, tail: &str) -> String {
    if tail.is_empty() { head.to_string() } else { format!("{head} {tail}") }
}

/// A parsed version of a customer file: its top-level table, or `None` when it is not TOML.
pub type Version = Option<Table>;

/// Parses a customer file's text (a leading BOM and CRLF line endings are accepted).
pub fn parse(text: &str) -> Version {
    text.strip_prefix('\u{feff}').unwrap_or(text).parse::<Table>().ok()
}

/// The summary of the change from `old` to `new` (`None` on a side: the file did not exist).
/// With `redact`, the values of contact details and notes are never shown.
pub fn summarise(old: Option<&Version>, new: Option<&Version>, redact: bool) -> Vec<Change> {
    match (old, new) {
        (None, None) => Vec::new(),
        (None, Some(_)) => vec![Change::Created],
        (Some(_), None) => vec![Change::Deleted],
        (Some(_), Some(None)) => vec![Change::DidNotParse],
        (Some(None), Some(Some(_))) => Vec::new(),
        (Some(Some(old)), Some(Some(new))) => compare(old, new, redact),
    }
}

fn compare(old: &Table, new: &Table, redact: bool) -> Vec<Change> {
    let mut changes = Vec::new();
    for key in union(old, new) {
        let (a, b) = (old.get(key), new.get(key));
        if a.is_some_and(|a| b.is_some_and(|b| same(a, b))) {
            continue;
        }
        match (a, b) {
            (Some(Value::Array(a)), Some(Value::Array(b))) if is_tables(a) && is_tables(b) => {
                entries(key, a, b, redact, &mut changes);
            }
            (None, Some(Value::Array(b))) if is_tables(b) => entries(key, &[], b, redact, &mut changes),
            (Some(Value::Array(a)), None) if is_tables(a) => entries(key, a, &[], redact, &mut changes),
            (Some(Value::Table(a)), Some(Value::Table(b))) => {
                for k in union(a, b) {
                    if let Some(change) = key_change(k, a.get(k), b.get(k), redact) {
                        changes.push(Change::EntryKey { table: key.to_string(), entry: String::new(), key: change });
                    }
                }
            }
            _ => changes.extend(key_change(key, a, b, redact).map(Change::Key)),
        }
    }
    changes
}

/// The keys of both tables: `old`'s in file order, then those only `new` has.
fn union<'a>(old: &'a Table, new: &'a Table) -> Vec<&'a str> {
    let mut keys: Vec<&str> = old.keys().map(String::as_str).collect();
    keys.extend(new.keys().map(String::as_str).filter(|k| !old.contains_key(*k)));
    keys
}

fn is_tables(values: &[Value]) -> bool {
    values.iter().all(Value::is_table)
}

/// Compares two versions of an array of tables entry by entry.
fn entries(table: &str, old: &[Value], new: &[Value], redact: bool, out: &mut Vec<Change>) {
    let old: Vec<&Table> = old.iter().filter_map(Value::as_table).collect();
    let new: Vec<&Table> = new.iter().filter_map(Value::as_table).collect();
    let mut taken = vec![false; new.len()];
    let mut removed = Vec::new();
    for entry in &old {
        let id = identity(table, entry);
        let partner = (0..new.len()).find(|&j| !taken[j] && identity(table, new[j]) == id);
        match partner {
            Some(j) => {
                taken[j] = true;
                entry_changes(table, entry, new[j], redact, out);
            }
            None => removed.push(Change::Removed { table: table.to_string(), what: describe(table, entry) }),
        }
    }
    out.append(&mut removed);
    for (j, entry) in new.iter().enumerate() {
        if !taken[j] {
            out.push(Change::Added { table: table.to_string(), what: describe(table, entry) });
        }
    }
}

/// An entry's identity: the values of its identity keys, else its whole content.
fn identity(table: &str, entry: &Table) -> String {
    match identity_keys(table) {
        Some(keys) if keys.iter().all(|k| entry.contains_key(*k)) => {
            keys.iter().map(|k| entry.get(*k).map(canonical).unwrap_or_default()).collect::<Vec<_>>().join("\u{1f}")
        }
        _ => canonical(&Value::Table(entry.clone())),
    }
}

fn entry_changes(table: &str, old: &Table, new: &Table, redact: bool, out: &mut Vec<Change>) {
    let label = label(table, new);
    for key in union(old, new) {
        let (a, b) = (old.get(key), new.get(key));
        if a.is_some_and(|a| b.is_some_and(|b| same(a, b))) {
            continue;
        }
        match (table, key, a, b) {
            ("order", "paid", None, Some(date)) => out.push(Change::Paid { order: label.clone(), date: shown(date) }),
            ("complaint", "resolved", None, Some(_)) => out.push(Change::Resolved { complaint: label.clone() }),
            _ => out.extend(key_change(key, a, b, redact && table == "contact").map(|key| Change::EntryKey {
                table: table.to_string(),
                entry: label.clone(),
                key,
            })),
        }
    }
}

fn key_change(key: &str, old: Option<&Value>, new: Option<&Value>, redact: bool) -> Option<KeyChange> {
    if old.is_none() && new.is_none() || old.is_some_and(|a| new.is_some_and(|b| same(a, b))) {
        return None;
    }
    let (from, to) = (old.map(shown), new.map(shown));
    let long = |v: &Option<String>| v.as_ref().is_some_and(|v| v.chars().count() > LONGEST_VALUE || v.contains('\n'));
    let hidden = (redact && REDACTED.contains(&key)) || long(&from) || long(&to);
    let (from, to) = if hidden { (None, None) } else { (from, to) };
    Some(KeyChange { key: key.to_string(), from, to, hidden })
}

/// How an entry is named when one of its keys changed: `SO-1234`, `of 2026-11-06`, `李娜`.
fn label(table: &str, entry: &Table) -> String {
    let get = |k: &str| entry.get(k).map(shown);
    match table {
        "order" => get("ref").or_else(|| get("date").map(|d| format!("of {d}"))).unwrap_or_default(),
        "complaint" | "interaction" => get(date_key(table)).map(|d| format!("of {d}")).unwrap_or_default(),
        "contact" => get("name").unwrap_or_default(),
        "opportunity" => get("title").unwrap_or_default(),
        "contract" => get("kind").unwrap_or_default(),
        "handover" | "promise" => get(date_key(table)).map(|d| format!("of {d}")).unwrap_or_default(),
        _ => String::new(),
    }
}

fn date_key(table: &str) -> &'static str {
    match table {
        "complaint" | "opportunity" => "opened",
        "promise" => "made",
        _ => "date",
    }
}

/// How an added or removed entry is described: `2026-11-02 visit`, `SO-1234 2026-10-01 12000`.
fn describe(table: &str, entry: &Table) -> String {
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
    parts.iter().filter_map(|k| entry.get(*k).map(shown)).collect::<Vec<_>>().join(" ")
}

/// A value as a summary shows it: strings raw, dates as `YYYY-MM-DD`, whole numbers without
/// `.0`, lists joined with commas.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// Whether two values mean the same: `12000` and `12000.0` are one amount.
fn same(a: &Value, b: &Value) -> bool {
    canonical(a) == canonical(b)
}

/// A text that is equal for values that mean the same, whatever their formatting.
fn canonical(value: &Value) -> String {
    match value {
        Value::Integer(i) => format!("n{i}"),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("n{f:.0}"),
        Value::Float(f) => format!("n{f}"),
        Value::String(s) => format!("s{s:?}"),
        Value::Boolean(b) => format!("b{b}"),
        Value::Datetime(d) => format!("d{d}"),
        Value::Array(items) => format!("[{}]", items.iter().map(canonical).collect::<Vec<_>>().join(",")),
        Value::Table(t) => {
            let mut pairs: Vec<String> = t.iter().map(|(k, v)| format!("{k:?}={}", canonical(v))).collect();
            pairs.sort();
            format!("{{{}}}", pairs.join(","))
        }
    }
}

#[cfg(test)]
mod tests;
