//! Revenue, orders, profit, first and last order, recency, cycle and expected order (SPEC 6).

use chrono::NaiveDate;

use super::window::Window;
use crate::records::model::{Customer, Money};

/// What a customer's orders say.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    /// Sum of amounts in the window.
    pub revenue: Money,
    /// Orders in the window.
    pub orders: usize,
    /// Sum of `amount - cost` over orders in the window that have `cost`; `None` when none has.
    pub profit: Option<Money>,
    /// Revenue of the previous window.
    pub revenue_prev: Money,
    /// Sum of amounts of all orders up to today.
    pub lifetime_revenue: Money,
    /// Orders up to today.
    pub orders_to_date: usize,
    /// First order up to today.
    pub first_order: Option<NaiveDate>,
    /// Last order up to today.
    pub last_order: Option<NaiveDate>,
    /// Days since the last order.
    pub recency_days: Option<i64>,
    /// Mean days between orders, for 3 or more orders.
    pub cycle_days: Option<i64>,
    /// Last order plus the cycle.
    pub expected_order: Option<NaiveDate>,
}

/// Computes a customer's ledger as of the window's today.
pub fn ledger(customer: &Customer, window: &Window) -> Ledger {
    let mut l = Ledger {
        revenue: Money::ZERO,
        orders: 0,
        profit: None,
        revenue_prev: Money::ZERO,
        lifetime_revenue: Money::ZERO,
        orders_to_date: 0,
        first_order: None,
        last_order: None,
        recency_days: None,
        cycle_days: None,
        expected_order: None,
    };
    for order in customer.orders.iter().filter(|o| window.known(o.date)) {
        l.orders_to_date += 1;
        l.lifetime_revenue += order.amount;
        l.first_order = Some(l.first_order.map_or(order.date, |d| d.min(order.date)));
        l.last_order = Some(l.last_order.map_or(order.date, |d| d.max(order.date)));
        if window.contains(order.date) {
            l.revenue += order.amount;
            l.orders += 1;
            if let Some(cost) = order.cost {
                l.profit = Some(l.profit.unwrap_or(Money::ZERO) + order.amount - cost);
            }
        } else if window.contains_previous(order.date) {
            l.revenue_prev += order.amount;
        }
    }
    if let (Some(first), Some(last)) = (l.first_order, l.last_order) {
        l.recency_days = Some(window.days_since(last));
        if l.orders_to_date >= 3 {
            let gaps = (l.orders_to_date - 1) as i64;
            let span = (last - first).num_days();
            // Rounded to the nearest day, halves up: floor((2·span + gaps) / (2·gaps)).
            let cycle = (2 * span + gaps).div_euclid(2 * gaps);
            l.cycle_days = Some(cycle);
            l.expected_order = Some(Window::add_days(last, cycle));
        }
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{customer, d, order};
    use std::str::FromStr;

    fn w() -> Window {
        Window::new(d("2026-11-25"), 365)
    }

    #[test]
    fn no_orders_means_no_dates_and_zero_revenue() {
        let l = ledger(&customer("a"), &w());
        assert_eq!(l.revenue, Money::ZERO);
        assert_eq!(l.profit, None);
        assert_eq!((l.first_order, l.last_order, l.recency_days, l.cycle_days), (None, None, None, None));
    }

    #[test]
    fn revenue_counts_the_window_only_and_profit_only_orders_with_cost() {
        let mut c = customer("a");
        c.orders = vec![
            order("2026-11-25", "100.10", Some("60")),
            order("2025-11-26", "200", None),
            order("2025-11-25", "999", Some("1")),
            order("2026-11-26", "5000", Some("1")),
        ];
        let l = ledger(&c, &w());
        assert_eq!(l.revenue, Money::from_str("300.10").unwrap());
        assert_eq!(l.orders, 2);
        assert_eq!(l.profit, Some(Money::from_str("40.10").unwrap()));
        assert_eq!(l.revenue_prev, Money::from(999));
        assert_eq!(l.last_order, Some(d("2026-11-25")));
        assert_eq!(l.orders_to_date, 3);
    }

    #[test]
    fn profit_of_orders_without_cost_is_unknown_not_zero() {
        let mut c = customer("a");
        c.orders = vec![order("2026-10-01", "100", None)];
        assert_eq!(ledger(&c, &w()).profit, None);
    }

    #[test]
    fn cycle_needs_three_orders_and_rounds_halves_up() {
        let mut c = customer("a");
        c.orders = vec![order("2026-01-01", "1", None), order("2026-01-02", "1", None)];
        assert_eq!(ledger(&c, &w()).cycle_days, None);
        // 3 orders spanning 5 days: 5 / 2 = 2.5 → 3.
        c.orders = vec![order("2026-01-01", "1", None), order("2026-01-03", "1", None), order("2026-01-06", "1", None)];
        let l = ledger(&c, &w());
        assert_eq!(l.cycle_days, Some(3));
        assert_eq!(l.expected_order, Some(d("2026-01-09")));
        assert_eq!(l.recency_days, Some(323));
    }

    #[test]
    fn cycle_just_below_a_half_rounds_down() {
        let mut c = customer("a");
        // 4 orders over 7 days: 7 / 3 = 2.33 → 2.
        c.orders =
            ["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-08"].iter().map(|s| order(s, "1", None)).collect();
        assert_eq!(ledger(&c, &w()).cycle_days, Some(2));
    }
}
