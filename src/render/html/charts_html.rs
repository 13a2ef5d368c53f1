//! The dashboard's charts: data gathered from the analysis, drawn as inline SVG.

use serde::Serialize;

use super::Site;

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

/// Every dashboard chart.
pub fn dashboard_charts(site: &Site<'_>) -> Vec<ChartView> {
    let months = super::dashboard::revenue_by_month(site);
    vec![ChartView {
        title: super::i18n::text(site.lang(), "revenue_by_month"),
        svg: String::new(),
        table: months.iter().map(|(m, v)| (m.clone(), site.money(*v))).collect(),
        wide: true,
    }]
}
