//! Real git repositories for the tests of history, `diff` and the merge driver: made with
//! the `git` program, with fixed authors and dates and no user or system configuration.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::TempDir;

/// A git work tree in a temporary directory.
pub struct GitRepo {
    dir: TempDir,
}

impl GitRepo {
    /// A new repository whose default branch is `main`.
    pub fn new(name: &str) -> GitRepo {
        let repo = GitRepo { dir: TempDir::new(name) };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    /// The work tree.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The records directory inside the work tree.
    pub fn records(&self) -> PathBuf {
        self.path().join("records")
    }

    /// Writes a file relative to the work tree.
    pub fn write(&self, rel: &str, text: &str) {
        self.dir.write(rel, text);
    }

    /// Runs git with a fixed environment and returns its standard output; panics on failure.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_as("Test Author", "2026-11-01T10:00:00+08:00", args)
    }

    /// Runs git as `author` at `date` (ISO 8601 with offset), for author and committer alike.
    pub fn git_as(&self, author: &str, date: &str, args: &[&str]) -> String {
        let output = git_command(self.path(), author, date)
            .args(args)
            .output()
            .unwrap_or_else(|err| panic!("cannot run git {args:?}: {err}"));
        assert!(
            output.status.success(),
            "git {args:?} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Stages everything and commits it as `author` at `date` with `message`.
    pub fn commit(&self, author: &str, date: &str, message: &str) {
        self.git_as(author, date, &["add", "-A"]);
        self.git_as(author, date, &["commit", "-q", "--allow-empty", "-m", message]);
    }
}

/// `git` in `dir`, as `author` at `date`, ignoring the machine's git configuration.
pub fn git_command(dir: &Path, author: &str, date: &str) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", author)
        .env("GIT_AUTHOR_EMAIL", "author@example.com")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_NAME", author)
        .env("GIT_COMMITTER_EMAIL", "author@example.com")
        .env("GIT_COMMITTER_DATE", date)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    command
}
