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
/// non-negative values SPEC rounds), and returns it as a decimal.
pub fn round_half_up(value: &BigRational, places: u32) -> Decimal {
    let factor = BigInt::from(10u32).pow(places);
    let scaled = value * BigRational::from_integer(factor);
    let half = BigRational::new(BigInt::from(1), BigInt::from(2));
    let rounded = if scaled.is_negative() { -((-scaled + half).floor()) } else { (scaled + half).floor() };
    let mantissa: i128 = rounded.to_integer().try_into().unwrap_or(i128::MAX); // ok: scores and shares are small
    Decimal::from_i128_with_scale(mantissa, places)
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
        assert_eq!(round_half_up(&r(4225, 100), 1), Decimal::from_str("42.3").unwrap());
        assert_eq!(round_half_up(&r(5, 2), 0), Decimal::from(3));
        assert_eq!(round_half_up(&r(-5, 2), 0), Decimal::from(-3));
    }

    #[test]
    fn just_below_a_half_rounds_down() {
        assert_eq!(round_half_up(&r(42249999, 1000000), 1), Decimal::from_str("42.2").unwrap());
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
