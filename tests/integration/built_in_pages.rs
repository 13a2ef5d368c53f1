//! A customer's page and card are written by built-in writers, not by the template engine,
//! unless the team replaced `customer.html` or `base.html` (`card.html` for the card) with a
//! file that says something else. The built-in template, rendered (a team's copy with a comment added, so that it is used), must
//! give the same bytes as the writer, for every kind of record: the demo (Chinese, with its
//! git history), the demo in English and redacted, the hostile corpus and every fixture tree.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::build::{build, copy_tree, demo, tree};
use crate::git::GitRepo;
use crate::{TempDir, exit_code, run_in, stderr};

/// The built-in template `name` as a team's own file: a comment added, which renders as
/// nothing, makes it a file that replaces the built-in one.
fn built_in(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates").join(name);
    fs::read_to_string(path).expect("the template") + "{# the team's copy #}"
}

/// The customers' pages and the pages of cards of a built site.
fn customer_pages(site: &Path) -> BTreeMap<String, Vec<u8>> {
    let pages: BTreeMap<_, _> =
        tree(site).into_iter().filter(|(rel, _)| rel.starts_with("customers/") || rel.starts_with("cards/")).collect();
    assert!(pages.keys().filter(|rel| rel.starts_with("customers/")).count() > 1, "the site has customers' pages");
    assert!(pages.contains_key("cards/index.html"), "the site has its cards");
    pages
}

/// `records` with the built-in `template` copied in as the team's own.
fn with_copy_of(records: &Path, template: &str, to: &Path) -> PathBuf {
    copy_tree(records, to);
    fs::create_dir_all(to.join("templates")).unwrap();
    fs::write(to.join("templates").join(template), built_in(template)).unwrap();
    to.to_path_buf()
}

/// Builds `records` as they are and with each of the three templates copied in, and compares
/// the customers' pages and cards.
fn same_pages_both_ways(records: &Path, extra: &[&str]) {
    let tmp = TempDir::new("built-in-pages");
    let site = |name: &str, records: &Path| {
        let out = tmp.path().join(name);
        let output = build(records, &out, extra);
        assert_eq!(exit_code(&output), 0, "{}: {}", records.display(), stderr(&output));
        customer_pages(&out)
    };
    let written = site("written", records);
    for template in ["customer.html", "base.html", "card.html"] {
        let copied = with_copy_of(records, template, &tmp.path().join(format!("records-{template}")));
        let rendered = site(&format!("rendered-{template}"), &copied);
        assert_eq!(written.keys().collect::<Vec<_>>(), rendered.keys().collect::<Vec<_>>());
        for (rel, bytes) in &written {
            let (ours, theirs) = (String::from_utf8_lossy(bytes), String::from_utf8_lossy(&rendered[rel]));
            if ours != theirs {
                let at = ours.chars().zip(theirs.chars()).take_while(|(a, b)| a == b).count();
                let from = at.saturating_sub(80);
                panic!(
                    "{} ({template} copied in): {rel} differs at character {at}:\nwritten:  {:?}\nrendered: {:?}",
                    records.display(),
                    ours.chars().skip(from).take(160).collect::<String>(),
                    theirs.chars().skip(from).take(160).collect::<String>(),
                );
            }
        }
    }
}

#[test]
fn the_written_page_and_card_are_the_templates_rendered_for_the_demo_in_both_languages() {
    let tmp = TempDir::new("built-in-en");
    let english = tmp.path().join("records");
    copy_tree(&demo(), &english);
    let settings = english.join("cardfile.toml");
    let text = fs::read_to_string(&settings).unwrap();
    assert!(text.contains("language = \"zh-CN\""), "the demo is in Chinese");
    fs::write(&settings, text.replace("language = \"zh-CN\"", "language = \"en\"")).unwrap();
    for records in [demo(), english] {
        same_pages_both_ways(&records, &[]);
        same_pages_both_ways(&records, &["--redact"]);
    }
}

#[test]
fn the_written_page_and_card_are_the_templates_rendered_for_hostile_text_and_every_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    same_pages_both_ways(&root.join("hostile/records"), &[]);
    let mut fixtures = 0;
    for entry in fs::read_dir(root.join("fixtures")).unwrap().flatten() {
        let records = entry.path().join("records");
        if records.join("customers").is_dir() {
            same_pages_both_ways(&records, &[]);
            fixtures += 1;
        }
    }
    assert!(fixtures >= 5, "the fixture trees were found");
}

#[test]
fn the_written_page_and_card_are_the_templates_rendered_with_a_history() {
    let repo = GitRepo::new("built-in-history");
    copy_tree(&demo(), &repo.records());
    repo.commit("Li Na", "2026-11-01T09:00:00+08:00", "The demo customers");
    let file = repo.records().join("customers/east/wuxi/huadong-auto-parts.toml");
    let text = fs::read_to_string(&file).expect("a demo customer");
    fs::write(
        &file,
        format!("{text}\n[[interaction]]\ndate = 2026-11-20\nkind = \"call\"\nsummary = \"Asked for a quote\"\n"),
    )
    .unwrap();
    repo.commit("Zhang Wei", "2026-11-20T18:00:00+08:00", "Call with Huadong");
    let sites = ["written", "rendered"].map(|name| {
        if name == "rendered" {
            repo.write("records/templates/customer.html", &built_in("customer.html"));
            repo.write("records/templates/card.html", &built_in("card.html"));
        }
        let output = run_in(repo.path(), &["build", "--today", crate::TODAY, "--out", name]);
        assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
        customer_pages(&repo.path().join(name))
    });
    let page = String::from_utf8_lossy(&sites[0]["customers/huadong-auto-parts.html"]).into_owned();
    assert!(page.contains("id=\"history\"") && page.contains("Call with Huadong"), "the history is on the page");
    let cards = String::from_utf8_lossy(&sites[0]["cards/index.html"]).into_owned();
    assert!(cards.contains("2026-11-20"), "the cards say when a customer last changed");
    assert!(sites[0] == sites[1], "a page or card with a history differs between the writer and the template");
}

#[test]
fn a_team_that_changes_the_customer_page_the_frame_or_the_card_gets_its_own() {
    let tmp = TempDir::new("built-in-replaced");
    let records = tmp.path().join("records");
    copy_tree(&crate::fixture("fixtures/credit/records"), &records);
    fs::create_dir_all(records.join("templates")).unwrap();
    let page = |name: &str| {
        let out = tmp.path().join(name);
        assert_eq!(exit_code(&build(&records, &out, &[])), 0);
        let rel = customer_pages(&out).into_keys().find(|rel| rel.starts_with("customers/")).unwrap();
        fs::read_to_string(out.join(rel)).unwrap()
    };
    let plain = page("plain");
    fs::write(
        records.join("templates/customer.html"),
        "{% extends \"base.html\" %}{% block content %}OURS {{ c.name }}{% endblock content %}",
    )
    .unwrap();
    let ours = page("customer");
    assert!(ours.contains("<main>\nOURS ") && !ours.contains("customer-head"), "{ours}");
    fs::remove_file(records.join("templates/customer.html")).unwrap();
    let base = built_in("base.html").replace("<main>", "<main class=\"ours\">");
    fs::write(records.join("templates/base.html"), base).unwrap();
    let framed = page("base");
    assert!(framed.contains("<main class=\"ours\">") && framed.contains("customer-head"), "{framed}");
    assert_eq!(framed.replace("<main class=\"ours\">", "<main>"), plain);
    fs::write(records.join("templates/card.html"), "<article>OUR CARD {{ k.name }}</article>").unwrap();
    let out = tmp.path().join("card");
    assert_eq!(exit_code(&build(&records, &out, &[])), 0);
    let cards = fs::read_to_string(out.join("cards/index.html")).unwrap();
    assert!(cards.contains("<article>OUR CARD ") && !cards.contains("card-head"), "{cards}");
}
