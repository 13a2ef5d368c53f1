//! The driver: load → validate → analyse (→ render → write), one stage at a time.

use std::path::{Path, PathBuf};

use anyhow::anyhow;
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

    /// Loads the records and, at the same time on another thread, reads their git history
    /// (SPEC 11.1) unless `no_history` (`--no-history`); the history is kept only when
    /// `[history] enabled` is not `false`.
    pub fn load_with_history(root: &Path, today: NaiveDate, no_history: bool) -> (Project, HistoryRead) {
        std::thread::scope(|scope| {
            let reading = (!no_history).then(|| scope.spawn(|| History::read(root)));
            let project = Project::load(root, today);
            let mut read = HistoryRead { history: None, warnings: Vec::new() };
            let Some(reading) = reading else { return (project, read) };
            let result = reading.join().unwrap_or_else(|_| Err(anyhow!("reading it stopped unexpectedly")));
            if !project.loaded.settings.history.enabled {
                return (project, read);
            }
            match result {
                Ok(history) => {
                    if let Some(at) = history.as_ref().and_then(|h| h.shallow_at.as_ref()) {
                        read.warnings.push(format!("history starts at {at}: the clone is shallow"));
                    }
                    read.history = history;
                }
                Err(err) => read.warnings.push(format!("the git history was not read: {err:#}")),
            }
            (project, read)
        })
    }

    /// Error and warning counts.
    pub fn counts(&self) -> Counts {
        Counts::of(&self.loaded.diagnostics)
    }

    /// Analyses the records; only meaningful when there are no errors.
    pub fn analyse(&self) -> Analysis {
        analysis::analyse(&self.loaded.records, &self.loaded.settings, self.today)
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
