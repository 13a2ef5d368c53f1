//! What a customer's file already holds, to recognise a row imported before (so that running
//! the same import twice changes nothing).

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::records::model::Customer;

/// A customer's orders by `ref` (date and amount), and how many orders (date, amount,
/// product) or interactions (date, kind, summary) of each identity the file has.
#[derive(Debug, Default)]
pub(super) struct Known {
    pub(super) refs: HashMap<String, (NaiveDate, Decimal)>,
    pub(super) counts: HashMap<String, usize>,
}

/// The identity of an order without a `ref`.
pub(super) fn order_identity(date: NaiveDate, amount: Decimal, product: &str) -> String {
    format!("{date}\u{1f}{}\u{1f}{}", amount.normalize(), product.trim())
}

/// The identity of an interaction.
pub(super) fn interaction_identity(date: NaiveDate, kind: &str, summary: &str) -> String {
    format!("{date}\u{1f}{kind}\u{1f}{}", summary.trim())
}

impl Known {
    /// What `customer` holds of `array` (`order` or `interaction`).
    pub(super) fn of(customer: &Customer, array: &str) -> Known {
        let mut known = Known::default();
        let identities: Vec<String> = if array == "order" {
            for o in &customer.orders {
                if let Some(r) = &o.reference {
                    known.refs.insert(r.to_string(), (o.date, o.amount));
                }
            }
            customer
                .orders
                .iter()
                .map(|o| order_identity(o.date, o.amount, o.product.as_deref().unwrap_or("")))
                .collect()
        } else {
            customer.interactions.iter().map(|i| interaction_identity(i.date, i.kind.as_str(), &i.summary)).collect()
        };
        for identity in identities {
            *known.counts.entry(identity).or_default() += 1;
        }
        known
    }
}
