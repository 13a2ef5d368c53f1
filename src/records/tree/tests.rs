//! The one-pass reader against the `toml` crate: wherever it accepts a text, both trees must
//! be the same, spans included (their `Debug` shows the spans).

use std::path::Path;

use proptest::prelude::*;
use toml::de::DeTable;

use super::{convert, scan};

/// The crate's tree as ours, or `None` when the crate finds an error.
fn crate_tree(text: &str) -> Option<String> {
    let (table, errors) = DeTable::parse_recoverable(text);
    errors.is_empty().then(|| format!("{:?}", convert::table(table.into_inner())))
}

/// Whether the one-pass reader read `text`; panics when its tree is not the crate's.
fn agrees(text: &str) -> bool {
    let Some(fast) = scan::read(text).map(|e| format!("{e:?}")) else { return false };
    assert_eq!(Some(fast), crate_tree(text), "the trees of {text:?} differ");
    true
}

fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn texts_under(dir: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    toml_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut paths);
    paths.sort();
    let texts: Vec<(String, String)> = paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let text = String::from_utf8(bytes).ok()?;
            Some((p.display().to_string(), text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()))
        })
        .collect();
    assert!(texts.len() > 10, "too few files under {dir}");
    texts
}

#[test]
fn every_file_of_the_demo_is_read_in_one_pass_and_means_what_the_crate_says() {
    for (path, text) in texts_under("records") {
        assert!(agrees(&text), "{path} was left to the crate");
    }
}

#[test]
fn the_test_fixtures_read_in_one_pass_mean_what_the_crate_says() {
    let texts = texts_under("tests");
    let read = texts.iter().filter(|(_, text)| agrees(text)).count();
    // Most fixtures are valid records; the rest hold the errors that tests look for.
    assert!(read * 2 > texts.len(), "only {read} of {} fixtures were read in one pass", texts.len());
}

#[test]
fn what_records_are_written_in_is_read_in_one_pass() {
    let texts = [
        "name = \"A \\\"b\\\" \\u00e9 \\U0001F600\\t\"  # a comment\nn = +1_000\nf = -1.5e3\ng = 0.25\nz = -0\n",
        "\"quoted key\" = 'literal \\ text'\nd = 2026-02-28 # a date\ne = 2024-02-29\n",
        "tags = [ \"a\", # one\n  \"b\",\n\n]\nempty = []\nnested = [[1, 2], [\"x\"]]\n",
        "notes = \"\"\"\n## Heading\n\nSome \"quoted\" text and \"\" two quotes.\n\"\"\"\nafter = true\n",
        "inline = \"\"\"no newline first\"\"\"\n",
        "[loss]\nreason = \"price\"\n\n[[contact]]\nname = \"M\"\n\n[[contact]]\nname = \"N\"\nt = { a = 1, b = \"x\", c = [] }\n",
        "a = 1\r\nb = \"two\"\r\n\r\n[[order]]\r\ndate = 2026-03-04\r\n",
        "  indented = false\n\t[[x]]   # header comment\n",
        "e = {}\nk-e_y9 = 1979-05-27\n",
        "a = 0000-01-01\nb = 2000-02-29\nc = 9999-12-31\nd = 2026-04-30\ne = 2026-01-31\n",
        "",
        "# only a comment",
    ];
    for text in texts {
        assert!(agrees(text), "{text:?} was left to the crate");
    }
}

#[test]
fn what_it_is_not_sure_of_is_left_to_the_crate() {
    let texts = [
        // Errors the crate reports.
        "a = 1\na = 2\n",
        "[loss]\n[loss]\n",
        "a = [1, 2\n",
        "a = \"open\n",
        "a = 01\n",
        "a = 1__0\n",
        "a = 1_\n",
        "a = 2026-02-30\n",
        "a = 2100-02-29\n",
        "a = 2026-04-31\n",
        "a = 2026-00-10\n",
        "a = 2026-13-01\n",
        "a = 2026-01-00\n",
        "a = 2026-01-32\n",
        "a = 1 b = 2\n",
        "a = \"bell \u{7}\"\n",
        "# bell \u{7}\n",
        "a = 1\rb = 2\n",
        "a = { b = 1, }\n",
        "x = []\n[[x]]\n",
        "x = 1\n[x]\n",
        "[[x]]\n[x]\n",
        "a = 1.\n",
        "a = .5\n",
        "a = truely\n",
        // Valid, but outside what the one-pass reader knows.
        "a.b = 1\n",
        "[a.b]\nc = 1\n",
        "[ a ]\n",
        "a = 0x1F\n",
        "a = 1_000.5\n",
        "a = inf\n",
        "a = 1979-05-27T07:32:00\n",
        "a = 1979-05-27 07:32:00\n",
        "a = 07:32:00\n",
        "a = \"\"\"line \\\n  joined\"\"\"\n",
        "a = \"\"\"ends with a quote\"\"\"\"\n",
        "a = '''literal'''\n",
        "a = \"\\e\"\n",
        "a = { b = 1,\n c = 2 }\n",
        "a = 1234567890123456789\n",
        "a = [[[[[[[[[1]]]]]]]]]\n",
    ];
    for text in texts {
        assert!(scan::read(text).is_none(), "{text:?} was read in one pass");
    }
}

#[test]
fn a_table_of_very_many_keys_is_left_to_the_crate() {
    let text: String = (0..=super::scan::MAX_KEYS).map(|i| format!("k{i} = {i}\n")).collect();
    assert!(scan::read(&text).is_none());
    let fewer: String = (0..super::scan::MAX_KEYS).map(|i| format!("k{i} = {i}\n")).collect();
    assert!(agrees(&fewer));
}

/// Pieces of TOML, valid and not, for documents made at random.
const PIECES: &[&str] = &[
    "name = \"Summit\"",
    "name = 'x'",
    "\"name\" = 1",
    "a.b = 1",
    "n = 12000",
    "n = -0",
    "n = +1_000",
    "n = 0x1f",
    "n = 012",
    "f = 1.5",
    "f = 1e3",
    "f = -0.0",
    "f = nan",
    "d = 2026-03-04",
    "d = 2026-02-29",
    "d = 2026-03-04T10:00:00",
    "d = 2026-03-04 10:00",
    "b = true",
    "b = false",
    "t = [\"a\", \"b\",]",
    "t = [",
    "]",
    "  \"c\",",
    "i = { x = 1, y = \"z\" }",
    "i = { x = 1, }",
    "s = \"a\\\"b\\n\\u00e9\"",
    "s = \"a\\qb\"",
    "m = \"\"\"",
    "\"\"\"",
    "text with \"quotes\"",
    "[loss]",
    "[plan]",
    "[[order]]",
    "[[contact]]",
    "[order]",
    "[a.b]",
    "# comment",
    "",
    "   ",
    "x = 1 # trailing",
    "x = 1 y",
    "=",
];

fn document() -> impl Strategy<Value = String> {
    let line = prop::sample::select(PIECES);
    (
        prop::collection::vec(line, 0..16),
        any::<bool>(),
        any::<u8>(),
        prop::sample::select(&[' ', '"', '#', '[', '\n', '\r', '\t', '\u{7}', 'é'][..]),
    )
        .prop_map(|(lines, crlf, at, extra)| {
            let mut text = lines.join(if crlf { "\r\n" } else { "\n" });
            if at % 3 == 0 && !text.is_empty() {
                let mut i = usize::from(at) % text.len();
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                text.insert(i, extra);
            }
            text
        })
}

/// Documents per run: `CARDFILE_FUZZ_CASES` (as for the property tests of `tests/`), or 2,000.
fn cases() -> u32 {
    std::env::var("CARDFILE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_document_the_one_pass_reader_accepts_means_what_the_crate_says(text in document()) {
        agrees(&text);
    }
}
