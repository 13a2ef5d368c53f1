//! Formatting numbers, money and dates for people, in the settings' language. Words are in
//! the catalogue ([`crate::i18n`]); this is only how numbers and dates are written.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::i18n::Language;

/// Groups the integer digits by thousands: `1234567.5` → `1,234,567.5`.
pub fn grouped(value: Decimal) -> String {
    let v = value.normalize();
    let mut out = String::with_capacity(48);
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    let unit = 10u128.pow(v.scale());
    let magnitude = v.mantissa().unsigned_abs();
    push_grouped(&mut out, magnitude / unit);
    if v.scale() > 0 {
        out.push('.');
        push_digits(&mut out, magnitude % unit, v.scale() as usize);
    }
    out
}

/// Money with its currency: `¥12,000`, `¥8,650.50`, `12,000 SEK`. Worked out on the
/// decimal's integer mantissa: rounded to cents (halves away from zero), the cents shown
/// only when there are some.
pub fn money(value: Decimal, currency: &str) -> String {
    let rounded = value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    // After rounding the scale is at most 2.
    let unit = 10u128.pow(rounded.scale());
    let magnitude = rounded.mantissa().unsigned_abs();
    let (whole, cents) = (magnitude / unit, magnitude % unit * (100 / unit));
    let mut out = String::with_capacity(40);
    let prefix = match currency {
        "CNY" | "JPY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => "",
    };
    out.push_str(prefix);
    if rounded.is_sign_negative() && magnitude != 0 {
        out.push('-');
    }
    push_grouped(&mut out, whole);
    if cents != 0 {
        out.push('.');
        push_digits(&mut out, cents, 2);
    }
    if prefix.is_empty() {
        out.push(' ');
        out.push_str(currency);
    }
    out
}

/// The digits of `n`, a comma between each group of three.
fn push_grouped(out: &mut String, n: u128) {
    let mut digits = [0u8; 40];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let count = digits.len() - at;
    for (i, d) in digits[at..].iter().enumerate() {
        if i > 0 && (count - i) % 3 == 0 {
            out.push(',');
        }
        out.push(char::from(*d));
    }
}

/// `n` as exactly `width` digits, with leading zeros (`n` has at most `width` digits).
fn push_digits(out: &mut String, n: u128, width: usize) {
    let text = n.to_string();
    out.extend(std::iter::repeat_n('0', width.saturating_sub(text.len())));
    out.push_str(&text);
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
    let year = d.year();
    if !(0..=9999).contains(&year) {
        return format!("{year:04}-{:02}-{:02}", d.month(), d.day());
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (y, m, day) = (year.unsigned_abs(), d.month(), d.day());
    let bytes = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    // One allocation of the exact size, one copy (the bytes are ASCII digits and dashes).
    std::str::from_utf8(&bytes).map(str::to_owned).unwrap_or_default()
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
    fn money_rounds_halves_away_from_zero_and_keeps_the_sign() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(money(d("0"), "CNY"), "¥0");
        assert_eq!(money(d("-0.001"), "CNY"), "¥0");
        assert_eq!(money(d("-5.00"), "USD"), "$-5");
        assert_eq!(money(d("-0.5"), "EUR"), "€-0.50");
        assert_eq!(money(d("-1234.005"), "GBP"), "£-1,234.01");
        assert_eq!(money(d("1234567.055"), "CNY"), "¥1,234,567.06");
        assert_eq!(money(d("0.07"), "JPY"), "¥0.07");
        assert_eq!(money(d("100"), "SEK"), "100 SEK");
        assert_eq!(money(Decimal::MAX, "CNY"), "¥79,228,162,514,264,337,593,543,950,335");
        // Exact beyond what a float holds: 10^15 and one cent.
        assert_eq!(money(d("1000000000000000.01"), "CNY"), "¥1,000,000,000,000,000.01");
    }

    #[test]
    fn grouped_shows_every_decimal_of_the_normalised_value() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(grouped(d("1234567.50")), "1,234,567.5");
        assert_eq!(grouped(d("-1234.05")), "-1,234.05");
        assert_eq!(grouped(d("-0.0")), "0");
        assert_eq!(grouped(d("999")), "999");
        assert_eq!(grouped(d("0.001")), "0.001");
    }

    #[test]
    fn dates_are_iso_with_four_digit_years_and_wider_years_as_they_are() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date(ymd(2026, 1, 5)), "2026-01-05");
        assert_eq!(date(ymd(987, 12, 31)), "0987-12-31");
        assert_eq!(date(ymd(10000, 2, 29)), "10000-02-29");
        assert_eq!(date(ymd(-1, 3, 1)), "-001-03-01");
    }

    #[test]
    fn percent_has_one_decimal() {
        assert_eq!(percent(Decimal::from_str("0.8125").unwrap()), "81.3 %");
        assert_eq!(percent(Decimal::from_str("0.8").unwrap()), "80 %");
    }
}
