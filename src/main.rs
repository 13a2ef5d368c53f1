//! The `cardfile` command: parse the arguments, run, print the error chain, exit.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the build allocates many small strings on two threads; it is markedly faster
/// than the system allocator there (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    quiet_on_closed_pipe();
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

/// A reader that stops early (`cardfile export | head`) ends cardfile quietly, as it ends other
/// Unix tools, instead of "error: writing to standard output: Broken pipe" (or a panic in a
/// `println!`): Rust ignores SIGPIPE by default, so its default action is restored first.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first in `main`, before any other thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
