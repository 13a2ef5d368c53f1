use super::{Change, summarise};

fn lines(old: &str, new: &str, redact: bool) -> Vec<String> {
    summarise(Some(old), Some(new)).iter().map(|c| c.english(redact)).collect()
}

const BASE: &str = r#"
name = "Acme"
owner = "li"
phone = "0512-1"
credit_limit = 50000

[[interaction]]
date = 2026-10-01
kind = "call"
summary = "hello"

[[order]]
ref = "SO-1234"
date = 2026-10-01
amount = 12000
due = 2026-10-31

[[complaint]]
opened = 2026-11-06
summary = "late"
"#;

#[test]
fn a_new_file_is_created_and_a_gone_one_deleted() {
    assert_eq!(summarise(None, Some(BASE)), vec![Change::Created]);
    assert_eq!(summarise(Some(BASE), None), vec![Change::Deleted]);
}

#[test]
fn an_unparseable_version_says_so() {
    let broken = "name = \"x\"\n<<<<<<< ours\n";
    assert_eq!(summarise(Some(BASE), Some(broken)), vec![Change::DidNotParse]);
}

#[test]
fn formatting_and_comments_are_not_changes() {
    let reformatted = BASE.replace("amount = 12000", "amount = 12000.0   # net").replace("\n\n", "\n\n# note\n");
    assert!(lines(BASE, &reformatted, false).is_empty());
}

#[test]
fn top_level_keys_show_old_and_new() {
    let new = BASE.replace("owner = \"li\"", "owner = \"zhang\"").replace("50000", "80000");
    assert_eq!(lines(BASE, &new, false), ["owner li → zhang", "credit_limit 50000 → 80000"]);
    let set = BASE.replace("phone = \"0512-1\"\n", "phone = \"0512-1\"\nregion = \"east\"\n");
    assert_eq!(lines(BASE, &set, false), ["region set to east"]);
    assert_eq!(lines(&set, BASE, false), ["region removed (was east)"]);
}

#[test]
fn redacted_values_never_appear() {
    let new = BASE.replace("0512-1", "0512-2");
    assert_eq!(lines(BASE, &new, false), ["phone 0512-1 → 0512-2"]);
    assert_eq!(lines(BASE, &new, true), ["phone changed"]);
    let with_contact = format!("{BASE}\n[[contact]]\nname = \"李娜\"\nphone = \"139\"\n");
    let changed = with_contact.replace("\"139\"", "\"138\"");
    assert_eq!(lines(&with_contact, &changed, true), ["contact 李娜: phone changed"]);
    assert_eq!(lines(&with_contact, &changed, false), ["contact 李娜: phone 139 → 138"]);
}

#[test]
fn an_added_interaction_is_one_line() {
    let new = format!("{BASE}\n[[interaction]]\ndate = 2026-11-02\nkind = \"visit\"\nsummary = \"x\"\n");
    assert_eq!(lines(BASE, &new, false), ["+1 interaction 2026-11-02 visit"]);
    assert_eq!(lines(&new, BASE, false), ["-1 interaction 2026-11-02 visit"]);
}

#[test]
fn paid_orders_and_resolved_complaints_are_named() {
    let paid = BASE.replace("due = 2026-10-31", "due = 2026-10-31\npaid = 2026-11-20");
    assert_eq!(lines(BASE, &paid, false), ["order SO-1234 paid 2026-11-20"]);
    let resolved = BASE.replace("summary = \"late\"", "summary = \"late\"\nresolved = 2026-11-08");
    assert_eq!(lines(BASE, &resolved, false), ["complaint of 2026-11-06 resolved"]);
}

#[test]
fn an_order_without_ref_is_its_content() {
    let base = "name = \"A\"\n[[order]]\ndate = 2026-10-01\namount = 5\n";
    let paid = "name = \"A\"\n[[order]]\ndate = 2026-10-01\namount = 5\npaid = 2026-10-02\n";
    assert_eq!(lines(base, paid, false), ["-1 order 2026-10-01 5", "+1 order 2026-10-01 5"]);
}

#[test]
fn a_changed_entry_key_names_the_entry() {
    let new = BASE.replace("amount = 12000", "amount = 13000");
    assert_eq!(lines(BASE, &new, false), ["order SO-1234: amount 12000 → 13000"]);
}

#[test]
fn single_tables_compare_per_key() {
    let lost = format!("{BASE}\n[loss]\ndate = 2026-11-01\nreason = \"price\"\nnotes = \"secret\"\n");
    let changed = lost.replace("\"price\"", "\"service\"").replace("secret", "other");
    assert_eq!(lines(&lost, &changed, true), ["loss: reason price → service", "loss: notes changed"]);
}

#[test]
fn long_values_are_only_said_to_change() {
    let old = "name = \"A\"\nnotes = \"short\"\n";
    let new = format!("name = \"A\"\nnotes = \"{}\"\n", "long ".repeat(20));
    assert_eq!(lines(old, &new, false), ["notes changed"]);
}

#[test]
fn an_entry_with_its_keys_reordered_is_the_same_entry() {
    let old = "name = \"A\"\n[[interaction]]\ndate = 2026-10-01\nkind = \"call\"\nsummary = \"x\"\nsatisfaction = 4\n";
    let new =
        "name = \"A\"\n[[interaction]]\nkind = \"call\"\nsummary = \"x\"\ndate = 2026-10-01\nsatisfaction = 4.0\n";
    assert!(lines(old, new, false).is_empty());
    let changed = new.replace("satisfaction = 4.0", "satisfaction = 5");
    assert_eq!(lines(old, &changed, false), ["-1 interaction 2026-10-01 call", "+1 interaction 2026-10-01 call"]);
}
