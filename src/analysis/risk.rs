//! Revenue trend and key customers at risk of drifting away (SPEC 10.2, 防止大客户叛离).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::abc::Class;
use super::exact::round_ratio;
use super::lifecycle::Lifecycle;
use crate::i18n::{Label, Text, labels};
use crate::records::choices::Severity;
use crate::records::model::{Customer, Money};

/// revenue / revenue_prev − 1, rounded to 3 decimals (halves away from zero); `None` when
/// the previous window had no revenue, or when the change is beyond what a decimal holds.
pub fn trend(revenue: Money, previous: Money) -> Option<Decimal> {
    if previous.is_zero() {
        return None;
    }
    round_ratio(revenue, previous, 1, 3)
}

/// Why a key customer is at risk, in the order SPEC lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Risk {
    /// Revenue fell by at least the `drop` share against the previous window.
    Decline,
    /// The regular contact is overdue.
    ContactOverdue,
    /// The latest satisfaction score is 2 or lower.
    Dissatisfied,
    /// A serious complaint is still open.
    Complaint,
    /// No order for a while.
    Dormant,
    /// A promise to the customer is overdue (SPEC 12.2).
    Promise,
    /// A delivery is past its promised date and not delivered (SPEC 12.2).
    Delivery,
}

impl Risk {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Decline => "decline",
            Risk::ContactOverdue => "contact-overdue",
            Risk::Dissatisfied => "dissatisfied",
            Risk::Complaint => "complaint",
            Risk::Dormant => "dormant",
            Risk::Promise => "promise",
            Risk::Delivery => "delivery",
        }
    }
}

impl Label for Risk {
    fn key(self) -> &'static str {
        self.as_str()
    }

    fn label(self) -> Text {
        match self {
            Risk::Decline => labels::RISK_DECLINE,
            Risk::ContactOverdue => labels::RISK_CONTACT_OVERDUE,
            Risk::Dissatisfied => labels::RISK_DISSATISFIED,
            Risk::Complaint => labels::RISK_COMPLAINT,
            Risk::Dormant => labels::RISK_DORMANT,
            Risk::Promise => labels::RISK_PROMISE,
            Risk::Delivery => labels::RISK_DELIVERY,
        }
    }
}

/// What the risk rules look at.
pub struct RiskInputs {
    /// ABC class (only A and B are rated).
    pub class: Class,
    /// Revenue in the window.
    pub revenue: Money,
    /// Revenue in the previous window.
    pub revenue_prev: Money,
    /// The date of the customer's contact item.
    pub contact_due: NaiveDate,
    /// Latest satisfaction score.
    pub satisfaction: Option<u8>,
    /// Lifecycle stage.
    pub lifecycle: Lifecycle,
    /// Whether a promise made to the customer is overdue.
    pub promise_overdue: bool,
    /// Whether an order is past its promised delivery date and not delivered.
    pub delivery_overdue: bool,
}

/// The reasons that hold, in order; always empty for class C.
pub fn risk(c: &Customer, input: &RiskInputs, drop: Decimal, today: NaiveDate) -> Vec<Risk> {
    if input.class == Class::C {
        return Vec::new();
    }
    // revenue / prev − 1 ≤ −drop  ⇔  revenue ≤ (1 − drop) · prev, exactly.
    let declined = !input.revenue_prev.is_zero() && input.revenue <= (Decimal::ONE - drop) * input.revenue_prev;
    let open_serious = c.complaints.iter().any(|k| k.severity == Severity::High && k.is_open(today));
    [
        (declined, Risk::Decline),
        (input.contact_due < today, Risk::ContactOverdue),
        (input.satisfaction.is_some_and(|s| s <= 2), Risk::Dissatisfied),
        (open_serious, Risk::Complaint),
        (input.lifecycle == Lifecycle::Dormant, Risk::Dormant),
        (input.promise_overdue, Risk::Promise),
        (input.delivery_overdue, Risk::Delivery),
    ]
    .into_iter()
    .filter_map(|(holds, risk)| holds.then_some(risk))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{customer, d, m};

    fn inputs(class: Class, revenue: &str, prev: &str) -> RiskInputs {
        RiskInputs {
            class,
            revenue: m(revenue),
            revenue_prev: m(prev),
            contact_due: d("2026-11-25"),
            satisfaction: None,
            lifecycle: Lifecycle::Active,
            promise_overdue: false,
            delivery_overdue: false,
        }
    }

    #[test]
    fn trend_is_rounded_to_three_decimals_and_null_without_a_previous_window() {
        assert_eq!(trend(m("70"), m("100")), Some(m("-0.300")));
        assert_eq!(trend(m("2"), m("3")), Some(m("-0.333")));
        assert_eq!(trend(m("1.0005"), m("1")), Some(m("0.001")));
        assert_eq!(trend(m("5"), m("0")), None);
    }

    #[test]
    fn a_drop_of_exactly_30_percent_is_a_decline_and_29_9_is_not() {
        let today = d("2026-11-25");
        let c = customer("a");
        let drop = m("0.3");
        assert_eq!(risk(&c, &inputs(Class::A, "70", "100"), drop, today), vec![Risk::Decline]);
        assert!(risk(&c, &inputs(Class::A, "70.1", "100"), drop, today).is_empty());
        assert!(risk(&c, &inputs(Class::A, "0", "0"), drop, today).is_empty());
    }

    #[test]
    fn satisfaction_2_is_dissatisfied_and_3_is_not() {
        let today = d("2026-11-25");
        let c = customer("a");
        let mut i = inputs(Class::B, "1", "1");
        i.satisfaction = Some(2);
        assert_eq!(risk(&c, &i, m("0.3"), today), vec![Risk::Dissatisfied]);
        i.satisfaction = Some(3);
        assert!(risk(&c, &i, m("0.3"), today).is_empty());
    }

    #[test]
    fn reasons_come_in_spec_order_and_class_c_is_never_at_risk() {
        let today = d("2026-11-25");
        let c = customer("a");
        let mut i = inputs(Class::A, "0", "100");
        i.contact_due = d("2026-11-24");
        i.satisfaction = Some(1);
        i.lifecycle = Lifecycle::Dormant;
        assert_eq!(
            risk(&c, &i, m("0.3"), today),
            vec![Risk::Decline, Risk::ContactOverdue, Risk::Dissatisfied, Risk::Dormant]
        );
        i.class = Class::C;
        assert!(risk(&c, &i, m("0.3"), today).is_empty());
    }

    #[test]
    fn an_overdue_promise_and_a_late_delivery_come_after_dormant_for_a_and_b_only() {
        let today = d("2026-11-25");
        let c = customer("a");
        let mut i = inputs(Class::B, "1", "1");
        i.lifecycle = Lifecycle::Dormant;
        i.promise_overdue = true;
        i.delivery_overdue = true;
        assert_eq!(risk(&c, &i, m("0.3"), today), vec![Risk::Dormant, Risk::Promise, Risk::Delivery]);
        i.lifecycle = Lifecycle::Active;
        i.promise_overdue = false;
        assert_eq!(risk(&c, &i, m("0.3"), today), vec![Risk::Delivery]);
        i.class = Class::C;
        assert!(risk(&c, &i, m("0.3"), today).is_empty());
    }
}
