//! `cardfile check`: validate every record file, print every problem, fail once.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{RecordsArgs, exit_code, print_human};
use crate::diagnostics::{
    Counts, Format, Report, render_github, render_gitlab, render_json, render_sarif, summary_line,
};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    records: RecordsArgs,
    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
}

/// Runs `check`.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let project = args.records.load()?;
    let loaded = &project.loaded;
    let report = Report { diagnostics: &loaded.diagnostics, texts: &loaded.texts, files_read: loaded.files_read };
    match args.format {
        Format::Human => print_human(loaded)?,
        Format::Json => println!("{}", render_json(&report)),
        Format::Github => {
            print!("{}", render_github(&report, &repo_prefix(&args.records.records)));
            println!("{}", summary_line(&report));
        }
        Format::Gitlab => println!("{}", render_gitlab(&report, &repo_prefix(&args.records.records))),
        Format::Sarif => println!("{}", render_sarif(&report, &repo_prefix(&args.records.records))),
    }
    Ok(exit_code(Counts::of(&loaded.diagnostics), args.deny_warnings))
}

/// The records directory relative to the root of the git repository that holds it, with a
/// trailing `/`, so that GitHub and GitLab can place annotations on the changed files.
fn repo_prefix(records: &Path) -> String {
    let Ok(abs) = std::fs::canonicalize(records) else { return String::new() };
    let root = abs.ancestors().find(|dir| dir.join(".git").exists());
    let base = match root {
        Some(root) => root.to_path_buf(),
        None => std::env::current_dir().unwrap_or_default(),
    };
    let Ok(rel) = abs.strip_prefix(&base) else { return format!("{}/", abs.display()) };
    let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
    if rel.is_empty() { rel } else { format!("{rel}/") }
}
