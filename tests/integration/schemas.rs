//! What other programs read, validated against their schemas with `check-jsonschema`, run as
//! `python3 -m check_jsonschema` (which `scripts/test` installs with pip when it is missing): `check --format gitlab` against
//! `tests/schemas/gitlab-code-quality.json` (written from GitLab's documented fields),
//! `check --format sarif` against the SARIF 2.1.0 schema vendored in `tests/schemas/`, and the
//! CI files `init` writes against the GitHub-workflow and GitLab-CI schemas that
//! `check-jsonschema` ships.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::{TODAY, TempDir, cannot_run, exit_code, fixture, run, run_in, stderr, stdout};

/// The fixture cases whose reports are validated: errors, warnings, none, secondary labels,
/// problems with whole files.
const CASES: &[&str] = &["many_errors", "warnings", "fine", "merge_conflict", "invalid_utf8", "missing_team"];

/// Runs `check-jsonschema ARGS… FILES…`: `Some(passed, output)`, or `None` (after
/// [`cannot_run`]) when it is not installed.
fn check_jsonschema(args: &[&str], files: &[PathBuf]) -> Option<(bool, String)> {
    let output = Command::new("python3").args(["-m", "check_jsonschema"]).args(args).args(files).output();
    match output {
        Ok(output) if stderr(&output).contains("No module named check_jsonschema") => {
            cannot_run("check-jsonschema is not installed (scripts/test installs it with pip)");
            None
        }
        Ok(output) => Some((output.status.success(), format!("{}{}", stdout(&output), stderr(&output)))),
        Err(err) => {
            cannot_run(&format!("python3 cannot run ({err}), so neither can check-jsonschema"));
            None
        }
    }
}

fn schema(name: &str) -> String {
    fixture(&format!("schemas/{name}")).display().to_string()
}

/// `check --format FORMAT` on a fixture case, written into `dir`; the parsed report too.
fn report(dir: &Path, case: &str, format: &str) -> (PathBuf, Value) {
    let records = format!("tests/check/{case}/records");
    let output = run(&["check", "--records", &records, "--today", TODAY, "--format", format]);
    assert!(exit_code(&output) <= 1, "{case}: {}", stderr(&output));
    assert_eq!(stderr(&output), "", "{case}: --format {format} writes nothing to stderr");
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap_or_else(|e| panic!("{case}: {e}"));
    let path = dir.join(format!("{case}.{format}.json"));
    std::fs::write(&path, stdout(&output)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, value)
}

#[test]
fn code_quality_reports_match_the_documented_fields() {
    let dir = TempDir::new("code-quality");
    let mut files = Vec::new();
    for case in CASES {
        let (path, value) = report(dir.path(), case, "gitlab");
        let issues = value.as_array().unwrap_or_else(|| panic!("{case}: not an array"));
        assert_eq!(issues.is_empty(), *case == "fine", "{case}");
        let prints: HashSet<&str> = issues.iter().filter_map(|i| i["fingerprint"].as_str()).collect();
        assert_eq!(prints.len(), issues.len(), "{case}: fingerprints are unique");
        for issue in issues {
            let path = issue["location"]["path"].as_str().unwrap_or_default();
            assert!(
                path.starts_with(&format!("tests/check/{case}/records/")),
                "{case}: from the repository root: {path}"
            );
        }
        files.push(path);
    }
    let Some((passed, output)) = check_jsonschema(&["--schemafile", &schema("gitlab-code-quality.json")], &files)
    else {
        return;
    };
    assert!(passed, "{output}");
    // The schema has teeth: what GitLab's documentation rules out fails it.
    let bad = dir.write(
        "bad.json",
        r#"[{"description": "x", "check_name": "E010", "fingerprint": "f", "severity": "error",
             "location": {"path": "./records/a.toml"}}]"#,
    );
    let Some((passed, output)) = check_jsonschema(&["--schemafile", &schema("gitlab-code-quality.json")], &[bad])
    else {
        return;
    };
    assert!(!passed, "{output}");
    for what in ["severity", "location.path", "location"] {
        assert!(output.contains(&format!("$[0].{what}")), "{what}: {output}");
    }
}

#[test]
fn sarif_logs_match_the_sarif_2_1_0_schema() {
    let dir = TempDir::new("sarif");
    let mut files = Vec::new();
    for case in CASES {
        let (path, log) = report(dir.path(), case, "sarif");
        let results = log["runs"][0]["results"].as_array().cloned().unwrap_or_default();
        assert_eq!(results.is_empty(), *case == "fine", "{case}");
        for result in &results {
            let uri =
                result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap_or_default();
            assert!(uri.starts_with(&format!("tests/check/{case}/records/")), "{case}: {uri}");
        }
        files.push(path);
    }
    // The published schema's `language` pattern is a Python regex, not an ECMAScript one.
    let args = ["--regex-variant", "python", "--schemafile", &schema("sarif-2.1.0.json")];
    let Some((passed, output)) = check_jsonschema(&args, &files) else { return };
    assert!(passed, "{output}");
}

#[test]
fn the_ci_files_init_writes_match_their_schemas() {
    let tmp = TempDir::new("ci-schemas");
    let out = run_in(tmp.path(), &["init", "repo", "--today", TODAY]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let repo = tmp.path().join("repo");
    let github = std::fs::read_to_string(repo.join(".github/workflows/cardfile.yml")).unwrap_or_default();
    let gitlab = std::fs::read_to_string(repo.join(".gitlab-ci.yml")).unwrap_or_default();
    let version = env!("CARGO_PKG_VERSION");
    for (name, text) in [("GitHub", &github), ("GitLab", &gitlab)] {
        assert!(text.contains(&format!("CARDFILE_VERSION: \"{version}\"")), "{name}: {text}");
        assert!(text.contains("--tag \"v$CARDFILE_VERSION\""), "{name}: {text}");
    }
    assert!(github.contains("uses: actions/cache@v4") && github.contains("${{ env.CARDFILE_VERSION }}"), "{github}");
    assert!(github.contains("if: steps.cardfile-cache.outputs.cache-hit != 'true'"), "{github}");
    assert!(gitlab.contains("key: cardfile-$CARDFILE_VERSION"), "{gitlab}");
    assert!(gitlab.contains("cardfile check --format gitlab > gl-code-quality-report.json"), "{gitlab}");
    assert!(gitlab.contains("codequality: gl-code-quality-report.json"), "{gitlab}");
    for (builtin, file) in [
        ("vendor.github-workflows", repo.join(".github/workflows/cardfile.yml")),
        ("vendor.gitlab-ci", repo.join(".gitlab-ci.yml")),
    ] {
        let Some((passed, output)) = check_jsonschema(&["--builtin-schema", builtin], &[file]) else { return };
        assert!(passed, "{builtin}: {output}");
    }
}
