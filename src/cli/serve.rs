//! `cardfile serve`: a live preview of the site on 127.0.0.1.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use crate::serve::{ServeConfig, Server};

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The records directory.
    #[arg(long, default_value = "records", value_name = "DIR")]
    records: PathBuf,
    /// The reference date (default: the local date, at each rebuild).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    today: Option<chrono::NaiveDate>,
    /// The port on 127.0.0.1; 0 picks any free port.
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// Also write each good build to this directory (the preview itself is kept in memory).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Leave contact details, birthdays and notes out, as `build --redact`.
    #[arg(long)]
    redact: bool,
    /// Leave the git history out (as outside a git repository).
    #[arg(long)]
    no_history: bool,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
}

/// Runs `serve` until Ctrl-C.
pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    super::records_dir(&args.records)?;
    let config = ServeConfig {
        records: args.records.clone(),
        today: args.today,
        out: args.out.clone(),
        redact: args.redact,
        port: args.port,
        no_history: args.no_history,
    };
    let server = Server::start(config)?;
    let url = server.url();
    println!("serving {} at {url} (Ctrl-C to stop)", args.records.display());
    if args.open {
        open(&url);
    }
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

/// Opens `url` in the default browser; failing to is not an error.
fn open(url: &str) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd").args(["/C", "start", "", url]).spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(err) = command {
        eprintln!("cannot open a browser ({err}); open {url} yourself");
    }
}
