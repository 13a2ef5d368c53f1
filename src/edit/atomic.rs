//! Writing a file atomically: a temporary file in the same directory, flushed to disk, then
//! renamed over the target (or linked to it when the target must not exist yet).

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};

/// A temporary file beside `target`, holding `bytes` and flushed to disk.
fn write_aside(target: &Path, bytes: &[u8]) -> Result<PathBuf> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut file = File::create_new(&temp)?;
        file.write_all(bytes)?;
        if let Ok(meta) = fs::metadata(target) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()
    })();
    if let Err(err) = written {
        let _ = fs::remove_file(&temp);
        return Err(err).with_context(|| format!("writing {}", temp.display()));
    }
    Ok(temp)
}

/// Flushes a directory's entries to disk, so that a rename survives a crash (best effort).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Replaces (or creates) `target` with `bytes`: readers see the old file or the new one,
/// never a half-written one. The file keeps its permissions.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<()> {
    let temp = write_aside(target, bytes)?;
    if let Err(err) = fs::rename(&temp, target) {
        let _ = fs::remove_file(&temp);
        return Err(err).with_context(|| format!("replacing {}", target.display()));
    }
    sync_dir(target.parent().unwrap_or_else(|| Path::new(".")));
    Ok(())
}

/// Creates `target` with `bytes`, atomically, failing when it already exists (even when
/// another process creates it at the same moment).
pub fn create_atomic(target: &Path, bytes: &[u8]) -> Result<()> {
    let temp = write_aside(target, bytes)?;
    let linked = fs::hard_link(&temp, target);
    let result = match linked {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(anyhow::anyhow!("{} already exists", target.display()))
        }
        // A file system without hard links: check, then rename.
        Err(_) if target.exists() => Err(anyhow::anyhow!("{} already exists", target.display())),
        Err(_) => fs::rename(&temp, target).with_context(|| format!("creating {}", target.display())),
    };
    let _ = fs::remove_file(&temp);
    result?;
    sync_dir(target.parent().unwrap_or_else(|| Path::new(".")));
    if !target.exists() {
        bail!("creating {}: the file is not there after writing it", target.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cardfile-atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    #[test]
    fn replaces_and_leaves_no_temporary_file() {
        let dir = scratch("replace");
        let file = dir.join("a.toml");
        fs::write(&file, "old").expect("write");
        write_atomic(&file, b"new").expect("atomic write");
        assert_eq!(fs::read_to_string(&file).expect("read"), "new");
        assert_eq!(fs::read_dir(&dir).expect("list").count(), 1);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn create_refuses_an_existing_file() {
        let dir = scratch("create");
        let file = dir.join("a.toml");
        create_atomic(&file, b"first").expect("create");
        assert!(create_atomic(&file, b"second").is_err());
        assert_eq!(fs::read_to_string(&file).expect("read"), "first");
        assert_eq!(fs::read_dir(&dir).expect("list").count(), 1);
        let _ = fs::remove_dir_all(&dir);
    }
}
