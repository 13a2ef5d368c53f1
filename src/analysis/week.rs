//! The week under review (SPEC 12.4's `week.html`, 每周检查): for each team member, what
//! happened in the last 7 days, today − 6 … today.
//!
//! Interactions and promises belong to their `by` (else the customer's owner), as for
//! `contacts_30` and `promises_kept`; orders, payments and complaints to the customer's owner.

use chrono::NaiveDate;

use super::Facts;
use super::window::Window;
use crate::records::model::Records;

/// How many days the week under review has, today included.
pub const DAYS: i64 = 7;

/// One entry of a customer that falls in the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct WeekEntry {
    /// The day it happened (the interaction's, order's, payment's, … date).
    pub date: NaiveDate,
    /// Index of the customer in `Records::customers`.
    pub customer: usize,
    /// Index of the entry in the customer's array of its kind (`interactions`, `orders`,
    /// `complaints`, `promises`).
    pub index: usize,
}

/// One member's week, each list by date, then customer, then entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerWeek {
    /// The member's team id.
    pub owner: String,
    /// Interactions made.
    pub interactions: Vec<WeekEntry>,
    /// Orders dated in the week.
    pub orders: Vec<WeekEntry>,
    /// Credit orders paid in the week (`paid`, on an order with `due`), dated by `paid`.
    pub payments: Vec<WeekEntry>,
    /// Complaints opened.
    pub complaints_opened: Vec<WeekEntry>,
    /// Complaints resolved, dated by `resolved`.
    pub complaints_resolved: Vec<WeekEntry>,
    /// Promises made.
    pub promises_made: Vec<WeekEntry>,
    /// Promises kept, dated by `kept`.
    pub promises_kept: Vec<WeekEntry>,
}

/// The week under review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    /// Its first day, today − 6.
    pub from: NaiveDate,
    /// Its last day, today.
    pub to: NaiveDate,
    /// Every team member's week, by id.
    pub owners: Vec<OwnerWeek>,
}

/// The week of every member of `records`, over the analysed customers.
pub fn week(records: &Records, facts: &[Facts], window: &Window) -> Week {
    let today = window.today;
    let from = Window::add_days(today, 1 - DAYS);
    let mut ids: Vec<&str> = records.members.iter().map(|m| m.id.get_ref().as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let empty = |owner: &str| OwnerWeek {
        owner: owner.to_string(),
        interactions: Vec::new(),
        orders: Vec::new(),
        payments: Vec::new(),
        complaints_opened: Vec::new(),
        complaints_resolved: Vec::new(),
        promises_made: Vec::new(),
        promises_kept: Vec::new(),
    };
    let mut owners: Vec<OwnerWeek> = ids.iter().map(|id| empty(id)).collect();
    let in_week = |d: NaiveDate| (from..=today).contains(&d);
    for f in facts {
        let customer = f.index;
        let c = &records.customers[customer];
        let owner = c.owner.get_ref().as_str();
        let mut add = |who: &str, date: NaiveDate, index: usize, list: fn(&mut OwnerWeek) -> &mut Vec<WeekEntry>| {
            if in_week(date)
                && let Ok(i) = owners.binary_search_by(|o| o.owner.as_str().cmp(who))
            {
                list(&mut owners[i]).push(WeekEntry { date, customer, index });
            }
        };
        for (i, x) in c.interactions.iter().enumerate() {
            add(x.by.as_ref().map_or(owner, |b| b.get_ref()), x.date, i, |o| &mut o.interactions);
        }
        for (i, o) in c.orders.iter().enumerate() {
            add(owner, o.date, i, |o| &mut o.orders);
            if let (Some(_), Some(paid)) = (o.due, o.paid) {
                add(owner, paid, i, |o| &mut o.payments);
            }
        }
        for (i, k) in c.complaints.iter().enumerate() {
            add(owner, k.opened, i, |o| &mut o.complaints_opened);
            if let Some(resolved) = k.resolved {
                add(owner, resolved, i, |o| &mut o.complaints_resolved);
            }
        }
        for (i, p) in c.promises.iter().enumerate() {
            let by = p.by.as_ref().map_or(owner, |b| b.get_ref());
            add(by, p.made, i, |o| &mut o.promises_made);
            if let Some(kept) = p.kept {
                add(by, kept, i, |o| &mut o.promises_kept);
            }
        }
    }
    for o in &mut owners {
        for list in [
            &mut o.interactions,
            &mut o.orders,
            &mut o.payments,
            &mut o.complaints_opened,
            &mut o.complaints_resolved,
            &mut o.promises_made,
            &mut o.promises_kept,
        ] {
            list.sort();
        }
    }
    Week { from, to: today, owners }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::analysis::testing::{credit_order, customer, d, order};
    use crate::records::choices::{ComplaintCategory, InteractionKind, Severity};
    use crate::records::model::{Complaint, Interaction, Member, Promise};
    use crate::records::settings::Settings;

    const TODAY: &str = "2026-11-25";

    fn member(id: &str) -> Member {
        Member {
            id: toml::Spanned::new(0..0, id.to_string()),
            name: id.to_string(),
            email: None,
            region: None,
            left: None,
            target: None,
        }
    }

    fn week_of(customers: Vec<crate::records::model::Customer>) -> Week {
        let records = Records::new(vec![member("zhang"), member("wang")], customers);
        analyse(&records, &Settings::default(), d(TODAY)).team.week
    }

    fn dates(list: &[WeekEntry]) -> Vec<String> {
        list.iter().map(|e| e.date.to_string()).collect()
    }

    #[test]
    fn the_week_is_today_minus_6_to_today_and_members_come_by_id() {
        let mut c = customer("a");
        c.orders = vec![
            order("2026-11-18", "1", None),
            order("2026-11-19", "1", None),
            order(TODAY, "1", None),
            order("2026-11-26", "1", None),
        ];
        let w = week_of(vec![c]);
        assert_eq!((w.from, w.to), (d("2026-11-19"), d(TODAY)));
        assert_eq!(w.owners.iter().map(|o| o.owner.as_str()).collect::<Vec<_>>(), ["wang", "zhang"]);
        assert_eq!(dates(&w.owners[1].orders), ["2026-11-19", TODAY]);
    }

    #[test]
    fn interactions_and_promises_are_their_makers_and_the_rest_the_owners() {
        let mut c = customer("a");
        let by = |id: &str| Some(toml::Spanned::new(0..0, id.to_string()));
        c.interactions = vec![
            Interaction {
                date: d("2026-11-20"),
                kind: InteractionKind::Call,
                by: by("wang"),
                summary: "s".into(),
                next: None,
                satisfaction: None,
            },
            Interaction {
                date: d("2026-11-21"),
                kind: InteractionKind::Visit,
                by: None,
                summary: "s".into(),
                next: None,
                satisfaction: None,
            },
        ];
        c.promises = vec![
            Promise {
                made: d("2026-11-20"),
                due: d("2026-11-22"),
                what: "x".into(),
                by: by("wang"),
                kept: Some(d(TODAY)),
            },
            Promise {
                made: d("2026-11-10"),
                due: d("2026-11-22"),
                what: "x".into(),
                by: None,
                kept: Some(d("2026-11-21")),
            },
        ];
        c.orders = vec![credit_order("2026-10-01", "5", "2026-11-01", Some("2026-11-20"))];
        c.complaints = vec![Complaint {
            opened: d("2026-11-01"),
            summary: "x".into(),
            severity: Severity::Low,
            resolved: Some(d("2026-11-22")),
            resolution: None,
            category: ComplaintCategory::Other,
            by: by("wang"),
            responded: None,
        }];
        let w = week_of(vec![c]);
        let (wang, zhang) = (&w.owners[0], &w.owners[1]);
        assert_eq!(
            (dates(&wang.interactions), dates(&zhang.interactions)),
            (vec!["2026-11-20".into()], vec!["2026-11-21".into()])
        );
        assert_eq!(
            (dates(&wang.promises_made), dates(&wang.promises_kept)),
            (vec!["2026-11-20".into()], vec![TODAY.into()])
        );
        assert_eq!(
            (zhang.promises_made.len(), dates(&zhang.promises_kept)),
            (0, vec!["2026-11-21".into()]),
            "made before the week"
        );
        assert_eq!(dates(&zhang.payments), ["2026-11-20"], "dated by `paid`; the order itself is older");
        assert!(zhang.orders.is_empty());
        assert_eq!((zhang.complaints_opened.len(), dates(&zhang.complaints_resolved)), (0, vec!["2026-11-22".into()]));
        assert!(wang.complaints_resolved.is_empty(), "complaints are the customer owner's");
    }
}
