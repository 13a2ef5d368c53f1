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
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
