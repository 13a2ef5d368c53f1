//! Writing a record file atomically, for every command that writes records (`new`, `log`,
//! `import`): the new bytes go to a temporary file created exclusively under an unpredictable
//! name (so that nothing planted in the folder can redirect the write), flushed to disk, then
//! renamed over the target — or linked to it when the target must not exist yet. A record
//! that is a symbolic link is never replaced: the command stops with a clear message.

use std::fs::{self, File, Permissions};
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use tempfile::NamedTempFile;

/// Fails when `target` exists and is not a regular file (a symbolic link above all: writing
/// through it, or replacing it, would change what the link names or turn it into a file).
pub fn refuse_link(target: &Path) -> Result<()> {
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_symlink() => bail!(
            "{} is a symbolic link: cardfile does not write records through links \
             (replace the link with the file itself); nothing was written",
            target.display()
        ),
        Ok(meta) if !meta.is_file() => {
            bail!("{} is not a regular file; nothing was written", target.display())
        }
        _ => Ok(()),
    }
}

/// The permissions a new file gets: read and write for all, less the umask (as `File::create`).
#[cfg(unix)]
fn default_permissions() -> Permissions {
    use std::os::unix::fs::PermissionsExt;
    Permissions::from_mode(0o666)
}

/// Writes `bytes` to a new temporary file in `dir` (created exclusively, with an unpredictable
/// name starting with `.` and ending with `.tmp`), with the permissions of `like` when that is
/// a regular file, and (when `durable`) flushes it to disk. The file is removed when the
/// result is dropped.
pub fn stage(dir: &Path, like: &Path, bytes: &[u8], durable: bool) -> Result<NamedTempFile> {
    let name = like.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(default_permissions());
    let mut file =
        builder.tempfile_in(dir).with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    let written = (|| -> std::io::Result<()> {
        file.write_all(bytes)?;
        if let Ok(meta) = fs::symlink_metadata(like)
            && meta.is_file()
        {
            file.as_file().set_permissions(meta.permissions())?;
        }
        if durable { file.as_file().sync_all() } else { Ok(()) }
    })();
    written.with_context(|| format!("writing {}", file.path().display()))?;
    Ok(file)
}

/// Flushes a directory's entries to disk, so that a rename survives a crash (best effort).
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn parent(target: &Path) -> &Path {
    match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Moves a flushed file (staged by [`stage`], on the same file system) over `target`, which
/// must not be a symbolic link; the rename replaces the directory entry, never a link's
/// target. The caller makes the rename durable ([`sync_dir`]).
pub fn put_in_place(staged: &Path, target: &Path) -> Result<()> {
    refuse_link(target)?;
    fs::rename(staged, target).with_context(|| format!("replacing {}", target.display()))
}

/// Replaces (or creates) `target` with `bytes`: readers see the old file or the new one,
/// never a half-written one. The file keeps its permissions; a link is refused.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<()> {
    refuse_link(target)?;
    let temp = stage(parent(target), target, bytes, true)?;
    let (_file, path) = temp.keep().with_context(|| format!("replacing {}", target.display()))?;
    if let Err(err) = put_in_place(&path, target) {
        let _ = fs::remove_file(&path);
        return Err(err);
    }
    sync_dir(parent(target));
    Ok(())
}

/// Creates `target` with `bytes`, atomically, failing when anything (a file, a link) already
/// has that name, even when another process creates it at the same moment.
pub fn create_atomic(target: &Path, bytes: &[u8]) -> Result<()> {
    let temp = stage(parent(target), target, bytes, true)?;
    match temp.persist_noclobber(target) {
        Ok(_) => {}
        Err(err) if err.error.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{} already exists", target.display())
        }
        Err(err) => return Err(err.error).with_context(|| format!("creating {}", target.display())),
    }
    sync_dir(parent(target));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("scratch dir: {e}"))
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn replaces_and_leaves_no_temporary_file() {
        let dir = scratch();
        let file = dir.path().join("a.toml");
        fs::write(&file, "old").expect("write");
        write_atomic(&file, b"new").expect("atomic write");
        assert_eq!(fs::read_to_string(&file).expect("read"), "new");
        assert_eq!(names(dir.path()), ["a.toml"]);
    }

    #[test]
    fn create_refuses_an_existing_file() {
        let dir = scratch();
        let file = dir.path().join("a.toml");
        create_atomic(&file, b"first").expect("create");
        assert!(create_atomic(&file, b"second").is_err());
        assert_eq!(fs::read_to_string(&file).expect("read"), "first");
        assert_eq!(names(dir.path()), ["a.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_never_written_through_or_replaced() {
        let dir = scratch();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "secret").expect("write");
        let link = dir.path().join("a.toml");
        std::os::unix::fs::symlink(&victim, &link).expect("symlink");
        let err = write_atomic(&link, b"new").err().map(|e| format!("{e:#}")).unwrap_or_default();
        assert!(err.contains("is a symbolic link"), "{err}");
        assert!(create_atomic(&link, b"new").is_err());
        assert_eq!(fs::read_to_string(&victim).expect("read"), "secret");
        assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
        assert_eq!(names(dir.path()), ["a.toml", "victim.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn the_temporary_name_is_unpredictable_and_taken_exclusively() {
        // The name the previous version used, planted as a link to a victim: never followed.
        let dir = scratch();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "secret").expect("write");
        let file = dir.path().join("a.toml");
        fs::write(&file, "old").expect("write");
        for planted in [format!(".a.toml.{}.0.tmp", std::process::id()), ".a.toml.tmp".to_string()] {
            std::os::unix::fs::symlink(&victim, dir.path().join(planted)).expect("symlink");
        }
        let first = stage(dir.path(), &file, b"x", true).expect("stage");
        let second = stage(dir.path(), &file, b"x", true).expect("stage");
        assert_ne!(first.path(), second.path());
        drop((first, second));
        write_atomic(&file, b"new").expect("atomic write");
        assert_eq!(fs::read_to_string(&victim).expect("read"), "secret");
        assert_eq!(fs::read_to_string(&file).expect("read"), "new");
    }
}
