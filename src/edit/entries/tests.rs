use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::edit::money;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

const FILE: &str = "# Acme\nname = \"Acme\"   # the name\nowner = \"zhang\"\n\n[[order]]\ndate = 2026-01-02\namount = 100 # first\nref = \"SO-1\"\n# between\n\n[[order]]\ndate = 2026-02-02\namount = 200\nref = \"SO-2\"\n";

#[test]
fn append_keeps_the_original_as_a_prefix() {
    let out = append(
        FILE,
        "interaction",
        &[("date", date(day("2026-03-04")).expect("a date")), ("summary", Value::from("Said \"hi\""))],
    )
    .expect("append");
    assert!(out.starts_with(FILE));
    assert_eq!(&out[FILE.len()..], "\n[[interaction]]\ndate = 2026-03-04\nsummary = 'Said \"hi\"'\n");
}

#[test]
fn append_adds_a_missing_final_newline_and_keeps_crlf() {
    let text = "name = \"A\"\r\nowner = \"z\"";
    let out = append(text, "order", &[("amount", money(Decimal::new(12050, 2)).expect("exact"))]).expect("append");
    assert_eq!(out, "name = \"A\"\r\nowner = \"z\"\r\n\r\n[[order]]\r\namount = 120.5\r\n");
}

#[test]
fn append_to_an_inline_array() {
    let text = "name = \"A\"\norder = [{ date = 2026-01-01, amount = 5 }]\n";
    let out = append(text, "order", &[("amount", money(Decimal::new(7, 0)).expect("exact"))]).expect("append");
    assert_eq!(out, "name = \"A\"\norder = [{ date = 2026-01-01, amount = 5 }, { amount = 7 }]\n");
}

#[test]
fn set_adds_a_key_after_the_entrys_last_key() {
    let out = set(FILE, "order", 0, "paid", date(day("2026-02-01")).expect("a date")).expect("set");
    assert_eq!(out, FILE.replace("ref = \"SO-1\"\n", "ref = \"SO-1\"\npaid = 2026-02-01\n"));
}

#[test]
fn set_replaces_a_value_keeping_its_comment() {
    let out = set(FILE, "order", 0, "amount", money(Decimal::new(150, 0)).expect("exact")).expect("set");
    assert_eq!(out, FILE.replace("amount = 100 # first", "amount = 150 # first"));
}

#[test]
fn set_keeps_crlf() {
    let text = FILE.replace('\n', "\r\n");
    let out = set(&text, "order", 1, "paid", date(day("2026-03-01")).expect("a date")).expect("set");
    assert_eq!(out, format!("{text}paid = 2026-03-01\r\n"));
}

#[test]
fn set_in_an_inline_array_keeps_its_spacing() {
    let text = "name = \"A\"\norder = [{ date = 2026-01-01, amount = 5, ref = \"SO-1\" }]\n";
    let out = set(text, "order", 0, "paid", date(day("2026-02-01")).expect("a date")).expect("set");
    assert_eq!(out, "name = \"A\"\norder = [{ date = 2026-01-01, amount = 5, ref = \"SO-1\", paid = 2026-02-01 }]\n");
}

#[test]
fn columns_and_counts() {
    assert_eq!(count(FILE, "order").expect("count"), 2);
    assert_eq!(count(FILE, "complaint").expect("count"), 0);
    assert_eq!(column(FILE, "order", "ref").expect("column"), vec![Some("SO-1".into()), Some("SO-2".into())]);
}

#[test]
fn money_is_an_integer_when_whole() {
    assert_eq!(money(Decimal::new(1200000, 2)).expect("exact").to_string(), "12000");
    assert_eq!(money(Decimal::new(70050, 2)).expect("exact").to_string(), "700.5");
}

#[test]
fn a_date_outside_the_range_is_refused_not_narrowed() {
    let far = NaiveDate::from_ymd_opt(70000, 1, 1).expect("chrono holds it");
    let err = date(far).expect_err("refused");
    assert!(err.to_string().contains("outside the dates cardfile works with"), "{err}");
    assert!(date(day("1799-12-31")).is_err());
    assert_eq!(date(day("9999-12-31")).expect("the last day").to_string(), "9999-12-31");
}
