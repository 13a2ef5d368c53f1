//! The driver: load → validate → analyse (→ render → write), one stage at a time.

use std::path::Path;

use chrono::NaiveDate;

use crate::analysis::{self, Analysis};
use crate::diagnostics::Counts;
use crate::records::{self, Loaded};

/// A records directory loaded and validated as of a reference date.
pub struct Project {
    /// What was loaded, with its diagnostics.
    pub loaded: Loaded,
    /// The reference date.
    pub today: NaiveDate,
}

impl Project {
    /// Loads and validates the records under `root`.
    pub fn load(root: &Path, today: NaiveDate) -> Project {
        Project { loaded: records::load(root, today), today }
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
