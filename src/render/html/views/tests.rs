//! The template context of docs/site.md, section 13, is what the page templates receive: each
//! built-in page template is replaced by one that prints the names of its context, the demo
//! records are rendered, and the names are compared with the documented ones. And the one
//! formatting rule of the views, the signed percent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;

use crate::history::History;
use crate::render::MemorySink;
use crate::render::html::templates::BUILT_IN;
use crate::render::html::views::signed_percent;
use crate::render::html::{Site, SiteOptions};

/// The templates rendered as fragments (into another page), which get only the variables of
/// every template, not those of every page.
const FRAGMENTS: [&str; 1] = ["card.html"];

/// The heading of the section that lists the variables of every template (the globals).
const EVERY_TEMPLATE: &str = "Every template";

/// The heading of the section that lists the variables of every page.
const EVERY_PAGE: &str = "Every page";

/// The page templates: every built-in template but the frame and the partials (they see the
/// context of the page that includes them).
fn page_templates() -> Vec<&'static str> {
    BUILT_IN.iter().map(|(name, _)| *name).filter(|n| *n != "base.html" && !n.starts_with("partials/")).collect()
}

/// The names of the context each page template received when the demo records were rendered.
fn received() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
    let loaded = crate::records::load(&root, today);
    let analysis = crate::analysis::analyse(&loaded.records, &loaded.settings, today);
    let history = History::new(Vec::new(), None);
    let overrides = page_templates()
        .into_iter()
        .map(|name| {
            let mut text = format!("\n@@{name} {{{{ __tera_context | keys | join(sep=\" \") }}}}\n");
            if name == "cards.html" {
                text.push_str("{% for card in cards %}{{ card | safe }}{% endfor %}");
            }
            (name.to_string(), text)
        })
        .collect();
    let options = SiteOptions { redact: false, base_url: None, overrides };
    let site = Site::new(&loaded.records, &analysis, &loaded.settings, Some(&history), options).expect("a site");
    let sink = MemorySink::default();
    site.render(&sink).expect("rendered");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for bytes in sink.into_files().values() {
        for line in String::from_utf8_lossy(bytes).lines() {
            let Some((name, keys)) = line.strip_prefix("@@").and_then(|l| l.split_once(' ')) else { continue };
            out.entry(name.to_string()).or_default().extend(keys.split(' ').map(str::to_string));
        }
    }
    out
}

/// The variables docs/site.md lists, by section heading: in section 13, each `### ` heading
/// (a template's name in backticks, or one of the two shared sections) and the first cell of
/// each table row under it, up to the next heading of any level.
fn documented() -> BTreeMap<String, BTreeSet<String>> {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/site.md")).expect("docs/site.md");
    let section = doc.split("\n## 13. The template context").nth(1).expect("docs/site.md has section 13");
    let section = section.split("\n## ").next().unwrap_or_default();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = None;
    for line in section.lines() {
        if line.starts_with('#') {
            current = line.strip_prefix("### ").map(|heading| heading.trim().trim_matches('`').to_string());
        } else if let (Some(heading), Some(row)) = (&current, line.strip_prefix("| `")) {
            let name = row.split('`').next().unwrap_or_default();
            out.entry(heading.clone()).or_default().insert(name.to_string());
        }
    }
    out
}

#[test]
fn every_page_template_receives_exactly_the_variables_the_docs_list() {
    let received = received();
    let documented = documented();
    let shared = |heading: &str| documented.get(heading).cloned().unwrap_or_default();
    let mut problems = Vec::new();
    for template in page_templates() {
        let Some(got) = received.get(template) else {
            problems.push(format!("{template}: not rendered from the demo records"));
            continue;
        };
        let mut listed = shared(EVERY_TEMPLATE);
        if !FRAGMENTS.contains(&template) {
            listed.extend(shared(EVERY_PAGE));
        }
        listed.extend(documented.get(template).cloned().unwrap_or_default());
        for name in got.difference(&listed) {
            problems.push(format!("{template} receives `{name}`, which docs/site.md does not list"));
        }
        for name in listed.difference(got) {
            problems.push(format!("docs/site.md lists `{name}` for {template}, which it does not receive"));
        }
    }
    assert!(problems.is_empty(), "the template context and docs/site.md differ:\n  {}", problems.join("\n  "));
}

#[test]
fn a_signed_percent_has_a_plus_unless_it_is_negative() {
    let share = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
    assert_eq!(signed_percent(share("0.125")), "+12.5 %");
    assert_eq!(signed_percent(share("-0.03")), "-3 %");
    assert_eq!(signed_percent(share("0.000")), "+0 %");
    assert_eq!(signed_percent(share("-0.0005")), "-0.1 %", "a half of the last place rounds away from zero");
}

#[test]
fn a_label_reads_as_its_key_and_label_however_often_it_is_shared() {
    use crate::render::html::views::Labelled;
    let mut tera = tera::Tera::default();
    tera.add_raw_template("t", "{% for l in rows %}{{ l.key }}={{ l.label }};{% endfor %}").expect("a template");
    let english = Labelled { key: "overdue", label: "Overdue" };
    let chinese = Labelled { key: "overdue", label: "逾期" };
    let mut cx = tera::Context::new();
    cx.insert("rows", &[english, chinese, english, Labelled { key: "soon", label: "Overdue" }]);
    let out = tera.render("t", &cx).expect("rendered");
    assert_eq!(out, "overdue=Overdue;overdue=逾期;overdue=Overdue;soon=Overdue;");
    let json = serde_json::to_string(&english).expect("JSON");
    assert_eq!(json, r#"{"key":"overdue","label":"Overdue"}"#, "outside the template engine too");
}
