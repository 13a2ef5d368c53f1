//! CSV exports: one row per customer (SPEC 9's fields, dotted headers) and the agenda.

use crate::analysis::Analysis;
use crate::format::date;
use crate::records::model::Records;

use super::json::money_text;

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
    "promises_open",
    "changed",
    "changed_by",
];

/// The agenda CSV's header row.
pub const AGENDA_HEADER: &[&str] = &["date", "status", "kind", "customer", "owner", "reason"];

/// A text cell that a spreadsheet would run as a formula is prefixed with `'`: its first
/// character that is not a blank is `=`, `+`, `-` or `@`, or it holds a tab or CR before any
/// other character (spreadsheets skip leading blanks before they look for a formula). Only
/// text cells go through here: numbers are written as numbers, by their type.
pub fn neutralise(text: &str) -> String {
    let first = text.chars().find(|c| matches!(c, '\t' | '\r') || !c.is_whitespace());
    if matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')) { format!("'{text}") } else { text.to_string() }
}

/// A list of text in one cell: each part neutralised on its own, then joined with `;` (a
/// spreadsheet in a `;` locale splits the cell into its parts, each of which must be safe).
pub fn list<S: AsRef<str>>(parts: &[S]) -> String {
    parts.iter().map(|p| neutralise(p.as_ref())).collect::<Vec<_>>().join(";")
}

fn number(value: &rust_decimal::Decimal) -> String {
    money_text(value)
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
            list(&c.tags),
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
            list(&f.care.risk.iter().map(|r| r.as_str()).collect::<Vec<_>>()),
            number(&f.care.pipeline),
            number(&f.care.won),
            list(&f.care.referrals),
            f.keeping.promises_open.to_string(),
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
    use super::{list, neutralise};

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("华东"), "华东");
        assert_eq!(neutralise("a-b"), "a-b");
    }

    #[test]
    fn a_formula_after_blanks_is_neutralised() {
        assert_eq!(neutralise(" =1+1"), "' =1+1");
        assert_eq!(neutralise("\u{3000}\n -2"), "'\u{3000}\n -2");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise(" \rx"), "' \rx");
        assert_eq!(neutralise("  x"), "  x");
    }

    #[test]
    fn every_part_of_a_list_is_neutralised() {
        assert_eq!(list(&["x", "=cmd|' /C calc'!A0"]), "x;'=cmd|' /C calc'!A0");
        assert_eq!(list(&["+1", " @x", "ok"]), "'+1;' @x;ok");
        assert_eq!(list::<&str>(&[]), "");
    }
}
