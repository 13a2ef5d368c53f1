//! Marking an entry of a record done, in place: a promise kept, an order delivered, a
//! complaint answered. Promises and complaints are numbered as `log --resolve` numbers
//! complaints: 1 is the first of its kind in the file, top to bottom, marked or not, so a
//! number never changes when another entry is marked. An order is found by its `ref`. An entry
//! marked already is refused (the first date is kept), and every refusal lists the entries
//! that could be meant.

use anyhow::{Result, bail};
use chrono::NaiveDate;
use toml_edit::{DocumentMut, Item, TableLike, Value};

use super::entries::{date, newline, parse, restyle, set_in};

/// The entries of the array of tables `key` (`[[key]]` or `key = [{…}]`), in file order; an
/// inline entry that is not a table is `None`.
fn entries<'a>(doc: &'a DocumentMut, key: &str) -> Vec<Option<&'a dyn TableLike>> {
    match doc.get(key) {
        Some(Item::ArrayOfTables(a)) => a.iter().map(|t| Some(t as &dyn TableLike)).collect(),
        Some(Item::Value(Value::Array(a))) => {
            a.iter().map(|v| v.as_inline_table().map(|t| t as &dyn TableLike)).collect()
        }
        _ => Vec::new(),
    }
}

/// The value of `field` in an entry as people read it: a string's text, a date as written.
fn value_of(entry: Option<&dyn TableLike>, field: &str) -> Option<String> {
    match entry?.get(field)?.as_value()? {
        Value::String(s) => Some(s.value().clone()),
        other => Some(other.clone().decorated("", "").to_string()),
    }
}

/// The first line of a Markdown text, cut to 40 characters.
fn short(text: &str) -> String {
    let text = text.trim();
    let line = text.lines().next().unwrap_or_default();
    let mut out: String = line.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// `what` when some are listed, else `none`.
fn listed(what: &str, items: &[String], none: &str) -> String {
    if items.is_empty() { none.to_string() } else { format!("{what}: {}", items.join("; ")) }
}

/// Sets `field` of entry `index` of `key` to `day` and gives the new text.
fn mark(text: &str, mut doc: DocumentMut, key: &str, index: usize, field: &str, day: NaiveDate) -> Result<String> {
    set_in(&mut doc, key, index, field, date(day)?)?;
    Ok(restyle(doc.to_string(), newline(text)))
}

/// Sets `kept = day` on promise `n` (1 = the file's first `[[promise]]`).
pub fn keep_promise(text: &str, n: usize, day: NaiveDate) -> Result<String> {
    let doc = parse(text)?;
    {
        let promises = entries(&doc, "promise");
        let open: Vec<String> = (0..promises.len())
            .filter(|&i| value_of(promises[i], "kept").is_none())
            .map(|i| {
                let due = value_of(promises[i], "due").unwrap_or_else(|| "?".into());
                format!("{} (due {due}: {})", i + 1, short(&value_of(promises[i], "what").unwrap_or_default()))
            })
            .collect();
        let open = listed("the open ones are", &open, "none is open");
        if n == 0 || n > promises.len() {
            bail!(
                "there is no promise {n}: the file has {} (number them from 1, in file order); {open}",
                promises.len()
            );
        }
        if let Some(kept) = value_of(promises[n - 1], "kept") {
            bail!("promise {n} was kept on {kept} already; {open}");
        }
    }
    mark(text, doc, "promise", n - 1, "kept", day)
}

/// Sets `delivered = day` on the order whose `ref` is `reference`.
pub fn deliver_order(text: &str, reference: &str, day: NaiveDate) -> Result<String> {
    let doc = parse(text)?;
    let index = {
        let orders = entries(&doc, "order");
        let waiting: Vec<String> = orders
            .iter()
            .filter(|o| value_of(**o, "delivered").is_none())
            .filter_map(|o| {
                let r = value_of(*o, "ref")?;
                Some(match value_of(*o, "promised") {
                    Some(p) => format!("{r} (promised {p})"),
                    None => r,
                })
            })
            .collect();
        let waiting = listed("not delivered yet", &waiting, "no order with a ref is waiting for delivery");
        let Some(index) = orders.iter().position(|o| value_of(*o, "ref").as_deref() == Some(reference)) else {
            bail!("no [[order]] has ref \"{reference}\" ({waiting})");
        };
        if let Some(delivered) = value_of(orders[index], "delivered") {
            bail!("order {reference} was delivered on {delivered} already ({waiting})");
        }
        index
    };
    mark(text, doc, "order", index, "delivered", day)
}

/// Sets `responded = day` on complaint `n` (1 = the file's first `[[complaint]]`).
pub fn answer_complaint(text: &str, n: usize, day: NaiveDate) -> Result<String> {
    let doc = parse(text)?;
    {
        let complaints = entries(&doc, "complaint");
        let waiting: Vec<String> = (0..complaints.len())
            .filter(|&i| value_of(complaints[i], "responded").is_none())
            .map(|i| {
                let opened = value_of(complaints[i], "opened").unwrap_or_else(|| "?".into());
                format!(
                    "{} (opened {opened}: {})",
                    i + 1,
                    short(&value_of(complaints[i], "summary").unwrap_or_default())
                )
            })
            .collect();
        let waiting = listed("not answered yet", &waiting, "every complaint is answered");
        if n == 0 || n > complaints.len() {
            bail!(
                "there is no complaint {n}: the file has {} (number them from 1, in file order); {waiting}",
                complaints.len()
            );
        }
        if let Some(responded) = value_of(complaints[n - 1], "responded") {
            bail!("complaint {n} was answered on {responded} already; {waiting}");
        }
    }
    mark(text, doc, "complaint", n - 1, "responded", day)
}

#[cfg(test)]
mod tests;
