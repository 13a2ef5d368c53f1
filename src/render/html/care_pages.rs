//! The customer-care pages of SPEC 10.4: complaints by category, lost customers, the owner
//! scorecard and the pipeline.

use std::collections::BTreeMap;

use anyhow::Result;
use rust_decimal::Decimal;
use serde::Serialize;
use tera::Context;

use super::Site;
use super::customer_page::{OpportunityRow, opportunity_row};
use super::views::Labelled;
use crate::format::date;
use crate::i18n::{labels, ui};
use crate::records::choices::Choice as _;
use crate::records::choices::{ComplaintCategory, Stage};
use crate::render::Sink;

/// Renders complaints.html, lost.html, scorecard.html and pipeline.html.
pub fn render(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    complaints(site, sink)?;
    lost(site, sink)?;
    scorecard(site, sink)?;
    pipeline(site, sink)
}

/// The median of whole days, halves shown with one decimal.
fn median(mut days: Vec<i64>) -> String {
    if days.is_empty() {
        return "—".to_string();
    }
    days.sort_unstable();
    let n = days.len();
    let twice = if n % 2 == 1 { 2 * days[n / 2] } else { days[n / 2 - 1] + days[n / 2] };
    if twice % 2 == 0 { (twice / 2).to_string() } else { format!("{}.5", twice / 2) }
}

#[derive(Serialize)]
struct CategoryRow {
    category: Labelled,
    total: usize,
    open: usize,
    median_days: String,
}

fn categories(site: &Site<'_>) -> (Vec<CategoryRow>, Vec<(String, String, usize)>) {
    let mut rows = Vec::new();
    for (_, category) in ComplaintCategory::ALL {
        let all: Vec<_> = site
            .analysis
            .customers
            .iter()
            .flat_map(|f| &site.records.customers[f.index].complaints)
            .filter(|k| k.category == *category && k.opened <= site.today)
            .collect();
        if all.is_empty() {
            continue;
        }
        let resolved: Vec<i64> = all
            .iter()
            .filter_map(|k| k.resolved.filter(|r| *r <= site.today).map(|r| (r - k.opened).num_days()))
            .collect();
        rows.push(CategoryRow {
            category: site.labelled(*category),
            total: all.len(),
            open: all.len() - resolved.len(),
            median_days: median(resolved),
        });
    }
    let repeat = site
        .analysis
        .customers
        .iter()
        .filter_map(|f| {
            let c = &site.records.customers[f.index];
            let n = c.complaints.iter().filter(|k| site.analysis.window.contains(k.opened)).count();
            (n > 1).then(|| (c.id.clone(), c.name.clone(), n))
        })
        .collect();
    (rows, repeat)
}

fn complaints(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    #[derive(Serialize)]
    struct Row {
        customer: String,
        name: String,
        owner_name: String,
        #[serde(flatten)]
        complaint: super::views::ComplaintView,
    }
    let mut rows: Vec<Row> = site
        .analysis
        .customers
        .iter()
        .flat_map(|f| {
            let c = &site.records.customers[f.index];
            site.complaints(c).into_iter().map(|k| Row {
                customer: c.id.clone(),
                name: c.name.clone(),
                owner_name: site.member_name(c.owner.get_ref()),
                complaint: k,
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        b.complaint
            .open
            .cmp(&a.complaint.open)
            .then_with(|| b.complaint.opened.cmp(&a.complaint.opened))
            .then_with(|| a.customer.cmp(&b.customer))
    });
    let (open, resolved): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|r| r.complaint.open);
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::COMPLAINTS));
    cx.insert("open", &open);
    cx.insert("resolved", &resolved);
    let (by_category, repeat) = categories(site);
    cx.insert("categories", &by_category);
    cx.insert("repeat", &repeat);
    cx.insert("median_all", &median(resolved.iter().map(|r| r.complaint.days).collect()));
    site.page(sink, "complaints.html", "complaints.html", "complaints", cx)
}

fn lost(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    #[derive(Serialize)]
    struct Row {
        id: String,
        name: String,
        owner_name: String,
        date: String,
        reason: Labelled,
        lifetime: String,
        archived: bool,
        notes_html: String,
    }
    let mut rows = Vec::new();
    let mut by_reason: BTreeMap<String, (usize, Decimal)> = BTreeMap::new();
    for (i, c) in site.records.customers.iter().enumerate() {
        let facts = site.analysis.facts_of(i);
        let recorded = c.loss.as_ref().filter(|l| l.date <= site.today);
        let lost_by_dates = facts.is_some_and(|f| f.lifecycle == crate::analysis::lifecycle::Lifecycle::Lost);
        let listed = recorded.is_some() || (lost_by_dates && !c.archived);
        if !listed {
            continue;
        }
        let lifetime: Decimal = c.orders.iter().filter(|o| o.date <= site.today).map(|o| o.amount).sum();
        let reason = match recorded {
            Some(l) => site.labelled(l.reason),
            None => Labelled { key: "unrecorded", label: site.word(labels::LOSS_UNRECORDED) },
        };
        let entry = by_reason.entry(reason.label.clone()).or_default();
        entry.0 += 1;
        entry.1 += lifetime;
        rows.push(Row {
            id: c.id.clone(),
            name: c.name.clone(),
            owner_name: site.member_name(c.owner.get_ref()),
            date: recorded
                .map(|l| date(l.date))
                .or_else(|| facts.and_then(|f| f.ledger.last_order.map(date)))
                .unwrap_or_default(),
            reason,
            lifetime: site.money(lifetime),
            archived: c.archived,
            notes_html: recorded
                .and_then(|l| l.notes.as_deref())
                .filter(|_| !site.redact)
                .map(super::markdown::render)
                .unwrap_or_default(),
        });
    }
    let total: Decimal = by_reason.values().map(|v| v.1).sum();
    let summary: Vec<(String, usize, String)> =
        by_reason.into_iter().map(|(reason, (n, sum))| (reason, n, site.money(sum))).collect();
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::LOST));
    cx.insert("rows", &rows);
    cx.insert("summary", &summary);
    cx.insert("total", &site.money(total));
    site.page(sink, "lost.html", "lost.html", "lost", cx)
}

fn scorecard(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    #[derive(Serialize)]
    struct Row {
        id: String,
        name: String,
        left: String,
        customers: usize,
        a: usize,
        b: usize,
        c: usize,
        at_risk: usize,
        completeness: String,
        overdue: usize,
        contacts_30: usize,
        receivables_overdue: String,
        pipeline: String,
    }
    let rows: Vec<Row> = site
        .analysis
        .owners
        .iter()
        .map(|o| Row {
            id: o.id.clone(),
            name: o.name.clone(),
            left: o.left.filter(|d| *d <= site.today).map(date).unwrap_or_default(),
            customers: o.customers,
            a: o.abc[0],
            b: o.abc[1],
            c: o.abc[2],
            at_risk: o.at_risk,
            completeness: o.completeness.map(|c| format!("{c} %")).unwrap_or_else(|| "—".to_string()),
            overdue: o.overdue,
            contacts_30: o.contacts_30,
            receivables_overdue: site.money(o.receivables_overdue),
            pipeline: site.money(o.pipeline),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::SCORECARD));
    cx.insert("rows", &rows);
    site.page(sink, "scorecard.html", "scorecard.html", "scorecard", cx)
}

fn pipeline(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    #[derive(Serialize)]
    struct Row {
        customer: String,
        name: String,
        owner: String,
        owner_name: String,
        #[serde(flatten)]
        opportunity: OpportunityRow,
    }
    let mut open = Vec::new();
    let mut won = Vec::new();
    let mut per_stage: BTreeMap<usize, (Labelled, usize, Decimal)> = BTreeMap::new();
    let mut per_owner: BTreeMap<String, Decimal> = BTreeMap::new();
    for f in &site.analysis.customers {
        let c = &site.records.customers[f.index];
        for o in c.opportunities.iter().filter(|o| o.opened <= site.today) {
            let row = || Row {
                customer: c.id.clone(),
                name: c.name.clone(),
                owner: c.owner.get_ref().clone(),
                owner_name: site.member_name(c.owner.get_ref()),
                opportunity: opportunity_row(site, o),
            };
            match o.stage {
                Stage::Won if o.closed.is_some_and(|d| site.analysis.window.contains(d)) => won.push(row()),
                Stage::Won | Stage::Lost => {}
                _ => open.push(row()),
            }
        }
        for o in c.opportunities.iter().filter(|o| o.opened <= site.today && !o.stage.is_closed()) {
            let position = Stage::ALL.iter().position(|(_, s)| *s == o.stage).unwrap_or(0);
            let entry = per_stage.entry(position).or_insert_with(|| (site.labelled(o.stage), 0, Decimal::ZERO));
            entry.1 += 1;
            entry.2 += o.amount.unwrap_or_default();
        }
        if !f.care.pipeline.is_zero() {
            *per_owner.entry(c.owner.get_ref().clone()).or_default() += f.care.pipeline;
        }
    }
    open.sort_by(|a, b| a.opportunity.expected.cmp(&b.opportunity.expected).then_with(|| a.customer.cmp(&b.customer)));
    won.sort_by(|a, b| b.opportunity.closed.cmp(&a.opportunity.closed).then_with(|| a.customer.cmp(&b.customer)));
    let stages: Vec<(Labelled, usize, String)> =
        per_stage.into_values().map(|(l, n, sum)| (l, n, site.money(sum))).collect();
    let owners: Vec<(String, String, String)> =
        per_owner.into_iter().map(|(id, sum)| (site.member_name(&id), id, site.money(sum))).collect();
    let won_total: Decimal = site.analysis.customers.iter().map(|f| f.care.won).sum();
    let open_total: Decimal = site.analysis.customers.iter().map(|f| f.care.pipeline).sum();
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::PIPELINE));
    cx.insert("open", &open);
    cx.insert("won", &won);
    cx.insert("stages", &stages);
    cx.insert("owners", &owners);
    cx.insert("open_total", &site.money(open_total));
    cx.insert("won_total", &site.money(won_total));
    site.page(sink, "pipeline.html", "pipeline.html", "pipeline", cx)
}
