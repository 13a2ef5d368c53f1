//! What `import` adds to [`crate::edit`] (which appends entries and sets one key of an entry):
//! new customer files, top-level keys compared and set in place with `toml_edit` (comments and
//! formatting kept), and a set of files written all at once.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use toml_edit::{DocumentMut, Item, Table, Value};

fn parse(text: &str) -> Result<DocumentMut> {
    text.parse::<DocumentMut>().map_err(|e| anyhow!("TOML syntax: {}", e.message().trim_end()))
}

/// The text of a new customer file holding `pairs` as top-level keys, in order.
pub fn new_file(pairs: &[(&str, Value)]) -> String {
    let mut doc = DocumentMut::new();
    for (key, value) in pairs {
        doc.insert(key, Item::Value(value.clone()));
    }
    doc.to_string()
}

/// Replaces a value keeping the old one's surrounding whitespace and trailing comment.
fn replace(slot: &mut Value, mut value: Value) {
    *value.decor_mut() = slot.decor().clone();
    *slot = value;
}

fn set_in_table(table: &mut Table, key: &str, value: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(slot) => replace(slot, value),
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Sets top-level keys of a record file (new keys go after the existing top-level keys).
pub fn set_top(text: &str, pairs: &[(&str, Value)]) -> Result<String> {
    let mut doc = parse(text)?;
    for (key, value) in pairs {
        set_in_table(doc.as_table_mut(), key, value.clone());
    }
    Ok(doc.to_string())
}

/// The top-level keys of a record file whose value differs from `pairs`.
pub fn differing<'a>(text: &str, pairs: &'a [(&'a str, Value)]) -> Result<Vec<&'a str>> {
    let doc = parse(text)?;
    Ok(pairs
        .iter()
        .filter(|(key, value)| doc.get(key).and_then(Item::as_value).is_none_or(|old| !same(old, value)))
        .map(|(key, _)| *key)
        .collect())
}

/// Whether two TOML values mean the same (formatting aside).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Float(_) | Value::Integer(_), Value::Float(_) | Value::Integer(_)) => number(a) == number(b),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same(p, q)),
        _ => false,
    }
}

fn number(v: &Value) -> Option<f64> {
    v.as_float().or_else(|| v.as_integer().map(|i| i as f64))
}

/// One file to write: its new bytes, and the bytes it had when the change was planned
/// (`None`: it must not exist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// What the file held when the change was planned.
    pub before: Option<Vec<u8>>,
    /// What it is to hold.
    pub after: Vec<u8>,
}

/// Writes files under `root` (relative `/`-separated path → change) as one step, under the
/// records lock `lock` (taken before the plan was made): every file is checked to still
/// hold what the plan was made from (a link is refused, never followed), then all are
/// written through [`crate::edit::journal`], which lands the whole change or none of it even
/// when the process is killed.
pub fn write_files(root: &Path, lock: &crate::lock::Lock, files: &BTreeMap<String, FileChange>) -> Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    let mut writes = Vec::with_capacity(files.len());
    for (rel, change) in files {
        let path = root.join(rel);
        crate::edit::refuse_link(&path)?;
        let now = match fs::symlink_metadata(&path) {
            Ok(_) => Some(fs::read(&path).with_context(|| format!("reading {}", path.display()))?),
            Err(_) => None,
        };
        if now != change.before {
            bail!("{rel} changed while the import was being prepared; nothing was written, run the import again");
        }
        writes.push((rel.clone(), change.after.clone()));
    }
    crate::edit::journal::write_all(root, lock, &writes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_keys_keep_comments() {
        let text = "# top\nname = \"x\" # the name\n\n[[order]]\nref = \"A\"\ndate = 2026-01-02\n";
        let out = set_top(text, &[("name", Value::from("y")), ("phone", Value::from("1"))]).unwrap_or_default();
        assert_eq!(out, "# top\nname = \"y\" # the name\nphone = \"1\"\n\n[[order]]\nref = \"A\"\ndate = 2026-01-02\n");
    }

    #[test]
    fn differing_compares_meaning() {
        let text = "name = \"x\"\ntags = [ \"a\" ]\ncredit_limit = 5000.0\n";
        let pairs = [
            ("name", Value::from("x")),
            ("tags", crate::import::fields::tags("a")),
            ("credit_limit", Value::from(5000)),
            ("phone", Value::from("1")),
        ];
        assert_eq!(differing(text, &pairs).unwrap_or_default(), ["phone"]);
    }
}
