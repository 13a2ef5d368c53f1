//! Deliveries against the promised date (SPEC 12.2): each order with `promised`, how late it
//! is, and the share delivered on time.

use chrono::NaiveDate;

use super::rate::Rate;
use super::window::Window;
use crate::records::model::{Customer, Order};

/// One order with a promised delivery date, as of today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// Index of the order in the customer's `orders`.
    pub index: usize,
    /// The order date.
    pub date: NaiveDate,
    /// The order's `ref`.
    pub reference: Option<String>,
    /// The promised delivery date.
    pub promised: NaiveDate,
    /// The delivery date, when it is not after today.
    pub delivered: Option<NaiveDate>,
    /// max(delivered − promised, 0), or for an undelivered order max(today − promised, 0).
    pub late_days: i64,
}

impl Delivery {
    /// Whether it was delivered by the promised date.
    pub fn on_time(&self) -> bool {
        self.delivered.is_some_and(|d| d <= self.promised)
    }

    /// Whether it is undelivered and the promised date has passed (`promised` < today).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.delivered.is_none() && self.promised < today
    }
}

/// The delivery of `o`, the `index`-th order, when it has `promised`.
pub fn delivery(index: usize, o: &Order, today: NaiveDate) -> Option<Delivery> {
    let promised = o.promised?;
    let delivered = o.delivered.filter(|d| *d <= today);
    let late_days = (delivered.unwrap_or(today) - promised).num_days().max(0);
    Some(Delivery {
        index,
        date: o.date,
        reference: o.reference.as_ref().map(|r| r.to_string()),
        promised,
        delivered,
        late_days,
    })
}

/// The deliveries of a customer's orders dated up to today that have `promised`, in file order.
pub fn deliveries(c: &Customer, today: NaiveDate) -> Vec<Delivery> {
    c.orders.iter().enumerate().filter(|(_, o)| o.date <= today).filter_map(|(i, o)| delivery(i, o, today)).collect()
}

/// The share of the orders delivered in the window (with `promised`) that came on time.
pub fn on_time_rate<'a>(deliveries: impl IntoIterator<Item = &'a Delivery>, window: &Window) -> Rate {
    Rate::count(
        deliveries.into_iter().filter(|x| x.delivered.is_some_and(|d| window.contains(d))).map(Delivery::on_time),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{customer, d, order};

    const TODAY: &str = "2026-11-25";

    fn promised(date: &str, promised: &str, delivered: Option<&str>) -> Order {
        Order { promised: Some(d(promised)), delivered: delivered.map(d), ..order(date, "10", None) }
    }

    fn late(o: Order) -> (i64, bool) {
        let x = delivery(0, &o, d(TODAY)).expect("promised");
        (x.late_days, x.on_time())
    }

    #[test]
    fn delivered_on_the_promised_day_is_on_time_and_a_day_later_is_one_day_late() {
        assert_eq!(late(promised("2026-09-01", "2026-09-10", Some("2026-09-10"))), (0, true));
        assert_eq!(late(promised("2026-09-01", "2026-09-10", Some("2026-09-08"))), (0, true), "early is 0, not −2");
        assert_eq!(late(promised("2026-09-01", "2026-09-10", Some("2026-09-11"))), (1, false));
    }

    #[test]
    fn an_undelivered_order_is_late_by_the_days_since_the_promised_date() {
        assert_eq!(late(promised("2026-11-01", "2026-11-20", None)), (5, false));
        assert_eq!(late(promised("2026-11-01", TODAY, None)), (0, false), "promised today: not late yet");
        assert_eq!(late(promised("2026-11-01", "2026-12-01", None)), (0, false));
        let x = delivery(0, &promised("2026-11-01", "2026-11-20", Some("2026-11-26")), d(TODAY)).expect("promised");
        assert_eq!((x.delivered, x.late_days), (None, 5), "a delivery after today is not there yet");
    }

    #[test]
    fn overdue_means_undelivered_with_the_promised_date_before_today() {
        let today = d(TODAY);
        let of = |o: Order| delivery(0, &o, today).expect("promised").is_overdue(today);
        assert!(of(promised("2026-11-01", "2026-11-24", None)));
        assert!(!of(promised("2026-11-01", TODAY, None)));
        assert!(!of(promised("2026-11-01", "2026-11-20", Some("2026-11-24"))));
    }

    #[test]
    fn only_orders_with_promised_dated_up_to_today_are_deliveries_in_file_order() {
        let mut c = customer("a");
        c.orders = vec![
            promised("2026-11-01", "2026-11-10", None),
            order("2026-11-01", "5", None),
            promised("2026-11-26", "2026-11-30", None),
            promised(TODAY, "2026-11-30", None),
        ];
        let got: Vec<usize> = deliveries(&c, d(TODAY)).into_iter().map(|x| x.index).collect();
        assert_eq!(got, [0, 3]);
    }

    #[test]
    fn the_on_time_share_counts_orders_delivered_in_the_window() {
        let window = Window::new(d(TODAY), 365);
        let mut c = customer("a");
        c.orders = vec![
            promised("2026-01-01", "2026-01-10", Some("2026-01-10")),
            promised("2026-01-01", "2026-01-10", Some("2026-01-12")),
            promised("2026-01-01", "2026-01-10", None),
            promised("2025-01-01", "2025-11-26", Some("2025-11-26")),
            promised("2025-01-01", "2025-11-25", Some("2025-11-25")),
        ];
        let rate = on_time_rate(&deliveries(&c, d(TODAY)), &window);
        assert_eq!((rate.of, rate.hits), (3, 2));
    }
}
