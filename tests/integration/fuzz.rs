//! Fuzzing on stable Rust: property tests (proptest) that feed the record loader, the Markdown
//! renderer and the CSV import arbitrary and mutated input. cargo-fuzz needs a nightly
//! toolchain, which the project's machines do not have.
//!
//! Each property runs [`DEFAULT_CASES`] cases, so the suite stays quick; `.ci/run` sets
//! `CARDFILE_FUZZ_CASES` to run many more. A failure prints the smallest input proptest found.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use cardfile::diagnostics::{self, Report};
use cardfile::import::{self, Kind};
use cardfile::records::{self, Loaded};
use cardfile::render::html::markdown;
use chrono::NaiveDate;
use codespan_reporting::term::termcolor::NoColor;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::TempDir;

/// Cases per property when `CARDFILE_FUZZ_CASES` is not set.
const DEFAULT_CASES: u32 = 256;

/// The runner of every property: `CARDFILE_FUZZ_CASES` cases (default [`DEFAULT_CASES`]),
/// scaled by `weight` for the slow ones, and no regression files written into the tree.
fn runner(weight: f64) -> TestRunner {
    let cases = std::env::var("CARDFILE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_CASES);
    let cases = ((f64::from(cases) * weight) as u32).max(16);
    TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() })
}

/// Runs `test` on values of `strategy`, failing with proptest's minimal input.
fn fuzz<S: Strategy>(weight: f64, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    if let Err(err) = runner(weight).run(&strategy, test) {
        panic!("{err}");
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
}

fn demo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records").join(rel)
}

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

/// A records directory with the demo's settings and team and no customers.
fn empty_records(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    for rel in ["cardfile.toml", "team.toml"] {
        let text = std::fs::read_to_string(demo(rel)).unwrap_or_default();
        dir.write(&format!("records/{rel}"), &text);
    }
    dir
}

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
const SNIPPETS: &[&str] = &[
    "\n", "\r\n", "\"", "'", "\"\"\"", "[", "]", "{", "}", "=", ",", ".", "#", "\\", "\\u0000", "\\uD800", "-", ":",
    "\n[[order]]\n", "\n[[interaction]]\n", "\n[[contact]]\n", "\n[loss]\n", "\n[[handover]]\n", "\n[[opportunity]]\n",
    "\n[[complaint]]\n", "\n[[contract]]\n", "\n[[member]]\n", "\nx = 1\n", "amount = -1\n", "date = 2026-02-30\n",
    "date = 2027-01-01\n", "9999-12-31", "0000-01-01", "1e400", "nan", "-inf", "99999999999999999999999999", "-0",
    "0x7fffffffffffffff", "2026-11-25T10:00:00Z", "true", "[]", "{}", "\u{202E}", "𠀀", "\u{feff}", "\n<<<<<<< HEAD\n",
    "\n=======\n", "\n>>>>>>> b\n", "owner = \"nobody\"\n", "ref = \"SO-1\"\n", "by = \"\"\n", "satisfaction = 0\n",
    "prospect = 6\n", "birthday = \"02-30\"\n", "kind = \"person\"\n", "archived = true\n", "cadence_days = 0\n",
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
            std::fs::write(root.join("team.toml"), original).unwrap_or_else(|e| panic!("cannot restore team.toml: {e}"));
        }
        positions_resolve(&loaded)
    });
}

/// A customer file built from the record format's own keys and a pool of odd values, so that
/// most cases parse and reach the validation rules.
fn grammar_customer() -> impl Strategy<Value = String> {
    const KEYS: &[&str] = &[
        "name", "kind", "owner", "region", "tags", "since", "relationship", "prospect", "credit_limit", "cadence_days",
        "phone", "email", "birthday", "archived", "notes", "referred_by", "date", "amount", "cost", "ref", "product",
        "due", "paid", "summary", "next", "satisfaction", "by", "opened", "resolved", "severity", "start", "end",
        "title", "role", "stance", "stage", "expected", "closed", "from", "to", "reason", "left", "amout", "x",
    ];
    const VALUES: &[&str] = &[
        "\"zhang\"", "\"nobody\"", "\"\"", "\"person\"", "\"visit\"", "\"high\"", "\"won\"", "\"decision-maker\"",
        "2026-11-25", "2026-01-01", "2027-06-01", "1999-12-31", "\"11-28\"", "\"02-29\"", "\"13-40\"", "0", "1",
        "3", "5", "6", "-1", "12000.5", "1e300", "-0.0", "nan", "inf", "9223372036854775807", "true", "[]",
        "[\"a\", \"b\"]", "[1, \"a\"]", "{}", "{ a = 1 }", "\"<script>alert(1)</script>\"", "\"=HYPERLINK()\"",
        "\"\\u202E\\u0000\"", "2026-11-25T08:00:00",
    ];
    const HEADERS: &[&str] = &[
        "[[contact]]", "[[interaction]]", "[[order]]", "[[complaint]]", "[[contract]]", "[[opportunity]]",
        "[[handover]]", "[loss]", "[order]", "[[name]]",
    ];
    let line = prop_oneof![
        6 => (select(KEYS), select(VALUES)).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => select(HEADERS).prop_map(str::to_string),
    ];
    prop::collection::vec(line, 0..40).prop_map(|lines| {
        format!("name = \"Fuzz\"\nowner = \"zhang\"\n{}\n", lines.join("\n"))
    })
}

#[test]
fn grammar_built_customers_load_with_every_diagnostic_in_place() {
    let dir = empty_records("fuzz-grammar");
    let root = dir.path().join("records");
    fuzz(1.0, grammar_customer(), |text| positions_resolve(&load_one(&root, "customers/fuzz.toml", text.as_bytes())));
}

/// Fragments of Markdown and HTML that a hostile or careless note may hold.
const MARKDOWN: &[&str] = &[
    "<script>alert(1)</script>", "<SCRIPT SRC=//x>", "<scr<script>ipt>", "<img src=x onerror=alert(1)>", "<IMG",
    "<iframe src=javascript:alert(1)>", "<svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
    "<div onclick=\"x()\">", "</div>", "<!-- c -->", "<![CDATA[x]]>", "<?php ?>", "<style>*{}</style>", "<",
    ">", "&", "&lt;", "&#106;avascript:", "&#x6A;", "\"", "'", "`", "```\n", "```html\n", "    code\n", "\n",
    "\n\n", "# ", "> ", "- ", "1. ", "- [ ] ", "| a | b |\n|---|---|\n", "**", "_", "~~", "[", "]", "(", ")",
    "![", "](", "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](java\tscript:x)",
    "[x]( javascript:x)", "[x](&#106;avascript:x)", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](DATA:x)",
    "[x](vbscript:x)", "[x](https://example.com \"t onclick=x\")", "[x](<javascript:x>)", "<javascript:alert(1)>",
    "<data:text/html,x>", "<https://example.com/a>", "<a@b.c>", "![i](https://e.com/i.png)", "![i](javascript:x)",
    "[r]: javascript:alert(1)\n", "[r]", "[r][]", "[x][r]", "\\", "\\<script>", "onerror=", " onload=x ",
    "\u{202E}", "𠀀", "😀", "\u{0}", "\u{1b}[31m", "\r", "\t", "javascript:", "data:",
];

fn markdown_input() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        5 => select(MARKDOWN).prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
        1 => "[a-zA-Z :/=]{0,8}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

/// What is wrong with the HTML the Markdown renderer produced, if anything: a dangerous element,
/// an event-handler attribute, or a link to a script or data URL. Every `<` in text is escaped
/// by the renderer, so each `<` followed by a letter starts a real element.
fn unsafe_html(html: &str) -> Option<String> {
    let lower = html.to_lowercase();
    for element in ["<script", "<img", "<iframe", "<svg", "<object", "<embed", "<style", "<form", "<base", "<meta"] {
        if lower.contains(element) {
            return Some(format!("an element {element}"));
        }
    }
    let mut rest = lower.as_str();
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let (tag, after) = rest.split_at(rest.find('>').unwrap_or(rest.len()));
        rest = after;
        for (name, value) in attributes(tag) {
            if name.starts_with("on") {
                return Some(format!("an event handler {name}= in <{tag}>"));
            }
            if matches!(name.as_str(), "href" | "src" | "action" | "formaction") {
                let url: String =
                    decode_entities(&value).chars().filter(|c| !c.is_ascii_control() && *c != ' ').collect();
                if ["javascript:", "data:", "vbscript:"].iter().any(|s| url.starts_with(s)) {
                    return Some(format!("a {name}={value:?} in <{tag}>"));
                }
            }
        }
    }
    None
}

/// The attributes of a start tag's inside (after `<`, before `>`), values unquoted.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return out;
        }
        let name_end = rest.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let name = rest[..name_end].to_string();
        rest = &rest[name_end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let (v, r) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => after.split_at(after.find(|c: char| c.is_ascii_whitespace()).unwrap_or(after.len())),
            };
            value = v.to_string();
            rest = r;
        }
        out.push((name, value));
    }
}

/// `text` with HTML character references decoded, enough to read a URL the way a browser does.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let code = match entity.strip_prefix('#') {
                Some(n) => match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                },
                None => [("amp", 38), ("lt", 60), ("gt", 62), ("quot", 34), ("apos", 39), ("colon", 58), ("tab", 9)]
                    .iter()
                    .find(|(n, _)| *n == entity)
                    .map(|(_, c)| *c),
            };
            Some((char::from_u32(code?)?, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_unsafe_html_detector_detects() {
    assert!(unsafe_html("<p>hi &lt;script&gt; onload=x <a href=\"https://e.com\" title=\"a onclick=b\">x</a></p>").is_none());
    for bad in [
        "<p><SCRIPT>x</script></p>",
        "<a href=\"x\" onclick=\"y\">",
        "<a href='&#106;avascript:x'>",
        "<a href=\"\tJavaScript:x\">",
        "<a href=data:text/html,x>",
        "<p><img src=x></p>",
    ] {
        assert!(unsafe_html(bad).is_some(), "missed {bad}");
    }
}

#[test]
fn markdown_never_emits_script_handlers_or_script_links() {
    fuzz(4.0, markdown_input(), |input| {
        let html = markdown::render(&input);
        prop_assert!(unsafe_html(&html).is_none(), "{:?} in\n{html}\nfrom {input:?}", unsafe_html(&html));
        let excerpt = markdown::plain_excerpt(&input, 40);
        prop_assert!(excerpt.chars().count() <= 41, "the excerpt is too long: {excerpt:?}");
        Ok(())
    });
}

#[test]
fn markdown_never_panics_on_arbitrary_text() {
    fuzz(4.0, any::<String>(), |input| {
        let html = markdown::render(&input);
        prop_assert!(unsafe_html(&html).is_none(), "{:?} in\n{html}", unsafe_html(&html));
        Ok(())
    });
}

#[test]
fn csv_tables_read_arbitrary_bytes() {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..1024),
        prop::collection::vec(select(b"abc,;\t\"\n\r \xef\xbb\xbf\xff\xfe\x81\x30\xd6\xd0=".as_slice()), 0..1024),
    ];
    fuzz(1.0, bytes, |bytes| {
        let (table, problems) = import::table::read(&bytes);
        for (row, _) in &table.rows {
            prop_assert!(*row >= 2, "a data row numbered {row}");
        }
        for p in &problems {
            prop_assert!(p.row >= 1 && p.column >= 1, "a problem at {}:{}", p.row, p.column);
        }
        Ok(())
    });
}

/// A CSV file for `kind`: a header of its columns (English or Chinese names, some unknown or
/// repeated), then rows of odd cells.
fn grammar_csv(kind: Kind) -> impl Strategy<Value = Vec<u8>> {
    let mut headers: Vec<&'static str> = kind.fields().iter().flat_map(|f| [f.key].into_iter().chain(f.aliases.iter().copied())).collect();
    headers.extend(["", "unknown", "金额 ", "ID"]);
    const CELLS: &[&str] = &[
        "", "acme", "new-co", "Bad Id", "a--", "zhang", "nobody", "2026-11-01", "2026/11/01", "2026-02-30", "11/1/2026",
        "2027-01-01", "1,234.50", "¥100", "-5", "1e9", "99999999999999999999999999999", "0", "3", "6", "visit", "拜访",
        "电话", "person", "company", "a;b;c", "\"quoted, \"\"cell\"\"\"", "\"multi\nline\"", "=HYPERLINK(\"x\")",
        "+1", "@SUM(1)", "<script>", "\u{202E}", "华东", "SO-1", "SO-1", " padded ",
    ];
    let delimiter = select(&[",", ";", "\t"][..]);
    let header = prop::collection::vec(select(headers), 1..8);
    let rows = prop::collection::vec(prop::collection::vec(select(CELLS), 0..9), 0..6);
    (delimiter, header, rows, prop::bool::weighted(0.2)).prop_map(|(d, header, rows, gbk)| {
        let mut text = header.join(d);
        for row in rows {
            text.push_str("\r\n");
            text.push_str(&row.join(d));
        }
        if gbk { encoding_rs::GB18030.encode(&text).0.into_owned() } else { text.into_bytes() }
    })
}

#[test]
fn csv_imports_plan_without_panics() {
    let dir = empty_records("fuzz-import");
    for rel in ["customers/east/changzhou-wujin-gear.toml", "customers/north/liu-guoqiang.toml"] {
        let text = std::fs::read_to_string(demo(rel)).unwrap_or_default();
        dir.write(&format!("records/{rel}"), &text);
    }
    let root = dir.path().join("records");
    let base = records::load(&root, today());
    assert!(base.diagnostics.iter().all(|d| d.severity() == diagnostics::Severity::Warning), "{:?}", base.diagnostics);
    let kinds = [Kind::Customers, Kind::Orders, Kind::Interactions, Kind::Payments];
    let strategy = (0..kinds.len()).prop_flat_map(move |k| (Just(kinds[k]), grammar_csv(kinds[k])));
    fuzz(0.5, strategy, |(kind, csv)| {
        let plan = import::plan(&root, &base, &csv, kind, &[], today());
        for p in &plan.problems {
            prop_assert!(p.row >= 1 && p.column >= 1, "a problem at {}:{}: {}", p.row, p.column, p.message);
        }
        for rel in plan.files.keys() {
            prop_assert!(rel.starts_with("customers/") && rel.ends_with(".toml") && !rel.contains(".."), "{rel}");
        }
        Ok(())
    });
}
