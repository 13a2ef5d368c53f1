//! Team-level figures the dashboard, the receivables page and the charts share: receivables
//! ageing and revenue by month.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::Site;
use crate::analysis::credit::unpaid;
use crate::records::model::Money;

/// The ageing buckets: not due, 1–30, 31–60, 61–90, over 90 days past due.
pub const BUCKETS: [&str; 5] = ["not_due", "1–30", "31–60", "61–90", "90+"];

/// The ageing bucket (an index into [`BUCKETS`]) of an amount `days_overdue` past its due date.
pub fn bucket(days_overdue: i64) -> usize {
    match days_overdue {
        d if d <= 0 => 0,
        1..=30 => 1,
        31..=60 => 2,
        61..=90 => 3,
        _ => 4,
    }
}

/// Amounts of unpaid credit orders per ageing bucket.
pub fn ageing(site: &Site<'_>) -> [Money; 5] {
    let mut sums = [Money::ZERO; 5];
    for f in &site.analysis.customers {
        for o in site.records.customers[f.index]
            .orders
            .iter()
            .filter(|o| o.date <= site.today && unpaid(o, &site.analysis.window))
        {
            if let Some(due) = o.due {
                sums[bucket((site.today - due).num_days())] += o.amount;
            }
        }
    }
    sums
}

/// Revenue per month for the last 24 months (oldest first), as (`YYYY-MM`, amount).
pub fn revenue_by_month(site: &Site<'_>) -> Vec<(String, Money)> {
    let today = site.today;
    let months: Vec<(i32, u32)> = (0..24)
        .rev()
        .map(|back| {
            // Years are within 1800..=9999 (records::dates), so this is far inside an i32.
            let index = today.year() * 12 + i32::try_from(today.month0()).unwrap_or_default() - back;
            (index.div_euclid(12), u32::try_from(index.rem_euclid(12)).unwrap_or_default() + 1)
        })
        .collect();
    let mut sums: BTreeMap<(i32, u32), Money> = months.iter().map(|m| (*m, Money::ZERO)).collect();
    for f in &site.analysis.customers {
        for o in site.records.customers[f.index].orders.iter().filter(|o| o.date <= today) {
            if let Some(sum) = sums.get_mut(&(o.date.year(), o.date.month())) {
                *sum += o.amount;
            }
        }
    }
    sums.into_iter().map(|((y, m), v)| (format!("{y}-{m:02}"), v)).collect()
}
