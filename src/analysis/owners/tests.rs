//! Rule tests of the owners' SPEC 12.2 figures.

use super::*;
use crate::analysis::analyse;
use crate::analysis::testing::{customer, d, m, order};
use crate::records::choices::Stage;
use crate::records::model::{Customer, Member, Opportunity, Promise};
use crate::records::settings::Settings;

const TODAY: &str = "2026-11-25";

fn member(id: &str, target: Option<&str>) -> Member {
    Member {
        id: toml::Spanned::new(0..0, id.to_string()),
        name: id.to_string(),
        email: None,
        region: None,
        left: None,
        target: target.map(m),
    }
}

fn owned(id: &str, owner: &str, revenue: &str) -> Customer {
    let mut c = customer(id);
    c.owner = toml::Spanned::new(0..0, owner.to_string());
    c.orders = vec![order("2026-06-01", revenue, None)];
    c
}

fn summaries_of(members: Vec<Member>, customers: Vec<Customer>) -> Vec<OwnerSummary> {
    analyse(&Records::new(members, customers), &Settings::default(), d(TODAY)).owners
}

#[test]
fn attainment_is_revenue_over_target_rounded_halves_up_and_null_without_a_target() {
    let owners = summaries_of(
        vec![member("wang", Some("1600")), member("zhang", None), member("li", Some("0"))],
        vec![owned("a", "wang", "200"), owned("b", "wang", "100"), owned("c", "zhang", "5"), owned("d", "li", "5")],
    );
    let by: Vec<(&str, Money, Option<Decimal>)> =
        owners.iter().map(|o| (o.id.as_str(), o.revenue, o.attainment)).collect();
    assert_eq!(
        by,
        [("li", m("5"), None), ("wang", m("300"), Some(m("0.188"))), ("zhang", m("5"), None)],
        "300 / 1600 = 0.1875 rounds up; a target of 0 has no attainment"
    );
    assert_eq!(owners[1].target, Some(m("1600")));
}

fn promise(due: &str, kept: Option<&str>, by: Option<&str>) -> Promise {
    Promise {
        made: d("2026-01-01"),
        due: d(due),
        what: "x".into(),
        by: by.map(|b| toml::Spanned::new(0..0, b.to_string())),
        kept: kept.map(d),
    }
}

#[test]
fn promises_kept_count_for_who_made_them_over_those_due_in_the_window() {
    let mut c = owned("a", "zhang", "1");
    c.promises = vec![
        promise("2026-11-01", Some("2026-11-01"), None),
        promise("2026-11-01", Some("2026-11-02"), None),
        promise("2026-11-20", None, Some("wang")),
        promise("2026-11-24", Some("2026-11-24"), Some("wang")),
        promise("2026-11-26", Some("2026-11-02"), None),
    ];
    let owners = summaries_of(vec![member("zhang", None), member("wang", None)], vec![c]);
    let kept: Vec<(&str, Rate)> = owners.iter().map(|o| (o.id.as_str(), o.promises_kept)).collect();
    assert_eq!(
        kept,
        [("wang", Rate::new(1, 2)), ("zhang", Rate::new(1, 2))],
        "a promise by another member is theirs; one due tomorrow is not counted; a late one is not kept"
    );
    assert_eq!(owners[0].overdue, 1, "wang's overdue promise is on wang's agenda");
}

fn closed(stage: Stage, on: &str) -> Opportunity {
    Opportunity {
        opened: d("2025-01-01"),
        title: "x".into(),
        amount: None,
        stage,
        expected: None,
        closed: Some(d(on)),
        reason: None,
        competitor: None,
        objections: Vec::new(),
    }
}

#[test]
fn the_win_rate_counts_opportunities_closed_in_the_window_and_is_null_when_none_was() {
    let mut a = owned("a", "zhang", "1");
    a.opportunities = vec![
        closed(Stage::Won, "2025-11-26"),
        closed(Stage::Lost, "2025-11-25"),
        closed(Stage::Lost, TODAY),
        closed(Stage::Won, "2026-06-01"),
        Opportunity { stage: Stage::Negotiating, closed: None, ..closed(Stage::Lead, TODAY) },
    ];
    let mut b = owned("b", "zhang", "1");
    b.opportunities = vec![closed(Stage::Won, "2026-06-01"), closed(Stage::Won, "2026-06-01")];
    let owners = summaries_of(vec![member("zhang", None), member("wang", None)], vec![a, b, owned("c", "wang", "1")]);
    let zhang = &owners[1];
    assert_eq!(
        (zhang.won, zhang.lost, zhang.win_rate),
        (4, 1, Some(m("0.8"))),
        "the window's first day counts, the day before not"
    );
    assert_eq!(owners[0].win_rate, None);
}

#[test]
fn an_owner_sums_their_customers_revenue_and_unpaid_amounts_and_counts_their_overdue_items() {
    use crate::analysis::testing::credit_order;
    let mut a = customer("a");
    a.orders = vec![
        order("2026-06-01", "100", None),
        credit_order("2026-10-01", "30", "2026-11-01", None),
        credit_order("2026-10-02", "20", "2026-12-01", None),
    ];
    let mut b = customer("b");
    b.orders = vec![credit_order("2026-09-01", "5", "2026-10-01", Some("2026-10-01"))];
    let mut other = customer("c");
    other.owner = toml::Spanned::new(0..0, "li".to_string());
    other.orders = vec![credit_order("2026-10-01", "7", "2026-11-01", None)];
    let records = Records::new(vec![member("zhang", None), member("li", None)], vec![a, b, other]);
    let analysis = analyse(&records, &Settings::default(), d(TODAY));
    let got: Vec<(&str, Money, Money, Money)> =
        analysis.owners.iter().map(|o| (o.id.as_str(), o.revenue, o.receivables, o.receivables_overdue)).collect();
    assert_eq!(got, [("li", m("7"), m("7"), m("7")), ("zhang", m("155"), m("50"), m("30"))]);
    for o in &analysis.owners {
        let overdue = analysis.agenda.iter().filter(|i| i.owner == o.id && i.status == Status::Overdue).count();
        assert_eq!(o.overdue, overdue, "{}", o.id);
    }
    assert!(analysis.owners.iter().all(|o| o.overdue > 0), "the unpaid overdue orders are overdue items");
}
