//! An exclusive lock around a record's read-modify-write, so that two `cardfile log` at once
//! on the same file both land. The lock is an OS file lock on `.<file>.lock` beside the
//! file (hidden, so never read as a record); the OS releases it if the process dies.

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

/// Waits until no other cardfile command is changing `target`, then holds the lock.
pub fn lock(target: &Path) -> Result<Lock> {
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let path = dir.join(format!(".{name}.lock"));
    let started = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("creating the lock file {}", path.display()))?;
        match file.try_lock() {
            // The holder before us removes the file before releasing it: lock the one that is there now.
            Ok(()) if same_file(&file, &path) => return Ok(Lock { path, _file: file }),
            Ok(()) => continue,
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(err)) => {
                return Err(err).with_context(|| format!("locking {}", path.display()));
            }
        }
        if started.elapsed() > WAIT {
            bail!("{} is being changed by another cardfile command (waited {} s)", target.display(), WAIT.as_secs());
        }
        std::thread::sleep(pause + Duration::from_micros(u64::from(std::process::id() % 997)));
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
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
