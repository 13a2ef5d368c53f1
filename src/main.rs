//! The `cardfile` command: parse the arguments, run, print the error chain, exit.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the build allocates many small strings on two threads; it is markedly faster
/// than the system allocator there (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    return_freed_memory_soon();
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

/// mimalloc returns pages freed by one phase of a build (loading, the big list pages, the
/// search index) 10 ms after they are freed instead of after a second, so that the next phase
/// does not stack its own pages on top: the peak RSS of a 10,000-customer build falls by about
/// 40 MB, at no measurable cost in time (docs/performance.md, "Fifth round").
fn return_freed_memory_soon() {
    // SAFETY: called in `main` before any other thread exists (the option is not atomic);
    // `purge_delay` takes milliseconds.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 10);
    }
}

/// `mi_option_purge_delay` in mimalloc 3's `mimalloc.h` (the crate names no constant for it).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

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

#[cfg(test)]
mod tests {
    /// The option numbered [`super::PURGE_DELAY`] is the purge delay: the only option whose
    /// default is 1000 (milliseconds) at that place.
    #[test]
    fn the_option_set_is_the_purge_delay() {
        // SAFETY: reading an option is a plain load.
        let default = unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) };
        assert_eq!(default, 1000);
    }
}
