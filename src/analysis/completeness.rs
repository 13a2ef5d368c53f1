//! Data-card completeness (SPEC 6): the share of eight items that are present.

use chrono::NaiveDate;

use crate::records::model::Customer;

/// The eight items, in the order SPEC lists them (for explanations).
pub const ITEMS: [&str; 8] = ["reach", "address", "region", "since", "contact", "decider", "interaction", "tags"];

/// Which of the eight items a customer has. Contacts who have left count for nothing.
pub fn items(c: &Customer, today: NaiveDate) -> [bool; 8] {
    let present = || c.contacts.iter().filter(move |p| !p.has_left(today));
    [
        c.phone.is_some() || c.email.is_some() || c.wechat.is_some() || present().any(|p| p.reachable()),
        c.address.is_some(),
        c.region.is_some(),
        c.since.is_some(),
        present().next().is_some(),
        present().any(|p| p.role.decides()),
        c.interactions.iter().any(|i| i.date <= today),
        !c.tags.is_empty(),
    ]
}

/// The percentage of items present, rounded to a whole number, halves up.
pub fn percent(items: &[bool; 8]) -> u8 {
    let n = items.iter().filter(|b| **b).count() as u32;
    // n/8·100 = 12.5·n; halves up: (25·n + 1) / 2 in integers.
    (25 * n).div_ceil(2) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{customer, d};
    use crate::records::choices::{ContactRole, Stance};
    use crate::records::model::Contact;

    #[test]
    fn eighths_round_halves_up() {
        let got: Vec<u8> = (0..=8).map(|n| percent(&std::array::from_fn(|i| i < n))).collect();
        assert_eq!(got, vec![0, 13, 25, 38, 50, 63, 75, 88, 100]);
    }

    #[test]
    fn an_empty_customer_has_nothing_and_a_contact_who_left_counts_for_nothing() {
        let mut c = customer("a");
        assert_eq!(items(&c, d("2026-11-25")), [false; 8]);
        c.contacts.push(Contact {
            name: "x".into(),
            title: None,
            role: ContactRole::DecisionMaker,
            stance: Stance::Ally,
            phone: Some("1".into()),
            email: None,
            wechat: None,
            birthday: None,
            left: Some(d("2026-11-25")),
        });
        assert_eq!(items(&c, d("2026-11-25")), [false; 8]);
        assert_eq!(items(&c, d("2026-11-24")), [true, false, false, false, true, true, false, false]);
    }
}
