//! `cardfile new ID`: a new customer file from the template, validated like `check` first.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use super::{RecordsArgs, print_human};
use crate::diagnostics::{Code, Diagnostic, Report, render_human};
use crate::edit::{check_record, create_atomic, customer_files, has_errors};
use crate::records::valid_id;
use crate::scaffold::{NewCustomer, new_customer};

/// Arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The customer's id: the file name, e.g. `acme` (lower-case letters, digits, '-').
    id: String,
    /// The customer's full name.
    #[arg(long)]
    name: String,
    /// The team member responsible (an id from team.toml).
    #[arg(long)]
    owner: String,
    /// `company` (the default) or `person`.
    #[arg(long)]
    kind: Option<String>,
    /// The region; the file goes into `customers/REGION/`.
    #[arg(long)]
    region: Option<String>,
    /// Phone number.
    #[arg(long)]
    phone: Option<String>,
    /// E-mail address.
    #[arg(long)]
    email: Option<String>,
    /// WeChat id.
    #[arg(long)]
    wechat: Option<String>,
    #[command(flatten)]
    records: RecordsArgs,
}

/// Whether `region` can be a folder name inside `customers/`.
fn folder_name(region: &str) -> bool {
    !region.is_empty()
        && !region.starts_with('.')
        && !region.chars().any(|c| c.is_control() || "/\\:*?\"<>|".contains(c))
        && region.trim() == region
}

/// The language of the records' settings, for the template's comments.
fn language(root: &Path) -> String {
    let text = std::fs::read_to_string(root.join("cardfile.toml")).unwrap_or_default();
    let table: toml::Table = toml::from_str(&text).unwrap_or_default();
    table.get("language").and_then(|v| v.as_str()).unwrap_or("en").to_string()
}

/// Runs `new`.
pub fn run(args: &NewArgs) -> Result<ExitCode> {
    let root = &args.records.records;
    super::records_dir(root)?;
    let folder = match &args.region {
        Some(region) if folder_name(region) => format!("{region}/"),
        Some(region) => bail!(
            "region \"{region}\" cannot be a folder name; choose another, or leave out --region and add it to the file"
        ),
        None => String::new(),
    };
    let rel = format!("customers/{folder}{}.toml", args.id);
    let _lock = crate::edit::lock(root)?;
    let refuse = |d: Diagnostic, text: &str| -> Result<ExitCode> {
        let mut texts = BTreeMap::from([(d.file.clone(), text.to_string())]);
        for label in &d.labels {
            texts.insert(label.file.clone(), std::fs::read_to_string(root.join(&label.file)).unwrap_or_default());
        }
        let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
        let report = Report { diagnostics: std::slice::from_ref(&d), texts: &texts, files_read: 1 };
        render_human(&report, &mut StandardStream::stderr(choice)).context("writing diagnostics")?;
        eprintln!("{rel} was not created");
        Ok(ExitCode::from(1))
    };
    if !valid_id(&args.id) {
        let d = Diagnostic::whole_file(
            Code::InvalidId,
            &rel,
            format!("customer id \"{}\" (the file name) is not a valid id", args.id),
        )
        .with_help("lower-case letters, digits and '-', starting with a letter or digit, at most 64 long");
        return refuse(d, "");
    }
    let customer = NewCustomer {
        id: &args.id,
        name: &args.name,
        owner: &args.owner,
        kind: args.kind.as_deref(),
        region: args.region.as_deref(),
        phone: args.phone.as_deref(),
        email: args.email.as_deref(),
        wechat: args.wechat.as_deref(),
    };
    let text = new_customer(&customer, &language(root));
    if let Some(existing) = customer_files(root, &args.id).into_iter().next() {
        let d = Diagnostic::whole_file(
            Code::DuplicateId,
            &rel,
            format!("customer id `{}` is used twice: {existing} has it too", args.id),
        )
        .with_label(&existing, 0..0, "first used here")
        .with_help("ids are unique across all sub-folders; choose another id");
        return refuse(d, &text);
    }
    let loaded = check_record(root, args.records.today(), &rel, &text);
    if has_errors(&loaded) {
        print_human(&loaded)?;
        eprintln!("{rel} was not created");
        return Ok(ExitCode::from(1));
    }
    if !loaded.diagnostics.is_empty() {
        print_human(&loaded)?;
    }
    let path = root.join(&rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    create_atomic(&path, text.as_bytes())?;
    eprintln!("created {}", path.display());
    eprintln!(
        "next: add contacts in the file; log a visit with `cardfile log {} --kind visit --summary \"…\"`",
        args.id
    );
    Ok(ExitCode::SUCCESS)
}
