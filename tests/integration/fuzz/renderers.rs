//! Every tree `check` accepts goes through the analysis and every renderer (HTML pages and
//! their charts, the iCalendar feeds, the CSV and JSON exports) without a panic, and each
//! output is well formed: no `<script` from record text in a page, iCalendar lines of at most
//! 75 octets ended by CRLF, CSV that parses back, JSON that parses. Called through the library
//! (`cardfile::…`), not the binary, for speed.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use cardfile::analysis;
use cardfile::diagnostics::Severity;
use cardfile::history::{Change, Commit, CustomerChange, History};
use cardfile::records;
use cardfile::render::{self, MemorySink, html};
use chrono::Days;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;

use super::{empty_records, fuzz, today};

/// Record text that tries to break out of every output format.
#[rustfmt::skip]
const TEXTS: &[&str] = &[
    "<script>alert(1)</script>", "</title><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))", "<svg onload=alert(1)>", "=1+1", " @SUM(1)", "-2+3", "\u{202E}gnp.exe", "NUL\u{0}BEL\u{7}",
    "a\r\nBEGIN:VEVENT\r\nSUMMARY:injected", "x;y,z\\", "\"quoted\"", "# heading\n\n- item\n\n<b>raw</b>",
    "华东精工机械有限公司华东精工机械有限公司华东精工机械有限公司华东精工机械", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
    "{{ 7*7 }} {% raw %}", "plain", "", "</textarea></style></script>",
];

#[rustfmt::skip]
const AMOUNTS: &[&str] = &["0", "1", "0.01", "12000.5", "999999999", "1000000000000", "0.5", "70000"];

fn text() -> impl Strategy<Value = String> {
    select(TEXTS).prop_map(|t| toml::Value::String(t.to_string()).to_string())
}

/// A date up to about seven years before the reference date (some in the future).
fn date() -> impl Strategy<Value = String> {
    (-60i64..2600).prop_map(|back| {
        let day = if back < 0 {
            today().checked_add_days(Days::new(back.unsigned_abs()))
        } else {
            today().checked_sub_days(Days::new(back as u64))
        };
        day.unwrap_or_else(today).format("%Y-%m-%d").to_string()
    })
}

/// One `[[table]]` entry of a customer file.
fn entry(n: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        (date(), select(AMOUNTS), text(), prop::bool::ANY).prop_map(move |(d, a, p, paid)| {
            let credit = if paid { format!("due = {d}\npaid = {d}\n") } else { String::new() };
            format!("[[order]]\ndate = {d}\namount = {a}\nref = \"R{n}\"\nproduct = {p}\n{credit}")
        }),
        (date(), select(&["visit", "call", "message", "email", "meeting", "event"][..]), text(), 1u8..=5).prop_map(
            |(d, k, s, sat)| format!(
                "[[interaction]]\ndate = {d}\nkind = \"{k}\"\nsummary = {s}\nsatisfaction = {sat}\n"
            )
        ),
        (date(), text(), select(&["low", "medium", "high"][..]))
            .prop_map(|(d, s, sev)| format!("[[complaint]]\nopened = {d}\nsummary = {s}\nseverity = \"{sev}\"\n")),
        (text(), select(&["approver", "decision-maker", "evaluator", "user", "other"][..]))
            .prop_map(|(name, role)| format!("[[contact]]\nname = {name}\nrole = \"{role}\"\nphone = \"1\"\n")),
    ]
}

/// A customer file: hostile text in every text key, entries of every kind.
fn customer() -> impl Strategy<Value = String> {
    let entries = (0usize..12).prop_flat_map(|k| (0..k).map(entry).collect::<Vec<_>>());
    (text(), text(), text(), text(), date(), entries).prop_map(|(name, region, tag, notes, since, entries)| {
        format!(
            "name = {name}\nowner = \"zhang\"\nregion = {region}\ntags = [{tag}, \"x\"]\nsince = {since}\n\
             phone = \"1\"\nnotes = {notes}\n\n{}",
            entries.join("\n")
        )
    })
}

/// What a page may hold of `<script`: only the site's own script elements.
fn page_problems(path: &str, html: &str) -> Option<String> {
    let scripts = html.to_lowercase().matches("<script").count();
    let own = html.matches("assets/site.js\"></script>").count() + html.matches("assets/search.js\"></script>").count();
    (scripts != own).then(|| format!("{path}: {scripts} `<script`, {own} of them the site's own"))
}

fn calendar_problems(path: &str, bytes: &[u8]) -> Option<String> {
    for (n, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let Some(body) = line.strip_suffix(b"\r\n") else {
            return Some(format!("{path}:{}: not ended by CRLF", n + 1));
        };
        if body.len() > 75 || body.contains(&b'\r') {
            return Some(format!("{path}:{}: {} octets, or a bare CR", n + 1, body.len()));
        }
    }
    None
}

fn csv_problems(path: &str, bytes: &[u8]) -> Option<String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let header = reader.headers().map(|h| h.len()).unwrap_or(0);
    for record in reader.records() {
        match record {
            Ok(r) if r.len() == header => {}
            Ok(r) => return Some(format!("{path}: a row of {} cells under {header} headers", r.len())),
            Err(err) => return Some(format!("{path}: does not parse back: {err}")),
        }
    }
    None
}

#[test]
fn every_accepted_tree_renders_well_formed_output() {
    let dir = empty_records("fuzz-render");
    let root = dir.path().join("records");
    let (accepted, tried) = (AtomicUsize::new(0), AtomicUsize::new(0));
    fuzz(0.25, prop::collection::vec(customer(), 1..4), |customers| {
        tried.fetch_add(1, Ordering::Relaxed);
        let overlay: BTreeMap<String, String> =
            customers.iter().enumerate().map(|(i, text)| (format!("customers/c{i}.toml"), text.clone())).collect();
        let loaded = records::load_with(&root, today(), &overlay);
        if loaded.diagnostics.iter().any(|d| d.severity() == Severity::Error) {
            return Ok(()); // not a tree `check` accepts
        }
        accepted.fetch_add(1, Ordering::Relaxed);
        let mut analysis = analysis::analyse(&loaded.records, &loaded.settings, today());
        // A history in which one commit, authored under the first customer's (generated) name,
        // created every customer: the History sections, "last changed" and changes.html too.
        let author = loaded.records.customers.first().map(|c| c.name.clone()).unwrap_or_default();
        let commit = Commit {
            id: "0123456789".into(),
            author: author.clone(),
            date: today(),
            subject: author,
            customers: loaded
                .records
                .customers
                .iter()
                .map(|c| CustomerChange { id: c.id.clone(), path: c.file.clone(), changes: vec![Change::Created] })
                .collect(),
            others: vec!["team.toml".into()],
        };
        let history = History::new(vec![commit], None);
        analysis.note_history(&loaded.records, &history);
        let site = html::Site::new(
            &loaded.records,
            &analysis,
            &loaded.settings,
            Some(&history),
            html::SiteOptions { redact: false, base_url: None, overrides: BTreeMap::new() },
        )
        .map_err(|e| TestCaseError::fail(format!("the site cannot be prepared: {e:#}")))?;
        let sink = MemorySink::default();
        render::site(&site, &sink).map_err(|e| TestCaseError::fail(format!("the site cannot be rendered: {e:#}")))?;
        let files = sink.into_files();
        prop_assert!(files.contains_key("index.html") && files.contains_key("agenda.ics"), "pages are missing");
        for (path, bytes) in &files {
            let problem = match path.rsplit('.').next() {
                Some("html" | "svg") => page_problems(path, &String::from_utf8_lossy(bytes)),
                Some("ics") => calendar_problems(path, bytes),
                Some("csv") => csv_problems(path, bytes),
                Some("json") => {
                    serde_json::from_slice::<serde_json::Value>(bytes).err().map(|e| format!("{path}: {e}"))
                }
                _ => None,
            };
            prop_assert!(problem.is_none(), "{}", problem.unwrap_or_default());
        }
        // The exports on their own, as `export` prints them.
        let mut json = Vec::new();
        render::json::write(&mut json, &loaded.records, &analysis, Some(&loaded.settings)).expect("written to memory");
        prop_assert!(serde_json::from_slice::<serde_json::Value>(&json).is_ok(), "export --explain is not JSON");
        for (name, csv) in [
            ("customers", render::csv::customers(&loaded.records, &analysis, true)),
            ("agenda", render::csv::agenda(&analysis, false)),
        ] {
            let problem = csv_problems(name, &csv);
            prop_assert!(problem.is_none(), "{}", problem.unwrap_or_default());
        }
        Ok(())
    });
    let (accepted, tried) = (accepted.into_inner(), tried.into_inner());
    assert!(accepted * 2 > tried, "only {accepted} of {tried} generated trees passed check: the generator is off");
}
