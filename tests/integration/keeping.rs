//! SPEC 12 (promises, complaint targets, deliveries, the team's rates, the owners' targets and
//! the follow-ups promise, escalate, delivery and plan) end to end.
//!
//! `tests/keeping/<case>/records/` is run at `tests/keeping/<case>/TODAY` and compared with
//! `tests/keeping/<case>/expected.json`, computed by hand from SPEC (the boundaries each entry
//! stands for are commented in the records): never regenerate it from the output. Objects are
//! compared on the keys the expected file has; owners are matched by id; the agenda's items of
//! SPEC 12.3's kinds must be exactly the expected ones, in order (date, kind, customer).
//!
//! Then the proof that SPEC 12 changes no value of sections 6–10 for a tree without its keys:
//! `tests/fixtures/<case>/before12.json` is what the binary printed before SPEC 12 (the commit
//! the work started from); the export of today, restricted to the keys and kinds that existed
//! then, must be byte for byte the same.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::export::{compare, compare_customers, path_str};
use crate::{exit_code, fixture, run, stderr, stdout};

/// The agenda kinds of SPEC 12.3, in their order.
const SPEC12_KINDS: [&str; 4] = ["promise", "escalate", "delivery", "plan"];

/// The fields an agenda item is compared on.
const AGENDA_FIELDS: [&str; 5] = ["date", "status", "kind", "customer", "owner"];

fn cases(root: &str) -> Vec<String> {
    let dir = fixture(root);
    let mut cases: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()))
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fixture folders under {}", dir.display());
    cases
}

/// The export of a fixture folder (its `records/` at its `TODAY`).
fn export(dir: &Path) -> Value {
    let today = fs::read_to_string(dir.join("TODAY")).unwrap_or_else(|err| panic!("{}/TODAY: {err}", dir.display()));
    let records = dir.join("records");
    let output = run(&["export", "--format", "json", "--records", path_str(&records), "--today", today.trim()]);
    assert_eq!(exit_code(&output), 0, "{}: {}", dir.display(), stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap_or_else(|err| panic!("{}: not JSON: {err}", dir.display()))
}

fn agenda_key(item: &Value) -> String {
    AGENDA_FIELDS.iter().map(|f| item[*f].as_str().unwrap_or("<none>")).collect::<Vec<_>>().join(" ")
}

#[test]
fn every_keeping_fixture_matches_its_hand_computed_export() {
    let mut problems = Vec::new();
    for case in cases("keeping") {
        let dir = fixture("keeping").join(&case);
        let actual = export(&dir);
        let text = fs::read_to_string(dir.join("expected.json")).expect("expected.json");
        let expected: Value = serde_json::from_str(&text).expect("expected.json is JSON");
        let mut found = Vec::new();
        compare(&mut found, "today", &expected["today"], &actual["today"]);
        compare_customers(&mut found, &expected["customers"], &actual["customers"]);
        let got: Vec<String> = actual["agenda"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|i| SPEC12_KINDS.contains(&i["kind"].as_str().unwrap_or_default()))
            .map(agenda_key)
            .collect();
        let want: Vec<String> = expected["agenda"].as_array().into_iter().flatten().map(agenda_key).collect();
        if got != want {
            found.push(format!(
                "agenda:\n    expected: {}\n    got:      {}",
                want.join("\n              "),
                got.join("\n              ")
            ));
        }
        for owner in expected["owners"].as_array().into_iter().flatten() {
            let id = owner["id"].as_str().unwrap_or_default();
            match actual["owners"].as_array().into_iter().flatten().find(|o| o["id"] == id) {
                Some(o) => compare(&mut found, &format!("owners ({id})"), owner, o),
                None => found.push(format!("owners: `{id}` is missing")),
            }
        }
        compare(&mut found, "team", &expected["team"], &actual["team"]);
        problems.extend(found.into_iter().map(|p| format!("{case}: {p}")));
    }
    assert!(problems.is_empty(), "{} mismatch(es):\n  {}", problems.len(), problems.join("\n  "));
}

fn keys(value: &Value) -> Vec<&str> {
    value.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default()
}

#[test]
fn the_new_objects_have_spec_12s_keys_in_spec_12s_order() {
    let actual = export(&fixture("keeping/promises-and-targets"));
    let alpha = &actual["customers"][0];
    assert_eq!(
        keys(&alpha["complaints"][0]),
        [
            "opened",
            "summary",
            "severity",
            "category",
            "resolved",
            "responded",
            "resolution_days",
            "response_days",
            "respond_by",
            "responded_on_time",
            "resolve_by",
            "on_time"
        ]
    );
    assert_eq!(keys(&alpha["promises"][0]), ["made", "due", "what", "by", "kept", "status"]);
    assert_eq!(keys(&alpha["deliveries"][0]), ["date", "ref", "promised", "delivered", "late_days"]);
    let team = keys(&actual["team"]);
    assert_eq!(
        team[..11],
        [
            "customers",
            "revenue",
            "revenue_prev",
            "trend",
            "receivables",
            "overdue",
            "open_complaints",
            "retention",
            "complaints_on_time",
            "promises_kept",
            "deliveries_on_time"
        ],
        "SPEC 12.2's keys first, in its order"
    );
    assert_eq!(keys(&actual["team"]["retention"]), ["base", "retained", "rate"]);
    assert_eq!(keys(&actual["team"]["complaints_on_time"]), ["resolved", "on_time", "rate"]);
    assert_eq!(keys(&actual["team"]["promises_kept"]), ["due", "kept", "rate"]);
    assert_eq!(keys(&actual["team"]["deliveries_on_time"]), ["delivered", "on_time", "rate"]);
    let owner = keys(&actual["owners"][0]);
    assert_eq!(owner[owner.len() - 5..], ["target", "revenue", "attainment", "promises_kept", "win_rate"]);
    assert_eq!(keys(&actual["owners"][0]["promises_kept"]), ["due", "kept", "rate"]);
}

/// The customer keys, complaint keys, owner keys and team keys SPEC 12 added; `overdue` of the
/// owners counts the new follow-ups, and `due_this_week` and `agenda_load` count them too.
const NEW_CUSTOMER_KEYS: [&str; 3] = ["promises_open", "promises", "deliveries"];
const NEW_COMPLAINT_KEYS: [&str; 7] =
    ["summary", "responded", "response_days", "respond_by", "responded_on_time", "resolve_by", "on_time"];
const NEW_OWNER_KEYS: [&str; 6] = ["target", "revenue", "attainment", "promises_kept", "win_rate", "overdue"];
const NEW_TEAM_KEYS: [&str; 8] = [
    "retention",
    "complaints_on_time",
    "promises_kept",
    "deliveries_on_time",
    "won_lost",
    "week",
    "due_this_week",
    "agenda_load",
];

fn drop_keys(value: &mut Value, keys: &[&str]) {
    if let Some(map) = value.as_object_mut() {
        map.retain(|k, _| !keys.contains(&k.as_str()));
    }
}

fn each(value: &mut Value) -> impl Iterator<Item = &mut Value> {
    value.as_array_mut().into_iter().flatten()
}

/// An export restricted to what sections 6–10 (and the team figures that existed before
/// SPEC 12) say, pretty-printed.
fn before_12(mut export: Value) -> String {
    for customer in each(&mut export["customers"]) {
        drop_keys(customer, &NEW_CUSTOMER_KEYS);
        for complaint in each(&mut customer["complaints"]) {
            drop_keys(complaint, &NEW_COMPLAINT_KEYS);
        }
    }
    if let Some(agenda) = export["agenda"].as_array_mut() {
        agenda.retain(|i| !SPEC12_KINDS.contains(&i["kind"].as_str().unwrap_or_default()));
    }
    for owner in each(&mut export["owners"]) {
        drop_keys(owner, &NEW_OWNER_KEYS);
    }
    drop_keys(&mut export["team"], &NEW_TEAM_KEYS);
    format!("{}\n", serde_json::to_string_pretty(&export).expect("JSON"))
}

#[test]
fn a_tree_without_the_new_keys_keeps_every_value_of_sections_6_to_10() {
    let mut problems = Vec::new();
    for case in cases("fixtures") {
        let dir = fixture("fixtures").join(&case);
        let text = fs::read_to_string(dir.join("before12.json"))
            .unwrap_or_else(|err| panic!("tests/fixtures/{case}/before12.json: {err}"));
        let before: Value = serde_json::from_str(&text).expect("before12.json is JSON");
        let (old, now) = (before_12(before), before_12(export(&dir)));
        if old != now {
            let line = old.lines().zip(now.lines()).position(|(a, b)| a != b).unwrap_or(0);
            problems.push(format!(
                "{case}: line {}: before {:?}, now {:?}",
                line + 1,
                old.lines().nth(line).unwrap_or_default(),
                now.lines().nth(line).unwrap_or_default()
            ));
        }
    }
    assert!(problems.is_empty(), "values of sections 6–10 changed:\n  {}", problems.join("\n  "));
}

/// The fixture's records, with `language` set, in a temporary folder.
fn in_language(dir: &crate::TempDir, language: &str) -> std::path::PathBuf {
    let from = fixture("keeping/promises-and-targets/records");
    for rel in
        ["team.toml", "customers/alpha.toml", "customers/beta.toml", "customers/gamma.toml", "customers/delta.toml"]
    {
        dir.write(&format!("records/{rel}"), &fs::read_to_string(from.join(rel)).expect("a fixture file"));
    }
    let settings = fs::read_to_string(from.join("cardfile.toml")).expect("cardfile.toml");
    dir.write("records/cardfile.toml", &format!("language = \"{language}\"\n{settings}"));
    dir.path().join("records")
}

#[test]
fn every_new_value_is_explained_in_both_languages() {
    for (language, escalate) in
        [("en", "open 15 days, target 14: escalate"), ("zh-CN", "投诉已 15 天未解决，目标 14 天")]
    {
        let dir = crate::TempDir::new(&format!("keeping-explain-{language}"));
        let records = in_language(&dir, language);
        let output =
            run(&["export", "--format", "json", "--explain", "--records", path_str(&records), "--today", "2026-11-25"]);
        assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
        let json: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
        let explained = |value: &Value, keys: &[&str], what: &str| {
            for key in keys {
                let why = value["why"][*key].as_str().unwrap_or_default();
                assert!(!why.trim().is_empty(), "{language}: {what} has no why for `{key}`: {value}");
            }
        };
        for customer in json["customers"].as_array().expect("customers") {
            explained(customer, &["promises_open", "promises", "complaints", "deliveries", "risk"], "a customer");
        }
        explained(
            &json["team"],
            &["retention", "complaints_on_time", "promises_kept", "deliveries_on_time"],
            "the team",
        );
        for owner in json["owners"].as_array().expect("owners") {
            explained(owner, &["revenue", "attainment", "promises_kept", "win_rate", "overdue"], "an owner");
        }
        let alpha = &json["customers"][0]["why"];
        let zh = language == "zh-CN";
        assert_eq!(alpha["promises"].as_str().is_some_and(|w| w.contains("逾期")), zh, "{alpha}");
        let reasons: Vec<&str> = json["agenda"]
            .as_array()
            .expect("agenda")
            .iter()
            .filter(|i| i["kind"] == "escalate")
            .filter_map(|i| i["reason"].as_str())
            .collect();
        assert_eq!(reasons.len(), 1, "{reasons:?}");
        assert!(reasons[0].starts_with(escalate), "{language}: {reasons:?}");
        let plans: Vec<&str> = json["agenda"]
            .as_array()
            .expect("agenda")
            .iter()
            .filter(|i| i["kind"] == "plan")
            .filter_map(|i| i["reason"].as_str())
            .collect();
        let missing = if zh { "重点客户尚无关系管理计划" } else { "key customer without a plan" };
        assert!(plans.contains(&missing), "{language}: {plans:?}");
    }
}

#[test]
fn the_new_follow_ups_are_in_due_the_agenda_csv_and_the_calendars_for_their_owner() {
    let records = fixture("keeping/promises-and-targets/records");
    let records = path_str(&records);
    let output = run(&[
        "due",
        "--format",
        "json",
        "--records",
        records,
        "--today",
        "2026-11-25",
        "--owner",
        "wang",
        "--days",
        "7",
    ]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let items: Vec<Value> = serde_json::from_str(&stdout(&output)).expect("JSON");
    let kinds: Vec<(&str, &str)> =
        items.iter().map(|i| (i["kind"].as_str().unwrap_or("?"), i["customer"].as_str().unwrap_or("?"))).collect();
    assert!(kinds.contains(&("promise", "alpha")), "wang made the promise to alpha's: {kinds:?}");
    assert!(kinds.contains(&("plan", "beta")), "{kinds:?}");
    let output = run(&["due", "--records", records, "--today", "2026-11-25", "--kind", "escalate,delivery"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains(" escalate ") && text.contains(" delivery ") && !text.contains(" promise "), "{text}");

    let tmp = crate::TempDir::new("keeping-site");
    let out = tmp.path().join("site");
    let output = run(&["build", "--records", records, "--out", path_str(&out), "--today", "2026-11-25"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let csv = fs::read_to_string(out.join("data/agenda.csv")).expect("agenda.csv");
    for row in [
        "2026-11-24,overdue,promise,alpha,wang,",
        "2026-11-25,today,escalate,alpha,zhang,",
        "2026-11-20,overdue,delivery,alpha,zhang,",
    ] {
        assert!(csv.contains(row), "agenda.csv lacks {row}:\n{csv}");
    }
    let all = fs::read_to_string(out.join("agenda.ics")).expect("agenda.ics");
    assert!(all.contains("UID:plan-alpha@cardfile") && all.contains("UID:plan-beta@cardfile"), "one plan per customer");
    let wang = fs::read_to_string(out.join("owners/wang.ics")).expect("owners/wang.ics");
    assert!(wang.contains("CATEGORIES:promise") && wang.contains("UID:promise-alpha-"), "{wang}");
    let zhang = fs::read_to_string(out.join("owners/zhang.ics")).expect("owners/zhang.ics");
    assert!(zhang.contains("CATEGORIES:escalate") && zhang.contains("CATEGORIES:delivery"), "{zhang}");
}
