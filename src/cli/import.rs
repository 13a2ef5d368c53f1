//! `cardfile import`: records from a spreadsheet export; a dry run unless `--write`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use super::{RecordsArgs, print_human};
use crate::import::{self, Kind};
use crate::progress::Progress;
use crate::terminal::escape;

/// What the rows of the CSV file are.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum As {
    /// One new (or changed) customer per row.
    Customers,
    /// One order per row, appended to its customer.
    Orders,
    /// One visit, call or message per row, appended to its customer.
    Interactions,
    /// One payment per row: the order with that `ref` gets `paid`.
    Payments,
}

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file (UTF-8, UTF-8 with BOM, or GB18030/GBK as Chinese Excel saves it).
    #[arg(value_name = "FILE.csv")]
    file: PathBuf,
    /// What each row is.
    #[arg(long = "as", value_enum, value_name = "KIND")]
    kind: As,
    #[command(flatten)]
    records: RecordsArgs,
    /// Read a column as a field: `--map 金额(元)=amount`; `--map 序号=` skips a column.
    #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = parse_map)]
    maps: Vec<(String, String)>,
    /// Write the changes (all of them, or nothing when any row has a problem).
    #[arg(long)]
    write: bool,
    /// Amounts are written with a decimal comma: `1234,56` or `1.234,56` (implied when the
    /// file separates its cells with `;`).
    #[arg(long)]
    decimal_comma: bool,
    /// Print only the problems: no progress, no line per record, no summary.
    #[arg(long, short)]
    quiet: bool,
}

fn parse_map(s: &str) -> Result<(String, String), String> {
    let (column, field) = s.rsplit_once('=').ok_or_else(|| format!("`{s}` is not COLUMN=FIELD"))?;
    Ok((column.trim().to_string(), field.trim().to_string()))
}

/// Runs `import`.
pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    let csv = std::fs::read(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let root = &args.records.records;
    // One lock for the whole import, taken before the records are read: what is planned is
    // what is written over, and no other writer changes a file in between.
    let lock = match args.write {
        true if !root.is_dir() => bail!("records directory {} not found", root.display()),
        true => Some(crate::edit::lock(root)?),
        false => None,
    };
    let progress = Progress::new(args.quiet);
    let stage = progress.stage("loading and checking records");
    let project = args.records.load()?;
    stage.done(format_args!("{} files, {}", project.loaded.files_read, project.counts()));
    if project.counts().errors > 0 {
        print_human(&project.loaded)?;
        eprintln!("the records have errors: fix them (see `cardfile check`) before importing; nothing was written");
        return Ok(ExitCode::from(1));
    }
    let kind = match args.kind {
        As::Customers => Kind::Customers,
        As::Orders => Kind::Orders,
        As::Interactions => Kind::Interactions,
        As::Payments => Kind::Payments,
    };
    let options = import::Options { decimal_comma: args.decimal_comma };
    let name = args.file.display().to_string();
    let name = escape(&name);
    let stage = progress.stage(&format!("reading {name} and checking the result"));
    let plan = import::plan(root, &project.loaded, &csv, kind, &args.maps, project.today, options);
    stage.done(format_args!("{} files to create or change", plan.files.len()));
    // The lines and problems quote the CSV's cells: shown, never obeyed by the terminal.
    for line in plan.lines.iter().filter(|_| !args.quiet) {
        println!("{}", escape(line));
    }
    for p in &plan.problems {
        let severity = if p.warning { "warning: " } else { "" };
        eprintln!("{name}:{}:{}: {severity}{}", p.row, p.column, escape(&p.message));
    }
    let errors = plan.errors();
    if errors > 0 {
        let s = if errors == 1 { "" } else { "s" };
        eprintln!("{errors} problem{s} in {name}: nothing was written");
        return Ok(ExitCode::from(1));
    }
    let created = plan.created.len();
    let changed = plan.files.len() - created;
    if !args.write {
        if !args.quiet {
            println!(
                "dry run: {created} file(s) would be created and {changed} changed; nothing was written \
                 (run again with --write to apply)"
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(lock) = lock else { bail!("records directory {} not found", root.display()) };
    let stage = progress.stage("writing");
    import::edit::write_files(root, &lock, &plan.changes())?;
    stage.done(format_args!("{} files", plan.files.len()));
    if !args.quiet {
        println!("wrote {created} new file(s) and changed {changed} in {}", root.display());
    }
    Ok(ExitCode::SUCCESS)
}
