//! `cardfile build`: what particular pages show (the week under review, a promise on every
//! page that names its customer).

use std::fs;

use crate::build::build;
use crate::{TempDir, exit_code, stderr};

/// A small team for the week under review (today 2026-11-25: the week is 11-19 … 11-25):
/// alex has one of each kind of entry in the week and one just before it; bo has none.
fn a_reviewed_week() -> TempDir {
    let tmp = TempDir::new("build-week");
    tmp.write(
        "records/team.toml",
        "[[member]]\nid = \"alex\"\nname = \"Alex\"\n\n[[member]]\nid = \"bo\"\nname = \"Bo\"\n",
    );
    tmp.write(
        "records/customers/acme.toml",
        r#"name = "Acme"
owner = "alex"
phone = "1"

[[interaction]]
date = 2026-11-18
kind = "call"
summary = "Before the week"

[[interaction]]
date = 2026-11-22
kind = "visit"
summary = "Walked the line with the plant manager"

[[order]]
date = 2026-11-20
ref = "SO-1"
product = "Blades"
amount = 1200

[[order]]
date = 2026-10-01
ref = "SO-0"
amount = 300
due = 2026-11-01
paid = 2026-11-24

[[complaint]]
opened = 2026-11-19
summary = "Late delivery of SO-0"
severity = "high"
category = "delivery"
resolved = 2026-11-21

[[promise]]
made = 2026-11-21
due = 2026-11-30
what = "Send <b>20 test blades</b>"

[[promise]]
made = 2026-11-10
due = 2026-11-24
what = "Call back about the price"
kept = 2026-11-23
"#,
    );
    tmp
}

#[test]
fn week_html_lists_each_owners_last_seven_days_and_says_when_there_is_nothing() {
    let tmp = a_reviewed_week();
    let site = tmp.path().join("site");
    let result = build(&tmp.path().join("records"), &site, &[]);
    assert_eq!(exit_code(&result), 0, "{}", stderr(&result));
    let page = fs::read_to_string(site.join("week.html")).expect("week.html (SPEC 12.4)");
    let alex = &page[page.find("id=\"week-alex\"").expect("alex's week")..page.find("id=\"week-bo\"").expect("bo's")];
    for (heading, row) in [
        ("Interactions", "2026-11-22"),
        ("Orders", "SO-1 · Blades"),
        ("Payments received", "SO-0"),
        ("Complaints opened", "Late delivery of SO-0"),
        ("Complaints resolved", "2026-11-21"),
        ("Promises made", "Send &lt;b&gt;20 test blades&lt;/b&gt;"),
        ("Promises kept", "Call back about the price"),
    ] {
        let at = alex.find(&format!("{heading} <span class=\"count\">1</span>")).unwrap_or_else(|| panic!("{heading}"));
        assert!(alex[at..].contains(row), "{heading}: no {row} in {}", &alex[at..]);
    }
    assert!(alex.contains("¥1,200") && alex.contains("¥300"), "the order's and payment's amounts");
    assert!(!alex.contains("Before the week") && !alex.contains("2026-11-18"), "11-18 is today − 7");
    assert!(!page.contains("<b>20 test"), "record text is escaped");
    let bo = &page[page.find("id=\"week-bo\"").unwrap()..];
    assert!(bo.contains("Nothing recorded this week."), "{bo}");
    assert!(page.contains("2026-11-19") && page.contains("href=\"week.html\""), "the week's first day and the nav");
}

#[test]
fn a_promise_is_on_the_card_the_customer_page_and_the_owner_page_open_first() {
    let tmp = a_reviewed_week();
    let site = tmp.path().join("site");
    let result = build(&tmp.path().join("records"), &site, &[]);
    assert_eq!(exit_code(&result), 0, "{}", stderr(&result));
    let card = fs::read_to_string(site.join("cards/index.html")).unwrap();
    let open = card.find("ps-open").expect("the open promise on the card");
    let kept = card.find("ps-kept").expect("the kept promise on the card");
    assert!(open < kept, "open promises first");
    assert!(card.contains("Send &lt;b&gt;20 test blades"), "{card}");
    assert!(!card.contains("<b>20 test"), "record text is escaped on the card");
    for page in ["customers/acme.html", "owners/alex.html"] {
        let html = fs::read_to_string(site.join(page)).unwrap();
        let (open, kept) = (html.find("ps-open").expect(page), html.find("ps-kept").expect(page));
        assert!(open < kept, "{page}: open promises first");
        assert!(html.contains("Call back about the price") && !html.contains("<b>20 test"), "{page}");
    }
    let owner = fs::read_to_string(site.join("owners/bo.html")).unwrap();
    assert!(!owner.contains("ps-open"), "bo made no promise");
}
