//! The dashboard's charts: data gathered from the analysis, drawn as inline SVG.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Site;
use super::team_figures::{BUCKETS, ageing, revenue_by_month};
use crate::analysis::abc::Class;
use crate::analysis::lifecycle::Lifecycle;
use crate::i18n::{Label, Text, charts, labels, ui};
use crate::render::charts::{
    Bar, BarChart, Datum, Orientation, Pareto, ParetoItem, Segment, ShareBars, Sparkline, StackGroup, StackedBars,
    bar_chart, pareto, share_bars, sparkline, stacked_bars,
};
use crate::render::json::money_number;

/// A chart for the dashboard template.
#[derive(Serialize)]
pub struct ChartView {
    /// Caption.
    pub title: String,
    /// The inline SVG.
    pub svg: String,
    /// The numbers as (label, value) rows, for reading and printing.
    pub table: Vec<(String, String)>,
    /// Spans both columns.
    pub wide: bool,
}

fn view(title: String, svg: String, table: Vec<(String, String)>, wide: bool) -> ChartView {
    ChartView { title, svg, table, wide }
}

/// Every dashboard chart.
pub fn dashboard_charts(site: &Site<'_>) -> Vec<ChartView> {
    let lang = site.lang();
    let t = |text: Text| site.word(text);
    let a = site.analysis;

    let months = revenue_by_month(site);
    let this_month = months.last().map(|(m, _)| m.clone()).unwrap_or_default();
    let bars = months
        .iter()
        .map(|(m, v)| Bar {
            label: m.clone(),
            value: money_number(v),
            display: site.money(*v),
            highlight: *m == this_month,
        })
        .collect();
    let revenue =
        bar_chart(&BarChart { title: t(ui::REVENUE_BY_MONTH), bars, height: 260, highlight_note: String::new(), lang });

    let items = a
        .customers
        .iter()
        .map(|f| ParetoItem {
            label: site.records.customers[f.index].name.clone(),
            value: money_number(&f.ledger.revenue),
            display: site.money(f.ledger.revenue),
            class: f.class(),
        })
        .collect();
    let shares = (money_number(&site.settings.abc.a_share), money_number(&site.settings.abc.b_share));
    let pareto_svg =
        pareto(&Pareto { title: t(ui::PARETO), items, a_share: shares.0, b_share: shares.1, height: 280, lang });

    let lifecycle: Vec<Datum> = Lifecycle::ALL
        .iter()
        .map(|l| {
            let n = a.customers.iter().filter(|f| f.lifecycle == *l).count();
            Datum::new(site.word(l.label()), n as f64, n.to_string())
        })
        .collect();
    let lifecycle_svg =
        share_bars(&ShareBars { title: t(ui::LIFECYCLE_COUNTS), items: lifecycle.clone(), show_share: true, lang });

    let sums = ageing(site);
    let ageing_items: Vec<Datum> = BUCKETS
        .iter()
        .zip(sums)
        .map(|(b, v)| {
            let label = if *b == "not_due" { t(ui::NOT_DUE) } else { format!("{b} {}", t(ui::DAYS)) };
            Datum::new(label, money_number(&v), site.money(v))
        })
        .collect();
    let ageing_svg =
        share_bars(&ShareBars { title: t(ui::AGEING), items: ageing_items.clone(), show_share: false, lang });

    let completeness_items = completeness(site);
    let completeness_svg = share_bars(&ShareBars {
        title: t(ui::COMPLETENESS_DISTRIBUTION),
        items: completeness_items.clone(),
        show_share: true,
        lang,
    });

    let (load, load_table) = agenda_load(site);

    let table = |items: &[Datum]| items.iter().map(|d| (d.label.clone(), d.display.clone())).collect();
    vec![
        view(t(ui::REVENUE_BY_MONTH), revenue, months.iter().map(|(m, v)| (m.clone(), site.money(*v))).collect(), true),
        view(t(ui::PARETO), pareto_svg, class_totals(site), true),
        view(t(ui::LIFECYCLE_COUNTS), lifecycle_svg, table(&lifecycle), true),
        view(t(ui::AGEING), ageing_svg, table(&ageing_items), true),
        view(t(ui::AGENDA_LOAD), load, load_table, true),
        view(t(ui::COMPLETENESS_DISTRIBUTION), completeness_svg, table(&completeness_items), true),
        satisfaction_by_class(site),
    ]
}

/// Customers and revenue per ABC class, for the Pareto chart's table.
fn class_totals(site: &Site<'_>) -> Vec<(String, String)> {
    [Class::A, Class::B, Class::C]
        .iter()
        .map(|class| {
            let members = site.analysis.customers.iter().filter(|f| f.class() == *class);
            let (n, sum) = members.fold((0, rust_decimal::Decimal::ZERO), |(n, s), f| (n + 1, s + f.ledger.revenue));
            (format!("{} ({n})", class.as_str()), site.money(sum))
        })
        .collect()
}

/// The latest satisfaction of each class's customers (1–5, or not scored).
fn satisfaction_by_class(site: &Site<'_>) -> ChartView {
    let lang = site.lang();
    let mut series: Vec<String> = (1..=5).map(|s| format!("{s}")).collect();
    series.push(site.word(ui::NOT_SCORED));
    let groups: Vec<StackGroup> = [Class::A, Class::B, Class::C]
        .iter()
        .map(|class| {
            let mut counts = [0usize; 6];
            for f in site.analysis.customers.iter().filter(|f| f.class() == *class) {
                counts[f.care.satisfaction.map_or(5, |(s, _)| usize::from(s.clamp(1, 5)) - 1)] += 1;
            }
            StackGroup {
                label: class.as_str().to_string(),
                segments: counts.iter().map(|n| Segment { value: *n as f64, display: n.to_string() }).collect(),
                total: counts.iter().sum::<usize>().to_string(),
            }
        })
        .collect();
    let table = groups
        .iter()
        .map(|g| (g.label.clone(), g.segments.iter().map(|s| s.display.clone()).collect::<Vec<_>>().join(" / ")))
        .collect();
    let svg = stacked_bars(&StackedBars {
        title: site.word(ui::SATISFACTION_BY_CLASS),
        series,
        groups,
        orientation: Orientation::Horizontal,
        normalize: true,
        height: 0,
        lang,
    });
    view(site.word(ui::SATISFACTION_BY_CLASS), svg, table, true)
}

/// Customers per completeness band.
fn completeness(site: &Site<'_>) -> Vec<Datum> {
    let bands = [(0u8, 49u8, "0–49 %"), (50, 74, "50–74 %"), (75, 99, "75–99 %"), (100, 100, "100 %")];
    bands
        .iter()
        .map(|(lo, hi, label)| {
            let n = site.analysis.customers.iter().filter(|f| f.completeness >= *lo && f.completeness <= *hi).count();
            Datum::new(*label, n as f64, n.to_string())
        })
        .collect()
}

/// Agenda items per owner for overdue and each of the next four weeks.
fn agenda_load(site: &Site<'_>) -> (String, Vec<(String, String)>) {
    let lang = site.lang();
    let series: Vec<String> =
        [site.word(labels::STATUS_OVERDUE)].into_iter().chain((1..=4).map(|w| charts::week(lang, w))).collect();
    let mut counts: BTreeMap<&str, [usize; 5]> =
        site.records.members.iter().map(|m| (m.id.get_ref().as_str(), [0; 5])).collect();
    for item in &site.analysis.agenda {
        let days = (item.date - site.today).num_days();
        let slot = if days < 0 { 0 } else { usize::try_from(days / 7 + 1).unwrap_or(usize::MAX) };
        if slot <= 4
            && let Some(c) = counts.get_mut(item.owner.as_str())
        {
            c[slot] += 1;
        }
    }
    let groups: Vec<StackGroup> = counts
        .iter()
        .filter(|(_, c)| c.iter().sum::<usize>() > 0)
        .map(|(id, c)| StackGroup {
            label: site.member_name(id),
            segments: c.iter().map(|n| Segment { value: *n as f64, display: n.to_string() }).collect(),
            total: c.iter().sum::<usize>().to_string(),
        })
        .collect();
    let table = groups.iter().map(|g| (g.label.clone(), g.total.clone())).collect();
    let svg = stacked_bars(&StackedBars {
        title: site.word(ui::AGENDA_LOAD),
        series,
        groups,
        orientation: Orientation::Horizontal,
        normalize: false,
        height: 0,
        lang,
    });
    (svg, table)
}

/// The order history of one customer as a sparkline (amounts in date order).
pub fn order_sparkline(site: &Site<'_>, points: Vec<(String, rust_decimal::Decimal)>) -> String {
    if points.len() < 2 {
        return String::new();
    }
    let points = points.into_iter().map(|(d, v)| Datum::new(d, money_number(&v), site.money(v))).collect();
    sparkline(&Sparkline { title: site.word(ui::ORDERS), points, width: 520, height: 48, lang: site.lang() })
}

/// A customer's satisfaction scores over time as a sparkline.
pub fn satisfaction_sparkline(site: &Site<'_>, points: Vec<(String, rust_decimal::Decimal)>) -> String {
    if points.is_empty() {
        return String::new();
    }
    let points = points.into_iter().map(|(d, v)| Datum::new(d, money_number(&v), format!("{v}/5"))).collect();
    sparkline(&Sparkline { title: site.word(ui::SATISFACTION), points, width: 260, height: 40, lang: site.lang() })
}
