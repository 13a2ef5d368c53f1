//! The team's figures (SPEC 12.2's `team` object, and every figure the dashboard and the
//! team pages show), computed once from the customers' facts.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::Facts;
use super::abc::Class;
use super::agenda::{AgendaItem, Status};
use super::complaints::{self, ComplaintFigures};
use super::lifecycle::Lifecycle;
use super::losses::{self, Losses};
use super::pipeline::{self, PipelineFigures};
use super::receivables::{self, AgeingSum, OwnerReceivables};
use super::risk;
use super::window::Window;
use crate::records::model::{Money, Records};

/// How many months `revenue_by_month` covers, the current one included.
pub const MONTHS: usize = 24;

/// The customers of one ABC class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassCount {
    /// The class.
    pub class: Class,
    /// How many customers are in it.
    pub customers: usize,
    /// The sum of their revenue.
    pub revenue: Money,
}

/// The customers at one lifecycle stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifecycleCount {
    /// The stage.
    pub lifecycle: Lifecycle,
    /// How many customers are at it.
    pub customers: usize,
}

/// The revenue of one calendar month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRevenue {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The sum of the orders dated in that month (and up to today).
    pub revenue: Money,
}

/// The team's figures, over the non-archived customers.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// How many customers there are.
    pub customers: usize,
    /// The sum of their revenue in the window.
    pub revenue: Money,
    /// The sum of their revenue in the previous window.
    pub revenue_prev: Money,
    /// revenue / revenue_prev − 1, exact, rounded to 3 decimals; `None` when revenue_prev is 0.
    pub trend: Option<Decimal>,
    /// The sum of their exposure.
    pub receivables: Money,
    /// The sum of their overdue amounts.
    pub overdue: Money,
    /// Complaints open today.
    pub open_complaints: usize,
    /// Agenda items overdue, due today or in the next 7 days.
    pub due_this_week: usize,
    /// Customers and revenue per class, A, B, C.
    pub classes: Vec<ClassCount>,
    /// Customers per lifecycle stage, in lifecycle order.
    pub lifecycle: Vec<LifecycleCount>,
    /// Unpaid credit orders per ageing bucket, all five in order.
    pub ageing: Vec<AgeingSum>,
    /// Exposure and overdue per owner.
    pub receivables_by_owner: Vec<OwnerReceivables>,
    /// Revenue per month for the last [`MONTHS`] months, the oldest first.
    pub revenue_by_month: Vec<MonthRevenue>,
    /// Complaints by category, the median resolution time, repeat complainers.
    pub complaints: ComplaintFigures,
    /// Lost customers and the revenue lost per reason.
    pub losses: Losses,
    /// Open opportunities by stage and by owner, and what was won.
    pub pipeline: PipelineFigures,
}

/// The agenda items overdue, due today or in the next 7 days.
pub fn due_this_week(agenda: &[AgendaItem]) -> usize {
    agenda.iter().filter(|i| i.status != Status::Upcoming).count()
}

/// The last [`MONTHS`] calendar months up to the one of `today`, the oldest first, each with
/// the revenue of the orders dated in it up to today.
pub fn revenue_by_month(records: &Records, facts: &[Facts], today: NaiveDate) -> Vec<MonthRevenue> {
    // Months counted from year 0; years are within 1800..=9999 (records::dates), far inside an i32.
    let current = today.year() * 12 + i32::try_from(today.month0()).unwrap_or_default();
    let first = current - (MONTHS as i32 - 1);
    let mut sums = vec![Money::ZERO; MONTHS];
    for o in facts.iter().flat_map(|f| &records.customers[f.index].orders).filter(|o| o.date <= today) {
        let month = o.date.year() * 12 + i32::try_from(o.date.month0()).unwrap_or_default();
        if let Some(sum) = usize::try_from(month - first).ok().and_then(|i| sums.get_mut(i)) {
            *sum += o.amount;
        }
    }
    sums.into_iter()
        .zip(first..)
        .map(|(revenue, index)| MonthRevenue {
            year: index.div_euclid(12),
            month: u32::try_from(index.rem_euclid(12)).unwrap_or_default() + 1,
            revenue,
        })
        .collect()
}

/// The team's figures from the analysed customers and their agenda.
pub fn team(records: &Records, facts: &[Facts], agenda: &[AgendaItem], window: &Window) -> Team {
    let revenue: Money = facts.iter().map(|f| f.ledger.revenue).sum();
    let revenue_prev: Money = facts.iter().map(|f| f.ledger.revenue_prev).sum();
    let complaints = complaints::figures(records, facts, window);
    let classes = [Class::A, Class::B, Class::C]
        .into_iter()
        .map(|class| {
            let of = facts.iter().filter(|f| f.class() == class);
            ClassCount { class, customers: of.clone().count(), revenue: of.map(|f| f.ledger.revenue).sum() }
        })
        .collect();
    let lifecycle = Lifecycle::ALL
        .into_iter()
        .map(|l| LifecycleCount { lifecycle: l, customers: facts.iter().filter(|f| f.lifecycle == l).count() })
        .collect();
    Team {
        customers: facts.len(),
        revenue,
        revenue_prev,
        trend: risk::trend(revenue, revenue_prev),
        receivables: facts.iter().map(|f| f.credit.exposure).sum(),
        overdue: facts.iter().map(|f| f.credit.overdue).sum(),
        open_complaints: complaints.open,
        due_this_week: due_this_week(agenda),
        classes,
        lifecycle,
        ageing: receivables::ageing(&receivables::unpaid_orders(records, facts.iter(), window)),
        receivables_by_owner: receivables::by_owner(records, facts),
        revenue_by_month: revenue_by_month(records, facts, window.today),
        complaints,
        losses: losses::losses(records, facts, window),
        pipeline: pipeline::figures(records, facts, window),
    }
}

#[cfg(test)]
mod tests;
