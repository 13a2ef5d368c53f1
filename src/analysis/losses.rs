//! Lost customers (SPEC 10.4): who was lost, when and why, and the lifetime revenue lost per
//! reason, archived customers with a recorded loss included.

use chrono::NaiveDate;

use super::Facts;
use super::lifecycle::Lifecycle;
use super::window::Window;
use crate::records::choices::LossReason;
use crate::records::model::{Money, Records};

/// One lost customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LostCustomer {
    /// Index of the customer in `Records::customers`.
    pub customer: usize,
    /// The recorded loss date; else (lost by its dates alone) the last order.
    pub date: Option<NaiveDate>,
    /// The recorded reason; `None` when the loss is not recorded (lost by its dates alone).
    pub reason: Option<LossReason>,
    /// The sum of all its orders up to today.
    pub lifetime_revenue: Money,
    /// Whether the customer is archived.
    pub archived: bool,
}

/// The lost customers of one reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LossGroup {
    /// The reason; `None` for the customers whose loss is not recorded.
    pub reason: Option<LossReason>,
    /// How many customers.
    pub customers: usize,
    /// The sum of their lifetime revenue.
    pub lifetime_revenue: Money,
}

/// Every lost customer and the sums per reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Losses {
    /// The lost customers, by customer id.
    pub customers: Vec<LostCustomer>,
    /// Per reason, in the order of the record format, then the unrecorded; only reasons
    /// with a customer.
    pub by_reason: Vec<LossGroup>,
    /// The lifetime revenue of every lost customer.
    pub lifetime_revenue: Money,
}

/// The lost customers: those with a `[loss]` dated up to today (archived or not), and the
/// non-archived ones whose lifecycle is lost by their dates alone.
pub fn losses(records: &Records, facts: &[Facts], window: &Window) -> Losses {
    let facts_of = |i: usize| facts.binary_search_by_key(&i, |f| f.index).ok().map(|at| &facts[at]);
    let mut customers = Vec::new();
    for (i, c) in records.customers.iter().enumerate() {
        let f = facts_of(i);
        let recorded = c.loss.as_ref().filter(|l| window.known(l.date));
        let lost_by_dates = f.is_some_and(|f| f.lifecycle == Lifecycle::Lost);
        if recorded.is_none() && !lost_by_dates {
            continue;
        }
        customers.push(LostCustomer {
            customer: i,
            date: recorded.map(|l| l.date).or_else(|| f.and_then(|f| f.ledger.last_order)),
            reason: recorded.map(|l| l.reason),
            lifetime_revenue: c.orders.iter().filter(|o| window.known(o.date)).map(|o| o.amount).sum(),
            archived: c.archived,
        });
    }
    let mut reasons: Vec<Option<LossReason>> = customers.iter().map(|l| l.reason).collect();
    reasons.sort_by_key(|r| (r.is_none(), *r));
    reasons.dedup();
    let by_reason = reasons
        .into_iter()
        .map(|reason| {
            let of = customers.iter().filter(|l| l.reason == reason);
            LossGroup { reason, customers: of.clone().count(), lifetime_revenue: of.map(|l| l.lifetime_revenue).sum() }
        })
        .collect();
    Losses { lifetime_revenue: customers.iter().map(|l| l.lifetime_revenue).sum(), customers, by_reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::analysis::testing::{customer, d, m, order};
    use crate::records::model::{Customer, Loss};
    use crate::records::settings::Settings;

    const TODAY: &str = "2026-11-25";

    fn lost(id: &str, date: &str, reason: LossReason, amount: &str) -> Customer {
        let mut c = customer(id);
        c.loss = Some(Loss { date: d(date), reason, notes: None });
        c.orders = vec![order("2024-01-01", amount, None)];
        c
    }

    fn losses_of(customers: Vec<Customer>) -> Losses {
        let records = Records::new(Vec::new(), customers);
        let a = analyse(&records, &Settings::default(), d(TODAY));
        losses(&records, &a.customers, &a.window)
    }

    #[test]
    fn grouped_by_the_reason_in_the_record_format_order_with_the_unrecorded_last() {
        let mut by_dates = customer("a");
        by_dates.orders = vec![order("2024-06-01", "40", None)];
        let l = losses_of(vec![
            by_dates,
            lost("b", "2026-06-01", LossReason::Price, "10"),
            lost("c", "2026-06-01", LossReason::Competitor, "20"),
            lost("d", "2026-06-01", LossReason::Price, "5"),
        ]);
        let groups: Vec<(Option<LossReason>, usize, Money)> =
            l.by_reason.iter().map(|g| (g.reason, g.customers, g.lifetime_revenue)).collect();
        assert_eq!(
            groups,
            [(Some(LossReason::Competitor), 1, m("20")), (Some(LossReason::Price), 2, m("15")), (None, 1, m("40")),]
        );
        assert_eq!(l.lifetime_revenue, m("75"));
        assert_eq!(l.customers[0].date, Some(d("2024-06-01")), "lost by its dates: dated by the last order");
    }

    #[test]
    fn a_loss_dated_today_counts_and_one_dated_tomorrow_not_yet() {
        let l = losses_of(vec![
            lost("a", TODAY, LossReason::Moved, "1"),
            Customer {
                orders: vec![order("2026-11-01", "1", None)],
                ..lost("b", "2026-11-26", LossReason::Moved, "1")
            },
        ]);
        assert_eq!(l.customers.iter().map(|c| c.customer).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn archived_customers_count_only_with_a_recorded_loss() {
        let mut recorded = lost("a", "2026-01-01", LossReason::Service, "3");
        recorded.archived = true;
        let mut by_dates = customer("b");
        by_dates.orders = vec![order("2020-01-01", "9", None)];
        by_dates.archived = true;
        let l = losses_of(vec![recorded, by_dates]);
        assert_eq!(l.customers.len(), 1);
        assert!(l.customers[0].archived);
        assert_eq!((l.customers[0].lifetime_revenue, l.customers[0].reason), (m("3"), Some(LossReason::Service)));
    }

    #[test]
    fn lifetime_revenue_counts_every_order_up_to_today_only() {
        let mut c = lost("a", "2026-01-01", LossReason::Other, "100");
        c.orders.push(order("2026-11-25", "1", None));
        c.orders.push(order("2026-11-26", "1000", None));
        assert_eq!(losses_of(vec![c]).customers[0].lifetime_revenue, m("101"));
    }
}
