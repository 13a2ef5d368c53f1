//! `cardfile build`: the team's site, written aside and swapped in.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;

use super::{HistoryArgs, RecordsArgs, stop_on_errors};
use crate::progress::Progress;
use crate::render::html::{Site, SiteOptions, templates};
use crate::write::Output;

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
    let (project, history) = args.records.load_with_history(&args.history)?;
    stage.done(format_args!("{} files, {}", project.loaded.files_read, project.counts()));
    if let Some(code) = stop_on_errors(&project)? {
        eprintln!("the site was not built; {} is unchanged", args.out.display());
        return Ok(code);
    }
    let stage = progress.stage("analysing");
    let mut analysis = project.analyse_for_site(args.redact);
    if let Some(history) = &history {
        analysis.note_history(&project.loaded.records, history);
    }
    stage.done(format_args!("{} customers", analysis.customers.len()));
    let options = SiteOptions {
        redact: args.redact,
        base_url: args.base_url.clone(),
        overrides: templates::overrides(&args.records.records)?,
    };
    let stage = progress.counting("rendering and writing", "files");
    let site = Site::new(&project.loaded.records, &analysis, &project.loaded.settings, history.as_ref(), options)?;
    let output = Output::begin(&args.out, &args.records.records)?;
    crate::render::site(&site, &stage.sink(&output))
        .with_context(|| format!("the site was not built; {} is unchanged", args.out.display()))?;
    stage.done("");
    let stage = progress.stage("moving into place");
    output.commit()?;
    stage.done(args.out.display());
    progress.summary(format_args!(
        "built {} customers into {} in {} ms",
        analysis.customers.len(),
        args.out.display(),
        started.elapsed().as_millis()
    ));
    Ok(ExitCode::SUCCESS)
}
