//! `cardfile completions SHELL`: the shell's completion script, from the same clap definition
//! as the command line itself.

use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: Shell,
}

/// Runs `completions`: prints the script on standard output (made in memory first: a closed
/// pipe is an error message, not a panic).
pub fn run(args: &CompletionsArgs) -> Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "cardfile", &mut script);
    std::io::Write::write_all(&mut std::io::stdout(), &script).context("writing the completion script")?;
    Ok(ExitCode::SUCCESS)
}
