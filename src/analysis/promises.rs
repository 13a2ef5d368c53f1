//! Promises made to customers (SPEC 12.2, 说到做到): each promise's status, how many are not
//! kept, and the share kept of those due in the window.

use chrono::NaiveDate;
use serde::Serialize;

use super::rate::Rate;
use super::window::Window;
use crate::i18n::{Label, Text, labels};
use crate::records::model::{Customer, Promise};

/// Where a promise stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PromiseStatus {
    /// Kept on or before its due date.
    Kept,
    /// Kept, but after its due date.
    Late,
    /// Not kept, and its due date has passed.
    Overdue,
    /// Not kept, and not yet due (or due today).
    Open,
}

impl PromiseStatus {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            PromiseStatus::Kept => "kept",
            PromiseStatus::Late => "late",
            PromiseStatus::Overdue => "overdue",
            PromiseStatus::Open => "open",
        }
    }

    /// Every status, in order.
    pub const ALL: [PromiseStatus; 4] =
        [PromiseStatus::Kept, PromiseStatus::Late, PromiseStatus::Overdue, PromiseStatus::Open];

    /// Whether the promise is still to be kept (overdue or open).
    pub fn is_open(self) -> bool {
        matches!(self, PromiseStatus::Overdue | PromiseStatus::Open)
    }
}

impl Label for PromiseStatus {
    fn key(self) -> &'static str {
        self.as_str()
    }

    fn label(self) -> Text {
        match self {
            PromiseStatus::Kept => labels::PROMISE_KEPT,
            PromiseStatus::Late => labels::PROMISE_LATE,
            PromiseStatus::Overdue => labels::PROMISE_OVERDUE,
            PromiseStatus::Open => labels::PROMISE_OPEN,
        }
    }
}

/// One promise as of today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseFacts {
    /// Index of the promise in the customer's `promises`.
    pub index: usize,
    /// When it was made.
    pub made: NaiveDate,
    /// When it is due.
    pub due: NaiveDate,
    /// The member who made it: `by`, else the customer's owner.
    pub by: String,
    /// The day it was kept, when that is not after today (a later `kept` counts as not kept).
    pub kept: Option<NaiveDate>,
    /// Where it stands.
    pub status: PromiseStatus,
}

/// The status of a promise due on `due` and kept on `kept` (already left out when after
/// today): kept ≤ due is kept, kept > due late; not kept, due < today overdue, else open.
pub fn status(due: NaiveDate, kept: Option<NaiveDate>, today: NaiveDate) -> PromiseStatus {
    match kept {
        Some(k) if k <= due => PromiseStatus::Kept,
        Some(_) => PromiseStatus::Late,
        None if due < today => PromiseStatus::Overdue,
        None => PromiseStatus::Open,
    }
}

/// The promise `p` (the `index`-th of customer `c`) as of `today`.
pub fn promise(c: &Customer, index: usize, p: &Promise, today: NaiveDate) -> PromiseFacts {
    let kept = p.kept.filter(|k| *k <= today);
    PromiseFacts {
        index,
        made: p.made,
        due: p.due,
        by: p.by.as_ref().map_or_else(|| c.owner.get_ref().clone(), |b| b.get_ref().clone()),
        kept,
        status: status(p.due, kept, today),
    }
}

/// The customer's promises made up to today, in file order.
pub fn promises(c: &Customer, today: NaiveDate) -> Vec<PromiseFacts> {
    c.promises.iter().enumerate().filter(|(_, p)| p.made <= today).map(|(i, p)| promise(c, i, p, today)).collect()
}

/// How many of `promises` are not kept.
pub fn open_count(promises: &[PromiseFacts]) -> usize {
    promises.iter().filter(|p| p.status.is_open()).count()
}

/// The share of promises due in the window (`due ≤ today`) that were kept on time.
pub fn kept_rate<'a>(promises: impl IntoIterator<Item = &'a PromiseFacts>, window: &Window) -> Rate {
    Rate::count(promises.into_iter().filter(|p| window.contains(p.due)).map(|p| p.status == PromiseStatus::Kept))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{customer, d};

    const TODAY: &str = "2026-11-25";

    fn made(made: &str, due: &str, kept: Option<&str>, by: Option<&str>) -> Promise {
        Promise {
            made: d(made),
            due: d(due),
            what: "x".into(),
            by: by.map(|b| toml::Spanned::new(0..0, b.to_string())),
            kept: kept.map(d),
        }
    }

    fn status_of(due: &str, kept: Option<&str>) -> PromiseStatus {
        let mut c = customer("a");
        c.promises = vec![made("2026-11-01", due, kept, None)];
        promises(&c, d(TODAY))[0].status
    }

    #[test]
    fn kept_on_the_due_day_is_kept_and_one_day_late_is_late() {
        assert_eq!(status_of("2026-11-20", Some("2026-11-20")), PromiseStatus::Kept);
        assert_eq!(status_of("2026-11-20", Some("2026-11-19")), PromiseStatus::Kept);
        assert_eq!(status_of("2026-11-20", Some("2026-11-21")), PromiseStatus::Late);
    }

    #[test]
    fn not_kept_is_open_up_to_the_due_day_and_overdue_the_day_after() {
        assert_eq!(status_of(TODAY, None), PromiseStatus::Open, "due today");
        assert_eq!(status_of("2026-11-26", None), PromiseStatus::Open);
        assert_eq!(status_of("2026-11-24", None), PromiseStatus::Overdue, "due yesterday");
    }

    #[test]
    fn a_kept_date_after_today_counts_as_not_kept() {
        let mut c = customer("a");
        c.promises = vec![made("2026-11-01", "2026-11-20", Some("2026-11-26"), None)];
        let p = &promises(&c, d(TODAY))[0];
        assert_eq!((p.kept, p.status), (None, PromiseStatus::Overdue));
        assert_eq!(status_of("2026-11-30", Some("2026-11-26")), PromiseStatus::Open);
        assert_eq!(status_of("2026-11-30", Some(TODAY)), PromiseStatus::Kept, "kept today counts");
    }

    #[test]
    fn by_defaults_to_the_owner_and_a_promise_by_another_member_is_theirs() {
        let mut c = customer("a");
        c.promises =
            vec![made("2026-11-01", "2026-11-30", None, None), made("2026-11-01", "2026-11-30", None, Some("wang"))];
        let by: Vec<String> = promises(&c, d(TODAY)).into_iter().map(|p| p.by).collect();
        assert_eq!(by, ["zhang", "wang"]);
    }

    #[test]
    fn promises_made_after_today_are_left_out_and_the_rest_keep_file_order() {
        let mut c = customer("a");
        c.promises = vec![
            made("2026-11-26", "2026-11-30", None, None),
            made(TODAY, "2026-11-30", None, None),
            made("2026-10-01", "2026-10-05", Some("2026-10-04"), None),
        ];
        let got = promises(&c, d(TODAY));
        assert_eq!(got.iter().map(|p| p.index).collect::<Vec<_>>(), [1, 2], "made today counts");
        assert_eq!(open_count(&got), 1);
    }

    #[test]
    fn the_kept_rate_counts_promises_due_in_the_window_and_only_kept_ones_as_kept() {
        let window = Window::new(d(TODAY), 365);
        let mut c = customer("a");
        c.promises = vec![
            made("2026-11-01", "2026-11-10", Some("2026-11-10"), None),
            made("2026-11-01", "2026-11-10", Some("2026-11-11"), None),
            made("2026-11-01", "2026-11-10", None, None),
            made("2026-11-01", TODAY, None, None),
            made("2026-11-01", "2026-11-26", Some("2026-11-02"), None),
            made("2025-01-01", "2025-11-25", Some("2025-11-20"), None),
            made("2025-01-01", "2025-11-26", Some("2025-11-20"), None),
        ];
        let rate = kept_rate(&promises(&c, d(TODAY)), &window);
        assert_eq!((rate.of, rate.hits), (5, 2), "due today is in; due tomorrow and before the window are not");
        assert_eq!(rate.rate, Some("0.4".parse().unwrap()));
    }
}
