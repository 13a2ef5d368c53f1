use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Kind, Moved, compare};
use crate::analysis;
use crate::records;

const TEAM: &str = "[[member]]\nid = \"li\"\nname = \"Li\"\n";

fn tree(customers: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut files: BTreeMap<String, String> =
        customers.iter().map(|(path, text)| (format!("customers/{path}"), text.to_string())).collect();
    files.insert("team.toml".into(), TEAM.into());
    files
}

fn customer(name: &str, amount: u32, extra: &str) -> String {
    format!(
        "name = \"{name}\"\nowner = \"li\"\nphone = \"1\"\n[[order]]\ndate = 2026-10-01\namount = {amount}\n{extra}"
    )
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn review(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> Vec<super::CustomerReview> {
    let side = |files| {
        let loaded = records::load_texts(files, today());
        assert_eq!(crate::diagnostics::Counts::of(&loaded.diagnostics).errors, 0);
        let analysis = analysis::analyse(&loaded.records, &loaded.settings, today());
        (loaded, analysis)
    };
    compare(old, new, Some(&side(old)), Some(&side(new)))
}

#[test]
fn added_removed_and_unchanged_customers() {
    let old = tree(&[("a.toml", &customer("A", 100, "")), ("b.toml", &customer("B", 100, ""))]);
    let new = tree(&[("a.toml", &customer("A", 100, "")), ("c.toml", &customer("C", 100, ""))]);
    let got = review(&old, &new);
    let ids: Vec<(&str, Kind)> = got.iter().map(|c| (c.id.as_str(), c.change)).collect();
    assert_eq!(ids, [("b", Kind::Removed), ("c", Kind::Added)]);
}

#[test]
fn a_class_move_is_reported_with_the_summary() {
    let old = tree(&[("a.toml", &customer("A", 900, "")), ("b.toml", &customer("B", 100, ""))]);
    let new = tree(&[("a.toml", &customer("A", 900, "")), ("b.toml", &customer("B", 5000, ""))]);
    let got = review(&old, &new);
    let b = got.iter().find(|c| c.id == "b").expect("b changed");
    // An order without `ref` is identified by its whole content (SPEC 11.2).
    assert_eq!(
        b.summary.iter().map(|s| s.text()).collect::<Vec<_>>(),
        ["-1 order 2026-10-01 100", "+1 order 2026-10-01 5000"]
    );
    assert!(b.computed.contains(&Moved { key: "class", from: Some("B".into()), to: Some("A".into()) }));
    // A's file did not change, but its class did: it is listed with an empty summary.
    let a = got.iter().find(|c| c.id == "a").expect("a's class moved");
    assert!(a.summary.is_empty());
    assert!(a.computed.contains(&Moved { key: "class", from: Some("A".into()), to: Some("B".into()) }));
}

#[test]
fn agenda_items_added_and_removed() {
    let unpaid = "due = 2026-11-20\n";
    let old = tree(&[("a.toml", &customer("A", 100, unpaid))]);
    let new = tree(&[("a.toml", &customer("A", 100, "due = 2026-11-20\npaid = 2026-11-24\n"))]);
    let got = review(&old, &new);
    let agenda: Vec<&Moved> = got[0].computed.iter().filter(|m| m.key == "agenda").collect();
    assert_eq!(agenda.len(), 1, "{agenda:?}");
    assert!(
        agenda[0].from.as_deref().is_some_and(|f| f.starts_with("2026-11-20 collection")) && agenda[0].to.is_none()
    );
}

#[test]
fn a_move_between_folders_is_one_change() {
    let old = tree(&[("east/a.toml", &customer("A", 100, ""))]);
    let new = tree(&[("west/a.toml", &customer("A", 100, ""))]);
    let got = review(&old, &new);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].change, Kind::Changed);
    assert_eq!(got[0].summary[0].text(), "moved customers/east/a.toml → customers/west/a.toml");
}
