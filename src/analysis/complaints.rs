//! Complaints: each complaint's targets for answering and resolving it (SPEC 12.2), and the
//! team's figures (SPEC 10.4): how many are open, by category with the median resolution
//! time, the customers who complained more than once in the window, and the share resolved
//! on time.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Facts;
use super::rate::Rate;
use super::window::Window;
use crate::records::choices::{Choice, ComplaintCategory};
use crate::records::model::{Complaint, Records};
use crate::records::settings::ComplaintsConfig;

/// One complaint against its targets (SPEC 12.2), as of today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintTargets {
    /// Index of the complaint in the customer's `complaints`.
    pub index: usize,
    /// The first answer, when it is not after today.
    pub responded: Option<NaiveDate>,
    /// The resolution, when it is not after today.
    pub resolved: Option<NaiveDate>,
    /// responded − opened; `None` without an answer.
    pub response_days: Option<i64>,
    /// opened + respond_days of its severity.
    pub respond_by: NaiveDate,
    /// Whether the customer was answered by `respond_by` (a resolution answers too); `None`
    /// while unanswered and today is not past `respond_by`.
    pub responded_on_time: Option<bool>,
    /// opened + resolve_days of its severity.
    pub resolve_by: NaiveDate,
    /// Whether it was resolved by `resolve_by`; `None` while unresolved and today is not past
    /// `resolve_by`.
    pub on_time: Option<bool>,
}

/// Whether `done` met `by`: `true` when done by then, `false` when done later or not done
/// and today is past `by`, else `None` (not done, still time).
fn met(done: Option<NaiveDate>, by: NaiveDate, today: NaiveDate) -> Option<bool> {
    match done {
        Some(d) => Some(d <= by),
        None if today > by => Some(false),
        None => None,
    }
}

/// The targets of the `index`-th complaint `k` under `cfg`, as of `today`; dates after today
/// count as not yet there.
pub fn targets(index: usize, k: &Complaint, cfg: &ComplaintsConfig, today: NaiveDate) -> ComplaintTargets {
    let responded = k.responded.filter(|d| *d <= today);
    let resolved = k.resolved.filter(|d| *d <= today);
    let respond_by = Window::add_days(k.opened, cfg.respond_days.of(k.severity));
    let resolve_by = Window::add_days(k.opened, cfg.resolve_days.of(k.severity));
    ComplaintTargets {
        index,
        responded,
        resolved,
        response_days: responded.map(|r| (r - k.opened).num_days()),
        respond_by,
        responded_on_time: met(responded.or(resolved), respond_by, today),
        resolve_by,
        on_time: met(resolved, resolve_by, today),
    }
}

/// The targets of a customer's complaints opened up to today, in file order.
pub fn all_targets(complaints: &[Complaint], cfg: &ComplaintsConfig, today: NaiveDate) -> Vec<ComplaintTargets> {
    complaints.iter().enumerate().filter(|(_, k)| k.opened <= today).map(|(i, k)| targets(i, k, cfg, today)).collect()
}

/// The share of the complaints resolved in the window that were resolved by `resolve_by`.
pub fn on_time_rate<'a>(targets: impl IntoIterator<Item = &'a ComplaintTargets>, window: &Window) -> Rate {
    Rate::count(
        targets.into_iter().filter(|t| t.resolved.is_some_and(|r| window.contains(r))).map(|t| t.on_time == Some(true)),
    )
}

/// The complaints of one category.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryFigures {
    /// The category.
    pub category: ComplaintCategory,
    /// Complaints opened up to today.
    pub complaints: usize,
    /// Of those, open today.
    pub open: usize,
    /// The median resolution time of those resolved by today; `None` when none is.
    pub median_resolution_days: Option<Decimal>,
}

/// A customer with more than one complaint opened in the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatComplainer {
    /// Index of the customer in `Records::customers`.
    pub customer: usize,
    /// How many complaints it opened in the window.
    pub complaints: usize,
}

/// The complaint figures of the whole team (non-archived customers).
#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintFigures {
    /// Complaints open today.
    pub open: usize,
    /// Per category, in the order of the record format, only categories with a complaint.
    pub categories: Vec<CategoryFigures>,
    /// The median resolution time over every complaint resolved by today.
    pub median_resolution_days: Option<Decimal>,
    /// Customers with more than one complaint in the window, by customer id.
    pub repeat_complainers: Vec<RepeatComplainer>,
}

/// Days from opening to resolution (SPEC 10.2), when the complaint is resolved by `today`.
pub fn resolution_days(k: &Complaint, today: chrono::NaiveDate) -> Option<i64> {
    k.resolved.filter(|r| *r <= today).map(|r| (r - k.opened).num_days())
}

/// The median of whole days, exact: the middle value, or the mean of the two middle ones
/// (so it may end in .5); `None` for no values.
pub fn median(mut days: Vec<i64>) -> Option<Decimal> {
    days.sort_unstable();
    let n = days.len();
    let twice = match n {
        0 => return None,
        _ if n % 2 == 1 => 2 * days[n / 2],
        _ => days[n / 2 - 1] + days[n / 2],
    };
    Some((Decimal::from(twice) / Decimal::TWO).normalize())
}

/// The complaint figures over the analysed customers as of the window's today.
pub fn figures(records: &Records, facts: &[Facts], window: &Window) -> ComplaintFigures {
    let today = window.today;
    let known: Vec<&Complaint> =
        facts.iter().flat_map(|f| &records.customers[f.index].complaints).filter(|k| window.known(k.opened)).collect();
    let categories = ComplaintCategory::ALL
        .iter()
        .filter_map(|(_, category)| {
            let of: Vec<&&Complaint> = known.iter().filter(|k| k.category == *category).collect();
            (!of.is_empty()).then(|| CategoryFigures {
                category: *category,
                complaints: of.len(),
                open: of.iter().filter(|k| k.is_open(today)).count(),
                median_resolution_days: median(of.iter().filter_map(|k| resolution_days(k, today)).collect()),
            })
        })
        .collect();
    let repeat_complainers = facts
        .iter()
        .filter_map(|f| {
            let complaints = records.customers[f.index].complaints.iter().filter(|k| window.contains(k.opened)).count();
            (complaints > 1).then_some(RepeatComplainer { customer: f.index, complaints })
        })
        .collect();
    ComplaintFigures {
        open: known.iter().filter(|k| k.is_open(today)).count(),
        categories,
        median_resolution_days: median(known.iter().filter_map(|k| resolution_days(k, today)).collect()),
        repeat_complainers,
    }
}

#[cfg(test)]
mod tests;
