//! `cardfile diff [FROM [TO]]`: what changed in the records between two revisions, for review.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use super::RecordsArgs;
use crate::review::{self, Side};

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For the terminal.
    Text,
    /// For a pull request's summary.
    Markdown,
    /// For tools (SPEC 11.3).
    Json,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The revision to compare from (default: where HEAD left the default branch).
    from: Option<String>,
    /// The revision to compare to (default: the records as they are on disk).
    to: Option<String>,
    #[command(flatten)]
    records: RecordsArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: DiffFormat,
}

/// Runs `diff`.
pub fn run(args: &DiffArgs) -> Result<ExitCode> {
    args.records.require_dir()?;
    let to = args.to.clone().map_or(Side::WorkTree, Side::Revision);
    let review = review::review(&args.records.records, args.from.as_deref(), to, args.records.today())?;
    let text = match args.format {
        DiffFormat::Text => crate::terminal::escape_with(&review::text(&review), true).into_owned(),
        DiffFormat::Markdown => review::markdown(&review),
        DiffFormat::Json => {
            let mut json = serde_json::to_string_pretty(&review).context("writing the review as JSON")?;
            json.push('\n');
            json
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).context("writing the review to standard output")?;
    Ok(ExitCode::SUCCESS)
}
