//! `cardfile lsp`: the language server for editors, on standard input and output.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use crate::lsp::{LspConfig, run as serve};

/// Arguments of `lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// The reference date (default: the local date, at each change).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    today: Option<chrono::NaiveDate>,
    /// Accepted for editors that pass it; standard input and output are always used.
    #[arg(long)]
    stdio: bool,
}

/// Runs the server until the editor tells it to exit: exit code 0 after a `shutdown`
/// request, 1 when the editor exits (or goes away) without one, as LSP asks.
pub fn run(args: &LspArgs) -> Result<ExitCode> {
    let clean = serve(LspConfig { today: args.today })?;
    Ok(if clean { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
