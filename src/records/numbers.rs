//! Numbers read from records: exact decimals from TOML's text, and the bounds of money.

use std::str::FromStr;

use rust_decimal::Decimal;
use toml::de::DeValue;

/// The largest amount of money: 10^15.
pub const MONEY_MAX: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The most decimals an amount of money may have.
pub const MONEY_DECIMALS: u32 = 6;

/// Whether an amount is within `0..=MONEY_MAX` (in magnitude) with at most
/// [`MONEY_DECIMALS`] decimals.
pub fn money_in_bounds(amount: Decimal) -> bool {
    amount.abs() <= MONEY_MAX && amount.normalize().scale() <= MONEY_DECIMALS
}

/// A parsed number as an exact decimal (integers in any radix, floats from their source text).
pub(super) fn decimal(value: &DeValue<'_>) -> Option<Decimal> {
    match value {
        DeValue::Integer(i) => i128::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .ok()
            .and_then(|n| Decimal::try_from_i128_with_scale(n, 0).ok()),
        DeValue::Float(f) => {
            let text = f.as_str().replace('_', "");
            let text = text.strip_prefix('+').unwrap_or(&text);
            if text.contains(['e', 'E']) { Decimal::from_scientific(text).ok() } else { Decimal::from_str(text).ok() }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
