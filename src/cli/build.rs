//! `cardfile build`: the team's site, written aside and swapped in.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use clap::Args;

use super::{HistoryArgs, RecordsArgs, stop_on_errors};
use crate::progress::Progress;

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
    /// Print no progress and no summary line (problems are printed all the same).
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `build`.
pub fn run(args: &BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let progress = Progress::new(args.quiet);
    let stage = progress.stage("loading and checking records");
    let (project, history) = args.records.load_with_history(&args.history, true)?;
    stage.done(format_args!("{} files, {}", project.loaded.files_read, project.counts()));
    if let Some(code) = stop_on_errors(&project)? {
        eprintln!("the site was not built; {} is unchanged", args.out.display());
        return Ok(code);
    }
    let options = project.site_options(args.redact, args.base_url.clone())?;
    let customers = project.build(history.as_ref(), options, &args.out, &progress)?;
    progress.summary(format_args!(
        "built {customers} customers into {} in {} ms",
        args.out.display(),
        started.elapsed().as_millis()
    ));
    Ok(ExitCode::SUCCESS)
}
