//! `cardfile check`'s diagnostics as the protocol's: the same code, message, hint and place,
//! one list per file, with the byte spans turned into positions in the negotiated encoding.

use std::collections::BTreeMap;
use std::path::Path;

use lsp_types::{
    Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams,
};

use super::documents::{Encoding, Lines, path_to_uri};
use crate::diagnostics::{Diagnostic, Severity};
use crate::records::Loaded;

/// What the server calls itself in each diagnostic's `source`.
pub const SOURCE: &str = "cardfile";

/// The diagnostics of every file that has some, by path relative to the records directory.
pub fn by_file(loaded: &Loaded, root: &Path, encoding: Encoding) -> BTreeMap<String, Vec<LspDiagnostic>> {
    let empty = String::new();
    let lines: BTreeMap<&str, Lines<'_>> =
        loaded.texts.iter().map(|(rel, text)| (rel.as_str(), Lines::new(text, encoding))).collect();
    let fallback = Lines::new(&empty, encoding);
    let lines_of = |rel: &str| lines.get(rel).unwrap_or(&fallback);
    let mut out: BTreeMap<String, Vec<LspDiagnostic>> = BTreeMap::new();
    for d in &loaded.diagnostics {
        let converted = convert(d, root, &lines_of);
        out.entry(d.file.clone()).or_default().push(converted);
    }
    out
}

/// One diagnostic of `loaded` as the protocol's (for the code action that fixes it).
pub fn one(d: &Diagnostic, loaded: &Loaded, root: &Path, encoding: Encoding) -> LspDiagnostic {
    let empty = String::new();
    let lines: BTreeMap<&str, Lines<'_>> = std::iter::once(d.file.as_str())
        .chain(d.labels.iter().map(|l| l.file.as_str()))
        .map(|rel| (rel, Lines::new(loaded.texts.get(rel).unwrap_or(&empty), encoding)))
        .collect();
    let fallback = Lines::new(&empty, encoding);
    convert(d, root, &|rel: &str| lines.get(rel).unwrap_or(&fallback))
}

/// One diagnostic as the protocol's: its message with the hint below it, as `check` prints
/// them; its other places as related information; its replacement (if any) as `data`.
fn convert<'a>(d: &Diagnostic, root: &Path, lines_of: &impl Fn(&str) -> &'a Lines<'a>) -> LspDiagnostic {
    let range = lines_of(&d.file).range(d.span.clone().unwrap_or(0..0));
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter_map(|label| {
            let uri = path_to_uri(&root.join(&label.file))?;
            let range = lines_of(&label.file).range(label.span.clone());
            Some(DiagnosticRelatedInformation { location: Location { uri, range }, message: label.message.clone() })
        })
        .collect();
    LspDiagnostic {
        range,
        severity: Some(match d.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        data: d.replacement.as_ref().map(|r| serde_json::json!({ "replacement": r })),
        ..LspDiagnostic::default()
    }
}

/// The notifications to send for a new load, given what was sent before: every file whose
/// list changed, with an empty list for each file that had some and has none now (a file
/// whose list did not change is not sent again).
pub fn publications(
    now: &BTreeMap<String, Vec<LspDiagnostic>>,
    before: &BTreeMap<String, Vec<LspDiagnostic>>,
    root: &Path,
) -> Vec<PublishDiagnosticsParams> {
    let changed =
        now.iter().filter(|(rel, list)| before.get(*rel) != Some(list)).map(|(rel, list)| (rel, list.clone()));
    let cleared = before.keys().filter(|rel| !now.contains_key(*rel)).map(|rel| (rel, Vec::new()));
    let mut out = Vec::new();
    for (rel, diagnostics) in changed.chain(cleared) {
        if let Some(uri) = path_to_uri(&root.join(rel)) {
            out.push(PublishDiagnosticsParams { uri, diagnostics, version: None });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::load_texts;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    #[test]
    fn a_diagnostic_keeps_its_code_message_hint_and_place() {
        let files = BTreeMap::from([
            ("team.toml".to_string(), "[[member]]\nid = \"li\"\nname = \"Li\"\n".to_string()),
            (
                "customers/acme.toml".to_string(),
                "name = \"华东😀\"\nowner = \"li\"\nnmae = 1\nphone = \"1\"\n".to_string(),
            ),
        ]);
        let loaded = load_texts(&files, day());
        let out = by_file(&loaded, Path::new("/r"), Encoding::Utf16);
        let acme = &out["customers/acme.toml"];
        assert_eq!(acme.len(), 1, "{acme:?}");
        let d = &acme[0];
        assert_eq!(d.code, Some(NumberOrString::String("E010".into())));
        assert_eq!(d.message, "unknown key `nmae` in the customer\nhelp: did you mean `name`?");
        assert_eq!((d.range.start.line, d.range.start.character, d.range.end.character), (2, 0, 4));
        assert_eq!(d.data, Some(serde_json::json!({ "replacement": "name" })));
    }

    #[test]
    fn files_whose_list_changed_are_sent_and_files_that_have_none_now_are_cleared() {
        let one = |message: &str| vec![LspDiagnostic { message: message.into(), ..LspDiagnostic::default() }];
        let now = BTreeMap::from([
            ("customers/a.toml".to_string(), one("new")),
            ("customers/same.toml".to_string(), one("same")),
        ]);
        let before = BTreeMap::from([
            ("customers/a.toml".to_string(), one("old")),
            ("customers/b.toml".to_string(), one("fixed")),
            ("customers/same.toml".to_string(), one("same")),
        ]);
        let sent = publications(&now, &before, Path::new("/r"));
        let summary: Vec<(String, usize)> =
            sent.iter().map(|p| (p.uri.as_str().to_string(), p.diagnostics.len())).collect();
        assert_eq!(
            summary,
            [("file:///r/customers/a.toml".to_string(), 1), ("file:///r/customers/b.toml".to_string(), 0)]
        );
    }
}
