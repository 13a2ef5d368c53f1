//! Changing many record files as one step (`import --write`), even when the process is killed
//! half-way. Under the records lock, every new and changed file is first written into a
//! staging folder `.cardfile-import-XXXXXX` in the records directory (same file system, so a
//! rename moves it), and the staged files are flushed to disk. Then a journal,
//! `.cardfile-import.journal`, is renamed into place: the commit point. Then each staged file
//! is renamed over its record, the journal removed and the staging folder with it.
//!
//! Whoever takes the records lock next ([`super::lock`]) recovers: a journal is rolled
//! forward (the staged files still there are moved into place: the whole change lands), and a
//! staging folder without a journal is removed (nothing had changed yet). Either way nothing
//! is left behind.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use super::atomic::{put_in_place, refuse_link, stage, sync_dir};
use crate::lock::Lock;

/// The journal's name in the records directory.
pub const JOURNAL: &str = ".cardfile-import.journal";

/// How staging folders' names start.
pub const STAGING_PREFIX: &str = ".cardfile-import-";

/// What the journal holds: the staging folder, and which staged file becomes which record.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    stage: String,
    files: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    /// The staged file's name in the staging folder.
    staged: String,
    /// The record it replaces or creates, relative to the records directory, `/`-separated.
    target: String,
}

/// Whether a name is one plain path component (no separator, not `.` or `..`).
fn plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\0'])
}

/// Whether `rel` is a record path: plain components under `customers/`.
fn record_path(rel: &str) -> bool {
    let path = Path::new(rel);
    rel.starts_with("customers/") && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `files` (record path relative to `root` → new bytes) as one step, under `lock`
/// (which must be the records lock of `root`). A record that is a symbolic link is refused
/// before anything is written.
pub fn write_all(root: &Path, _lock: &Lock, files: &[(String, Vec<u8>)]) -> Result<()> {
    for (rel, _) in files {
        if !record_path(rel) {
            bail!("refusing to write {rel}: not a path under customers/");
        }
        refuse_link(&root.join(rel))?;
    }
    let staging = tempfile::Builder::new()
        .prefix(STAGING_PREFIX)
        .tempdir_in(root)
        .with_context(|| format!("creating a staging folder in {}", root.display()))?;
    let stage_name = staging.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut journal = Journal { stage: stage_name, files: Vec::with_capacity(files.len()) };
    for (rel, bytes) in files {
        let staged = stage(staging.path(), &root.join(rel), bytes, false)?;
        let (_file, path) = staged.keep().with_context(|| format!("staging {rel}"))?;
        let staged = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        journal.files.push(Entry { staged, target: rel.clone() });
    }
    flush_all(staging.path())?;
    crate::fault::point("import-staged");
    let text = serde_json::to_vec(&journal).context("writing the import journal")?;
    let pending = stage(staging.path(), &root.join(JOURNAL), &text, true)?;
    let (_file, path) = pending.keep().context("writing the import journal")?;
    fs::rename(&path, root.join(JOURNAL)).with_context(|| format!("writing {}", root.join(JOURNAL).display()))?;
    sync_dir(root);
    // Committed: from here on the next command finishes the job if this one dies.
    let _ = staging.keep();
    roll_forward(root, &journal)
}

/// Flushes the staged files to disk: one `syncfs` of their file system where there is one,
/// else every file by itself.
fn flush_all(dir: &Path) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let handle = fs::File::open(dir).with_context(|| format!("opening {}", dir.display()))?;
        // SAFETY: `syncfs` only reads the descriptor, which `handle` keeps open for the call.
        let status = unsafe { libc::syncfs(handle.as_raw_fd()) };
        if status == 0 {
            return Ok(());
        }
    }
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry.with_context(|| format!("reading {}", dir.display()))?.path();
        fs::File::open(&path).and_then(|f| f.sync_all()).with_context(|| format!("flushing {}", path.display()))?;
    }
    Ok(())
}

/// Moves every staged file that is still there into place, then removes the journal and the
/// staging folder.
fn roll_forward(root: &Path, journal: &Journal) -> Result<()> {
    if !plain_name(&journal.stage) || !journal.stage.starts_with(STAGING_PREFIX) {
        bail!("{} names no staging folder of cardfile; remove it by hand", root.join(JOURNAL).display());
    }
    let staging = root.join(&journal.stage);
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for (n, entry) in journal.files.iter().enumerate() {
        if !plain_name(&entry.staged) || !record_path(&entry.target) {
            bail!("{} is damaged (entry {}); remove it by hand", root.join(JOURNAL).display(), n + 1);
        }
        let staged = staging.join(&entry.staged);
        if fs::symlink_metadata(&staged).is_err() {
            continue; // moved into place before the previous command stopped
        }
        let target = root.join(&entry.target);
        let dir = target.parent().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
        if dirs.insert(dir.clone()) {
            fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        put_in_place(&staged, &target)?;
        if n == 0 {
            crate::fault::point("import-mid-apply");
        }
    }
    for dir in &dirs {
        sync_dir(dir);
    }
    fs::remove_file(root.join(JOURNAL)).with_context(|| format!("removing {}", root.join(JOURNAL).display()))?;
    sync_dir(root);
    let _ = fs::remove_dir_all(&staging);
    Ok(())
}

/// Finishes an import that was killed after its commit point, and removes the staging
/// folders of imports killed before it. Called with the records lock held.
pub fn recover(root: &Path) -> Result<()> {
    let journal_path = root.join(JOURNAL);
    match fs::symlink_metadata(&journal_path) {
        Ok(meta) if meta.is_file() => {
            let text = fs::read(&journal_path).with_context(|| format!("reading {}", journal_path.display()))?;
            let journal: Journal = serde_json::from_slice(&text)
                .with_context(|| format!("{} is damaged; remove it by hand", journal_path.display()))?;
            roll_forward(root, &journal)
                .with_context(|| format!("finishing the import that {} records", journal_path.display()))?;
        }
        Ok(_) => bail!("{} is not a file; remove it by hand", journal_path.display()),
        Err(_) => {}
    }
    let Ok(entries) = fs::read_dir(root) else { return Ok(()) };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(STAGING_PREFIX) && entry.file_type().is_ok_and(|t| t.is_dir()) {
            fs::remove_dir_all(entry.path()).with_context(|| format!("removing {}", entry.path().display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn writes_every_file_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        fs::create_dir_all(dir.path().join("customers")).expect("mkdir");
        fs::write(dir.path().join("customers/a.toml"), "old").expect("write");
        let lock = super::super::lock(dir.path()).expect("lock");
        let files =
            vec![("customers/a.toml".to_string(), b"new".to_vec()), ("customers/east/b.toml".into(), b"b".to_vec())];
        write_all(dir.path(), &lock, &files).expect("write all");
        drop(lock);
        assert_eq!(fs::read_to_string(dir.path().join("customers/a.toml")).expect("read"), "new");
        assert_eq!(fs::read_to_string(dir.path().join("customers/east/b.toml")).expect("read"), "b");
        assert_eq!(names(dir.path()), ["customers"]);
    }

    #[test]
    fn a_journal_is_rolled_forward_and_a_lone_staging_folder_removed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        fs::create_dir_all(root.join("customers")).expect("mkdir");
        fs::write(root.join("customers/a.toml"), "old").expect("write");
        fs::create_dir_all(root.join(".cardfile-import-x1")).expect("mkdir");
        fs::write(root.join(".cardfile-import-x1/s1"), "new").expect("write");
        fs::create_dir_all(root.join(".cardfile-import-lone")).expect("mkdir");
        fs::write(root.join(".cardfile-import-lone/s9"), "never").expect("write");
        let journal = r#"{"stage":".cardfile-import-x1","files":[{"staged":"gone","target":"customers/b.toml"},{"staged":"s1","target":"customers/a.toml"}]}"#;
        fs::write(root.join(JOURNAL), journal).expect("write");
        drop(super::super::lock(root).expect("lock"));
        assert_eq!(fs::read_to_string(root.join("customers/a.toml")).expect("read"), "new");
        assert!(!root.join("customers/b.toml").exists());
        assert_eq!(names(root), ["customers"]);
    }

    #[test]
    fn a_journal_pointing_outside_the_customers_is_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        fs::create_dir_all(root.join(".cardfile-import-x1")).expect("mkdir");
        fs::write(root.join(".cardfile-import-x1/s1"), "evil").expect("write");
        for target in ["../evil.toml", "team.toml", "customers/../../evil.toml", "/tmp/evil.toml"] {
            let journal =
                format!(r#"{{"stage":".cardfile-import-x1","files":[{{"staged":"s1","target":"{target}"}}]}}"#);
            fs::write(root.join(JOURNAL), journal).expect("write");
            assert!(super::super::lock(root).is_err(), "{target} was accepted");
        }
        assert!(!root.join("team.toml").exists() && !root.join("../evil.toml").exists());
    }
}
