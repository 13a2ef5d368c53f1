//! `cardfile completions SHELL`: the shell's completion script, from the same clap definition
//! as the command line itself.

use std::process::ExitCode;

use anyhow::Result;
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

/// Runs `completions`: prints the script on standard output.
pub fn run(args: &CompletionsArgs) -> Result<ExitCode> {
    clap_complete::generate(args.shell, &mut Cli::command(), "cardfile", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}
