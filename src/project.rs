//! The driver: load → validate → analyse (→ render → write), one stage at a time.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::analysis::{self, Analysis};
use crate::diagnostics::Counts;
use crate::history::History;
use crate::records::{self, Loaded};

/// A records directory loaded and validated as of a reference date.
pub struct Project {
    /// What was loaded, with its diagnostics.
    pub loaded: Loaded,
    /// The reference date.
    pub today: NaiveDate,
    /// The records directory.
    pub root: PathBuf,
}

/// The git history as a build reads it, with what it has to say about it.
pub struct HistoryRead {
    /// The history; `None` outside git, when disabled, or when it could not be read.
    pub history: Option<History>,
    /// Problems with it, each said once (history never fails a build).
    pub warnings: Vec<String>,
}

impl Project {
    /// Loads and validates the records under `root`.
    pub fn load(root: &Path, today: NaiveDate) -> Project {
        Project { loaded: records::load(root, today), today, root: root.to_path_buf() }
    }

    /// Error and warning counts.
    pub fn counts(&self) -> Counts {
        Counts::of(&self.loaded.diagnostics)
    }

    /// Analyses the records; only meaningful when there are no errors.
    pub fn analyse(&self) -> Analysis {
        analysis::analyse(&self.loaded.records, &self.loaded.settings, self.today)
    }

    /// Reads the git history of the records (SPEC 11.1), unless `disabled` (`--no-history`)
    /// or `[history] enabled = false`; with `redact`, summaries hide contact details.
    pub fn read_history(&self, disabled: bool, redact: bool) -> HistoryRead {
        let mut read = HistoryRead { history: None, warnings: Vec::new() };
        if disabled || !self.loaded.settings.history.enabled {
            return read;
        }
        match History::read(&self.root, redact) {
            Ok(history) => {
                if let Some(at) = history.as_ref().and_then(|h| h.shallow_at.as_ref()) {
                    read.warnings.push(format!("history starts at {at}: the clone is shallow"));
                }
                read.history = history;
            }
            Err(err) => read.warnings.push(format!("the git history was not read: {err:#}")),
        }
        read
    }

    /// Whether a site must leave contact details out: `--redact` or `redact = true`.
    pub fn redact(&self, flag: bool) -> bool {
        flag || self.loaded.settings.redact
    }

    /// The analysis a site is rendered from: with `redact`, without the birthday follow-ups,
    /// whose dates and reasons give birthdays away.
    pub fn analyse_for_site(&self, redact: bool) -> Analysis {
        let mut analysis = self.analyse();
        if self.redact(redact) {
            analysis.drop_birthdays();
        }
        analysis
    }
}
