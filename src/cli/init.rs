//! `cardfile init DIR`: a new team repository, ready to commit.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crate::edit::write_atomic;
use crate::i18n::{Language, Text, cli};
use crate::scaffold::{self, CARDFILE_GIT, driver_lines};

/// The language of a new repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitLanguage {
    /// English.
    En,
    /// Simplified Chinese.
    #[value(name = "zh-CN")]
    ZhCn,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to create (or an empty one).
    dir: PathBuf,
    /// The language of the settings' comments, the examples and the site.
    #[arg(long, value_enum, default_value = "en")]
    language: InitLanguage,
    /// Write into a directory that is not empty, replacing files of the same names.
    #[arg(long)]
    force: bool,
    /// Also write the built-in templates into records/templates/, to edit them.
    #[arg(long)]
    templates: bool,
    /// The day the example customer's dates are relative to (default: the local date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    today: Option<NaiveDate>,
}

/// Whether `dir` has anything in it but a `.git` folder.
fn has_content(dir: &Path) -> Result<bool> {
    if !dir.exists() {
        return Ok(false);
    }
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        if entry.file_name() != ".git" {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Runs `init`.
pub fn run(args: &InitArgs) -> Result<ExitCode> {
    if args.dir.exists() && !args.dir.is_dir() {
        eprintln!("error: {} exists and is not a directory", args.dir.display());
        return Ok(ExitCode::from(2));
    }
    if has_content(&args.dir)? && !args.force {
        eprintln!(
            "error: {} is not empty; nothing was written (use --force to write into it anyway)",
            args.dir.display()
        );
        return Ok(ExitCode::from(2));
    }
    let lang = match args.language {
        InitLanguage::En => Language::En,
        InitLanguage::ZhCn => Language::ZhCn,
    };
    let language = lang.as_str();
    let today = args.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let files = scaffold::repository(language, today, args.templates);
    for file in &files {
        let path = file.path.split('/').fold(args.dir.clone(), |p, part| p.join(part));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        write_atomic(&path, file.text.as_bytes())?;
        #[cfg(unix)]
        if file.executable {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
                .with_context(|| format!("making {} executable", path.display()))?;
        }
    }
    eprintln!("created a records repository in {} ({} files)", args.dir.display(), files.len());
    println!("{}", next_steps(&args.dir, lang));
    Ok(ExitCode::SUCCESS)
}

fn next_steps(dir: &Path, lang: Language) -> String {
    let config = driver_lines();
    let steps: [(String, Text); 8] = [
        (format!("cd {} && git init", dir.display()), cli::STEP_GIT_INIT),
        ("git config core.hooksPath .githooks".into(), cli::STEP_HOOKS),
        (config[0].clone(), cli::STEP_DRIVER_NAME),
        (config[1].clone(), cli::STEP_DRIVER),
        ("cardfile check".into(), cli::STEP_CHECK),
        (cli::STEP_NEW_COMMAND.get(lang).into(), cli::STEP_NEW),
        (cli::STEP_LOG_COMMAND.get(lang).into(), cli::STEP_LOG),
        ("cardfile build".into(), cli::STEP_BUILD),
    ];
    let mut out = String::from(cli::NEXT_STEPS.get(lang));
    for (command, what) in &steps {
        out.push_str(&format!("  {command:<64} # {}\n", what.get(lang)));
    }
    out.push_str(&cli::next_steps_end(lang, CARDFILE_GIT));
    out
}
