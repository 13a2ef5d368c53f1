//! The record loader on mutated demo files, arbitrary bytes and grammar-built customers: no
//! panic, and every diagnostic points inside its file.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use cardfile::diagnostics::{self, Report};
use cardfile::records::{self, Loaded};
use codespan_reporting::term::termcolor::NoColor;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestCaseError;

use super::{demo, empty_records, fuzz, today};

/// The demo's record files: `(path relative to records/, text)`, sorted.
static DEMO: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let root = demo("");
    let mut files: Vec<(String, String)> = crate::walk(&root)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter_map(|p| {
            let rel = p.strip_prefix(&root).ok()?.to_string_lossy().replace('\\', "/");
            Some((rel, std::fs::read_to_string(&p).ok()?))
        })
        .collect();
    files.sort();
    assert!(files.len() > 10, "the demo records are missing");
    files
});

/// Every diagnostic points inside the text of its file (on character boundaries, so that the
/// source line can be shown), and the human and JSON renderings of the lot succeed.
fn positions_resolve(loaded: &Loaded) -> Result<(), TestCaseError> {
    for d in &loaded.diagnostics {
        let places = d.span.iter().map(|s| (&d.file, s)).chain(d.labels.iter().map(|l| (&l.file, &l.span)));
        for (file, span) in places {
            let text = loaded.texts.get(file);
            prop_assert!(text.is_some(), "{d:?}: no text kept for {file}");
            let text = text.map_or("", String::as_str);
            prop_assert!(
                span.start <= span.end
                    && span.end <= text.len()
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end),
                "{d:?}: span {span:?} is not inside {file} ({} bytes)",
                text.len()
            );
            let at = diagnostics::line_col(text, span.start);
            prop_assert!(at.line <= text.lines().count().max(1) + 1, "{d:?}: line {} past the end", at.line);
        }
    }
    let report = Report { diagnostics: &loaded.diagnostics, texts: &loaded.texts, files_read: loaded.files_read };
    let mut human = NoColor::new(Vec::new());
    prop_assert!(diagnostics::render_human(&report, &mut human).is_ok(), "the diagnostics cannot be rendered");
    let json: Result<serde_json::Value, _> = serde_json::from_str(&diagnostics::render_json(&report));
    prop_assert!(json.is_ok(), "the JSON diagnostics do not parse");
    Ok(())
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    Replace(Index, u8),
    Truncate(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
}

/// Fragments that tend to reach deeper than random bytes: TOML punctuation, headers, odd values.
#[rustfmt::skip]
const SNIPPETS: &[&str] = &[
    "\n", "\r\n", "\"", "'", "\"\"\"", "[", "]", "{", "}", "=", ",", ".", "#", "\\", "\\u0000", "\\uD800", "-", ":",
    "\n[[order]]\n", "\n[[interaction]]\n", "\n[[contact]]\n", "\n[loss]\n", "\n[[handover]]\n",
    "\n[[opportunity]]\n", "\n[[complaint]]\n", "\n[[contract]]\n", "\n[[member]]\n", "\nx = 1\n", "amount = -1\n",
    "\n[[promise]]\n", "\n[plan]\n", "kept = 2026-01-01\n", "promised = 2026-11-24\n",
    "date = 2026-02-30\n", "date = 2027-01-01\n", "9999-12-31", "0000-01-01", "1e400", "nan", "-inf",
    "99999999999999999999999999", "-0", "0x7fffffffffffffff", "2026-11-25T10:00:00Z", "true", "[]", "{}", "\u{202E}",
    "𠀀", "\u{feff}", "\n<<<<<<< HEAD\n", "\n=======\n", "\n>>>>>>> b\n", "owner = \"nobody\"\n", "ref = \"SO-1\"\n",
    "by = \"\"\n", "satisfaction = 0\n", "prospect = 6\n", "birthday = \"02-30\"\n", "kind = \"person\"\n",
    "archived = true\n", "cadence_days = 0\n",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let bytes = prop_oneof![
        3 => select(SNIPPETS).prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 1..4),
    ];
    prop_oneof![
        4 => (any::<Index>(), bytes).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (any::<Index>(), 1..40usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        2 => any::<Index>().prop_map(Mutation::DuplicateLine),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Mutation::SwapLines(i, j)),
    ]
}

/// `bytes` with `mutation` applied.
fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    match mutation {
        Mutation::Insert(i, new) => {
            let at = at(i, bytes.len());
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = at(i, bytes.len());
            bytes.drain(at..(at + n).min(bytes.len()));
        }
        Mutation::Replace(i, b) if !bytes.is_empty() => {
            let at = i.index(bytes.len());
            bytes[at] = *b;
        }
        Mutation::Replace(..) => {}
        Mutation::Truncate(i) => bytes.truncate(at(i, bytes.len())),
        Mutation::DuplicateLine(_) | Mutation::SwapLines(..) => {
            let mut lines: Vec<Vec<u8>> = bytes.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            if lines.is_empty() {
                return;
            }
            match mutation {
                Mutation::DuplicateLine(i) => {
                    let i = i.index(lines.len());
                    lines.insert(i, lines[i].clone());
                }
                Mutation::SwapLines(i, j) => {
                    let (i, j) = (i.index(lines.len()), j.index(lines.len()));
                    lines.swap(i, j);
                }
                _ => {}
            }
            *bytes = lines.concat();
        }
    }
}

/// Loads `root` with `rel` holding `bytes`: in memory when they are UTF-8 (the way `new`, `log`
/// and `import` validate), else written to the disk.
fn load_one(root: &Path, rel: &str, bytes: &[u8]) -> Loaded {
    match std::str::from_utf8(bytes) {
        Ok(text) => records::load_with(root, today(), &BTreeMap::from([(rel.to_string(), text.to_string())])),
        Err(_) => {
            let path = root.join(rel);
            if let Some(parent) = path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            let loaded = records::load(root, today());
            let _ = std::fs::remove_file(&path);
            loaded
        }
    }
}

#[test]
fn mutated_demo_records_load_with_every_diagnostic_in_place() {
    let dir = empty_records("fuzz-mutated");
    let root = dir.path().join("records");
    let strategy = (0..DEMO.len(), prop::collection::vec(mutation(), 1..6));
    fuzz(1.0, strategy, |(file, mutations)| {
        let (rel, text) = &DEMO[file];
        let mut bytes = text.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        positions_resolve(&load_one(&root, rel, &bytes))
    });
}

#[test]
fn arbitrary_bytes_load_with_every_diagnostic_in_place() {
    let dir = empty_records("fuzz-bytes");
    let root = dir.path().join("records");
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        // Mostly TOML punctuation and line breaks, which random bytes rarely are.
        prop::collection::vec(select(b"[]{}=\"'#.,\n\r\\ azu019-:\xe4\xb8\xad\xff".as_slice()), 0..512),
    ];
    fuzz(1.0, (prop::bool::ANY, bytes), |(team, bytes)| {
        let rel = if team { "team.toml" } else { "customers/fuzz.toml" };
        let loaded = load_one(&root, rel, &bytes);
        if team {
            let original = std::fs::read_to_string(demo("team.toml")).unwrap_or_default();
            std::fs::write(root.join("team.toml"), original)
                .unwrap_or_else(|e| panic!("cannot restore team.toml: {e}"));
        }
        positions_resolve(&loaded)
    });
}

/// A customer file built from the record format's own keys and a pool of odd values, so that
/// most cases parse and reach the validation rules.
fn grammar_customer() -> impl Strategy<Value = String> {
    #[rustfmt::skip]
    const KEYS: &[&str] = &[
        "name", "kind", "owner", "region", "tags", "since", "relationship", "prospect", "credit_limit",
        "cadence_days", "phone", "email", "birthday", "archived", "notes", "referred_by", "date", "amount", "cost",
        "ref", "product", "due", "paid", "summary", "next", "satisfaction", "by", "opened", "resolved", "severity",
        "start", "end", "title", "role", "stance", "stage", "expected", "closed", "from", "to", "reason", "left",
        "made", "what", "kept", "responded", "promised", "delivered", "competitor", "objections", "goal", "review",
        "amout", "x",
    ];
    #[rustfmt::skip]
    const VALUES: &[&str] = &[
        "\"zhang\"", "\"nobody\"", "\"\"", "\"person\"", "\"visit\"", "\"high\"", "\"won\"", "\"decision-maker\"",
        "2026-11-25", "2026-01-01", "2027-06-01", "1999-12-31", "\"11-28\"", "\"02-29\"", "\"13-40\"", "0", "1", "3",
        "5", "6", "-1", "12000.5", "1e300", "-0.0", "nan", "inf", "9223372036854775807", "true", "[]",
        "[\"a\", \"b\"]", "[1, \"a\"]", "{}", "{ a = 1 }", "\"<script>alert(1)</script>\"", "\"=HYPERLINK()\"",
        "\"\\u202E\\u0000\"", "2026-11-25T08:00:00",
    ];
    #[rustfmt::skip]
    const HEADERS: &[&str] = &[
        "[[contact]]", "[[interaction]]", "[[order]]", "[[complaint]]", "[[contract]]", "[[opportunity]]",
        "[[handover]]", "[loss]", "[order]", "[[name]]", "[[promise]]", "[plan]",
    ];
    let line = prop_oneof![
        6 => (select(KEYS), select(VALUES)).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => select(HEADERS).prop_map(str::to_string),
    ];
    prop::collection::vec(line, 0..40)
        .prop_map(|lines| format!("name = \"Fuzz\"\nowner = \"zhang\"\n{}\n", lines.join("\n")))
}

#[test]
fn grammar_built_customers_load_with_every_diagnostic_in_place() {
    let dir = empty_records("fuzz-grammar");
    let root = dir.path().join("records");
    fuzz(1.0, grammar_customer(), |text| positions_resolve(&load_one(&root, "customers/fuzz.toml", text.as_bytes())));
}
