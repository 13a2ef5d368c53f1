//! The composite key-customer score (SPEC 6): a weighted mean of four 0–100 components.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;
use rust_decimal::Decimal;

use super::credit::Grade;
use super::exact::{Fraction, ratio, rational, round_half_up};
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

/// Computes a score exactly and rounds it once: with `i128` fractions when every step fits
/// (all but absurd amounts), else with big rationals; both are exact, so they agree.
pub fn score(input: &ScoreInputs, scale: &ScoreScale, weights: &WeightsConfig) -> Score {
    score_small(input, scale, weights).unwrap_or_else(|| score_big(input, scale, weights))
}

/// The score with `i128` fractions; `None` when a step overflows (or a rounded value is
/// beyond a decimal, which the big path decides).
fn score_small(input: &ScoreInputs, scale: &ScoreScale, weights: &WeightsConfig) -> Option<Score> {
    let hundred = Fraction::integer(100)?;
    let ratio = |n: Money, d: Money| {
        if d.is_zero() { Some(Fraction::ZERO) } else { Fraction::decimal(n)?.div(Fraction::decimal(d)?) }
    };
    let positive_profit = input.profit.unwrap_or(Money::ZERO).max(Money::ZERO);
    let parts = [
        ratio(input.revenue, scale.max_revenue)?.mul(hundred)?,
        ratio(positive_profit, scale.max_profit)?.mul(hundred)?,
        Fraction::integer(input.grade.points().into())?,
        Fraction::new(i128::from(input.prospect) - 1, 4)?.mul(hundred)?,
    ];
    let profit_weight = if scale.use_profit { weights.profit } else { Decimal::ZERO };
    let mut total_weight = Fraction::ZERO;
    let mut weighted = Fraction::ZERO;
    for (part, w) in parts.iter().zip([weights.revenue, profit_weight, weights.credit, weights.prospect]) {
        let w = Fraction::decimal(w)?;
        total_weight = total_weight.add(w)?;
        weighted = weighted.add(part.mul(w)?)?;
    }
    let mean = if total_weight.is_zero() { Fraction::ZERO } else { weighted.div(total_weight)? };
    let [a, b, c, d] = parts;
    Some(Score {
        value: mean.round_half_up(1)?,
        components: [a.round_half_up(1)?, b.round_half_up(1)?, c.round_half_up(1)?, d.round_half_up(1)?],
    })
}

/// The score with big rationals, for inputs whose steps do not fit `i128`.
fn score_big(input: &ScoreInputs, scale: &ScoreScale, weights: &WeightsConfig) -> Score {
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
    fn the_fast_path_and_the_big_path_agree() {
        let weights = WeightsConfig { revenue: m("0.4225"), profit: m("0.1"), credit: m("0.2"), prospect: m("0.2775") };
        for (revenue, profit, max_revenue, max_profit) in
            [("1", "0", "4", "1"), ("12345.67", "-3", "99999.99", "500.5"), ("0.01", "0.01", "7777777.77", "0.03")]
        {
            let input = ScoreInputs { revenue: m(revenue), profit: Some(m(profit)), grade: Grade::B, prospect: 4 };
            let scale = scale(max_revenue, max_profit, true);
            let fast = score_small(&input, &scale, &weights).expect("these fit i128");
            assert_eq!(fast, score_big(&input, &scale, &weights), "{revenue} of {max_revenue}");
        }
    }

    #[test]
    fn amounts_beyond_i128_steps_take_the_big_path_and_still_score() {
        // 10^-28 of the largest decimal: the ratio's numerator is 2^96 · 10^28, beyond i128.
        let input = ScoreInputs { revenue: Decimal::MAX, profit: None, grade: Grade::A, prospect: 5 };
        let tiny = m("0.0000000000000000000000000001");
        let scale = ScoreScale { max_revenue: tiny, max_profit: Money::ZERO, use_profit: false };
        let weights = WeightsConfig { revenue: m("0"), profit: m("0"), credit: m("1"), prospect: m("0") };
        assert_eq!(score_small(&input, &scale, &weights), None);
        assert_eq!(score(&input, &scale, &weights).value, m("100.0"));
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
