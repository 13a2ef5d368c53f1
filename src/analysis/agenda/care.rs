//! The follow-ups of customer care beyond the ledger (SPEC 10.3).

use chrono::NaiveDate;

use crate::format::date;

use super::Kind;
use crate::analysis::Facts;
use crate::analysis::abc::Class;
use crate::analysis::lifecycle::Lifecycle;
use crate::analysis::reasons::Reasons;
use crate::analysis::window::Window;
use crate::records::choices::Relationship;
use crate::records::model::{Customer, Handover, Records};
use crate::records::settings::Settings;

/// Whether `date` lies within the last `days` days: 0 ≤ today − date ≤ days.
fn within_last(window: &Window, date: NaiveDate, days: i64) -> bool {
    (0..=days).contains(&window.days_since(date))
}

/// Adds the winback, recovery, survey, checkback, aftersale, opportunity and handover items
/// of one customer.
pub fn follow_ups(
    records: &Records,
    c: &Customer,
    f: &Facts,
    settings: &Settings,
    window: &Window,
    reasons: &Reasons<'_>,
    add: &mut impl FnMut(NaiveDate, Kind, String, String),
) {
    let r = &settings.reminders;
    let known = || c.interactions.iter().filter(|i| window.known(i.date));
    if let (Lifecycle::Dormant, None, Some(last)) = (f.lifecycle, &c.loss, f.ledger.last_order) {
        let days = settings.lifecycle.dormant_days;
        add(Window::add_days(last, days), Kind::Winback, reasons.winback(last, window.days_since(last)), date(last));
    }
    if let Some((score, date)) = f.care.satisfaction
        && score <= 2
        && !known().any(|i| i.date > date)
    {
        add(Window::add_days(date, 1), Kind::Recovery, reasons.recovery(score, date), String::new());
    }
    if f.class() == Class::A {
        match f.care.satisfaction {
            None => add(window.today, Kind::Survey, reasons.survey(None), String::new()),
            Some((_, date)) if window.days_since(date) > r.survey_days => {
                add(Window::add_days(date, r.survey_days), Kind::Survey, reasons.survey(Some(date)), String::new());
            }
            Some(_) => {}
        }
    }
    for (i, k) in c.complaints.iter().enumerate() {
        let Some(resolved) = k.resolved.filter(|d| within_last(window, *d, 30)) else { continue };
        if k.opened <= window.today && !known().any(|i| i.date > resolved) {
            let key = format!("{}#{i}", k.opened);
            add(Window::add_days(resolved, r.checkback_days), Kind::Checkback, reasons.checkback(k, resolved), key);
        }
    }
    if matches!(c.relationship, Relationship::Accountable | Relationship::Proactive | Relationship::Partner) {
        for (i, o) in c.orders.iter().enumerate().filter(|(_, o)| within_last(window, o.date, 30)) {
            if !known().any(|i| i.date >= o.date) {
                let key = o.reference.as_ref().map_or_else(|| format!("{}#{i}", o.date), |r| r.to_string());
                add(Window::add_days(o.date, r.aftersale_days), Kind::Aftersale, reasons.aftersale(o), key);
            }
        }
    }
    for (i, o) in c.opportunities.iter().enumerate().filter(|(_, o)| window.known(o.opened) && !o.stage.is_closed()) {
        if let Some(expected) = o.expected {
            add(expected, Kind::Opportunity, reasons.opportunity(o), format!("{}#{i}", o.title));
        }
    }
    let latest =
        c.handovers.iter().filter(|h| window.known(h.date)).fold(None, |best: Option<&Handover>, h| match best {
            Some(b) if b.date > h.date => Some(b),
            _ => Some(h),
        });
    if let Some(h) = latest.filter(|h| within_last(window, h.date, r.handover_days)) {
        let from = records.member(h.from.get_ref()).map_or_else(|| h.from.get_ref().clone(), |m| m.name.clone());
        add(h.date, Kind::Handover, reasons.handover(&from, h.date), format!("{}", h.date));
    }
}
