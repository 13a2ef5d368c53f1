//! Writing records: the commands that change them (`new`, `log`, `import`) edit the text in
//! place with `toml_edit`, validate the result like `check` before writing, and write
//! atomically ([`atomic`], one file; [`journal`], many as one step) under the records lock.

mod atomic;
mod check;
mod entries;
pub mod journal;
mod locate;
mod marks;
mod money;

use std::path::Path;
use std::time::Duration;

use anyhow::{Result, bail};

pub use atomic::{create_atomic, refuse_link, write_atomic};
pub use check::{check_record, has_errors};
pub use entries::{append, column, count, date, newline, restyle, set, set_in, table_text};
pub use locate::{RecordText, customer_files, read_record};
pub use marks::{answer_complaint, deliver_order, keep_promise};
pub use money::money;

/// The name of the records lock's file in the records directory (hidden, so never read as a
/// record).
pub const LOCK_FILE: &str = ".cardfile.lock";

/// How long to wait for another command to finish with the records.
const WAIT: Duration = Duration::from_secs(30);

/// Waits until no other cardfile command is changing the records under `root`, then holds
/// the records lock ([`crate::lock`] on [`LOCK_FILE`]), after finishing (or undoing) an
/// import that was killed half-way ([`journal::recover`]).
pub fn lock(root: &Path) -> Result<crate::lock::Lock> {
    let Some(lock) = crate::lock::wait(&root.join(LOCK_FILE), WAIT)? else {
        bail!("{} is being changed by another cardfile command (waited {} s)", root.display(), WAIT.as_secs());
    };
    journal::recover(root)?;
    Ok(lock)
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
