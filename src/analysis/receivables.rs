//! Receivables by age: every unpaid credit order with how long it is past due, and the team's
//! sums per ageing bucket and per owner (the dashboard and the receivables page).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Facts;
use super::credit::unpaid;
use super::window::Window;
use crate::records::model::{Money, Records};

/// How far past its due date an unpaid amount is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    /// Due today or later.
    NotDue,
    /// 1 to 30 days past due.
    Days1To30,
    /// 31 to 60 days past due.
    Days31To60,
    /// 61 to 90 days past due.
    Days61To90,
    /// More than 90 days past due.
    Over90,
}

impl Bucket {
    /// Every bucket, the youngest first.
    pub const ALL: [Bucket; 5] =
        [Bucket::NotDue, Bucket::Days1To30, Bucket::Days31To60, Bucket::Days61To90, Bucket::Over90];

    /// The bucket of an amount `days_overdue` days past its due date (0 or fewer: not due).
    pub fn of(days_overdue: i64) -> Bucket {
        match days_overdue {
            d if d <= 0 => Bucket::NotDue,
            1..=30 => Bucket::Days1To30,
            31..=60 => Bucket::Days31To60,
            61..=90 => Bucket::Days61To90,
            _ => Bucket::Over90,
        }
    }

    /// The name used in output: `not_due`, `1-30`, `31-60`, `61-90`, `over_90`.
    pub fn as_str(self) -> &'static str {
        match self {
            Bucket::NotDue => "not_due",
            Bucket::Days1To30 => "1-30",
            Bucket::Days31To60 => "31-60",
            Bucket::Days61To90 => "61-90",
            Bucket::Over90 => "over_90",
        }
    }

    /// Its place in [`Bucket::ALL`], from 0 (not due) to 4 (over 90 days).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One unpaid credit order.
#[derive(Debug, Clone, PartialEq)]
pub struct Unpaid {
    /// Index of the customer in `Records::customers`.
    pub customer: usize,
    /// Index of the order in the customer's orders (file order).
    pub order: usize,
    /// Its due date.
    pub due: NaiveDate,
    /// Its amount.
    pub amount: Money,
    /// Days past due: today − due, 0 when not yet due.
    pub days_overdue: i64,
    /// Its ageing bucket.
    pub bucket: Bucket,
}

/// The sum of the unpaid amounts in one ageing bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct AgeingSum {
    /// The bucket.
    pub bucket: Bucket,
    /// The sum of its amounts.
    pub amount: Money,
}

/// One owner's receivables: the sums of their customers' exposure and overdue.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerReceivables {
    /// The owner's team id.
    pub owner: String,
    /// The sum of their customers' exposure.
    pub exposure: Money,
    /// The sum of their customers' overdue amounts.
    pub overdue: Money,
}

/// Every unpaid credit order (dated up to today, with `due`) of the given customers: the
/// oldest due date first, ties by customer id, then by the order's place in the file.
pub fn unpaid_orders<'f>(records: &Records, facts: impl Iterator<Item = &'f Facts>, window: &Window) -> Vec<Unpaid> {
    let mut out = Vec::new();
    for f in facts {
        let orders = records.customers[f.index].orders.iter().enumerate();
        for (i, o) in orders.filter(|(_, o)| window.known(o.date) && unpaid(o, window)) {
            let Some(due) = o.due else { continue };
            let days_overdue = window.days_since(due).max(0);
            out.push(Unpaid {
                customer: f.index,
                order: i,
                due,
                amount: o.amount,
                days_overdue,
                bucket: Bucket::of(days_overdue),
            });
        }
    }
    let id = |u: &Unpaid| records.customers[u.customer].id.as_str();
    out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| id(a).cmp(id(b))).then(a.order.cmp(&b.order)));
    out
}

/// The sums of `unpaid` per bucket: all five buckets, in order, empty ones as 0.
pub fn ageing(unpaid: &[Unpaid]) -> Vec<AgeingSum> {
    Bucket::ALL
        .iter()
        .map(|b| AgeingSum { bucket: *b, amount: unpaid.iter().filter(|u| u.bucket == *b).map(|u| u.amount).sum() })
        .collect()
}

/// Exposure and overdue per owner, over the customers with an exposure, sorted by owner id.
pub fn by_owner(records: &Records, facts: &[Facts]) -> Vec<OwnerReceivables> {
    let mut sums: BTreeMap<&str, (Money, Money)> = BTreeMap::new();
    for f in facts.iter().filter(|f| !f.credit.exposure.is_zero()) {
        let entry = sums.entry(records.customers[f.index].owner.get_ref()).or_default();
        entry.0 += f.credit.exposure;
        entry.1 += f.credit.overdue;
    }
    sums.into_iter()
        .map(|(owner, (exposure, overdue))| OwnerReceivables { owner: owner.to_string(), exposure, overdue })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::analysis::testing::{credit_order, customer, d, m};
    use crate::records::settings::Settings;

    const TODAY: &str = "2026-11-25";

    /// Unpaid orders of 1 each, due `days` before today.
    fn records_due(days: &[i64]) -> Records {
        let mut c = customer("a");
        c.orders = days
            .iter()
            .map(|back| {
                let due = d(TODAY) - chrono::Duration::days(*back);
                credit_order("2026-01-01", "1", &due.to_string(), None)
            })
            .collect();
        Records::new(Vec::new(), vec![c])
    }

    #[test]
    fn bucket_edges_fall_on_the_lower_side_and_the_day_after_moves_up() {
        let cases = [(-5, "not_due"), (0, "not_due"), (1, "1-30"), (30, "1-30"), (31, "31-60"), (60, "31-60")];
        let more = [(61, "61-90"), (90, "61-90"), (91, "over_90"), (4000, "over_90")];
        for (days, name) in cases.iter().chain(&more) {
            assert_eq!(Bucket::of(*days).as_str(), *name, "{days} days past due");
        }
    }

    #[test]
    fn due_today_is_not_due_and_the_day_before_is_one_day_past_due() {
        let records = records_due(&[0, 1, 30, 31, 90, 91, -3]);
        let a = analyse(&records, &Settings::default(), d(TODAY));
        let list = unpaid_orders(&records, a.customers.iter(), &a.window);
        let days: Vec<i64> = list.iter().map(|u| u.days_overdue).collect();
        assert_eq!(days, [91, 90, 31, 30, 1, 0, 0], "oldest due first; not yet due counts 0 days");
        let sums: Vec<(&str, Money)> = ageing(&list).iter().map(|s| (s.bucket.as_str(), s.amount)).collect();
        assert_eq!(
            sums,
            [("not_due", m("2")), ("1-30", m("2")), ("31-60", m("1")), ("61-90", m("1")), ("over_90", m("1"))]
        );
    }

    #[test]
    fn paid_orders_orders_after_today_and_cash_orders_are_not_receivables() {
        let mut c = customer("a");
        c.orders = vec![
            credit_order("2026-10-01", "5", "2026-11-01", Some("2026-11-20")),
            credit_order("2026-10-01", "7", "2026-11-01", Some("2026-11-26")),
            credit_order("2026-11-26", "9", "2026-12-26", None),
            crate::analysis::testing::order("2026-10-01", "11", None),
        ];
        let records = Records::new(Vec::new(), vec![c]);
        let a = analyse(&records, &Settings::default(), d(TODAY));
        let list = unpaid_orders(&records, a.customers.iter(), &a.window);
        assert_eq!(
            list.iter().map(|u| (u.order, u.amount)).collect::<Vec<_>>(),
            [(1, m("7"))],
            "paid later than today"
        );
        assert_eq!(ageing(&list).iter().map(|s| s.amount).sum::<Money>(), a.customers[0].credit.exposure);
    }

    #[test]
    fn equal_due_dates_sort_by_customer_id_then_file_order() {
        let mut b = customer("b");
        b.orders = vec![
            credit_order("2026-01-01", "1", "2026-11-01", None),
            credit_order("2026-01-02", "2", "2026-11-01", None),
        ];
        let mut a = customer("a");
        a.orders = vec![credit_order("2026-01-01", "3", "2026-11-01", None)];
        let records = Records::new(Vec::new(), vec![a, b]);
        let an = analyse(&records, &Settings::default(), d(TODAY));
        let list = unpaid_orders(&records, an.customers.iter().rev(), &an.window);
        let order: Vec<(usize, usize)> = list.iter().map(|u| (u.customer, u.order)).collect();
        assert_eq!(order, [(0, 0), (1, 0), (1, 1)]);
    }

    #[test]
    fn owners_sum_exposure_and_overdue_and_owners_without_any_are_left_out() {
        let mut a = customer("a");
        a.orders = vec![credit_order("2026-01-01", "10", "2026-11-01", None)];
        let mut b = customer("b");
        b.owner = toml::Spanned::new(0..0, "li".to_string());
        b.orders = vec![credit_order("2026-11-01", "4", "2026-12-01", None)];
        let mut c = customer("c");
        c.orders = vec![credit_order("2026-01-01", "1", "2026-12-01", None)];
        let mut none = customer("d");
        none.owner = toml::Spanned::new(0..0, "wang".to_string());
        let records = Records::new(Vec::new(), vec![a, b, c, none]);
        let an = analyse(&records, &Settings::default(), d(TODAY));
        let owners: Vec<(String, Money, Money)> =
            by_owner(&records, &an.customers).into_iter().map(|o| (o.owner, o.exposure, o.overdue)).collect();
        assert_eq!(owners, [("li".into(), m("4"), m("0")), ("zhang".into(), m("11"), m("10"))]);
    }
}
