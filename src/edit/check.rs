//! Validating a record before it is written: the whole records directory is loaded with the
//! record's new text in place of the file, so that every rule `check` knows (per file and
//! across files) applies; what concerns that record is kept.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostics::{Code, Counts};
use crate::records::{self, Loaded};

/// Loads `root` as of `today` with `text` as the content of `rel` (relative to `root`,
/// `/`-separated; it need not exist yet), keeping the diagnostics about that file, those
/// pointing into it, and a missing team.
pub fn check_record(root: &Path, today: NaiveDate, rel: &str, text: &str) -> Loaded {
    let overrides = BTreeMap::from([(rel.to_string(), text.to_string())]);
    let mut loaded = records::load_with(root, today, &overrides);
    loaded
        .diagnostics
        .retain(|d| d.file == rel || d.labels.iter().any(|l| l.file == rel) || d.code == Code::MissingTeam);
    loaded
}

/// Whether what [`check_record`] kept has errors.
pub fn has_errors(loaded: &Loaded) -> bool {
    Counts::of(&loaded.diagnostics).errors > 0
}
