//! `cardfile log ID …`: append an interaction, order, complaint or promise to a customer's
//! file, or mark an order paid or delivered, a complaint answered or resolved, or a promise
//! kept, keeping the rest of the file byte for byte.

use std::process::ExitCode;
use std::str::FromStr;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{ArgGroup, Args};
use rust_decimal::Decimal;
use toml_edit::Value;

use super::{RecordsArgs, parse_date, print_human};
use crate::edit::{self, check_record, customer_files, has_errors};

/// Arguments of `log`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["kind", "order", "payment", "complaint", "resolve", "responded", "promise", "kept", "delivered"])))]
pub struct LogArgs {
    /// The customer's id.
    id: String,
    /// Log an interaction of this kind (visit, call, message, email, meeting, event).
    #[arg(long, requires = "summary")]
    kind: Option<String>,
    /// The interaction's summary (Markdown).
    #[arg(long, requires = "kind")]
    summary: Option<String>,
    /// The entry's date: of the interaction, order or complaint, the day a promise was made,
    /// or the day a complaint was answered or resolved, a promise kept or an order delivered
    /// (default: today).
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
    /// The interaction's agreed next follow-up.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD", requires = "kind")]
    next: Option<NaiveDate>,
    /// The team member who made the interaction, handles the complaint or made the promise
    /// (default: the owner).
    #[arg(long, value_name = "ID")]
    by: Option<String>,
    /// The customer's satisfaction, 1..5, with an interaction.
    #[arg(long, value_name = "N", requires = "kind", allow_negative_numbers = true)]
    satisfaction: Option<i64>,
    /// Log an order of this amount.
    #[arg(long, value_name = "AMOUNT", value_parser = parse_money, allow_negative_numbers = true)]
    order: Option<Decimal>,
    /// The order's reference.
    #[arg(long = "ref", value_name = "R", requires = "order")]
    reference: Option<String>,
    /// What was sold.
    #[arg(long, requires = "order")]
    product: Option<String>,
    /// Our cost of the order.
    #[arg(long, value_parser = parse_money, requires = "order", allow_negative_numbers = true)]
    cost: Option<Decimal>,
    /// Sold on credit: payable by this date.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD", requires = "order")]
    due: Option<NaiveDate>,
    /// The order's promised delivery date.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD", requires = "order")]
    promised: Option<NaiveDate>,
    /// Mark the order with this ref delivered on --date.
    #[arg(long, value_name = "REF")]
    delivered: Option<String>,
    /// Mark the order with this ref as paid (with --paid).
    #[arg(long, value_name = "REF", requires = "paid")]
    payment: Option<String>,
    /// The day the order was fully paid.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD", requires = "payment")]
    paid: Option<NaiveDate>,
    /// Log a complaint with this summary.
    #[arg(long, value_name = "SUMMARY")]
    complaint: Option<String>,
    /// The complaint's severity (low, medium, high).
    #[arg(long, requires = "complaint")]
    severity: Option<String>,
    /// What the complaint concerns (product, delivery, service, attitude, price, billing, other).
    #[arg(long, requires = "complaint")]
    category: Option<String>,
    /// Mark the N-th complaint of the file (1 = the first) as resolved on --date.
    #[arg(long, value_name = "N")]
    resolve: Option<usize>,
    /// How the complaint was resolved.
    #[arg(long, value_name = "TEXT", requires = "resolve")]
    resolution: Option<String>,
    /// Mark the N-th complaint of the file (1 = the first) as first answered on --date.
    #[arg(long, value_name = "N")]
    responded: Option<usize>,
    /// Log a promise made to the customer on --date: what we will do (Markdown).
    #[arg(long, value_name = "WHAT", requires = "promise_due")]
    promise: Option<String>,
    /// The day the promise is due.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD", requires = "promise")]
    promise_due: Option<NaiveDate>,
    /// Mark the N-th promise of the file (1 = the first, kept or not) as kept on --date.
    #[arg(long, value_name = "N")]
    kept: Option<usize>,
    #[command(flatten)]
    records: RecordsArgs,
}

fn parse_money(s: &str) -> Result<Decimal, String> {
    Decimal::from_str(s.trim()).map_err(|_| format!("`{s}` is not an amount like 12000 or 700.50"))
}

/// The change to make, as a function of the file's text.
fn change(args: &LogArgs, text: &str, today: NaiveDate) -> Result<(String, String)> {
    let day = edit::date(args.date.unwrap_or(today))?;
    let mut values: Vec<(&str, Value)> = Vec::new();
    let mut put = |key, value: Option<Value>| {
        if let Some(v) = value {
            values.push((key, v));
        }
    };
    if let (Some(kind), Some(summary)) = (&args.kind, &args.summary) {
        put("date", Some(day));
        put("kind", Some(Value::from(kind.as_str())));
        put("by", args.by.as_deref().map(Value::from));
        put("summary", Some(Value::from(summary.as_str())));
        put("next", args.next.map(edit::date).transpose()?);
        put("satisfaction", args.satisfaction.map(Value::from));
        return Ok((edit::append(text, "interaction", &values)?, format!("logged a {kind}")));
    }
    if let Some(amount) = args.order {
        put("date", Some(day));
        put("amount", Some(edit::money(amount)?));
        put("cost", args.cost.map(edit::money).transpose()?);
        put("ref", args.reference.as_deref().map(Value::from));
        put("product", args.product.as_deref().map(Value::from));
        put("due", args.due.map(edit::date).transpose()?);
        put("promised", args.promised.map(edit::date).transpose()?);
        return Ok((edit::append(text, "order", &values)?, format!("logged an order of {amount}")));
    }
    if let Some(summary) = &args.complaint {
        put("opened", Some(day));
        put("summary", Some(Value::from(summary.as_str())));
        put("severity", args.severity.as_deref().map(Value::from));
        put("category", args.category.as_deref().map(Value::from));
        put("by", args.by.as_deref().map(Value::from));
        return Ok((edit::append(text, "complaint", &values)?, "logged a complaint".to_string()));
    }
    if let (Some(reference), Some(paid)) = (&args.payment, args.paid) {
        let refs = edit::column(text, "order", "ref")?;
        let Some(index) = refs.iter().position(|r| r.as_deref() == Some(reference.as_str())) else {
            let known: Vec<&str> = refs.iter().flatten().map(String::as_str).collect();
            bail!("no [[order]] has ref \"{reference}\" (the refs are: {})", known.join(", "));
        };
        let out = edit::set(text, "order", index, "paid", edit::date(paid)?)?;
        return Ok((out, format!("marked order {reference} paid on {paid}")));
    }
    if let Some(n) = args.resolve {
        let total = edit::count(text, "complaint")?;
        if n == 0 || n > total {
            bail!("there is no complaint {n}: the file has {total} (number them from 1, in file order)");
        }
        let mut out = edit::set(text, "complaint", n - 1, "resolved", day.clone())?;
        if let Some(resolution) = &args.resolution {
            out = edit::set(&out, "complaint", n - 1, "resolution", Value::from(resolution.as_str()))?;
        }
        return Ok((out, format!("marked complaint {n} resolved")));
    }
    if let (Some(what), Some(due)) = (&args.promise, args.promise_due) {
        put("made", Some(day));
        put("due", Some(edit::date(due)?));
        put("what", Some(Value::from(what.as_str())));
        put("by", args.by.as_deref().map(Value::from));
        return Ok((edit::append(text, "promise", &values)?, format!("logged a promise due {due}")));
    }
    let on = args.date.unwrap_or(today);
    if let Some(n) = args.kept {
        return Ok((edit::keep_promise(text, n, on)?, format!("marked promise {n} kept on {on}")));
    }
    if let Some(reference) = &args.delivered {
        let out = edit::deliver_order(text, reference, on)?;
        return Ok((out, format!("marked order {reference} delivered on {on}")));
    }
    if let Some(n) = args.responded {
        return Ok((edit::answer_complaint(text, n, on)?, format!("marked complaint {n} answered on {on}")));
    }
    bail!(
        "say what to log: --kind, --order, --payment, --complaint, --resolve, --responded, --promise, --kept or --delivered"
    )
}

/// Runs `log`.
pub fn run(args: &LogArgs) -> Result<ExitCode> {
    let root = &args.records.records;
    super::records_dir(root)?;
    let files = customer_files(root, &args.id);
    let rel = match files.as_slice() {
        [one] => one.clone(),
        [] => bail!(
            "no customer `{}`: there is no customers/**/{}.toml (create it with `cardfile new`)",
            args.id,
            args.id
        ),
        _ => bail!(
            "customer id `{}` is used by {} files ({}); run `cardfile check`",
            args.id,
            files.len(),
            files.join(", ")
        ),
    };
    let today = args.records.today();
    let path = root.join(&rel);
    let _lock = edit::lock(root)?;
    edit::refuse_link(&path)?;
    let original = edit::read_record(&path)?;
    let (text, done) = change(args, &original.text, today)?;
    let loaded = check_record(root, today, &rel, &text);
    if !loaded.diagnostics.is_empty() {
        print_human(&loaded)?;
    }
    if has_errors(&loaded) {
        eprintln!("{rel} was not changed");
        return Ok(ExitCode::from(1));
    }
    edit::write_atomic(&path, &original.bytes(&text)).with_context(|| format!("writing {rel}"))?;
    eprintln!("{done} in {rel}");
    Ok(ExitCode::SUCCESS)
}
