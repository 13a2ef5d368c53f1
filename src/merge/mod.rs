//! `cardfile merge`: a git merge driver for customer files (SPEC 11.2). Top-level keys and
//! single tables merge per key, arrays of tables entry by entry, edited into OURS with
//! `toml_edit` so that its comments and formatting stay; conflict markers go around only what
//! really conflicts. A version that does not parse falls back to a line-based merge.

mod document;
mod entries;
mod fallback;
mod keys;
mod markers;
mod merger;

use chrono::NaiveDate;
use toml_edit::DocumentMut;

use crate::diagnostics::{Diagnostic, Severity};
use crate::records::check_customer_text;

/// A merged text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The result, with conflict markers when `conflicts` is not 0.
    pub text: String,
    /// How many conflicts the text holds.
    pub conflicts: usize,
    /// Whether a version did not parse, so that the merge was line by line.
    pub line_based: bool,
}

/// Merges THEIRS' changes since BASE into OURS (three LF texts). Conflict markers are
/// labelled `ours`/`theirs`, followed by `:PATH` when `path` is given.
pub fn merge(base: &str, ours: &str, theirs: &str, path: Option<&str>) -> Merged {
    structured(base, ours, theirs, path).unwrap_or_else(|| {
        let (bytes, conflicts) = fallback::line_merge(base.as_bytes(), ours.as_bytes(), theirs.as_bytes(), path);
        Merged { text: String::from_utf8_lossy(&bytes).into_owned(), conflicts, line_based: true }
    })
}

/// The merge by keys and entries, or `None` when a version does not parse (or, which would
/// be a bug, the clean result does not).
fn structured(base: &str, ours: &str, theirs: &str, path: Option<&str>) -> Option<Merged> {
    let base_doc: DocumentMut = base.parse().ok()?;
    let mut doc: DocumentMut = ours.parse().ok()?;
    let theirs_doc: DocumentMut = theirs.parse().ok()?;
    let mut m = merger::Merger::new(&[base, ours, theirs], doc.as_table());
    keys::merge_root(&mut m, base_doc.as_table(), doc.as_table_mut(), theirs_doc.as_table());
    let printed = doc.to_string();
    if m.marks.count() == 0 {
        toml::de::DeTable::parse(&printed).ok()?;
    }
    Some(Merged { text: m.marks.apply(&printed, path), conflicts: m.marks.count(), line_based: false })
}

/// A merged file, as bytes to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedFile {
    /// The bytes to write over OURS.
    pub bytes: Vec<u8>,
    /// How many conflict blocks they hold.
    pub conflicts: usize,
    /// Whether the merge was line by line (a version did not parse, or was not UTF-8).
    pub line_based: bool,
    /// Errors of the per-file checks that OURS and THEIRS both passed and the clean result
    /// fails (a duplicate order `ref`, say): the merge then counts as a conflict.
    pub invalid: Vec<Diagnostic>,
}

impl MergedFile {
    /// Whether git should see a conflict: conflict markers, or a clean result that is invalid.
    pub fn conflicted(&self) -> bool {
        self.conflicts > 0 || !self.invalid.is_empty()
    }
}

const BOM: &str = "\u{FEFF}";

/// Merges three versions of a customer file as read from disk. A leading BOM and CRLF line
/// endings are accepted; the result has OURS' BOM and line endings. Bytes that are not UTF-8
/// are merged line by line. `path` (git's `%P`) labels the markers and names the file for
/// the per-file checks (its stem is the customer id) run as of `today`.
pub fn merge_file(base: &[u8], ours: &[u8], theirs: &[u8], path: Option<&str>, today: NaiveDate) -> MergedFile {
    let decoded = [base, ours, theirs].map(|b| std::str::from_utf8(b).ok());
    let [Some(b), Some(o), Some(t)] = decoded else {
        let (bytes, conflicts) = fallback::line_merge(base, ours, theirs, path);
        return MergedFile { bytes, conflicts, line_based: true, invalid: Vec::new() };
    };
    let plain = |s: &str| s.strip_prefix(BOM).unwrap_or(s).replace("\r\n", "\n");
    let (b, o_plain, t) = (plain(b), plain(o), plain(t));
    let merged = merge(&b, &o_plain, &t, path);
    let invalid =
        if merged.conflicts == 0 { newly_invalid(&o_plain, &t, &merged.text, path, today) } else { Vec::new() };
    let mut text = if o.contains("\r\n") { merged.text.replace('\n', "\r\n") } else { merged.text };
    if o.starts_with(BOM) {
        text.insert_str(0, BOM);
    }
    MergedFile { bytes: text.into_bytes(), conflicts: merged.conflicts, line_based: merged.line_based, invalid }
}

/// The errors of `merged` when OURS and THEIRS both pass the per-file checks; else none.
fn newly_invalid(ours: &str, theirs: &str, merged: &str, path: Option<&str>, today: NaiveDate) -> Vec<Diagnostic> {
    let rel = path.unwrap_or("merged.toml");
    let errors = |text: &str| -> Vec<Diagnostic> {
        check_customer_text(rel, text, today).into_iter().filter(|d| d.severity() == Severity::Error).collect()
    };
    let merged_errors = errors(merged);
    if !merged_errors.is_empty() && errors(ours).is_empty() && errors(theirs).is_empty() {
        merged_errors
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests;
