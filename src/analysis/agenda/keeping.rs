//! The follow-ups of SPEC 12.3: keep a promise, escalate a complaint past its target, deliver
//! what was promised, write or review a key customer's plan.

use chrono::NaiveDate;

use super::Kind;
use crate::analysis::Facts;
use crate::analysis::abc::Class;
use crate::analysis::reasons::Reasons;
use crate::analysis::window::Window;
use crate::records::model::Customer;
use crate::records::settings::Settings;

/// The date of a key customer's plan item for a plan to review on `review`: `review` −
/// `plan_days`, never before today while `review` ≥ today; `review` itself once it has passed.
pub fn plan_date(review: NaiveDate, plan_days: i64, today: NaiveDate) -> NaiveDate {
    if review < today { review } else { Window::add_days(review, -plan_days).max(today) }
}

/// Adds the promise, escalate, delivery and plan items of one customer; `add` takes the
/// item's owner first (a promise's item is its `by`'s).
pub fn follow_ups(
    c: &Customer,
    f: &Facts,
    settings: &Settings,
    window: &Window,
    reasons: &Reasons<'_>,
    add: &mut impl FnMut(&str, NaiveDate, Kind, String, String),
) {
    let owner = c.owner.get_ref();
    for p in f.keeping.promises.iter().filter(|p| p.status.is_open()) {
        add(&p.by, p.due, Kind::Promise, reasons.promise(&c.promises[p.index]), format!("{}#{}", p.made, p.index));
    }
    for t in f.keeping.complaints.iter().filter(|t| t.resolved.is_none() && window.today > t.resolve_by) {
        let k = &c.complaints[t.index];
        let (open, target) = (window.days_since(k.opened), settings.complaints.resolve_days.of(k.severity));
        let key = format!("{}#{}", k.opened, t.index);
        add(owner, Window::add_days(t.resolve_by, 1), Kind::Escalate, reasons.escalate(k, open, target), key);
    }
    for x in f.keeping.deliveries.iter().filter(|x| x.delivered.is_none()) {
        let o = &c.orders[x.index];
        let key = x.reference.clone().unwrap_or_else(|| format!("{}#{}", o.date, x.index));
        add(owner, x.promised, Kind::Delivery, reasons.delivery(o, x.promised), key);
    }
    if f.class() == Class::A {
        let today = window.today;
        match &c.plan {
            None => add(owner, today, Kind::Plan, reasons.plan_missing(), String::new()),
            Some(plan) => {
                let date = plan_date(plan.review, settings.reminders.plan_days, today);
                add(owner, date, Kind::Plan, reasons.plan_review(plan.review, plan.review < today), String::new());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::agenda::{AgendaItem, Status};
    use crate::analysis::analyse;
    use crate::analysis::testing::{customer, d, order};
    use crate::records::choices::{ComplaintCategory, Severity};
    use crate::records::model::{Complaint, Order, Plan, Promise, Records};

    const TODAY: &str = "2026-11-25";

    /// The SPEC 12.3 items of `customers` as (date, kind, customer, owner).
    fn items(customers: Vec<Customer>) -> Vec<(String, &'static str, String, String)> {
        let records = Records::new(Vec::new(), customers);
        let keep = |i: &AgendaItem| matches!(i.kind, Kind::Promise | Kind::Escalate | Kind::Delivery | Kind::Plan);
        analyse(&records, &Settings::default(), d(TODAY))
            .agenda
            .into_iter()
            .filter(keep)
            .map(|i| (i.date.to_string(), i.kind.as_str(), i.customer, i.owner))
            .collect()
    }

    fn item(date: &str, kind: &'static str, customer: &str, owner: &str) -> (String, &'static str, String, String) {
        (date.to_string(), kind, customer.to_string(), owner.to_string())
    }

    /// A class C customer (no revenue): no plan item of its own.
    fn quiet(id: &str) -> Customer {
        customer(id)
    }

    fn promise(due: &str, kept: Option<&str>, by: Option<&str>) -> Promise {
        Promise {
            made: d("2026-11-01"),
            due: d(due),
            what: "samples".into(),
            by: by.map(|b| toml::Spanned::new(0..0, b.to_string())),
            kept: kept.map(d),
        }
    }

    fn complaint(opened: &str, resolved: Option<&str>) -> Complaint {
        Complaint {
            opened: d(opened),
            summary: "x".into(),
            severity: Severity::Medium,
            resolved: resolved.map(d),
            resolution: None,
            category: ComplaintCategory::Other,
            by: None,
            responded: None,
        }
    }

    #[test]
    fn a_promise_not_kept_is_due_on_its_due_date_for_the_member_who_made_it() {
        let mut c = quiet("a");
        c.promises = vec![
            promise("2026-11-30", None, Some("wang")),
            promise("2026-11-24", None, None),
            promise("2026-11-20", Some("2026-11-20"), None),
            promise("2026-11-20", Some("2026-11-22"), None),
            promise("2026-11-28", Some("2026-11-26"), None),
        ];
        assert_eq!(
            items(vec![c]),
            [
                item("2026-11-24", "promise", "a", "zhang"),
                item("2026-11-28", "promise", "a", "zhang"),
                item("2026-11-30", "promise", "a", "wang"),
            ],
            "kept and late promises are done; one kept after today is not"
        );
    }

    #[test]
    fn an_unresolved_complaint_escalates_the_day_after_resolve_by() {
        // Medium: resolve_by = opened + 14.
        let mut c = quiet("a");
        c.complaints = vec![
            complaint("2026-11-10", None),
            complaint("2026-11-11", None),
            complaint("2026-11-01", Some("2026-11-20")),
            complaint("2026-11-01", Some("2026-11-26")),
        ];
        let records = Records::new(Vec::new(), vec![c]);
        let a = analyse(&records, &Settings::default(), d(TODAY));
        let escalate: Vec<(String, Status, &str)> = a
            .agenda
            .iter()
            .filter(|i| i.kind == Kind::Escalate)
            .map(|i| (i.date.to_string(), i.status, i.reason.as_str()))
            .collect();
        assert_eq!(
            escalate,
            [
                ("2026-11-16".to_string(), Status::Overdue, "open 24 days, target 14: escalate (x)"),
                ("2026-11-25".to_string(), Status::Today, "open 15 days, target 14: escalate (x)"),
            ],
            "today = resolve_by is not yet an escalation; a resolution after today does not count"
        );
    }

    #[test]
    fn an_order_promised_and_not_delivered_is_due_on_the_promised_date() {
        let promised = |date: &str, promised: &str, delivered: Option<&str>| Order {
            promised: Some(d(promised)),
            delivered: delivered.map(d),
            ..order(date, "0", None)
        };
        let mut c = quiet("a");
        c.orders = vec![
            promised("2026-11-01", "2026-11-20", None),
            promised("2026-11-01", "2026-11-20", Some("2026-11-21")),
            promised("2026-11-01", "2026-12-01", Some("2026-11-30")),
            promised("2026-11-26", "2026-11-27", None),
            order("2026-11-01", "0", None),
        ];
        assert_eq!(
            items(vec![c]),
            [item("2026-11-20", "delivery", "a", "zhang"), item("2026-12-01", "delivery", "a", "zhang")],
            "a delivery after today is not there yet; an order after today is ignored"
        );
    }

    #[test]
    fn a_class_a_customer_without_a_plan_is_due_today_and_with_one_by_its_review() {
        let mut key = customer("a");
        key.orders = vec![order("2026-06-01", "100", None)];
        assert_eq!(items(vec![key.clone(), quiet("b")]), [item(TODAY, "plan", "a", "zhang")], "b is class C");
        key.plan = Some(Plan { goal: "grow".into(), review: d("2026-12-20") });
        assert_eq!(items(vec![key.clone()]), [item("2026-12-06", "plan", "a", "zhang")]);
        key.plan = Some(Plan { goal: "grow".into(), review: d("2026-11-01") });
        assert_eq!(items(vec![key]), [item("2026-11-01", "plan", "a", "zhang")]);
    }

    #[test]
    fn the_new_kinds_sort_after_handover_as_promise_escalate_delivery_plan() {
        let mut c = customer("a");
        c.orders = vec![Order { promised: Some(d(TODAY)), ..order("2026-06-01", "100", None) }];
        c.promises = vec![promise(TODAY, None, None)];
        c.complaints = vec![complaint("2026-11-10", None)];
        let kinds: Vec<&str> = items(vec![c]).into_iter().filter(|i| i.0 == TODAY).map(|i| i.1).collect();
        assert_eq!(kinds, ["promise", "escalate", "delivery", "plan"]);
        let order: Vec<Kind> = Kind::ALL.iter().copied().skip_while(|k| *k != Kind::Handover).collect();
        assert_eq!(order, [Kind::Handover, Kind::Promise, Kind::Escalate, Kind::Delivery, Kind::Plan]);
    }

    #[test]
    fn the_plan_item_is_review_minus_plan_days_never_before_today_and_the_review_once_passed() {
        let today = d("2026-11-25");
        // review − 14 after today: that day.
        assert_eq!(plan_date(d("2026-12-20"), 14, today), d("2026-12-06"));
        // review − 14 on today.
        assert_eq!(plan_date(d("2026-12-09"), 14, today), today);
        // review − 14 before today, review still ahead: today.
        assert_eq!(plan_date(d("2026-12-01"), 14, today), today);
        // review today: today.
        assert_eq!(plan_date(today, 14, today), today);
        // review before today: the review date, overdue.
        assert_eq!(plan_date(d("2026-11-24"), 14, today), d("2026-11-24"));
        assert_eq!(plan_date(d("2026-12-01"), 0, today), d("2026-12-01"));
    }
}
