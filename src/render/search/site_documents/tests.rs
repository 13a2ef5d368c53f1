//! The documents of a site: which entries become documents, in which order, linking where.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::diagnostics::Code;
use crate::render::html::SiteOptions;

const CUSTOMER: &str = r#"name = "Acme Tools"
owner = "zhang"
phone = "+86 21 5555 0001"
wechat = "acme_wx"
notes = "Prefers **morning** calls."

[[contact]]
name = "费振华"
title = "经理"
wechat = "feizhenhua"

[[interaction]]
date = 2026-10-01
kind = "call"
summary = "First call."

[[interaction]]
date = 2026-11-20
kind = "visit"
summary = "Showed the **new** blades."

[[interaction]]
date = 2026-12-20
kind = "visit"
summary = "Planned, after today."

[[order]]
date = 2026-09-01
amount = 100
ref = "PO-1"
product = "Blades"

[[order]]
date = 2026-10-01
amount = 100

[[order]]
date = 2026-11-01
amount = 100
product = "Saws"
"#;

/// The documents of a site of one customer, as (kind, text, anchor, name, withheld values).
fn documents_of(redact: bool) -> Vec<(Kind, String, String, String, usize)> {
    let files = BTreeMap::from([
        ("cardfile.toml".to_string(), String::new()),
        ("team.toml".to_string(), "[[member]]\nid = \"zhang\"\nname = \"Zhang Wei\"\n".to_string()),
        ("customers/acme.toml".to_string(), CUSTOMER.to_string()),
    ]);
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
    let loaded = crate::records::load_texts(&files, today);
    let codes: Vec<Code> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::FutureEntry], "the interaction after today is only a warning");
    let analysis = crate::analysis::analyse(&loaded.records, &loaded.settings, today);
    let options = SiteOptions { redact, base_url: None, overrides: BTreeMap::new() };
    let site = Site::new(&loaded.records, &analysis, &loaded.settings, None, options).expect("a site");
    let docs = documents(&site);
    (0..docs.count())
        .map(|id| {
            let d = docs.doc(id);
            assert_eq!((d.title, d.customer), ("Acme Tools", "acme"));
            (d.kind, d.text.into_owned(), d.anchor.to_string(), d.name.to_string(), d.withheld.len())
        })
        .collect()
}

#[test]
fn every_entry_up_to_today_is_a_document_by_kind_then_newest_first() {
    let docs = documents_of(false);
    let summary: Vec<(Kind, &str, &str)> = docs.iter().map(|(k, t, a, _, _)| (*k, t.as_str(), a.as_str())).collect();
    assert_eq!(
        summary,
        [
            (Kind::Customer, "acme · Zhang Wei · +86 21 5555 0001 · acme_wx", ""),
            (Kind::Contact, "费振华 · 经理 · feizhenhua", "contact-0"),
            (Kind::Order, "Saws", "order-2"),
            (Kind::Order, "PO-1 · Blades", "order-0"),
            (Kind::Interaction, "Showed the new blades.", "interaction-1"),
            (Kind::Interaction, "First call.", "interaction-0"),
            (Kind::Note, "Prefers morning calls.", "notes"),
        ],
        "an order with neither reference nor product is not found; an interaction after today is not either"
    );
    assert_eq!(docs[0].3, "Acme Tools", "the customer is also found by its name's pinyin");
    assert_eq!(docs[1].3, "费振华", "so is a contact");
    assert!(docs.iter().all(|d| d.4 == 0), "nothing is withheld from a site that is not redacted");
}

#[test]
fn a_redacted_site_has_no_contact_details_and_withholds_them_from_names() {
    let docs = documents_of(true);
    let texts: Vec<&str> = docs.iter().map(|d| d.1.as_str()).collect();
    assert_eq!(texts[..2], ["acme · Zhang Wei", "费振华 · 经理"]);
    assert!(!docs.iter().any(|d| d.0 == Kind::Note), "notes are left out of a redacted site");
    let withheld: Vec<(Kind, usize)> = docs.iter().map(|d| (d.0, d.4)).collect();
    assert_eq!(withheld[0], (Kind::Customer, 3), "the phone, e-mail and WeChat ids of the customer and its people");
    assert_eq!(withheld[1], (Kind::Contact, 3));
    assert!(withheld[2..].iter().all(|(_, n)| *n == 0), "only named documents are checked: {withheld:?}");
}

#[test]
fn an_anchor_is_written_as_the_page_writes_it() {
    assert_eq!(Anchor::entry("interaction", 3).to_string(), crate::render::html::paths::anchor("interaction", 3));
    assert_eq!(Anchor::section("notes").to_string(), "notes");
    assert_eq!(Anchor::default().to_string(), "");
}
