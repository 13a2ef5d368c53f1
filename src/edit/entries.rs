//! Changing a record's text: append a `[[table]]` entry, or set one key of an entry, keeping
//! every other byte (comments, blank lines, key order, line endings) as it was.

use anyhow::{Result, anyhow, bail};
use chrono::{Datelike, NaiveDate};
use toml_edit::{DocumentMut, InlineTable, Item, Value};

use crate::records::dates;

/// A TOML local date; a date outside the range records may use is refused.
pub fn date(d: NaiveDate) -> Result<Value> {
    let refuse = || anyhow!("the date {d} is outside the dates cardfile works with ({})", dates::RANGE);
    if !dates::in_range(d) {
        return Err(refuse());
    }
    let year = u16::try_from(d.year()).map_err(|_| refuse())?;
    let month = u8::try_from(d.month()).map_err(|_| refuse())?;
    let day = u8::try_from(d.day()).map_err(|_| refuse())?;
    let date = toml_edit::Date { year, month, day };
    Ok(Value::from(toml_edit::Datetime { date: Some(date), time: None, offset: None }))
}

/// The line ending the text uses: CRLF when every line break is one, else LF.
pub fn newline(text: &str) -> &'static str {
    let lf = text.matches('\n').count();
    if lf > 0 && text.matches("\r\n").count() == lf { "\r\n" } else { "\n" }
}

/// Converts the LF line breaks of `text` to CRLF when `style` is CRLF.
pub fn restyle(text: String, style: &str) -> String {
    if style == "\r\n" { text.replace("\r\n", "\n").replace('\n', "\r\n") } else { text }
}

/// Parses a record's text for editing; a file that is not TOML is refused with a pointer to `check`.
pub(super) fn parse(text: &str) -> Result<DocumentMut> {
    text.parse::<DocumentMut>()
        .map_err(|e| anyhow!("the file is not valid TOML ({}); run `cardfile check`", e.message().trim_end()))
}

/// How many entries the array of tables `key` has (`[[key]]` or `key = [{…}]`).
pub fn count(text: &str, key: &str) -> Result<usize> {
    let doc = parse(text)?;
    Ok(match doc.get(key) {
        Some(Item::ArrayOfTables(a)) => a.len(),
        Some(Item::Value(Value::Array(a))) => a.len(),
        _ => 0,
    })
}

/// The values of `field` in each entry of the array of tables `key`, in file order.
pub fn column(text: &str, key: &str, field: &str) -> Result<Vec<Option<String>>> {
    let doc = parse(text)?;
    let text_of = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
    Ok(match doc.get(key) {
        Some(Item::ArrayOfTables(a)) => a.iter().map(|t| text_of(t.get(field).and_then(Item::as_value))).collect(),
        Some(Item::Value(Value::Array(a))) => {
            a.iter().map(|v| text_of(v.as_inline_table().and_then(|t| t.get(field)))).collect()
        }
        _ => Vec::new(),
    })
}

/// Appends an entry to the array of tables `key`: a `[[key]]` table at the end of the file,
/// after a blank line, so that the original text is a prefix of the result. A file that
/// writes the array inline (`key = [{…}]`) gets the entry in the array instead.
pub fn append(text: &str, key: &str, values: &[(&str, Value)]) -> Result<String> {
    let mut doc = parse(text)?;
    let nl = newline(text);
    match doc.get_mut(key) {
        None | Some(Item::ArrayOfTables(_)) => {}
        Some(Item::Value(Value::Array(array))) => {
            let mut entry = InlineTable::new();
            for (k, v) in values {
                entry.insert(*k, v.clone());
            }
            array.push(entry);
            return Ok(restyle(doc.to_string(), nl));
        }
        Some(_) => bail!("`{key}` in this file is not a list of [[{key}]] tables; run `cardfile check`"),
    }
    let mut out = text.to_string();
    if !out.is_empty() {
        if !out.ends_with('\n') {
            out.push_str(nl);
        }
        if !out.ends_with(&format!("{nl}{nl}")) && out != nl {
            out.push_str(nl);
        }
    }
    out.push_str(&table_text(key, values, nl));
    Ok(out)
}

/// The text of one `[[key]]` table holding `values`, each line ended by `nl`: what [`append`]
/// adds (after a blank line) to a file that writes `key` as tables or not at all.
pub fn table_text(key: &str, values: &[(&str, Value)], nl: &str) -> String {
    let mut out = format!("[[{key}]]{nl}");
    for (k, v) in values {
        let v = v.clone().decorated("", "");
        out.push_str(&format!("{k} = {v}{nl}"));
    }
    out
}

/// Sets `field` in the `index`-th (0-based) entry of the array of tables `key`, replacing its
/// value in place (keeping its comment) or adding it after the entry's last key.
pub fn set(text: &str, key: &str, index: usize, field: &str, value: Value) -> Result<String> {
    let mut doc = parse(text)?;
    set_in(&mut doc, key, index, field, value)?;
    Ok(restyle(doc.to_string(), newline(text)))
}

/// [`set`] on a parsed document (to set many values with one parse; [`restyle`] the text).
pub fn set_in(doc: &mut DocumentMut, key: &str, index: usize, field: &str, value: Value) -> Result<()> {
    let missing = || anyhow!("there is no entry {} in [[{key}]]", index + 1);
    match doc.get_mut(key) {
        Some(Item::ArrayOfTables(array)) => {
            let table = array.get_mut(index).ok_or_else(missing)?;
            match table.get_mut(field) {
                Some(Item::Value(old)) => {
                    let decor = old.decor().clone();
                    *old = value;
                    *old.decor_mut() = decor;
                }
                _ => {
                    table.insert(field, Item::Value(value));
                }
            }
        }
        Some(Item::Value(Value::Array(array))) => {
            let table = array.get_mut(index).and_then(Value::as_inline_table_mut).ok_or_else(missing)?;
            match table.get_mut(field) {
                Some(old) => {
                    let decor = old.decor().clone();
                    *old = value;
                    *old.decor_mut() = decor;
                }
                None => {
                    // The space before `}` belongs to the last value; it goes with the new last.
                    if let Some((_, last)) = table.iter_mut().last() {
                        last.decor_mut().set_suffix("");
                    }
                    table.insert(field, value);
                }
            }
        }
        _ => return Err(missing()),
    }
    Ok(())
}

#[cfg(test)]
mod tests;
