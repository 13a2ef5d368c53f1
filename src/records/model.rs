//! The validated domain types: what a customer file means once it has been read.
//!
//! Spans are kept only on values that cross-file rules point at (owners, team ids, refs).

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use toml::Spanned;

use super::choices::{
    ComplaintCategory, ContactRole, CustomerKind, InteractionKind, LossReason, OutcomeReason, Relationship, Severity,
    Stage, Stance,
};

/// An exact amount of money in the settings' currency, in major units.
pub type Money = Decimal;

/// A short text that most records keep short (an order's `ref` and `product`): up to 24 bytes
/// are held inside the value, longer ones on the heap. A hundred thousand customers hold 1.5
/// million orders, so a separate allocation for each of their texts is tens of megabytes.
pub type ShortText = compact_str::CompactString;

/// One customer, read from `customers/**/<id>.toml`.
#[derive(Debug, Clone)]
pub struct Customer {
    /// The file stem.
    pub id: String,
    /// The file, relative to the records directory.
    pub file: String,
    /// A hash of the file's bytes as read ([`super::content_hash`]), when the loader was asked
    /// for it ([`super::load_hashed`]): what a later stage may key what it makes from this
    /// record by (the same bytes, the same record).
    pub source: Option<u128>,
    /// Display name.
    pub name: String,
    /// Company or person.
    pub kind: CustomerKind,
    /// The team member responsible (empty only when the file has an error).
    pub owner: Spanned<String>,
    /// Free-text region.
    pub region: Option<String>,
    /// Free-text tags.
    pub tags: Vec<String>,
    /// Customer since.
    pub since: Option<NaiveDate>,
    /// Relationship level.
    pub relationship: Relationship,
    /// Development prospect, 1..5.
    pub prospect: u8,
    /// Credit limit.
    pub credit_limit: Option<Money>,
    /// Days between contacts, overriding the class cadence.
    pub cadence_days: Option<u32>,
    /// Phone number.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// WeChat id.
    pub wechat: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// Birthday (person customers).
    pub birthday: Option<NaiveDate>,
    /// Kept but left out of every computation.
    pub archived: bool,
    /// Markdown notes.
    pub notes: Option<String>,
    /// The customer who referred this one.
    pub referred_by: Option<Spanned<String>>,
    /// Why and when the customer was lost.
    pub loss: Option<Loss>,
    /// People inside the customer.
    pub contacts: Vec<Contact>,
    /// Visits, calls and messages, in file order.
    pub interactions: Vec<Interaction>,
    /// Sales, in file order.
    pub orders: Vec<Order>,
    /// Complaints, in file order.
    pub complaints: Vec<Complaint>,
    /// Warranties, service contracts, subscriptions.
    pub contracts: Vec<Contract>,
    /// Sales opportunities.
    pub opportunities: Vec<Opportunity>,
    /// Changes of owner, in file order.
    pub handovers: Vec<Handover>,
    /// What we told the customer we would do, in file order (SPEC 12.1).
    pub promises: Vec<Promise>,
    /// The relationship plan of a key customer (SPEC 12.1).
    pub plan: Option<Plan>,
}

impl Customer {
    /// The phone to call: the customer's own, else a present decision-maker's or approver's,
    /// else any present contact's (with the contact's name).
    pub fn best_phone(&self, today: NaiveDate) -> Option<String> {
        if let Some(phone) = &self.phone {
            return Some(phone.clone());
        }
        let present = || self.contacts.iter().filter(|p| !p.has_left(today) && p.phone.is_some());
        let best = present().find(|p| p.role.decides()).or_else(|| present().next())?;
        Some(format!("{} {}", best.name, best.phone.as_deref().unwrap_or_default()))
    }
}

/// A customer's recorded loss (`[loss]`).
#[derive(Debug, Clone)]
pub struct Loss {
    /// When the customer was lost.
    pub date: NaiveDate,
    /// Why.
    pub reason: LossReason,
    /// Markdown notes.
    pub notes: Option<String>,
}

/// A birthday: a full date, or a month and day when the year is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Birthday {
    /// A full date.
    Date(NaiveDate),
    /// Month (1..12) and day (1..31), year unknown.
    MonthDay(u32, u32),
}

impl Birthday {
    /// Month and day.
    pub fn month_day(self) -> (u32, u32) {
        use chrono::Datelike;
        match self {
            Birthday::Date(d) => (d.month(), d.day()),
            Birthday::MonthDay(m, d) => (m, d),
        }
    }
}

/// A person inside the customer (`[[contact]]`).
#[derive(Debug, Clone)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// Job title.
    pub title: Option<String>,
    /// Role in buying.
    pub role: ContactRole,
    /// Attitude towards us.
    pub stance: Stance,
    /// Phone number.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// WeChat id.
    pub wechat: Option<String>,
    /// Birthday.
    pub birthday: Option<Birthday>,
    /// The day the person left the customer.
    pub left: Option<NaiveDate>,
}

impl Contact {
    /// Whether the person has left the customer by `today`.
    pub fn has_left(&self, today: NaiveDate) -> bool {
        self.left.is_some_and(|d| d <= today)
    }

    /// Whether the contact has a phone, e-mail or WeChat.
    pub fn reachable(&self) -> bool {
        self.phone.is_some() || self.email.is_some() || self.wechat.is_some()
    }
}

/// A visit, call or message (`[[interaction]]`).
#[derive(Debug, Clone)]
pub struct Interaction {
    /// When.
    pub date: NaiveDate,
    /// What kind of contact.
    pub kind: InteractionKind,
    /// The team member (default: the owner).
    pub by: Option<Spanned<String>>,
    /// Markdown summary.
    pub summary: String,
    /// Explicit next follow-up date.
    pub next: Option<NaiveDate>,
    /// Satisfaction 1..5.
    pub satisfaction: Option<u8>,
}

/// A sale (`[[order]]`).
#[derive(Debug, Clone)]
pub struct Order {
    /// When.
    pub date: NaiveDate,
    /// How much.
    pub amount: Money,
    /// What it cost us.
    pub cost: Option<Money>,
    /// The order's reference, unique within the customer (checked as the file is read).
    pub reference: Option<ShortText>,
    /// What was sold.
    pub product: Option<ShortText>,
    /// Payable by (a credit sale).
    pub due: Option<NaiveDate>,
    /// Fully paid on.
    pub paid: Option<NaiveDate>,
    /// The delivery date promised to the customer.
    pub promised: Option<NaiveDate>,
    /// The day it was delivered.
    pub delivered: Option<NaiveDate>,
}

/// A complaint (`[[complaint]]`).
#[derive(Debug, Clone)]
pub struct Complaint {
    /// When it was made.
    pub opened: NaiveDate,
    /// What it is about.
    pub summary: String,
    /// How serious.
    pub severity: Severity,
    /// When it was resolved.
    pub resolved: Option<NaiveDate>,
    /// How.
    pub resolution: Option<String>,
    /// What it concerns.
    pub category: ComplaintCategory,
    /// The team member handling it.
    pub by: Option<Spanned<String>>,
    /// The first answer to the customer.
    pub responded: Option<NaiveDate>,
}

impl Complaint {
    /// Whether the complaint is open on `date`: opened by then and not resolved by then (a
    /// complaint resolved on `date` is no longer open; one resolved later still is).
    pub fn is_open(&self, date: NaiveDate) -> bool {
        self.opened <= date && self.resolved.is_none_or(|r| r > date)
    }
}

/// A warranty, service contract or subscription (`[[contract]]`).
#[derive(Debug, Clone)]
pub struct Contract {
    /// Free text.
    pub kind: String,
    /// Start date.
    pub start: Option<NaiveDate>,
    /// End date.
    pub end: NaiveDate,
}

/// A sales opportunity (`[[opportunity]]`).
#[derive(Debug, Clone)]
pub struct Opportunity {
    /// When it was opened.
    pub opened: NaiveDate,
    /// What it is.
    pub title: String,
    /// Its value.
    pub amount: Option<Money>,
    /// Where it stands.
    pub stage: Stage,
    /// Expected decision date.
    pub expected: Option<NaiveDate>,
    /// When it was won or lost.
    pub closed: Option<NaiveDate>,
    /// Why it was won or lost.
    pub reason: Option<OutcomeReason>,
    /// The competitor it was up against.
    pub competitor: Option<String>,
    /// What the customer objected to, as written.
    pub objections: Vec<String>,
}

/// A promise made to the customer (`[[promise]]`, 说到做到).
#[derive(Debug, Clone)]
pub struct Promise {
    /// When it was made.
    pub made: NaiveDate,
    /// When it is due (not before `made`).
    pub due: NaiveDate,
    /// What was promised, in Markdown.
    pub what: String,
    /// The team member who made it (default: the owner).
    pub by: Option<Spanned<String>>,
    /// The day it was done (not before `made`).
    pub kept: Option<NaiveDate>,
}

/// The relationship plan of a key customer (`[plan]`, 关系管理计划).
#[derive(Debug, Clone)]
pub struct Plan {
    /// What the plan aims at, in Markdown.
    pub goal: String,
    /// The next review of the plan.
    pub review: NaiveDate,
}

/// A change of owner (`[[handover]]`).
#[derive(Debug, Clone)]
pub struct Handover {
    /// When.
    pub date: NaiveDate,
    /// The previous owner.
    pub from: Spanned<String>,
    /// The new owner.
    pub to: Spanned<String>,
}

/// A member of the team (`[[member]]` in team.toml).
#[derive(Debug, Clone)]
pub struct Member {
    /// Team id.
    pub id: Spanned<String>,
    /// Display name.
    pub name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// The day the member left the team.
    pub left: Option<NaiveDate>,
    /// The member's revenue target for the window.
    pub target: Option<Money>,
}

/// Everything read from a records directory, in a deterministic order.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// Team members, in file order.
    pub members: Vec<Member>,
    /// Customers, sorted by id. Shared: a command that loads again after each change keeps
    /// the customers whose files did not change, without copying them.
    pub customers: Vec<Arc<Customer>>,
}

impl Records {
    /// Records of `members` and `customers`.
    pub fn new(members: Vec<Member>, customers: Vec<Customer>) -> Records {
        Records { members, customers: customers.into_iter().map(Arc::new).collect() }
    }

    /// The team member with this id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id.get_ref() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn complaint(opened: &str, resolved: Option<&str>) -> Complaint {
        Complaint {
            opened: day(opened),
            summary: "x".into(),
            severity: Severity::Medium,
            resolved: resolved.map(day),
            resolution: None,
            category: ComplaintCategory::Other,
            by: None,
            responded: None,
        }
    }

    #[test]
    fn a_complaint_is_open_from_its_opening_day_until_the_day_before_it_is_resolved() {
        let k = complaint("2026-11-10", Some("2026-11-20"));
        assert!(!k.is_open(day("2026-11-09")), "not yet opened");
        assert!(k.is_open(day("2026-11-10")), "opened that day");
        assert!(k.is_open(day("2026-11-19")), "the day before it is resolved");
        assert!(!k.is_open(day("2026-11-20")), "resolved on the date");
        assert!(!k.is_open(day("2026-11-21")));
    }

    #[test]
    fn an_unresolved_complaint_stays_open_and_a_later_resolution_does_not_count_yet() {
        assert!(complaint("2026-11-10", None).is_open(day("2030-01-01")));
        assert!(complaint("2026-11-10", Some("2026-12-01")).is_open(day("2026-11-25")));
    }
}
