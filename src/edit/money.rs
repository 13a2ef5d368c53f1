//! Money as it is written into a record: an exact TOML number, so that reading the record
//! back gives the very same `Decimal`. Every writer of records (`log`, `import`) uses this.

use std::str::FromStr;

use anyhow::{Result, bail};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use toml_edit::Value;

/// An amount as a TOML number: an integer when whole, else a float whose shortest text reads
/// back as exactly `amount`. An amount that no TOML number holds exactly is refused.
pub fn money(amount: Decimal) -> Result<Value> {
    let normal = amount.normalize();
    if normal.fract().is_zero()
        && let Some(whole) = normal.to_i64()
    {
        return Ok(Value::from(whole));
    }
    let exact = normal.to_string().parse::<f64>().ok().map(Value::from).filter(|v| reads_back_as(v, normal));
    match exact {
        Some(value) => Ok(value),
        None => bail!(
            "the amount {amount} cannot be written exactly as a TOML number (a float holds about 15 \
             significant digits); use fewer digits"
        ),
    }
}

/// Whether the value's TOML text, read the way `check` reads money, is exactly `amount`.
fn reads_back_as(value: &Value, amount: Decimal) -> bool {
    let text = value.to_string();
    let text = text.trim();
    let read = if text.contains(['e', 'E']) { Decimal::from_scientific(text) } else { Decimal::from_str(text) };
    read.is_ok_and(|d| d.normalize() == amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        money(Decimal::from_str(text).expect("a decimal"))
            .map(|v| v.to_string())
            .unwrap_or_else(|e| format!("refused: {e}"))
    }

    #[test]
    fn whole_amounts_are_integers_and_others_exact_floats() {
        assert_eq!(written("12000.00"), "12000");
        assert_eq!(written("700.50"), "700.5");
        assert_eq!(written("0.1"), "0.1");
        assert_eq!(written("999999999999999"), "999999999999999");
        assert_eq!(written("123456789012.345"), "123456789012.345");
    }

    #[test]
    fn what_a_float_cannot_hold_is_refused_not_rounded() {
        assert!(written("12345678901234567.89").starts_with("refused: the amount 12345678901234567.89"));
        assert!(written("0.12345678901234567890123").starts_with("refused"));
        assert!(written("79228162514264337593543950335").starts_with("refused"));
    }
}
