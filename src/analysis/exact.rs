//! Exact arithmetic for shares and scores: rationals, rounded once, halves up.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};
use rust_decimal::Decimal;

/// A decimal as an exact rational.
pub fn rational(d: Decimal) -> BigRational {
    let scale = BigInt::from(10u32).pow(d.scale());
    BigRational::new(BigInt::from(d.mantissa()), scale)
}

/// Rounds a rational to `places` decimals, halves away from zero ("halves up" for the
/// non-negative values SPEC rounds), and returns it as a decimal; `None` when the rounded
/// value is beyond what a decimal holds (about 7.9 × 10^28 / 10^places) or `places` > 28.
pub fn round_half_up(value: &BigRational, places: u32) -> Option<Decimal> {
    let factor = BigInt::from(10u32).pow(places);
    let scaled = value * BigRational::from_integer(factor);
    let half = BigRational::new(BigInt::from(1), BigInt::from(2));
    let rounded = if scaled.is_negative() { -((-scaled + half).floor()) } else { (scaled + half).floor() };
    let mantissa: i128 = rounded.to_integer().try_into().ok()?;
    Decimal::try_from_i128_with_scale(mantissa, places).ok()
}

/// `numerator / denominator`, or zero when the denominator is zero.
pub fn ratio(numerator: Decimal, denominator: Decimal) -> BigRational {
    if denominator.is_zero() { BigRational::zero() } else { rational(numerator) / rational(denominator) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn r(n: i64, d: i64) -> BigRational {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }

    #[test]
    fn exact_halves_round_up() {
        assert_eq!(round_half_up(&r(4225, 100), 1), Some(Decimal::from_str("42.3").unwrap()));
        assert_eq!(round_half_up(&r(5, 2), 0), Some(Decimal::from(3)));
        assert_eq!(round_half_up(&r(-5, 2), 0), Some(Decimal::from(-3)));
    }

    #[test]
    fn just_below_a_half_rounds_down() {
        assert_eq!(round_half_up(&r(42249999, 1000000), 1), Some(Decimal::from_str("42.2").unwrap()));
    }

    #[test]
    fn a_value_beyond_a_decimal_is_none_not_a_panic() {
        // The trend of an order of 1 after one of 10^-28: 10^28 − 1, at 3 decimals.
        let tiny = Decimal::from_str("0.0000000000000000000000000001").unwrap();
        let change = ratio(Decimal::ONE, tiny) - r(1, 1);
        assert_eq!(round_half_up(&change, 3), None);
        assert_eq!(round_half_up(&-change, 3), None);
        assert_eq!(round_half_up(&r(1, 1), 29), None);
        let max = rational(Decimal::MAX);
        assert_eq!(round_half_up(&max, 0), Some(Decimal::MAX));
    }

    #[test]
    fn decimals_convert_exactly() {
        let seven_tenths = rational(Decimal::from_str("0.7").unwrap());
        assert_eq!(seven_tenths, r(7, 10));
        assert_eq!(rational(Decimal::from_str("0.8").unwrap()) * r(7, 1), r(56, 10));
    }

    #[test]
    fn ratio_by_zero_is_zero() {
        assert!(ratio(Decimal::ONE, Decimal::ZERO).is_zero());
    }
}
