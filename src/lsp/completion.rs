//! Completion at the cursor: the keys of its table, a key's allowed values (enumerations,
//! member ids, customer ids, today's date, true/false), and snippets for the entries people
//! add most: `[[interaction]]`, `[[order]]`, `[[promise]]`.

use chrono::NaiveDate;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, InsertTextFormat, MarkupContent, MarkupKind,
    TextEdit,
};

use super::context::{Cursor, Place, table_spec, top_table};
use super::documents::Lines;
use super::keydocs;
use crate::i18n::{Language, editor as words};
use crate::records::Records;
use crate::schema::{Key, TableSpec, Ty};

/// The keys whose value is a team member's id.
pub const MEMBER_KEYS: &[&str] = &["owner", "by", "from", "to"];

/// The entries a snippet adds.
const SNIPPETS: &[&str] = &["interaction", "order", "promise"];

/// What completion needs besides the cursor.
pub struct Scope<'a> {
    /// The file, relative to the records directory.
    pub rel: &'a str,
    /// The records as last loaded.
    pub records: Option<&'a Records>,
    /// The reference date.
    pub today: NaiveDate,
    /// The language of the words shown.
    pub lang: Language,
    /// Whether the client takes snippets (`$1` placeholders).
    pub snippets: bool,
}

/// The completion items at `cursor`; `lines` holds the buffer's text.
pub fn items(cursor: &Cursor, scope: &Scope<'_>, lines: &Lines<'_>) -> Vec<CompletionItem> {
    let Some(top) = top_table(scope.rel) else { return Vec::new() };
    let Some(spec) = table_spec(top, &cursor.table) else { return Vec::new() };
    match &cursor.place {
        Place::Header { span } => headers(top, scope.lang, lines.range(span.clone())),
        Place::Key { .. } => {
            let mut out = keys(spec, cursor, scope.lang);
            if std::ptr::eq(top, crate::schema::customer()) {
                out.extend(snippets(top, scope));
            }
            out
        }
        Place::Value { key, string, .. } => {
            let Some(k) = spec.key(key) else { return Vec::new() };
            let edit_range = string.clone().map(|span| lines.range(span));
            values(k, scope, edit_range.is_some())
                .into_iter()
                .map(|mut item| {
                    if let Some(range) = edit_range {
                        let new_text = item.insert_text.take().unwrap_or_else(|| item.label.clone());
                        item.text_edit = Some(CompletionTextEdit::Edit(TextEdit { range, new_text }));
                    }
                    item
                })
                .collect()
        }
    }
}

/// The keys of the table that are not written yet (sub-tables are added by snippet or
/// header, not as keys).
fn keys(spec: &TableSpec, cursor: &Cursor, lang: Language) -> Vec<CompletionItem> {
    spec.keys
        .iter()
        .filter(|k| !matches!(k.ty, Ty::Table(_) | Ty::Tables(_)))
        .filter(|k| !cursor.keys.iter().any(|written| written == k.name))
        .map(|k| CompletionItem {
            label: k.name.to_string(),
            kind: Some(CompletionItemKind::PROPERTY),
            detail: Some(keydocs::kind(k.ty, lang)),
            documentation: Some(markdown(keydocs::markdown(k, spec, lang))),
            insert_text: Some(format!("{} = ", k.name)),
            ..CompletionItem::default()
        })
        .collect()
}

/// The table headers of the file (`[[order]]`, `[loss]`, `[complaints.respond_days]` …),
/// each replacing the header line's text (`range`).
fn headers(top: &'static TableSpec, lang: Language, range: lsp_types::Range) -> Vec<CompletionItem> {
    let mut tables = Vec::new();
    let mut stack = vec![top];
    while let Some(spec) = stack.pop() {
        for key in spec.keys.iter().rev() {
            if let Ty::Table(sub) | Ty::Tables(sub) = key.ty {
                tables.push(sub);
                stack.push(sub);
            }
        }
    }
    tables.sort_by_key(|t| t.name);
    tables.dedup_by_key(|t| t.name);
    tables
        .into_iter()
        .map(|t| CompletionItem {
            label: t.name.to_string(),
            kind: Some(CompletionItemKind::MODULE),
            detail: Some(t.describe(lang).to_string()),
            filter_text: Some(t.name.to_string()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text: t.name.to_string() })),
            ..CompletionItem::default()
        })
        .collect()
}

/// The values `key` may take that can be listed.
fn values(key: &Key, scope: &Scope<'_>, in_string: bool) -> Vec<CompletionItem> {
    let quote = |s: &str| if in_string { s.to_string() } else { format!("\"{s}\"") };
    let value = |label: String, detail: Option<String>, insert: String| CompletionItem {
        label,
        kind: Some(CompletionItemKind::VALUE),
        detail,
        insert_text: Some(insert),
        ..CompletionItem::default()
    };
    match key.ty {
        Ty::Choice(names) => names().into_iter().map(|n| value(n.to_string(), None, quote(n))).collect(),
        Ty::Bool if !in_string => {
            ["true", "false"].into_iter().map(|b| value(b.to_string(), None, b.to_string())).collect()
        }
        Ty::Date if !in_string => {
            let day = scope.today.format("%Y-%m-%d").to_string();
            vec![value(day.clone(), Some(words::TODAY.get(scope.lang).to_string()), day)]
        }
        Ty::Id if top_table(scope.rel).is_some_and(|t| std::ptr::eq(t, crate::schema::customer())) => {
            let Some(records) = scope.records else { return Vec::new() };
            if MEMBER_KEYS.contains(&key.name) {
                records
                    .members
                    .iter()
                    .map(|m| value(m.id.get_ref().clone(), Some(m.name.clone()), quote(m.id.get_ref())))
                    .collect()
            } else if key.name == "referred_by" {
                records
                    .customers
                    .iter()
                    .filter(|c| !scope.rel.ends_with(&format!("/{}.toml", c.id)))
                    .map(|c| value(c.id.clone(), Some(c.name.clone()), quote(&c.id)))
                    .collect()
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// Snippets for a new `[[interaction]]`, `[[order]]` and `[[promise]]`: the header and the
/// table's required keys, each a placeholder (a choice lists its values).
fn snippets(top: &TableSpec, scope: &Scope<'_>) -> Vec<CompletionItem> {
    SNIPPETS
        .iter()
        .filter_map(|name| match top.key(name)?.ty {
            Ty::Tables(spec) => Some(spec),
            _ => None,
        })
        .map(|spec| {
            let (text, format) = snippet(spec, scope);
            CompletionItem {
                label: spec.name.to_string(),
                kind: Some(CompletionItemKind::SNIPPET),
                detail: Some(words::new_entry(scope.lang, spec.name)),
                documentation: Some(markdown(spec.describe(scope.lang).to_string())),
                insert_text: Some(text),
                insert_text_format: Some(format),
                filter_text: Some(spec.name.trim_matches(['[', ']']).to_string()),
                ..CompletionItem::default()
            }
        })
        .collect()
}

fn snippet(spec: &TableSpec, scope: &Scope<'_>) -> (String, InsertTextFormat) {
    let day = scope.today.format("%Y-%m-%d").to_string();
    let mut lines = vec![spec.name.to_string()];
    for (n, key) in spec.keys.iter().filter(|k| k.required).enumerate() {
        let n = n + 1;
        let value = match (key.ty, scope.snippets) {
            (Ty::Date, true) => format!("${{{n}:{day}}}"),
            (Ty::Date, false) => day.clone(),
            (Ty::Choice(names), true) => format!("\"${{{n}|{}|}}\"", names().join(",")),
            (Ty::Choice(names), false) => format!("\"{}\"", names().first().copied().unwrap_or_default()),
            (Ty::Money | Ty::Int(..), true) => format!("${{{n}:0}}"),
            (Ty::Money | Ty::Int(..), false) => "0".to_string(),
            (_, true) => format!("\"${n}\""),
            (_, false) => "\"\"".to_string(),
        };
        lines.push(format!("{} = {value}", key.name));
    }
    let format = if scope.snippets { InsertTextFormat::SNIPPET } else { InsertTextFormat::PLAIN_TEXT };
    (lines.join("\n") + "\n", format)
}

fn markdown(value: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::context;
    use crate::lsp::documents::Encoding;
    use crate::records::load_texts;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    fn labels(text: &str, at: &str, records: Option<&Records>) -> Vec<String> {
        let cursor = context::at(text, text.find(at).unwrap() + at.len());
        let scope = Scope { rel: "customers/acme.toml", records, today: day(), lang: Language::En, snippets: true };
        items(&cursor, &scope, &Lines::new(text, Encoding::Utf16)).into_iter().map(|i| i.label).collect()
    }

    fn records() -> Records {
        let files = std::collections::BTreeMap::from([
            (
                "team.toml".to_string(),
                "[[member]]\nid = \"li\"\nname = \"Li\"\n[[member]]\nid = \"wu\"\nname = \"Wu\"\n".to_string(),
            ),
            ("customers/bolt.toml".to_string(), "name = \"Bolt\"\nowner = \"li\"\n".to_string()),
        ]);
        load_texts(&files, day()).records
    }

    #[test]
    fn an_owner_in_quotes_completes_to_the_member_ids() {
        let r = records();
        assert_eq!(labels("name = \"A\"\nowner = \"\n", "owner = \"", Some(&r)), ["li", "wu"]);
        assert_eq!(labels("referred_by = \"\n", "referred_by = \"", Some(&r)), ["bolt"]);
        assert!(labels("owner = \"\n", "owner = \"", None).is_empty(), "nothing loaded yet");
    }

    #[test]
    fn values_of_enumerations_dates_and_booleans() {
        let kinds = labels("[[interaction]]\nkind = \n", "kind = ", None);
        assert_eq!(kinds, ["visit", "call", "message", "email", "meeting", "event"]);
        assert_eq!(labels("[[order]]\npaid = \n", "paid = ", None), ["2026-03-01"]);
        assert_eq!(labels("archived = \n", "archived = ", None), ["true", "false"]);
        assert!(labels("name = \n", "name = ", None).is_empty());
    }

    #[test]
    fn a_header_completes_to_the_tables_of_the_file() {
        let tables = labels("name = \"A\"\n[[ord\n", "[[ord", None);
        assert!(tables.contains(&"[[order]]".to_string()) && tables.contains(&"[loss]".to_string()), "{tables:?}");
        assert!(!tables.iter().any(|t| t.contains("member")), "{tables:?}");
    }

    #[test]
    fn keys_not_yet_written_and_the_snippets() {
        let order = labels("[[order]]\ndate = 2026-01-01\nam\n", "\nam", None);
        assert!(order.contains(&"amount".to_string()) && !order.contains(&"date".to_string()), "{order:?}");
        assert!(order.contains(&"[[interaction]]".to_string()), "{order:?}");
        let top = labels("name = \"A\"\n\n", "\"A\"\n", None);
        assert!(top.contains(&"owner".to_string()) && !top.contains(&"order".to_string()), "{top:?}");
        assert!(top.contains(&"[[promise]]".to_string()), "{top:?}");
    }

    fn entry(name: &str) -> &'static TableSpec {
        match crate::schema::customer().key(name).map(|k| k.ty) {
            Some(Ty::Tables(spec)) => spec,
            _ => panic!("{name} is no [[table]] of a customer"),
        }
    }

    #[test]
    fn a_snippet_holds_the_required_keys_with_placeholders() {
        let scope = Scope { rel: "customers/a.toml", records: None, today: day(), lang: Language::En, snippets: true };
        assert_eq!(snippet(entry("order"), &scope).0, "[[order]]\ndate = ${1:2026-03-01}\namount = ${2:0}\n");
        let plain = Scope { snippets: false, ..scope };
        let text = snippet(entry("interaction"), &plain).0;
        assert_eq!(text, "[[interaction]]\ndate = 2026-03-01\nkind = \"visit\"\nsummary = \"\"\n");
        let choices = snippet(entry("interaction"), &scope).0;
        assert!(choices.contains("kind = \"${2|visit,call,message,email,meeting,event|}\""), "{choices}");
    }
}
