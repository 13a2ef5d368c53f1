//! Formatting numbers, money and dates for people, in the settings' language. Words are in
//! the catalogue ([`crate::i18n`]); this is only how numbers and dates are written.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::i18n::Language;

/// Groups the integer digits by thousands: `1234567.5` → `1,234,567.5`.
pub fn grouped(value: Decimal) -> String {
    let text = value.normalize().to_string();
    let (sign, text) = text.strip_prefix('-').map_or(("", text.as_str()), |t| ("-", t));
    let (int, frac) = text.split_once('.').map_or((text, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// Money with its currency: `¥12,000`, `¥8,650.50`, `12,000 SEK`.
pub fn money(value: Decimal, currency: &str) -> String {
    let rounded = value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let number = if rounded.fract().is_zero() { grouped(rounded.trunc()) } else { grouped_fixed2(rounded) };
    match currency {
        "CNY" | "JPY" => format!("¥{number}"),
        "USD" => format!("${number}"),
        "EUR" => format!("€{number}"),
        "GBP" => format!("£{number}"),
        other => format!("{number} {other}"),
    }
}

fn grouped_fixed2(value: Decimal) -> String {
    let mut v = value;
    v.rescale(2);
    let text = grouped(v.trunc());
    let cents = (v.fract().abs() * Decimal::from(100)).trunc();
    format!("{text}.{cents:0>2}")
}

/// A percentage with one decimal: `0.1234` → `12.3 %`.
pub fn percent(share: Decimal) -> String {
    format!(
        "{} %",
        (share * Decimal::from(100))
            .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    )
}

/// A date as `2026-03-04`.
pub fn date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// A month and day: `06-12` in English, `6月12日` in Chinese.
pub fn month_day(lang: Language, month: u32, day: u32) -> String {
    match lang {
        Language::En => format!("{month:02}-{day:02}"),
        Language::ZhCn => format!("{month}月{day}日"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_groups_thousands_and_shows_cents_only_when_there_are_some() {
        assert_eq!(money(Decimal::from_str("12000.0").unwrap(), "CNY"), "¥12,000");
        assert_eq!(money(Decimal::from_str("8650.5").unwrap(), "CNY"), "¥8,650.50");
        assert_eq!(money(Decimal::from_str("1234567.05").unwrap(), "SEK"), "1,234,567.05 SEK");
        assert_eq!(money(Decimal::from_str("999").unwrap(), "USD"), "$999");
    }

    #[test]
    fn percent_has_one_decimal() {
        assert_eq!(percent(Decimal::from_str("0.8125").unwrap()), "81.3 %");
        assert_eq!(percent(Decimal::from_str("0.8").unwrap()), "80 %");
    }
}
