//! Rule tests of the team's figures.

use super::*;
use crate::analysis::analyse;
use crate::analysis::testing::{credit_order, customer, d, m, order};
use crate::records::choices::{ComplaintCategory, Severity};
use crate::records::model::{Complaint, Customer};
use crate::records::settings::Settings;

const TODAY: &str = "2026-11-25";

fn team_of(customers: Vec<Customer>) -> Team {
    analyse(&Records::new(Vec::new(), customers), &Settings::default(), d(TODAY)).team
}

/// A customer with `now` of revenue in the window and `before` in the previous one.
fn selling(id: &str, now: &str, before: &str) -> Customer {
    let mut c = customer(id);
    c.orders = vec![order("2026-06-01", now, None), order("2025-06-01", before, None)];
    c
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn the_trend_is_exact_and_an_exact_half_rounds_away_from_zero() {
    assert_eq!(team_of(vec![selling("a", "1000.5", "1000")]).trend, Some(dec("0.001")), "+0.0005");
    assert_eq!(team_of(vec![selling("a", "999.5", "1000")]).trend, Some(dec("-0.001")), "−0.0005");
    assert_eq!(team_of(vec![selling("a", "1000.4", "1000")]).trend, Some(dec("0")), "+0.0004");
    assert_eq!(team_of(vec![selling("a", "1", "3")]).trend, Some(dec("-0.667")), "−2/3 is not a terminating decimal");
}

#[test]
fn the_trend_is_over_the_team_not_a_mean_of_the_customers_trends() {
    let t = team_of(vec![selling("a", "300", "100"), selling("b", "0", "100")]);
    assert_eq!((t.revenue, t.revenue_prev, t.trend), (m("300"), m("200"), Some(dec("0.5"))));
}

#[test]
fn no_previous_revenue_means_no_trend() {
    let t = team_of(vec![selling("a", "10", "0")]);
    assert_eq!((t.revenue_prev, t.trend), (Money::ZERO, None));
}

#[test]
fn archived_customers_count_for_nothing() {
    let mut gone = selling("b", "1000", "1000");
    gone.archived = true;
    gone.orders.push(credit_order("2026-10-01", "50", "2026-11-01", None));
    gone.complaints = vec![Complaint {
        opened: d("2026-11-01"),
        summary: "x".into(),
        severity: Severity::High,
        resolved: None,
        resolution: None,
        category: ComplaintCategory::Other,
        by: None,
        responded: None,
    }];
    let t = team_of(vec![selling("a", "10", "20"), gone]);
    assert_eq!(t.customers, 1);
    assert_eq!((t.revenue, t.revenue_prev, t.receivables, t.open_complaints), (m("10"), m("20"), m("0"), 0));
    assert_eq!(t.revenue_by_month.iter().map(|r| r.revenue).sum::<Money>(), m("30"));
}

#[test]
fn receivables_and_overdue_are_the_sums_of_exposure_and_overdue_and_ageing_adds_up_to_them() {
    let mut a = customer("a");
    a.orders = vec![
        credit_order("2026-10-01", "100", "2026-11-24", None),
        credit_order("2026-10-01", "40", TODAY, None),
        credit_order("2026-10-01", "7", "2026-08-01", Some("2026-08-01")),
    ];
    let mut b = customer("b");
    b.orders = vec![credit_order("2026-01-01", "5", "2026-02-01", None)];
    let t = team_of(vec![a, b]);
    assert_eq!((t.receivables, t.overdue), (m("145"), m("105")), "due today is not overdue");
    assert_eq!(t.ageing.iter().map(|s| s.amount).sum::<Money>(), t.receivables);
    let sums: Vec<Money> = t.ageing.iter().map(|s| s.amount).collect();
    assert_eq!(sums, [m("40"), m("100"), m("0"), m("0"), m("5")]);
}

#[test]
fn revenue_by_month_covers_24_months_to_the_current_one_and_orders_up_to_today() {
    let mut c = customer("a");
    c.orders = vec![
        order("2024-11-30", "1", None),
        order("2024-12-01", "2", None),
        order("2026-11-01", "4", None),
        order(TODAY, "8", None),
        order("2026-11-26", "16", None),
    ];
    let months = team_of(vec![c]).revenue_by_month;
    assert_eq!(months.len(), MONTHS);
    assert_eq!((months[0].year, months[0].month, months[0].revenue), (2024, 12, m("2")), "November 2024 is out");
    let last = months.last().unwrap();
    assert_eq!((last.year, last.month, last.revenue), (2026, 11, m("12")), "the order after today is not counted");
    assert_eq!((months[1].year, months[1].month), (2025, 1), "across the new year");
}

#[test]
fn revenue_by_month_in_january_reaches_back_into_the_year_before_last() {
    let records = Records::new(Vec::new(), vec![customer("a")]);
    let a = analyse(&records, &Settings::default(), d("2026-01-15"));
    let months = &a.team.revenue_by_month;
    assert_eq!((months[0].year, months[0].month), (2024, 2));
    assert_eq!((months[23].year, months[23].month), (2026, 1));
}

#[test]
fn classes_and_lifecycle_count_every_customer_once() {
    let mut prospect = customer("c");
    prospect.orders.clear();
    let t = team_of(vec![selling("a", "900", "1"), selling("b", "100", "1"), prospect]);
    let classes: Vec<(Class, usize, Money)> = t.classes.iter().map(|c| (c.class, c.customers, c.revenue)).collect();
    assert_eq!(classes, [(Class::A, 1, m("900")), (Class::B, 1, m("100")), (Class::C, 1, m("0"))]);
    let stages: Vec<usize> = t.lifecycle.iter().map(|l| l.customers).collect();
    assert_eq!(stages.iter().sum::<usize>(), t.customers);
    assert_eq!(t.lifecycle[0], LifecycleCount { lifecycle: Lifecycle::Prospect, customers: 1 });
}

#[test]
fn due_this_week_counts_overdue_today_and_soon_but_not_upcoming() {
    let item = |status: Status| AgendaItem {
        date: d(TODAY),
        status,
        kind: crate::analysis::agenda::Kind::Contact,
        customer: "a".into(),
        owner: "zhang".into(),
        reason: String::new(),
        key: String::new(),
    };
    let agenda = [item(Status::Overdue), item(Status::Today), item(Status::Soon), item(Status::Upcoming)];
    assert_eq!(due_this_week(&agenda), 3);
}

#[test]
fn completeness_bands_include_both_edges() {
    let records = Records::new(Vec::new(), vec![customer("a")]);
    let a = analyse(&records, &Settings::default(), d(TODAY));
    let facts: Vec<Facts> = [0, 49, 50, 74, 75, 99, 100]
        .into_iter()
        .map(|percent| Facts { completeness: percent, ..a.customers[0].clone() })
        .collect();
    let t = team(&records, &facts, &[], &a.window);
    let bands: Vec<(u8, u8, usize)> = t.completeness_bands.iter().map(|b| (b.from, b.to, b.customers)).collect();
    assert_eq!(bands, [(0, 49, 2), (50, 74, 2), (75, 99, 2), (100, 100, 1)]);
}

#[test]
fn satisfaction_by_class_counts_the_latest_score_and_the_never_scored() {
    let records = Records::new(Vec::new(), vec![selling("a", "10", "1")]);
    let a = analyse(&records, &Settings::default(), d(TODAY));
    let scored = |score: Option<u8>| Facts {
        care: crate::analysis::Care { satisfaction: score.map(|s| (s, d(TODAY))), ..a.customers[0].care.clone() },
        ..a.customers[0].clone()
    };
    let counts = satisfaction_by_class(&[scored(Some(5)), scored(Some(1)), scored(Some(5)), scored(None)]);
    assert_eq!(counts[0], SatisfactionCount { class: Class::A, scores: [1, 0, 0, 0, 2], not_scored: 1 });
    assert_eq!(counts[1], SatisfactionCount { class: Class::B, scores: [0; 5], not_scored: 0 });
}

#[test]
fn agenda_load_puts_days_0_to_6_in_week_1_and_day_28_nowhere() {
    let item = |owner: &str, days: i64| AgendaItem {
        date: d(TODAY) + chrono::Duration::days(days),
        status: Status::Upcoming,
        kind: crate::analysis::agenda::Kind::Contact,
        customer: "a".into(),
        owner: owner.into(),
        reason: String::new(),
        key: String::new(),
    };
    let agenda = [item("li", -1), item("li", 0), item("li", 6), item("li", 7), item("li", 27), item("li", 28)];
    let owners = ["li".to_string(), "zhang".to_string()];
    let load = agenda_load(&owners, &[&agenda[..], &[item("stranger", 0)]].concat(), d(TODAY));
    assert_eq!(load[0], AgendaLoad { owner: "li".into(), overdue: 1, weeks: [2, 1, 0, 1] });
    assert_eq!(load[1], AgendaLoad { owner: "zhang".into(), overdue: 0, weeks: [0; 4] }, "members without items stay");
    assert_eq!(load.len(), 2, "an owner who is not a member is not counted");
}

#[test]
fn without_the_birthday_items_the_agenda_figures_are_counted_again() {
    use crate::records::choices::{ContactRole, Stance};
    use crate::records::model::{Birthday, Contact, Member};
    let mut c = customer("a");
    c.contacts = vec![Contact {
        name: "李娜".into(),
        title: None,
        role: ContactRole::User,
        stance: Stance::Unknown,
        phone: None,
        email: None,
        wechat: None,
        birthday: Some(Birthday::MonthDay(11, 28)),
        left: None,
    }];
    let member = Member {
        id: toml::Spanned::new(0..0, "zhang".into()),
        name: "张伟".into(),
        email: None,
        region: None,
        left: None,
        target: None,
    };
    let records = Records::new(vec![member], vec![c]);
    let mut a = analyse(&records, &Settings::default(), d(TODAY));
    let birthdays = a.agenda.iter().filter(|i| i.kind == crate::analysis::agenda::Kind::Birthday).count();
    assert_eq!(birthdays, 1);
    let (due, week_1) = (a.team.due_this_week, a.team.agenda_load[0].weeks[0]);
    a.drop_birthdays();
    assert_eq!((a.team.due_this_week, a.team.agenda_load[0].weeks[0]), (due - 1, week_1 - 1));
}

#[test]
fn the_team_rates_are_exact_shares_rounded_once_halves_up() {
    // 16 customers ordered in the previous window; 5 of them again in this one: 5/16 = 0.3125.
    let customers: Vec<Customer> = (0..16)
        .map(|i| {
            let mut c = customer(&format!("c{i:02}"));
            c.orders = vec![order("2025-06-01", "1", None)];
            if i < 5 {
                c.orders.push(order("2026-06-01", "1", None));
            }
            c
        })
        .collect();
    let t = team_of(customers);
    assert_eq!((t.retention.of, t.retention.hits, t.retention.rate), (16, 5, Some(dec("0.313"))));
    assert_eq!(t.complaints_on_time.rate, None, "no complaint resolved: no rate");
    assert_eq!((t.promises_kept.of, t.deliveries_on_time.of), (0, 0));
}
