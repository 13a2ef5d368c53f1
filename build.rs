//! Tells `cardfile --version` which git commit it is built from: `0.1.0 (commit 0123456789ab)`,
//! or just `0.1.0` when that is not known. The commit comes from `CARDFILE_COMMIT` (for
//! packagers, e.g. a container build without `.git`), else from git when this package is the
//! root of a git work tree, else from the `.cargo_vcs_info.json` that `cargo package` writes
//! into a crate. Nothing else (no date, no host) goes into the binary, so builds stay
//! reproducible.
//!
//! It also tells the program a hash of the sources it is compiled from (`CARDFILE_SOURCES`:
//! `src/`, `templates/`, `Cargo.toml` and `Cargo.lock`), which a site names so that a build
//! over it reuses its pages only when they were rendered by the same code.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CARDFILE_COMMIT");
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let commit = std::env::var("CARDFILE_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .map(|c| c.trim().to_string())
        .or_else(|| from_git(&dir))
        .or_else(|| from_package(&dir));
    println!("cargo:rustc-env=CARDFILE_SOURCES={:016x}", sources(&dir));
    match commit {
        Some(commit) => println!("cargo:rustc-env=CARDFILE_LONG_VERSION={version} (commit {commit})"),
        None => println!("cargo:rustc-env=CARDFILE_LONG_VERSION={version}"),
    }
}

/// A hash of every file under `src/` and `templates/` and of `Cargo.toml` and `Cargo.lock`
/// (paths and bytes, in path order); Cargo runs this again when any of them changes.
fn sources(dir: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut files = Vec::new();
    for top in ["src", "templates"] {
        println!("cargo:rerun-if-changed={top}");
        walk(&dir.join(top), &mut files);
    }
    for file in ["Cargo.toml", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={file}");
        files.push(dir.join(file));
    }
    files.sort();
    let mut hasher = std::hash::DefaultHasher::new();
    for file in files {
        file.strip_prefix(dir).unwrap_or(&file).hash(&mut hasher);
        std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    hasher.finish()
}

/// Every file under `dir`, into `files`.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// `git -C dir ARGS…`, trimmed, when it runs and succeeds.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

/// The commit checked out, when `dir` is the top of a git work tree (a package unpacked inside
/// another repository, as `cargo package` does under `target/`, is not built from its commit).
/// Cargo runs this again when HEAD moves: on a checkout, a commit, or a change of packed refs.
fn from_git(dir: &Path) -> Option<String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(dir).ok()? {
        return None;
    }
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    watched.extend(git(dir, &["symbolic-ref", "-q", "HEAD"]));
    for name in watched {
        if let Some(path) = git(dir, &["rev-parse", "--git-path", &name]) {
            let path = dir.join(path);
            if path.exists() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
    git(dir, &["rev-parse", "--short=12", "HEAD"])
}

/// The commit a crate was packaged from: `{"git": {"sha1": "…"}}` in `.cargo_vcs_info.json`.
/// The file is watched (by a path relative to the package), so that a build of the work tree
/// in the target directory where `cargo package` verified a crate (the same build-script unit)
/// runs this again instead of keeping the crate's commit.
fn from_package(dir: &Path) -> Option<String> {
    let info = std::fs::read_to_string(dir.join(".cargo_vcs_info.json")).ok()?;
    println!("cargo:rerun-if-changed=.cargo_vcs_info.json");
    let after = &info[info.find("\"sha1\"")? + "\"sha1\"".len()..];
    let sha1: String = after.trim_start_matches([' ', ':', '"']).chars().take_while(char::is_ascii_hexdigit).collect();
    (sha1.len() >= 12).then(|| sha1[..12].to_string())
}
