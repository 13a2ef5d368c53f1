//! Numbers read from records: exact decimals from TOML's text, the bounds of money, and the
//! readers of [`Table`] for money and other numbers.

use std::str::FromStr;

use rust_decimal::Decimal;
use toml::Spanned;

use super::reader::{Ctx, Table, describe, shorten};
use super::tree::Value;
use crate::diagnostics::Code;

impl Table<'_, '_> {
    /// An optional amount of money: an integer or a float, exact, never negative, at most
    /// [`MONEY_MAX`] with at most [`MONEY_DECIMALS`] decimals (so that every sum is exact).
    pub fn money(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Spanned<Decimal>> {
        let value = self.get(key)?;
        let number = self.numeric(cx, key, value, "a number (an amount of money)")?;
        if number.is_sign_negative() && !number.is_zero() {
            cx.report(Code::NegativeMoney, value.span(), format!("`{key}` in {} must not be negative", self.name))
                .help = Some("money is never negative; record a refund as a note or a complaint".to_string());
            return None;
        }
        if !money_in_bounds(number) {
            self.money_out_of_bounds(cx, key, value);
            return None;
        }
        Some(Spanned::new(value.span(), number))
    }

    fn money_out_of_bounds(&self, cx: &mut Ctx<'_>, key: &str, value: &Spanned<Value<'_>>) {
        let text = match value.get_ref() {
            Value::Integer(i) => i.as_str().to_string(),
            Value::Float(f) => f.as_str().to_string(),
            other => describe(other),
        };
        let large = text.parse::<f64>().map_or(true, |f| f.abs() >= 1.0);
        let why = if large { "above 10^15" } else { "with more than 6 decimals" };
        cx.report(
            Code::MoneyOutOfBounds,
            value.span(),
            format!("`{key}` in {} is {}: an amount of money {why}", self.name, shorten(&text)),
        )
        .help = Some(format!(
            "an amount is at most 1000000000000000 (10^15), with at most {MONEY_DECIMALS} decimals; check for extra digits"
        ));
    }

    /// A number as an exact decimal; a wrong type, NaN, infinity or a number no decimal holds
    /// is reported (the last as money out of bounds when `expected` is money).
    fn numeric(&self, cx: &mut Ctx<'_>, key: &str, value: &Spanned<Value<'_>>, expected: &str) -> Option<Decimal> {
        if let Some(n) = decimal(value.get_ref()) {
            return Some(n);
        }
        match value.get_ref() {
            Value::Float(f) if f.as_str().trim_start_matches(['+', '-']).chars().all(char::is_alphabetic) => {
                cx.report(
                    Code::WrongType,
                    value.span(),
                    format!("`{key}` in {} must be {expected}, but {} is not a number", self.name, f.as_str()),
                )
                .help = Some("NaN and infinity are not amounts: write the number, e.g. 12000 or 12000.50".to_string());
            }
            Value::Integer(_) | Value::Float(_) if expected.contains("money") => {
                self.money_out_of_bounds(cx, key, value)
            }
            Value::Integer(_) | Value::Float(_) => {
                cx.report(
                    Code::OutOfRange,
                    value.span(),
                    format!(
                        "`{key}` in {} is {}, too large or too precise",
                        self.name,
                        shorten(&describe(value.get_ref()))
                    ),
                );
            }
            _ => self.wrong_type(cx, key, value, expected),
        }
        None
    }

    /// A required amount of money.
    pub fn required_money(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Spanned<Decimal>> {
        if self.get(key).is_none() {
            self.missing(cx, key, "12000");
            return None;
        }
        self.money(cx, key)
    }

    /// An optional decimal number (used by settings such as shares and weights).
    pub fn number(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Spanned<Decimal>> {
        let value = self.get(key)?;
        let n = self.numeric(cx, key, value, "a number")?;
        Some(Spanned::new(value.span(), n))
    }
}

/// The largest amount of money: 10^15.
pub const MONEY_MAX: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The most decimals an amount of money may have.
pub const MONEY_DECIMALS: u32 = 6;

/// Whether an amount is within `0..=MONEY_MAX` (in magnitude) with at most
/// [`MONEY_DECIMALS`] decimals.
pub fn money_in_bounds(amount: Decimal) -> bool {
    amount.abs() <= MONEY_MAX && amount.normalize().scale() <= MONEY_DECIMALS
}

/// A parsed number as an exact decimal (integers in any radix, floats from their text; the
/// tree's numbers hold no underscores).
pub(super) fn decimal(value: &Value<'_>) -> Option<Decimal> {
    match value {
        Value::Integer(i) => {
            i128::from_str_radix(i.as_str(), i.radix()).ok().and_then(|n| Decimal::try_from_i128_with_scale(n, 0).ok())
        }
        Value::Float(f) => {
            let text = f.as_str().strip_prefix('+').unwrap_or(f.as_str());
            if text.contains(['e', 'E']) { Decimal::from_scientific(text).ok() } else { Decimal::from_str(text).ok() }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_underscores_are_their_digits_whichever_reader_read_them() {
        // The first is read in one pass; a float with underscores and a hexadecimal integer are
        // left to the `toml` crate.
        let cases = [
            ("a = +12_000\n", Decimal::from(12_000)),
            ("a = 1_000.2_5\n", Decimal::new(100_025, 2)),
            ("a = 0x2_EE0\n", Decimal::from(12_000)),
        ];
        for (text, expected) in cases {
            let table = crate::records::tree::parse(text).expect("valid TOML");
            assert_eq!(decimal(table.get("a").expect("key").get_ref()), Some(expected), "{text:?}");
        }
    }

    #[test]
    fn the_money_bound_is_ten_to_the_fifteenth_with_six_decimals() {
        assert_eq!(MONEY_MAX, Decimal::from(1_000_000_000_000_000_i64));
        assert!(money_in_bounds(MONEY_MAX));
        assert!(money_in_bounds(Decimal::new(1, 6)));
        assert!(money_in_bounds(Decimal::new(1_000_000, 12)));
        assert!(!money_in_bounds(MONEY_MAX + Decimal::new(1, 6)));
        assert!(!money_in_bounds(Decimal::new(1, 7)));
        assert!(!money_in_bounds(Decimal::MAX));
    }
}
