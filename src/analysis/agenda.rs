//! The follow-up agenda (SPEC 7): what to do for whom, when, and why.

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use super::Facts;
use super::abc::Class;
use super::ledger::Ledger;
use super::lifecycle::Lifecycle;
use super::reasons::Reasons;
use super::window::Window;
use crate::i18n::{Label, Text, labels};
use crate::records::choices::CustomerKind;
use crate::records::model::{Birthday, Customer, Interaction, Records};
use crate::records::settings::Settings;

/// What kind of follow-up an item is, in the order items of one day are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Regular contact by cadence or an agreed next date.
    Contact,
    /// A birthday greeting.
    Birthday,
    /// Follow up an open complaint.
    Complaint,
    /// Collect an unpaid credit order.
    Collection,
    /// Renew a contract.
    Renewal,
    /// Welcome a new customer.
    Welcome,
    /// The customer is expected to order again.
    Reorder,
    /// A holiday greeting.
    Holiday,
    /// A dormant customer: find out why, or record the loss.
    Winback,
    /// A dissatisfied customer not contacted since.
    Recovery,
    /// Ask a key customer how satisfied they are.
    Survey,
    /// Check back after a resolved complaint.
    Checkback,
    /// Call after a recent order.
    Aftersale,
    /// An opportunity's expected decision.
    Opportunity,
    /// Introduce yourself after taking a customer over.
    Handover,
    /// Keep a promise made to the customer.
    Promise,
    /// A complaint open past its resolution target.
    Escalate,
    /// Deliver an order promised for this date.
    Delivery,
    /// Write or review a key customer's plan.
    Plan,
}

impl Kind {
    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Contact => "contact",
            Kind::Birthday => "birthday",
            Kind::Complaint => "complaint",
            Kind::Collection => "collection",
            Kind::Renewal => "renewal",
            Kind::Welcome => "welcome",
            Kind::Reorder => "reorder",
            Kind::Holiday => "holiday",
            Kind::Winback => "winback",
            Kind::Recovery => "recovery",
            Kind::Survey => "survey",
            Kind::Checkback => "checkback",
            Kind::Aftersale => "aftersale",
            Kind::Opportunity => "opportunity",
            Kind::Handover => "handover",
            Kind::Promise => "promise",
            Kind::Escalate => "escalate",
            Kind::Delivery => "delivery",
            Kind::Plan => "plan",
        }
    }

    /// Every kind, in order.
    pub const ALL: [Kind; 19] = [
        Kind::Contact,
        Kind::Birthday,
        Kind::Complaint,
        Kind::Collection,
        Kind::Renewal,
        Kind::Welcome,
        Kind::Reorder,
        Kind::Holiday,
        Kind::Winback,
        Kind::Recovery,
        Kind::Survey,
        Kind::Checkback,
        Kind::Aftersale,
        Kind::Opportunity,
        Kind::Handover,
        Kind::Promise,
        Kind::Escalate,
        Kind::Delivery,
        Kind::Plan,
    ];
}

impl Label for Kind {
    fn key(self) -> &'static str {
        self.as_str()
    }

    fn label(self) -> Text {
        match self {
            Kind::Contact => labels::KIND_CONTACT,
            Kind::Birthday => labels::KIND_BIRTHDAY,
            Kind::Complaint => labels::KIND_COMPLAINT,
            Kind::Collection => labels::KIND_COLLECTION,
            Kind::Renewal => labels::KIND_RENEWAL,
            Kind::Welcome => labels::KIND_WELCOME,
            Kind::Reorder => labels::KIND_REORDER,
            Kind::Holiday => labels::KIND_HOLIDAY,
            Kind::Winback => labels::KIND_WINBACK,
            Kind::Recovery => labels::KIND_RECOVERY,
            Kind::Survey => labels::KIND_SURVEY,
            Kind::Checkback => labels::KIND_CHECKBACK,
            Kind::Aftersale => labels::KIND_AFTERSALE,
            Kind::Opportunity => labels::KIND_OPPORTUNITY,
            Kind::Handover => labels::KIND_HANDOVER,
            Kind::Promise => labels::KIND_PROMISE,
            Kind::Escalate => labels::KIND_ESCALATE,
            Kind::Delivery => labels::KIND_DELIVERY,
            Kind::Plan => labels::KIND_PLAN,
        }
    }
}

/// How close an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Dated before today.
    Overdue,
    /// Dated today.
    Today,
    /// Within 7 days.
    Soon,
    /// Within the horizon.
    Upcoming,
}

impl Status {
    /// The status of an item dated `date`, or `None` beyond the horizon.
    pub fn of(date: NaiveDate, today: NaiveDate, horizon_days: i64) -> Option<Status> {
        match (date - today).num_days() {
            n if n < 0 => Some(Status::Overdue),
            0 => Some(Status::Today),
            n if n <= 7 => Some(Status::Soon),
            n if n <= horizon_days => Some(Status::Upcoming),
            _ => None,
        }
    }

    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Overdue => "overdue",
            Status::Today => "today",
            Status::Soon => "soon",
            Status::Upcoming => "upcoming",
        }
    }

    /// Every status, in order.
    pub const ALL: [Status; 4] = [Status::Overdue, Status::Today, Status::Soon, Status::Upcoming];
}

impl Label for Status {
    fn key(self) -> &'static str {
        self.as_str()
    }

    fn label(self) -> Text {
        match self {
            Status::Overdue => labels::STATUS_OVERDUE,
            Status::Today => labels::STATUS_TODAY,
            Status::Soon => labels::STATUS_SOON,
            Status::Upcoming => labels::STATUS_UPCOMING,
        }
    }
}

/// One follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgendaItem {
    /// When to do it.
    pub date: NaiveDate,
    /// How close it is.
    pub status: Status,
    /// What kind of follow-up.
    pub kind: Kind,
    /// The customer's id.
    pub customer: String,
    /// The customer's owner.
    pub owner: String,
    /// Why, in words, in the settings' language.
    pub reason: String,
    /// What distinguishes this item from others of its kind for the same customer, stable
    /// across rebuilds (a person, an order ref, a contract): calendar feeds derive UIDs from it.
    pub key: String,
}

/// The next occurrence of a birthday on or after `today` (29 February → 28 February).
pub fn next_birthday(birthday: Birthday, today: NaiveDate) -> NaiveDate {
    let (month, day) = birthday.month_day();
    let on = |year: i32| {
        NaiveDate::from_ymd_opt(year, month, day)
            .or_else(|| NaiveDate::from_ymd_opt(year, month, day - 1))
            .unwrap_or(today) // ok: month-days are validated
    };
    let this_year = on(today.year());
    if this_year >= today { this_year } else { on(today.year() + 1) }
}

/// Builds the agenda of every analysed customer, sorted by date, kind, then customer id.
pub fn agenda(records: &Records, facts: &[Facts], settings: &Settings, window: &Window) -> Vec<AgendaItem> {
    let reasons = Reasons::new(settings.language, &settings.currency);
    let mut items: Vec<AgendaItem> =
        facts.par_iter().flat_map_iter(|f| customer_items(records, f, settings, window, &reasons)).collect();
    items.par_sort_by(|a, b| (a.date, a.kind, &a.customer).cmp(&(b.date, b.kind, &b.customer)));
    items
}

/// The agenda items of the customer `f`, in no particular order.
fn customer_items(
    records: &Records,
    f: &Facts,
    settings: &Settings,
    window: &Window,
    reasons: &Reasons,
) -> Vec<AgendaItem> {
    let mut items = Vec::new();
    let c = &records.customers[f.index];
    let mut add_for = |owner: &str, date: NaiveDate, kind: Kind, reason: String, key: String| {
        if let Some(status) = Status::of(date, window.today, settings.reminders.horizon_days) {
            let (customer, owner) = (c.id.clone(), owner.to_string());
            items.push(AgendaItem { date, status, kind, customer, owner, reason, key });
        }
    };
    let owner = c.owner.get_ref();
    let mut add = |date: NaiveDate, kind: Kind, reason: String, key: String| add_for(owner, date, kind, reason, key);
    add(f.contact.0, Kind::Contact, f.contact.1.clone(), String::new());
    birthdays(c, settings, window, reasons, &mut add);
    for (i, k) in c.complaints.iter().enumerate().filter(|(_, k)| k.is_open(window.today)) {
        let key = format!("{}#{i}", k.opened);
        add(Window::add_days(k.opened, settings.reminders.complaint_days), Kind::Complaint, reasons.complaint(k), key);
    }
    for (i, o) in c.orders.iter().enumerate().filter(|(_, o)| window.known(o.date) && super::credit::unpaid(o, window))
    {
        if let Some(due) = o.due {
            let key = o.reference.as_ref().map_or_else(|| format!("{}#{i}", o.date), |r| r.to_string());
            add(due, Kind::Collection, reasons.collection(o), key);
        }
    }
    for (i, k) in c.contracts.iter().enumerate().filter(|(_, k)| k.end >= window.today) {
        let key = format!("{}#{i}", k.kind);
        add(Window::add_days(k.end, -settings.reminders.contract_days_before), Kind::Renewal, reasons.renewal(k), key);
    }
    if let (Lifecycle::New, Some(first)) = (f.lifecycle, f.ledger.first_order)
        && !c.interactions.iter().any(|i| i.date >= first && window.known(i.date))
    {
        let date = Window::add_days(first, settings.reminders.welcome_days);
        add(date, Kind::Welcome, reasons.welcome(first), String::new());
    }
    if let (Some(expected), Some(cycle), Some(last)) =
        (f.ledger.expected_order, f.ledger.cycle_days, f.ledger.last_order)
        && f.lifecycle != Lifecycle::Lost
    {
        add(expected, Kind::Reorder, reasons.reorder(cycle, last), String::new());
    }
    for h in settings.holidays.iter().filter(|h| h.date >= window.today) {
        if h.classes.iter().any(|k| k == f.class().as_str()) {
            let key = format!("{}#{}", h.name, h.date);
            add(Window::add_days(h.date, -3).max(window.today), Kind::Holiday, reasons.holiday(h, f.class()), key);
        }
    }
    care::follow_ups(records, c, f, settings, window, reasons, &mut add);
    keeping::follow_ups(c, f, settings, window, reasons, &mut add_for);
    items
}

/// The contact item: the latest interaction's `next`, else last contact plus cadence, else
/// `since`, else today.
pub fn contact_item(
    c: &Customer,
    class: Class,
    ledger: &Ledger,
    last_contact: Option<NaiveDate>,
    settings: &Settings,
    window: &Window,
    reasons: &Reasons,
) -> (NaiveDate, String) {
    let latest =
        c.interactions.iter().filter(|i| window.known(i.date)).fold(None, |best: Option<&Interaction>, i| match best {
            Some(b) if b.date > i.date => Some(b),
            _ => Some(i),
        });
    if let Some((i, next)) = latest.and_then(|i| i.next.map(|n| (i, n))) {
        return (next, reasons.contact_next(i));
    }
    let cadence = match (c.cadence_days, ledger.orders_to_date) {
        (Some(days), _) => (i64::from(days), None),
        (None, 0) => (settings.cadence.prospect, Some(None)),
        (None, _) => {
            let days = match class {
                Class::A => settings.cadence.a,
                Class::B => settings.cadence.b,
                Class::C => settings.cadence.c,
            };
            (days, Some(Some(class)))
        }
    };
    match (last_contact, c.since) {
        (Some(last), _) => (Window::add_days(last, cadence.0), reasons.contact_cadence(last, cadence.0, cadence.1)),
        (None, Some(since)) => (since, reasons.never_contacted(Some(since))),
        (None, None) => (window.today, reasons.never_contacted(None)),
    }
}

fn birthdays(
    c: &Customer,
    settings: &Settings,
    window: &Window,
    reasons: &Reasons,
    add: &mut impl FnMut(NaiveDate, Kind, String, String),
) {
    let own =
        (c.kind == CustomerKind::Person).then_some(c.birthday).flatten().map(|b| (c.name.as_str(), Birthday::Date(b)));
    let contacts =
        c.contacts.iter().filter(|p| !p.has_left(window.today)).filter_map(|p| Some((p.name.as_str(), p.birthday?)));
    for (name, birthday) in own.into_iter().chain(contacts) {
        let next = next_birthday(birthday, window.today);
        let date = Window::add_days(next, -settings.reminders.birthday_days_before).max(window.today);
        add(date, Kind::Birthday, reasons.birthday(name, birthday, next), name.to_string());
    }
}

mod care;
mod keeping;
#[cfg(test)]
mod tests;
