//! The range of dates cardfile works with: 1800-01-01 to 9999-12-31, for records and for
//! every date given on the command line. Outside it, date arithmetic and rendering are not
//! meaningful (and a TOML date has four digits of year at most).

use chrono::NaiveDate;

/// The first date cardfile accepts.
pub const FIRST: NaiveDate = match NaiveDate::from_ymd_opt(1800, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The last date cardfile accepts.
pub const LAST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// The range in words, for messages: "from 1800-01-01 to 9999-12-31".
pub const RANGE: &str = "from 1800-01-01 to 9999-12-31";

/// Whether `date` is within [`FIRST`]..=[`LAST`].
pub fn in_range(date: NaiveDate) -> bool {
    (FIRST..=LAST).contains(&date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_is_inclusive_at_both_ends() {
        assert!(in_range(FIRST) && in_range(LAST));
        assert!(!in_range(FIRST.pred_opt().expect("a day before")));
        assert!(!in_range(LAST.succ_opt().expect("a day after")));
        assert_eq!(RANGE, format!("from {FIRST} to {LAST}"));
    }
}
