//! Retention (SPEC 12.2, 降低大客户跳槽率): of the customers who ordered in the previous
//! window, how many ordered again in this one.

use super::Facts;
use super::rate::Rate;
use super::window::Window;
use crate::records::model::{Customer, Records};

/// Whether `c` has an order in the previous window, and one in this window.
pub fn ordered(c: &Customer, window: &Window) -> (bool, bool) {
    let before = c.orders.iter().any(|o| window.contains_previous(o.date));
    let now = c.orders.iter().any(|o| window.contains(o.date));
    (before, now)
}

/// The base (customers with an order in the previous window), those of them retained (with an
/// order in this window) and the rate, over the analysed customers.
pub fn retention(records: &Records, facts: &[Facts], window: &Window) -> Rate {
    Rate::count(
        facts
            .iter()
            .map(|f| ordered(&records.customers[f.index], window))
            .filter(|(before, _)| *before)
            .map(|(_, now)| now),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::analysis::testing::{customer, d, order};
    use crate::records::settings::Settings;

    const TODAY: &str = "2026-11-25";

    fn ordering(id: &str, dates: &[&str]) -> Customer {
        let mut c = customer(id);
        c.orders = dates.iter().map(|date| order(date, "10", None)).collect();
        c
    }

    fn retention_of(customers: Vec<Customer>) -> Rate {
        let records = Records::new(Vec::new(), customers);
        let a = analyse(&records, &Settings::default(), d(TODAY));
        retention(&records, &a.customers, &a.window)
    }

    #[test]
    fn an_order_on_the_last_day_of_the_previous_window_is_in_the_base_and_the_next_day_retains() {
        // The window is 2025-11-26 ..= 2026-11-25; the previous one 2024-11-26 ..= 2025-11-25.
        let w = Window::new(d(TODAY), 365);
        assert_eq!(ordered(&ordering("a", &["2025-11-25"]), &w), (true, false));
        assert_eq!(ordered(&ordering("a", &["2025-11-26"]), &w), (false, true));
        assert_eq!(ordered(&ordering("a", &["2024-11-26"]), &w), (true, false), "the previous window's first day");
        assert_eq!(ordered(&ordering("a", &["2024-11-25"]), &w), (false, false), "before both windows");
        assert_eq!(ordered(&ordering("a", &["2026-11-26"]), &w), (false, false), "after today");
    }

    #[test]
    fn retention_is_over_the_base_and_archived_customers_do_not_count() {
        let mut archived = ordering("z", &["2025-06-01"]);
        archived.archived = true;
        let rate = retention_of(vec![
            ordering("a", &["2025-11-25", "2025-11-26"]),
            ordering("b", &["2025-06-01"]),
            ordering("c", &["2026-06-01"]),
            ordering("d", &["2025-01-01", "2026-11-25"]),
            archived,
        ]);
        assert_eq!(rate, Rate::new(2, 3), "c is new, not retained: it is not in the base");
        assert_eq!(rate.rate, Some("0.667".parse().unwrap()));
    }

    #[test]
    fn no_base_means_no_rate() {
        assert_eq!(retention_of(vec![ordering("a", &["2026-06-01"])]).rate, None);
    }
}
