//! The customer-care pages of SPEC 10.4: complaints by category, lost customers, the owner
//! scorecard and the pipeline, shaped from the team's figures of the analysis.

use anyhow::Result;
use rust_decimal::Decimal;
use tera::Context;

use super::Site;
use super::customer_page::opportunity_row;
use super::views::care::{
    CategoryRow, ComplaintRow, LossSummaryRow, LostRow, ObjectionRow, OwnerPipelineRow, PipelineRow, ReasonRow,
    RepeatRow, ScorecardRow, StageRow,
};
use crate::analysis::outcomes::is_decided_in_window;
use crate::analysis::pipeline::{is_open, is_won_in_window};
use crate::analysis::rate::Rate;
use crate::format::date;
use crate::i18n::{labels, ui};
use crate::records::choices::{LossReason, Stage};
use crate::render::Sink;

/// How many of the most common objections the pipeline page lists.
const OBJECTIONS: usize = 10;

/// Renders complaints.html, lost.html, scorecard.html and pipeline.html.
pub fn render(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    complaints(site, sink)?;
    lost(site, sink)?;
    scorecard(site, sink)?;
    pipeline(site, sink)
}

/// A median number of days, `—` when there is none.
fn days(median: Option<Decimal>) -> String {
    median.map_or_else(|| "—".to_string(), |d| d.to_string())
}

fn complaints(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let figures = &site.analysis.team.complaints;
    let mut rows: Vec<ComplaintRow> = site
        .analysis
        .customers
        .iter()
        .flat_map(|f| {
            let c = &site.records.customers[f.index];
            site.complaints(f).into_iter().map(|k| ComplaintRow {
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
    let (open, resolved): (Vec<ComplaintRow>, Vec<ComplaintRow>) = rows.into_iter().partition(|r| r.complaint.open);
    let categories: Vec<CategoryRow> = figures
        .categories
        .iter()
        .map(|k| CategoryRow {
            category: site.labelled(k.category),
            total: k.complaints,
            open: k.open,
            median_days: days(k.median_resolution_days),
        })
        .collect();
    let repeat: Vec<RepeatRow> = figures
        .repeat_complainers
        .iter()
        .map(|r| {
            let c = &site.records.customers[r.customer];
            RepeatRow { id: c.id.clone(), name: c.name.clone(), complaints: r.complaints }
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::COMPLAINTS));
    cx.insert("open", &open);
    cx.insert("resolved", &resolved);
    cx.insert("categories", &categories);
    cx.insert("repeat", &repeat);
    cx.insert("median_all", &days(figures.median_resolution_days));
    site.page(sink, "complaints.html", "complaints.html", "complaints", cx)
}

fn lost(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let losses = &site.analysis.team.losses;
    let reason = |r: Option<LossReason>| match r {
        Some(r) => site.labelled(r),
        None => site.labelled_key("unrecorded", labels::LOSS_UNRECORDED),
    };
    let rows: Vec<LostRow> = losses
        .customers
        .iter()
        .map(|l| {
            let c = &site.records.customers[l.customer];
            LostRow {
                id: c.id.clone(),
                name: c.name.clone(),
                owner_name: site.member_name(c.owner.get_ref()),
                date: l.date.map(date).unwrap_or_default(),
                reason: reason(l.reason),
                lifetime: site.money(l.lifetime_revenue),
                archived: l.archived,
                notes_html: c
                    .loss
                    .as_ref()
                    .filter(|_| l.reason.is_some() && !site.redact)
                    .and_then(|loss| loss.notes.as_deref())
                    .map(super::markdown::render)
                    .unwrap_or_default(),
            }
        })
        .collect();
    let summary: Vec<LossSummaryRow> = losses
        .by_reason
        .iter()
        .map(|g| LossSummaryRow {
            reason: reason(g.reason),
            customers: g.customers,
            lifetime: site.money(g.lifetime_revenue),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::LOST));
    cx.insert("rows", &rows);
    cx.insert("summary", &summary);
    cx.insert("total", &site.money(losses.lifetime_revenue));
    site.page(sink, "lost.html", "lost.html", "lost", cx)
}

fn scorecard(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let rows: Vec<ScorecardRow> = site
        .analysis
        .owners
        .iter()
        .map(|o| ScorecardRow {
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
            target: o.target.map(|t| site.money(t)).unwrap_or_default(),
            revenue: site.money(o.revenue),
            attainment: site.share(o.attainment),
            promises_kept: site.share(o.promises_kept.rate),
            promises_base: base(site, o.promises_kept.hits, o.promises_kept.of),
            win_rate: site.share(o.win_rate),
            win_base: base(site, o.won, o.won + o.lost),
            why: crate::analysis::explain::owner(o, site.analysis, site.settings),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::SCORECARD));
    cx.insert("rows", &rows);
    site.page(sink, "scorecard.html", "scorecard.html", "scorecard", cx)
}

/// A rate's base, `2 of 3`, or that there is nothing to count yet.
fn base(site: &Site<'_>, hits: usize, of: usize) -> String {
    if of == 0 { site.word(ui::NO_BASE) } else { site.rate_of(&Rate::new(hits, of)) }
}

fn pipeline(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let figures = &site.analysis.team.pipeline;
    let outcomes = &site.analysis.team.outcomes;
    let window = &site.analysis.window;
    let mut open = Vec::new();
    let mut won = Vec::new();
    let mut lost = Vec::new();
    for f in &site.analysis.customers {
        let c = &site.records.customers[f.index];
        for o in &c.opportunities {
            let row = || PipelineRow {
                customer: c.id.clone(),
                name: c.name.clone(),
                owner: c.owner.get_ref().clone(),
                owner_name: site.member_name(c.owner.get_ref()),
                opportunity: opportunity_row(site, o),
            };
            if is_open(o, window) {
                open.push(row());
            } else if is_won_in_window(o, window) {
                won.push(row());
            } else if o.stage == Stage::Lost && is_decided_in_window(o, window) {
                lost.push(row());
            }
        }
    }
    open.sort_by(|a, b| a.opportunity.expected.cmp(&b.opportunity.expected).then_with(|| a.customer.cmp(&b.customer)));
    won.sort_by(|a, b| b.opportunity.closed.cmp(&a.opportunity.closed).then_with(|| a.customer.cmp(&b.customer)));
    lost.sort_by(|a, b| b.opportunity.closed.cmp(&a.opportunity.closed).then_with(|| a.customer.cmp(&b.customer)));
    let reasons: Vec<ReasonRow> = outcomes
        .by_reason
        .iter()
        .map(|r| ReasonRow {
            reason: r
                .reason
                .map_or_else(|| site.labelled_key("unrecorded", ui::REASON_UNRECORDED), |x| site.labelled(x)),
            won: r.won,
            won_amount: site.money(r.won_amount),
            lost: r.lost,
            lost_amount: site.money(r.lost_amount),
        })
        .collect();
    let objections: Vec<ObjectionRow> = outcomes
        .objections
        .iter()
        .take(OBJECTIONS)
        .map(|o| ObjectionRow { text: o.text.clone(), opportunities: o.opportunities })
        .collect();
    let stages: Vec<StageRow> = figures
        .by_stage
        .iter()
        .map(|s| StageRow {
            stage: site.labelled(s.stage),
            opportunities: s.opportunities,
            amount: site.money(s.amount),
        })
        .collect();
    let owners: Vec<OwnerPipelineRow> = figures
        .by_owner
        .iter()
        .map(|o| OwnerPipelineRow {
            id: o.owner.clone(),
            name: site.member_name(&o.owner),
            amount: site.money(o.amount),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::PIPELINE));
    cx.insert("open", &open);
    cx.insert("won", &won);
    cx.insert("stages", &stages);
    cx.insert("owners", &owners);
    cx.insert("open_total", &site.money(figures.open));
    cx.insert("won_total", &site.money(figures.won));
    cx.insert("lost", &lost);
    cx.insert("lost_total", &site.money(outcomes.lost_amount));
    cx.insert("win_rate", &site.share(outcomes.win_rate));
    cx.insert("win_base", &base(site, outcomes.won, outcomes.won + outcomes.lost));
    cx.insert("win_rate_why", &crate::analysis::explain::win_rate(site.analysis, site.settings));
    cx.insert("reasons", &reasons);
    cx.insert("objections", &objections);
    site.page(sink, "pipeline.html", "pipeline.html", "pipeline", cx)
}
