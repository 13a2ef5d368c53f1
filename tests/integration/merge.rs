//! `merge`, the git merge driver (SPEC 11.2), run by a real `git merge` in repositories made
//! with the `git` program; and `git-setup` and the files `init` writes for it.

use std::fs;
use std::path::Path;
use std::process::Output;

use super::git::git_command;
use super::{TODAY, TempDir, exit_code, run_in, stderr, stdout};

const FILE: &str = "records/customers/acme.toml";

const TEAM: &str = "[[member]]\nid = \"zhang\"\nname = \"Zhang Wei\"\n\n[[member]]\nid = \"li\"\nname = \"Li Na\"\n";

const BASE: &str = r#"# Acme: our oldest customer
name = "Acme Ltd."
owner = "zhang"
phone = "021-1111" # switchboard

[[interaction]]
date = 2026-10-01
kind = "visit"
summary = "Showed the new line"

[[order]]
ref = "SO-1"
date = 2026-09-01
amount = 12000
due = 2026-10-01

[[complaint]]
opened = 2026-10-10
summary = "Late delivery"
"#;

const VISIT: &str = "\n[[interaction]]\ndate = 2026-11-02\nkind = \"visit\"\nsummary = \"Met the buyer\"\n";
const CALL: &str = "\n[[interaction]]\ndate = 2026-11-03\nkind = \"call\"\nsummary = \"Asked about prices\"\n";
const ORDER: &str = "\n[[order]]\nref = \"SO-2\"\ndate = 2026-11-04\namount = 800.5\n";

/// `git` in `dir` with fixed authors and dates and no global or system configuration.
fn git(dir: &Path, args: &[&str]) -> Output {
    git_command(dir, "Zhang Wei", "2026-11-20T10:00:00+08:00")
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("cannot run git {args:?}: {err}"))
}

fn ok(output: Output, what: &str) -> Output {
    assert!(output.status.success(), "{what}: {}{}", stdout(&output), stderr(&output));
    output
}

/// A repository with the driver registered (the test binary's path) and `.gitattributes` as
/// `init` writes it, whose `main` holds `base` as the customer file.
fn repository(name: &str, base: &str) -> TempDir {
    let tmp = TempDir::new(name);
    let dir = tmp.path();
    ok(git(dir, &["-c", "init.defaultBranch=main", "init", "-q"]), "git init");
    let driver = format!("{} merge %O %A %B %P", env!("CARGO_BIN_EXE_cardfile"));
    ok(git(dir, &["config", "merge.cardfile.driver", &driver]), "git config");
    ok(git(dir, &["config", "merge.cardfile.name", "cardfile customer records"]), "git config");
    tmp.write(".gitattributes", cardfile::scaffold::GITATTRIBUTES);
    tmp.write("records/team.toml", TEAM);
    tmp.write(FILE, base);
    commit(dir, "base");
    tmp
}

fn commit(dir: &Path, message: &str) {
    ok(git(dir, &["add", "-A"]), "git add");
    ok(git(dir, &["commit", "-q", "--no-verify", "-m", message]), "git commit");
}

/// Commits `theirs` on a branch `other` and `ours` on `main`, merges `other` into `main`
/// and returns git's output and the merged file.
fn merge(name: &str, base: &str, ours: &str, theirs: &str) -> (TempDir, Output, String) {
    let tmp = repository(name, base);
    let dir = tmp.path();
    ok(git(dir, &["checkout", "-q", "-b", "other"]), "checkout other");
    tmp.write(FILE, theirs);
    commit(dir, "theirs");
    ok(git(dir, &["checkout", "-q", "main"]), "checkout main");
    tmp.write(FILE, ours);
    commit(dir, "ours");
    let out = git(dir, &["merge", "-q", "--no-edit", "other"]);
    let text = fs::read_to_string(dir.join(FILE)).unwrap_or_default();
    (tmp, out, text)
}

/// A clean merge: git succeeded and `check` finds no error.
fn clean(name: &str, base: &str, ours: &str, theirs: &str) -> String {
    let (tmp, out, text) = merge(name, base, ours, theirs);
    assert!(out.status.success(), "git merge failed: {}{}\n{text}", stdout(&out), stderr(&out));
    let check = run_in(tmp.path(), &["check", "--today", TODAY]);
    assert_eq!(exit_code(&check), 0, "{}\n{text}", stderr(&check));
    text
}

#[test]
fn both_sides_add_interactions() {
    let ours =
        BASE.replace("summary = \"Showed the new line\"\n", &format!("summary = \"Showed the new line\"\n{VISIT}"));
    let theirs =
        BASE.replace("summary = \"Showed the new line\"\n", &format!("summary = \"Showed the new line\"\n{CALL}"));
    let text = clean("merge-interactions", BASE, &ours, &theirs);
    let expected = BASE
        .replace("summary = \"Showed the new line\"\n", &format!("summary = \"Showed the new line\"\n{VISIT}{CALL}"));
    assert_eq!(text, expected);
}

#[test]
fn one_pays_an_order_while_the_other_adds_one() {
    let ours = BASE.replace("due = 2026-10-01\n", "due = 2026-10-01\npaid = 2026-10-05\n");
    let theirs = BASE.replace("due = 2026-10-01\n", &format!("due = 2026-10-01\n{ORDER}"));
    let text = clean("merge-orders", BASE, &ours, &theirs);
    assert_eq!(text, BASE.replace("due = 2026-10-01\n", &format!("due = 2026-10-01\npaid = 2026-10-05\n{ORDER}")));
}

#[test]
fn one_resolves_a_complaint_while_the_other_logs_a_visit() {
    let ours = format!("{BASE}resolved = 2026-10-12\nresolution = \"Sent by air\"\n");
    let theirs =
        BASE.replace("summary = \"Showed the new line\"\n", &format!("summary = \"Showed the new line\"\n{VISIT}"));
    let text = clean("merge-complaint", BASE, &ours, &theirs);
    let expected =
        ours.replace("summary = \"Showed the new line\"\n", &format!("summary = \"Showed the new line\"\n{VISIT}"));
    assert_eq!(text, expected);
}

#[test]
fn different_phones_conflict_only_there_and_check_names_it() {
    let ours = BASE.replace("021-1111", "021-2222").replace("amount = 12000\n", "amount = 12500\n");
    let theirs = BASE.replace("phone = \"021-1111\" # switchboard", "phone = \"139-0000\"") + VISIT;
    let (tmp, out, text) = merge("merge-phone", BASE, &ours, &theirs);
    assert_eq!(exit_code(&out), 1, "git merge should stop on the conflict: {}", stdout(&out));
    // Only the phone is between markers; THEIRS' visit follows OURS' last interaction.
    let expected = ours
        .replace(
            "phone = \"021-2222\" # switchboard\n",
            "<<<<<<< ours:records/customers/acme.toml\nphone = \"021-2222\" # switchboard\n=======\nphone = \"139-0000\"\n>>>>>>> theirs:records/customers/acme.toml\n",
        )
        .replace("summary = \"Showed the new line\"\n", &format!("summary = \"Showed the new line\"\n{VISIT}"));
    assert_eq!(text, expected);
    let check = run_in(tmp.path(), &["check", "--today", TODAY, "--format", "json"]);
    assert_eq!(exit_code(&check), 1);
    let diagnostics: serde_json::Value = serde_json::from_str(&stdout(&check)).expect("JSON diagnostics");
    let list = diagnostics.as_array().expect("an array");
    assert_eq!(list.len(), 1, "{}", stdout(&check));
    assert!(list[0]["message"].as_str().is_some_and(|m| m.starts_with("unresolved git merge conflict")), "{}", list[0]);
    assert_eq!(list[0]["file"], "customers/acme.toml");
    assert_eq!(list[0]["line"], 4);
    // Resolved as the user would, by keeping one side, the file checks.
    let resolved =
        text.replace("<<<<<<< ours:records/customers/acme.toml\nphone = \"021-2222\" # switchboard\n=======\n", "");
    tmp.write(FILE, &resolved.replace(">>>>>>> theirs:records/customers/acme.toml\n", ""));
    assert_eq!(exit_code(&run_in(tmp.path(), &["check", "--today", TODAY])), 0);
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let both = BASE.replace("021-1111", "021-3333") + ORDER;
    let theirs = both
        .replace("amount = 800.5\n", "amount = 800.50 # as invoiced\n")
        .replace("# Acme: our oldest customer\n", "");
    let text = clean("merge-same", BASE, &both, &theirs);
    assert_eq!(text, both);
}

#[test]
fn a_removal_and_an_addition_both_apply() {
    let ours =
        BASE.replace("\n[[interaction]]\ndate = 2026-10-01\nkind = \"visit\"\nsummary = \"Showed the new line\"\n", "");
    let theirs = format!("{BASE}{VISIT}");
    let text = clean("merge-removal", BASE, &ours, &theirs);
    let expected = format!("{ours}{VISIT}");
    assert_eq!(text, expected);
}

#[test]
fn an_edited_entry_and_an_appended_one_both_stay() {
    let ours = BASE.replace("summary = \"Showed the new line\"", "summary = \"Showed the new line to the buyer\"");
    let theirs =
        BASE.replace("summary = \"Showed the new line\"\n", &format!("summary = \"Showed the new line\"\n{CALL}"));
    let text = clean("merge-edited", BASE, &ours, &theirs);
    assert_eq!(
        text,
        theirs.replace("summary = \"Showed the new line\"", "summary = \"Showed the new line to the buyer\"")
    );
}

#[test]
fn an_unparseable_base_falls_back_to_a_line_merge() {
    let base = BASE
        .replace("owner = \"zhang\"\n", "<<<<<<< HEAD\nowner = \"zhang\"\n=======\nowner = \"li\"\n>>>>>>> other\n");
    let ours = base.replace("021-1111", "021-2222");
    let theirs = base.replace("amount = 12000\n", "amount = 13000\n");
    let (_tmp, out, text) = merge("merge-fallback", &base, &ours, &theirs);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(text, ours.replace("amount = 12000\n", "amount = 13000\n"));
    // A conflicting line merge exits 1 with git's markers.
    let (_tmp, out, text) = merge("merge-fallback-conflict", &base, &base.replace("12000", "1"), &theirs);
    assert_eq!(exit_code(&out), 1);
    assert!(
        text.contains("<<<<<<< ours:records/customers/acme.toml\namount = 1\n=======\namount = 13000\n>>>>>>> theirs"),
        "{text}"
    );
}

/// Runs the driver by hand on three files in `dir`.
fn driver(dir: &Path, args: &[&str]) -> Output {
    run_in(dir, &[&["merge"], args].concat())
}

#[test]
fn the_driver_writes_only_ours() {
    let tmp = TempDir::new("merge-only-ours");
    tmp.write("base.toml", BASE);
    tmp.write("ours.toml", &format!("{BASE}{VISIT}"));
    tmp.write("theirs.toml", &format!("{BASE}{CALL}"));
    let out = driver(tmp.path(), &["base.toml", "ours.toml", "theirs.toml", FILE]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let mut names: Vec<String> = fs::read_dir(tmp.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["base.toml", "ours.toml", "theirs.toml"]);
    assert_eq!(fs::read_to_string(tmp.path().join("base.toml")).expect("base"), BASE);
    assert_eq!(fs::read_to_string(tmp.path().join("theirs.toml")).expect("theirs"), format!("{BASE}{CALL}"));
    assert_eq!(fs::read_to_string(tmp.path().join("ours.toml")).expect("ours"), format!("{BASE}{VISIT}{CALL}"));
}

#[test]
fn an_unreadable_file_is_an_error_and_ours_is_untouched() {
    let tmp = TempDir::new("merge-unreadable");
    tmp.write("base.toml", BASE);
    tmp.write("ours.toml", BASE);
    let out = driver(tmp.path(), &["base.toml", "ours.toml", "missing.toml"]);
    assert_eq!(exit_code(&out), 2);
    assert!(stderr(&out).contains("missing.toml"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(tmp.path().join("ours.toml")).expect("ours"), BASE);
    let out = driver(tmp.path(), &["base.toml"]);
    assert_eq!(exit_code(&out), 2, "usage error");
}

#[cfg(unix)]
#[test]
fn a_symlinked_ours_is_refused() {
    let tmp = TempDir::new("merge-symlink");
    tmp.write("base.toml", BASE);
    tmp.write("target.toml", BASE);
    std::os::unix::fs::symlink(tmp.path().join("target.toml"), tmp.path().join("ours.toml")).expect("symlink");
    let out = driver(tmp.path(), &["base.toml", "ours.toml", "base.toml"]);
    assert_eq!(exit_code(&out), 2);
    assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(tmp.path().join("target.toml")).expect("target"), BASE);
}

/// `cardfile` run with the same isolated git configuration as [`git`] and `PATH` as given.
fn cardfile_with_path(dir: &Path, args: &[&str], path: &str) -> Output {
    super::cardfile()
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("PATH", path)
        .output()
        .unwrap_or_else(|err| panic!("cannot run cardfile {args:?}: {err}"))
}

fn bin_path() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_cardfile")).parent().map(|p| p.display().to_string()).unwrap_or_default();
    format!("{bin}:{}", std::env::var("PATH").unwrap_or_default())
}

fn config(dir: &Path, key: &str) -> String {
    stdout(&git(dir, &["config", "--get", key])).trim_end().to_string()
}

#[test]
fn init_then_git_setup_make_git_merge_customer_files() {
    let tmp = TempDir::new("merge-init");
    let out = run_in(tmp.path(), &["init", "repo", "--today", TODAY]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    for line in cardfile::scaffold::driver_lines() {
        assert!(stdout(&out).contains(&line), "next steps miss {line}");
    }
    let dir = tmp.path().join("repo");
    let attributes = fs::read_to_string(dir.join(".gitattributes")).expect(".gitattributes");
    assert!(attributes.lines().any(|l| l == "records/customers/**/*.toml merge=cardfile"));
    let readme = fs::read_to_string(dir.join("README.md")).expect("README.md");
    assert!(readme.contains("git config merge.cardfile.driver \"cardfile merge %O %A %B %P\""), "{readme}");
    let hook = fs::read_to_string(dir.join(".githooks/pre-commit")).expect("hook");
    assert!(hook.contains("git config merge.cardfile.driver \"cardfile merge %O %A %B %P\""), "{hook}");

    ok(git(&dir, &["-c", "init.defaultBranch=main", "init", "-q"]), "git init");
    let path = bin_path();
    for _ in 0..2 {
        let out = cardfile_with_path(&dir.join("records"), &["git-setup"], &path);
        assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
        assert!(stdout(&out).contains("git config merge.cardfile.driver \"cardfile merge %O %A %B %P\""));
    }
    assert_eq!(config(&dir, "merge.cardfile.driver"), "cardfile merge %O %A %B %P");
    assert_eq!(config(&dir, "merge.cardfile.name"), "cardfile customer records");
    assert_eq!(config(&dir, "core.hooksPath"), ".githooks");
    let all = stdout(&git(&dir, &["config", "--local", "--list"]));
    assert_eq!(all.matches("merge.cardfile.driver=").count(), 1, "idempotent: {all}");

    // A new user's first conflict-free merge, with `cardfile` found on PATH.
    let example = "records/customers/example.toml";
    let base = fs::read_to_string(dir.join(example)).expect("example");
    let in_git = |args: &[&str]| {
        let out =
            git_command(&dir, "Alex", "2026-11-21T10:00:00+08:00").args(args).env("PATH", &path).output().expect("git");
        assert!(out.status.success(), "git {args:?}: {}{}", stdout(&out), stderr(&out));
    };
    in_git(&["add", "-A"]);
    in_git(&["commit", "-q", "-m", "start"]);
    in_git(&["checkout", "-q", "-b", "other"]);
    fs::write(dir.join(example), format!("{base}{CALL}")).expect("write");
    in_git(&["commit", "-q", "-am", "call"]);
    in_git(&["checkout", "-q", "main"]);
    fs::write(dir.join(example), format!("{base}{VISIT}")).expect("write");
    in_git(&["commit", "-q", "-am", "visit"]);
    in_git(&["merge", "-q", "--no-edit", "other"]);
    assert_eq!(fs::read_to_string(dir.join(example)).expect("merged"), format!("{base}{VISIT}{CALL}"));
}

#[test]
fn git_setup_outside_a_repository_or_without_git_prints_the_lines() {
    // Outside: a folder of the system's temporary directory, with no `git` to run, so that
    // nothing can be configured even if that directory sits inside some work tree.
    let outside = std::env::temp_dir().join(format!("cardfile-setup-outside-{}", std::process::id()));
    fs::create_dir_all(&outside).expect("scratch");
    let out = cardfile_with_path(&outside, &["git-setup"], "/nonexistent");
    let _ = fs::remove_dir_all(&outside);
    assert_eq!(exit_code(&out), 2);
    assert!(
        stderr(&out).contains("git config merge.cardfile.driver \"cardfile merge %O %A %B %P\""),
        "{}",
        stderr(&out)
    );
    if !std::env::temp_dir().ancestors().any(|d| d.join(".git").exists()) {
        assert!(stderr(&out).contains("is not inside a git repository"), "{}", stderr(&out));
    }
    let tmp = TempDir::new("merge-setup-no-git");
    ok(git(tmp.path(), &["-c", "init.defaultBranch=main", "init", "-q"]), "git init");
    let out = cardfile_with_path(tmp.path(), &["git-setup"], "/nonexistent");
    assert_eq!(exit_code(&out), 2);
    assert!(stderr(&out).contains("cannot run git"), "{}", stderr(&out));
    assert!(stderr(&out).contains("git config merge.cardfile.name \"cardfile customer records\""), "{}", stderr(&out));
    assert_eq!(config(tmp.path(), "merge.cardfile.driver"), "");
}

#[test]
fn a_clean_merge_that_breaks_a_rule_both_sides_kept_stops_git() {
    let base = format!("{BASE}\n[[handover]]\ndate = 2026-09-01\nfrom = \"li\"\nto = \"zhang\"\n");
    let ours = base.replace("owner = \"zhang\"", "owner = \"li\"")
        + "\n[[handover]]\ndate = 2026-10-01\nfrom = \"zhang\"\nto = \"li\"\n";
    let theirs = format!("{base}\n[[handover]]\ndate = 2026-11-01\nfrom = \"li\"\nto = \"zhang\"\n");
    let (tmp, out, text) = merge("merge-invalid", &base, &ours, &theirs);
    assert_eq!(exit_code(&out), 1, "git must see a conflict: {}", stdout(&out));
    assert!(stderr(&out).contains("error[E022]"), "{}", stderr(&out));
    assert!(!text.contains("<<<<<<<"), "{text}");
    assert!(text.contains("owner = \"li\"") && text.contains("date = 2026-11-01"), "{text}");
    let check = run_in(tmp.path(), &["check", "--today", TODAY]);
    assert_eq!(exit_code(&check), 1);
    assert!(stderr(&check).contains("E022"), "{}", stderr(&check));
}
