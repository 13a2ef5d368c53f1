//! The committed hostile corpus, `tests/hostile/records/`: every text field of the settings, the
//! team and every kind of customer entry holds script tags, event-handler attributes,
//! `javascript:`/`data:` links (also in Markdown), broken HTML, CSS escapes, a right-to-left
//! override, NUL and other control characters, emoji and 4-byte CJK, spreadsheet formula
//! starters, iCalendar-breaking lines and very long words. The records are valid, so they check
//! clean and build; the outputs must carry the text safely (no browser needed here; the browser
//! tests load the same corpus in Chromium).

use std::fs;
use std::path::Path;

use crate::browser::html::tags;
use crate::{TODAY, TempDir, exit_code, fixture, run, stderr};

/// The corpus, relative to the package root.
const CORPUS: &str = "tests/hostile/records";

/// The corpus built into a new temporary directory; returns it and the site's path.
fn built() -> (TempDir, std::path::PathBuf) {
    let out = TempDir::new("hostile-site");
    let site = out.path().join("site");
    let site_arg = site.to_string_lossy().into_owned();
    let output = run(&["build", "--records", CORPUS, "--out", &site_arg, "--today", TODAY]);
    assert_eq!(exit_code(&output), 0, "building the hostile corpus failed:\n{}", stderr(&output));
    (out, site)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The `name` of every customer file of the corpus that is not archived, by id.
fn corpus_names() -> Vec<(String, String)> {
    let dir = fixture("hostile/records/customers/evil");
    let mut names = Vec::new();
    for id in ["evil-co", "lost-co"] {
        let table: toml::Table = toml::from_str(&read(&dir.join(format!("{id}.toml"))))
            .unwrap_or_else(|e| panic!("{id}.toml does not parse: {e}"));
        let name = table.get("name").and_then(|v| v.as_str()).unwrap_or_default().to_string();
        names.push((id.to_string(), name));
    }
    names
}

#[test]
fn the_corpus_is_hostile_where_it_claims() {
    let text = read(&fixture("hostile/records/customers/evil/evil-co.toml"));
    for needle in [
        "<script>",
        "onerror=",
        "](javascript:",
        "data:text/html",
        "\\u0000",
        "\u{202E}",
        "𠀀",
        "=HYPERLINK(",
        "\"+1 ",
        "\"-1+1 ",
        "\"@SUM(",
        "\\r\\nBEGIN:VEVENT",
        "\\3c script",
    ] {
        assert!(text.contains(needle), "the corpus lost its {needle:?}");
    }
    for (_, name) in corpus_names() {
        assert!(name.contains('\0') && name.contains('\u{7f}') && name.chars().count() > 4000, "{name:.80}");
    }
}

#[test]
fn the_corpus_checks_clean() {
    let output = run(&["check", "--records", CORPUS, "--today", TODAY, "--deny-warnings"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).contains("0 errors, 0 warnings"), "{}", stderr(&output));
}

#[test]
fn an_edit_url_with_a_script_scheme_is_refused() {
    let dir = TempDir::new("hostile-edit-url");
    let settings = read(&fixture("hostile/records/cardfile.toml"));
    let settings = settings.replacen("edit_url = \"https://", "# edit_url = \"https://", 1);
    dir.write("records/cardfile.toml", &format!("edit_url = \" JavaScript:alert(1)//\"\n{settings}"));
    dir.write("records/team.toml", &read(&fixture("hostile/records/team.toml")));
    let records = dir.path().join("records").to_string_lossy().into_owned();
    let output = run(&["check", "--records", &records, "--today", TODAY]);
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("`edit_url` must start with `https://` or `http://`"), "{}", stderr(&output));
}

#[test]
fn no_page_runs_record_text() {
    let (_out, site) = built();
    let pages: Vec<_> = crate::walk(&site).into_iter().filter(|p| p.extension().is_some_and(|e| e == "html")).collect();
    assert!(pages.len() >= 10, "only {} pages", pages.len());
    let mut problems = Vec::new();
    for page in &pages {
        let html = read(page);
        let rel = page.strip_prefix(&site).unwrap_or(page).display().to_string();
        // Every `<script` in the source is one of the site's own two script elements.
        let lower = html.to_lowercase();
        let scripts = lower.matches("<script").count();
        let own =
            html.matches("assets/site.js\"></script>").count() + html.matches("assets/search.js\"></script>").count();
        if scripts != own {
            problems.push(format!("{rel}: {scripts} <script, of which {own} are assets/site.js or assets/search.js"));
        }
        for tag in tags(&html) {
            for (name, value) in &tag.attrs {
                let url: String = value.chars().filter(|c| !c.is_ascii_control() && *c != ' ').collect();
                let url = url.to_lowercase();
                if name.starts_with("on") {
                    problems.push(format!("{rel}: an event handler in {}", tag.describe()));
                } else if ["javascript:", "data:", "vbscript:"].iter().any(|s| url.starts_with(s)) {
                    problems.push(format!("{rel}: a script URL in {}", tag.describe()));
                }
            }
            let own = |s: &str| s.ends_with("assets/site.js") || s.ends_with("assets/search.js");
            if tag.name == "script" && !tag.attr("src").is_some_and(own) {
                problems.push(format!("{rel}: a foreign script {}", tag.describe()));
            }
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n  {}", problems.len(), problems.join("\n  "));
    let evil = read(&site.join("customers/evil-co.html"));
    assert!(evil.contains("&lt;script&gt;document.documentElement"), "the script text is not shown escaped");
}

#[test]
fn the_json_export_carries_hostile_names_exactly() {
    let (_out, site) = built();
    let raw = fs::read(site.join("data/cardfile.json")).unwrap_or_default();
    // No C0 control character travels raw: NUL, BEL, ESC… are `\u` escapes (JSON needs no
    // escape for DEL, which stays as it is; the only raw line breaks are the layout's).
    assert!(!raw.iter().any(|&b| b < 0x20 && b != b'\n'), "a raw control byte in the JSON");
    let text = String::from_utf8(raw).unwrap_or_else(|e| panic!("data/cardfile.json is not UTF-8: {e}"));
    let json: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("data/cardfile.json does not parse: {e}"));
    let customers = json["customers"].as_array().cloned().unwrap_or_default();
    for (id, name) in corpus_names() {
        let found = customers.iter().find(|c| c["id"] == id.as_str());
        let exported = found.and_then(|c| c["name"].as_str()).unwrap_or_else(|| panic!("no customer {id}"));
        assert!(exported == name, "{id}: the name did not round-trip:\n  {exported:.200}\n  {name:.200}");
        // Byte for byte: the name as the file holds it is the JSON string of the record's name
        // (NUL as `\u0000`, U+202E as itself), written out independently of the export.
        let encoded = serde_json::to_string(&name).unwrap_or_default();
        assert!(encoded.contains("\\u0000") && name.contains('\u{202E}'), "{id}: the corpus lost its NUL or U+202E");
        assert!(text.contains(&format!("\"name\": {encoded}")), "{id}: the name's bytes differ in data/cardfile.json");
    }
}

#[test]
fn the_csv_export_neutralises_formulas_but_not_numbers() {
    let (_out, site) = built();
    let bytes = fs::read(site.join("data/customers.csv")).unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes));
    let header: Vec<String> = reader.headers().map(|h| h.iter().map(str::to_string).collect()).unwrap_or_default();
    const NUMBERS: &[&str] = &[
        "revenue",
        "orders",
        "profit",
        "recency_days",
        "cycle_days",
        "credit.exposure",
        "credit.overdue",
        "score",
        "completeness",
        "revenue_prev",
        "trend",
        "lifetime_revenue",
        "satisfaction",
        "pipeline",
        "won",
    ];
    let mut rows = 0;
    let mut negative_profit = false;
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("data/customers.csv does not parse: {e}"));
        rows += 1;
        for (column, cell) in header.iter().zip(record.iter()) {
            if NUMBERS.contains(&column.as_str()) {
                assert!(cell.is_empty() || cell.parse::<f64>().is_ok(), "{column} is not a number: {cell:?}");
                negative_profit |= column == "profit" && cell.starts_with('-');
            } else {
                // A `;`-locale spreadsheet splits a list on `;`: each part must be safe, blanks
                // before a formula sign included.
                let lists = ["tags", "risk", "referrals"];
                let parts: Vec<&str> =
                    if lists.contains(&column.as_str()) { cell.split(';').collect() } else { vec![cell] };
                for part in parts {
                    let first = part.chars().find(|c| matches!(c, '\t' | '\r') || !c.is_whitespace());
                    let formula = matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r'));
                    assert!(!formula, "{column} holds a formula: {part:.60}");
                }
            }
        }
        let name = &record[header.iter().position(|h| h == "name").unwrap_or(1)];
        assert!(name.starts_with('\'') && name.len() > 4000, "the name is not the neutralised hostile one: {name:.60}");
    }
    assert_eq!(rows, 2, "two customers are not archived");
    assert!(negative_profit, "the corpus should give a negative profit (a loss-making order)");
}

#[test]
fn the_calendars_cannot_be_broken_out_of() {
    let (_out, site) = built();
    let json: serde_json::Value = serde_json::from_str(&read(&site.join("data/cardfile.json"))).unwrap_or_default();
    let agenda = json["agenda"].as_array().cloned().unwrap_or_default();
    assert!(agenda.len() >= 5, "the corpus should have several agenda items, has {}", agenda.len());
    let mut calendars = vec![("agenda.ics".to_string(), agenda.len())];
    for owner in ["mallory", "trudy"] {
        let items = agenda.iter().filter(|i| i["owner"] == owner).count();
        calendars.push((format!("owners/{owner}.ics"), items));
    }
    for (file, items) in calendars {
        let bytes = fs::read(site.join(&file)).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
        for (n, line) in lines.iter().enumerate() {
            let line = line.strip_suffix(b"\r\n").unwrap_or_else(|| panic!("{file}:{}: not ended by CRLF", n + 1));
            assert!(!line.contains(&b'\r'), "{file}:{}: a bare CR", n + 1);
            assert!(line.len() <= 75, "{file}:{}: {} octets before the CRLF", n + 1, line.len());
            assert!(!line.iter().any(|&b| b < 0x20 && b != b'\t' || b == 0x7f), "{file}:{}: a control char", n + 1);
        }
        let events = lines.iter().filter(|l| *l == b"BEGIN:VEVENT\r\n").count();
        assert_eq!(events, items, "{file}: {events} BEGIN:VEVENT lines for {items} agenda items");
        assert!(!lines.iter().any(|l| l.starts_with(b"SUMMARY:injected")), "{file}: an injected property");
    }
}
