//! From columns and rows to changes of record files, one row at a time.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use toml_edit::Value;

mod known;
mod payments;

use known::{Known, interaction_identity, order_identity};

use super::fields::{self, Field};
use super::table::Table;
use super::{Kind, Maps, Problem, Touch, edit};
use crate::records::Records;
use crate::records::model::Customer;

/// Maps each column of the header to a field (or to nothing, when `--map` skips it).
pub fn columns(
    fields: &'static [Field],
    table: &Table,
    maps: &Maps,
    problems: &mut Vec<Problem>,
) -> Vec<Option<&'static Field>> {
    let names = || fields.iter().map(|f| f.key).collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, header) in table.header.iter().enumerate() {
        let column = i + 1;
        let field = match maps.iter().find(|(col, _)| col.trim() == header) {
            Some((_, field)) if field.trim().is_empty() => None,
            Some((_, field)) => match fields.iter().find(|f| f.key == field.trim()) {
                Some(f) => Some(f),
                None => {
                    problems.push(Problem::new(
                        1,
                        column,
                        format!("--map: no field `{field}` here (fields: {})", names()),
                    ));
                    None
                }
            },
            None if header.is_empty() => {
                if table.rows.iter().any(|(_, cells)| cells.get(i).is_some_and(|c| !c.is_empty())) {
                    problems.push(Problem::new(1, column, "this column has data but no header"));
                }
                None
            }
            None => match fields::by_header(fields, header) {
                Some(f) => Some(f),
                None => {
                    problems.push(Problem::new(
                        1,
                        column,
                        format!(
                            "unknown column `{header}`: name it after a field ({}), or use --map '{header}=FIELD' \
                             (or --map '{header}=' to skip it)",
                            names()
                        ),
                    ));
                    None
                }
            },
        };
        if let Some(first) = field.and_then(|f| seen.insert(f.key, column)) {
            let key = field.map(|f| f.key).unwrap_or_default();
            problems.push(Problem::new(1, column, format!("`{key}` is already read from column {first}")));
        }
        out.push(field);
    }
    for (col, _) in maps {
        if !table.header.iter().any(|h| h == col.trim()) && !table.header.is_empty() {
            problems.push(Problem::new(1, 1, format!("--map: there is no column named `{col}`")));
        }
    }
    for f in fields.iter().filter(|f| f.required && !seen.contains_key(f.key)) {
        let also = f.aliases.first().map(|a| format!(" or `{a}`")).unwrap_or_default();
        problems.push(Problem::new(1, 1, format!("no column for `{}`: add one named `{}`{also}", f.key, f.key)));
    }
    out
}

/// One data row: the non-empty cells by field, with their columns.
pub struct Row<'a> {
    number: usize,
    cells: Vec<(&'static Field, usize, &'a str)>,
}

impl<'a> Row<'a> {
    /// Pairs a row's cells with the columns' fields.
    pub fn new(number: usize, columns: &[Option<&'static Field>], cells: &'a [String]) -> Row<'a> {
        let cells = columns
            .iter()
            .zip(cells)
            .enumerate()
            .filter_map(|(i, (f, c))| Some((((*f)?), i + 1, c.as_str())))
            .filter(|(_, _, c)| !c.is_empty())
            .collect();
        Row { number, cells }
    }

    fn get(&self, key: &str) -> Option<(usize, &'a str)> {
        self.cells.iter().find(|(f, _, _)| f.key == key).map(|(_, col, c)| (*col, *c))
    }

    fn column(&self, key: &str) -> usize {
        self.get(key).map_or(1, |(col, _)| col)
    }
}

/// The import so far: the changed files and what was said about each row.
pub struct State<'a> {
    root: &'a Path,
    decimal_comma: bool,
    by_id: HashMap<&'a str, &'a Customer>,
    by_name: HashMap<&'a str, Vec<&'a Customer>>,
    by_ref: HashMap<&'a str, Vec<&'a Customer>>,
    /// Files that hold their entries as `[[tables]]`, with their line ending: a new entry is
    /// appended to their text without parsing it again.
    appendable: HashMap<String, &'static str>,
    known: HashMap<String, Known>,
    paying: HashMap<String, payments::Paying>,
    /// The new text of each file touched so far.
    pub files: BTreeMap<String, String>,
    /// Which files are new.
    pub created: BTreeSet<String>,
    /// Where each row went.
    pub touched: Vec<Touch>,
    /// One line per row.
    pub lines: Vec<String>,
    /// Problems with rows.
    pub problems: Vec<Problem>,
    /// The bytes of each changed file as read (BOM included).
    pub originals: BTreeMap<String, Vec<u8>>,
    ids: BTreeSet<String>,
}

impl<'a> State<'a> {
    /// An empty import into `records` (loaded from `root`); `decimal_comma`: amounts are
    /// written `1.234,56`.
    pub fn new(root: &'a Path, records: &'a Records, decimal_comma: bool) -> State<'a> {
        let mut by_id = HashMap::new();
        let mut by_name: HashMap<&str, Vec<&Customer>> = HashMap::new();
        let mut by_ref: HashMap<&str, Vec<&Customer>> = HashMap::new();
        for c in &records.customers {
            by_id.insert(c.id.as_str(), &**c);
            by_name.entry(c.name.as_str()).or_default().push(c);
            let refs: BTreeSet<&str> =
                c.orders.iter().filter_map(|o| o.reference.as_ref()).map(|r| r.as_str()).collect();
            for r in refs {
                by_ref.entry(r).or_default().push(c);
            }
        }
        State {
            root,
            decimal_comma,
            by_id,
            by_name,
            by_ref,
            appendable: HashMap::new(),
            known: HashMap::new(),
            paying: HashMap::new(),
            files: BTreeMap::new(),
            created: BTreeSet::new(),
            touched: Vec::new(),
            lines: Vec::new(),
            problems: Vec::new(),
            originals: BTreeMap::new(),
            ids: BTreeSet::new(),
        }
    }

    /// Applies one row; problems are collected.
    pub fn apply(&mut self, kind: Kind, row: &Row<'_>) {
        let before = self.problems.len();
        let mut pairs: Vec<(&'static str, Value)> = Vec::new();
        let mut columns = BTreeMap::new();
        for field in kind.fields() {
            match row.get(field.key) {
                Some((col, cell)) => {
                    columns.insert(field.key, col);
                    match fields::value(field, cell, self.decimal_comma) {
                        Ok(v) => pairs.push((field.key, v)),
                        Err(message) => self.problems.push(Problem::new(row.number, col, message)),
                    }
                }
                None if field.required => {
                    let col = row.column(field.key);
                    self.problems.push(Problem::new(row.number, col, format!("`{}` is empty", field.key)));
                }
                None => {}
            }
        }
        if kind != Kind::Customers
            && row.get("customer").is_some()
            && let Err(problem) = self.customer_named(row)
        {
            self.problems.push(problem);
        }
        if self.problems.len() > before {
            return;
        }
        let result = match kind {
            Kind::Customers => self.customer(row, pairs, columns),
            Kind::Orders => self.append(row, "order", pairs, columns),
            Kind::Interactions => self.append(row, "interaction", pairs, columns),
            Kind::Payments => self.payment(row, &pairs, columns),
        };
        if let Err(problem) = result {
            self.problems.push(problem);
        }
    }

    /// Ends the import: the files changed by payments get their text.
    pub fn finish(&mut self) {
        self.finish_payments();
    }

    /// The current text of a record file, without a BOM (read on first use).
    fn text(&mut self, row: usize, rel: &str) -> Result<String, Problem> {
        if let Some(text) = self.files.get(rel) {
            return Ok(text.clone());
        }
        let bytes =
            fs::read(self.root.join(rel)).map_err(|e| Problem::new(row, 1, format!("cannot read {rel}: {e}")))?;
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let text = String::from_utf8(body.to_vec()).map_err(|_| Problem::new(row, 1, format!("{rel} is not UTF-8")))?;
        self.originals.insert(rel.to_string(), bytes);
        Ok(text)
    }

    fn customer_named(&self, row: &Row<'_>) -> Result<&'a Customer, Problem> {
        let (col, cell) = row.get("customer").unwrap_or((1, "")); // ok: checked as required
        if let Some(c) = self.by_id.get(cell) {
            return Ok(c);
        }
        match self.by_name.get(cell).map_or(&[][..], Vec::as_slice) {
            [one] => Ok(one),
            [] => Err(Problem::new(row.number, col, format!("no customer with the id or name `{cell}`"))),
            many => {
                let ids: Vec<&str> = many.iter().map(|c| c.id.as_str()).collect();
                Err(Problem::new(row.number, col, format!("`{cell}` is the name of {}: use the id", ids.join(", "))))
            }
        }
    }

    fn customer(
        &mut self,
        row: &Row<'_>,
        mut pairs: Vec<(&'static str, Value)>,
        columns: BTreeMap<&'static str, usize>,
    ) -> Result<(), Problem> {
        let (id_col, id) = row.get("id").unwrap_or((1, "")); // ok: checked as required
        pairs.retain(|(k, _)| *k != "id");
        if !self.ids.insert(id.to_string()) {
            return Err(Problem::new(row.number, id_col, format!("`{id}` is on an earlier row too")));
        }
        let existing = self.by_id.get(id).copied();
        let (file, range) = if let Some(c) = existing {
            let text = self.text(row.number, &c.file)?;
            let changed = edit::differing(&text, &pairs).map_err(|e| Problem::new(row.number, 1, e.to_string()))?;
            if changed.is_empty() {
                self.lines.push(format!("row {}: unchanged {id} ({})", row.number, c.file));
                return Ok(());
            }
            let updates: Vec<(&str, Value)> = pairs.iter().filter(|(k, _)| changed.contains(k)).cloned().collect();
            let new = edit::set_top(&text, &updates).map_err(|e| Problem::new(row.number, 1, e.to_string()))?;
            self.lines.push(format!("row {}: change {id} ({}): {}", row.number, c.file, changed.join(", ")));
            self.files.insert(c.file.clone(), new);
            (c.file.clone(), None)
        } else {
            let region = row.get("region").map(|(_, r)| r).filter(|r| folder_name(r));
            let file = match region {
                Some(r) => format!("customers/{r}/{id}.toml"),
                None => format!("customers/{id}.toml"),
            };
            if self.root.join(&file).exists() {
                return Err(Problem::new(row.number, id_col, format!("{file} exists already")));
            }
            let text = edit::new_file(&pairs);
            let name = row.get("name").map(|(_, n)| n).unwrap_or_default();
            self.lines.push(format!("row {}: create {file} ({name})", row.number));
            let len = text.len();
            self.files.insert(file.clone(), text);
            self.created.insert(file.clone());
            (file, Some(0..len))
        };
        self.touched.push(Touch { row: row.number, file, range, columns });
        Ok(())
    }

    fn append(
        &mut self,
        row: &Row<'_>,
        array: &str,
        mut pairs: Vec<(&'static str, Value)>,
        columns: BTreeMap<&'static str, usize>,
    ) -> Result<(), Problem> {
        let customer = self.customer_named(row)?;
        pairs.retain(|(k, _)| *k != "customer");
        let show = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| plain(v));
        let what = match array {
            "order" => format!(
                "order {} {}{}",
                show("date").unwrap_or_default(),
                show("amount").unwrap_or_default(),
                show("ref").map(|r| format!(" {r}")).unwrap_or_default()
            ),
            _ => format!("{} {}", show("kind").unwrap_or_default(), show("date").unwrap_or_default()),
        };
        if self.already_there(customer, array, row)? {
            self.lines.push(format!(
                "row {}: unchanged: {what} is in {} already ({})",
                row.number, customer.id, customer.file
            ));
            return Ok(());
        }
        let file = customer.file.clone();
        let range = match (self.appendable.get(&file).copied(), self.files.get_mut(&file)) {
            (Some(nl), Some(text)) => {
                text.push_str(nl);
                let start = text.len();
                text.push_str(&crate::edit::table_text(array, &pairs, nl));
                start..text.len()
            }
            _ => {
                let text = self.text(row.number, &file)?;
                let new = crate::edit::append(&text, array, &pairs)
                    .map_err(|e| Problem::new(row.number, 1, format!("{file}: {e:#}")))?;
                let range = match new.get(text.len()..).filter(|_| new.starts_with(&text)).and_then(|t| t.find("[[")) {
                    Some(at) => {
                        self.appendable.insert(file.clone(), crate::edit::newline(&text));
                        text.len() + at..new.len()
                    }
                    None => 0..new.len(),
                };
                self.files.insert(file.clone(), new);
                range
            }
        };
        self.lines.push(format!("row {}: add {what} to {} ({file})", row.number, customer.id));
        self.touched.push(Touch { row: row.number, file, range: Some(range), columns });
        Ok(())
    }

    /// Whether the row's order or interaction is in the customer's file already (imported
    /// before): an order by its `ref`, else by date, amount and product; an interaction by
    /// date, kind and summary. Each entry of the file stands for one row. An order whose `ref`
    /// is there with another date or amount is a problem.
    fn already_there(&mut self, customer: &Customer, array: &str, row: &Row<'_>) -> Result<bool, Problem> {
        let known = self.known.entry(customer.id.clone()).or_insert_with(|| Known::of(customer, array));
        let date = row.get("date").and_then(|(_, d)| fields::date(d)).unwrap_or_default();
        let identity = if array == "order" {
            let amount = row.get("amount").and_then(|(_, a)| fields::money(a, self.decimal_comma)).unwrap_or_default();
            if let Some((col, reference)) = row.get("ref") {
                return match known.refs.get(reference) {
                    None => Ok(false),
                    Some((d, a)) if *d == date && a.normalize() == amount.normalize() => Ok(true),
                    Some((d, a)) => Err(Problem::new(
                        row.number,
                        col,
                        format!("{} has an order with the ref `{reference}` already, of {a} on {d}", customer.id),
                    )),
                };
            }
            order_identity(date, amount, row.get("product").map_or("", |(_, p)| p))
        } else {
            let kind = fields::interaction_kind(row.get("kind").map_or("", |(_, k)| k));
            interaction_identity(date, &kind, row.get("summary").map_or("", |(_, s)| s))
        };
        match known.counts.get_mut(&identity) {
            Some(n) if *n > 0 => {
                *n -= 1;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

/// A value as people read it (strings without quotes).
fn plain(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string().trim().to_string(), str::to_string)
}

/// Whether a region can name a folder: letters (any script), digits, `-` and `_`.
fn folder_name(region: &str) -> bool {
    region.chars().count() <= 64 && region.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}
