//! Printing diagnostics: for people (like rustc), as JSON, and as GitHub annotations. The
//! GitLab Code Quality and SARIF reports have files of their own ([`gitlab`](super::gitlab),
//! [`sarif`](super::sarif)).

use std::collections::BTreeMap;

use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term;
use codespan_reporting::term::termcolor::WriteColor;
use serde::Serialize;

use super::snippet::{self, Excerpt, Excerpts};
use super::{Counts, Diagnostic, Positions, Severity};
use crate::terminal::{escape, escape_with};

/// The output formats of `check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Like rustc: the message, the place, the source line with a caret, and a hint.
    Human,
    /// One JSON array of `{severity, code, file, line, column, message}`.
    Json,
    /// GitHub Actions workflow commands that annotate a pull request.
    Github,
    /// A GitLab Code Quality report: one JSON array, shown on merge requests.
    Gitlab,
    /// A SARIF 2.1.0 log, for GitHub code scanning and other tools.
    Sarif,
}

/// Diagnostics with the texts of the files they point into.
pub struct Report<'a> {
    /// The diagnostics, in printing order.
    pub diagnostics: &'a [Diagnostic],
    /// Each file's text by its path relative to the records directory.
    pub texts: &'a BTreeMap<String, String>,
    /// How many files were read (for the summary line).
    pub files_read: usize,
}

impl Report<'_> {
    /// The text of `file`, empty when it was not kept.
    pub(super) fn text(&self, file: &str) -> &str {
        self.texts.get(file).map_or("", String::as_str)
    }

    /// The line and column a diagnostic starts at.
    pub(super) fn position<'r>(&'r self, positions: &mut Positions<'r>, d: &'r Diagnostic) -> super::LineCol {
        positions.line_col(&d.file, self.text(&d.file), d.span.as_ref().map_or(0, |s| s.start))
    }
}

/// Writes the diagnostics the way rustc does, with colour when `out` supports it. Each shows
/// only a window of its lines (see [`snippet`](super::snippet)), and every text from the
/// records (messages, file names, source) is made safe for a terminal first.
pub fn render_human(report: &Report<'_>, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let mut starts: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let config = term::Config::default();
    for d in report.diagnostics {
        // The files this diagnostic points into, its own first, each with its spans.
        let mut files: Vec<(&str, Vec<Range<usize>>)> = vec![(&d.file, vec![d.span.clone().unwrap_or(0..0)])];
        for label in &d.labels {
            match files.iter_mut().find(|(f, _)| *f == label.file) {
                Some((_, spans)) => spans.push(label.span.clone()),
                None => files.push((&label.file, vec![label.span.clone()])),
            }
        }
        let mut excerpts = Vec::new();
        let mut mapped = Vec::new();
        for (file, spans) in &files {
            let text = report.text(file);
            let line_starts = starts.entry(file).or_insert_with(|| snippet::line_starts(text));
            let (excerpt, spans) = Excerpt::new(file, text, line_starts, spans);
            excerpts.push(excerpt);
            mapped.push(spans);
        }
        let mut labels = vec![cs::Label::primary(0, mapped[0][0].clone())];
        // The next span of each file: its labels were collected in order, after the primary.
        let mut next: Vec<usize> = (0..files.len()).map(|id| usize::from(id == 0)).collect();
        for label in &d.labels {
            let id = files.iter().position(|(f, _)| *f == label.file).unwrap_or(0);
            let span = mapped[id].get(next[id]).cloned().unwrap_or(0..0);
            next[id] += 1;
            labels.push(cs::Label::secondary(id, span).with_message(escape(&label.message)));
        }
        let severity = match d.severity() {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let diagnostic = cs::Diagnostic::new(severity)
            .with_code(d.code.as_str())
            .with_message(escape(&d.message))
            .with_labels(labels)
            .with_notes(d.help.iter().map(|h| format!("help: {}", escape(h))).collect());
        term::emit_to_write_style(out, &config, &Excerpts(excerpts), &diagnostic)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
    }
    writeln!(out, "{}", summary_line(report))
}

/// "2 errors, 1 warning in 41 files".
pub fn summary_line(report: &Report<'_>) -> String {
    format!("{} in {}", Counts::of(report.diagnostics), plural(report.files_read, "file"))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") }
}

/// "2 errors, 1 warning".
impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, {}", plural(self.errors, "error"), plural(self.warnings, "warning"))
    }
}

/// The message of a diagnostic with its hint, for the one-line formats.
pub(super) fn one_line(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}; help: {}", d.message, help),
        None => d.message.clone(),
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    code: &'static str,
    file: &'a str,
    line: usize,
    column: usize,
    message: String,
}

/// One JSON array of diagnostics, as SPEC section 9 lays out.
pub fn render_json(report: &Report<'_>) -> String {
    let mut positions = Positions::default();
    let items: Vec<JsonDiagnostic<'_>> = report
        .diagnostics
        .iter()
        .map(|d| {
            let pos = report.position(&mut positions, d);
            JsonDiagnostic {
                severity: d.severity().as_str(),
                code: d.code.as_str(),
                file: &d.file,
                line: pos.line,
                column: pos.column,
                message: one_line(d),
            }
        })
        .collect();
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string())
}

/// GitHub workflow commands; `prefix` is the records directory relative to the repository root.
pub fn render_github(report: &Report<'_>, prefix: &str) -> String {
    let mut out = String::new();
    let mut positions = Positions::default();
    for d in report.diagnostics {
        let pos = report.position(&mut positions, d);
        let file = escape_with(&format!("{prefix}{}", d.file), true).into_owned();
        out.push_str(&format!(
            "::{} file={},line={},col={},title={}::{}\n",
            d.severity().as_str(),
            escape_property(&file),
            pos.line,
            pos.column,
            d.code,
            escape_data(&escape_with(&one_line(d), true)),
        ));
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    fn sample() -> (Vec<Diagnostic>, BTreeMap<String, String>) {
        let text = "name = \"x\"\namout = 5\n".to_string();
        let d = Diagnostic::new(Code::UnknownKey, "customers/a.toml", 11..16, "unknown key `amout`")
            .with_help("did you mean `amount`?");
        (vec![d], BTreeMap::from([("customers/a.toml".to_string(), text)]))
    }

    #[test]
    fn json_has_exactly_the_spec_keys_and_one_based_positions() {
        let (diags, texts) = sample();
        let report = Report { diagnostics: &diags, texts: &texts, files_read: 1 };
        let value: serde_json::Value = serde_json::from_str(&render_json(&report)).unwrap();
        let item = &value[0];
        assert_eq!(item["severity"], "error");
        assert_eq!(item["code"], "E010");
        assert_eq!(item["file"], "customers/a.toml");
        assert_eq!(item["line"], 2);
        assert_eq!(item["column"], 1);
        assert_eq!(item.as_object().unwrap().len(), 6);
        let json = render_json(&report);
        let keys: Vec<&str> = json.lines().filter_map(|l| l.trim().strip_prefix('"')?.split('"').next()).collect();
        assert_eq!(keys, ["severity", "code", "file", "line", "column", "message"]);
    }

    #[test]
    fn github_lines_escape_properties_and_carry_the_prefix() {
        let (diags, texts) = sample();
        let report = Report { diagnostics: &diags, texts: &texts, files_read: 1 };
        let out = render_github(&report, "team,x/records/");
        assert!(out.starts_with("::error file=team%2Cx/records/customers/a.toml,line=2,col=1,title=E010::"));
    }

    #[test]
    fn human_output_points_at_the_line_with_a_caret() {
        let (diags, texts) = sample();
        let report = Report { diagnostics: &diags, texts: &texts, files_read: 41 };
        let mut buf = term::termcolor::NoColor::new(Vec::new());
        render_human(&report, &mut buf).unwrap();
        let text = String::from_utf8(buf.into_inner()).unwrap();
        assert!(text.contains("error[E010]: unknown key `amout`"), "{text}");
        assert!(text.contains("customers/a.toml:2:1"), "{text}");
        assert!(text.contains("^^^^^"), "{text}");
        assert!(text.contains("help: did you mean `amount`?"), "{text}");
        assert!(text.ends_with("1 error, 0 warnings in 41 files\n"), "{text}");
    }
}
