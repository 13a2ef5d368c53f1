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
use super::outcomes::{self, Outcomes};
use super::pipeline::{self, PipelineFigures};
use super::rate::Rate;
use super::receivables::{self, AgeingSum, OwnerReceivables};
use super::week::{self, Week};
use super::window::Window;
use super::{deliveries, promises, retention, risk};
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

/// The completeness bands of the dashboard's chart, as (lowest, highest) percent.
pub const COMPLETENESS_BANDS: [(u8, u8); 4] = [(0, 49), (50, 74), (75, 99), (100, 100)];

/// The customers whose completeness lies in one band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletenessBand {
    /// The lowest completeness of the band, in percent.
    pub from: u8,
    /// The highest, in percent.
    pub to: u8,
    /// How many customers.
    pub customers: usize,
}

/// The latest satisfaction of one class's customers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SatisfactionCount {
    /// The class.
    pub class: Class,
    /// How many of its customers' latest score is 1, 2, 3, 4 and 5.
    pub scores: [usize; 5],
    /// How many were never scored.
    pub not_scored: usize,
}

/// One team member's agenda items: overdue, and due in each of the next four weeks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaLoad {
    /// The member's team id.
    pub owner: String,
    /// Items dated before today.
    pub overdue: usize,
    /// Items dated in week 1 (today to today + 6), week 2, 3 and 4.
    pub weeks: [usize; 4],
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
    /// Customers with an order in the previous window, and of them those with one in this.
    pub retention: Rate,
    /// Complaints resolved in the window, and of them those resolved by `resolve_by`.
    pub complaints_on_time: Rate,
    /// Promises due in the window, and of them those kept by their due date.
    pub promises_kept: Rate,
    /// Orders with `promised` delivered in the window, and of them those delivered on time.
    pub deliveries_on_time: Rate,
    /// Agenda items overdue, due today or in the next 7 days.
    pub due_this_week: usize,
    /// Customers and revenue per class, A, B, C.
    pub classes: Vec<ClassCount>,
    /// Customers per lifecycle stage, in lifecycle order.
    pub lifecycle: Vec<LifecycleCount>,
    /// Customers per completeness band, all four bands in order.
    pub completeness_bands: Vec<CompletenessBand>,
    /// The latest satisfaction per class, A, B, C.
    pub satisfaction_by_class: Vec<SatisfactionCount>,
    /// Every team member's agenda load, by id.
    pub agenda_load: Vec<AgendaLoad>,
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
    /// Opportunities won and lost in the window, by reason, and the common objections.
    pub outcomes: Outcomes,
    /// The last 7 days per member, for the weekly review.
    pub week: Week,
}

/// The agenda items overdue, due today or in the next 7 days.
pub fn due_this_week(agenda: &[AgendaItem]) -> usize {
    agenda.iter().filter(|i| i.status != Status::Upcoming).count()
}

/// The agenda load of each of `owners`, in the order given: overdue items, and those dated
/// 0–6, 7–13, 14–20 and 21–27 days after today (later items are not counted).
pub fn agenda_load(owners: &[String], agenda: &[AgendaItem], today: NaiveDate) -> Vec<AgendaLoad> {
    let mut load: Vec<AgendaLoad> =
        owners.iter().map(|o| AgendaLoad { owner: o.clone(), overdue: 0, weeks: [0; 4] }).collect();
    for item in agenda {
        let Some(l) = load.iter_mut().find(|l| l.owner == item.owner) else { continue };
        match (item.date - today).num_days() {
            days if days < 0 => l.overdue += 1,
            days => {
                if let Some(week) = usize::try_from(days / 7).ok().and_then(|w| l.weeks.get_mut(w)) {
                    *week += 1;
                }
            }
        }
    }
    load
}

/// The latest satisfaction per class (A, B, C): how many customers scored each of 1–5 last,
/// and how many were never scored.
pub fn satisfaction_by_class(facts: &[Facts]) -> Vec<SatisfactionCount> {
    [Class::A, Class::B, Class::C]
        .into_iter()
        .map(|class| {
            let mut count = SatisfactionCount { class, scores: [0; 5], not_scored: 0 };
            for f in facts.iter().filter(|f| f.class() == class) {
                match f.care.satisfaction {
                    Some((score, _)) => count.scores[usize::from(score.clamp(1, 5)) - 1] += 1,
                    None => count.not_scored += 1,
                }
            }
            count
        })
        .collect()
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
    let completeness_bands = COMPLETENESS_BANDS
        .into_iter()
        .map(|(from, to)| CompletenessBand {
            from,
            to,
            customers: facts.iter().filter(|f| (from..=to).contains(&f.completeness)).count(),
        })
        .collect();
    let mut members: Vec<String> = records.members.iter().map(|m| m.id.get_ref().clone()).collect();
    members.sort();
    members.dedup();
    Team {
        customers: facts.len(),
        revenue,
        revenue_prev,
        trend: risk::trend(revenue, revenue_prev),
        receivables: facts.iter().map(|f| f.credit.exposure).sum(),
        overdue: facts.iter().map(|f| f.credit.overdue).sum(),
        open_complaints: complaints.open,
        retention: retention::retention(records, facts, window),
        complaints_on_time: complaints::on_time_rate(facts.iter().flat_map(|f| &f.keeping.complaints), window),
        promises_kept: promises::kept_rate(facts.iter().flat_map(|f| &f.keeping.promises), window),
        deliveries_on_time: deliveries::on_time_rate(facts.iter().flat_map(|f| &f.keeping.deliveries), window),
        due_this_week: due_this_week(agenda),
        classes,
        lifecycle,
        completeness_bands,
        satisfaction_by_class: satisfaction_by_class(facts),
        agenda_load: agenda_load(&members, agenda, window.today),
        ageing: receivables::ageing(&receivables::unpaid_orders(records, facts.iter(), window)),
        receivables_by_owner: receivables::by_owner(records, facts),
        revenue_by_month: revenue_by_month(records, facts, window.today),
        complaints,
        losses: losses::losses(records, facts, window),
        pipeline: pipeline::figures(records, facts, window),
        outcomes: outcomes::outcomes(records, facts, window),
        week: week::week(records, facts, window),
    }
}

#[cfg(test)]
mod tests;
