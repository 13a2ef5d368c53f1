//! Problems found in the records, as data: collected from every file, then printed at once.

mod codes;
mod emit;
mod fingerprint;
mod gitlab;
mod position;
mod sarif;
mod snippet;

use std::ops::Range;

pub use codes::Code;
pub use emit::{Format, Report, render_github, render_human, render_json, summary_line};
pub use fingerprint::fingerprints;
pub use gitlab::render_gitlab;
pub use position::{LineCol, Positions, line_col};
pub use sarif::render_sarif;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The records are wrong: nothing is built or exported.
    Error,
    /// Probably a mistake, but the records can still be used.
    Warning,
}

impl Severity {
    /// The lower-case name used in JSON and GitHub output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A secondary place a diagnostic points at ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The file, relative to the records directory.
    pub file: String,
    /// Byte range in that file's text.
    pub span: Range<usize>,
    /// What this place has to do with the problem.
    pub message: String,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable code, e.g. `E010`.
    pub code: Code,
    /// The file, relative to the records directory, with `/` separators.
    pub file: String,
    /// Byte range in the file's text; `None` for a problem with the whole file.
    pub span: Option<Range<usize>>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when we can say.
    pub help: Option<String>,
    /// Other places involved.
    pub labels: Vec<Label>,
    /// The text that fixes it when written in place of the span, when one spelling is
    /// surely meant (the "did you mean" of the hint, as data for an editor's quick fix).
    pub replacement: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at a span of a file.
    pub fn new(code: Code, file: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            file: file.to_string(),
            span: Some(span),
            message: message.into(),
            help: None,
            labels: Vec::new(),
            replacement: None,
        }
    }

    /// A diagnostic about a whole file (reported at line 1, column 1).
    pub fn whole_file(code: Code, file: &str, message: impl Into<String>) -> Self {
        Diagnostic { span: None, ..Diagnostic::new(code, file, 0..0, message) }
    }

    /// Adds a hint on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, file: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label { file: file.to_string(), span, message: message.into() });
        self
    }

    /// Adds a secondary label in the diagnostic's own file.
    pub fn with_label_here(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Self {
        self.labels.push(Label { file: self.file.clone(), span, message: message.into() });
        self
    }

    /// Error or warning, from the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The order diagnostics are printed in: by file, then position, then code.
    pub fn sort_key(&self) -> (&str, usize, Code) {
        (&self.file, self.span.as_ref().map_or(0, |s| s.start), self.code)
    }
}

/// Sorts diagnostics into their printing order and drops exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()).then_with(|| a.message.cmp(&b.message)));
    diagnostics.dedup();
}

/// The most diagnostics of one code reported for one file; the rest are counted in one more.
pub const MAX_PER_CODE: usize = 100;

/// Keeps, for each file and code, the first [`MAX_PER_CODE`] diagnostics (in printing order)
/// and replaces the rest by one diagnostic of the same code at the first one left out: "and
/// 49,900 more …". A file of 50,000 unknown keys then prints 101 diagnostics, not 50,000.
pub fn cap_repeats(diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: std::collections::HashMap<(String, Code), usize> = std::collections::HashMap::new();
    let mut first_dropped: Vec<Diagnostic> = Vec::new();
    diagnostics.retain(|d| {
        let n = seen.entry((d.file.clone(), d.code)).or_insert(0);
        *n += 1;
        if *n == MAX_PER_CODE + 1 {
            first_dropped.push(d.clone());
        }
        *n <= MAX_PER_CODE
    });
    if first_dropped.is_empty() {
        return;
    }
    for d in first_dropped {
        let more = seen.get(&(d.file.clone(), d.code)).map_or(0, |n| n - MAX_PER_CODE);
        diagnostics.push(Diagnostic {
            message: format!("and {more} more like the above in this file: {}", d.code.describe()),
            help: Some(format!("only the first {MAX_PER_CODE} are shown; fix them and run check again")),
            labels: Vec::new(),
            replacement: None,
            ..d
        });
    }
    sort(diagnostics);
}

/// Counts of errors and warnings in a list of diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// How many errors.
    pub errors: usize,
    /// How many warnings.
    pub warnings: usize,
    /// Whether any error is an I/O problem (exit code 2 rather than 1).
    pub io: bool,
}

impl Counts {
    /// Counts the diagnostics of a list.
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for d in diagnostics {
            match d.severity() {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
            }
            counts.io |= d.code.is_io();
        }
        counts
    }
}
