//! Watching the records directory: every change that matters is passed on as it comes;
//! [`super::rebuild`] lets a later change supersede a rebuild under way. A change is passed
//! on as complete (rebuild now) when a file was closed after writing, created, removed or
//! renamed; a bare write (a file still being written: an editor truncates, then writes, then
//! closes) as incomplete, which waits for its close only briefly.

use std::path::{Path, PathBuf};

use anyhow::Result;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// Whether an event is worth a rebuild: not only hidden files (editors' swap files, cardfile's
/// own lock and temporary files, `.git`), and not a file opened or closed without writing
/// (a rebuild reading the records must not start another).
fn relevant(event: &notify::Event, roots: &[PathBuf]) -> bool {
    use notify::event::{AccessKind, AccessMode, EventKind};
    if matches!(event.kind, EventKind::Access(kind) if kind != AccessKind::Close(AccessMode::Write)) {
        return false;
    }
    event.paths.is_empty()
        || event.paths.iter().any(|p| {
            let rel = roots.iter().find_map(|r| p.strip_prefix(r).ok());
            let rel = rel.unwrap_or_else(|| Path::new(p.file_name().unwrap_or_default()));
            !rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        })
}

/// Whether a change is complete: not a bare write or change of metadata, after which a
/// close (or nothing, for a writer that keeps the file open) follows.
fn complete(event: &notify::Event) -> bool {
    !matches!(
        event.kind,
        notify::EventKind::Modify(
            notify::event::ModifyKind::Data(_)
                | notify::event::ModifyKind::Metadata(_)
                | notify::event::ModifyKind::Any
        )
    )
}

/// Calls `changed` for each change under `root` that matters, saying whether it is complete
/// (on the watcher's thread: it must return at once), for as long as the returned watcher
/// lives.
pub fn watch(root: &Path, changed: impl Fn(bool) + Send + 'static) -> Result<RecommendedWatcher> {
    let mut roots = vec![root.to_path_buf()];
    roots.extend(std::fs::canonicalize(root).ok());
    roots.extend(std::path::absolute(root).ok());
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
        Ok(event) if relevant(&event, &roots) => changed(complete(&event)),
        Ok(_) => {}
        // An error of the watcher itself (events lost) may hide a change: rebuild.
        Err(_) => changed(true),
    })?;
    watcher.watch(root, RecursiveMode::Recursive)?;
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use notify::event::{AccessKind, AccessMode, CreateKind, Event, EventKind, ModifyKind};

    use super::*;

    #[test]
    fn hidden_files_and_reads_do_not_rebuild() {
        let roots = vec![PathBuf::from("/r")];
        let event = |kind: EventKind, path: &str| Event::new(kind).add_path(PathBuf::from(path));
        assert!(relevant(&event(EventKind::Modify(ModifyKind::Any), "/r/customers/acme.toml"), &roots));
        assert!(relevant(&event(EventKind::Create(CreateKind::File), "/r/team.toml"), &roots));
        assert!(!relevant(&event(EventKind::Modify(ModifyKind::Any), "/r/customers/.acme.toml.swp"), &roots));
        assert!(!relevant(&event(EventKind::Modify(ModifyKind::Any), "/r/.git/index"), &roots));
        let read = |kind| event(EventKind::Access(kind), "/r/customers/acme.toml");
        assert!(!relevant(&read(AccessKind::Open(AccessMode::Any)), &roots));
        assert!(!relevant(&read(AccessKind::Close(AccessMode::Read)), &roots));
        assert!(relevant(&read(AccessKind::Close(AccessMode::Write)), &roots));
    }

    #[test]
    fn a_bare_write_is_not_a_complete_change() {
        use notify::event::{DataChange, MetadataKind, ModifyKind, RemoveKind, RenameMode};
        let complete = |kind| super::complete(&Event::new(kind));
        assert!(!complete(EventKind::Modify(ModifyKind::Data(DataChange::Any))));
        assert!(!complete(EventKind::Modify(ModifyKind::Any)));
        assert!(!complete(EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any))));
        assert!(complete(EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(complete(EventKind::Create(CreateKind::File)));
        assert!(complete(EventKind::Remove(RemoveKind::File)));
        assert!(complete(EventKind::Modify(ModifyKind::Name(RenameMode::To))));
    }
}
