//! The merge driver on random two-sided edits of a random customer: every entry added on
//! either side is there exactly once, every one-sided change is applied, a clean result
//! parses and passes the per-file checks, and each side of every conflict is valid TOML.

use std::collections::BTreeSet;

use cardfile::diagnostics::Severity;
use cardfile::merge::merge;
use cardfile::records::check_customer_text;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use super::{fuzz, today};

/// One edit a person makes to the file.
#[derive(Debug, Clone)]
enum Edit {
    AddVisit,
    RemoveVisit(Index),
    Pay(Index),
    Resolve(Index),
    AddOrder,
    Phone(u8),
    Reformat(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        Just(Edit::AddVisit),
        any::<Index>().prop_map(Edit::RemoveVisit),
        any::<Index>().prop_map(Edit::Pay),
        any::<Index>().prop_map(Edit::Resolve),
        Just(Edit::AddOrder),
        (0u8..3).prop_map(Edit::Phone),
        any::<Index>().prop_map(Edit::Reformat),
    ]
}

fn base(visits: usize, orders: usize, complaints: usize) -> String {
    let mut text = String::from("name = \"Acme\"\nowner = \"zhang\"\nphone = \"base-phone\" # office\n");
    for i in 0..visits {
        text.push_str(&format!(
            "\n[[interaction]]\ndate = 2026-10-0{}\nkind = \"visit\"\nsummary = \"base-visit-{i}\"\n",
            i + 1
        ));
    }
    for i in 0..orders {
        text.push_str(&format!(
            "\n[[order]]\nref = \"SO-{i}\"\ndate = 2026-09-01\namount = {}\ndue = 2026-10-01\n",
            1000 * (i + 1)
        ));
    }
    for i in 0..complaints {
        text.push_str(&format!(
            "\n# complaint {i}\n[[complaint]]\nopened = 2026-10-1{i}\nsummary = \"base-complaint-{i}\"\n"
        ));
    }
    text
}

/// What one side did, to check the result against.
#[derive(Debug, Default)]
struct Did {
    added: Vec<String>,
    removed: BTreeSet<String>,
    paid: BTreeSet<String>,
    resolved: BTreeSet<String>,
    phone: Option<String>,
}

fn array<'d>(doc: &'d mut DocumentMut, key: &str) -> &'d mut ArrayOfTables {
    if !doc.contains_key(key) {
        doc.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    doc[key].as_array_of_tables_mut().expect("an array of tables")
}

fn string(t: &Table, key: &str) -> String {
    t.get(key).and_then(Item::as_str).unwrap_or_default().to_string()
}

fn apply(text: &str, side: &str, edits: &[Edit]) -> (String, Did) {
    let mut doc: DocumentMut = text.parse().expect("the base parses");
    let mut did = Did::default();
    let date = if side == "ours" { "2026-10-25" } else { "2026-10-26" };
    for (k, e) in edits.iter().enumerate() {
        match e {
            Edit::AddVisit => {
                let summary = format!("{side}-visit-{k}");
                let mut t = Table::new();
                t["date"] = value(date.parse::<toml_edit::Datetime>().expect("date"));
                t["kind"] = value("call");
                t["summary"] = value(&summary);
                array(&mut doc, "interaction").push(t);
                did.added.push(summary);
            }
            Edit::AddOrder => {
                let reference = format!("{side}-order-{k}");
                let mut t = Table::new();
                t["ref"] = value(&reference);
                t["date"] = value(date.parse::<toml_edit::Datetime>().expect("date"));
                t["amount"] = value(12.5);
                array(&mut doc, "order").push(t);
                did.added.push(reference);
            }
            Edit::RemoveVisit(i) => {
                let visits = array(&mut doc, "interaction");
                if !visits.is_empty() {
                    let at = i.index(visits.len());
                    let summary = visits.get(at).map(|t| string(t, "summary")).unwrap_or_default();
                    // Only base visits are removed, so that what a side added stays added.
                    if summary.starts_with("base-") {
                        visits.remove(at);
                        did.removed.insert(summary);
                    }
                }
            }
            Edit::Pay(i) | Edit::Resolve(i) | Edit::Reformat(i) => {
                let key = if matches!(e, Edit::Resolve(_)) { "complaint" } else { "order" };
                let entries = array(&mut doc, key);
                let Some(t) = (!entries.is_empty()).then(|| i.index(entries.len())).and_then(|at| entries.get_mut(at))
                else {
                    continue;
                };
                let id = string(t, if key == "order" { "ref" } else { "summary" });
                if !id.starts_with("SO-") && !id.starts_with("base-") {
                    continue;
                }
                match e {
                    Edit::Pay(_) => {
                        t["paid"] = value(date.parse::<toml_edit::Datetime>().expect("date"));
                        did.paid.insert(id);
                    }
                    Edit::Resolve(_) => {
                        t["resolved"] = value(date.parse::<toml_edit::Datetime>().expect("date"));
                        did.resolved.insert(id);
                    }
                    _ => {
                        // The same amount written as a float: not a change.
                        let amount = t.get("amount").and_then(Item::as_integer).unwrap_or(0);
                        t["amount"] = value(amount as f64);
                    }
                }
            }
            Edit::Phone(v) => {
                doc["phone"] = value(format!("p{v}"));
                did.phone = Some(format!("p{v}"));
            }
        }
    }
    (doc.to_string(), did)
}

/// The file with every conflict resolved to one side (`ours` or `theirs`).
fn resolve(text: &str, keep_ours: bool) -> String {
    let mut out = String::new();
    let mut side = None;
    for line in text.split_inclusive('\n') {
        if line.starts_with("<<<<<<< ") {
            side = Some(true);
        } else if line.starts_with("=======") && side.is_some() {
            side = Some(false);
        } else if line.starts_with(">>>>>>> ") {
            side = None;
        } else if side.is_none_or(|ours| ours == keep_ours) {
            out.push_str(line);
        }
    }
    out
}

fn entries(doc: &DocumentMut, key: &str) -> Vec<Table> {
    doc.get(key).and_then(Item::as_array_of_tables).map(|a| a.iter().cloned().collect()).unwrap_or_default()
}

fn check(sizes: (usize, usize, usize), ours_edits: &[Edit], theirs_edits: &[Edit]) -> Result<(), TestCaseError> {
    let base = base(sizes.0, sizes.1, sizes.2);
    let (ours, o) = apply(&base, "ours", ours_edits);
    let (theirs, t) = apply(&base, "theirs", theirs_edits);
    let merged = merge(&base, &ours, &theirs, None);
    let text = &merged.text;
    prop_assert!(!merged.line_based, "every version parses");
    for added in o.added.iter().chain(&t.added) {
        prop_assert_eq!(text.matches(&format!("\"{added}\"")).count(), 1, "{} not exactly once in\n{}", added, text);
    }
    prop_assert_eq!(text.lines().filter(|l| l.starts_with("<<<<<<< ")).count(), merged.conflicts);
    for keep_ours in [true, false] {
        let side = resolve(text, keep_ours);
        prop_assert!(side.parse::<DocumentMut>().is_ok(), "one side of the conflicts is not TOML:\n{}", side);
    }
    if merged.conflicts > 0 {
        return Ok(());
    }
    let doc: DocumentMut = text.parse().map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    let errors: Vec<_> = check_customer_text("customers/acme.toml", text, today())
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    prop_assert!(errors.is_empty(), "{:?}\n{}", errors, text);
    for (one, other) in [(&o, &t), (&t, &o)] {
        for removed in &one.removed {
            prop_assert!(!text.contains(&format!("\"{removed}\"")), "{} was removed by one side\n{}", removed, text);
        }
        if let (Some(phone), None) = (&one.phone, &other.phone) {
            prop_assert_eq!(doc.get("phone").and_then(Item::as_str), Some(phone.as_str()));
        }
        for reference in one.paid.difference(&other.paid) {
            let order = entries(&doc, "order").into_iter().find(|e| string(e, "ref") == *reference);
            prop_assert!(
                order.is_some_and(|e| e.contains_key("paid")),
                "{} paid on one side only\n{}",
                reference,
                text
            );
        }
        for summary in one.resolved.difference(&other.resolved) {
            let complaint = entries(&doc, "complaint").into_iter().find(|e| string(e, "summary") == *summary);
            prop_assert!(complaint.is_some_and(|e| e.contains_key("resolved")), "{} resolved\n{}", summary, text);
        }
    }
    for i in 0..sizes.0 {
        let visit = format!("base-visit-{i}");
        let kept = !o.removed.contains(&visit) && !t.removed.contains(&visit);
        prop_assert_eq!(text.matches(&format!("\"{visit}\"")).count(), usize::from(kept), "{}\n{}", visit, text);
    }
    Ok(())
}

#[test]
fn random_two_sided_edits_merge_without_losing_anything() {
    let sizes = (0usize..4, 0usize..3, 0usize..3);
    let sides = (prop::collection::vec(edit(), 0..6), prop::collection::vec(edit(), 0..6));
    fuzz(1.0, (sizes, sides), |(sizes, (ours, theirs))| check(sizes, &ours, &theirs));
}
