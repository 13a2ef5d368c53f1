//! `cardfile due`: the agenda in the terminal, for a person starting their day.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use codespan_reporting::term::termcolor::{Color, ColorChoice, ColorSpec, StandardStream, WriteColor};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{RecordsArgs, stop_on_errors};
use crate::analysis::agenda::{AgendaItem, Kind, Status};
use crate::format::date;
use crate::i18n::{self, Label, Language};
use crate::records::model::Customer;
use crate::terminal::escape;

/// Output formats of `due`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DueFormat {
    /// Grouped lines for reading.
    Human,
    /// A JSON array of items.
    Json,
}

/// Arguments of `due`.
#[derive(Debug, Args)]
pub struct DueArgs {
    #[command(flatten)]
    records: RecordsArgs,
    /// Only this team member's customers.
    #[arg(long, value_name = "ID")]
    owner: Option<String>,
    /// How many days ahead to look (overdue items are always shown).
    #[arg(long, default_value_t = 7, value_name = "N", value_parser = clap::value_parser!(i64).range(0..))]
    days: i64,
    /// Only these kinds (comma-separated, e.g. `contact,collection`).
    #[arg(long, value_delimiter = ',', value_name = "KIND")]
    kind: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DueFormat::Human)]
    format: DueFormat,
}

#[derive(Serialize)]
struct DueItem<'a> {
    date: String,
    status: &'static str,
    kind: &'static str,
    customer: &'a str,
    name: &'a str,
    owner: &'a str,
    reason: &'a str,
    phone: Option<String>,
}

/// Runs `due`.
pub fn run(args: &DueArgs) -> Result<ExitCode> {
    let project = args.records.load()?;
    if let Some(code) = stop_on_errors(&project)? {
        return Ok(code);
    }
    let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    if let Some(bad) = args.kind.iter().find(|k| !known.contains(&k.as_str())) {
        anyhow::bail!("unknown kind `{bad}`; the kinds are {}", known.join(", "));
    }
    let analysis = project.analyse();
    let records = &project.loaded.records;
    if let Some(owner) = &args.owner
        && records.member(owner).is_none()
    {
        anyhow::bail!("`{owner}` is not in team.toml");
    }
    let today = analysis.window.today;
    let by_id: HashMap<&str, &Customer> = records.customers.iter().map(|c| (c.id.as_str(), &**c)).collect();
    let items: Vec<DueItem<'_>> = analysis
        .agenda
        .iter()
        .filter(|i| (i.date - today).num_days() <= args.days)
        .filter(|i| args.owner.as_ref().is_none_or(|o| &i.owner == o))
        .filter(|i| args.kind.is_empty() || args.kind.iter().any(|k| k == i.kind.as_str()))
        .map(|i| item_view(by_id.get(i.customer.as_str()).copied(), i, today))
        .collect();
    let lang = project.loaded.settings.language;
    match args.format {
        DueFormat::Json => println!("{}", serde_json::to_string_pretty(&items).unwrap_or_default()), // ok: plain data
        DueFormat::Human => {
            let choice = if std::io::stdout().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
            let mut out = StandardStream::stdout(choice);
            print_grouped(&mut out, &items, lang, args.days).context("writing to standard output")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn item_view<'a>(customer: Option<&'a Customer>, item: &'a AgendaItem, today: chrono::NaiveDate) -> DueItem<'a> {
    DueItem {
        date: date(item.date),
        status: item.status.as_str(),
        kind: item.kind.as_str(),
        customer: &item.customer,
        name: customer.map_or("", |c| c.name.as_str()),
        owner: &item.owner,
        reason: &item.reason,
        phone: customer.and_then(|c| c.best_phone(today)),
    }
}

fn heading(status: Status, lang: Language) -> (&'static str, Option<Color>) {
    let color = match status {
        Status::Overdue => Some(Color::Red),
        Status::Today => Some(Color::Yellow),
        Status::Soon => Some(Color::Cyan),
        Status::Upcoming => None,
    };
    (status.label().get(lang), color)
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn print_grouped(out: &mut dyn WriteColor, items: &[DueItem<'_>], lang: Language, days: i64) -> std::io::Result<()> {
    if items.is_empty() {
        return writeln!(out, "{}", i18n::cli::nothing_due(lang, days));
    }
    let name_width = items.iter().map(|i| escape(i.name).width()).max().unwrap_or(0).min(24);
    for status in Status::ALL {
        let group: Vec<&DueItem<'_>> = items.iter().filter(|i| i.status == status.as_str()).collect();
        if group.is_empty() {
            continue;
        }
        let (title, color) = heading(status, lang);
        out.set_color(ColorSpec::new().set_fg(color).set_bold(true))?;
        writeln!(out, "{title} ({})", group.len())?;
        out.reset()?;
        for i in group {
            // Record text may hold escape sequences and bidi overrides: shown, never obeyed.
            let phone = escape(i.phone.as_deref().unwrap_or(""));
            let (name, reason) = (escape(i.name), escape(i.reason));
            writeln!(out, "  {}  {}  {:<10}  {reason}  {phone}", i.date, pad(&name, name_width), i.kind)?;
        }
    }
    out.flush()
}
