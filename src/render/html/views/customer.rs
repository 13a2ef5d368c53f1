//! The views of one customer: its page (profile, computed values, care, records) and its
//! printed card.

use serde::Serialize;

use super::super::Site;
use super::super::history_pages::LastChanged;
use super::super::markdown;
use super::keeping::{ComplaintView, PromiseView};
use super::team::UnpaidRow;
use super::{AgendaRow, CustomerLink, Labelled, newest_first, opt_date};
use crate::analysis::credit::unpaid;
use crate::analysis::explain::Why;
use crate::format::date;
use crate::records::model::{Birthday, Customer, Order};
use crate::render::html::paths::anchor;

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
    /// Phone (empty when redacted or none).
    pub phone: String,
    /// E-mail (empty when redacted or none).
    pub email: String,
    /// WeChat id (empty when redacted or none).
    pub wechat: String,
    /// The row's anchor on the customer's page (`contact-0`, by file order).
    pub anchor: String,
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
    /// The entry's anchor on the customer's page (`interaction-3`, by file order).
    pub anchor: String,
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
    /// The row's anchor on the customer's page (`order-2`, by file order).
    pub anchor: String,
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

/// A customer's profile fields, formatted (contact details empty when redacted).
#[derive(Debug, Serialize)]
pub struct Profile {
    /// Customer id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Company or person, translated.
    pub kind: String,
    /// Owner id.
    pub owner: String,
    /// Owner name.
    pub owner_name: String,
    /// Region (empty when none).
    pub region: String,
    /// Region page slug.
    pub region_slug: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Customer since (empty when unknown).
    pub since: String,
    /// Relationship level, translated.
    pub relationship: String,
    /// Prospect rating 1–5.
    pub prospect: u8,
    /// Credit limit, formatted (empty when none).
    pub credit_limit: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// WeChat id.
    pub wechat: String,
    /// Address.
    pub address: String,
    /// Birthday (a person).
    pub birthday: String,
}

/// One row of the role × stance grid: the names of present contacts per stance.
#[derive(Debug, Serialize)]
pub struct GridRow {
    /// The role.
    pub role: Labelled,
    /// One cell per stance, in stance order: the names of the contacts in it.
    pub cells: Vec<Vec<String>>,
}

/// One handover of the customer (`[[handover]]`).
#[derive(Debug, Serialize)]
pub struct HandoverView {
    /// Date.
    pub date: String,
    /// The previous owner's name.
    pub from: String,
    /// The new owner's name.
    pub to: String,
}

/// A recorded loss (`[loss]`, dated up to today).
#[derive(Debug, Serialize)]
pub struct LossView {
    /// Date.
    pub date: String,
    /// The reason.
    pub reason: Labelled,
    /// The notes as safe HTML (empty when none or redacted).
    pub notes_html: String,
}

/// An opportunity.
#[derive(Debug, Serialize)]
pub struct OpportunityRow {
    /// What it is.
    pub title: String,
    /// Its stage.
    pub stage: Labelled,
    /// Its amount.
    pub amount: String,
    /// Opened.
    pub opened: String,
    /// Expected decision.
    pub expected: String,
    /// Closed.
    pub closed: String,
    /// Why it was won or lost (`null` when open or not recorded).
    pub reason: Option<Labelled>,
    /// The competitor (empty when none).
    pub competitor: String,
    /// The objections raised, joined with ` · `.
    pub objections: String,
}

/// Section 10 on a customer's page.
#[derive(Debug, Serialize)]
pub struct CareView {
    /// The revenue trend as a signed percentage (empty without a previous window).
    pub trend: String,
    /// Lifetime revenue, formatted.
    pub lifetime_revenue: String,
    /// The latest satisfaction score with its date (empty when never scored).
    pub satisfaction: String,
    /// The satisfaction history as an inline SVG (empty when never scored).
    pub satisfaction_chart: String,
    /// The coverage of the buying organisation (company customers with contacts).
    pub coverage: Option<Labelled>,
    /// Every stance, the grid's columns.
    pub stances: Vec<Labelled>,
    /// The role × stance grid (company customers), only roles with a contact.
    pub grid: Vec<GridRow>,
    /// Why the customer is at risk.
    pub risk: Vec<Labelled>,
    /// The customers this one referred.
    pub referrals: Vec<CustomerLink>,
    /// The customer who referred this one.
    pub referred_by: Option<CustomerLink>,
    /// The handovers, oldest first.
    pub handovers: Vec<HandoverView>,
    /// The opportunities, open first.
    pub opportunities: Vec<OpportunityRow>,
    /// The recorded loss.
    pub loss: Option<LossView>,
    /// How each computed value was reached, by the value's name (`class`, `credit`, `risk` …).
    pub why: Why,
}

/// One printed card.
#[derive(Debug, Serialize)]
pub struct Card {
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
    /// Credit grade.
    pub grade: &'static str,
    /// Owner name.
    pub owner_name: String,
    /// Region.
    pub region: String,
    /// The best phone (empty when redacted).
    pub phone: String,
    /// Address (empty when redacted).
    pub address: String,
    /// Current contacts (at most 5).
    pub contacts: Vec<ContactView>,
    /// How many more current contacts there are.
    pub more_contacts: usize,
    /// The latest interactions (at most 5), as plain excerpts.
    pub interactions: Vec<InteractionView>,
    /// Open complaints (at most 3).
    pub complaints: Vec<ComplaintView>,
    /// Promises, open ones first (at most 4: every open one fits when there are that few).
    pub promises: Vec<PromiseView>,
    /// Unpaid orders, oldest due first (at most 3).
    pub receivables: Vec<UnpaidRow>,
    /// The next follow-ups (at most 3).
    pub agenda: Vec<AgendaRow>,
    /// The start of the notes as plain text (empty when redacted).
    pub notes: String,
    /// The coverage of the buying organisation.
    pub coverage: Option<Labelled>,
    /// Why the customer is at risk.
    pub risk: Vec<Labelled>,
    /// "Last changed D by NAME" (with history).
    pub last_changed: Option<LastChanged>,
}

impl Site<'_> {
    /// The contacts of a customer.
    pub fn contacts(&self, c: &Customer) -> Vec<ContactView> {
        c.contacts
            .iter()
            .enumerate()
            .map(|(n, p)| {
                let hide = |v: &Option<String>| if self.redact { String::new() } else { v.clone().unwrap_or_default() };
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
                    phone: hide(&p.phone),
                    email: hide(&p.email),
                    wechat: hide(&p.wechat),
                    anchor: anchor("contact", n),
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
        let mut list = newest_first(&c.interactions, self.today, |i| i.date);
        list.truncate(limit);
        list.into_iter()
            .map(|(n, i)| InteractionView {
                date: date(i.date),
                kind: self.labelled(i.kind),
                by: self.member_name(i.by.as_ref().map_or(c.owner.get_ref(), |b| b.get_ref())),
                summary_html: if for_card { String::new() } else { markdown::render(&i.summary) },
                excerpt: if for_card { markdown::plain_excerpt(&i.summary, 90) } else { String::new() },
                next: opt_date(i.next),
                satisfaction: i.satisfaction.unwrap_or(0),
                anchor: anchor("interaction", n),
            })
            .collect()
    }

    /// The orders of a customer up to today, newest first.
    pub fn orders(&self, c: &Customer) -> Vec<OrderView> {
        self.orders_where(c, |_| true)
    }

    /// The unpaid orders of a customer, newest first, as [`Site::orders`] shows them (the
    /// others are not formatted at all: a customer has up to hundreds of orders).
    pub fn unpaid_order_views(&self, c: &Customer) -> Vec<OrderView> {
        let window = &self.analysis.window;
        self.orders_where(c, |o| unpaid(o, window))
    }

    /// The orders of a customer that `keep` says to show, newest first.
    fn orders_where(&self, c: &Customer, keep: impl Fn(&Order) -> bool) -> Vec<OrderView> {
        let window = &self.analysis.window;
        newest_first(&c.orders, self.today, |o| o.date)
            .into_iter()
            .filter(|(_, o)| keep(o))
            .map(|(n, o)| OrderView {
                date: date(o.date),
                reference: o.reference.as_ref().map(|r| r.to_string()).unwrap_or_default(),
                product: o.product.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                amount: self.money(o.amount),
                cost: o.cost.map(|v| self.money(v)).unwrap_or_default(),
                due: opt_date(o.due),
                paid: opt_date(o.paid.filter(|p| *p <= self.today)),
                unpaid: unpaid(o, window),
                days_overdue: o
                    .due
                    .filter(|d| unpaid(o, window) && *d < self.today)
                    .map_or(0, |d| (self.today - d).num_days()),
                anchor: anchor("order", n),
            })
            .collect()
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
