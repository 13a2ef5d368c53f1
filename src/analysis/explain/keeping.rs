//! The "why" of SPEC 12.2's per-customer values: promises, complaint targets, deliveries.

use super::{Why, Words};
use crate::analysis::Facts;
use crate::analysis::complaints::ComplaintTargets;
use crate::analysis::deliveries::Delivery;
use crate::analysis::promises::{PromiseFacts, PromiseStatus};
use crate::format::date;
use crate::i18n::{Label, explain as words};
use crate::records::model::Customer;

/// Adds `promises_open`, `promises`, `complaints` and `deliveries` to `why`.
pub(super) fn explain(w: &Words<'_>, c: &Customer, f: &Facts, why: &mut Why) {
    let (lang, k) = (w.lang, &f.keeping);
    why.insert("promises_open", words::promises_open(lang, k.promises_open, k.promises.len()));
    let list = |items: Vec<String>, none: String| {
        if items.is_empty() { none } else { items.join(words::ENTRY_SEPARATOR.get(lang)) }
    };
    why.insert("promises", list(k.promises.iter().map(|p| promise(w, p)).collect(), words::promises_none(lang)));
    why.insert(
        "complaints",
        list(k.complaints.iter().map(|t| complaint(w, c, t)).collect(), words::complaints_none(lang)),
    );
    why.insert("deliveries", list(k.deliveries.iter().map(|x| delivery(w, x)).collect(), words::deliveries_none(lang)));
}

fn promise(w: &Words<'_>, p: &PromiseFacts) -> String {
    let (lang, made, due) = (w.lang, date(p.made), date(p.due));
    let kept = p.kept.map(date).unwrap_or_default();
    match p.status {
        PromiseStatus::Kept => words::promise_kept(lang, made, kept, due),
        PromiseStatus::Late => words::promise_late(lang, made, kept, due),
        PromiseStatus::Overdue => words::promise_overdue(lang, made, due),
        PromiseStatus::Open => words::promise_open(lang, made, due),
    }
}

fn complaint(w: &Words<'_>, c: &Customer, t: &ComplaintTargets) -> String {
    let lang = w.lang;
    let k = &c.complaints[t.index];
    let answered = match (t.responded_on_time, t.responded.or(t.resolved)) {
        (Some(true), _) => words::ANSWERED_ON_TIME,
        (Some(false), Some(_)) => words::ANSWERED_LATE,
        (Some(false), None) => words::UNANSWERED_LATE,
        (None, _) => words::UNANSWERED_IN_TIME,
    };
    let resolved = match (t.on_time, t.resolved) {
        (Some(true), _) => words::RESOLVED_ON_TIME,
        (Some(false), Some(_)) => words::RESOLVED_LATE,
        (Some(false), None) => words::UNRESOLVED_LATE,
        (None, _) => words::UNRESOLVED_IN_TIME,
    };
    words::complaint_targets(
        lang,
        date(k.opened),
        k.severity.label().get(lang),
        date(t.respond_by),
        (t.respond_by - k.opened).num_days(),
        answered.get(lang),
        date(t.resolve_by),
        (t.resolve_by - k.opened).num_days(),
        resolved.get(lang),
    )
}

fn delivery(w: &Words<'_>, x: &Delivery) -> String {
    let order = x.reference.clone().unwrap_or_else(|| date(x.date));
    match x.delivered {
        Some(d) => words::delivered(w.lang, order, date(d), date(x.promised), x.late_days),
        None => words::undelivered(w.lang, order, date(x.promised), x.late_days),
    }
}
