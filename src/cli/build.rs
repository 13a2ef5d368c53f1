//! `cardfile build`: the team's site, written aside and swapped in.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use super::{HistoryArgs, RecordsArgs, stop_on_errors};

/// Arguments of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    records: RecordsArgs,
    #[command(flatten)]
    history: HistoryArgs,
    /// The output directory (replaced as a whole when the build succeeds).
    #[arg(long, default_value = "site", value_name = "DIR")]
    out: PathBuf,
    /// The site's absolute URL, used where a link must be absolute (the calendar feeds).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Leave phone numbers, e-mail, WeChat, addresses, birthdays and notes out of the site.
    #[arg(long)]
    redact: bool,
}

/// Runs `build`.
pub fn run(args: &BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let (project, history) = args.records.load_with_history(&args.history)?;
    if let Some(code) = stop_on_errors(&project)? {
        eprintln!("the site was not built; {} is unchanged", args.out.display());
        return Ok(code);
    }
    let options = project.site_options(args.redact, args.base_url.clone())?;
    let customers = project.build(history.as_ref(), options, &args.out)?;
    eprintln!("built {customers} customers into {} in {} ms", args.out.display(), started.elapsed().as_millis());
    Ok(ExitCode::SUCCESS)
}
