//! Where the cursor is in a record file, read line by line so that it works on a buffer
//! being typed (which is seldom valid TOML): the table it is in (the nearest `[table]` or
//! `[[table]]` line above it), and whether it is on a header, a key or a key's value.
//! A line inside a multi-line string that looks like a header is taken for one.

use std::ops::Range;

use crate::schema::{self, TableSpec, Ty};

/// What the cursor is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A table header line (`[[ord`): the span of the header, from its first `[` to the end
    /// of the line's text.
    Header { span: Range<usize> },
    /// A key (or where one is typed): the word, and its byte span in the file.
    Key { word: String, span: Range<usize> },
    /// A key's value: the key; the value's text up to the cursor; the span of the string's
    /// content when the value is a string in quotes (up to its closing quote or the cursor).
    Value { key: String, typed: String, string: Option<Range<usize>> },
}

/// The cursor's table and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The table's header, as dotted names (`["complaints", "respond_days"]`); empty at the
    /// top level.
    pub table: Vec<String>,
    /// How many headers of the same table come before the cursor's, for `[[order]]` (0: the
    /// first order).
    pub index: usize,
    /// The keys already written in the cursor's table.
    pub keys: Vec<String>,
    /// The place.
    pub place: Place,
}

/// The name of a header line (`[[order]]` → `order`), when the line is one.
fn header(line: &str) -> Option<String> {
    let trimmed = line.trim_start();
    if !trimmed.starts_with('[') {
        return None;
    }
    let inner = trimmed.trim_start_matches('[');
    let end = inner.find(']').unwrap_or(inner.len());
    Some(inner[..end].split('.').map(|part| part.trim().trim_matches('"')).collect::<Vec<_>>().join("."))
}

/// The byte index of the first `=` of `line` outside quotes.
fn equals(line: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '=') => return Some(i),
            (None, '#') => return None,
            _ => {}
        }
    }
    None
}

/// The key of a `key = value` line.
pub fn key_of(line: &str) -> Option<String> {
    let eq = equals(line)?;
    let key = line[..eq].trim().trim_matches('"').trim_matches('\'');
    (!key.is_empty()).then(|| key.to_string())
}

/// Reads the cursor at byte `offset` of `text`.
pub fn at(text: &str, offset: usize) -> Cursor {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[line_start..line_end];
    let column = offset - line_start;

    let mut table = Vec::new();
    let mut table_start = 0;
    let mut section_header = None;
    for (start, l) in lines_with_starts(&text[..line_start]) {
        if let Some(name) = header(l) {
            section_header = Some(name.clone());
            table = name.split('.').map(str::to_string).collect();
            table_start = start;
        }
    }
    let name = section_header.unwrap_or_default();
    let index = lines_with_starts(&text[..table_start]).filter(|(_, l)| header(l).as_deref() == Some(&name)).count();
    let section_end = lines_with_starts(&text[line_end..])
        .skip(1)
        .find(|(_, l)| header(l).is_some())
        .map_or(text.len(), |(start, _)| line_end + start);
    let keys = lines_with_starts(&text[table_start..section_end]).filter_map(|(_, l)| key_of(l)).collect();

    let place = match equals(line) {
        _ if line.trim_start().starts_with('[') => {
            let start = line_start + (line.len() - line.trim_start().len());
            Place::Header { span: start..line_start + line.trim_end().len() }
        }
        Some(eq) if column > eq => {
            let key = line[..eq].trim().trim_matches('"').trim_matches('\'').to_string();
            let typed = line[eq + 1..column].trim_start().to_string();
            let string = value_string(line, eq, column).map(|r| line_start + r.start..line_start + r.end);
            Place::Value { key, typed, string }
        }
        _ => {
            let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
            let start = line[..column].rfind(|c: char| !is_word(c)).map_or(0, |i| i + 1);
            let end = line[column..].find(|c: char| !is_word(c)).map_or(line.len(), |i| column + i);
            Place::Key { word: line[start..end].to_string(), span: line_start + start..line_start + end }
        }
    };
    Cursor { table, index, keys, place }
}

/// The span (in `line`) of the content of the string value after the `=` at `eq`, when the
/// cursor at `column` is inside it: from after the opening quote to the closing quote, or to
/// the cursor when it is not closed yet.
fn value_string(line: &str, eq: usize, column: usize) -> Option<Range<usize>> {
    let rest = &line[eq + 1..];
    let open = eq + 1 + rest.find(|c: char| !c.is_whitespace())?;
    let quote = line[open..].chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let start = open + 1;
    if column < start {
        return None;
    }
    let end = line[start..].find(quote).map_or(line.len().max(column), |i| start + i);
    (column <= end).then_some(start..end)
}

fn lines_with_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |l| {
        let here = start;
        start += l.len();
        (here, l.trim_end_matches(['\n', '\r']))
    })
}

/// Which kind of record file `rel` (relative to the records directory) is, as its top table.
pub fn top_table(rel: &str) -> Option<&'static TableSpec> {
    match rel {
        "cardfile.toml" => Some(schema::settings()),
        "team.toml" => Some(schema::team()),
        _ if rel.starts_with("customers/") && rel.ends_with(".toml") => Some(schema::customer()),
        _ => None,
    }
}

/// The table named by dotted `path` under `top`.
pub fn table_spec(top: &'static TableSpec, path: &[String]) -> Option<&'static TableSpec> {
    path.iter().try_fold(top, |spec, part| match spec.key(part)?.ty {
        Ty::Table(sub) | Ty::Tables(sub) => Some(sub),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "name = \"Acme\"\nowner = \"l\"\n\n[[order]]\ndate = 2026-01-02\nam\n\n[[order]]\nref = \"B\"\npaid = \n[loss]\n";

    fn cursor_after(needle: &str) -> Cursor {
        at(TEXT, TEXT.find(needle).unwrap() + needle.len())
    }

    #[test]
    fn a_value_in_quotes_is_read_up_to_its_closing_quote() {
        let c = cursor_after("owner = \"");
        assert!(c.table.is_empty());
        let start = TEXT.find("owner = \"").unwrap() + 9;
        assert_eq!(c.place, Place::Value { key: "owner".into(), typed: "\"".into(), string: Some(start..start + 1) });
        assert_eq!(c.keys, ["name", "owner"]);
    }

    #[test]
    fn a_key_being_typed_is_in_the_table_above_it() {
        let c = cursor_after("\nam");
        assert_eq!(c.table, ["order"]);
        assert_eq!(c.index, 0);
        let start = TEXT.find("\nam").unwrap() + 1;
        assert_eq!(c.place, Place::Key { word: "am".into(), span: start..start + 2 });
        assert_eq!(c.keys, ["date"]);
    }

    #[test]
    fn the_second_entry_of_an_array_of_tables_counts_the_first() {
        let c = cursor_after("paid = ");
        assert_eq!((c.table.as_slice(), c.index), (&["order".to_string()][..], 1));
        assert_eq!(c.place, Place::Value { key: "paid".into(), typed: String::new(), string: None });
        assert_eq!(c.keys, ["ref", "paid"]);
    }

    #[test]
    fn a_header_line_is_a_header() {
        let start = TEXT.find("[loss]").unwrap();
        assert_eq!(cursor_after("[lo").place, Place::Header { span: start..start + 6 });
        assert_eq!(at("[complaints.respond_days]\nhigh = 1\n", 30).table, ["complaints", "respond_days"]);
    }

    #[test]
    fn a_comment_or_a_quoted_equals_sign_is_no_key() {
        assert_eq!(key_of("# a = 1"), None);
        assert_eq!(key_of("\"a=b\" = 1").as_deref(), Some("a=b"));
        assert_eq!(key_of("x"), None);
    }

    #[test]
    fn tables_are_found_in_the_schema_by_their_dotted_names() {
        let settings = top_table("cardfile.toml").unwrap();
        let path = ["complaints".to_string(), "respond_days".to_string()];
        assert_eq!(table_spec(settings, &path).map(|t| t.name), Some("[complaints.respond_days]"));
        let customer = top_table("customers/east/acme.toml").unwrap();
        assert_eq!(table_spec(customer, &["order".to_string()]).map(|t| t.name), Some("[[order]]"));
        assert!(table_spec(customer, &["name".to_string()]).is_none());
        assert!(top_table("notes.toml").is_none());
    }
}
