//! The dashboard's charts: the analysis's figures drawn as inline SVG.

use super::Site;
use super::views::team::{ChartRow, ChartView};
use crate::i18n::{Text, charts, labels, ui};
use crate::render::charts::{
    Bar, BarChart, Datum, Orientation, Pareto, ParetoItem, Segment, ShareBars, Sparkline, StackGroup, StackedBars,
    bar_chart, pareto, share_bars, sparkline, stacked_bars,
};
use crate::render::json::money_number;

fn view(title: String, svg: String, table: Vec<ChartRow>, wide: bool) -> ChartView {
    ChartView { title, svg, table, wide }
}

fn row(label: impl Into<String>, value: impl Into<String>) -> ChartRow {
    ChartRow { label: label.into(), value: value.into() }
}

/// Every dashboard chart.
pub fn dashboard_charts(site: &Site<'_>) -> Vec<ChartView> {
    let lang = site.lang();
    let t = |text: Text| site.word(text);
    let a = site.analysis;

    let months: Vec<(String, rust_decimal::Decimal)> =
        a.team.revenue_by_month.iter().map(|m| (format!("{}-{:02}", m.year, m.month), m.revenue)).collect();
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

    let lifecycle: Vec<Datum> = a
        .team
        .lifecycle
        .iter()
        .map(|l| {
            let n = l.customers;
            Datum::new(site.labelled(l.lifecycle).label, n as f64, n.to_string())
        })
        .collect();
    let lifecycle_svg =
        share_bars(&ShareBars { title: t(ui::LIFECYCLE_COUNTS), items: lifecycle.clone(), show_share: true, lang });

    let ageing_items: Vec<Datum> = a
        .team
        .ageing
        .iter()
        .map(|s| Datum::new(site.bucket_label(s.bucket), money_number(&s.amount), site.money(s.amount)))
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

    let table = |items: &[Datum]| items.iter().map(|d| row(d.label.clone(), d.display.clone())).collect();
    vec![
        view(
            t(ui::REVENUE_BY_MONTH),
            revenue,
            months.iter().map(|(m, v)| row(m.clone(), site.money(*v))).collect(),
            true,
        ),
        view(t(ui::PARETO), pareto_svg, class_totals(site), true),
        view(t(ui::LIFECYCLE_COUNTS), lifecycle_svg, table(&lifecycle), true),
        view(t(ui::AGEING), ageing_svg, table(&ageing_items), true),
        view(t(ui::AGENDA_LOAD), load, load_table, true),
        view(t(ui::COMPLETENESS_DISTRIBUTION), completeness_svg, table(&completeness_items), true),
        satisfaction_by_class(site),
    ]
}

/// Customers and revenue per ABC class, for the Pareto chart's table.
fn class_totals(site: &Site<'_>) -> Vec<ChartRow> {
    let classes = &site.analysis.team.classes;
    classes.iter().map(|c| row(format!("{} ({})", c.class.as_str(), c.customers), site.money(c.revenue))).collect()
}

/// The latest satisfaction of each class's customers (1–5, or not scored).
fn satisfaction_by_class(site: &Site<'_>) -> ChartView {
    let lang = site.lang();
    let mut series: Vec<String> = (1..=5).map(|s| format!("{s}")).collect();
    series.push(ui::NOT_SCORED.get(lang).to_string());
    let groups: Vec<StackGroup> = site
        .analysis
        .team
        .satisfaction_by_class
        .iter()
        .map(|count| {
            let counts = count.scores.iter().chain(std::iter::once(&count.not_scored));
            StackGroup {
                label: count.class.as_str().to_string(),
                segments: counts.map(|n| Segment { value: *n as f64, display: n.to_string() }).collect(),
                total: (count.scores.iter().sum::<usize>() + count.not_scored).to_string(),
            }
        })
        .collect();
    let table = groups
        .iter()
        .map(|g| row(g.label.clone(), g.segments.iter().map(|s| s.display.clone()).collect::<Vec<_>>().join(" / ")))
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
    let bands = &site.analysis.team.completeness_bands;
    bands
        .iter()
        .map(|b| {
            let label = if b.from == b.to { format!("{} %", b.from) } else { format!("{}–{} %", b.from, b.to) };
            Datum::new(label, b.customers as f64, b.customers.to_string())
        })
        .collect()
}

/// Agenda items per owner for overdue and each of the next four weeks.
fn agenda_load(site: &Site<'_>) -> (String, Vec<ChartRow>) {
    let lang = site.lang();
    let series: Vec<String> =
        [site.word(labels::STATUS_OVERDUE)].into_iter().chain((1..=4).map(|w| charts::week(lang, w))).collect();
    let groups: Vec<StackGroup> = site
        .analysis
        .team
        .agenda_load
        .iter()
        .filter_map(|l| {
            let counts: Vec<usize> = std::iter::once(l.overdue).chain(l.weeks).collect();
            let total: usize = counts.iter().sum();
            (total > 0).then(|| StackGroup {
                label: site.member_name(&l.owner),
                segments: counts.iter().map(|n| Segment { value: *n as f64, display: n.to_string() }).collect(),
                total: total.to_string(),
            })
        })
        .collect();
    let table = groups.iter().map(|g| row(g.label.clone(), g.total.clone())).collect();
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
