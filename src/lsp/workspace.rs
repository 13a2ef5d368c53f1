//! One records directory as the server holds it: its parse cache, the records as last
//! loaded with the open buffers over the disk, and which of its files were last sent
//! diagnostics (so that a file that no longer has any is cleared).
//!
//! The records directory of a file is the nearest directory above it that holds
//! `cardfile.toml` or `team.toml` or a `customers/` folder (docs/editor.md).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::analysis::Analysis;
use crate::project::Project;
use crate::records::ParseCache;

/// The records directory that holds `file`: the nearest ancestor directory with
/// `cardfile.toml`, `team.toml` or a `customers/` folder.
pub fn records_root(file: &Path) -> Option<PathBuf> {
    file.ancestors().skip(1).find(|dir| is_records_dir(dir)).map(Path::to_path_buf)
}

fn is_records_dir(dir: &Path) -> bool {
    dir.join("cardfile.toml").is_file() || dir.join("team.toml").is_file() || dir.join("customers").is_dir()
}

/// A records directory loaded for the editor.
pub struct Workspace {
    /// The records directory.
    pub root: PathBuf,
    cache: ParseCache,
    /// The records as last loaded; `None` before the first load.
    pub project: Option<Project>,
    /// The diagnostics last sent, by file relative to `root` (files with none are left out).
    pub published: BTreeMap<String, Vec<lsp_types::Diagnostic>>,
    /// The analysis of the records as last loaded, worked out when first asked for.
    analysis: OnceLock<Analysis>,
}

impl Workspace {
    /// A records directory not loaded yet.
    pub fn new(root: PathBuf) -> Workspace {
        Workspace {
            root,
            cache: ParseCache::new(),
            project: None,
            published: BTreeMap::new(),
            analysis: OnceLock::new(),
        }
    }

    /// Loads the records again with `overlay` (the open buffers) over the disk, parsing only
    /// what changed.
    pub fn reload(&mut self, today: NaiveDate, overlay: &BTreeMap<String, String>) -> &Project {
        self.analysis = OnceLock::new();
        let old = self.project.take();
        let project = self.project.insert(Project::reload(&mut self.cache, &self.root, today, overlay));
        // Freeing the last load's records takes as long as a fifth of a load: done on another
        // thread, it does not hold up the diagnostics.
        if let Some(old) = old {
            rayon::spawn(move || drop(old));
        }
        project
    }

    /// The analysis of the records as last loaded (`None` before the first load).
    pub fn analysis(&self) -> Option<&Analysis> {
        let project = self.project.as_ref()?;
        Some(self.analysis.get_or_init(|| project.analyse()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_the_nearest_directory_with_a_records_file_or_a_customers_folder() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path();
        std::fs::create_dir_all(top.join("records/customers/east")).unwrap();
        let file = top.join("records/customers/east/acme.toml");
        assert_eq!(records_root(&file), Some(top.join("records")), "by its customers/ folder");
        std::fs::write(top.join("records/customers/east/team.toml"), "").unwrap();
        assert_eq!(records_root(&file), Some(top.join("records/customers/east")), "the nearest wins");
        std::fs::remove_file(top.join("records/customers/east/team.toml")).unwrap();
        std::fs::create_dir_all(top.join("notes")).unwrap();
        assert_eq!(records_root(&top.join("notes/x.toml")).filter(|r| r.starts_with(top)), None);
        std::fs::write(top.join("notes/cardfile.toml"), "").unwrap();
        assert_eq!(records_root(&top.join("notes/x.toml")), Some(top.join("notes")));
    }
}
