//! The dashboard (headline figures and charts) and the receivables figures it shares.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use tera::Context;

use super::Site;
use super::team_figures::{BUCKETS, ageing, bucket};
use crate::analysis::Facts;
use crate::analysis::abc::Class;
use crate::analysis::agenda::Status;
use crate::analysis::credit::unpaid;
use crate::analysis::lifecycle::Lifecycle;
use crate::format::{date, percent};
use crate::i18n::{Text, ui};
use crate::records::model::Money;
use crate::render::Sink;

/// A labelled figure with an optional note and a link.
#[derive(Serialize)]
pub struct Figure {
    label: String,
    value: String,
    note: String,
    href: String,
}

/// One unpaid credit order.
#[derive(Serialize)]
pub struct UnpaidRow {
    customer: String,
    name: String,
    owner_name: String,
    reference: String,
    date: String,
    due: String,
    amount: String,
    days_overdue: i64,
    bucket: usize,
}

/// Every unpaid credit order of the given customers, oldest due first.
pub fn unpaid_rows<'f>(site: &Site<'_>, facts: impl Iterator<Item = &'f Facts>) -> Vec<UnpaidRow> {
    let mut rows: Vec<(NaiveDate, UnpaidRow)> = Vec::new();
    for f in facts {
        let c = &site.records.customers[f.index];
        for o in c.orders.iter().filter(|o| o.date <= site.today && unpaid(o, &site.analysis.window)) {
            let Some(due) = o.due else { continue };
            let days = (site.today - due).num_days().max(0);
            rows.push((
                due,
                UnpaidRow {
                    customer: c.id.clone(),
                    name: c.name.clone(),
                    owner_name: site.member_name(c.owner.get_ref()),
                    reference: o.reference.as_ref().map(|r| r.get_ref().clone()).unwrap_or_default(),
                    date: date(o.date),
                    due: date(due),
                    amount: site.money(o.amount),
                    days_overdue: days,
                    bucket: bucket(days),
                },
            ));
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.customer.cmp(&b.1.customer)));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The receivables page's data (also used by the dashboard's figures).
pub fn receivables_context(site: &Site<'_>) -> Context {
    #[derive(Serialize)]
    struct Total {
        id: String,
        name: String,
        exposure: String,
        overdue: String,
        limit: String,
        over_limit: bool,
    }
    let mut per_owner: BTreeMap<String, (Money, Money)> = BTreeMap::new();
    let mut per_customer = Vec::new();
    for f in site.analysis.customers.iter().filter(|f| !f.credit.exposure.is_zero()) {
        let c = &site.records.customers[f.index];
        let entry = per_owner.entry(c.owner.get_ref().clone()).or_default();
        entry.0 += f.credit.exposure;
        entry.1 += f.credit.overdue;
        per_customer.push(Total {
            id: c.id.clone(),
            name: c.name.clone(),
            exposure: site.money(f.credit.exposure),
            overdue: site.money(f.credit.overdue),
            limit: c.credit_limit.map(|l| site.money(l)).unwrap_or_default(),
            over_limit: f.credit.over_limit,
        });
    }
    let owners: Vec<Total> = per_owner
        .into_iter()
        .map(|(id, (e, o))| Total {
            name: site.member_name(&id),
            id,
            exposure: site.money(e),
            overdue: site.money(o),
            limit: String::new(),
            over_limit: false,
        })
        .collect();
    let sums = ageing(site);
    let buckets: Vec<Figure> = BUCKETS
        .iter()
        .zip(sums)
        .map(|(label, sum)| Figure {
            label: if *label == "not_due" {
                site.word(ui::NOT_DUE)
            } else {
                format!("{label} {}", site.word(ui::DAYS))
            },
            value: site.money(sum),
            note: String::new(),
            href: String::new(),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("rows", &unpaid_rows(site, site.analysis.customers.iter()));
    cx.insert("buckets", &buckets);
    cx.insert("per_customer", &per_customer);
    cx.insert("per_owner", &owners);
    cx.insert("over_limit", &per_customer.iter().filter(|t| t.over_limit).collect::<Vec<_>>());
    cx.insert("total", &site.money(sums.iter().copied().sum()));
    cx
}

/// Renders `index.html`.
pub fn render(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let a = site.analysis;
    let count = |class: Class| a.customers.iter().filter(|f| f.class() == class).count();
    let revenue: Money = a.customers.iter().map(|f| f.ledger.revenue).sum();
    let previous: Money = a.customers.iter().map(|f| f.ledger.revenue_prev).sum();
    let exposure: Money = a.customers.iter().map(|f| f.credit.exposure).sum();
    let overdue: Money = a.customers.iter().map(|f| f.credit.overdue).sum();
    let open_complaints = a
        .customers
        .iter()
        .flat_map(|f| &site.records.customers[f.index].complaints)
        .filter(|k| k.opened <= site.today && k.resolved.is_none_or(|r| r > site.today))
        .count();
    let due_week = a.agenda.iter().filter(|i| i.status != Status::Upcoming).count();
    let t = |text: Text| site.word(text);
    let trend = if previous.is_zero() {
        String::new()
    } else {
        format!("{} {}", t(ui::VS_PREVIOUS), signed_percent(revenue / previous - Decimal::ONE))
    };
    let figures = vec![
        Figure {
            label: t(ui::CUSTOMERS_COUNT),
            value: a.customers.len().to_string(),
            note: format!("A {} · B {} · C {}", count(Class::A), count(Class::B), count(Class::C)),
            href: "customers/index.html".into(),
        },
        Figure { label: t(ui::REVENUE_WINDOW), value: site.money(revenue), note: trend, href: String::new() },
        Figure {
            label: t(ui::RECEIVABLES),
            value: site.money(exposure),
            note: format!("{} {}", t(ui::OVERDUE), site.money(overdue)),
            href: "receivables.html".into(),
        },
        Figure {
            label: t(ui::OPEN_COMPLAINTS),
            value: open_complaints.to_string(),
            note: String::new(),
            href: "complaints.html".into(),
        },
        Figure {
            label: t(ui::DUE_THIS_WEEK),
            value: due_week.to_string(),
            note: String::new(),
            href: "agenda.html".into(),
        },
    ];
    let lifecycle: Vec<Figure> = Lifecycle::ALL
        .iter()
        .map(|l| Figure {
            label: site.labelled(*l).label,
            value: a.customers.iter().filter(|f| f.lifecycle == *l).count().to_string(),
            note: String::new(),
            href: String::new(),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("title", &t(ui::DASHBOARD));
    cx.insert("figures", &figures);
    cx.insert("lifecycle", &lifecycle);
    cx.insert("charts", &super::charts_html::dashboard_charts(site));
    let mut at_risk: Vec<&Facts> = a.customers.iter().filter(|f| !f.care.risk.is_empty()).collect();
    at_risk.sort_by(|x, y| x.class().cmp(&y.class()).then(y.ledger.revenue.cmp(&x.ledger.revenue)));
    let at_risk: Vec<_> = at_risk.iter().map(|f| site.customer_row(f)).collect();
    cx.insert("at_risk", &at_risk);
    let this_week = a.agenda.iter().filter(|i| matches!(i.status, Status::Today | Status::Soon));
    let upcoming: Vec<_> = this_week.take(15).map(|i| site.agenda_row(i)).collect();
    cx.insert("agenda", &upcoming);
    site.page(sink, "index.html", "dashboard.html", "dashboard", cx)
}

fn signed_percent(share: Decimal) -> String {
    let text = percent(share);
    if share.is_sign_negative() { text } else { format!("+{text}") }
}
