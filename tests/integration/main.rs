//! End-to-end tests of the `cardfile` binary: one test binary, one module per command.
//!
//! Fixture trees live under `tests/<command>/<case>/` next to the output they must produce.
//! Run with `CARDFILE_BLESS=1` to rewrite the expected files from the actual output; then
//! read every rewritten file before committing it.

mod authoring;
mod bounds;
mod browser;
mod build;
mod built_in_pages;
mod check;
mod diff;
mod export;
mod faults;
mod fuzz;
mod git;
mod history;
mod hostile;
mod import_rows;
mod import_serve;
mod keeping;
mod large;
mod layers;
mod log_keeping;
mod lsp;
mod merge;
mod package;
mod pages;
mod progress;
mod rebuild;
mod schemas;
mod serve;
mod shell;
mod terminal;
mod writers;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The reference date every test runs at, so that the output never depends on the clock.
pub const TODAY: &str = "2026-11-25";

/// Runs the binary with `args` in the package root and returns what it did.
pub fn run(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// The binary as a command. The fixture trees live inside this repository: git's own
/// `GIT_CEILING_DIRECTORIES` stops the search for a repository at the package root, so that
/// expected output never depends on this repository's commits; the history tests make
/// repositories of their own, below the ceiling.
pub fn cardfile() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cardfile"));
    command.env("GIT_CEILING_DIRECTORIES", env!("CARGO_MANIFEST_DIR"));
    command
}

/// Runs the binary with `args` in the working directory `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    cardfile().args(args).current_dir(dir).output().unwrap_or_else(|err| panic!("cannot run cardfile {args:?}: {err}"))
}

/// A path under `tests/`, e.g. `fixture("check/fine/records")`.
pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(path)
}

/// The process's exit code (`-1` when it was killed by a signal).
pub fn exit_code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Whether expected files are to be rewritten rather than compared.
fn blessing() -> bool {
    std::env::var_os("CARDFILE_BLESS").is_some_and(|v| v == "1")
}

/// Compares `actual` with the file at `expected`; with `CARDFILE_BLESS=1`, writes it instead.
/// On a mismatch, the message shows the first differing line of both.
pub fn assert_matches_expected(actual: &str, expected: &Path) {
    if blessing() {
        fs::write(expected, actual).unwrap_or_else(|err| panic!("cannot write {}: {err}", expected.display()));
        return;
    }
    let wanted = fs::read_to_string(expected).unwrap_or_else(|err| {
        panic!("cannot read {}: {err} (run with CARDFILE_BLESS=1 to create it)", expected.display())
    });
    if actual == wanted {
        return;
    }
    let (line, want, got) = wanted
        .lines()
        .map(Some)
        .chain(std::iter::repeat(None))
        .zip(actual.lines().map(Some).chain(std::iter::repeat(None)))
        .enumerate()
        .find(|(_, (w, a))| w != a)
        .map(|(i, (w, a))| (i + 1, w.unwrap_or("<end of file>"), a.unwrap_or("<end of output>")))
        .unwrap_or((0, "<trailing newline>", "<trailing newline>"));
    panic!(
        "output differs from {} at line {line}:\n  expected: {want}\n  actual:   {got}\n\
         --- full output ---\n{actual}\n(rerun with CARDFILE_BLESS=1 to accept it, then review the diff)",
        expected.display()
    );
}

/// A fresh directory under Cargo's scratch space for integration tests, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates an empty directory whose name starts with `name`.
    pub fn new(name: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap_or_else(|err| panic!("cannot create {}: {err}", dir.display()));
        TempDir(dir)
    }

    /// The directory's path.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `text` to `rel` inside the directory, creating parent folders.
    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.0.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap_or_else(|err| panic!("cannot create {}: {err}", parent.display()));
        }
        fs::write(&path, text).unwrap_or_else(|err| panic!("cannot write {}: {err}", path.display()));
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Restore permissions a test may have taken away, so that the directory can be removed.
        #[cfg(unix)]
        for entry in walk(&self.0) {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(&entry, fs::Permissions::from_mode(0o755));
        }
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every path under `dir` except symbolic links (which are not followed either).
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_symlink() => continue,
            Ok(t) if t.is_dir() => out.extend(walk(&path)),
            _ => {}
        }
        out.push(path);
    }
    out
}

/// Whether the tests run as root (whom file permissions do not stop).
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A test that cannot run here: under `CI=true` that fails it; elsewhere a note says so.
pub fn cannot_run(what: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{what}, and CI=true: this test must run in CI");
    }
    eprintln!("note: not checked here: {what}");
}

/// `cardfile ARGS…` in `dir` as a user whom file permissions stop: this one, or as root the
/// user nobody, through util-linux's `setpriv --reuid=65534 --regid=65534 --clear-groups`.
/// `None` (after [`cannot_run`]) when root cannot drop its privileges here, or nobody cannot
/// reach `dir`.
pub fn unprivileged(dir: &Path, args: &[&str]) -> Option<Command> {
    const DROP: [&str; 3] = ["--reuid=65534", "--regid=65534", "--clear-groups"];
    if !is_root() {
        let mut command = Command::new(env!("CARGO_BIN_EXE_cardfile"));
        command.args(args).current_dir(dir);
        return Some(command);
    }
    let probe = Command::new("setpriv").args(DROP).arg("test").arg("-x").arg(dir).status();
    match probe {
        Ok(status) if status.success() => {}
        Ok(_) => {
            cannot_run(&format!("the user nobody cannot reach {}", dir.display()));
            return None;
        }
        Err(err) => {
            cannot_run(&format!("as root, and cannot run setpriv (util-linux) to drop privileges: {err}"));
            return None;
        }
    }
    let mut command = Command::new("setpriv");
    command.args(DROP).arg(env!("CARGO_BIN_EXE_cardfile")).args(args).current_dir(dir);
    Some(command)
}
