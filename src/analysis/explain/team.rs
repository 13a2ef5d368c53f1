//! The "why" of SPEC 12.2's team and owner figures: retention, the on-time shares, promises
//! kept, target attainment and win rate.

use super::{Why, Words};
use crate::analysis::Analysis;
use crate::analysis::owners::OwnerSummary;
use crate::analysis::rate::Rate;
use crate::analysis::window::Window;
use crate::format::date;
use crate::i18n::{Language, explain as words};
use crate::records::settings::Settings;

/// "3 / 4 = 0.75", or that there was nothing to count.
fn ratio(lang: Language, r: &Rate) -> String {
    match r.rate {
        Some(rate) => words::ratio(lang, r.hits, r.of, rate.normalize()),
        None => words::NO_RATE.get(lang).to_string(),
    }
}

/// The window's first and last day, and the previous window's.
fn windows(analysis: &Analysis) -> [String; 4] {
    let w = &analysis.window;
    [
        date(Window::add_days(w.today, 1 - w.days)),
        date(w.today),
        date(Window::add_days(w.today, 1 - 2 * w.days)),
        date(Window::add_days(w.today, -w.days)),
    ]
}

/// Explains the figures SPEC 12.2 adds to the team object.
pub fn team(analysis: &Analysis, settings: &Settings) -> Why {
    let lang = settings.language;
    let t = &analysis.team;
    let [start, end, prev_start, prev_end] = windows(analysis);
    let mut why = Why::new();
    let r = &t.retention;
    why.insert("retention", words::retention(lang, r.of, r.hits, prev_start, prev_end, &start, &end, ratio(lang, r)));
    let r = &t.complaints_on_time;
    why.insert("complaints_on_time", words::complaints_on_time(lang, r.of, r.hits, &start, &end, ratio(lang, r)));
    let r = &t.promises_kept;
    why.insert("promises_kept", words::promises_kept(lang, r.of, r.hits, &start, &end, ratio(lang, r)));
    let r = &t.deliveries_on_time;
    why.insert("deliveries_on_time", words::deliveries_on_time(lang, r.of, r.hits, &start, &end, ratio(lang, r)));
    why
}

/// Explains the figures SPEC 12.2 adds to one owner's summary, and `overdue`.
pub fn owner(o: &OwnerSummary, analysis: &Analysis, settings: &Settings) -> Why {
    let w = Words { lang: settings.language, settings };
    let lang = w.lang;
    let [start, end, ..] = windows(analysis);
    let mut why = Why::new();
    why.insert("revenue", words::owner_revenue(lang, o.customers, &start, &end));
    why.insert(
        "attainment",
        match (o.target, o.attainment) {
            (Some(target), Some(a)) => words::attainment(lang, w.money(o.revenue), w.money(target), a.normalize()),
            (Some(_), None) => words::attainment_zero_target(lang),
            (None, _) => words::attainment_none(lang),
        },
    );
    let r = &o.promises_kept;
    why.insert("promises_kept", words::promises_kept(lang, r.of, r.hits, &start, &end, ratio(lang, r)));
    why.insert(
        "win_rate",
        match o.win_rate {
            Some(rate) => words::win_rate(lang, o.won, o.lost, &start, &end, rate.normalize()),
            None => words::win_rate_none(lang, &start, &end),
        },
    );
    why.insert("overdue", words::owner_overdue(lang, o.overdue));
    why
}
