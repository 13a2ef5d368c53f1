use super::*;
use crate::analysis::analyse;
use crate::analysis::testing::{credit_order, customer, d, order};
use crate::records::choices::{ComplaintCategory, ContactRole, InteractionKind, Severity, Stance};
use crate::records::model::{Complaint, Contact, Contract, Customer, Interaction};
use crate::records::settings::Holiday;

const TODAY: &str = "2026-11-25";

fn items_of(customers: Vec<Customer>, settings: &Settings) -> Vec<(String, &'static str, String)> {
    let records = Records::new(Vec::new(), customers);
    analyse(&records, settings, d(TODAY))
        .agenda
        .into_iter()
        .map(|i| (i.date.to_string(), i.kind.as_str(), i.customer))
        .collect()
}

fn kinds(c: Customer, kind: &str) -> Vec<String> {
    items_of(vec![c], &Settings::default()).into_iter().filter(|(_, k, _)| *k == kind).map(|(d, _, _)| d).collect()
}

fn visit(date: &str, next: Option<&str>) -> Interaction {
    Interaction {
        date: d(date),
        kind: InteractionKind::Visit,
        by: None,
        summary: "s".into(),
        next: next.map(d),
        satisfaction: None,
    }
}

fn contact_born(birthday: Birthday) -> Contact {
    Contact {
        name: "李娜".into(),
        title: None,
        role: ContactRole::User,
        stance: Stance::Unknown,
        phone: None,
        email: None,
        wechat: None,
        birthday: Some(birthday),
        left: None,
    }
}

#[test]
fn status_boundaries_and_horizon_edges() {
    let today = d(TODAY);
    assert_eq!(Status::of(d("2026-11-24"), today, 30), Some(Status::Overdue));
    assert_eq!(Status::of(today, today, 30), Some(Status::Today));
    assert_eq!(Status::of(d("2026-12-02"), today, 30), Some(Status::Soon));
    assert_eq!(Status::of(d("2026-12-03"), today, 30), Some(Status::Upcoming));
    assert_eq!(Status::of(d("2026-12-25"), today, 30), Some(Status::Upcoming));
    assert_eq!(Status::of(d("2026-12-26"), today, 30), None);
}

#[test]
fn contact_uses_next_then_cadence_then_since_then_today() {
    let mut c = customer("a");
    assert_eq!(kinds(c.clone(), "contact"), vec![TODAY]);
    c.since = Some(d("2026-01-01"));
    assert_eq!(kinds(c.clone(), "contact"), vec!["2026-01-01"]);
    c.interactions = vec![visit("2026-11-20", None)];
    // No orders: the prospect cadence (30 days).
    assert_eq!(kinds(c.clone(), "contact"), vec!["2026-12-20"]);
    c.interactions.push(visit("2026-11-21", Some("2026-11-23")));
    assert_eq!(kinds(c.clone(), "contact"), vec!["2026-11-23"]);
    c.cadence_days = Some(2);
    c.interactions = vec![visit("2026-11-21", None)];
    assert_eq!(kinds(c, "contact"), vec!["2026-11-23"]);
}

#[test]
fn class_cadence_applies_to_customers_with_orders() {
    let mut c = customer("a");
    c.orders = vec![order("2026-10-01", "100", None)];
    c.interactions = vec![visit("2026-11-20", None)];
    // The only customer is A: 14 days.
    assert_eq!(kinds(c, "contact"), vec!["2026-12-04"]);
}

#[test]
fn birthday_29_february_is_28_february_in_other_years_and_never_before_today() {
    let mut c = customer("a");
    c.contacts = vec![contact_born(Birthday::MonthDay(2, 29))];
    let mut settings = Settings::default();
    settings.reminders.horizon_days = 400;
    let got: Vec<String> = items_of(vec![c.clone()], &settings)
        .into_iter()
        .filter(|(_, k, _)| *k == "birthday")
        .map(|(d, _, _)| d)
        .collect();
    assert_eq!(got, vec!["2027-02-21"]);
    assert_eq!(next_birthday(Birthday::MonthDay(2, 29), d("2027-03-01")), d("2028-02-29"));
    // A birthday today is greeted today; one in three days too (not 4 days ago).
    c.contacts = vec![contact_born(Birthday::Date(d("1980-11-25"))), contact_born(Birthday::MonthDay(11, 28))];
    assert_eq!(kinds(c, "birthday"), vec![TODAY, TODAY]);
}

#[test]
fn a_contact_who_left_gets_no_birthday() {
    let mut c = customer("a");
    let mut p = contact_born(Birthday::MonthDay(12, 1));
    p.left = Some(d("2026-11-01"));
    c.contacts = vec![p];
    assert!(kinds(c, "birthday").is_empty());
}

#[test]
fn complaints_collections_and_renewals() {
    let mut c = customer("a");
    let complaint = |resolved: Option<&str>| Complaint {
        opened: d("2026-11-20"),
        summary: "x".into(),
        severity: Severity::High,
        resolved: resolved.map(d),
        resolution: None,
        category: ComplaintCategory::Other,
        by: None,
        responded: None,
    };
    c.complaints = vec![complaint(None), complaint(Some("2026-11-21")), complaint(Some("2026-11-26"))];
    c.orders = vec![
        credit_order("2026-10-01", "5", "2026-11-01", None),
        credit_order("2026-10-01", "5", "2026-11-02", Some("2026-11-02")),
    ];
    c.contracts = vec![
        Contract { kind: "warranty".into(), start: None, end: d(TODAY) },
        Contract { kind: "service".into(), start: None, end: d("2026-11-24") },
    ];
    assert_eq!(kinds(c.clone(), "complaint"), vec!["2026-11-22", "2026-11-22"]);
    assert_eq!(kinds(c.clone(), "collection"), vec!["2026-11-01"]);
    // A contract ending today is still renewed (end − 30 days, overdue).
    assert_eq!(kinds(c, "renewal"), vec!["2026-10-26"]);
}

#[test]
fn welcome_a_new_customer_until_first_contacted() {
    let mut c = customer("a");
    c.orders = vec![order("2026-11-20", "100", None)];
    assert_eq!(kinds(c.clone(), "welcome"), vec!["2026-11-27"]);
    c.interactions = vec![visit("2026-11-20", None)];
    assert!(kinds(c.clone(), "welcome").is_empty());
    c.interactions = vec![visit("2026-11-19", None)];
    assert_eq!(kinds(c, "welcome"), vec!["2026-11-27"]);
}

#[test]
fn reorder_for_a_dormant_customer_but_not_a_lost_one() {
    let mut c = customer("a");
    // Dormant: last order 200 days ago, cycle 30 days → overdue reorder.
    c.orders = ["2026-04-09", "2026-04-24", "2026-05-09"].iter().map(|s| order(s, "1", None)).collect();
    assert_eq!(kinds(c.clone(), "reorder"), vec!["2026-05-24"]);
    c.orders = ["2025-01-01", "2025-01-16", "2025-01-31"].iter().map(|s| order(s, "1", None)).collect();
    assert!(kinds(c, "reorder").is_empty());
}

#[test]
fn holidays_before_today_are_skipped_and_greetings_never_predate_today() {
    let mut a = customer("a");
    a.orders = vec![order("2026-10-01", "100", None)];
    let mut settings = Settings::default();
    let holiday = |date: &str, classes: &[&str]| Holiday {
        name: "节".into(),
        date: d(date),
        classes: classes.iter().map(|s| s.to_string()).collect(),
    };
    settings.holidays = vec![
        holiday("2026-11-24", &["A"]),
        holiday("2026-11-26", &["A"]),
        holiday("2026-12-10", &["A"]),
        holiday("2026-12-11", &["B"]),
    ];
    let got: Vec<String> =
        items_of(vec![a], &settings).into_iter().filter(|(_, k, _)| *k == "holiday").map(|(d, _, _)| d).collect();
    assert_eq!(got, vec![TODAY, "2026-12-07"]);
}

#[test]
fn archived_customers_and_future_entries_are_left_out() {
    let mut a = customer("a");
    a.archived = true;
    let mut b = customer("b");
    b.orders = vec![credit_order("2026-11-26", "5", "2026-11-27", None)];
    b.interactions = vec![visit("2026-11-26", Some("2026-11-27"))];
    let got = items_of(vec![a, b], &Settings::default());
    assert_eq!(got, vec![(TODAY.to_string(), "contact", "b".to_string())]);
}

#[test]
fn items_sort_by_date_then_kind_then_customer() {
    let mut a = customer("a");
    let mut b = customer("b");
    a.since = Some(d(TODAY));
    b.since = Some(d(TODAY));
    b.orders = vec![credit_order("2026-10-01", "5", TODAY, None)];
    let got = items_of(vec![b, a], &Settings::default());
    let firsts: Vec<(&str, &str)> =
        got.iter().filter(|(d, _, _)| d == TODAY).map(|(_, k, c)| (*k, c.as_str())).collect();
    // b is class A: its survey and, with no [plan], its plan item (SPEC 12.3) are due today too.
    assert_eq!(firsts, vec![("contact", "a"), ("contact", "b"), ("collection", "b"), ("survey", "b"), ("plan", "b")]);
}

mod care {
    use super::*;
    use crate::records::choices::{Relationship, Stage};
    use crate::records::model::{Handover, Loss, Opportunity};

    fn scored(date: &str, satisfaction: u8) -> Interaction {
        Interaction { satisfaction: Some(satisfaction), ..visit(date, None) }
    }

    fn a_customer() -> Customer {
        let mut c = customer("a");
        c.orders = vec![order("2026-11-01", "100", None)];
        c.interactions = vec![scored("2026-11-01", 4)];
        c
    }

    #[test]
    fn survey_at_day_180_is_not_due_and_at_181_is() {
        let mut c = a_customer();
        c.interactions = vec![scored("2026-05-29", 4)]; // 180 days before today
        assert!(kinds(c.clone(), "survey").is_empty());
        c.interactions = vec![scored("2026-05-28", 4)]; // 181 days
        assert_eq!(kinds(c.clone(), "survey"), vec!["2026-11-24"]);
        c.interactions.clear();
        assert_eq!(kinds(c, "survey"), vec![TODAY]);
    }

    #[test]
    fn recovery_after_a_low_score_until_the_next_contact() {
        let mut c = a_customer();
        c.interactions = vec![scored("2026-11-20", 2)];
        assert_eq!(kinds(c.clone(), "recovery"), vec!["2026-11-21"]);
        c.interactions = vec![scored("2026-11-20", 3)];
        assert!(kinds(c.clone(), "recovery").is_empty());
        c.interactions = vec![scored("2026-11-20", 1), visit("2026-11-21", None)];
        assert!(kinds(c, "recovery").is_empty());
    }

    #[test]
    fn checkback_for_complaints_resolved_30_days_ago_but_not_31() {
        let mut c = a_customer();
        let resolved = |date: &str| Complaint {
            opened: d("2026-10-01"),
            summary: "x".into(),
            severity: Severity::Low,
            resolved: Some(d(date)),
            resolution: None,
            category: ComplaintCategory::Other,
            by: None,
            responded: None,
        };
        c.interactions = vec![scored("2026-10-01", 4)];
        c.complaints = vec![resolved("2026-10-26"), resolved("2026-10-25")];
        assert_eq!(kinds(c.clone(), "checkback"), vec!["2026-11-02"]);
        c.interactions.push(visit("2026-10-27", None));
        assert!(kinds(c, "checkback").is_empty());
    }

    #[test]
    fn aftersale_for_orders_30_days_old_but_not_31_and_only_for_close_relationships() {
        let mut c = a_customer();
        c.interactions = vec![scored("2026-10-01", 4)];
        c.orders = vec![order("2026-10-26", "1", None), order("2026-10-25", "1", None)];
        assert!(kinds(c.clone(), "aftersale").is_empty());
        c.relationship = Relationship::Accountable;
        assert_eq!(kinds(c.clone(), "aftersale"), vec!["2026-11-02"]);
        c.interactions.push(visit("2026-10-26", None));
        assert!(kinds(c, "aftersale").is_empty());
    }

    #[test]
    fn winback_for_dormant_customers_without_a_recorded_loss() {
        let mut c = a_customer();
        c.orders = vec![order("2025-01-01", "1", None), order("2026-05-01", "1", None)];
        assert_eq!(kinds(c.clone(), "winback"), vec!["2026-10-28"]);
        c.loss = Some(Loss { date: d("2026-11-26"), reason: crate::records::choices::LossReason::Price, notes: None });
        assert!(kinds(c, "winback").is_empty());
    }

    #[test]
    fn open_opportunities_with_an_expected_date() {
        let mut c = a_customer();
        let opportunity = |stage: Stage, expected: Option<&str>| Opportunity {
            opened: d("2026-10-01"),
            title: "t".into(),
            amount: None,
            stage,
            expected: expected.map(d),
            closed: stage.is_closed().then(|| d("2026-11-01")),
            reason: None,
            competitor: None,
            objections: Vec::new(),
        };
        c.opportunities = vec![
            opportunity(Stage::Quoted, Some("2026-12-01")),
            opportunity(Stage::Lead, None),
            opportunity(Stage::Won, Some("2026-12-02")),
        ];
        assert_eq!(kinds(c, "opportunity"), vec!["2026-12-01"]);
    }

    #[test]
    fn the_latest_handover_within_handover_days() {
        let mut c = a_customer();
        let handover = |date: &str, to: &str| Handover {
            date: d(date),
            from: toml::Spanned::new(0..0, "li".into()),
            to: toml::Spanned::new(0..0, to.into()),
        };
        c.handovers = vec![handover("2026-11-11", "zhang")];
        assert_eq!(kinds(c.clone(), "handover"), vec!["2026-11-11"]);
        c.handovers = vec![handover("2026-11-10", "zhang")];
        assert!(kinds(c.clone(), "handover").is_empty());
        c.handovers = vec![handover("2026-11-20", "wang"), handover("2026-01-01", "zhang")];
        assert_eq!(kinds(c, "handover"), vec!["2026-11-20"]);
    }
}
