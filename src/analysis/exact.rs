//! Exact arithmetic for shares and scores: rationals, rounded once, halves up. Sums that
//! fit two `i128` use [`Fraction`]; big rationals are kept for the ones that do not.

mod fraction;

pub use fraction::Fraction;

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

/// `numerator / denominator − offset` rounded to `places` decimals as [`round_half_up`]
/// rounds (the quotient is zero when the denominator is zero, as in [`ratio`]); `None` when
/// the result is beyond a decimal. `i128` fractions first, big rationals when they overflow.
pub fn round_ratio(numerator: Decimal, denominator: Decimal, offset: i64, places: u32) -> Option<Decimal> {
    let fast = || {
        let quotient = if denominator.is_zero() {
            Fraction::ZERO
        } else {
            Fraction::decimal(numerator)?.div(Fraction::decimal(denominator)?)?
        };
        quotient.sub(Fraction::integer(offset.into())?)?.round_half_up(places)
    };
    fast().or_else(|| {
        let offset = BigRational::from_integer(BigInt::from(offset));
        round_half_up(&(ratio(numerator, denominator) - offset), places)
    })
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
    fn a_rounded_ratio_is_the_same_on_both_paths() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(round_ratio(d("3"), d("2"), 1, 3), Some(d("0.500")));
        assert_eq!(round_ratio(d("2"), d("3"), 0, 3), Some(d("0.667")));
        assert_eq!(round_ratio(d("1"), d("0"), 0, 3), Some(d("0.000")));
        let tiny = d("0.0000000000000000000000000001");
        // 10^28 − 1 does not fit a decimal at 3 places, on either path.
        assert_eq!(round_ratio(Decimal::ONE, tiny, 1, 3), None);
        // (2^96 − 1) / (2^96 − 2) at 28 places: scaling overflows i128, the big path rounds it.
        let (a, b) = (Decimal::MAX, Decimal::MAX - Decimal::ONE);
        let fast = Fraction::decimal(a).and_then(|a| a.div(Fraction::decimal(b)?)).and_then(|q| q.round_half_up(28));
        assert_eq!(fast, None);
        let exact = round_half_up(&(rational(a) / rational(b)), 28);
        assert!(exact.is_some());
        assert_eq!(round_ratio(a, b, 0, 28), exact);
    }

    #[test]
    fn ratio_by_zero_is_zero() {
        assert!(ratio(Decimal::ONE, Decimal::ZERO).is_zero());
    }
}
