//! `cardfile check`: every rule of SPEC 3 (and 10.1) on a fixture tree under
//! `tests/check/<case>/records/`, compared with `tests/check/<case>/expected.json` (the exact
//! output of `check --format json --today 2026-11-25`); then the human and GitHub formats, and
//! the I/O problems that cannot be committed (links, permissions), built at test time.

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::{TODAY, TempDir, assert_matches_expected, exit_code, fixture, run, run_in, stderr, stdout};

mod careless;

/// One test per fixture case: `name => exit code [the codes it reports], extra arguments…;`.
macro_rules! cases {
    ($($name:ident => $exit:literal [$($code:literal),*] $(, $arg:literal)*;)*) => {
        $(
            #[test]
            fn $name() {
                check_case(stringify!($name), $exit, &[$($code),*], &[$($arg),*]);
            }
        )*

        /// Every case that has a test, to find fixture folders that have none.
        const CASES: &[&str] = &[$(stringify!($name)),*];
    };
}

cases! {
    fine => 0 [];
    bom_crlf => 0 [];
    same_dates => 0 [];
    unknown_keys => 1 ["E010"];
    wrong_types => 1 ["E011"];
    missing_keys => 1 ["E012"];
    enumerations => 1 ["E013"];
    ranges => 1 ["E014"];
    invalid_ids => 1 ["E015"];
    duplicate_id => 1 ["E016"];
    unknown_members => 1 ["E017"];
    date_order => 1 ["E018"];
    duplicate_ref => 1 ["E012", "E019"];
    negative_money => 1 ["E020"];
    many_errors => 1 ["E010", "E012", "E014", "E017", "E020"];
    merge_conflict => 1 ["E003"];
    bom_crlf_error => 1 ["E013", "E014"];
    invalid_utf8 => 1 ["E002", "E017"];
    syntax_error => 1 ["E004", "E014", "E017"];
    warnings => 0 ["W001", "W002", "W003", "W004", "W005"];
    deny_warnings => 1 ["W002"], "--deny-warnings";
    missing_team => 1 ["E006"];
    broken_team => 1 ["E004", "E014"];
    team_errors => 1 ["E010", "E012", "E015", "E016"];
    referrals => 1 ["E021"];
    handover_owner => 1 ["E022"];
    opportunities => 1 ["E013", "E018", "E023"];
    owner_left => 0 ["W006"];
    order_after_loss => 1 ["E012", "E013", "W007"];
    settings_errors => 1 ["E010", "E024"];
    bounds => 1 ["E011", "E024", "E025", "E026"];
    promises => 1 ["E010", "E011", "E012", "E017", "E018", "W001"];
    delivery_dates => 1 ["E011", "E018"];
    missing_reason => 1 ["E011", "E013", "W009"];
    plan_and_targets => 1 ["E010", "E011", "E012", "E014", "E020"];
}

/// Runs `check --format json` on a case's records and compares output, exit code and the set
/// of diagnostic codes; each diagnostic has SPEC 9's keys in SPEC 9's order.
fn check_case(case: &str, exit: i32, codes: &[&str], extra: &[&str]) {
    let dir = fixture(&format!("check/{case}"));
    let records = dir.join("records");
    let records = records.to_str().unwrap_or_else(|| panic!("non-UTF-8 path {}", records.display()));
    let mut args = vec!["check", "--records", records, "--today", TODAY, "--format", "json"];
    args.extend_from_slice(extra);
    let output = run(&args);
    assert_eq!(stderr(&output), "", "{case}: --format json writes nothing to stderr");
    assert_matches_expected(&stdout(&output), &dir.join("expected.json"));
    assert_eq!(exit_code(&output), exit, "{case}: exit code; output:\n{}", stdout(&output));
    let items: Vec<serde_json::Map<String, Value>> = serde_json::from_str(&stdout(&output)).expect("a JSON array");
    let mut found: Vec<&str> = Vec::new();
    for item in &items {
        let keys: Vec<&str> = item.keys().map(String::as_str).collect();
        assert_eq!(keys, ["severity", "code", "file", "line", "column", "message"], "{case}: keys of {item:?}");
        let code = item["code"].as_str().unwrap_or_default();
        if !found.contains(&code) {
            found.push(code);
        }
    }
    found.sort_unstable();
    assert_eq!(found, codes, "{case}: the codes reported");
}

#[test]
fn every_fixture_folder_has_a_test() {
    let mut folders: Vec<String> = fs::read_dir(fixture("check"))
        .expect("tests/check exists")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut cases: Vec<String> = CASES.iter().map(|c| c.to_string()).collect();
    cases.sort();
    assert_eq!(folders, cases, "each folder under tests/check needs a line in `cases!`, and each line a folder");
}

#[test]
fn deny_warnings_leaves_a_clean_tree_alone() {
    let records = fixture("check/fine/records");
    let output = run(&["check", "--records", path(&records), "--today", TODAY, "--deny-warnings"]);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_else(|| panic!("non-UTF-8 path {}", p.display()))
}

// The human format ---------------------------------------------------------------------------

/// A tree with exactly two errors and one warning in three files.
fn two_errors_one_warning() -> TempDir {
    let dir = TempDir::new("human");
    dir.write("records/team.toml", "[[member]]\nid = \"zhang\"\nname = \"张伟\"\n");
    dir.write(
        "records/customers/acme.toml",
        "name = \"Acme\"\nowner = \"zhang\"\nphone = \"1\"\n\n[[order]]\ndate = 2026-09-01\n    amout = 12000\n",
    );
    dir.write("records/customers/beta.toml", "name = \"Beta\"\nowner = \"zhang\"\n");
    dir
}

#[test]
fn human_format_shows_code_place_caret_help_and_summary() {
    let dir = two_errors_one_warning();
    let records = dir.path().join("records");
    let output = run(&["check", "--records", path(&records), "--today", TODAY]);
    let text = stderr(&output);
    assert_eq!(exit_code(&output), 1, "{text}");
    assert_eq!(stdout(&output), "", "the human format writes to stderr");
    assert!(text.contains("error[E010]: unknown key `amout` in [[order]]"), "{text}");
    assert!(text.contains("customers/acme.toml:7:5"), "the key is on line 7, column 5:\n{text}");
    assert!(text.contains("error[E012]: [[order]] is missing the required key `amount`"), "{text}");
    assert!(text.contains("customers/acme.toml:5:1"), "{text}");
    assert!(text.contains("warning[W003]: no way to reach Beta"), "{text}");
    assert!(text.contains("7 │     amout = 12000\n  │     ^^^^^"), "a caret line under the key:\n{text}");
    assert!(text.contains("= help: did you mean `amount`?"), "{text}");
    assert!(text.ends_with("2 errors, 1 warning in 3 files\n"), "{text}");
}

#[test]
fn human_format_of_a_clean_tree_is_the_summary_alone() {
    let records = fixture("check/fine/records");
    let output = run(&["check", "--records", path(&records), "--today", TODAY]);
    assert_eq!(exit_code(&output), 0);
    assert_eq!(stderr(&output), "0 errors, 0 warnings in 4 files\n");
}

#[test]
fn human_format_names_a_merge_conflict_on_its_marker_line() {
    let records = fixture("check/merge_conflict/records");
    let output = run(&["check", "--records", path(&records), "--today", TODAY]);
    let text = stderr(&output);
    assert!(text.contains("error[E003]: unresolved git merge conflict"), "{text}");
    assert!(text.contains("customers/acme.toml:8:1"), "{text}");
    assert!(text.contains("the other side's lines start here"), "secondary labels:\n{text}");
    assert!(text.contains("the conflict ends here"), "{text}");
}

// The GitHub format --------------------------------------------------------------------------

#[test]
fn github_format_annotates_files_from_the_repository_root() {
    let records = fixture("check/many_errors/records");
    let output = run(&["check", "--records", path(&records), "--today", TODAY, "--format", "github"]);
    let text = stdout(&output);
    assert_eq!(exit_code(&output), 1, "{text}");
    let prefix = "tests/check/many_errors/records/";
    let first =
        format!("::error file={prefix}customers/acme.toml,line=4,col=12,title=E014::`prospect` in the customer");
    assert!(text.starts_with(&first), "{text}");
    assert!(text.contains(&format!("::error file={prefix}customers/beta.toml,line=2,col=9,title=E017::")), "{text}");
    assert_eq!(text.lines().filter(|l| l.starts_with("::error ")).count(), 6, "{text}");
    assert!(text.ends_with("6 errors, 0 warnings in 4 files\n"), "{text}");
}

#[test]
fn github_format_marks_warnings_as_warnings() {
    let dir = two_errors_one_warning();
    let output = run_in(dir.path(), &["check", "--records", "records", "--today", TODAY, "--format", "github"]);
    let text = stdout(&output);
    assert!(text.contains("::warning file="), "{text}");
    assert!(text.contains("records/customers/beta.toml,line=1,col=1,title=W003::no way to reach Beta"), "{text}");
}

// I/O problems, built at test time ------------------------------------------------------------

/// A tree with a team and one customer whose owner is unknown (an ordinary error that must
/// still be reported next to the I/O problem).
pub(super) fn tree_with_one_error(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("records/team.toml", "[[member]]\nid = \"zhang\"\nname = \"张伟\"\n");
    dir.write("records/customers/acme.toml", "name = \"Acme\"\nowner = \"nobody\"\nphone = \"1\"\n");
    dir
}

/// `check --format json` on `dir/records`: the exit code and the parsed diagnostics.
pub(super) fn check_json(dir: &TempDir) -> (i32, Vec<Value>) {
    let output = run_in(dir.path(), &["check", "--records", "records", "--today", TODAY, "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|err| panic!("not JSON ({err}):\n{}{}", stdout(&output), stderr(&output)));
    (exit_code(&output), json.as_array().cloned().unwrap_or_default())
}

/// The diagnostic about `file`, which must be the only one about it.
pub(super) fn only_about<'a>(diagnostics: &'a [Value], file: &str) -> &'a Value {
    let about: Vec<&Value> = diagnostics.iter().filter(|d| d["file"] == file).collect();
    assert_eq!(about.len(), 1, "one diagnostic about {file}: {diagnostics:#?}");
    about[0]
}

pub(super) fn assert_unknown_owner_still_reported(diagnostics: &[Value]) {
    let d = only_about(diagnostics, "customers/acme.toml");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(2), Some(9)), "{d}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_records_is_refused() {
    let dir = tree_with_one_error("link-out");
    let outside = dir.write("secret.toml", "name = \"Elsewhere\"\nowner = \"zhang\"\nphone = \"1\"\n");
    std::os::unix::fs::symlink(&outside, dir.path().join("records/customers/evil.toml")).expect("symlink");
    fs::create_dir_all(dir.path().join("elsewhere")).expect("mkdir");
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), dir.path().join("records/customers/far"))
        .expect("symlink");
    let (exit, diagnostics) = check_json(&dir);
    assert_eq!(exit, 1, "a link out is an error of the records, not of I/O: {diagnostics:#?}");
    for file in ["customers/evil.toml", "customers/far"] {
        assert_eq!(only_about(&diagnostics, file)["code"], "E005");
        let d = only_about(&diagnostics, file);
        assert_eq!(d["severity"], "error");
        let message = d["message"].as_str().unwrap_or_default();
        assert!(message.starts_with("symbolic link leads outside the records directory"), "{message}");
    }
    assert_unknown_owner_still_reported(&diagnostics);
    assert_eq!(diagnostics.len(), 3, "nothing is read through the links: {diagnostics:#?}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_reported_without_hanging() {
    let dir = tree_with_one_error("link-loop");
    fs::create_dir_all(dir.path().join("records/customers/east")).expect("mkdir");
    std::os::unix::fs::symlink("../..", dir.path().join("records/customers/east/loop")).expect("symlink");
    std::os::unix::fs::symlink("self.toml", dir.path().join("records/customers/self.toml")).expect("symlink");

    let mut child = crate::cardfile()
        .args(["check", "--records", "records", "--today", TODAY])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run cardfile");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("check did not finish within 30 s on a symbolic link loop");
        }
        std::thread::sleep(Duration::from_millis(20));
    }

    let (exit, diagnostics) = check_json(&dir);
    assert_eq!(exit, 2, "{diagnostics:#?}");
    let d = only_about(&diagnostics, "customers/east/loop");
    assert!(d["message"].as_str().unwrap_or_default().starts_with("symbolic link loop"), "{d}");
    let d = only_about(&diagnostics, "customers/self.toml");
    assert!(d["message"].as_str().unwrap_or_default().starts_with("cannot follow symbolic link"), "{d}");
    assert_unknown_owner_still_reported(&diagnostics);
}

#[cfg(unix)]
#[test]
fn a_broken_symbolic_link_matters_only_where_a_record_would_be() {
    let dir = tree_with_one_error("link-broken");
    fs::create_dir_all(dir.path().join("records/images")).expect("mkdir");
    std::os::unix::fs::symlink("missing.png", dir.path().join("records/images/logo.png")).expect("symlink");
    std::os::unix::fs::symlink("missing", dir.path().join("records/.cache")).expect("symlink");
    std::os::unix::fs::symlink("missing.toml", dir.path().join("records/customers/gone.toml")).expect("symlink");
    let (exit, diagnostics) = check_json(&dir);
    assert_eq!(exit, 2, "{diagnostics:#?}");
    let d = only_about(&diagnostics, "customers/gone.toml");
    assert!(d["message"].as_str().unwrap_or_default().starts_with("cannot follow symbolic link"), "{d}");
    assert_unknown_owner_still_reported(&diagnostics);
    assert_eq!(diagnostics.len(), 2, "the image and the dot-file are ignored: {diagnostics:#?}");
}

#[test]
fn a_directory_named_like_a_record_is_an_io_error() {
    let dir = tree_with_one_error("dir-toml");
    fs::create_dir_all(dir.path().join("records/customers/x.toml")).expect("mkdir");
    let (exit, diagnostics) = check_json(&dir);
    assert_eq!(exit, 2, "{diagnostics:#?}");
    let d = only_about(&diagnostics, "customers/x.toml");
    assert_eq!((d["severity"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some("error"), Some(1), Some(1)));
    assert!(d["message"].as_str().unwrap_or_default().starts_with("this is a directory, not a file"), "{d}");
    assert_unknown_owner_still_reported(&diagnostics);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tree_with_one_error("unreadable");
    let secret = dir.write("records/customers/secret.toml", "name = \"Secret\"\nowner = \"zhang\"\nphone = \"1\"\n");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).expect("chmod");
    // As root (whom chmod does not stop) the check runs as the user nobody.
    let args = ["check", "--records", "records", "--today", TODAY, "--format", "json"];
    let Some(mut command) = crate::unprivileged(dir.path(), &args) else { return };
    let output = command.output().unwrap_or_else(|err| panic!("cannot run cardfile check: {err}"));
    let json: Value = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|err| panic!("not JSON ({err}):\n{}{}", stdout(&output), stderr(&output)));
    let (exit, diagnostics) = (exit_code(&output), json.as_array().cloned().unwrap_or_default());
    assert_unknown_owner_still_reported(&diagnostics);
    assert_eq!(exit, 2, "{diagnostics:#?}");
    let d = only_about(&diagnostics, "customers/secret.toml");
    assert!(d["message"].as_str().unwrap_or_default().starts_with("cannot read the file"), "{d}");
}

#[test]
fn a_missing_records_directory_is_an_io_error() {
    let dir = TempDir::new("no-records");
    let output = run_in(dir.path(), &["check", "--records", "records", "--format", "json"]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("records directory records not found"), "{}", stderr(&output));
}

#[test]
fn a_bad_today_is_a_usage_error() {
    let records = fixture("check/fine/records");
    let output = run(&["check", "--records", path(&records), "--today", "2026-02-30"]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("is not a date like 2026-03-04"), "{}", stderr(&output));
}
