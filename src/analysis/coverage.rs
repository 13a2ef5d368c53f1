//! Coverage of the buying organisation (SPEC 10.2): do we reach the people who decide?

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::{Label, Text, labels};
use crate::records::choices::{CustomerKind, Stance};
use crate::records::model::Customer;

/// How well the decision-makers and approvers are on our side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Coverage {
    /// A decision-maker or approver is an ally or supporter.
    Strong,
    /// No decider on our side, none against us.
    Weak,
    /// A decision-maker or approver is an opponent.
    Contested,
}

impl Coverage {
    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Strong => "strong",
            Coverage::Weak => "weak",
            Coverage::Contested => "contested",
        }
    }
}

impl Label for Coverage {
    fn key(self) -> &'static str {
        self.as_str()
    }

    fn label(self) -> Text {
        match self {
            Coverage::Strong => labels::COVERAGE_STRONG,
            Coverage::Weak => labels::COVERAGE_WEAK,
            Coverage::Contested => labels::COVERAGE_CONTESTED,
        }
    }
}

/// Coverage of a company customer with at least one present contact; `None` otherwise.
pub fn coverage(c: &Customer, today: NaiveDate) -> Option<Coverage> {
    if c.kind != CustomerKind::Company {
        return None;
    }
    let present: Vec<_> = c.contacts.iter().filter(|p| !p.has_left(today)).collect();
    if present.is_empty() {
        return None;
    }
    let deciders = || present.iter().filter(|p| p.role.decides());
    Some(if deciders().any(|p| p.stance == Stance::Opponent) {
        Coverage::Contested
    } else if deciders().any(|p| matches!(p.stance, Stance::Ally | Stance::Supporter)) {
        Coverage::Strong
    } else {
        Coverage::Weak
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{customer, d};
    use crate::records::choices::ContactRole;
    use crate::records::model::Contact;

    fn person(role: ContactRole, stance: Stance, left: Option<&str>) -> Contact {
        Contact {
            name: "x".into(),
            title: None,
            role,
            stance,
            phone: None,
            email: None,
            wechat: None,
            birthday: None,
            left: left.map(d),
        }
    }

    #[test]
    fn opponents_contest_supporters_strengthen_others_are_weak() {
        let today = d("2026-11-25");
        let mut c = customer("a");
        assert_eq!(coverage(&c, today), None);
        c.contacts = vec![person(ContactRole::User, Stance::Ally, None)];
        assert_eq!(coverage(&c, today), Some(Coverage::Weak));
        c.contacts.push(person(ContactRole::Approver, Stance::Supporter, None));
        assert_eq!(coverage(&c, today), Some(Coverage::Strong));
        c.contacts.push(person(ContactRole::DecisionMaker, Stance::Opponent, None));
        assert_eq!(coverage(&c, today), Some(Coverage::Contested));
    }

    #[test]
    fn contacts_who_left_count_for_nothing_and_persons_have_no_coverage() {
        let today = d("2026-11-25");
        let mut c = customer("a");
        c.contacts = vec![person(ContactRole::DecisionMaker, Stance::Opponent, Some("2026-11-25"))];
        assert_eq!(coverage(&c, today), None);
        c.contacts.push(person(ContactRole::User, Stance::Neutral, Some("2026-11-26")));
        assert_eq!(coverage(&c, today), Some(Coverage::Weak));
        c.kind = CustomerKind::Person;
        assert_eq!(coverage(&c, today), None);
    }
}
