//! Progress on standard error: under a pseudo-terminal `build` and `import` show a line per
//! stage; in a pipe (as in CI) `build` prints only its summary line and `import` nothing on
//! standard error; `--quiet` leaves out the progress and the summary, never the problems.

use std::path::Path;
use std::time::Duration;

use expectrl::{Eof, Expect, Session};

use crate::{TODAY, TempDir, cardfile, exit_code, fixture, run_in, stderr, stdout};

/// Runs cardfile with `args` in `dir` under a pseudo-terminal of 100 × 30: its standard output
/// and error as the terminal shows them, and whether it succeeded.
fn in_terminal(dir: &Path, args: &[&str]) -> (String, bool) {
    let mut command = cardfile();
    command.args(args).current_dir(dir).env("TERM", "xterm-256color");
    let mut session = Session::spawn(command).unwrap_or_else(|e| panic!("no pseudo-terminal: {e}"));
    session.get_process_mut().set_window_size(100, 30).unwrap_or_else(|e| panic!("window size: {e}"));
    session.set_expect_timeout(Some(Duration::from_secs(120)));
    let seen = session.expect(Eof).unwrap_or_else(|e| panic!("cardfile {args:?} under a terminal: {e}"));
    let text = String::from_utf8_lossy(seen.get(0).unwrap_or_default()).into_owned();
    let status = session.get_process().wait().unwrap_or_else(|e| panic!("wait: {e}"));
    (text, matches!(status, expectrl::process::unix::WaitStatus::Exited(_, 0)))
}

/// A copy of the `score` fixture's records, with a CSV of two new customers beside them.
fn tree() -> TempDir {
    let dir = TempDir::new("progress");
    let from = fixture("fixtures/score/records");
    for entry in walkdir::WalkDir::new(&from).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        let rel = entry.path().strip_prefix(&from).unwrap_or(entry.path());
        let text = std::fs::read_to_string(entry.path()).unwrap_or_else(|e| panic!("{e}"));
        dir.write(&format!("records/{}", rel.display()), &text);
    }
    dir.write("new.csv", "id,name,owner,phone\nnew-a,New A,zhang,1\nnew-b,New B,zhang,2\n");
    dir
}

const BUILD: &[&str] = &["build", "--today", TODAY, "--no-history"];
const IMPORT: &[&str] = &["import", "new.csv", "--as", "customers", "--today", TODAY];

fn quiet(args: &[&'static str]) -> Vec<&'static str> {
    [args, &["--quiet"]].concat()
}

#[test]
fn build_and_import_show_their_stages_in_a_terminal() {
    let dir = tree();
    let (text, ok) = in_terminal(dir.path(), BUILD);
    assert!(ok, "{text}");
    for stage in
        ["✓ loading and checking records: ", "✓ analysing: ", "✓ rendering and writing: ", "✓ moving into place: "]
    {
        assert!(text.contains(stage), "{stage}:\n{text}");
    }
    assert!(text.contains(" files, 0 errors, 0 warnings ("), "{text}");
    assert!(text.contains("built "), "{text}");
    let (text, ok) = in_terminal(dir.path(), IMPORT);
    assert!(ok, "{text}");
    assert!(text.contains("✓ reading new.csv and checking the result: 2 files to create or change ("), "{text}");
    assert!(text.contains("dry run: 2 file(s) would be created"), "{text}");
}

#[test]
fn in_a_pipe_there_is_no_progress() {
    let dir = tree();
    let build = run_in(dir.path(), BUILD);
    assert_eq!(exit_code(&build), 0, "{}", stderr(&build));
    let text = stderr(&build);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("built ") && !text.contains('\u{1b}'), "{text}");
    let import = run_in(dir.path(), IMPORT);
    assert_eq!(exit_code(&import), 0, "{}", stderr(&import));
    assert_eq!(stderr(&import), "");
    assert!(stdout(&import).contains("dry run"), "{}", stdout(&import));
}

#[test]
fn quiet_leaves_out_progress_and_summary_but_not_the_problems() {
    let dir = tree();
    let (text, ok) = in_terminal(dir.path(), &quiet(BUILD));
    assert!(ok, "{text}");
    assert_eq!(text, "", "a quiet build in a terminal");
    let build = run_in(dir.path(), &quiet(BUILD));
    assert_eq!((exit_code(&build), stderr(&build).as_str(), stdout(&build).as_str()), (0, "", ""));
    let (text, ok) = in_terminal(dir.path(), &[&quiet(IMPORT)[..], &["--write"]].concat());
    assert!(ok && text.is_empty(), "a quiet import in a terminal: {text}");
    // The same customers again: every row is a problem, printed in spite of --quiet.
    dir.write("again.csv", "id,name,owner\nnew-a,New A,nobody\n");
    let import = run_in(dir.path(), &["import", "again.csv", "--as", "customers", "--today", TODAY, "-q"]);
    assert_eq!(exit_code(&import), 1, "{}", stderr(&import));
    assert!(stderr(&import).contains("again.csv:2:"), "{}", stderr(&import));
    let broken = dir.write("records/customers/broken.toml", "name = \"B\"\nowner = \"nobody\"\n");
    let (text, ok) = in_terminal(dir.path(), &quiet(BUILD));
    assert!(!ok && text.contains("error[E017]") && !text.contains('✓'), "{text}");
    std::fs::remove_file(broken).unwrap_or_else(|e| panic!("{e}"));
}
