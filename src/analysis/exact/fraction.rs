//! The fast path of the exact arithmetic: a rational of two `i128`, for the values that fit.
//! Every operation is checked and says `None` on overflow, where the caller does the same sum
//! again with big rationals (`exact::rational`), so a result is exact either way.

use rust_decimal::Decimal;

/// A rational `num / den`, reduced, with `den > 0`; neither is `i128::MIN`, so every sign
/// change and absolute value is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    num: i128,
    den: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    // Both inputs are above i128::MIN, so their divisor fits.
    i128::try_from(a).unwrap_or(1)
}

impl Fraction {
    /// Zero.
    pub const ZERO: Fraction = Fraction { num: 0, den: 1 };

    /// `num / den` reduced; `None` when `den` is 0 or either is `i128::MIN`.
    pub fn new(num: i128, den: i128) -> Option<Fraction> {
        if den == 0 || num == i128::MIN || den == i128::MIN {
            return None;
        }
        let g = gcd(num, den).max(1);
        let (num, den) = (num / g, den / g);
        Some(if den < 0 { Fraction { num: -num, den: -den } } else { Fraction { num, den } })
    }

    /// A whole number.
    pub fn integer(n: i128) -> Option<Fraction> {
        Fraction::new(n, 1)
    }

    /// A decimal, exactly: its mantissa over 10^scale (a scale is at most 28, and 10^28 fits).
    pub fn decimal(d: Decimal) -> Option<Fraction> {
        Fraction::new(d.mantissa(), 10i128.checked_pow(d.scale())?)
    }

    /// Whether this is zero.
    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    /// `self + other`.
    pub fn add(self, other: Fraction) -> Option<Fraction> {
        let g = gcd(self.den, other.den);
        let num = self.num.checked_mul(other.den / g)?.checked_add(other.num.checked_mul(self.den / g)?)?;
        Fraction::new(num, self.den.checked_mul(other.den / g)?)
    }

    /// `self − other`.
    pub fn sub(self, other: Fraction) -> Option<Fraction> {
        self.add(Fraction { num: -other.num, den: other.den })
    }

    /// `self × other`, crossing out common factors first.
    pub fn mul(self, other: Fraction) -> Option<Fraction> {
        let a = gcd(self.num, other.den).max(1);
        let b = gcd(other.num, self.den).max(1);
        Fraction::new((self.num / a).checked_mul(other.num / b)?, (self.den / b).checked_mul(other.den / a)?)
    }

    /// `self / other`; `None` when `other` is zero.
    pub fn div(self, other: Fraction) -> Option<Fraction> {
        if other.num == 0 {
            return None;
        }
        self.mul(Fraction::new(other.den, other.num)?)
    }

    /// Rounded to `places` decimals, halves away from zero, as `exact::round_half_up` rounds;
    /// `None` on overflow here or when the result is beyond a decimal (then the big path
    /// decides).
    pub fn round_half_up(self, places: u32) -> Option<Decimal> {
        let scaled = self.num.unsigned_abs().checked_mul(10u128.checked_pow(places)?)?;
        let den = self.den.unsigned_abs();
        let (quotient, rest) = (scaled / den, scaled % den);
        let magnitude = i128::try_from(quotient + u128::from(rest >= den - rest)).ok()?;
        let mantissa = if self.num < 0 { -magnitude } else { magnitude };
        Decimal::try_from_i128_with_scale(mantissa, places).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::exact::{rational, round_half_up};
    use num_bigint::BigInt;
    use num_rational::BigRational;
    use std::str::FromStr;

    fn f(n: i128, d: i128) -> Fraction {
        Fraction::new(n, d).unwrap()
    }

    #[test]
    fn fractions_are_kept_reduced_with_a_positive_denominator() {
        assert_eq!(f(6, -4), f(-3, 2));
        assert_eq!(f(0, -7), Fraction::ZERO);
        assert_eq!(f(1, 3).add(f(1, 6)), Some(f(1, 2)));
        assert_eq!(f(1, 3).sub(f(1, 2)), Some(f(-1, 6)));
        assert_eq!(f(2, 3).mul(f(9, 4)), Some(f(3, 2)));
        assert_eq!(f(2, 3).div(f(4, 9)), Some(f(3, 2)));
        assert_eq!(f(2, 3).div(Fraction::ZERO), None);
        assert_eq!(Fraction::new(1, 0), None);
        assert_eq!(Fraction::new(i128::MIN, 1), None);
    }

    #[test]
    fn halves_round_away_from_zero_and_just_below_rounds_down() {
        assert_eq!(f(4225, 100).round_half_up(1), Some(Decimal::from_str("42.3").unwrap()));
        assert_eq!(f(5, 2).round_half_up(0), Some(Decimal::from(3)));
        assert_eq!(f(-5, 2).round_half_up(0), Some(Decimal::from(-3)));
        assert_eq!(f(42249999, 1000000).round_half_up(1), Some(Decimal::from_str("42.2").unwrap()));
        assert_eq!(f(1, 3).round_half_up(3), Some(Decimal::from_str("0.333").unwrap()));
        assert_eq!(f(2, 3).round_half_up(3), Some(Decimal::from_str("0.667").unwrap()));
    }

    #[test]
    fn overflow_is_none_never_a_wrong_value() {
        let big = f(i128::MAX, 1);
        assert_eq!(big.add(f(1, 1)), None);
        assert_eq!(big.mul(f(2, 1)), None);
        assert_eq!(f(1, i128::MAX).add(f(1, i128::MAX - 1)), None);
        assert_eq!(big.round_half_up(1), None);
        assert_eq!(f(1, 1).round_half_up(29), None, "beyond a decimal's scale");
        // The largest decimal is exact in both paths.
        let max = Fraction::decimal(Decimal::MAX).unwrap();
        assert_eq!(max.round_half_up(0), Some(Decimal::MAX));
    }

    #[test]
    fn the_fast_path_rounds_as_the_big_rationals_do() {
        let values = ["0", "1", "-1", "0.0001", "12.345", "-12.345", "99999.995", "1234567.891", "0.3333"];
        for a in values {
            for b in values {
                let (da, db) = (Decimal::from_str(a).unwrap(), Decimal::from_str(b).unwrap());
                if db.is_zero() {
                    continue;
                }
                let fast = Fraction::decimal(da).unwrap().div(Fraction::decimal(db).unwrap()).unwrap();
                let big = rational(da) / rational(db);
                for places in [0, 1, 3] {
                    assert_eq!(fast.round_half_up(places), round_half_up(&big, places), "{a} / {b} at {places}");
                }
            }
        }
        assert_eq!(f(7, 2).round_half_up(0), round_half_up(&BigRational::new(BigInt::from(7), BigInt::from(2)), 0));
    }
}
