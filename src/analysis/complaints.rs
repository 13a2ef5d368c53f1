//! The team's complaints (SPEC 10.4): how many are open, by category with the median
//! resolution time, and the customers who complained more than once in the window.

use rust_decimal::Decimal;

use super::Facts;
use super::window::Window;
use crate::records::choices::{Choice, ComplaintCategory};
use crate::records::model::{Complaint, Records};

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
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::analysis::testing::{customer, d};
    use crate::records::choices::Severity;
    use crate::records::model::Customer;
    use crate::records::settings::Settings;

    const TODAY: &str = "2026-11-25";

    fn complaint(category: ComplaintCategory, opened: &str, resolved: Option<&str>) -> Complaint {
        Complaint {
            opened: d(opened),
            summary: "x".into(),
            severity: Severity::Medium,
            resolved: resolved.map(d),
            resolution: None,
            category,
            by: None,
            responded: None,
        }
    }

    fn figures_of(customers: Vec<Customer>) -> ComplaintFigures {
        let records = Records { members: Vec::new(), customers };
        let a = analyse(&records, &Settings::default(), d(TODAY));
        figures(&records, &a.customers, &a.window)
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_and_of_an_even_count_the_mean_of_two() {
        assert_eq!(median(vec![9, 1, 4]), Some(dec("4")));
        assert_eq!(median(vec![1, 4, 9, 2]), Some(dec("3")), "(2 + 4) / 2");
        assert_eq!(median(vec![1, 4]), Some(dec("2.5")), "a half stays exact");
        assert_eq!(median(vec![0]), Some(dec("0")));
        assert_eq!(median(Vec::new()), None);
    }

    #[test]
    fn a_complaint_resolved_on_the_reference_date_is_resolved_and_one_resolved_later_is_open() {
        let mut c = customer("a");
        c.complaints = vec![
            complaint(ComplaintCategory::Delivery, "2026-11-20", Some(TODAY)),
            complaint(ComplaintCategory::Delivery, "2026-11-20", Some("2026-11-26")),
            complaint(ComplaintCategory::Delivery, "2026-11-26", None),
        ];
        let f = figures_of(vec![c]);
        assert_eq!(f.open, 1);
        assert_eq!(
            f.categories,
            [CategoryFigures {
                category: ComplaintCategory::Delivery,
                complaints: 2,
                open: 1,
                median_resolution_days: Some(dec("5")),
            }],
            "the complaint opened after today is left out"
        );
        assert_eq!(f.median_resolution_days, Some(dec("5")));
    }

    #[test]
    fn categories_come_in_the_record_format_order_and_the_overall_median_spans_them() {
        let mut c = customer("a");
        c.complaints = vec![
            complaint(ComplaintCategory::Other, "2026-01-01", Some("2026-01-04")),
            complaint(ComplaintCategory::Product, "2026-01-01", Some("2026-01-02")),
            complaint(ComplaintCategory::Product, "2026-01-01", None),
        ];
        let f = figures_of(vec![c]);
        let cats: Vec<(ComplaintCategory, usize, usize)> =
            f.categories.iter().map(|k| (k.category, k.complaints, k.open)).collect();
        assert_eq!(cats, [(ComplaintCategory::Product, 2, 1), (ComplaintCategory::Other, 1, 0)]);
        assert_eq!(f.median_resolution_days, Some(dec("2")), "median of 1 and 3");
        assert_eq!(f.categories[0].median_resolution_days, Some(dec("1")));
    }

    #[test]
    fn repeat_complainers_count_complaints_in_the_window_in_id_order_and_archived_customers_not_at_all() {
        let two = |id: &str, first: &str| {
            let mut c = customer(id);
            c.complaints = vec![
                complaint(ComplaintCategory::Other, first, None),
                complaint(ComplaintCategory::Other, "2026-11-01", None),
            ];
            c
        };
        // The window is 2025-11-26 ..= 2026-11-25: b's first complaint is just outside it.
        let mut archived = two("d", "2026-05-01");
        archived.archived = true;
        let f = figures_of(vec![two("a", "2025-11-26"), two("b", "2025-11-25"), two("c", "2026-05-01"), archived]);
        assert_eq!(
            f.repeat_complainers,
            [RepeatComplainer { customer: 0, complaints: 2 }, RepeatComplainer { customer: 2, complaints: 2 }]
        );
        assert_eq!(f.open, 6, "archived customers' complaints do not count");
    }
}
