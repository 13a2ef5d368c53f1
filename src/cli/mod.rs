//! The command line: clap types and one small function per subcommand.

mod build;
mod check;
mod completions;
mod diff;
mod due;
mod export;
mod git_setup;
mod import;
mod init;
mod log;
mod lsp;
mod man;
mod merge;
mod new;
mod schema;
mod serve;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diagnostics::{Counts, Report, render_human};
use crate::project::Project;
use crate::records::{Loaded, dates};

/// Turns a git repository of plain-text customer records into a team's website.
#[derive(Debug, Parser)]
#[command(name = "cardfile", version = env!("CARDFILE_LONG_VERSION"), about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every record file and report all problems at once.
    Check(check::CheckArgs),
    /// Build the team's site: dashboards, agenda, customer pages, cards, calendar, data.
    Build(build::BuildArgs),
    /// Print every computed value and the agenda as JSON or CSV.
    Export(export::ExportArgs),
    /// Show the follow-ups due: overdue, today, and the next days.
    Due(due::DueArgs),
    /// Add customers, orders, interactions or payments from a spreadsheet export (CSV).
    Import(import::ImportArgs),
    /// Preview the site on 127.0.0.1, rebuilt and reloaded whenever a record is saved.
    Serve(serve::ServeArgs),
    /// The language server for editors (LSP over standard input and output): diagnostics as
    /// you type, completion, hover with the computed values, go to definition, quick fixes.
    Lsp(lsp::LspArgs),
    /// Start a team's records repository: settings, team, an example, CI, hook, editor schemas.
    Init(init::InitArgs),
    /// Add a customer file, checked like `check` before it is written.
    New(new::NewArgs),
    /// Add an interaction, order, complaint or promise to a customer, or mark one paid,
    /// delivered, answered, resolved or kept.
    Log(Box<log::LogArgs>),
    /// Summarise what changed in the records between two revisions, for review.
    Diff(diff::DiffArgs),
    /// Print or write JSON Schemas of the record files, for editor completion.
    Schema(schema::SchemaArgs),
    /// The git merge driver of customer files: `cardfile merge %O %A %B %P` (see git-setup).
    Merge(merge::MergeArgs),
    /// Register the merge driver (and the pre-commit hook) in this clone's git config.
    GitSetup(git_setup::GitSetupArgs),
    /// Print the completion script of a shell: bash, zsh, fish, powershell or elvish.
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff): `cardfile man | man -l -`.
    Man(man::ManArgs),
}

/// Where the records are and which day counts as today.
#[derive(Debug, Clone, Args)]
pub struct RecordsArgs {
    /// The records directory.
    #[arg(long, default_value = "records", value_name = "DIR")]
    pub records: PathBuf,
    /// The reference date (default: the local date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

impl RecordsArgs {
    /// The reference date: `--today`, else the local date.
    pub fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Loads the records; a missing directory is an I/O error (exit 2).
    pub fn load(&self) -> Result<Project> {
        self.require_dir()?;
        Ok(Project::load(&self.records, self.today()))
    }

    /// Checks that the records directory exists (an I/O error, exit 2, when it does not).
    pub fn require_dir(&self) -> Result<()> {
        records_dir(&self.records)
    }
}

/// Whether to read the git history (SPEC 11): for the commands whose output shows it.
#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// Leave the git history out (as outside a git repository).
    #[arg(long)]
    pub no_history: bool,
}

impl RecordsArgs {
    /// Loads the records and reads their history at the same time (see [`Project::load_with_history`];
    /// `hashed` for a command that makes the site), printing the history's warnings once on
    /// standard error.
    pub fn load_with_history(
        &self,
        history: &HistoryArgs,
        hashed: bool,
    ) -> Result<(Project, Option<crate::history::History>)> {
        self.require_dir()?;
        let (project, read) = Project::load_with_history(&self.records, self.today(), history.no_history, hashed);
        for warning in &read.warnings {
            eprintln!("warning: {warning}");
        }
        Ok((project, read.history))
    }
}

/// Refuses a `--records` that is not a directory: missing, or a file.
pub(crate) fn records_dir(path: &std::path::Path) -> Result<()> {
    if path.is_dir() {
        return Ok(());
    }
    if path.exists() {
        bail!("--records {} is not a directory: name the folder that holds team.toml and customers/", path.display());
    }
    bail!("records directory {} not found (use --records DIR, or run `cardfile init` to start one)", path.display());
}

/// Parses a date of the command line (`--today`, `--date`, …), within the range records may use.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date like 2026-03-04"))?;
    if !dates::in_range(date) {
        return Err(format!("`{s}` is outside the dates cardfile works with ({})", dates::RANGE));
    }
    Ok(date)
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Due(args) => due::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Lsp(args) => lsp::run(&args),
        Command::Init(args) => init::run(&args),
        Command::New(args) => new::run(&args),
        Command::Log(args) => log::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Merge(args) => merge::run(&args),
        Command::GitSetup(args) => git_setup::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
    }
}

/// Prints diagnostics for people on standard error, coloured only on a terminal.
pub fn print_human(loaded: &Loaded) -> Result<()> {
    let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let mut stream = StandardStream::stderr(choice);
    let report = Report { diagnostics: &loaded.diagnostics, texts: &loaded.texts, files_read: loaded.files_read };
    render_human(&report, &mut stream).context("writing diagnostics")
}

/// For commands that need valid records: prints the diagnostics (if any) and returns the
/// exit code to stop with when there are errors. Warnings are printed and do not stop.
pub fn stop_on_errors(project: &Project) -> Result<Option<ExitCode>> {
    let counts = project.counts();
    if !project.loaded.diagnostics.is_empty() {
        print_human(&project.loaded)?;
    }
    Ok((counts.errors > 0).then(|| exit_code(counts, false)))
}

/// The exit code for a set of diagnostics: 2 for I/O problems, 1 for errors, else 0.
pub fn exit_code(counts: Counts, deny_warnings: bool) -> ExitCode {
    if counts.io {
        ExitCode::from(2)
    } else if counts.errors > 0 || (deny_warnings && counts.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
