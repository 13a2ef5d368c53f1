//! Watching the records directory: changes are gathered until 200 ms pass without another,
//! then the site is rebuilt once.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Result;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// How long the records must be quiet before a rebuild (an editor's save is several events).
const QUIET: Duration = Duration::from_millis(200);

/// Whether an event is worth a rebuild: not only hidden files (editors' swap files, cardfile's
/// own lock and temporary files, `.git`).
fn relevant(event: &notify::Event, roots: &[PathBuf]) -> bool {
    event.paths.is_empty()
        || event.paths.iter().any(|p| {
            let rel = roots.iter().find_map(|r| p.strip_prefix(r).ok());
            let rel = rel.unwrap_or_else(|| Path::new(p.file_name().unwrap_or_default()));
            !rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        })
}

/// Calls `rebuild` after each burst of changes under `root`, on a thread of its own, for as
/// long as the returned watcher lives.
pub fn watch(root: &Path, rebuild: impl Fn() + Send + 'static) -> Result<RecommendedWatcher> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)?;
    watcher.watch(root, RecursiveMode::Recursive)?;
    let mut roots = vec![root.to_path_buf()];
    roots.extend(std::fs::canonicalize(root).ok());
    roots.extend(std::path::absolute(root).ok());
    std::thread::spawn(move || {
        while let Ok(event) = rx.recv() {
            let mut dirty = event.is_ok_and(|e| relevant(&e, &roots));
            loop {
                match rx.recv_timeout(QUIET) {
                    Ok(event) => dirty |= event.is_ok_and(|e| relevant(&e, &roots)),
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
            if dirty {
                rebuild();
            }
        }
    });
    Ok(watcher)
}
