//! Rates of SPEC 12.2 (retention, on time, kept, attainment, win rate): exact rationals,
//! rounded once to 3 decimals, halves up; `None` when there is nothing to divide by.

use rust_decimal::Decimal;

use super::exact::round_ratio;
use crate::records::model::Money;

/// How many of a base met a rule, and the rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// The base: how many were counted.
    pub of: usize,
    /// How many of them met the rule.
    pub hits: usize,
    /// hits / of, rounded to 3 decimals halves up; `None` when `of` is 0.
    pub rate: Option<Decimal>,
}

impl Rate {
    /// `hits` of `of`.
    pub fn new(hits: usize, of: usize) -> Rate {
        Rate { of, hits, rate: share(hits, of) }
    }

    /// Counts `items`: each is in the base, and a hit when it is `true`.
    pub fn count(items: impl IntoIterator<Item = bool>) -> Rate {
        let (mut hits, mut of) = (0, 0);
        for hit in items {
            of += 1;
            hits += usize::from(hit);
        }
        Rate::new(hits, of)
    }
}

/// `hits / of` rounded to 3 decimals halves up; `None` when `of` is 0.
pub fn share(hits: usize, of: usize) -> Option<Decimal> {
    if of == 0 {
        return None;
    }
    round_ratio(Decimal::from(hits), Decimal::from(of), 0, 3)
}

/// `numerator / denominator` rounded to 3 decimals halves up; `None` when the denominator
/// is 0 (or the quotient is beyond what a decimal holds).
pub fn quotient(numerator: Money, denominator: Money) -> Option<Decimal> {
    if denominator.is_zero() {
        return None;
    }
    round_ratio(numerator, denominator, 0, 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::m;

    #[test]
    fn rates_round_once_to_three_decimals_halves_up() {
        assert_eq!(share(5, 16), Some(m("0.313")), "0.3125 is a half: up");
        assert_eq!(share(1, 8), Some(m("0.125")), "exact, no rounding");
        assert_eq!(share(1, 16), Some(m("0.063")), "0.0625 up");
        assert_eq!(share(2, 3), Some(m("0.667")));
        assert_eq!(share(1, 3), Some(m("0.333")));
        assert_eq!(share(7, 7), Some(m("1")));
        assert_eq!(share(0, 4), Some(m("0")));
        assert_eq!(share(0, 0), None, "no base, no rate");
    }

    #[test]
    fn a_rate_counts_its_base_and_hits() {
        assert_eq!(Rate::count([true, false, true, true]), Rate { of: 4, hits: 3, rate: Some(m("0.75")) });
        assert_eq!(Rate::count([]), Rate { of: 0, hits: 0, rate: None });
    }

    #[test]
    fn a_quotient_of_money_is_exact_before_its_one_rounding() {
        assert_eq!(quotient(m("1000"), m("1200000")), Some(m("0.001")), "0.000833… up");
        assert_eq!(quotient(m("600"), m("1200000")), Some(m("0.001")), "0.0005 is a half: up");
        assert_eq!(quotient(m("599.99"), m("1200000")), Some(m("0")));
        assert_eq!(quotient(m("1500000"), m("1200000")), Some(m("1.25")), "beyond the target");
        assert_eq!(quotient(m("5"), m("0")), None);
    }
}
