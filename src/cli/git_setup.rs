//! `cardfile git-setup`: registers the merge driver of customer files (and the pre-commit
//! hook, when the repository has `.githooks/`) in an existing clone, with the `git` program.
//! Running it again changes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result};
use clap::Args;

use crate::scaffold::{DRIVER_CONFIG, GITATTRIBUTES};

/// Arguments of `git-setup`.
#[derive(Debug, Args)]
pub struct GitSetupArgs {
    /// A folder inside the clone (default: the current directory).
    #[arg(long, value_name = "DIR")]
    records: Option<PathBuf>,
}

/// The work tree around `start`: the nearest folder upwards holding `.git`.
fn work_tree(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start.ancestors().find(|dir| dir.join(".git").exists()).map(Path::to_path_buf)
}

/// The `git config` settings to make in `root`, as `(key, value)`.
fn settings(root: &Path) -> Vec<(&'static str, &'static str)> {
    let mut out = DRIVER_CONFIG.to_vec();
    if root.join(".githooks").is_dir() {
        out.push(("core.hooksPath", ".githooks"));
    }
    out
}

fn shell_line((key, value): &(&str, &str)) -> String {
    if value.contains(' ') { format!("git config {key} \"{value}\"") } else { format!("git config {key} {value}") }
}

fn print_manual(settings: &[(&str, &str)]) {
    eprintln!("run these lines in the clone:");
    for setting in settings {
        eprintln!("  {}", shell_line(setting));
    }
}

/// Runs `git-setup`.
pub fn run(args: &GitSetupArgs) -> Result<ExitCode> {
    let start = match &args.records {
        Some(dir) => dir.clone(),
        None => std::env::current_dir().context("finding the current directory")?,
    };
    let Some(root) = work_tree(&start) else {
        eprintln!("error: {} is not inside a git repository (clone the records repository first)", start.display());
        print_manual(&settings(&start));
        return Ok(ExitCode::from(2));
    };
    let settings = settings(&root);
    for (i, setting) in settings.iter().enumerate() {
        let (key, value) = setting;
        let status = Command::new("git").arg("-C").arg(&root).args(["config", key, value]).status();
        match status {
            Ok(s) if s.success() => println!("{}", shell_line(setting)),
            Ok(s) => {
                eprintln!("error: `{}` failed in {} ({s})", shell_line(setting), root.display());
                print_manual(&settings[i..]);
                return Ok(ExitCode::from(2));
            }
            Err(err) => {
                eprintln!("error: cannot run git ({err}); is it installed?");
                print_manual(&settings[i..]);
                return Ok(ExitCode::from(2));
            }
        }
    }
    println!("set up {}: customer files now merge entry by entry (cardfile merge)", root.display());
    let attributes = std::fs::read_to_string(root.join(".gitattributes")).unwrap_or_default();
    if !attributes.contains("merge=cardfile") {
        eprintln!(
            "note: {} has no `merge=cardfile` line, so git does not use the driver yet; add:\n{}",
            root.join(".gitattributes").display(),
            GITATTRIBUTES.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n")
        );
    }
    Ok(ExitCode::SUCCESS)
}
