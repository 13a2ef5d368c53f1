//! The SPEC 9 JSON object: customers and agenda, as `export --format json` prints it, with
//! SPEC 10.2's `owners` and SPEC 12.2's `team`.

mod keeping;
mod review;
mod team;

use serde::{Serialize, Serializer};

use crate::analysis::agenda::AgendaItem;
use crate::analysis::explain::Why;
use crate::analysis::{Analysis, Facts};
use crate::format::date;
use crate::records::model::{Money, Records};
use crate::records::settings::Settings;

/// Money as a JSON number in major units (`120000.0`, `700.5`), exact to the minor unit.
pub fn money_number(value: &Money) -> f64 {
    // A mantissa below 2^53 and a power of ten up to 10^22 are both exact floats, so their
    // quotient is the correctly rounded value, the same float parsing the digits gives.
    let (mantissa, scale) = (value.mantissa(), value.scale());
    if mantissa.unsigned_abs() < 1 << 53 && scale <= 22 {
        return mantissa as f64 / 10f64.powi(scale as i32);
    }
    // The shortest decimal that round-trips an f64 is printed, so a value with few
    // decimals prints exactly as written.
    value.normalize().to_string().parse().unwrap_or(0.0)
}

/// Money as the text of a JSON number in major units, exactly: the decimal's digits, with
/// `.0` when it has no decimals (`120000.0`, `700.5`, `1000000000000000.01`), as SPEC 9 asks.
pub fn money_text(value: &Money) -> String {
    let text = value.normalize().to_string();
    if text.contains('.') { text } else { format!("{text}.0") }
}

fn ser_money<S: Serializer>(value: &Money, s: S) -> Result<S::Ok, S::Error> {
    // The digits go into the JSON as they are, not through a float (which loses cents
    // beyond about 10^13).
    let raw = serde_json::value::RawValue::from_string(money_text(value)).map_err(serde::ser::Error::custom)?;
    raw.serialize(s)
}

fn ser_opt_money<S: Serializer>(value: &Option<Money>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => ser_money(v, s),
        None => s.serialize_none(),
    }
}

/// The credit object of a customer.
#[derive(Serialize)]
pub struct CreditView {
    grade: &'static str,
    #[serde(serialize_with = "ser_money")]
    exposure: Money,
    #[serde(serialize_with = "ser_money")]
    overdue: Money,
    over_limit: bool,
}

/// One customer as exported.
#[derive(Serialize)]
pub struct CustomerView<'a> {
    id: &'a str,
    name: &'a str,
    owner: &'a str,
    region: Option<&'a str>,
    tags: &'a [String],
    class: &'static str,
    lifecycle: &'static str,
    #[serde(serialize_with = "ser_money")]
    revenue: Money,
    orders: usize,
    #[serde(serialize_with = "ser_opt_money")]
    profit: Option<Money>,
    first_order: Option<String>,
    last_order: Option<String>,
    recency_days: Option<i64>,
    cycle_days: Option<i64>,
    expected_order: Option<String>,
    credit: CreditView,
    score: f64,
    completeness: u8,
    last_contact: Option<String>,
    #[serde(serialize_with = "ser_money")]
    revenue_prev: Money,
    #[serde(serialize_with = "ser_opt_money")]
    trend: Option<Money>,
    #[serde(serialize_with = "ser_money")]
    lifetime_revenue: Money,
    satisfaction: Option<u8>,
    satisfaction_date: Option<String>,
    coverage: Option<&'static str>,
    risk: Vec<&'static str>,
    #[serde(serialize_with = "ser_money")]
    pipeline: Money,
    #[serde(serialize_with = "ser_money")]
    won: Money,
    referrals: &'a [String],
    complaints: Vec<keeping::ComplaintView<'a>>,
    promises_open: usize,
    promises: Vec<keeping::PromiseView<'a>>,
    deliveries: Vec<keeping::DeliveryView<'a>>,
    changed: Option<String>,
    changed_by: Option<&'a str>,
    /// How each value was computed (only with `export --explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<Why>,
}

/// One agenda item as exported.
#[derive(Serialize)]
pub struct AgendaView<'a> {
    date: String,
    status: &'static str,
    kind: &'static str,
    customer: &'a str,
    owner: &'a str,
    reason: &'a str,
}

/// One team member's summary (SPEC 10.2).
#[derive(Serialize)]
pub struct OwnerView<'a> {
    id: &'a str,
    name: &'a str,
    left: Option<String>,
    customers: usize,
    a: usize,
    b: usize,
    c: usize,
    at_risk: usize,
    completeness: Option<u8>,
    overdue: usize,
    contacts_30: usize,
    #[serde(serialize_with = "ser_money")]
    receivables_overdue: Money,
    #[serde(serialize_with = "ser_money")]
    pipeline: Money,
    #[serde(serialize_with = "ser_opt_money")]
    target: Option<Money>,
    #[serde(serialize_with = "ser_money")]
    revenue: Money,
    #[serde(serialize_with = "ser_opt_money")]
    attainment: Option<Money>,
    promises_kept: keeping::PromisesKeptView,
    #[serde(serialize_with = "ser_opt_money")]
    win_rate: Option<Money>,
    /// How each value was computed (only with `export --explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<Why>,
}

/// The whole export object.
#[derive(Serialize)]
pub struct ExportView<'a> {
    today: String,
    customers: Vec<CustomerView<'a>>,
    agenda: Vec<AgendaView<'a>>,
    owners: Vec<OwnerView<'a>>,
    team: team::TeamView<'a>,
}

/// The view of one analysed customer.
pub fn customer_view<'a>(records: &'a Records, f: &'a Facts, today: chrono::NaiveDate) -> CustomerView<'a> {
    let c = &records.customers[f.index];
    let l = &f.ledger;
    CustomerView {
        id: &c.id,
        name: &c.name,
        owner: c.owner.get_ref(),
        region: c.region.as_deref(),
        tags: &c.tags,
        class: f.class().as_str(),
        lifecycle: f.lifecycle.as_str(),
        revenue: l.revenue,
        orders: l.orders,
        profit: l.profit,
        first_order: l.first_order.map(date),
        last_order: l.last_order.map(date),
        recency_days: l.recency_days,
        cycle_days: l.cycle_days,
        expected_order: l.expected_order.map(date),
        credit: CreditView {
            grade: f.credit.grade.as_str(),
            exposure: f.credit.exposure,
            overdue: f.credit.overdue,
            over_limit: f.credit.over_limit,
        },
        score: money_number(&f.score.value),
        completeness: f.completeness,
        last_contact: f.last_contact.map(date),
        revenue_prev: l.revenue_prev,
        trend: f.care.trend,
        lifetime_revenue: l.lifetime_revenue,
        satisfaction: f.care.satisfaction.map(|s| s.0),
        satisfaction_date: f.care.satisfaction.map(|s| date(s.1)),
        coverage: f.care.coverage.map(|c| c.as_str()),
        risk: f.care.risk.iter().map(|r| r.as_str()).collect(),
        pipeline: f.care.pipeline,
        won: f.care.won,
        referrals: &f.care.referrals,
        complaints: keeping::complaints(c, f, today),
        promises_open: f.keeping.promises_open,
        promises: keeping::promises(c, f),
        deliveries: keeping::deliveries(f),
        changed: f.changed.as_ref().map(|c| date(c.date)),
        changed_by: f.changed.as_ref().map(|c| c.by.as_str()),
        why: None,
    }
}

/// The view of one agenda item.
pub fn agenda_view(item: &AgendaItem) -> AgendaView<'_> {
    AgendaView {
        date: date(item.date),
        status: item.status.as_str(),
        kind: item.kind.as_str(),
        customer: &item.customer,
        owner: &item.owner,
        reason: &item.reason,
    }
}

/// The export object of SPEC 9; with `explain`, each customer also says how its values were
/// computed, in the settings' language.
pub fn export_view<'a>(records: &'a Records, analysis: &'a Analysis, explain: Option<&Settings>) -> ExportView<'a> {
    let customers = analysis
        .customers
        .iter()
        .map(|f| CustomerView {
            why: explain.map(|s| crate::analysis::explain::explain(&records.customers[f.index], f, analysis, s)),
            ..customer_view(records, f, analysis.window.today)
        })
        .collect();
    let owners = analysis
        .owners
        .iter()
        .map(|o| OwnerView {
            id: &o.id,
            name: &o.name,
            left: o.left.map(date),
            customers: o.customers,
            a: o.abc[0],
            b: o.abc[1],
            c: o.abc[2],
            at_risk: o.at_risk,
            completeness: o.completeness,
            overdue: o.overdue,
            contacts_30: o.contacts_30,
            receivables_overdue: o.receivables_overdue,
            pipeline: o.pipeline,
            target: o.target,
            revenue: o.revenue,
            attainment: o.attainment,
            promises_kept: (&o.promises_kept).into(),
            win_rate: o.win_rate,
            why: explain.map(|s| crate::analysis::explain::owner(o, analysis, s)),
        })
        .collect();
    ExportView {
        today: date(analysis.window.today),
        customers,
        agenda: analysis.agenda.iter().map(agenda_view).collect(),
        owners,
        team: team::team_view(records, analysis, explain),
    }
}

/// Writes the export object as pretty-printed JSON with a final newline (what `export
/// --format json` prints and the site's `data/cardfile.json`).
pub fn write(
    out: &mut impl std::io::Write,
    records: &Records,
    analysis: &Analysis,
    explain: Option<&Settings>,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &export_view(records, analysis, explain)).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[derive(Serialize)]
    struct Amounts {
        #[serde(serialize_with = "ser_money")]
        amount: Money,
        #[serde(serialize_with = "ser_opt_money")]
        paid: Option<Money>,
    }

    fn json(amount: &str, paid: Option<&str>) -> String {
        let m = |s: &str| Money::from_str(s).unwrap();
        serde_json::to_string(&Amounts { amount: m(amount), paid: paid.map(m) }).unwrap()
    }

    #[test]
    fn money_as_a_float_is_the_float_its_digits_parse_to() {
        let values = ["0", "-0.00", "0.1", "0.3", "700.5", "-1234.56", "9007199254740991", "90071992547409.93"];
        let powers = (0..=28).map(|s| format!("1e-{s}")).chain(["123456789.123456789".to_string()]);
        for text in values.iter().map(|v| v.to_string()).chain(powers) {
            let Ok(m) = Money::from_str(&text).or_else(|_| Money::from_scientific(&text)) else { continue };
            let parsed: f64 = m.normalize().to_string().parse().unwrap();
            assert_eq!(money_number(&m).to_bits(), parsed.to_bits(), "{text}");
        }
        // Beyond 2^53 the digits are parsed.
        let big = Money::from_str("9007199254740993.01").unwrap();
        assert_eq!(money_number(&big), 9007199254740993.01_f64);
    }

    #[test]
    fn money_is_a_json_number_with_every_cent_even_beyond_a_float() {
        assert_eq!(json("120000", None), r#"{"amount":120000.0,"paid":null}"#);
        assert_eq!(json("700.50", Some("0")), r#"{"amount":700.5,"paid":0.0}"#);
        assert_eq!(json("-3.25", Some("0.01")), r#"{"amount":-3.25,"paid":0.01}"#);
        // 10^15 and one cent: a float would print 1000000000000000.0.
        assert_eq!(json("1000000000000000.01", None), r#"{"amount":1000000000000000.01,"paid":null}"#);
        let value: serde_json::Value = serde_json::from_str(&json("99999999999999999.99", None)).unwrap();
        assert!(value["amount"].is_number(), "still a number, not a string");
    }
}
