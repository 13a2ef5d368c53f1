//! Small builders for the analysis unit tests.

use std::str::FromStr;

use chrono::NaiveDate;

use crate::records::model::{Customer, Money, Order};

/// A date from `YYYY-MM-DD`.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::from_str(s).unwrap()
}

/// An exact amount.
pub fn m(s: &str) -> Money {
    Money::from_str(s).unwrap()
}

/// An empty company customer owned by `zhang`.
pub fn customer(id: &str) -> Customer {
    let mut c = crate::records::placeholder(id, &format!("customers/{id}.toml"));
    c.name = id.to_string();
    c.owner = toml::Spanned::new(0..0, "zhang".to_string());
    c
}

/// A cash order.
pub fn order(date: &str, amount: &str, cost: Option<&str>) -> Order {
    Order {
        date: d(date),
        amount: m(amount),
        cost: cost.map(m),
        reference: None,
        product: None,
        due: None,
        paid: None,
        promised: None,
        delivered: None,
    }
}

/// A credit order with its due and paid dates.
pub fn credit_order(date: &str, amount: &str, due: &str, paid: Option<&str>) -> Order {
    Order { due: Some(d(due)), paid: paid.map(d), ..order(date, amount, None) }
}
