//! An exclusive lock around every change of the records (`new`, `log`, `import --write`), so
//! that two commands at once both land. The lock is an OS file lock on `.cardfile.lock` in
//! the records directory (hidden, so never read as a record), opened without following a
//! link; the OS releases it if the process dies. Whoever takes it first finishes or undoes an
//! import that was killed half-way ([`super::journal::recover`]).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// How long to wait for another command to finish with the file.
const WAIT: Duration = Duration::from_secs(30);

/// Held while a record is being changed; released (and its lock file removed) on drop.
pub struct Lock {
    path: PathBuf,
    _file: File,
}

/// The name of the lock file in the records directory.
pub const LOCK_FILE: &str = ".cardfile.lock";

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

/// Waits until no other cardfile command is changing the records under `root`, then holds
/// the lock, after finishing (or undoing) an import that was killed half-way.
pub fn lock(root: &Path) -> Result<Lock> {
    let path = root.join(LOCK_FILE);
    let started = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        let file = open(&path)
            .with_context(|| format!("creating the lock file {} (it must not be a symbolic link)", path.display()))?;
        match file.try_lock() {
            // The holder before us removes the file before releasing it: lock the one that is there now.
            Ok(()) if same_file(&file, &path) => {
                let lock = Lock { path, _file: file };
                super::journal::recover(root)?;
                return Ok(lock);
            }
            Ok(()) => continue,
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(err)) => {
                return Err(err).with_context(|| format!("locking {}", path.display()));
            }
        }
        if started.elapsed() > WAIT {
            bail!("{} is being changed by another cardfile command (waited {} s)", root.display(), WAIT.as_secs());
        }
        std::thread::sleep(pause + Duration::from_micros(u64::from(std::process::id() % 997)));
        pause = (pause * 2).min(Duration::from_millis(50));
    }
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

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;

    #[test]
    fn a_link_at_the_lock_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let victim = dir.path().join("victim");
        std::os::unix::fs::symlink(&victim, dir.path().join(LOCK_FILE)).expect("symlink");
        assert!(lock(dir.path()).is_err());
        assert!(!victim.exists(), "the lock followed the link and created its target");
    }

    #[test]
    fn the_lock_file_goes_with_the_lock() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let held = lock(dir.path()).expect("lock");
        assert!(dir.path().join(LOCK_FILE).exists());
        drop(held);
        assert!(!dir.path().join(LOCK_FILE).exists());
    }
}
