//! Payments: `paid` set on the order with the row's `ref`. Each customer file is parsed once,
//! however many of its orders the CSV pays, and written back as text when all rows are read.

use std::collections::{BTreeMap, HashMap};

use toml_edit::{DocumentMut, Item, Value};

use super::{Problem, Row, State, Touch, plain};
use crate::records::model::Customer;

/// A customer file being paid: its document, its line ending, whether a row changed it, and
/// its orders' refs.
pub(super) struct Paying {
    doc: DocumentMut,
    nl: &'static str,
    changed: bool,
    /// The index of the first order with each ref.
    refs: HashMap<String, usize>,
}

/// A key of the `index`-th order, as people read it.
fn order_value(doc: &DocumentMut, index: usize, key: &str) -> Option<String> {
    let value = match doc.get("order") {
        Some(Item::ArrayOfTables(tables)) => tables.get(index).and_then(|t| t.get(key)).and_then(Item::as_value),
        Some(Item::Value(Value::Array(values))) => {
            values.get(index).and_then(Value::as_inline_table).and_then(|t| t.get(key))
        }
        _ => None,
    };
    value.map(plain)
}

impl<'a> State<'a> {
    /// Sets `paid` on the order of the row's `ref`.
    pub(super) fn payment(
        &mut self,
        row: &Row<'_>,
        pairs: &[(&'static str, Value)],
        columns: BTreeMap<&'static str, usize>,
    ) -> Result<(), Problem> {
        let (ref_col, reference) = row.get("ref").unwrap_or((1, "")); // ok: checked as required
        let paid = pairs.iter().find(|(k, _)| *k == "paid").map(|(_, v)| v.clone()).unwrap_or(Value::from(""));
        let candidates: Vec<&Customer> = if row.get("customer").is_some() {
            vec![self.customer_named(row)?]
        } else {
            self.by_ref.get(reference).cloned().unwrap_or_default()
        };
        let customer = match candidates.as_slice() {
            [one] => *one,
            [] => return Err(Problem::new(row.number, ref_col, format!("no order has the ref `{reference}`"))),
            many => {
                let ids: Vec<&str> = many.iter().map(|c| c.id.as_str()).collect();
                let message = format!("orders of {} have the ref `{reference}`: add a customer column", ids.join(", "));
                return Err(Problem::new(row.number, ref_col, message));
            }
        };
        let file = customer.file.clone();
        if !self.paying.contains_key(&file) {
            let text = self.text(row.number, &file)?;
            let doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
                Problem::new(row.number, 1, format!("TOML syntax: {}", e.message().trim_end()))
            })?;
            let count = match doc.get("order") {
                Some(Item::ArrayOfTables(tables)) => tables.len(),
                Some(Item::Value(Value::Array(values))) => values.len(),
                _ => 0,
            };
            let mut refs = HashMap::new();
            for index in (0..count).rev() {
                if let Some(r) = order_value(&doc, index, "ref") {
                    refs.insert(r, index);
                }
            }
            self.paying.insert(file.clone(), Paying { doc, nl: crate::edit::newline(&text), changed: false, refs });
        }
        let Some(paying) = self.paying.get_mut(&file) else { return Ok(()) }; // ok: inserted above
        let Some(&index) = paying.refs.get(reference) else {
            let message = format!("{} has no order with the ref `{reference}`", customer.id);
            return Err(Problem::new(row.number, ref_col, message));
        };
        let paid_text = plain(&paid);
        if let Some(date) = order_value(&paying.doc, index, "date").filter(|d| *d > paid_text) {
            let message = format!("paid {paid_text} is before the order date {date}");
            return Err(Problem::new(row.number, row.column("paid"), message));
        }
        let who = format!("order {reference} of {} ({file})", customer.id);
        match order_value(&paying.doc, index, "paid") {
            Some(old) if old == paid_text => {
                self.lines.push(format!("row {}: unchanged {who}: paid {paid_text}", row.number));
                return Ok(());
            }
            Some(old) => self.lines.push(format!("row {}: set paid = {paid_text} on {who} (was {old})", row.number)),
            None => self.lines.push(format!("row {}: set paid = {paid_text} on {who}", row.number)),
        }
        crate::edit::set_in(&mut paying.doc, "order", index, "paid", paid)
            .map_err(|e| Problem::new(row.number, 1, e.to_string()))?;
        paying.changed = true;
        self.touched.push(Touch { row: row.number, file, range: None, columns });
        Ok(())
    }

    /// Writes the text of every file that payments changed into [`State::files`].
    pub(super) fn finish_payments(&mut self) {
        for (file, paying) in self.paying.drain() {
            if paying.changed {
                self.files.insert(file, crate::edit::restyle(paying.doc.to_string(), paying.nl));
            }
        }
    }
}
