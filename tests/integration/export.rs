//! `cardfile export`: every value of SPEC 6 and 7 on small fixture trees under
//! `tests/fixtures/<case>/records/`, run at the date in `tests/fixtures/<case>/TODAY`, compared
//! with `tests/fixtures/<case>/expected.json`.
//!
//! The expected files were computed by hand from SPEC, not by running the binary: never
//! regenerate them from the output. The comparison is structural (both sides parsed as JSON):
//!
//! * every key of an expected object must be in the output with the same value; keys the output
//!   adds (SPEC 10.2's extra keys, the `owners` array, the `team` figures beyond SPEC 12.2's
//!   seven that need no new record key) are not compared here;
//! * customers are matched by id, and must come sorted by id;
//! * the agenda is compared on date, status, kind, customer and owner, in order; its `reason` is
//!   our wording, so it is only required to be a non-empty string. Items of SPEC 10.3's kinds
//!   (winback, survey, …) are left out of the output before comparing: the fixtures use none of
//!   SPEC 10's keys and test the eight kinds of SPEC 7.
//!
//! Every mismatch of every fixture is reported in one failure.

use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

use crate::{TODAY, TempDir, exit_code, fixture, run, stderr, stdout};

/// The agenda kinds of SPEC 7, in their order.
const SPEC7_KINDS: [&str; 8] =
    ["contact", "birthday", "complaint", "collection", "renewal", "welcome", "reorder", "holiday"];

/// The fields an agenda item is compared on.
const AGENDA_FIELDS: [&str; 5] = ["date", "status", "kind", "customer", "owner"];

/// The CSV header SPEC 9 implies: the customer fields of the JSON export, flattened with dots.
const CSV_HEADER: &str = "id,name,owner,region,tags,class,lifecycle,revenue,orders,profit,first_order,last_order,\
recency_days,cycle_days,expected_order,credit.grade,credit.exposure,credit.overdue,credit.over_limit,score,\
completeness,last_contact";

#[test]
fn every_fixture_matches_its_hand_computed_export() {
    let root = fixture("fixtures");
    let cases = fixture_folders();
    let mut problems = Vec::new();
    for case in &cases {
        for problem in compare_case(&root.join(case)) {
            problems.push(format!("{case}: {problem}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} mismatch(es) between the export and the hand-computed expected.json:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// Every folder of `tests/fixtures/`, each of which must hold both `expected.json` and
/// `section9.json` (a folder without them is a mistake, not a case to skip).
fn fixture_folders() -> Vec<String> {
    let root = fixture("fixtures");
    let mut cases: Vec<String> = fs::read_dir(&root)
        .unwrap_or_else(|err| panic!("cannot list {}: {err}", root.display()))
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fixture folders under {}", root.display());
    for case in &cases {
        for file in ["expected.json", "section9.json", "TODAY"] {
            assert!(root.join(case).join(file).is_file(), "tests/fixtures/{case} has no {file}");
        }
    }
    cases
}

/// Runs the export of one fixture folder and returns every difference from its expected.json.
fn compare_case(dir: &Path) -> Vec<String> {
    let today = fs::read_to_string(dir.join("TODAY")).unwrap_or_else(|err| panic!("{}/TODAY: {err}", dir.display()));
    let today = today.trim();
    let records = dir.join("records");
    let output = run(&["export", "--format", "json", "--records", path_str(&records), "--today", today]);
    if exit_code(&output) != 0 {
        return vec![format!("export exited with {}: {}", exit_code(&output), stderr(&output))];
    }
    let actual: Value = match serde_json::from_str(&stdout(&output)) {
        Ok(v) => v,
        Err(err) => return vec![format!("the export is not JSON ({err}):\n{}", stdout(&output))],
    };
    let text = fs::read_to_string(dir.join("expected.json")).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
    let expected: Value =
        serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}/expected.json: {err}", dir.display()));

    let mut problems = Vec::new();
    compare(&mut problems, "today", &expected["today"], &actual["today"]);
    compare_customers(&mut problems, &expected["customers"], &actual["customers"]);
    compare_agenda(&mut problems, &expected["agenda"], &actual["agenda"]);
    if !expected["team"].is_null() {
        compare(&mut problems, "team", &expected["team"], &actual["team"]);
    }
    problems
}

/// Compares the customers of an export with the expected ones, matched by id, in id order.
pub(crate) fn compare_customers(problems: &mut Vec<String>, expected: &Value, actual: &Value) {
    let (Some(expected), Some(actual)) = (expected.as_array(), actual.as_array()) else {
        problems.push(format!("customers: expected an array, got {actual}"));
        return;
    };
    let id = |c: &Value| c["id"].as_str().unwrap_or("?").to_owned();
    let actual_ids: Vec<String> = actual.iter().map(id).collect();
    let mut sorted = actual_ids.clone();
    sorted.sort();
    if actual_ids != sorted {
        problems.push(format!("customers: not sorted by id: {actual_ids:?}"));
    }
    for (i, want) in expected.iter().enumerate() {
        let want_id = id(want);
        match actual.iter().position(|c| id(c) == want_id) {
            Some(j) => {
                if i != j {
                    problems.push(format!("customers: `{want_id}` is at index {j}, expected {i}"));
                }
                compare(problems, &format!("customers[{i}] ({want_id})"), want, &actual[j]);
            }
            None => problems.push(format!("customers: `{want_id}` is missing")),
        }
    }
    let expected_ids: Vec<String> = expected.iter().map(id).collect();
    for extra in actual_ids.iter().filter(|a| !expected_ids.contains(a)) {
        problems.push(format!("customers: unexpected customer `{extra}`"));
    }
}

/// Compares `actual` with `expected`; objects only on the keys `expected` has.
pub(crate) fn compare(problems: &mut Vec<String>, path: &str, expected: &Value, actual: &Value) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) => {
            for (key, w) in want {
                match got.get(key) {
                    Some(g) => compare(problems, &format!("{path}.{key}"), w, g),
                    None => problems.push(format!("{path}.{key}: expected {w}, but the key is missing")),
                }
            }
        }
        (Value::Array(want), Value::Array(got)) => {
            if want.len() != got.len() {
                problems.push(format!("{path}: expected {expected}, got {actual}"));
                return;
            }
            for (i, (w, g)) in want.iter().zip(got).enumerate() {
                compare(problems, &format!("{path}[{i}]"), w, g);
            }
        }
        (Value::Number(want), Value::Number(got)) => {
            if want.as_f64() != got.as_f64() {
                problems.push(format!("{path}: expected {want}, got {got}"));
            }
        }
        _ => {
            if expected != actual {
                problems.push(format!("{path}: expected {expected}, got {actual}"));
            }
        }
    }
}

/// An agenda item as `date status kind customer owner`.
fn agenda_key(item: &Map<String, Value>) -> String {
    AGENDA_FIELDS.iter().map(|f| item.get(*f).and_then(Value::as_str).unwrap_or("<none>")).collect::<Vec<_>>().join(" ")
}

fn compare_agenda(problems: &mut Vec<String>, expected: &Value, actual: &Value) {
    let (Some(expected), Some(actual)) = (expected.as_array(), actual.as_array()) else {
        problems.push(format!("agenda: expected an array, got {actual}"));
        return;
    };
    let mut got = Vec::new();
    for (i, item) in actual.iter().enumerate() {
        let Some(item) = item.as_object() else {
            problems.push(format!("agenda[{i}]: not an object: {item}"));
            continue;
        };
        if item.get("reason").and_then(Value::as_str).is_none_or(|r| r.trim().is_empty()) {
            problems.push(format!("agenda[{i}].reason: expected a non-empty string, got {:?}", item.get("reason")));
        }
        if item.get("kind").and_then(Value::as_str).is_some_and(|k| SPEC7_KINDS.contains(&k)) {
            got.push(agenda_key(item));
        }
    }
    let want: Vec<String> = expected.iter().filter_map(Value::as_object).map(agenda_key).collect();
    if want == got {
        return;
    }
    let mut missing = want.clone();
    let mut unexpected = Vec::new();
    for g in &got {
        match missing.iter().position(|w| w == g) {
            Some(p) => {
                missing.remove(p);
            }
            None => unexpected.push(g.clone()),
        }
    }
    for m in &missing {
        problems.push(format!("agenda: missing item `{m}`"));
    }
    for u in &unexpected {
        problems.push(format!("agenda: unexpected item `{u}`"));
    }
    if missing.is_empty() && unexpected.is_empty() {
        problems.push(format!(
            "agenda: the right items in the wrong order:\n    expected: {}\n    got:      {}",
            want.join("\n              "),
            got.join("\n              ")
        ));
    }
}

pub(crate) fn path_str(path: &Path) -> &str {
    path.to_str().expect("fixture paths are UTF-8")
}

/// A small valid tree: two owners, two customers (one each), run at [`TODAY`].
fn small_tree(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write(
        "records/team.toml",
        "[[member]]\nid = \"zhang\"\nname = \"Zhang\"\n\n[[member]]\nid = \"wang\"\nname = \"Wang\"\n",
    );
    dir.write(
        "records/customers/acme.toml",
        "name = \"Acme, Ltd.\"\nowner = \"zhang\"\nphone = \"1\"\n\n[[order]]\ndate = 2026-10-01\namount = 100\n",
    );
    dir.write("records/customers/east/beta.toml", "name = \"Beta\"\nowner = \"wang\"\nphone = \"2\"\n");
    dir
}

#[test]
fn csv_has_the_spec_header_and_one_row_per_customer() {
    let records = fixture("fixtures/abc-boundaries/records");
    let output = run(&["export", "--format", "csv", "--records", path_str(&records), "--today", "2026-11-25"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(!text.starts_with('\u{feff}'), "plain CSV must not start with a BOM");
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.first().copied().unwrap_or_default();
    assert!(header.starts_with(&format!("{CSV_HEADER},")), "the SPEC 9 columns come first; full output:\n{text}");
    assert!(
        header.ends_with(
            ",revenue_prev,trend,lifetime_revenue,satisfaction,satisfaction_date,coverage,risk,pipeline,won,referrals,promises_open,changed,changed_by"
        ),
        "then SPEC 10.2's, 12.2's and 11.1's:\n{header}"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let ids: Vec<String> = reader.records().map(|r| r.expect("a CSV row")[0].to_owned()).collect();
    assert_eq!(ids, ["alpha", "beta", "low", "none", "tie-a", "tie-b", "zero"], "one row per customer:\n{text}");
}

#[test]
fn csv_quotes_fields_and_keeps_columns() {
    let dir = small_tree("export-csv");
    let records = dir.path().join("records");
    let output = run(&["export", "--format", "csv", "--records", path_str(&records), "--today", TODAY]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let width = reader.headers().expect("a header").len();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a CSV row")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows.iter().all(|r| r.len() == width), "every row has {width} fields:\n{text}");
    assert_eq!(&rows[0][1], "Acme, Ltd.", "a comma in a name is quoted:\n{text}");
}

#[test]
fn csv_excel_starts_with_a_bom() {
    let records = fixture("fixtures/abc-boundaries/records");
    let output =
        run(&["export", "--format", "csv", "--excel", "--records", path_str(&records), "--today", "2026-11-25"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.starts_with(&[0xEF, 0xBB, 0xBF]), "--excel output must start with a UTF-8 BOM");
    let rest = String::from_utf8(output.stdout[3..].to_vec()).expect("UTF-8");
    assert!(rest.lines().next().is_some_and(|h| h.starts_with(CSV_HEADER)));
}

#[test]
fn export_with_errors_exits_1_and_prints_nothing() {
    let dir = small_tree("export-errors");
    dir.write("records/customers/broken.toml", "name = \"Broken\"\nowner = \"nobody\"\n");
    let records = dir.path().join("records");
    for format in ["json", "csv"] {
        let output = run(&["export", "--format", format, "--records", path_str(&records), "--today", TODAY]);
        assert_eq!(exit_code(&output), 1, "export --format {format} on errors; stderr:\n{}", stderr(&output));
        assert!(output.stdout.is_empty(), "nothing on stdout on errors, got:\n{}", stdout(&output));
        assert!(!stderr(&output).trim().is_empty(), "the errors are reported on stderr");
    }
}

#[test]
fn export_with_warnings_still_exports() {
    let dir = small_tree("export-warnings");
    // No way to reach anyone, and an order dated after today: two warnings.
    dir.write(
        "records/customers/quiet.toml",
        "name = \"Quiet\"\nowner = \"zhang\"\n\n[[order]]\ndate = 2026-12-01\namount = 5\n",
    );
    let records = dir.path().join("records");
    let output = run(&["export", "--format", "json", "--records", path_str(&records), "--today", TODAY]);
    assert_eq!(exit_code(&output), 0, "warnings do not stop the export; stderr:\n{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("JSON on stdout");
    let ids: Vec<&str> =
        json["customers"].as_array().expect("customers").iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, ["acme", "beta", "quiet"]);
    let quiet = &json["customers"][2];
    assert_eq!(quiet["orders"], 0, "the order after today is left out: {quiet}");
    assert_eq!(quiet["lifecycle"], "prospect", "the order after today is left out: {quiet}");
}

#[test]
fn due_with_nothing_due_says_so() {
    let dir = TempDir::new("due-nothing");
    dir.write("records/team.toml", "[[member]]\nid = \"zhang\"\nname = \"Zhang\"\n");
    dir.write(
        "records/customers/calm.toml",
        "name = \"Calm\"\nowner = \"zhang\"\nphone = \"1\"\n\n[[interaction]]\ndate = 2026-11-20\nkind = \"call\"\n\
         summary = \"Fine.\"\nnext = 2026-12-03\n",
    );
    let records = dir.path().join("records");
    let output = run(&["due", "--records", path_str(&records), "--today", TODAY, "--days", "7"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    assert!(
        stdout(&output).contains("nothing due in the next 7 days"),
        "expected the English 'nothing due' line, got:\n{}",
        stdout(&output)
    );
    // The follow-up on 2026-12-03 (8 days ahead) shows with --days 8.
    let output = run(&["due", "--records", path_str(&records), "--today", TODAY, "--days", "8"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    assert!(!stdout(&output).contains("nothing due"), "{}", stdout(&output));
}

#[test]
fn due_owner_lists_only_that_owners_items() {
    let records = fixture("fixtures/abc-boundaries/records");
    let due = |extra: &[&str]| -> Vec<Value> {
        let mut args = vec!["due", "--format", "json", "--records", path_str(&records), "--today", "2026-11-25"];
        args.extend_from_slice(extra);
        let output = run(&args);
        assert_eq!(exit_code(&output), 0, "due {extra:?}: {}", stderr(&output));
        let json: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
        json.as_array().expect("an array").clone()
    };
    let all = due(&["--days", "30"]);
    let owners = |items: &[Value]| -> Vec<String> {
        items.iter().map(|i| i["owner"].as_str().unwrap_or("?").to_owned()).collect()
    };
    assert!(owners(&all).contains(&"zhang".to_owned()) && owners(&all).contains(&"wang".to_owned()), "{all:?}");
    let wang = due(&["--days", "30", "--owner", "wang"]);
    assert!(!wang.is_empty() && owners(&wang).iter().all(|o| o == "wang"), "{wang:?}");
    // wang's SPEC 7 items in this tree: the contacts of tie-a and tie-b (SPEC 10.3 kinds may add more).
    let spec7: Vec<&str> = wang
        .iter()
        .filter(|i| i["kind"].as_str().is_some_and(|k| SPEC7_KINDS.contains(&k)))
        .filter_map(|i| i["customer"].as_str())
        .collect();
    assert_eq!(spec7, ["tie-a", "tie-b"], "{wang:?}");
    let zhang = due(&["--days", "30", "--owner", "zhang"]);
    assert!(!zhang.is_empty() && owners(&zhang).iter().all(|o| o == "zhang"), "{zhang:?}");
}

/// SPEC 10 is additive: restricted to SPEC 9's keys and SPEC 7's kinds (so without `owners`
/// and SPEC 12.2's `team`), the export of every fixture is byte for byte what the binary
/// printed before section 10 existed (`section9.json`, written by that binary and committed).
#[test]
fn section_10_leaves_the_section_9_output_byte_identical() {
    const KINDS: [&str; 8] =
        ["contact", "birthday", "complaint", "collection", "renewal", "welcome", "reorder", "holiday"];
    let mut problems = Vec::new();
    for case in fixture_folders() {
        let dir = fixture("fixtures").join(case);
        let before = fs::read_to_string(dir.join("section9.json")).expect("section9.json");
        let today = fs::read_to_string(dir.join("TODAY")).expect("TODAY");
        let records = dir.join("records");
        let output = run(&["export", "--format", "json", "--records", path_str(&records), "--today", today.trim()]);
        let mut now: Value = serde_json::from_str(&stdout(&output)).expect("export is JSON");
        let old: Value = serde_json::from_str(&before).expect("section9.json is JSON");
        let keys: Vec<String> =
            old["customers"][0].as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
        if let Some(map) = now.as_object_mut() {
            map.remove("owners");
            map.remove("team");
        }
        for customer in now["customers"].as_array_mut().into_iter().flatten() {
            if let Some(map) = customer.as_object_mut() {
                map.retain(|k, _| keys.is_empty() || keys.contains(k));
            }
        }
        if let Some(agenda) = now["agenda"].as_array_mut() {
            agenda.retain(|i| KINDS.contains(&i["kind"].as_str().unwrap_or_default()));
        }
        let projected = format!("{}\n", serde_json::to_string_pretty(&now).expect("JSON"));
        if projected != before {
            problems.push(dir.display().to_string());
        }
    }
    assert!(problems.is_empty(), "section-9 output changed for: {problems:?}");
}
