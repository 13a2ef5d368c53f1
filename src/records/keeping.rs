//! Reading SPEC 12.1's `[[promise]]` and `[plan]`, and the rule they share with other
//! entries: a date that must not come before another.

use chrono::NaiveDate;
use toml::Spanned;

use super::entries::warn_if_future;
use super::model::{Plan, Promise};
use super::reader::{Ctx, Table};
use crate::diagnostics::Code;

/// Reports `later` (a key and its date) when it is before `earlier`, pointing at both:
/// "`due` (2026-11-01) is before `made` (2026-11-12)".
pub fn not_before(
    cx: &mut Ctx<'_>,
    (key, later): (&str, &Spanned<NaiveDate>),
    (earlier_key, earlier): (&str, &Spanned<NaiveDate>),
    label: &str,
) {
    if later.get_ref() < earlier.get_ref() {
        cx.report(
            Code::DateOrder,
            later.span(),
            format!("`{key}` ({}) is before `{earlier_key}` ({})", later.get_ref(), earlier.get_ref()),
        )
        .with_label_here(earlier.span(), label);
    }
}

/// Reads one `[[promise]]`: `made`, `due` and `what` required, `due` and `kept` not before
/// `made`; a promise made after today is a warning like every entry dated after today.
pub fn promise(cx: &mut Ctx<'_>, t: Table<'_, '_>, today: NaiveDate) -> Option<Promise> {
    let made = t.required_date(cx, "made");
    warn_if_future(cx, made.as_ref(), "promise", today);
    let due = t.required_date(cx, "due");
    let what = t.required_string(cx, "what");
    let by = t.string(cx, "by");
    let kept = t.date(cx, "kept");
    t.finish(cx);
    if let Some(m) = &made {
        for (key, later) in [("due", &due), ("kept", &kept)] {
            if let Some(later) = later {
                not_before(cx, (key, later), ("made", m), "made here");
            }
        }
    }
    Some(Promise {
        made: made?.into_inner(),
        due: due?.into_inner(),
        what: what?.into_inner(),
        by,
        kept: kept.map(Spanned::into_inner),
    })
}

/// Reads `[plan]`: `goal` and `review` are both required.
pub fn plan(cx: &mut Ctx<'_>, t: Table<'_, '_>) -> Option<Plan> {
    let goal = t.required_string(cx, "goal");
    let review = t.required_date(cx, "review");
    t.finish(cx);
    Some(Plan { goal: goal?.into_inner(), review: review?.into_inner() })
}
