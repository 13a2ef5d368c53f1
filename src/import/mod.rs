//! `import`: customers, orders, interactions and payments from a spreadsheet export.
//!
//! The stages: read the CSV ([`table`]), map its columns to fields ([`fields`]), turn each row
//! into a change of a record file ([`edit`]), then validate the whole tree with every change
//! applied in memory ([`crate::records::load_with`]). Only a plan without problems is written,
//! all of it at once.

pub mod edit;
pub mod fields;
mod rows;
pub mod table;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Severity};
use crate::records::Loaded;
use fields::Field;

/// What the rows of the file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// New customers (or changes to existing ones), one per row.
    Customers,
    /// Orders appended to their customers' files.
    Orders,
    /// Interactions appended to their customers' files.
    Interactions,
    /// Orders marked paid (`paid` set), found by their `ref`.
    Payments,
}

impl Kind {
    /// The columns this kind reads.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Customers => fields::CUSTOMERS,
            Kind::Orders => fields::ORDERS,
            Kind::Interactions => fields::INTERACTIONS,
            Kind::Payments => fields::PAYMENTS,
        }
    }
}

/// A problem with one cell (or row) of the CSV file, or a warning about the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The row, counting the header as row 1.
    pub row: usize,
    /// The column, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// Whether it is only a warning (it does not stop the import).
    pub warning: bool,
}

impl Problem {
    /// An error at a row and column.
    pub fn new(row: usize, column: usize, message: impl Into<String>) -> Problem {
        Problem { row, column, message: message.into(), warning: false }
    }
}

/// What an import would do.
#[derive(Debug, Default)]
pub struct Plan {
    /// One line per record: what would be created or changed.
    pub lines: Vec<String>,
    /// Every problem, by row and column; errors stop the import.
    pub problems: Vec<Problem>,
    /// The new text of every file created or changed, by path relative to the records.
    pub files: BTreeMap<String, String>,
    /// Which of `files` are new.
    pub created: BTreeSet<String>,
    /// The bytes of the changed files as they were read.
    pub originals: BTreeMap<String, Vec<u8>>,
    /// The encoding the CSV file was read as.
    pub encoding: &'static str,
}

impl Plan {
    /// How many problems are errors.
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| !p.warning).count()
    }

    /// The files to write: new bytes (a BOM kept where the file had one) and the bytes each
    /// file must still hold when it is written.
    pub fn changes(&self) -> BTreeMap<String, edit::FileChange> {
        self.files
            .iter()
            .map(|(rel, text)| {
                let before = self.originals.get(rel).cloned();
                let bom: &[u8] =
                    if before.as_ref().is_some_and(|b| b.starts_with(b"\xEF\xBB\xBF")) { b"\xEF\xBB\xBF" } else { b"" };
                (rel.clone(), edit::FileChange { before, after: [bom, text.as_bytes()].concat() })
            })
            .collect()
    }
}

/// How columns are read: `--map COLUMN=FIELD` pairs (an empty field skips the column).
pub type Maps = [(String, String)];

/// How the CSV file is read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Amounts are written with a decimal comma (`1.234,56`), as `--decimal-comma` says; a
    /// file whose cells are separated by `;` is read so too.
    pub decimal_comma: bool,
}

/// Plans an import of `csv` (the file's bytes) into the records `base` loaded from `root`
/// (which must have no errors). Nothing is written.
pub fn plan(
    root: &Path,
    base: &Loaded,
    csv: &[u8],
    kind: Kind,
    maps: &Maps,
    today: NaiveDate,
    options: Options,
) -> Plan {
    let (table, mut problems) = table::read(csv);
    let mut plan = Plan { encoding: table.encoding, ..Plan::default() };
    let columns = rows::columns(kind.fields(), &table, maps, &mut problems);
    if !problems.is_empty() {
        problems.sort_by_key(|p| (p.row, p.column));
        plan.problems = problems;
        return plan;
    }
    let decimal_comma = options.decimal_comma || table.delimiter == b';';
    let mut state = rows::State::new(root, &base.records, decimal_comma);
    for (row, cells) in &table.rows {
        let row = rows::Row::new(*row, &columns, cells);
        state.apply(kind, &row);
    }
    state.finish();
    let rows::State { files, created, touched, lines, problems: row_problems, originals, .. } = state;
    plan.originals = originals;
    plan.lines = lines;
    plan.problems = row_problems;
    plan.files = files;
    plan.created = created;
    if !plan.files.is_empty() {
        let after = crate::records::load_with(root, today, &plan.files);
        let before: BTreeSet<(&str, &str)> =
            base.diagnostics.iter().map(|d| (d.file.as_str(), d.message.as_str())).collect();
        let mut by_file: HashMap<&str, Vec<&Touch>> = HashMap::new();
        for t in &touched {
            by_file.entry(t.file.as_str()).or_default().push(t);
        }
        for d in &after.diagnostics {
            if d.severity() == Severity::Warning && before.contains(&(d.file.as_str(), d.message.as_str())) {
                continue;
            }
            let text = plan.files.get(&d.file).map(String::as_str).unwrap_or_default();
            plan.problems.push(locate(d, text, by_file.get(d.file.as_str()).map_or(&[][..], Vec::as_slice)));
        }
    }
    plan.problems.sort_by_key(|p| (p.row, p.column));
    plan.problems.dedup();
    plan
}

/// Where a row's change went: the file, the byte range of the new entry (`None`: anywhere in
/// the file), and the column each key came from.
#[derive(Debug)]
pub(crate) struct Touch {
    row: usize,
    file: String,
    range: Option<std::ops::Range<usize>>,
    columns: BTreeMap<&'static str, usize>,
}

/// Turns a diagnostic of the changed tree into a problem at the row and column it came from
/// (`mine`: the rows that changed the diagnostic's file, in order).
fn locate(d: &Diagnostic, text: &str, mine: &[&Touch]) -> Problem {
    let start = d.span.as_ref().map_or(0, |s| s.start);
    let touch = mine
        .iter()
        .find(|t| t.range.as_ref().is_some_and(|r| r.contains(&start)))
        .or_else(|| mine.iter().find(|t| t.range.is_none()))
        .or_else(|| mine.first());
    let line_start = text.get(..start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let line = text.get(line_start..).unwrap_or_default().trim_start();
    let key: String = line.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
    let is_key = line[key.len()..].trim_start().starts_with('=');
    let (row, column) = match touch {
        Some(t) => (t.row, if is_key { t.columns.get(key.as_str()).copied().unwrap_or(1) } else { 1 }),
        None => (1, 1),
    };
    let mut message = format!("{} (in {})", d.message, d.file);
    if let Some(help) = &d.help {
        message.push_str(&format!("; {help}"));
    }
    Problem { row, column, message, warning: d.severity() == Severity::Warning }
}
