//! `cardfile export`: every computed value as JSON (SPEC 9) or CSV.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use super::{HistoryArgs, RecordsArgs, stop_on_errors};
use crate::render;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The SPEC 9 object.
    Json,
    /// One row per customer (or per agenda item with `--agenda`).
    Csv,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    records: RecordsArgs,
    #[command(flatten)]
    history: HistoryArgs,
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// CSV: export the agenda instead of the customers.
    #[arg(long)]
    agenda: bool,
    /// CSV: start with a UTF-8 byte-order mark so that Excel reads Chinese text right.
    #[arg(long)]
    excel: bool,
    /// JSON: add `why` to each customer, saying how each value was computed.
    #[arg(long)]
    explain: bool,
}

/// Runs `export`.
pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    let (project, history) = args.records.load_with_history(&args.history, false)?;
    if let Some(code) = stop_on_errors(&project)? {
        return Ok(code);
    }
    let analysis = project.analyse_with(history.as_ref());
    let records = &project.loaded.records;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match (args.format, args.agenda) {
        // Streamed: the JSON of 100,000 customers is never held in memory as one string.
        (ExportFormat::Json, _) => {
            render::json::write(&mut out, records, &analysis, args.explain.then_some(&project.loaded.settings))
        }
        (ExportFormat::Csv, false) => out.write_all(&render::csv::customers(records, &analysis, args.excel)),
        (ExportFormat::Csv, true) => out.write_all(&render::csv::agenda(&analysis, args.excel)),
    };
    written.and_then(|()| out.flush()).context("writing the export to standard output")?;
    Ok(ExitCode::SUCCESS)
}
