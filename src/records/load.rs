//! Finding the record files under a records directory and reading them in parallel.

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::file::{ReadError, read_record_file};
use crate::diagnostics::{Code, Diagnostic};

/// What a file under the records directory is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// cardfile.toml
    Settings,
    /// team.toml
    Team,
    /// customers/**/<id>.toml
    Customer(String),
}

/// A record file found on disk.
#[derive(Debug, Clone)]
pub struct Found {
    /// Relative to the records directory, `/`-separated.
    pub rel: String,
    /// Its path on disk.
    pub path: PathBuf,
    /// What it holds.
    pub kind: FileKind,
}

fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    // Where `/` is the separator, a path that is text already is the answer (the common
    // case, and the walk asks for every file at every reload of a language server).
    if std::path::MAIN_SEPARATOR == '/'
        && let Some(text) = rel.to_str()
    {
        return text.trim_start_matches("./").to_string();
    }
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Walks the records directory in a deterministic order. Hidden entries are skipped,
/// symbolic links are followed only when they stay inside the directory, loops are reported.
pub fn discover(root: &Path) -> (Vec<Found>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut refused = Vec::new();
    let canonical_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut found = Vec::new();
    let walker = WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
        if e.depth() == 0 {
            return true;
        }
        let name = e.file_name().to_string_lossy();
        if name.starts_with('.') {
            return false;
        }
        let rel = || rel_path(root, e.path());
        if e.path_is_symlink() {
            match fs::canonicalize(e.path()) {
                Ok(target) if target.starts_with(&canonical_root) => {}
                Ok(target) => {
                    refused.push(
                        Diagnostic::whole_file(
                            Code::Symlink,
                            &rel(),
                            format!("symbolic link leads outside the records directory, to {}", target.display()),
                        )
                        .with_help(
                            "records must live inside the records directory; copy the file in instead of linking",
                        ),
                    );
                    return false;
                }
                Err(err) => {
                    if name.ends_with(".toml") {
                        refused.push(Diagnostic::whole_file(
                            Code::Io,
                            &rel(),
                            format!("cannot follow symbolic link: {err}"),
                        ));
                    }
                    return false;
                }
            }
        }
        if e.file_type().is_dir() && name.ends_with(".toml") {
            refused.push(
                Diagnostic::whole_file(Code::Io, &rel(), "this is a directory, not a file")
                    .with_help("a record is a file; rename the directory"),
            );
            return false;
        }
        true
    });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                if err.loop_ancestor().is_none() && err.path().is_some_and(|p| ignored(root, p)) {
                    continue;
                }
                let rel = err.path().map(|p| rel_path(root, p)).unwrap_or_default();
                let link = err.path().is_some_and(is_symlink);
                let d = if err.loop_ancestor().is_some() {
                    Diagnostic::whole_file(
                        Code::Symlink,
                        &rel,
                        "symbolic link loop: the link points at a folder that contains it",
                    )
                    .with_help("remove the link")
                } else {
                    let cause = err.io_error().map_or_else(|| err.to_string(), ToString::to_string);
                    let what = if link { "cannot follow symbolic link" } else { "cannot read" };
                    Diagnostic::whole_file(Code::Io, &rel, format!("{what}: {cause}"))
                };
                diagnostics.push(d);
                continue;
            }
        };
        let extension = entry.path().extension().map(|e| e.to_string_lossy());
        if entry.depth() == 0 || !entry.file_type().is_file() || extension.as_ref().is_none_or(|e| e != "toml") {
            // `acme.TOML` is surely meant as a record: say why it is not read.
            if entry.file_type().is_file() && extension.is_some_and(|e| e.eq_ignore_ascii_case("toml")) {
                diagnostics.push(
                    Diagnostic::whole_file(
                        Code::Misplaced,
                        &rel_path(root, entry.path()),
                        "this file is not read by cardfile: record files end in lower-case `.toml`",
                    )
                    .with_help("rename the file so that it ends in .toml"),
                );
            }
            continue;
        }
        let rel = rel_path(root, entry.path());
        let kind = match rel.as_str() {
            "cardfile.toml" => FileKind::Settings,
            "team.toml" => FileKind::Team,
            _ if rel.starts_with("customers/") => {
                let stem = entry.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                FileKind::Customer(stem)
            }
            _ => {
                diagnostics.push(
                    Diagnostic::whole_file(
                        Code::Misplaced,
                        &rel,
                        "this .toml file is not read by cardfile (probably misplaced)",
                    )
                    .with_help(
                        "customers go under customers/; settings in cardfile.toml and the team in team.toml at the top",
                    ),
                );
                continue;
            }
        };
        // A link is read through its resolved target, so that the read never follows a link.
        let path = if entry.path_is_symlink() {
            match fs::canonicalize(entry.path()) {
                Ok(target) => target,
                Err(err) => {
                    diagnostics.push(Diagnostic::whole_file(
                        Code::Io,
                        &rel,
                        format!("cannot follow symbolic link: {err}"),
                    ));
                    continue;
                }
            }
        } else {
            entry.path().to_path_buf()
        };
        found.push(Found { rel, path, kind });
    }
    diagnostics.append(&mut refused);
    (found, diagnostics)
}

/// Adds the files of an in-memory overlay that are not on disk yet (new customer files),
/// keeping the walk's order: by path, one component at a time.
pub fn add_overlay<'a>(root: &Path, found: &mut Vec<Found>, rels: impl Iterator<Item = &'a String>) {
    let mut added = false;
    let known: std::collections::HashSet<String> = found.iter().map(|f| f.rel.clone()).collect();
    for rel in rels {
        if known.contains(rel) || !rel.starts_with("customers/") || !rel.ends_with(".toml") {
            continue;
        }
        let name = rel.rsplit('/').next().unwrap_or_default();
        let stem = name.strip_suffix(".toml").unwrap_or(name).to_string();
        found.push(Found { rel: rel.clone(), path: root.join(rel), kind: FileKind::Customer(stem) });
        added = true;
    }
    if added {
        found.sort_by(|a, b| a.rel.split('/').cmp(b.rel.split('/')));
    }
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Whether an entry that cannot be read is one cardfile would not have read anyway: a hidden
/// entry, or a broken symbolic link that is not named `.toml` (an image, a README).
fn ignored(root: &Path, path: &Path) -> bool {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let hidden = rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    hidden || (is_symlink(path) && path.extension().is_none_or(|e| e != "toml"))
}

/// Reads a found file's bytes (through [`read_record_file`]), or says why it cannot be read.
pub fn read(found: &Found) -> Result<Vec<u8>, Box<Diagnostic>> {
    read_record_file(&found.path).map_err(|err| {
        let d = match err {
            ReadError::TooLarge(_) => Diagnostic::whole_file(Code::TooLarge, &found.rel, err.to_string())
                .with_help("a record file holds one customer; split it or remove what does not belong"),
            ReadError::NotRegular(_) => {
                Diagnostic::whole_file(Code::Io, &found.rel, format!("cannot read the file: {err}"))
                    .with_help("a record is a regular file")
            }
            ReadError::Io(_) => Diagnostic::whole_file(Code::Io, &found.rel, format!("cannot read the file: {err}"))
                .with_help("check the file's permissions"),
        };
        Box::new(d)
    })
}
