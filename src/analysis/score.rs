//! The composite key-customer score (SPEC 6): a weighted mean of four 0–100 components.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;
use rust_decimal::Decimal;

use super::credit::Grade;
use super::exact::{ratio, rational, round_half_up};
use crate::records::model::Money;
use crate::records::settings::WeightsConfig;

/// What the score of one customer is computed from.
#[derive(Debug, Clone, Copy)]
pub struct ScoreInputs {
    /// Revenue in the window.
    pub revenue: Money,
    /// Profit in the window (`None` counts 0).
    pub profit: Option<Money>,
    /// Credit grade.
    pub grade: Grade,
    /// Prospect 1..5.
    pub prospect: u8,
}

/// What is shared by every customer's score.
#[derive(Debug, Clone)]
pub struct ScoreScale {
    /// The largest revenue.
    pub max_revenue: Money,
    /// The largest profit (at least 0).
    pub max_profit: Money,
    /// False when no order in the records has a cost: the profit weight is dropped.
    pub use_profit: bool,
}

/// A score and its four components, each rounded to one decimal for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    /// The score, 0–100, one decimal, halves up.
    pub value: Decimal,
    /// Revenue, profit, credit and prospect components (rounded for explanations).
    pub components: [Decimal; 4],
}

/// Computes a score exactly and rounds it once.
pub fn score(input: &ScoreInputs, scale: &ScoreScale, weights: &WeightsConfig) -> Score {
    let hundred = BigRational::from_integer(BigInt::from(100));
    let positive_profit = input.profit.unwrap_or(Money::ZERO).max(Money::ZERO);
    let parts = [
        ratio(input.revenue, scale.max_revenue) * &hundred,
        ratio(positive_profit, scale.max_profit) * &hundred,
        BigRational::from_integer(BigInt::from(input.grade.points())),
        BigRational::new(BigInt::from(i64::from(input.prospect) - 1), BigInt::from(4)) * &hundred,
    ];
    let profit_weight = if scale.use_profit { weights.profit } else { Decimal::ZERO };
    let w = [weights.revenue, profit_weight, weights.credit, weights.prospect].map(rational);
    let total_weight: BigRational = w.iter().sum();
    let weighted: BigRational = parts.iter().zip(&w).map(|(p, w)| p * w).sum();
    let mean = if total_weight.is_zero() { BigRational::zero() } else { weighted / total_weight };
    // Each part is a share of 100 (revenue and profit against the largest, points, prospect),
    // and the mean of shares is one too: all are far inside a decimal's range.
    let round = |value: &BigRational| round_half_up(value, 1).unwrap_or_default();
    Score { value: round(&mean), components: parts.map(|p| round(&p)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::m;
    use crate::records::settings::Settings;

    fn scale(max_revenue: &str, max_profit: &str, use_profit: bool) -> ScoreScale {
        ScoreScale { max_revenue: m(max_revenue), max_profit: m(max_profit), use_profit }
    }

    #[test]
    fn the_best_customer_on_every_component_scores_100() {
        let s = score(
            &ScoreInputs { revenue: m("10"), profit: Some(m("5")), grade: Grade::A, prospect: 5 },
            &scale("10", "5", true),
            &Settings::default().weights,
        );
        assert_eq!(s.value, m("100.0"));
    }

    #[test]
    fn unknown_credit_counts_50_and_unknown_profit_0() {
        // 0.4·50 + 0.3·0 + 0.2·50 + 0.1·50 = 35.
        let s = score(
            &ScoreInputs { revenue: m("5"), profit: None, grade: Grade::None, prospect: 3 },
            &scale("10", "5", true),
            &Settings::default().weights,
        );
        assert_eq!(s.value, m("35.0"));
    }

    #[test]
    fn no_cost_anywhere_drops_the_profit_weight_and_renormalises() {
        // (0.4·50 + 0.2·100 + 0.1·0) / 0.7 = 40 / 0.7 = 57.142… → 57.1.
        let s = score(
            &ScoreInputs { revenue: m("5"), profit: None, grade: Grade::A, prospect: 1 },
            &scale("10", "0", false),
            &Settings::default().weights,
        );
        assert_eq!(s.value, m("57.1"));
    }

    #[test]
    fn an_exact_half_rounds_up() {
        // Revenue 1 of 4 → 25; 0.4·25 + 0.3·0 + 0.2·0 (D) + 0.1·25 (prospect 2) = 12.5.
        let s = score(
            &ScoreInputs { revenue: m("1"), profit: Some(m("0")), grade: Grade::D, prospect: 2 },
            &scale("4", "1", true),
            &Settings::default().weights,
        );
        assert_eq!(s.value, m("12.5"));
        // Exactly 42.25 (revenue 100 weighted 0.4225, the rest 0) rounds to 42.3.
        let weights = WeightsConfig { revenue: m("0.4225"), profit: m("0"), credit: m("0"), prospect: m("0.5775") };
        let s = score(
            &ScoreInputs { revenue: m("1"), profit: None, grade: Grade::D, prospect: 1 },
            &scale("1", "0", true),
            &weights,
        );
        assert_eq!(s.value, m("42.3"));
    }

    #[test]
    fn a_zero_max_counts_zero_and_negative_profit_counts_zero() {
        let s = score(
            &ScoreInputs { revenue: m("0"), profit: Some(m("-5")), grade: Grade::D, prospect: 1 },
            &scale("0", "0", true),
            &Settings::default().weights,
        );
        assert_eq!(s.value, m("0.0"));
    }
}
