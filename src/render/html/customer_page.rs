//! A customer's page: profile, computed values with their "why", contacts as a buying
//! centre, timeline, orders, credit, complaints, contracts, notes and customer care.

use std::collections::BTreeMap;

use anyhow::Result;
use tera::{Context, Tera};

use super::html_writer::{Frame, TITLE_MARK};
use super::page_output::framed;
use super::paths::{id_path, region_slug, root_of};
use super::views::customer::{CareView, GridRow, HandoverView, LossView, OpportunityRow, Profile};
use super::views::customer_page::CustomerPage;
use super::views::{Explained, signed_percent};
use super::{Site, customer_html, templates};
use crate::analysis::Facts;
use crate::analysis::explain::{Why, explain};
use crate::format::date;
use crate::i18n::{Label, Language, Text, ui};
use crate::records::choices::Choice as _;
use crate::records::choices::{ContactRole, CustomerKind, Stance};
use crate::records::model::{Customer, Opportunity};
use crate::render::Sink;

/// Renders `customers/<id>.html` (the last build's when it is made from the same data): with
/// the built-in writer when the team has replaced neither `customer.html` nor `base.html`,
/// else with the templates.
pub fn render(site: &Site<'_>, sink: &dyn Sink, f: &Facts) -> Result<()> {
    let c = &site.records.customers[f.index];
    let Some(path) = id_path("customers", &c.id, "html") else { return Ok(()) };
    let key = site.customer_key(f);
    match &site.customer_frame {
        Some(frame) if frame.root == root_of(&path) => site.page_made(sink, &path, key, |out| {
            customer_html::write(out, frame, &page(site, f));
            Ok(())
        }),
        _ => site.page_memoized(sink, &path, "customer.html", ACTIVE, key, || context(site, f)),
    }
}

/// The tab a customer's page is under.
const ACTIVE: &str = "customers";

/// `base.html` as it frames a customer's page, cut out of the built-in template rendered
/// once; `None`, so that the templates render every customer's page, when the team replaced
/// `customer.html` or `base.html` ([`templates::replaced`]), or when the frame cannot be cut
/// (the company's name holds the title's mark).
pub fn built_in_frame(
    tera: &Tera,
    overrides: &BTreeMap<String, String>,
    lang: Language,
    has_history: bool,
) -> Option<Frame> {
    if templates::replaced("customer.html", overrides) || templates::replaced("base.html", overrides) {
        return None;
    }
    let path = "customers/page.html";
    let mut context = Context::new();
    context.insert("title", TITLE_MARK);
    let rendered = tera.render("base.html", &framed(context, path, ACTIVE)).ok()?;
    Frame::cut(&rendered, lang, &root_of(path), has_history)
}

/// The context of `customer.html` for the customer `f`.
fn context(site: &Site<'_>, f: &Facts) -> Context {
    // The page is plain data: it always serialises.
    Context::from_serialize(&page(site, f)).unwrap_or_default()
}

/// What the page of the customer `f` is made from.
fn page(site: &Site<'_>, f: &Facts) -> CustomerPage {
    let c = &site.records.customers[f.index];
    let why = explain(c, f, site.analysis, site.settings);
    let l = &f.ledger;
    let value = |label: Text, why_key: &str, shown: String| Explained {
        label: site.word(label),
        value: if shown.is_empty() { "—".to_string() } else { shown },
        why: why.get(why_key).cloned().unwrap_or_default(),
    };
    let opt = |d: Option<chrono::NaiveDate>| d.map(date).unwrap_or_default();
    let computed = vec![
        value(ui::CLASS, "class", f.class().as_str().to_string()),
        value(ui::LIFECYCLE, "lifecycle", site.word(f.lifecycle.label())),
        value(ui::SCORE, "score", f.score.value.to_string()),
        value(ui::REVENUE, "revenue", site.money(l.revenue)),
        value(ui::PROFIT, "profit", l.profit.map(|p| site.money(p)).unwrap_or_default()),
        value(ui::CREDIT, "credit", f.credit.grade.as_str().to_string()),
        value(ui::COMPLETENESS, "completeness", format!("{} %", f.completeness)),
        value(ui::RECENCY, "recency_days", l.recency_days.map(|d| d.to_string()).unwrap_or_default()),
        value(ui::CYCLE, "cycle_days", l.cycle_days.map(|d| d.to_string()).unwrap_or_default()),
        value(ui::EXPECTED_ORDER, "expected_order", opt(l.expected_order)),
    ];
    let sparkline = {
        let mut dated: Vec<_> = c.orders.iter().filter(|o| o.date <= site.today).collect();
        dated.sort_by_key(|o| o.date);
        super::charts_html::order_sparkline(site, dated.iter().map(|o| (date(o.date), o.amount)).collect())
    };
    CustomerPage {
        title: c.name.clone(),
        c: profile(site, c),
        row: site.customer_row(f),
        computed,
        exposure: site.money(f.credit.exposure),
        overdue: site.money(f.credit.overdue),
        over_limit: f.credit.over_limit,
        contacts: site.contacts(c),
        interactions: site.interactions(c, usize::MAX, false),
        orders: site.orders(c),
        orders_total: site.money(f.ledger.lifetime_revenue),
        sparkline,
        complaints: site.complaints(f),
        promises: site.promises(f, false),
        deliveries: site.deliveries(f),
        contracts: site.contracts(c),
        agenda: site.agenda_of(&c.id).map(|i| site.agenda_row(i)).collect(),
        notes_html: c.notes.as_deref().filter(|_| !site.redact).map(super::markdown::render).unwrap_or_default(),
        care: care_view(site, c, f, why),
        last_changed: site.last_changed(&c.id),
        history: site.history_rows(&c.id),
        edit_url: site.settings.edit_url.as_ref().map(|u| format!("{u}{}", c.file)).unwrap_or_default(),
    }
}

/// The profile view of a customer.
pub fn profile(site: &Site<'_>, c: &Customer) -> Profile {
    let hide = |v: &Option<String>| if site.redact { String::new() } else { v.clone().unwrap_or_default() };
    let region = c.region.clone().unwrap_or_default();
    Profile {
        id: c.id.clone(),
        name: c.name.clone(),
        kind: site.word(c.kind.label()),
        owner: c.owner.get_ref().clone(),
        owner_name: site.member_name(c.owner.get_ref()),
        region_slug: if region.is_empty() { String::new() } else { region_slug(&region) },
        region,
        tags: c.tags.clone(),
        since: c.since.map(date).unwrap_or_default(),
        relationship: site.word(c.relationship.label()),
        prospect: c.prospect,
        credit_limit: c.credit_limit.map(|v| site.money(v)).unwrap_or_default(),
        phone: hide(&c.phone),
        email: hide(&c.email),
        wechat: hide(&c.wechat),
        address: hide(&c.address),
        birthday: if site.redact { String::new() } else { c.birthday.map(date).unwrap_or_default() },
    }
}

/// The opportunities of a customer, open first.
pub fn opportunities(site: &Site<'_>, c: &Customer) -> Vec<OpportunityRow> {
    let mut list: Vec<_> = c.opportunities.iter().filter(|o| o.opened <= site.today).collect();
    list.sort_by_key(|o| (o.stage.is_closed(), o.expected.or(o.closed)));
    list.iter().map(|o| opportunity_row(site, o)).collect()
}

/// One opportunity, formatted.
pub fn opportunity_row(site: &Site<'_>, o: &Opportunity) -> OpportunityRow {
    OpportunityRow {
        title: o.title.clone(),
        stage: site.labelled(o.stage),
        amount: o.amount.map(|a| site.money(a)).unwrap_or_default(),
        opened: date(o.opened),
        expected: o.expected.map(date).unwrap_or_default(),
        closed: o.closed.map(date).unwrap_or_default(),
        reason: o.reason.filter(|_| o.stage.is_closed()).map(|r| site.labelled(r)),
        competitor: o.competitor.clone().unwrap_or_default(),
        objections: o.objections.join(" · "),
    }
}

/// The role × stance grid of present contacts (company customers).
fn grid(site: &Site<'_>, c: &Customer) -> Vec<GridRow> {
    if c.kind != CustomerKind::Company {
        return Vec::new();
    }
    ContactRole::ALL
        .iter()
        .map(|(_, role)| GridRow {
            role: site.labelled(*role),
            cells: Stance::ALL
                .iter()
                .map(|(_, stance)| {
                    c.contacts
                        .iter()
                        .filter(|p| !p.has_left(site.today) && p.role == *role && p.stance == *stance)
                        .map(|p| p.name.clone())
                        .collect()
                })
                .collect(),
        })
        .filter(|row| row.cells.iter().any(|cell| !cell.is_empty()))
        .collect()
}

/// Section 10's view of a customer.
pub fn care_view(site: &Site<'_>, c: &Customer, f: &Facts, why: Why) -> CareView {
    let care = &f.care;
    let points: Vec<(String, rust_decimal::Decimal)> = c
        .interactions
        .iter()
        .filter(|i| i.date <= site.today)
        .filter_map(|i| Some((date(i.date), rust_decimal::Decimal::from(i.satisfaction?))))
        .collect();
    let mut handovers: Vec<_> = c.handovers.iter().filter(|h| h.date <= site.today).collect();
    handovers.sort_by_key(|h| h.date);
    CareView {
        trend: care.trend.map(signed_percent).unwrap_or_default(),
        lifetime_revenue: site.money(f.ledger.lifetime_revenue),
        satisfaction: care.satisfaction.map(|(s, d)| format!("{s}/5 ({})", date(d))).unwrap_or_default(),
        satisfaction_chart: super::charts_html::satisfaction_sparkline(site, points),
        coverage: care.coverage.map(|k| site.labelled(k)),
        stances: Stance::ALL.iter().map(|(_, s)| site.labelled(*s)).collect(),
        grid: grid(site, c),
        risk: care.risk.iter().map(|r| site.labelled(*r)).collect(),
        referrals: care.referrals.iter().map(|id| site.customer_link(id)).collect(),
        referred_by: c.referred_by.as_ref().map(|r| site.customer_link(r.get_ref())),
        handovers: handovers
            .iter()
            .map(|h| HandoverView {
                date: date(h.date),
                from: site.member_name(h.from.get_ref()),
                to: site.member_name(h.to.get_ref()),
            })
            .collect(),
        opportunities: opportunities(site, c),
        why,
        loss: c.loss.as_ref().filter(|l| l.date <= site.today).map(|l| LossView {
            date: date(l.date),
            reason: site.labelled(l.reason),
            notes_html: l.notes.as_deref().filter(|_| !site.redact).map(super::markdown::render).unwrap_or_default(),
        }),
    }
}
