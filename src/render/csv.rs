//! CSV exports: one row per customer (SPEC 9's fields, dotted headers) and the agenda.

use crate::analysis::Analysis;
use crate::format::date;
use crate::records::model::Records;

use super::json::money_number;

/// The customer CSV's header row.
pub const CUSTOMER_HEADER: &[&str] = &[
    "id",
    "name",
    "owner",
    "region",
    "tags",
    "class",
    "lifecycle",
    "revenue",
    "orders",
    "profit",
    "first_order",
    "last_order",
    "recency_days",
    "cycle_days",
    "expected_order",
    "credit.grade",
    "credit.exposure",
    "credit.overdue",
    "credit.over_limit",
    "score",
    "completeness",
    "last_contact",
    "revenue_prev",
    "trend",
    "lifetime_revenue",
    "satisfaction",
    "satisfaction_date",
    "coverage",
    "risk",
    "pipeline",
    "won",
    "referrals",
    "changed",
    "changed_by",
];

/// The agenda CSV's header row.
pub const AGENDA_HEADER: &[&str] = &["date", "status", "kind", "customer", "owner", "reason"];

/// A text cell that a spreadsheet would run as a formula is prefixed with `'`.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() }
}

fn number(value: &rust_decimal::Decimal) -> String {
    serde_json::to_string(&money_number(value)).unwrap_or_default()
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn finish(writer: csv::Writer<Vec<u8>>, bom: bool) -> Vec<u8> {
    let body = writer.into_inner().unwrap_or_default(); // ok: writing to memory cannot fail
    if bom { [b"\xEF\xBB\xBF".as_slice(), &body].concat() } else { body }
}

/// One row per analysed customer; `bom` prefixes a UTF-8 BOM for Excel.
pub fn customers(records: &Records, analysis: &Analysis, bom: bool) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(CUSTOMER_HEADER);
    for f in &analysis.customers {
        let c = &records.customers[f.index];
        let l = &f.ledger;
        let row = [
            neutralise(&c.id),
            neutralise(&c.name),
            neutralise(c.owner.get_ref()),
            neutralise(c.region.as_deref().unwrap_or("")),
            neutralise(&c.tags.join(";")),
            f.class().as_str().to_string(),
            f.lifecycle.as_str().to_string(),
            number(&l.revenue),
            l.orders.to_string(),
            opt(l.profit.as_ref().map(number)),
            opt(l.first_order.map(date)),
            opt(l.last_order.map(date)),
            opt(l.recency_days),
            opt(l.cycle_days),
            opt(l.expected_order.map(date)),
            f.credit.grade.as_str().to_string(),
            number(&f.credit.exposure),
            number(&f.credit.overdue),
            f.credit.over_limit.to_string(),
            number(&f.score.value),
            f.completeness.to_string(),
            opt(f.last_contact.map(date)),
            number(&l.revenue_prev),
            opt(f.care.trend.as_ref().map(number)),
            number(&l.lifetime_revenue),
            opt(f.care.satisfaction.map(|s| s.0)),
            opt(f.care.satisfaction.map(|s| date(s.1))),
            opt(f.care.coverage.map(|c| c.as_str())),
            f.care.risk.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(";"),
            number(&f.care.pipeline),
            number(&f.care.won),
            f.care.referrals.join(";"),
            opt(f.changed.as_ref().map(|c| date(c.date))),
            neutralise(f.changed.as_ref().map_or("", |c| c.by.as_str())),
        ];
        let _ = w.write_record(&row);
    }
    finish(w, bom)
}

/// The agenda, one row per item.
pub fn agenda(analysis: &Analysis, bom: bool) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(AGENDA_HEADER);
    for item in &analysis.agenda {
        let _ = w.write_record([
            date(item.date),
            item.status.as_str().to_string(),
            item.kind.as_str().to_string(),
            neutralise(&item.customer),
            neutralise(&item.owner),
            neutralise(&item.reason),
        ]);
    }
    finish(w, bom)
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("华东"), "华东");
    }
}
