//! The dashboard (headline figures and charts) and the receivables page: the team's figures
//! of the analysis, shaped into views.

use anyhow::Result;
use tera::Context;

use super::Site;
use super::views::signed_percent;
use super::views::team::{Figure, RateFigure, ReceivablesRow};
use crate::analysis::Facts;
use crate::analysis::agenda::Status;
use crate::analysis::rate::Rate;
use crate::analysis::receivables::unpaid_orders;
use crate::format::percent;
use crate::i18n::{Label, Text, ui};
use crate::render::Sink;

/// Renders `receivables.html`.
pub fn receivables(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let team = &site.analysis.team;
    let per_customer: Vec<ReceivablesRow> = site
        .analysis
        .customers
        .iter()
        .filter(|f| !f.credit.exposure.is_zero())
        .map(|f| {
            let c = &site.records.customers[f.index];
            ReceivablesRow {
                id: c.id.clone(),
                name: c.name.clone(),
                exposure: site.money(f.credit.exposure),
                overdue: site.money(f.credit.overdue),
                limit: c.credit_limit.map(|l| site.money(l)).unwrap_or_default(),
                over_limit: f.credit.over_limit,
            }
        })
        .collect();
    let per_owner: Vec<ReceivablesRow> = team
        .receivables_by_owner
        .iter()
        .map(|o| ReceivablesRow {
            id: o.owner.clone(),
            name: site.member_name(&o.owner),
            exposure: site.money(o.exposure),
            overdue: site.money(o.overdue),
            limit: String::new(),
            over_limit: false,
        })
        .collect();
    let buckets: Vec<Figure> = team
        .ageing
        .iter()
        .map(|s| Figure {
            label: site.bucket_label(s.bucket),
            value: site.money(s.amount),
            note: String::new(),
            href: String::new(),
        })
        .collect();
    let unpaid = unpaid_orders(site.records, site.analysis.customers.iter(), &site.analysis.window);
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::RECEIVABLES));
    cx.insert("rows", &site.unpaid_rows(&unpaid));
    cx.insert("buckets", &buckets);
    cx.insert("per_customer", &per_customer);
    cx.insert("per_owner", &per_owner);
    cx.insert("over_limit", &per_customer.iter().filter(|t| t.over_limit).collect::<Vec<_>>());
    cx.insert("total", &site.money(team.receivables));
    site.page(sink, "receivables.html", "receivables.html", "receivables", cx)
}

/// Renders `index.html`.
pub fn render(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let a = site.analysis;
    let team = &a.team;
    let t = |text: Text| site.word(text);
    let trend = team.trend.map(|trend| format!("{} {}", t(ui::VS_PREVIOUS), signed_percent(trend))).unwrap_or_default();
    let classes = team.classes.iter().map(|c| format!("{} {}", c.class.as_str(), c.customers)).collect::<Vec<_>>();
    let figures = vec![
        Figure {
            label: t(ui::CUSTOMERS_COUNT),
            value: team.customers.to_string(),
            note: classes.join(" · "),
            href: "customers/index.html".into(),
        },
        Figure { label: t(ui::REVENUE_WINDOW), value: site.money(team.revenue), note: trend, href: String::new() },
        Figure {
            label: t(ui::RECEIVABLES),
            value: site.money(team.receivables),
            note: format!("{} {}", t(ui::OVERDUE), site.money(team.overdue)),
            href: "receivables.html".into(),
        },
        Figure {
            label: t(ui::OPEN_COMPLAINTS),
            value: team.open_complaints.to_string(),
            note: String::new(),
            href: "complaints.html".into(),
        },
        Figure {
            label: t(ui::DUE_THIS_WEEK),
            value: team.due_this_week.to_string(),
            note: String::new(),
            href: "agenda.html".into(),
        },
    ];
    let why = crate::analysis::explain::team(a, site.settings);
    let rate = |key: &'static str, label: Text, r: &Rate| RateFigure {
        key,
        label: t(label),
        value: r.rate.map_or_else(|| "—".to_string(), percent),
        note: if r.of == 0 { t(ui::NO_BASE) } else { site.rate_of(r) },
        why: why.get(key).cloned().unwrap_or_default(),
    };
    let rates = vec![
        rate("retention", ui::RETENTION, &team.retention),
        rate("complaints_on_time", ui::COMPLAINTS_ON_TIME, &team.complaints_on_time),
        rate("promises_kept", ui::PROMISES_KEPT, &team.promises_kept),
        rate("deliveries_on_time", ui::DELIVERIES_ON_TIME, &team.deliveries_on_time),
    ];
    let lifecycle: Vec<Figure> = team
        .lifecycle
        .iter()
        .map(|l| Figure {
            label: site.word(l.lifecycle.label()),
            value: l.customers.to_string(),
            note: String::new(),
            href: String::new(),
        })
        .collect();
    let mut cx = Context::new();
    cx.insert("title", &t(ui::DASHBOARD));
    cx.insert("figures", &figures);
    cx.insert("rates", &rates);
    cx.insert("lifecycle", &lifecycle);
    cx.insert("charts", &super::charts_html::dashboard_charts(site));
    let mut at_risk: Vec<&Facts> = a.customers.iter().filter(|f| !f.care.risk.is_empty()).collect();
    at_risk.sort_by(|x, y| {
        x.class().cmp(&y.class()).then(y.ledger.revenue.cmp(&x.ledger.revenue)).then(x.index.cmp(&y.index))
    });
    let at_risk: Vec<_> = at_risk.iter().map(|f| site.customer_row(f)).collect();
    cx.insert("at_risk", &at_risk);
    let this_week = a.agenda.iter().filter(|i| matches!(i.status, Status::Today | Status::Soon));
    let upcoming: Vec<_> = this_week.take(15).map(|i| site.agenda_row(i)).collect();
    cx.insert("agenda", &upcoming);
    site.page(sink, "index.html", "dashboard.html", "dashboard", cx)
}
