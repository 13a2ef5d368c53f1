//! The reference date and the analysis window (SPEC 5).

use chrono::{Duration, NaiveDate};

/// Today and the window `today - days < d <= today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The reference date.
    pub today: NaiveDate,
    /// The window's length in days.
    pub days: i64,
}

impl Window {
    /// The window ending today.
    pub fn new(today: NaiveDate, days: i64) -> Self {
        Window { today, days }
    }

    /// Whether `d` lies in the window.
    pub fn contains(&self, d: NaiveDate) -> bool {
        let age = (self.today - d).num_days();
        age >= 0 && age < self.days
    }

    /// Whether `d` lies in the previous window: `today - 2·days < d <= today - days`.
    pub fn contains_previous(&self, d: NaiveDate) -> bool {
        let age = (self.today - d).num_days();
        age >= self.days && age < 2 * self.days
    }

    /// Whether `d` is not after today (later entries are ignored).
    pub fn known(&self, d: NaiveDate) -> bool {
        d <= self.today
    }

    /// Days from `d` to today (negative when `d` is later).
    pub fn days_since(&self, d: NaiveDate) -> i64 {
        (self.today - d).num_days()
    }

    /// `d` plus `days` days, saturating at the calendar's ends.
    pub fn add_days(d: NaiveDate, days: i64) -> NaiveDate {
        d.checked_add_signed(Duration::days(days)).unwrap_or(if days < 0 { NaiveDate::MIN } else { NaiveDate::MAX })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn window_excludes_its_first_day_and_includes_today() {
        let w = Window::new(d("2026-11-25"), 365);
        assert!(w.contains(d("2026-11-25")));
        assert!(w.contains(d("2025-11-26")));
        assert!(!w.contains(d("2025-11-25")));
        assert!(!w.contains(d("2026-11-26")));
    }

    #[test]
    fn previous_window_is_the_year_before() {
        let w = Window::new(d("2026-11-25"), 365);
        assert!(w.contains_previous(d("2025-11-25")));
        assert!(w.contains_previous(d("2024-11-26")));
        assert!(!w.contains_previous(d("2024-11-25")));
        assert!(!w.contains_previous(d("2025-11-26")));
    }
}
