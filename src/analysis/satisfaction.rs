//! Satisfaction (SPEC 10.2): the latest score a customer gave, and when.

use chrono::NaiveDate;

use crate::records::model::Customer;

/// The latest interaction up to today that has a satisfaction score: `(score, date)`.
/// Of two on the same date, the one further down in the file counts.
pub fn latest(c: &Customer, today: NaiveDate) -> Option<(u8, NaiveDate)> {
    c.interactions.iter().filter(|i| i.date <= today).filter_map(|i| Some((i.satisfaction?, i.date))).fold(
        None,
        |best, (score, date)| match best {
            Some((_, d)) if d > date => best,
            _ => Some((score, date)),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{customer, d};
    use crate::records::choices::InteractionKind;
    use crate::records::model::Interaction;

    fn scored(date: &str, satisfaction: Option<u8>) -> Interaction {
        Interaction {
            date: d(date),
            kind: InteractionKind::Call,
            by: None,
            summary: "s".into(),
            next: None,
            satisfaction,
        }
    }

    #[test]
    fn the_latest_scored_interaction_counts_and_file_order_breaks_ties() {
        let mut c = customer("a");
        assert_eq!(latest(&c, d("2026-11-25")), None);
        c.interactions = vec![
            scored("2026-10-01", Some(4)),
            scored("2026-11-01", Some(2)),
            scored("2026-11-01", Some(3)),
            scored("2026-11-10", None),
            scored("2026-11-30", Some(1)),
        ];
        assert_eq!(latest(&c, d("2026-11-25")), Some((3, d("2026-11-01"))));
    }
}
