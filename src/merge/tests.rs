use super::*;

fn clean(base: &str, ours: &str, theirs: &str) -> String {
    let merged = merge(base, ours, theirs, None);
    assert_eq!(merged.conflicts, 0, "{}", merged.text);
    assert!(!merged.line_based);
    merged.text
}

const BASE: &str = r#"# Acme
name = "Acme"
owner = "zhang"
phone = "111" # office

[[interaction]]
date = 2026-10-01
kind = "visit"
summary = "first"

[[order]]
ref = "SO-1"
date = 2026-09-01
amount = 12000
due = 2026-10-01
"#;

#[test]
fn both_sides_add_interactions() {
    let ours = BASE.replace(
        "summary = \"first\"\n",
        "summary = \"first\"\n\n[[interaction]]\ndate = 2026-10-02\nkind = \"call\"\nsummary = \"ours\"\n",
    );
    let theirs = format!("{BASE}\n[[interaction]]\ndate = 2026-10-03\nkind = \"visit\"\nsummary = \"theirs\"\n");
    let text = clean(BASE, &ours, &theirs);
    let expected = BASE.replace(
        "summary = \"first\"\n",
        "summary = \"first\"\n\n[[interaction]]\ndate = 2026-10-02\nkind = \"call\"\nsummary = \"ours\"\n\n[[interaction]]\ndate = 2026-10-03\nkind = \"visit\"\nsummary = \"theirs\"\n",
    );
    assert_eq!(text, expected);
}

fn conflicted(base: &str, ours: &str, theirs: &str) -> Merged {
    let merged = merge(base, ours, theirs, None);
    assert!(merged.conflicts > 0, "{}", merged.text);
    merged
}

#[test]
fn one_side_pays_an_order_while_the_other_adds_one() {
    let ours = BASE.replace("due = 2026-10-01\n", "due = 2026-10-01\npaid = 2026-10-05\n");
    let theirs = format!("{BASE}\n[[order]]\nref = \"SO-2\"\ndate = 2026-11-01\namount = 500.5\n");
    let text = clean(BASE, &ours, &theirs);
    assert_eq!(text, format!("{ours}\n[[order]]\nref = \"SO-2\"\ndate = 2026-11-01\namount = 500.5\n"));
    // The same the other way round: THEIRS' payment lands in OURS' entry.
    let text = clean(BASE, &theirs, &ours);
    assert!(text.contains("due = 2026-10-01\npaid = 2026-10-05\n"), "{text}");
    assert!(text.ends_with("ref = \"SO-2\"\ndate = 2026-11-01\namount = 500.5\n"), "{text}");
}

#[test]
fn one_side_resolves_a_complaint_while_the_other_logs_a_visit() {
    let base = format!("{BASE}\n[[complaint]]\nopened = 2026-10-10\nsummary = \"late\"\n");
    let ours = base.replace(
        "summary = \"first\"\n",
        "summary = \"first\"\n\n[[interaction]]\ndate = 2026-10-20\nkind = \"visit\"\nsummary = \"v\"\n",
    );
    let theirs = format!("{base}resolved = 2026-10-12\n");
    let text = clean(&base, &ours, &theirs);
    assert_eq!(text, format!("{ours}resolved = 2026-10-12\n"));
}

#[test]
fn different_phones_conflict_on_the_phone_line_only() {
    let ours = BASE.replace("phone = \"111\"", "phone = \"222\"").replace("owner = \"zhang\"", "owner = \"li\"");
    let theirs = BASE.replace("phone = \"111\" # office", "phone = \"333\"");
    let merged = conflicted(BASE, &ours, &theirs);
    assert_eq!(merged.conflicts, 1);
    let expected = ours.replace(
        "phone = \"222\" # office\n",
        "<<<<<<< ours\nphone = \"222\" # office\n=======\nphone = \"333\"\n>>>>>>> theirs\n",
    );
    assert_eq!(merged.text, expected);
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let both = format!(
        "{}\n[[interaction]]\ndate = 2026-10-05\nkind = \"call\"\nsummary = \"same\"\n",
        BASE.replace("111", "999")
    );
    assert_eq!(clean(BASE, &both, &both), both);
    // Written differently, meaning the same: OURS' text stays.
    let theirs = both.replace("amount = 12000\n", "amount = 12000.0\n").replace(" # office", "");
    assert_eq!(clean(BASE, &both, &theirs), both);
}

#[test]
fn formatting_only_changes_are_not_changes() {
    let theirs = BASE.replace("amount = 12000\n", "amount = 12_000.00 # agreed\n").replace("# Acme\n", "");
    assert_eq!(clean(BASE, BASE, &theirs), BASE);
}

#[test]
fn removed_on_one_side_and_unchanged_on_the_other_is_removed() {
    let ours = BASE.replace("phone = \"111\" # office\n", "");
    let theirs = format!("{BASE}\n[[interaction]]\ndate = 2026-10-05\nkind = \"call\"\nsummary = \"new\"\n");
    let text = clean(BASE, &ours, &theirs);
    assert!(!text.contains("phone"), "{text}");
    let no_order = BASE.split("\n[[order]]").next().expect("head").to_string();
    let text = clean(BASE, &theirs, &no_order);
    assert!(!text.contains("[[order]]") && text.contains("summary = \"new\""), "{text}");
}

#[test]
fn removed_on_one_side_and_changed_on_the_other_conflicts() {
    let no_order = BASE.split("\n[[order]]").next().expect("head").to_string();
    let paid = BASE.replace("due = 2026-10-01\n", "due = 2026-10-01\npaid = 2026-10-05\n");
    let merged = conflicted(BASE, &no_order, &paid);
    assert!(
        merged.text.ends_with(
            "<<<<<<< ours\n=======\n[[order]]\nref = \"SO-1\"\ndate = 2026-09-01\namount = 12000\ndue = 2026-10-01\npaid = 2026-10-05\n>>>>>>> theirs\n"
        ),
        "{}",
        merged.text
    );
    let merged = conflicted(BASE, &paid, &no_order);
    assert!(merged.text.contains("<<<<<<< ours\n[[order]]\nref = \"SO-1\""), "{}", merged.text);
    assert!(merged.text.ends_with("paid = 2026-10-05\n=======\n>>>>>>> theirs\n"), "{}", merged.text);
    let no_phone = BASE.replace("phone = \"111\" # office\n", "");
    let merged = conflicted(BASE, &BASE.replace("111", "222"), &no_phone);
    assert!(
        merged.text.contains("<<<<<<< ours\nphone = \"222\" # office\n=======\n>>>>>>> theirs\n"),
        "{}",
        merged.text
    );
}

#[test]
fn added_on_both_sides_once_when_identical_else_a_conflict() {
    let add = |amount: &str| format!("{BASE}\n[[order]]\nref = \"SO-2\"\ndate = 2026-11-01\namount = {amount}\n");
    let text = clean(BASE, &add("10"), &add("10.0"));
    assert_eq!(text.matches("SO-2").count(), 1);
    let merged = conflicted(BASE, &add("10"), &add("20"));
    assert_eq!(merged.conflicts, 1);
    assert!(merged.text.ends_with(
        "\n<<<<<<< ours\n[[order]]\nref = \"SO-2\"\ndate = 2026-11-01\namount = 10\n=======\n[[order]]\nref = \"SO-2\"\ndate = 2026-11-01\namount = 20\n>>>>>>> theirs\n"
    ), "{}", merged.text);
    // The SO-1 entry before it is untouched, outside the markers.
    assert!(merged.text.starts_with(BASE), "{}", merged.text);
}

#[test]
fn changed_differently_on_both_sides_conflicts_on_that_entry() {
    let ours = BASE.replace("due = 2026-10-01\n", "due = 2026-10-01\npaid = 2026-10-05\n");
    let theirs = BASE.replace("amount = 12000\n", "amount = 13000\n");
    let merged = conflicted(BASE, &ours, &theirs);
    assert_eq!(merged.conflicts, 1);
    let head = BASE.split("[[order]]").next().expect("head");
    assert!(merged.text.starts_with(&format!("{head}<<<<<<< ours\n[[order]]\n")), "{}", merged.text);
}

#[test]
fn repeated_identities_pair_up_in_file_order() {
    let visit = "\n[[interaction]]\ndate = 2026-10-09\nkind = \"call\"\nsummary = \"same\"\n";
    let base = format!("{BASE}{visit}{visit}");
    let ours = format!("{BASE}{visit}");
    let theirs = format!("{base}{visit}");
    // OURS removed one of two, THEIRS added a third: two remain.
    let text = clean(&base, &ours, &theirs);
    assert_eq!(text.matches("summary = \"same\"").count(), 2, "{text}");
}

#[test]
fn single_tables_merge_per_key() {
    let base = format!(
        "{}[loss]\ndate = 2026-06-01\nreason = \"price\"\n",
        BASE.split("[[interaction]]").next().expect("head")
    );
    let ours = base.replace("reason = \"price\"\n", "reason = \"price\"\nnotes = \"went to X\"\n");
    let theirs = base.replace("reason = \"price\"", "reason = \"competitor\"");
    let text = clean(&base, &ours, &theirs);
    assert!(text.ends_with("[loss]\ndate = 2026-06-01\nreason = \"competitor\"\nnotes = \"went to X\"\n"), "{text}");
    let merged = conflicted(&base, &base.replace("price", "service"), &theirs);
    assert!(
        merged.text.contains("<<<<<<< ours\nreason = \"service\"\n=======\nreason = \"competitor\"\n>>>>>>> theirs\n")
    );
    assert!(merged.text.contains("[loss]\ndate = 2026-06-01\n<<<<<<<"), "{}", merged.text);
}

#[test]
fn theirs_new_array_goes_to_the_end_and_new_keys_after_ours() {
    let theirs = BASE.replace("owner = \"zhang\"\n", "owner = \"zhang\"\n# mobile\nwechat = \"acme\"\n")
        + "\n[[promise]]\nmade = 2026-11-01\ndue = 2026-11-30\nwhat = \"samples\"\n";
    let ours = BASE.replace("# Acme\n", "# Acme, our best\n");
    let text = clean(BASE, &ours, &theirs);
    assert!(text.contains("phone = \"111\" # office\n# mobile\nwechat = \"acme\"\n"), "{text}");
    assert!(text.starts_with("# Acme, our best\n"), "{text}");
    assert!(
        text.ends_with(
            "amount = 12000\ndue = 2026-10-01\n\n[[promise]]\nmade = 2026-11-01\ndue = 2026-11-30\nwhat = \"samples\"\n"
        ),
        "{text}"
    );
}

#[test]
fn an_edited_entry_and_an_appended_one_both_stay() {
    let ours = BASE.replace("summary = \"first\"", "summary = \"first, with the buyer\"");
    let theirs = BASE.replace(
        "summary = \"first\"\n",
        "summary = \"first\"\n\n[[interaction]]\ndate = 2026-10-04\nkind = \"call\"\nsummary = \"second\"\n",
    );
    let text = clean(BASE, &ours, &theirs);
    assert!(!text.contains("summary = \"first\"\n"), "{text}");
    assert_eq!(text, theirs.replace("summary = \"first\"", "summary = \"first, with the buyer\""));
}

#[test]
fn an_unparseable_version_falls_back_to_lines() {
    let base = format!("{BASE}<<<<<<< ours\nx = 1\n=======\nx = 2\n>>>>>>> theirs\n");
    let ours = base.replace("111", "222");
    let theirs = base.replace("kind = \"visit\"", "kind = \"call\"");
    let merged = merge(&base, &ours, &theirs, None);
    assert!(merged.line_based);
    assert_eq!(merged.conflicts, 0);
    assert_eq!(merged.text, ours.replace("kind = \"visit\"", "kind = \"call\""));
}

#[test]
fn files_keep_ours_bom_and_line_endings() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let crlf = |s: &str| s.replace('\n', "\r\n");
    let ours = format!("\u{FEFF}{}", crlf(&BASE.replace("111", "222")));
    let theirs = format!("{BASE}\n[[interaction]]\ndate = 2026-10-05\nkind = \"call\"\nsummary = \"new\"\n");
    let merged = merge_file(BASE.as_bytes(), ours.as_bytes(), theirs.as_bytes(), None, today);
    assert!(!merged.conflicted());
    let visit = "\n[[interaction]]\ndate = 2026-10-05\nkind = \"call\"\nsummary = \"new\"\n";
    let expected =
        BASE.replace("111", "222").replace("summary = \"first\"\n", &format!("summary = \"first\"\n{visit}"));
    let expected = format!("\u{FEFF}{}", crlf(&expected));
    assert_eq!(String::from_utf8_lossy(&merged.bytes), expected);
    // Not UTF-8: line by line, bytes kept.
    let latin = b"name = \"Caf\xe9\"\n".to_vec();
    let merged = merge_file(&latin, &latin, b"name = \"Cafe\"\n", None, today);
    assert!(merged.line_based && !merged.conflicted());
    assert_eq!(merged.bytes, b"name = \"Cafe\"\n");
}

#[test]
fn a_clean_merge_that_breaks_a_per_file_check_is_a_conflict() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let base = "name = \"A\"\nowner = \"li\"\nphone = \"1\"\n\n[[handover]]\ndate = 2026-09-01\nfrom = \"wang\"\nto = \"li\"\n";
    let ours = format!(
        "{}\n[[handover]]\ndate = 2026-10-01\nfrom = \"li\"\nto = \"zhang\"\n",
        base.replace("\"li\"\nphone", "\"zhang\"\nphone")
    );
    let theirs = format!("{base}\n[[handover]]\ndate = 2026-11-01\nfrom = \"li\"\nto = \"li\"\n");
    let merged =
        merge_file(base.as_bytes(), ours.as_bytes(), theirs.as_bytes(), Some("records/customers/a.toml"), today);
    assert_eq!(merged.conflicts, 0);
    assert!(merged.conflicted());
    let codes: Vec<&str> = merged.invalid.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["E022"]);
    // Both sides valid and the result too: no complaint.
    let merged = merge_file(base.as_bytes(), ours.as_bytes(), base.as_bytes(), None, today);
    assert!(!merged.conflicted());
}

#[test]
fn multi_line_notes_conflict_as_whole_key_lines() {
    let base = "name = \"A\"\nnotes = \"\"\"\nGood payer.\n\"\"\"\nowner = \"li\"\n";
    let ours = base.replace("Good payer.", "Good payer.\nWants samples.");
    let theirs = base.replace("Good payer.", "Pays late.");
    let merged = conflicted(base, &ours, &theirs);
    assert_eq!(
        merged.text,
        "name = \"A\"\n<<<<<<< ours\nnotes = \"\"\"\nGood payer.\nWants samples.\n\"\"\"\n=======\nnotes = \"\"\"\nPays late.\n\"\"\"\n>>>>>>> theirs\nowner = \"li\"\n"
    );
}

#[test]
fn a_table_only_theirs_added_goes_to_the_end() {
    let theirs = format!("{BASE}\n[plan]\ngoal = \"Grow\"\nreview = 2027-03-31\n");
    let ours = BASE.replace("kind = \"visit\"", "kind = \"call\"");
    let text = clean(BASE, &ours, &theirs);
    assert_eq!(text, format!("{ours}\n[plan]\ngoal = \"Grow\"\nreview = 2027-03-31\n"));
    // Added on both sides differently: per key, the keys only one side set are kept.
    let ours = format!("{BASE}\n[plan]\ngoal = \"Grow\"\n");
    let theirs = format!("{BASE}\n[plan]\nreview = 2027-03-31\n");
    assert_eq!(clean(BASE, &ours, &theirs), format!("{ours}review = 2027-03-31\n"));
}
