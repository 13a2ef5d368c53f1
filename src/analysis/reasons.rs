//! Why each follow-up is on the agenda, in words: the catalogue's reasons
//! ([`crate::i18n::reasons`]) filled from the records.

use chrono::{Datelike, NaiveDate};

use super::abc::Class;
use crate::format::{date, money, month_day};
use crate::i18n::{Language, Text, reasons};
use crate::records::choices::{InteractionKind, Severity};
use crate::records::model::{Birthday, Complaint, Contract, Interaction, Opportunity, Order, Promise};
use crate::records::settings::Holiday;

/// Builds reasons in one language and currency.
pub struct Reasons<'a> {
    lang: Language,
    currency: &'a str,
}

impl<'a> Reasons<'a> {
    /// Reasons in `lang`, money in `currency`.
    pub fn new(lang: Language, currency: &'a str) -> Self {
        Reasons { lang, currency }
    }

    /// The follow-up date agreed at the latest interaction.
    pub fn contact_next(&self, i: &Interaction) -> String {
        reasons::contact_next(self.lang, contact_word(i.kind).get(self.lang), date(i.date))
    }

    /// Last contact plus the cadence; `class` is `None` for a customer's own cadence,
    /// `Some(None)` for a prospect, `Some(Some(c))` for class `c`.
    pub fn contact_cadence(&self, last: NaiveDate, days: i64, class: Option<Option<Class>>) -> String {
        let d = date(last);
        match class {
            None => reasons::contact_own_cadence(self.lang, d, days),
            Some(None) => reasons::contact_prospect_cadence(self.lang, d, days),
            Some(Some(c)) => reasons::contact_class_cadence(self.lang, d, c.as_str(), days),
        }
    }

    /// A customer with no interaction at all.
    pub fn never_contacted(&self, since: Option<NaiveDate>) -> String {
        match since {
            Some(s) => reasons::never_contacted_since(self.lang, date(s)),
            None => reasons::never_contacted(self.lang),
        }
    }

    /// A birthday greeting.
    pub fn birthday(&self, name: &str, birthday: Birthday, next: NaiveDate) -> String {
        let md = month_day(self.lang, next.month(), next.day());
        match birthday {
            Birthday::Date(b) => reasons::birthday_turning(self.lang, name, md, next.year() - b.year()),
            Birthday::MonthDay(..) => reasons::birthday(self.lang, name, md),
        }
    }

    /// An open complaint.
    pub fn complaint(&self, k: &Complaint) -> String {
        let (lang, opened, summary) = (self.lang, date(k.opened), &k.summary);
        match k.severity {
            Severity::Low => reasons::complaint_minor(lang, opened, summary),
            Severity::Medium => reasons::complaint(lang, opened, summary),
            Severity::High => reasons::complaint_serious(lang, opened, summary),
        }
    }

    /// An unpaid credit order.
    pub fn collection(&self, o: &Order) -> String {
        let amount = money(o.amount, self.currency);
        let due = o.due.map(date).unwrap_or_default();
        match &o.reference {
            Some(r) => reasons::collection_of_ref(self.lang, amount, r, due),
            None => reasons::collection_of_date(self.lang, amount, date(o.date), due),
        }
    }

    /// A contract nearing its end.
    pub fn renewal(&self, k: &Contract) -> String {
        reasons::renewal(self.lang, &k.kind, date(k.end))
    }

    /// A new customer not yet contacted since the first order.
    pub fn welcome(&self, first: NaiveDate) -> String {
        reasons::welcome(self.lang, date(first))
    }

    /// A customer expected to order again.
    pub fn reorder(&self, cycle: i64, last: NaiveDate) -> String {
        reasons::reorder(self.lang, cycle, date(last))
    }

    /// A holiday greeting.
    pub fn holiday(&self, h: &Holiday, class: Class) -> String {
        reasons::holiday(self.lang, &h.name, date(h.date), class.as_str())
    }

    /// A dormant customer to win back.
    pub fn winback(&self, last: NaiveDate, days: i64) -> String {
        reasons::winback(self.lang, days, date(last))
    }

    /// A low satisfaction score not followed up.
    pub fn recovery(&self, score: u8, when: NaiveDate) -> String {
        reasons::recovery(self.lang, score, date(when))
    }

    /// A satisfaction survey of a key customer.
    pub fn survey(&self, last: Option<NaiveDate>) -> String {
        match last {
            Some(l) => reasons::survey_again(self.lang, date(l)),
            None => reasons::survey_first(self.lang),
        }
    }

    /// A check-back call after a resolved complaint.
    pub fn checkback(&self, k: &Complaint, resolved: NaiveDate) -> String {
        reasons::checkback(self.lang, date(resolved), &k.summary)
    }

    /// An after-sale call.
    pub fn aftersale(&self, o: &Order) -> String {
        let what = o.product.as_ref().map_or_else(|| money(o.amount, self.currency), |p| p.to_string());
        reasons::aftersale(self.lang, date(o.date), what)
    }

    /// An opportunity's expected decision.
    pub fn opportunity(&self, o: &Opportunity) -> String {
        match o.amount {
            Some(a) => reasons::opportunity_with_amount(self.lang, &o.title, o.stage.as_str(), money(a, self.currency)),
            None => reasons::opportunity(self.lang, &o.title, o.stage.as_str()),
        }
    }

    /// A customer taken over from a colleague.
    pub fn handover(&self, from: &str, when: NaiveDate) -> String {
        reasons::handover(self.lang, from, date(when))
    }

    /// A promise not yet kept.
    pub fn promise(&self, p: &Promise) -> String {
        reasons::promise(self.lang, date(p.made), &p.what, date(p.due))
    }

    /// A complaint open past its resolution target.
    pub fn escalate(&self, k: &Complaint, open_days: i64, target_days: i64) -> String {
        reasons::escalate(self.lang, open_days, target_days, &k.summary)
    }

    /// An order to deliver by its promised date.
    pub fn delivery(&self, o: &Order, promised: NaiveDate) -> String {
        match &o.reference {
            Some(r) => reasons::delivery_of_ref(self.lang, r, date(promised)),
            None => reasons::delivery_of_date(self.lang, date(o.date), date(promised)),
        }
    }

    /// A key customer without a plan.
    pub fn plan_missing(&self) -> String {
        reasons::plan_missing(self.lang)
    }

    /// A key customer's plan to review by `review` (`late` once that day has passed).
    pub fn plan_review(&self, review: NaiveDate, late: bool) -> String {
        if late {
            reasons::plan_review_late(self.lang, date(review))
        } else {
            reasons::plan_review(self.lang, date(review))
        }
    }
}

/// How the reason of an agreed follow-up names the interaction it was agreed at.
fn contact_word(kind: InteractionKind) -> Text {
    match kind {
        InteractionKind::Visit => reasons::CONTACT_VISIT,
        InteractionKind::Call => reasons::CONTACT_CALL,
        InteractionKind::Message => reasons::CONTACT_MESSAGE,
        InteractionKind::Email => reasons::CONTACT_EMAIL,
        InteractionKind::Meeting => reasons::CONTACT_MEETING,
        InteractionKind::Event => reasons::CONTACT_EVENT,
    }
}
