//! Fuzzing on stable Rust: property tests (proptest) that feed the record loader, the Markdown
//! renderer and the CSV import arbitrary and mutated input, and every renderer generated
//! trees that `check` accepts. cargo-fuzz needs a nightly
//! toolchain, which the project's machines do not have.
//!
//! Each property runs [`DEFAULT_CASES`] cases, so the suite stays quick; `.ci/run` sets
//! `CARDFILE_FUZZ_CASES` to run many more. A failure prints the smallest input proptest found.

mod csv_import;
mod extremes;
mod loader;
mod markdown_html;
mod merge;
mod renderers;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::TempDir;

/// Cases per property when `CARDFILE_FUZZ_CASES` is not set.
const DEFAULT_CASES: u32 = 256;

/// The runner of every property: `CARDFILE_FUZZ_CASES` cases (default [`DEFAULT_CASES`]),
/// scaled by `weight` for the slow ones, and no regression files written into the tree.
fn runner(weight: f64) -> TestRunner {
    let cases = std::env::var("CARDFILE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_CASES);
    let cases = ((f64::from(cases) * weight) as u32).max(16);
    TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() })
}

/// Runs `test` on values of `strategy`, failing with proptest's minimal input.
pub fn fuzz<S: Strategy>(weight: f64, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    if let Err(err) = runner(weight).run(&strategy, test) {
        panic!("{err}");
    }
}

/// The reference date of every property.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
}

/// A path under the demo's `records/`.
pub fn demo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records").join(rel)
}

/// A records directory with the demo's settings and team and no customers.
pub fn empty_records(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    for rel in ["cardfile.toml", "team.toml"] {
        let text = std::fs::read_to_string(demo(rel)).unwrap_or_default();
        dir.write(&format!("records/{rel}"), &text);
    }
    dir
}
