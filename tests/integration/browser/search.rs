//! Search across every record (docs/site.md, section 14) in a real browser, from `file://`:
//! a probe types queries into the search box of a page, waits for the results and writes them
//! into the page for `--dump-dom` to show.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::chromium::Chromium;
use crate::{TODAY, TempDir, exit_code, run, stderr};

/// Headless Chromium waits this much virtual time for the scripts (and their timers).
const WAIT: &str = "--virtual-time-budget=20000";

/// The probe: `QUERIES` typed one after the other; for each, the results, the status line and
/// what the arrow keys and Escape did, written as JSON into `data-probe` of the body.
const PROBE: &str = r#"var input = document.getElementById('site-search');
var box = document.querySelector('[data-search]');
var out = { before: document.querySelectorAll('script[src*="search/"]').length, results: [] };
function hits() {
  return Array.prototype.map.call(document.querySelectorAll('#site-search-hits li'), function (li) {
    return { text: li.textContent, href: li.querySelector('a').getAttribute('href'),
      marks: Array.prototype.map.call(li.querySelectorAll('mark'), function (m) { return m.textContent; }) };
  });
}
function key(name) { input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true })); }
function next(i) {
  if (i >= QUERIES.length) { document.body.setAttribute('data-probe', JSON.stringify(out)); return; }
  input.focus();
  input.value = QUERIES[i];
  input.dispatchEvent(new Event('input'));
  (function wait() {
    if (box.getAttribute('data-shown') !== QUERIES[i] || box.getAttribute('data-state') === 'loading') return setTimeout(wait, 5);
    var r = { query: QUERIES[i], hits: hits(), status: box.querySelector('[role=status]').textContent };
    key('ArrowDown');
    r.active = input.getAttribute('aria-activedescendant');
    key('Escape');
    r.hidden_after_escape = document.getElementById('site-search-hits').hidden;
    out.results.push(r);
    next(i + 1);
  })();
}
next(0);
"#;

/// Builds the demo records (with `extra` arguments) into a new temporary directory.
fn build(name: &str, extra: &[&str]) -> TempDir {
    let out = TempDir::new(name);
    let site = out.path().join("site");
    let site_arg = site.to_str().expect("a UTF-8 path");
    let mut args = vec!["build", "--records", "records", "--out", site_arg, "--today", TODAY];
    args.extend(extra);
    let output = run(&args);
    assert_eq!(exit_code(&output), 0, "cardfile {args:?} failed:\n{}", stderr(&output));
    out
}

/// What the probe saw typing `queries` into the search box of `page` of `site`, with the
/// page's console messages and off-machine requests.
fn probe(chromium: &Chromium, site: &Path, page: &str, queries: &[&str]) -> (Value, Vec<String>) {
    let script = format!("var QUERIES = {};\n{PROBE}", serde_json::to_string(queries).expect("JSON"));
    fs::write(site.join("assets/search-probe.js"), script).expect("writing the probe");
    let html = fs::read_to_string(site.join(page)).unwrap_or_else(|err| panic!("{page}: {err}"));
    let root = "../".repeat(page.matches('/').count());
    let probed = html.replacen("</body>", &format!("<script src=\"{root}assets/search-probe.js\"></script></body>"), 1);
    let copy: PathBuf = site.join(format!("{page}.search.html"));
    fs::write(&copy, probed).expect("writing the probed page");
    let load = chromium.load_each_with(&[copy], &[WAIT]).pop().expect("one load");
    let at = load.dom.find("data-probe=\"").unwrap_or_else(|| panic!("{page}: the probe did not finish"));
    let rest = &load.dom[at + "data-probe=\"".len()..];
    let json = rest[..rest.find('"').unwrap_or(rest.len())].replace("&quot;", "\"").replace("&nbsp;", "\u{a0}");
    let json = json.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    let mut problems: Vec<String> = load.console.iter().map(|l| format!("console message: {l}")).collect();
    problems.extend(load.requests.iter().map(|u| format!("a request off the machine: {u}")));
    if load.dom.contains("data-pwned=\"1\"") {
        problems.push("a hostile script ran".into());
    }
    (serde_json::from_str(&json).unwrap_or_else(|err| panic!("{page}: the probe wrote {json}: {err}")), problems)
}

/// The results of `query` in what the probe saw.
fn results<'a>(seen: &'a Value, query: &str) -> &'a Value {
    seen["results"].as_array().into_iter().flatten().find(|r| r["query"] == query).expect("the query's results")
}

/// The links of the results.
fn hrefs(result: &Value) -> Vec<&str> {
    result["hits"].as_array().into_iter().flatten().filter_map(|h| h["href"].as_str()).collect()
}

/// The links of the results, relative to the site's root (the script makes them absolute).
fn links_to(result: &Value) -> Vec<String> {
    hrefs(result).iter().map(|h| h.split_once("/site/").map_or(h.to_string(), |(_, rel)| rel.to_string())).collect()
}

/// The demo's files under `records/customers` that hold `text`.
fn files_holding(text: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("records/customers");
    crate::walk(&dir)
        .into_iter()
        .filter(|p| fs::read_to_string(p).is_ok_and(|t| t.contains(text)))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect()
}

#[test]
fn search_finds_names_visits_phones_and_pinyin_from_a_file_url() {
    let Some(chromium) = Chromium::find() else { return };
    let out = build("browser-search", &[]);
    let site = out.path().join("site");
    // Words that one record alone holds, so that a result can be told right from wrong.
    assert_eq!(files_holding("律师函"), ["chongqing-shancheng-motor"], "the visit word is no longer unique");
    assert_eq!(files_holding("137 0921 6653"), ["xian-weihe-precision"], "the phone is no longer unique");
    assert_eq!(files_holding("渭河"), ["xian-weihe-precision"], "the name's substring is no longer unique");
    let queries = ["渭河", "律师函", "13709216653", "hdqc", "没有这种词"];
    let (seen, problems) = probe(&chromium, &site, "customers/huadong-auto-parts.html", &queries);
    assert!(problems.is_empty(), "searching made problems:\n  {}", problems.join("\n  "));
    assert_eq!(seen["before"], 0, "a file of the index was loaded before the search box was used");

    let name = results(&seen, "渭河");
    assert_eq!(links_to(name), ["customers/xian-weihe-precision.html"], "{name}");
    assert_eq!(name["hits"][0]["marks"][0], "渭河", "the match is highlighted: {name}");

    let visit = results(&seen, "律师函");
    let links = links_to(visit);
    assert_eq!(links.len(), 1, "one visit holds the word: {visit}");
    assert!(links[0].starts_with("customers/chongqing-shancheng-motor.html#interaction-"), "{visit}");
    assert_eq!(visit["hits"][0]["marks"][0], "律师函", "{visit}");
    assert_eq!(visit["active"], "search-hit-0", "the down arrow selects the first result: {visit}");
    assert_eq!(visit["hidden_after_escape"], true, "Escape closes the results: {visit}");

    let phone = results(&seen, "13709216653");
    assert!(links_to(phone).iter().any(|h| h.starts_with("customers/xian-weihe-precision.html")), "{phone}");
    assert!(phone["hits"][0]["marks"].as_array().is_some_and(|m| m.iter().any(|m| m == "137 0921 6653")), "{phone}");

    let pinyin = results(&seen, "hdqc");
    assert_eq!(links_to(pinyin).first().map(String::as_str), Some("customers/huadong-auto-parts.html"), "{pinyin}");

    let none = results(&seen, "没有这种词");
    assert!(hrefs(none).is_empty(), "{none}");
    assert_eq!(none["status"], "没有找到结果。", "the empty result says so, in the site's language: {none}");
}

#[test]
fn a_redacted_site_finds_nothing_by_a_redacted_phone() {
    let out = build("search-redacted", &["--redact"]);
    let site = out.path().join("site");
    let index: Vec<PathBuf> = crate::walk(&site.join("search"));
    assert!(index.len() >= 3, "the redacted site has a search index: {index:?}");
    for file in &index {
        let text = fs::read_to_string(file).unwrap_or_default();
        for redacted in ["13709216653", "0921 6653", "09216653"] {
            assert!(!text.contains(redacted), "{} holds the redacted phone ({redacted})", file.display());
        }
    }
    let Some(chromium) = Chromium::find() else { return };
    let (seen, problems) = probe(&chromium, &site, "index.html", &["13709216653", "渭河"]);
    assert!(problems.is_empty(), "searching made problems:\n  {}", problems.join("\n  "));
    assert!(hrefs(results(&seen, "13709216653")).is_empty(), "{seen}");
    assert!(!hrefs(results(&seen, "渭河")).is_empty(), "the rest is still found on a redacted site: {seen}");
}

#[test]
fn hostile_record_text_found_by_search_shows_as_text_and_runs_nothing() {
    let Some(chromium) = Chromium::find() else { return };
    let out = TempDir::new("browser-search-hostile");
    let site = out.path().join("site");
    let site_arg = site.to_str().expect("a UTF-8 path");
    let output = run(&["build", "--records", "tests/hostile/records", "--out", site_arg, "--today", TODAY]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let (seen, problems) = probe(&chromium, &site, "index.html", &["pwned", "script"]);
    assert!(problems.is_empty(), "searching made problems:\n  {}", problems.join("\n  "));
    for query in ["pwned", "script"] {
        let found = results(&seen, query);
        let texts: Vec<&str> =
            found["hits"].as_array().into_iter().flatten().filter_map(|h| h["text"].as_str()).collect();
        assert!(texts.iter().any(|t| t.contains("<script>document.documentElement")), "{query}: {found}");
    }
}
