//! The `cardfile` command: parse the arguments, run, print the error chain, exit.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the build allocates many small strings on two threads; it is markedly faster
/// than the system allocator there (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cardfile::cli::Cli::parse();
    match cardfile::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // Messages may quote record text: made safe for the terminal.
            eprintln!("error: {}", cardfile::terminal::escape_with(&format!("{err:#}"), true));
            ExitCode::from(2)
        }
    }
}
