//! Hints for unknown keys, and the table of keys held to the reader and to docs/records.md.

use std::collections::BTreeSet;

use super::*;

#[test]
fn a_typo_in_the_same_table_is_suggested() {
    assert_eq!(hint_for_unknown("amout", "[[order]]", ORDER, false), "did you mean `amount`?");
    assert_eq!(hint_for_unknown("sumary", "[[interaction]]", INTERACTION, false), "did you mean `summary`?");
}

#[test]
fn a_key_of_another_table_is_named_as_such() {
    assert_eq!(
        hint_for_unknown("summary", "[[order]]", ORDER, false),
        "`summary` is a key of [[interaction]], not of [[order]]"
    );
}

#[test]
fn a_typo_of_another_tables_key_is_suggested_with_its_table() {
    assert_eq!(
        hint_for_unknown("resolutoin", "[[order]]", ORDER, false),
        "did you mean `resolution` (a key of [[complaint]])?"
    );
}

#[test]
fn nothing_close_lists_the_keys() {
    let hint = hint_for_unknown("zzzzzzzz", "[[contract]]", CONTRACT, false);
    assert_eq!(hint, "the keys of [[contract]] are: end, kind, start");
}

#[test]
fn closest_is_case_insensitive_and_bounded() {
    assert_eq!(closest("Visit", &["visit", "call"]), Some("visit"));
    assert_eq!(closest("telephone", &["visit", "call"]), None);
}

#[test]
fn every_name_of_a_table_has_its_keys() {
    assert_eq!(of("[[order]]"), ORDER);
    assert_eq!(of("the settings"), SETTINGS);
    assert_eq!(of("[[member]]"), MEMBER);
    assert!(of("[[nothing]]").is_empty());
}

/// The sections of docs/records.md whose heading names no table, and the table their key
/// lists are of.
const SECTIONS: &[(&str, &str)] = &[
    ("A customer file", "the customer"),
    ("team.toml", "[[member]]"),
    ("cardfile.toml: the settings", "the settings"),
];

/// The backticked words of `text`.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The table a heading or a bold paragraph opening like "**`[loss]`**" names, if any.
fn table_named(text: &str) -> Option<String> {
    quoted(text).into_iter().find(|q| q.starts_with('[') && q.ends_with(']')).map(str::to_string)
}

/// The keys docs/records.md lists: in the first column of every table headed `Key` or
/// `Setting`, by the table of the section (or of the bold paragraph) they stand in. A row of
/// a table key (`[loss]`, `[[holiday]]`) lists that key; a setting `[cards] paper` is `paper`
/// of `[cards]`, and what follows it in the cell is of `[cards]` too; the keys of a row that
/// is only `[[holiday]]` are the backticked words of the rest of the row.
fn documented(text: &str) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    let (mut context, mut in_keys) = (String::new(), false);
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            let title = heading.split_once(". ").map_or(heading, |(_, t)| t);
            let named = SECTIONS.iter().find(|(s, _)| *s == title).map(|(_, t)| t.to_string());
            context = named.or_else(|| table_named(heading)).unwrap_or_default();
        } else if line.starts_with("**`[") {
            context = table_named(line.split("**").nth(1).unwrap_or_default()).unwrap_or(context);
        }
        if line.starts_with("| Key |") || line.starts_with("| Setting |") {
            in_keys = true;
            continue;
        }
        in_keys &= line.starts_with('|');
        if !in_keys || line.starts_with("|---") {
            continue;
        }
        let cells: Vec<&str> = line.split('|').collect();
        let (first, rest) = (cells.get(1).copied().unwrap_or_default(), cells[2..].join("|"));
        let mut table = context.clone();
        for name in quoted(first) {
            match name.split_once("] ") {
                Some((sub, key)) => {
                    table = format!("{sub}]");
                    out.insert((table.clone(), key.to_string()));
                }
                None if name.starts_with('[') => {
                    out.insert((context.clone(), name.trim_matches(['[', ']']).to_string()));
                    let words =
                        quoted(&rest).into_iter().filter(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
                    out.extend(words.map(|w| (name.to_string(), w.to_string())));
                }
                None => {
                    out.insert((table.clone(), name.to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn docs_records_md_lists_every_key_of_the_table_and_no_other() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/records.md");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut listed = documented(&text);
    // A table with a section (or paragraph) of its own is a documented key of its file.
    for tables in FILES {
        let (top, _) = tables[0];
        for (name, _) in &tables[1..] {
            if listed.iter().any(|(t, _)| t == name) {
                // `[complaints.respond_days]` is the key `respond_days` of `[complaints]`.
                let path = name.trim_matches(['[', ']']);
                let key = match path.rsplit_once('.') {
                    Some((parent, key)) => (format!("[{parent}]"), key),
                    None => (top.to_string(), path),
                };
                listed.insert((key.0, key.1.to_string()));
            }
        }
    }
    let table: BTreeSet<(String, String)> = FILES
        .iter()
        .flat_map(|f| f.iter())
        .flat_map(|(t, keys)| keys.iter().map(|k| (t.to_string(), k.to_string())))
        .collect();
    let missing: Vec<_> = table.difference(&listed).collect();
    assert!(missing.is_empty(), "keys that docs/records.md does not list: {missing:?}");
    let unknown: Vec<_> = listed.difference(&table).collect();
    assert!(unknown.is_empty(), "keys docs/records.md lists that the reader does not know: {unknown:?}");
}
