//! Credit grade from payment lateness, exposure, overdue and the credit limit (SPEC 6).

use serde::Serialize;

use super::window::Window;
use crate::records::model::{Customer, Money, Order};
use crate::records::settings::CreditConfig;

/// A credit grade: A pays on time … D pays very late; `-` has no rated order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Late at most `grace_days`.
    A,
    /// Late at most `b_max_days`.
    B,
    /// Late at most `c_max_days`.
    C,
    /// Later than that.
    D,
    /// No rated order.
    None,
}

impl Grade {
    /// "A" … "D" or "-".
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::None => "-",
        }
    }

    /// The grade's score component: A=100 B=70 C=40 D=0 -=50.
    pub fn points(self) -> i64 {
        match self {
            Grade::A => 100,
            Grade::B => 70,
            Grade::C => 40,
            Grade::D => 0,
            Grade::None => 50,
        }
    }
}

impl Serialize for Grade {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A customer's credit standing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The grade.
    pub grade: Grade,
    /// The largest lateness in days over the rated orders.
    pub max_late: Option<i64>,
    /// How many orders were rated.
    pub rated: usize,
    /// Sum of unpaid credit orders.
    pub exposure: Money,
    /// The part of the exposure past its due date.
    pub overdue: Money,
    /// Exposure above the credit limit.
    pub over_limit: bool,
}

/// Whether an order is unpaid as of today (a `paid` date after today is not yet a payment).
pub fn unpaid(order: &Order, window: &Window) -> bool {
    order.due.is_some() && order.paid.is_none_or(|p| p > window.today)
}

/// Days late of an order if it is rated: paid in the window (late = paid − due, at least 0),
/// or unpaid and due by today (late = today − due, of any age).
pub fn lateness(order: &Order, window: &Window) -> Option<i64> {
    let due = order.due?;
    match order.paid.filter(|p| *p <= window.today) {
        Some(paid) if window.contains(paid) => Some((paid - due).num_days().max(0)),
        Some(_) => None,
        None if due <= window.today => Some((window.today - due).num_days()),
        None => None,
    }
}

/// Grades a customer's credit as of the window's today.
pub fn credit(customer: &Customer, window: &Window, config: &CreditConfig) -> Credit {
    let mut c = Credit {
        grade: Grade::None,
        max_late: None,
        rated: 0,
        exposure: Money::ZERO,
        overdue: Money::ZERO,
        over_limit: false,
    };
    for order in customer.orders.iter().filter(|o| window.known(o.date)) {
        if let Some(late) = lateness(order, window) {
            c.rated += 1;
            c.max_late = Some(c.max_late.map_or(late, |m| m.max(late)));
        }
        if unpaid(order, window) {
            c.exposure += order.amount;
            if order.due.is_some_and(|due| due < window.today) {
                c.overdue += order.amount;
            }
        }
    }
    c.grade = match c.max_late {
        None => Grade::None,
        Some(m) if m <= config.grace_days => Grade::A,
        Some(m) if m <= config.b_max_days => Grade::B,
        Some(m) if m <= config.c_max_days => Grade::C,
        Some(_) => Grade::D,
    };
    c.over_limit = customer.credit_limit.is_some_and(|limit| c.exposure > limit);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{credit_order, customer, d, m, order};
    use crate::records::settings::Settings;

    fn grade_of(orders: Vec<Order>) -> Credit {
        let mut c = customer("a");
        c.orders = orders;
        credit(&c, &Window::new(d("2026-11-25"), 365), &Settings::default().credit)
    }

    #[test]
    fn grace_day_7_is_a_and_8_is_b() {
        assert_eq!(grade_of(vec![credit_order("2026-09-01", "1", "2026-10-01", Some("2026-10-08"))]).grade, Grade::A);
        assert_eq!(grade_of(vec![credit_order("2026-09-01", "1", "2026-10-01", Some("2026-10-09"))]).grade, Grade::B);
    }

    #[test]
    fn thirty_is_b_31_is_c_90_is_c_91_is_d() {
        let late = |days: u64| {
            let paid = d("2026-06-01") + chrono::Days::new(days);
            grade_of(vec![credit_order("2026-05-01", "1", "2026-06-01", Some(&paid.to_string()))]).grade
        };
        assert_eq!((late(30), late(31), late(90), late(91)), (Grade::B, Grade::C, Grade::C, Grade::D));
    }

    #[test]
    fn paid_early_counts_zero_days_late() {
        let c = grade_of(vec![credit_order("2026-09-01", "1", "2026-10-01", Some("2026-09-15"))]);
        assert_eq!((c.grade, c.max_late), (Grade::A, Some(0)));
    }

    #[test]
    fn an_unpaid_debt_older_than_the_window_is_still_rated() {
        let c = grade_of(vec![credit_order("2023-01-01", "500", "2023-02-01", None)]);
        assert_eq!(c.grade, Grade::D);
        assert_eq!((c.exposure, c.overdue), (m("500"), m("500")));
    }

    #[test]
    fn an_order_paid_before_the_window_is_not_rated() {
        let c = grade_of(vec![credit_order("2025-01-01", "1", "2025-02-01", Some("2025-11-25"))]);
        assert_eq!(c.grade, Grade::None);
        let c = grade_of(vec![credit_order("2025-01-01", "1", "2025-02-01", Some("2025-11-26"))]);
        assert_eq!(c.grade, Grade::D);
    }

    #[test]
    fn due_today_is_rated_on_time_but_not_overdue() {
        let c = grade_of(vec![credit_order("2026-11-01", "300", "2026-11-25", None)]);
        assert_eq!((c.grade, c.max_late), (Grade::A, Some(0)));
        assert_eq!((c.exposure, c.overdue), (m("300"), Money::ZERO));
    }

    #[test]
    fn unpaid_not_yet_due_is_exposure_only() {
        let c = grade_of(vec![credit_order("2026-11-01", "300", "2026-12-01", None), order("2026-11-01", "9", None)]);
        assert_eq!((c.grade, c.exposure, c.overdue), (Grade::None, m("300"), Money::ZERO));
    }

    #[test]
    fn exposure_equal_to_the_limit_is_not_over() {
        let mut c = customer("a");
        c.orders = vec![credit_order("2026-11-01", "300", "2026-12-01", None)];
        c.credit_limit = Some(m("300"));
        let w = Window::new(d("2026-11-25"), 365);
        assert!(!credit(&c, &w, &Settings::default().credit).over_limit);
        c.credit_limit = Some(m("299.99"));
        assert!(credit(&c, &w, &Settings::default().credit).over_limit);
    }

    #[test]
    fn a_payment_dated_after_today_is_not_yet_a_payment() {
        let c = grade_of(vec![credit_order("2026-10-01", "10", "2026-11-01", Some("2026-12-01"))]);
        assert_eq!((c.grade, c.max_late, c.overdue), (Grade::B, Some(24), m("10")));
    }
}
