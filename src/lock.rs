//! The one lock of cardfile, for what two processes must not do at once: build into one
//! output directory (the build lock `.<out>.lock`, [`crate::write`]) or change the records
//! (the records lock `.cardfile.lock`, [`crate::edit::lock`]).
//!
//! A lock is an OS file lock on its file, which is opened without following a link at its
//! name and holds the holder's process id, for the message of whoever finds it taken. The OS
//! releases the lock when its process dies, so the file a killed process leaves behind never
//! blocks the next one; the holder removes the file as it lets go.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// A lock held; released, and its file removed, on drop.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    _file: File,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked; a process that opened this file meanwhile sees that it
        // is no longer the one at `path` and opens the new one.
        let _ = fs::remove_file(&self.path);
    }
}

/// Opens (creating it) the lock file without following a symbolic link at its name.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    options.open(path)
}

/// Takes the lock at `path` unless another process holds it (`Ok(None)`: see [`holder`]).
pub fn try_take(path: &Path) -> Result<Option<Lock>> {
    loop {
        let mut file = open(path)
            .with_context(|| format!("creating the lock file {} (it must not be a symbolic link)", path.display()))?;
        let locked = match file.try_lock() {
            Ok(()) => true,
            Err(TryLockError::WouldBlock) => false,
            Err(TryLockError::Error(err)) => return Err(err).with_context(|| format!("locking {}", path.display())),
        };
        if !same_file(&file, path) {
            // The holder before us removed the file as it finished (or is finishing): try the
            // one there now, unless that is a link, which is never a lock file.
            if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                bail!("the lock file {} is a symbolic link; remove it", path.display());
            }
            continue;
        }
        if !locked {
            return Ok(None);
        }
        file.set_len(0)
            .and_then(|()| file.write_all(std::process::id().to_string().as_bytes()))
            .with_context(|| format!("writing {}", path.display()))?;
        return Ok(Some(Lock { path: path.to_path_buf(), _file: file }));
    }
}

/// Takes the lock at `path`, waiting up to `patience` for its holder to let go, with pauses
/// that grow to 50 ms; `Ok(None)` when it is still held after that.
pub fn wait(path: &Path, patience: Duration) -> Result<Option<Lock>> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        if let Some(lock) = try_take(path)? {
            return Ok(Some(lock));
        }
        if started.elapsed() > patience {
            return Ok(None);
        }
        std::thread::sleep(pause + Duration::from_micros(u64::from(std::process::id() % 997)));
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

/// The process id its holder wrote into the lock file at `path`, when there is one to read.
pub fn holder(path: &Path) -> Option<u32> {
    fs::read_to_string(path).ok().and_then(|s| s.trim().parse().ok())
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_is_refused_names_its_holder_and_goes_with_its_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(".x.lock");
        let held = try_take(&path).expect("take").expect("free");
        assert!(try_take(&path).expect("try again").is_none(), "taken twice");
        assert!(wait(&path, Duration::from_millis(20)).expect("wait").is_none(), "taken twice after a wait");
        assert_eq!(holder(&path), Some(std::process::id()));
        drop(held);
        assert!(!path.exists(), "the lock file outlived the lock");
        assert!(try_take(&path).expect("take").is_some(), "not released");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_lock_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let victim = dir.path().join("victim");
        std::os::unix::fs::symlink(&victim, dir.path().join(".x.lock")).expect("symlink");
        assert!(try_take(&dir.path().join(".x.lock")).is_err());
        assert!(!victim.exists(), "the lock followed the link and created its target");
    }
}
