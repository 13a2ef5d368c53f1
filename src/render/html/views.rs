//! Borrowed, pre-formatted view structs that templates receive (never the domain types).

use chrono::NaiveDate;
use serde::Serialize;

use super::Site;
use super::markdown;
use crate::analysis::Facts;
use crate::analysis::agenda::AgendaItem;
use crate::analysis::credit::unpaid;
use crate::format::{date, money};
use crate::i18n::{Label, Text};
use crate::records::model::{Birthday, Customer};

/// A label with the key it was translated from (the key also serves as a CSS class).
#[derive(Debug, Clone, Serialize)]
pub struct Labelled {
    /// The untranslated key, e.g. `active`.
    pub key: &'static str,
    /// The label in the site's language.
    pub label: String,
}

/// A value shown with how it was computed.
#[derive(Debug, Clone, Serialize)]
pub struct Explained {
    /// The label of the value.
    pub label: String,
    /// The value, formatted.
    pub value: String,
    /// How it was computed.
    pub why: String,
}

/// One row of a customer table.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerRow {
    /// Customer id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// ABC class.
    pub class: &'static str,
    /// Lifecycle stage.
    pub lifecycle: Labelled,
    /// Score, formatted.
    pub score: String,
    /// Revenue, formatted.
    pub revenue: String,
    /// Revenue for sorting.
    pub revenue_sort: String,
    /// Credit grade.
    pub grade: &'static str,
    /// Unpaid amount, formatted (empty when none).
    pub exposure: String,
    /// Whether the customer is over its credit limit.
    pub over_limit: bool,
    /// Completeness percent.
    pub completeness: u8,
    /// Owner id.
    pub owner: String,
    /// Owner name.
    pub owner_name: String,
    /// Region (empty when none).
    pub region: String,
    /// Region page slug.
    pub region_slug: String,
    /// Last contact date (empty when none).
    pub last_contact: String,
    /// Tags joined for display.
    pub tags: String,
    /// Why a key customer is at risk.
    pub risk: Vec<Labelled>,
}

/// One agenda item.
#[derive(Debug, Clone, Serialize)]
pub struct AgendaRow {
    /// Date.
    pub date: String,
    /// Status.
    pub status: Labelled,
    /// Kind.
    pub kind: Labelled,
    /// Customer id.
    pub customer: String,
    /// Customer name.
    pub name: String,
    /// Owner id.
    pub owner: String,
    /// Owner name.
    pub owner_name: String,
    /// Why it is on the agenda.
    pub reason: String,
    /// Phone to call.
    pub phone: String,
}

/// A person inside the customer.
#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    /// Name.
    pub name: String,
    /// Title.
    pub title: String,
    /// Role.
    pub role: Labelled,
    /// Stance.
    pub stance: Labelled,
    /// Phone, e-mail and WeChat joined (empty when redacted or none).
    pub reach: String,
    /// Birthday (empty when none or redacted).
    pub birthday: String,
    /// Whether the person has left.
    pub left: bool,
}

/// An interaction on the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct InteractionView {
    /// Date.
    pub date: String,
    /// Kind.
    pub kind: Labelled,
    /// Who.
    pub by: String,
    /// Summary as safe HTML.
    pub summary_html: String,
    /// Summary as a short plain excerpt (cards).
    pub excerpt: String,
    /// Next follow-up date.
    pub next: String,
    /// Satisfaction 1..5 (0 when none).
    pub satisfaction: u8,
}

/// An order.
#[derive(Debug, Clone, Serialize)]
pub struct OrderView {
    /// Date.
    pub date: String,
    /// Ref.
    pub reference: String,
    /// Product.
    pub product: String,
    /// Amount, formatted.
    pub amount: String,
    /// Cost, formatted.
    pub cost: String,
    /// Due date.
    pub due: String,
    /// Paid date.
    pub paid: String,
    /// Unpaid as of today.
    pub unpaid: bool,
    /// Days past due when unpaid and overdue.
    pub days_overdue: i64,
}

/// A complaint.
#[derive(Debug, Clone, Serialize)]
pub struct ComplaintView {
    /// Opened.
    pub opened: String,
    /// Summary.
    pub summary: String,
    /// Severity.
    pub severity: Labelled,
    /// Category.
    pub category: Labelled,
    /// Resolved date (empty when open).
    pub resolved: String,
    /// Resolution.
    pub resolution: String,
    /// Days open so far, or days it took.
    pub days: i64,
    /// Open as of today.
    pub open: bool,
}

/// A contract.
#[derive(Debug, Clone, Serialize)]
pub struct ContractView {
    /// Kind.
    pub kind: String,
    /// Start.
    pub start: String,
    /// End.
    pub end: String,
    /// Ended before today.
    pub ended: bool,
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_default()
}

impl Site<'_> {
    /// An enumerated value with its name in the site's language.
    pub fn labelled(&self, value: impl Label) -> Labelled {
        Labelled { key: value.key(), label: self.word(value.label()) }
    }

    /// A word of the catalogue in the site's language.
    pub fn word(&self, text: Text) -> String {
        text.get(self.lang()).to_string()
    }

    /// Money in the settings' currency.
    pub fn money(&self, value: rust_decimal::Decimal) -> String {
        money(value, &self.settings.currency)
    }

    /// The display name of a team member (the id when unknown).
    pub fn member_name(&self, id: &str) -> String {
        self.records.member(id).map_or_else(|| id.to_string(), |m| m.name.clone())
    }

    /// A customer table row.
    pub fn customer_row(&self, f: &Facts) -> CustomerRow {
        let c = &self.records.customers[f.index];
        let region = c.region.clone().unwrap_or_default();
        CustomerRow {
            id: c.id.clone(),
            name: c.name.clone(),
            class: f.class().as_str(),
            lifecycle: self.labelled(f.lifecycle),
            score: f.score.value.to_string(),
            revenue: self.money(f.ledger.revenue),
            revenue_sort: f.ledger.revenue.to_string(),
            grade: f.credit.grade.as_str(),
            exposure: if f.credit.exposure.is_zero() { String::new() } else { self.money(f.credit.exposure) },
            over_limit: f.credit.over_limit,
            completeness: f.completeness,
            owner: c.owner.get_ref().clone(),
            owner_name: self.member_name(c.owner.get_ref()),
            region_slug: if region.is_empty() { String::new() } else { super::paths::region_slug(&region) },
            region,
            last_contact: opt_date(f.last_contact),
            tags: c.tags.join(", "),
            risk: f.care.risk.iter().map(|r| self.labelled(*r)).collect(),
        }
    }

    /// An agenda row.
    pub fn agenda_row(&self, item: &AgendaItem) -> AgendaRow {
        let customer = self.customer_by_id(&item.customer);
        let phone = if self.redact { None } else { customer.and_then(|c| c.best_phone(self.today)) };
        AgendaRow {
            date: date(item.date),
            status: self.labelled(item.status),
            kind: self.labelled(item.kind),
            customer: item.customer.clone(),
            name: customer.map(|c| c.name.clone()).unwrap_or_default(),
            owner: item.owner.clone(),
            owner_name: self.member_name(&item.owner),
            reason: item.reason.clone(),
            phone: phone.unwrap_or_default(),
        }
    }

    /// The contacts of a customer.
    pub fn contacts(&self, c: &Customer) -> Vec<ContactView> {
        c.contacts
            .iter()
            .map(|p| {
                let reach =
                    [&p.phone, &p.email, &p.wechat].iter().filter_map(|v| v.as_deref()).collect::<Vec<_>>().join(" · ");
                let birthday = match p.birthday {
                    Some(Birthday::Date(d)) => date(d),
                    Some(Birthday::MonthDay(m, d)) => format!("{m:02}-{d:02}"),
                    None => String::new(),
                };
                ContactView {
                    name: p.name.clone(),
                    title: p.title.clone().unwrap_or_default(),
                    role: self.labelled(p.role),
                    stance: self.labelled(p.stance),
                    reach: if self.redact { String::new() } else { reach },
                    birthday: if self.redact { String::new() } else { birthday },
                    left: p.has_left(self.today),
                }
            })
            .collect()
    }

    /// The interactions of a customer up to today, newest first.
    ///
    /// On a card (`for_card`), at most `limit` with plain excerpts; on a page, all with HTML.
    pub fn interactions(&self, c: &Customer, limit: usize, for_card: bool) -> Vec<InteractionView> {
        let mut list: Vec<(usize, &crate::records::model::Interaction)> =
            c.interactions.iter().enumerate().filter(|(_, i)| i.date <= self.today).collect();
        list.sort_by(|a, b| b.1.date.cmp(&a.1.date).then(b.0.cmp(&a.0)));
        list.truncate(limit);
        list.into_iter()
            .map(|(_, i)| InteractionView {
                date: date(i.date),
                kind: self.labelled(i.kind),
                by: self.member_name(i.by.as_ref().map_or(c.owner.get_ref(), |b| b.get_ref())),
                summary_html: if for_card { String::new() } else { markdown::render(&i.summary) },
                excerpt: if for_card { markdown::plain_excerpt(&i.summary, 90) } else { String::new() },
                next: opt_date(i.next),
                satisfaction: i.satisfaction.unwrap_or(0),
            })
            .collect()
    }

    /// The orders of a customer up to today, newest first.
    pub fn orders(&self, c: &Customer) -> Vec<OrderView> {
        let window = &self.analysis.window;
        let mut list: Vec<OrderView> = c
            .orders
            .iter()
            .filter(|o| o.date <= self.today)
            .map(|o| OrderView {
                date: date(o.date),
                reference: o.reference.as_ref().map(|r| r.get_ref().clone()).unwrap_or_default(),
                product: o.product.clone().unwrap_or_default(),
                amount: self.money(o.amount),
                cost: o.cost.map(|v| self.money(v)).unwrap_or_default(),
                due: opt_date(o.due),
                paid: opt_date(o.paid.filter(|p| *p <= self.today)),
                unpaid: unpaid(o, window),
                days_overdue: o
                    .due
                    .filter(|d| unpaid(o, window) && *d < self.today)
                    .map_or(0, |d| (self.today - d).num_days()),
            })
            .collect();
        list.reverse();
        list.sort_by(|a, b| b.date.cmp(&a.date));
        list
    }

    /// The complaints of a customer up to today, open first, newest first.
    pub fn complaints(&self, c: &Customer) -> Vec<ComplaintView> {
        let mut list: Vec<ComplaintView> = c
            .complaints
            .iter()
            .filter(|k| k.opened <= self.today)
            .map(|k| {
                let resolved = k.resolved.filter(|r| *r <= self.today);
                ComplaintView {
                    opened: date(k.opened),
                    summary: k.summary.clone(),
                    severity: self.labelled(k.severity),
                    category: self.labelled(k.category),
                    resolved: opt_date(resolved),
                    resolution: k.resolution.clone().unwrap_or_default(),
                    days: (resolved.unwrap_or(self.today) - k.opened).num_days(),
                    open: resolved.is_none(),
                }
            })
            .collect();
        list.sort_by(|a, b| b.open.cmp(&a.open).then_with(|| b.opened.cmp(&a.opened)));
        list
    }

    /// The contracts of a customer, latest end first.
    pub fn contracts(&self, c: &Customer) -> Vec<ContractView> {
        let mut list: Vec<ContractView> = c
            .contracts
            .iter()
            .map(|k| ContractView {
                kind: k.kind.clone(),
                start: opt_date(k.start),
                end: date(k.end),
                ended: k.end < self.today,
            })
            .collect();
        list.sort_by(|a, b| b.end.cmp(&a.end));
        list
    }
}
