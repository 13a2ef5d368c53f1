//! ABC (Pareto) classes on revenue (SPEC 6).

use serde::Serialize;

use crate::records::model::Money;
use crate::records::settings::AbcConfig;

/// A customer's ABC class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Class {
    /// The few customers that make most of the revenue.
    A,
    /// The middle.
    B,
    /// The many small ones, and those with no revenue.
    C,
}

impl Class {
    /// "A", "B" or "C".
    pub fn as_str(self) -> &'static str {
        match self {
            Class::A => "A",
            Class::B => "B",
            Class::C => "C",
        }
    }
}

/// A class with what decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ranked {
    /// The class.
    pub class: Class,
    /// Revenue of the customers ranked before this one (S).
    pub before: Money,
    /// Total revenue of all customers (T).
    pub total: Money,
    /// Position in the ranking, from 1.
    pub rank: usize,
}

/// Classes for customers given as `(id, revenue)`, returned in the input order.
/// Sorted by revenue descending, ties by id; A if S < a·T, B if S < b·T, else C; revenue 0 is C.
pub fn classify(customers: &[(&str, Money)], config: &AbcConfig) -> Vec<Ranked> {
    let total: Money = customers.iter().map(|(_, r)| *r).sum();
    let mut order: Vec<usize> = (0..customers.len()).collect();
    order.sort_by(|&i, &j| customers[j].1.cmp(&customers[i].1).then_with(|| customers[i].0.cmp(customers[j].0)));
    let a_limit = config.a_share * total;
    let b_limit = config.b_share * total;
    let mut out = vec![Ranked { class: Class::C, before: Money::ZERO, total, rank: 0 }; customers.len()];
    let mut before = Money::ZERO;
    for (rank, &i) in order.iter().enumerate() {
        let revenue = customers[i].1;
        let class = if revenue.is_zero() {
            Class::C
        } else if before < a_limit {
            Class::A
        } else if before < b_limit {
            Class::B
        } else {
            Class::C
        };
        out[i] = Ranked { class, before, total, rank: rank + 1 };
        before += revenue;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::m;
    use crate::records::settings::Settings;

    fn classes(input: &[(&str, &str)]) -> Vec<Class> {
        let parsed: Vec<(&str, Money)> = input.iter().map(|(id, r)| (*id, m(r))).collect();
        classify(&parsed, &Settings::default().abc).iter().map(|r| r.class).collect()
    }

    #[test]
    fn the_customer_that_crosses_80_percent_is_still_a() {
        // Before c: 70 < 80 → A (crosses to 85). Before d: 85 ≥ 80, < 95 → B. Before e: 95 → C.
        let got = classes(&[("a", "50"), ("b", "20"), ("c", "15"), ("d", "10"), ("e", "5")]);
        assert_eq!(got, vec![Class::A, Class::A, Class::A, Class::B, Class::C]);
    }

    #[test]
    fn exactly_80_and_95_percent_before_fall_to_the_next_class() {
        // Before b: exactly 80 of 100 → B. Before c: exactly 95 → C.
        let got = classes(&[("a", "80"), ("b", "15"), ("c", "5")]);
        assert_eq!(got, vec![Class::A, Class::B, Class::C]);
    }

    #[test]
    fn the_top_customer_is_always_a_and_zero_revenue_is_c() {
        assert_eq!(classes(&[("a", "1"), ("z", "0")]), vec![Class::A, Class::C]);
        assert_eq!(classes(&[("a", "0"), ("b", "0")]), vec![Class::C, Class::C]);
    }

    #[test]
    fn revenue_ties_are_ranked_by_id() {
        // Equal revenue: "a" ranks first (A, S=0); "b" has S=50 of 100 → A; input order kept.
        let parsed = [("b", m("50")), ("a", m("50"))];
        let ranked = classify(&parsed, &Settings::default().abc);
        assert_eq!(ranked[1].rank, 1);
        assert_eq!(ranked[0].rank, 2);
        assert_eq!(ranked[0].before, m("50"));
    }

    #[test]
    fn shares_are_exact_with_cents() {
        // T = 0.30; a_share·T = 0.24 exactly; before c is 0.24 → B, not A by float noise.
        let got = classes(&[("a", "0.12"), ("b", "0.12"), ("c", "0.06")]);
        assert_eq!(got, vec![Class::A, Class::A, Class::B]);
    }
}
