//! `check --format gitlab`: a GitLab Code Quality report, which GitLab shows in a merge
//! request's Code Quality widget (and, on some tiers, beside the changed lines).

use serde::Serialize;

use super::emit::one_line;
use super::fingerprint::fingerprints;
use super::{Positions, Report, Severity};

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// The report: one JSON array of `{description, check_name, fingerprint, severity, location:
/// {path, lines: {begin}}}`, the fields GitLab documents. `prefix` is the records directory
/// relative to the repository root (as for [`render_github`](super::render_github)), so that
/// `path` is relative to the repository. Errors are `major`, warnings `minor`; `check_name`
/// is the code; the fingerprint is [`fingerprints`]'s.
pub fn render_gitlab(report: &Report<'_>, prefix: &str) -> String {
    let mut positions = Positions::default();
    let paths: Vec<String> = report.diagnostics.iter().map(|d| format!("{prefix}{}", d.file)).collect();
    let issues: Vec<Issue<'_>> = report
        .diagnostics
        .iter()
        .zip(fingerprints(report, prefix))
        .zip(&paths)
        .map(|((d, fingerprint), path)| Issue {
            description: format!("{}: {}", d.code, one_line(d)),
            check_name: d.code.as_str(),
            fingerprint,
            severity: match d.severity() {
                Severity::Error => "major",
                Severity::Warning => "minor",
            },
            location: Location { path, lines: Lines { begin: report.position(&mut positions, d).line } },
        })
        .collect();
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::diagnostics::{Code, Diagnostic};

    #[test]
    fn issues_have_gitlabs_fields_with_the_path_from_the_repository_root() {
        let text = "name = \"x\"\namout = 5\n".to_string();
        let diagnostics = [
            Diagnostic::new(Code::UnknownKey, "customers/a.toml", 11..16, "unknown key `amout`").with_help("amount?"),
            Diagnostic::whole_file(Code::Unreachable, "customers/a.toml", "no way to reach x"),
        ];
        let texts = BTreeMap::from([("customers/a.toml".to_string(), text)]);
        let report = Report { diagnostics: &diagnostics, texts: &texts, files_read: 1 };
        let value: serde_json::Value = serde_json::from_str(&render_gitlab(&report, "team/records/")).unwrap();
        let first = &value[0];
        assert_eq!(first["description"], "E010: unknown key `amout`; help: amount?");
        assert_eq!(first["check_name"], "E010");
        assert_eq!(first["severity"], "major");
        assert_eq!(first["location"]["path"], "team/records/customers/a.toml");
        assert_eq!(first["location"]["lines"]["begin"], 2);
        assert_eq!(first["fingerprint"].as_str().map(str::len), Some(64));
        assert_eq!(value[1]["severity"], "minor");
        assert_eq!(value[1]["location"]["lines"]["begin"], 1);
    }
}
