//! `cardfile man`: the manual page, generated from the clap definition, so it never goes out
//! of date.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory};

use super::Cli;

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `cardfile.1` and a page per subcommand (`cardfile-check.1`, …) into DIR instead
    /// of printing `cardfile.1`.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// Runs `man`: prints the roff page of `cardfile` (`cardfile man | man -l -`), or writes every
/// page into `--out`.
pub fn run(args: &ManArgs) -> Result<ExitCode> {
    let command = Cli::command();
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("writing the pages into {}", dir.display()))?;
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page).context("rendering the manual page")?;
            std::io::Write::write_all(&mut std::io::stdout(), &page).context("writing the manual page")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
