//! `check --format sarif`: a SARIF 2.1.0 log (the `serde-sarif` types), for GitHub code
//! scanning and the other tools that read static-analysis results.

use std::collections::BTreeMap;
use std::ops::Range;

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region, ReportingConfiguration,
    ReportingDescriptor, Result as SarifResult, ResultLevel, Run, SCHEMA_URL, Sarif, Tool, ToolComponent, Version,
};

use super::emit::one_line;
use super::fingerprint::fingerprints;
use super::{Code, Positions, Report, Severity};

/// The log: one run of the tool `cardfile` with every code as a rule (`ruleIndex` is the
/// code's place in [`Code::ALL`]) and one result per diagnostic, located by a URI relative to
/// the repository root (`prefix` is the records directory's, as for
/// [`render_github`](super::render_github)) against `%SRCROOT%`, with 1-based lines and
/// columns counted in characters (`columnKind: unicodeCodePoints`). Secondary labels are
/// related locations; the fingerprint of [`fingerprints`] is the partial fingerprint
/// `cardfile/v1`.
pub fn render_sarif(report: &Report<'_>, prefix: &str) -> String {
    let mut positions = Positions::default();
    let results: Vec<SarifResult> = report
        .diagnostics
        .iter()
        .zip(fingerprints(report, prefix))
        .map(|(d, fingerprint)| {
            let span = d.span.clone().unwrap_or(0..0);
            let location =
                Location::builder().physical_location(place(report, &mut positions, prefix, &d.file, &span)).build();
            let related: Vec<Location> = d
                .labels
                .iter()
                .enumerate()
                .map(|(id, label)| {
                    Location::builder()
                        .id(id as i64)
                        .physical_location(place(report, &mut positions, prefix, &label.file, &label.span))
                        .message(Message::builder().text(label.message.clone()).build())
                        .build()
                })
                .collect();
            let result = SarifResult::builder()
                .rule_id(d.code.as_str())
                .rule_index(Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0) as i64)
                .level(level(d.severity()))
                .message(Message::builder().text(one_line(d)).build())
                .locations(vec![location])
                .partial_fingerprints(BTreeMap::from([("cardfile/v1".to_string(), fingerprint)]))
                .build();
            SarifResult { related_locations: (!related.is_empty()).then_some(related), ..result }
        })
        .collect();
    let rules: Vec<ReportingDescriptor> = Code::ALL
        .iter()
        .map(|code| {
            ReportingDescriptor::builder()
                .id(code.as_str())
                .name(format!("{code:?}"))
                .short_description(MultiformatMessageString::builder().text(code.describe()).build())
                .default_configuration(
                    ReportingConfiguration::builder().level(serde_json::json!(level(code.severity()))).build(),
                )
                .build()
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("cardfile")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .build();
    let log = Sarif::builder().schema(SCHEMA_URL).version(serde_json::json!(Version::V2_1_0)).runs(vec![run]).build();
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_string())
}

/// Where a span of a file is, for a result or a related location.
fn place<'r>(
    report: &Report<'r>,
    positions: &mut Positions<'r>,
    prefix: &str,
    file: &'r str,
    span: &Range<usize>,
) -> PhysicalLocation {
    let text = report.text(file);
    let (start, end) = (positions.line_col(file, text, span.start), positions.line_col(file, text, span.end));
    let region = Region::builder().start_line(start.line as i64).start_column(start.column as i64);
    let region = if span.is_empty() {
        region.build()
    } else {
        Region { end_line: Some(end.line as i64), end_column: Some(end.column as i64), ..region.build() }
    };
    let uri = ArtifactLocation::builder().uri(format!("{prefix}{file}")).uri_base_id("%SRCROOT%").build();
    PhysicalLocation::builder().artifact_location(uri).region(region).build()
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    #[test]
    fn results_point_at_the_file_from_the_repository_root_with_their_rule() {
        let text = "name = \"x\"\namout = 5\n".to_string();
        let diagnostics = [Diagnostic::new(Code::UnknownKey, "customers/a.toml", 11..16, "unknown key `amout`")
            .with_label("team.toml", 0..4, "the team")];
        let texts = BTreeMap::from([("customers/a.toml".to_string(), text), ("team.toml".into(), "abcd".into())]);
        let report = Report { diagnostics: &diagnostics, texts: &texts, files_read: 2 };
        let log: serde_json::Value = serde_json::from_str(&render_sarif(&report, "records/")).unwrap();
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "E010");
        assert_eq!(run["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap() as usize]["id"], "E010");
        assert_eq!(result["level"], "error");
        let place = &result["locations"][0]["physicalLocation"];
        assert_eq!(place["artifactLocation"]["uri"], "records/customers/a.toml");
        assert_eq!(place["region"]["startLine"], 2);
        assert_eq!(place["region"]["startColumn"], 1);
        assert_eq!(place["region"]["endColumn"], 6);
        assert_eq!(result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"], "records/team.toml");
        assert_eq!(result["partialFingerprints"]["cardfile/v1"].as_str().map(str::len), Some(64));
    }
}
