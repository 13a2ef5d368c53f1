//! Rule tests of complaints: targets, figures and the on-time share.

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
    let records = Records::new(Vec::new(), customers);
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

/// A medium complaint opened `opened`, resolved and answered as given.
fn answered(opened: &str, responded: Option<&str>, resolved: Option<&str>) -> Complaint {
    Complaint { responded: responded.map(d), ..complaint(ComplaintCategory::Other, opened, resolved) }
}

fn targets_at(k: &Complaint, today: &str) -> ComplaintTargets {
    targets(0, k, &Settings::default().complaints, d(today))
}

#[test]
fn the_targets_are_opened_plus_the_days_of_the_severity() {
    let cfg = Settings::default().complaints;
    for (severity, respond, resolve) in [
        (Severity::High, "2026-11-02", "2026-11-08"),
        (Severity::Medium, "2026-11-03", "2026-11-15"),
        (Severity::Low, "2026-11-04", "2026-12-01"),
    ] {
        let k = Complaint { severity, ..answered("2026-11-01", None, None) };
        let t = targets(0, &k, &cfg, d(TODAY));
        assert_eq!((t.respond_by, t.resolve_by), (d(respond), d(resolve)), "{severity:?}");
    }
}

#[test]
fn resolved_on_resolve_by_is_on_time_and_the_day_after_is_not() {
    // Medium: resolve_by = 2026-11-01 + 14 = 2026-11-15.
    assert_eq!(targets_at(&answered("2026-11-01", None, Some("2026-11-15")), TODAY).on_time, Some(true));
    assert_eq!(targets_at(&answered("2026-11-01", None, Some("2026-11-16")), TODAY).on_time, Some(false));
}

#[test]
fn unresolved_on_resolve_by_is_not_yet_late_and_the_day_after_it_is() {
    let k = answered("2026-11-11", None, None);
    assert_eq!(targets_at(&k, TODAY).resolve_by, d(TODAY));
    assert_eq!(targets_at(&k, TODAY).on_time, None, "today = resolve_by: still in time");
    assert_eq!(targets_at(&k, "2026-11-26").on_time, Some(false), "today > resolve_by");
    assert_eq!(targets_at(&k, "2026-11-24").on_time, None);
}

#[test]
fn the_first_answer_is_responded_else_the_resolution_and_today_on_respond_by_is_still_in_time() {
    // Medium: respond_by = 2026-11-20 + 2 = 2026-11-22.
    let at = |responded: Option<&str>, resolved: Option<&str>, today: &str| {
        let t = targets_at(&answered("2026-11-20", responded, resolved), today);
        (t.response_days, t.responded_on_time)
    };
    assert_eq!(at(Some("2026-11-22"), None, TODAY), (Some(2), Some(true)), "answered on respond_by");
    assert_eq!(at(Some("2026-11-23"), None, TODAY), (Some(3), Some(false)), "a day late");
    assert_eq!(at(None, Some("2026-11-21"), TODAY), (None, Some(true)), "a resolution answers the customer");
    assert_eq!(at(None, Some("2026-11-23"), TODAY), (None, Some(false)));
    assert_eq!(at(Some("2026-11-20"), Some("2026-11-24"), TODAY), (Some(0), Some(true)), "answered the same day");
    assert_eq!(at(None, None, "2026-11-22"), (None, None), "today = respond_by: still in time");
    assert_eq!(at(None, None, "2026-11-23"), (None, Some(false)));
}

#[test]
fn answers_and_resolutions_after_today_are_not_there_yet() {
    let t = targets_at(&answered("2026-11-01", Some("2026-11-26"), Some("2026-11-27")), TODAY);
    assert_eq!((t.responded, t.resolved, t.response_days), (None, None, None));
    assert_eq!((t.responded_on_time, t.on_time), (Some(false), Some(false)), "both targets have passed");
}

#[test]
fn targets_follow_the_settings_a_table_naming_one_severity_leaving_the_others() {
    let mut cfg = Settings::default().complaints;
    cfg.resolve_days.high = 2;
    let high = Complaint { severity: Severity::High, ..answered("2026-11-01", None, None) };
    let medium = answered("2026-11-01", None, None);
    assert_eq!(targets(0, &high, &cfg, d(TODAY)).resolve_by, d("2026-11-03"));
    assert_eq!(targets(0, &medium, &cfg, d(TODAY)).resolve_by, d("2026-11-15"), "the default for medium");
}

#[test]
fn only_complaints_opened_up_to_today_have_targets_and_they_keep_file_order() {
    let cfg = Settings::default().complaints;
    let list = [answered("2026-11-26", None, None), answered(TODAY, None, None), answered("2026-11-01", None, None)];
    let got: Vec<usize> = all_targets(&list, &cfg, d(TODAY)).into_iter().map(|t| t.index).collect();
    assert_eq!(got, [1, 2]);
}

#[test]
fn the_on_time_share_counts_complaints_resolved_in_the_window() {
    let window = Window::new(d(TODAY), 365);
    let cfg = Settings::default().complaints;
    let list = [
        answered("2026-11-01", None, Some("2026-11-15")),
        answered("2026-11-01", None, Some("2026-11-16")),
        answered("2026-11-01", None, None),
        answered("2025-11-20", None, Some("2025-11-25")),
        answered("2025-11-20", None, Some("2025-11-26")),
    ];
    let rate = on_time_rate(&all_targets(&list, &cfg, d(TODAY)), &window);
    assert_eq!((rate.of, rate.hits), (3, 2), "the one resolved on the window's first day counts, the one before not");
}
