//! `cardfile schema`: JSON Schemas of the record files, for editors (Taplo, Even Better TOML).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use serde_json::Value;

use crate::edit::write_atomic;
use crate::schema::{customer_schema, settings_schema, team_schema};

/// Which file a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A customer file (`customers/**/*.toml`).
    Customer,
    /// `team.toml`.
    Team,
    /// `cardfile.toml`.
    Settings,
}

impl SchemaKind {
    fn name(self) -> &'static str {
        match self {
            SchemaKind::Customer => "customer",
            SchemaKind::Team => "team",
            SchemaKind::Settings => "settings",
        }
    }

    fn schema(self) -> Value {
        match self {
            SchemaKind::Customer => customer_schema(),
            SchemaKind::Team => team_schema(),
            SchemaKind::Settings => settings_schema(),
        }
    }
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema; without `--out` the customer schema is printed, with `--out` all three
    /// are written unless this says which one.
    #[arg(long, value_enum)]
    kind: Option<SchemaKind>,
    /// Write `customer.json`, `team.json` and `settings.json` into this directory.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

fn pretty(value: &Value) -> String {
    // ok: a serde_json::Value always serialises.
    format!("{}\n", serde_json::to_string_pretty(value).unwrap_or_default())
}

/// Runs `schema`.
pub fn run(args: &SchemaArgs) -> Result<ExitCode> {
    let Some(out) = &args.out else {
        print!("{}", pretty(&args.kind.unwrap_or(SchemaKind::Customer).schema()));
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let kinds = match args.kind {
        Some(kind) => vec![kind],
        None => vec![SchemaKind::Customer, SchemaKind::Team, SchemaKind::Settings],
    };
    for kind in kinds {
        let path = out.join(format!("{}.json", kind.name()));
        write_atomic(&path, pretty(&kind.schema()).as_bytes())?;
        eprintln!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
