//! The list and detail pages: agenda, customers, owners, regions, receivables, complaints.

use anyhow::Result;
use rayon::prelude::*;
use tera::{Context, Value};

use super::Site;
use super::paths::{id_path, region_slug};
use super::views::CustomerRow;
use super::views::keeping::PromiseRow;
use super::views::team::{AgendaGroup, ArchivedRow, OwnerRow, RegionRow};
use crate::analysis::Facts;
use crate::analysis::agenda::{AgendaItem, Status};
use crate::analysis::receivables::unpaid_orders;
use crate::format::date;
use crate::i18n::{Label, ui};
use crate::records::model::Money;
use crate::render::Sink;

/// The rows of agenda items grouped by status, in status order, leaving out empty groups;
/// in each group, in the order given.
pub fn group_agenda<'i>(site: &Site<'_>, items: impl Iterator<Item = &'i AgendaItem>) -> Vec<AgendaGroup> {
    let mut buckets: Vec<Vec<Value>> = Status::ALL.iter().map(|_| Vec::new()).collect();
    for item in items {
        if let Some(at) = Status::ALL.iter().position(|s| *s == item.status) {
            buckets[at].push(Value::from_serializable(&site.agenda_row(item)));
        }
    }
    Status::ALL
        .iter()
        .zip(buckets)
        .filter(|(_, items)| !items.is_empty())
        .map(|(s, items)| AgendaGroup { key: s.as_str(), label: site.word(s.label()), items })
        .collect()
}

/// Renders every page but the dashboard, the cards and the customers' own pages: the agenda
/// first and alone, then the others in parallel.
pub fn render(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    // The agenda's context is the largest of the site (a template value per item: 300 MiB for
    // 100,000 customers), so it is not built beside the customer list's rows.
    agenda(site, sink)?;
    let rows: Vec<CustomerRow> = site.analysis.customers.iter().map(|f| site.customer_row(f)).collect();
    let groups: [&(dyn Fn() -> Result<()> + Sync); 8] = [
        &|| customers(site, sink, &rows),
        &|| owners(site, sink, &rows),
        &|| regions(site, sink, &rows),
        &|| super::dashboard::receivables(site, sink),
        &|| super::care_pages::render(site, sink),
        &|| archived(site, sink),
        &|| super::history_pages::changes(site, sink),
        &|| super::week_page::render(site, sink),
    ];
    groups.par_iter().try_for_each(|render| render())
}

fn agenda(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::AGENDA));
    cx.insert("owners", &site.owner_links());
    cx.insert("kinds", &crate::analysis::agenda::Kind::ALL.iter().map(|k| site.labelled(*k)).collect::<Vec<_>>());
    cx.insert("groups", &group_agenda(site, site.analysis.agenda.iter()));
    site.page(sink, "agenda.html", "agenda.html", "agenda", cx)
}

fn customers(site: &Site<'_>, sink: &dyn Sink, rows: &[CustomerRow]) -> Result<()> {
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::CUSTOMERS));
    cx.insert("rows", rows);
    site.page(sink, "customers/index.html", "customers.html", "customers", cx)
}

fn owners(site: &Site<'_>, sink: &dyn Sink, rows: &[CustomerRow]) -> Result<()> {
    let summaries: Vec<OwnerRow> = site
        .records
        .members
        .par_iter()
        .filter_map(|m| id_path("owners", m.id.get_ref(), "html").map(|path| (m, path)))
        .map(|(m, path)| {
            let id = m.id.get_ref();
            let summary = site.analysis.owners.iter().find(|o| &o.id == id);
            let mine: Vec<&CustomerRow> = rows.iter().filter(|r| &r.owner == id).collect();
            let facts: Vec<&Facts> = site
                .analysis
                .customers
                .iter()
                .filter(|f| site.records.customers[f.index].owner.get_ref() == id)
                .collect();
            let mut cx = Context::new();
            cx.insert("title", &m.name);
            cx.insert("member_id", id);
            cx.insert("email", &if site.redact { None } else { m.email.clone() });
            cx.insert("rows", &mine);
            cx.insert("groups", &group_agenda(site, site.analysis.agenda.iter().filter(|i| &i.owner == id)));
            let unpaid = unpaid_orders(site.records, facts.iter().copied(), &site.analysis.window);
            cx.insert("receivables", &site.unpaid_rows(&unpaid));
            cx.insert("promises", &promises_by(site, id));
            cx.insert("my_day", &site.my_day(id));
            site.page(sink, &path, "owner.html", "owners", cx)?;
            Ok(OwnerRow {
                id: id.clone(),
                name: m.name.clone(),
                left: m.left.is_some_and(|d| d <= site.today),
                customers: mine.len(),
                revenue: site.money(summary.map_or(Money::ZERO, |o| o.revenue)),
                overdue_items: summary.map_or(0, |o| o.overdue),
                receivables: site.money(summary.map_or(Money::ZERO, |o| o.receivables)),
            })
        })
        .collect::<Result<_>>()?;
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::OWNERS));
    cx.insert("owners", &summaries);
    site.page(sink, "owners/index.html", "owners.html", "owners", cx)
}

/// The promises member `id` made (`by`, else as the customer's owner), not kept first.
fn promises_by(site: &Site<'_>, id: &str) -> Vec<PromiseRow> {
    let mut rows: Vec<(usize, PromiseRow)> = Vec::new();
    for f in &site.analysis.customers {
        let c = &site.records.customers[f.index];
        for p in site.sorted_promises(f.keeping.promises.iter().filter(|p| p.by == id)) {
            let row =
                PromiseRow { customer: c.id.clone(), name: c.name.clone(), promise: site.promise_view(f, p, false) };
            rows.push((p.index, row));
        }
    }
    rows.sort_by(|(i, a), (j, b)| {
        let (x, y) = (&a.promise, &b.promise);
        let by_due = if x.open { x.due.cmp(&y.due) } else { y.due.cmp(&x.due) };
        y.open.cmp(&x.open).then(by_due).then_with(|| a.customer.cmp(&b.customer)).then(i.cmp(j))
    });
    rows.into_iter().map(|(_, row)| row).collect()
}

fn regions(site: &Site<'_>, sink: &dyn Sink, rows: &[CustomerRow]) -> Result<()> {
    let mut summaries = Vec::new();
    for region in &site.analysis.team.regions {
        let slug = region_slug(&region.region);
        let list: Vec<&CustomerRow> = rows.iter().filter(|r| r.region == region.region).collect();
        let mut cx = Context::new();
        cx.insert("title", &region.region);
        cx.insert("rows", &list);
        cx.insert("revenue", &site.money(region.revenue));
        site.page(sink, &format!("regions/{slug}.html"), "region.html", "regions", cx)?;
        summaries.push(RegionRow {
            slug,
            name: region.region.clone(),
            customers: region.customers,
            revenue: site.money(region.revenue),
        });
    }
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::REGIONS));
    cx.insert("regions", &summaries);
    site.page(sink, "regions/index.html", "regions.html", "regions", cx)
}

fn archived(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let rows: Vec<ArchivedRow> = site
        .records
        .customers
        .iter()
        .filter(|c| c.archived)
        .map(|c| ArchivedRow {
            id: c.id.clone(),
            name: c.name.clone(),
            owner_name: site.member_name(c.owner.get_ref()),
            region: c.region.clone().unwrap_or_default(),
            last_order: c
                .orders
                .iter()
                .map(|o| o.date)
                .filter(|d| *d <= site.today)
                .max()
                .map(date)
                .unwrap_or_default(),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::ARCHIVED_CUSTOMERS));
    cx.insert("rows", &rows);
    site.page(sink, "archived.html", "archived.html", "archived", cx)
}
