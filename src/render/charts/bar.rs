//! Vertical bars over categories (revenue by month and the like), with a round-stepped value
//! axis, thinned category labels and optional highlighted bars.

use super::axis::Axis;
use super::plot::{Plot, baseline, category_labels, label_centre, value_grid};
use super::svg::{
    BAR, HALO, MUTED, Px, SMALL, WIDTH, clean, empty, fit, heading, highlight_defs, id_prefix, open, put, text,
    text_width,
};
use crate::i18n::{Language, charts};

/// The widest a bar gets, so a few bars do not turn into blocks.
const MAX_BAR: f64 = 56.0;

/// A vertical bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// The title, shown at the top and used as the accessible name.
    pub title: String,
    /// The bars, left to right.
    pub bars: Vec<Bar>,
    /// Height in viewBox units (the width is 720); at least 160 is used.
    pub height: u32,
    /// What highlighted bars mean (`"This month"`), shown as a legend; empty for none.
    pub highlight_note: String,
    /// Language of the few words the chart adds itself ("No data").
    pub lang: Language,
}

/// One bar of a [`BarChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The category (`"2025-01"`), shown under the bar when there is room.
    pub label: String,
    /// The height; NaN, infinite and negative values count as 0.
    pub value: f64,
    /// The value as the reader sees it (`"¥12,000"`), shown above the bar and on hover.
    pub display: String,
    /// Draws the bar in the accent colour with a hatch, and always labels its value.
    pub highlight: bool,
}

/// Renders a vertical bar chart; see [`BarChart`].
pub fn bar_chart(chart: &BarChart) -> String {
    let height = f64::from(chart.height.max(160));
    if chart.bars.is_empty() {
        return empty("bar", &chart.title, chart.lang, WIDTH, height);
    }
    let values: Vec<f64> = chart.bars.iter().map(|b| clean(b.value)).collect();
    let max = values.iter().copied().fold(0.0, f64::max);
    let axis = Axis::new(max, values.iter().all(|v| v.fract() == 0.0));
    let tick_width = axis.ticks.iter().map(|&t| text_width(&axis.label(t, chart.lang), SMALL)).fold(0.0, f64::max);
    let plot = Plot { left: (tick_width + 18.0).max(36.0), right: WIDTH - 12.0, top: 52.0, bottom: height - 28.0 };
    let prefix =
        id_prefix(&[&chart.title, &chart.bars.iter().map(|b| b.label.as_str()).collect::<Vec<_>>().join("\n")]);

    let mut out = String::new();
    open(&mut out, "bar", WIDTH, height, &chart.title, &summary(chart, &values));
    highlight_defs(&mut out, &prefix);
    heading(&mut out, &chart.title, WIDTH);
    if !chart.highlight_note.is_empty() {
        legend(&mut out, &prefix, &chart.highlight_note);
    }
    value_grid(&mut out, &plot, &axis, |t| axis.label(t, chart.lang));

    let slot = (plot.right - plot.left) / chart.bars.len() as f64;
    let bar_width = (slot * 0.72).min(MAX_BAR);
    out.push_str(r#"<g class="cf-bars">"#);
    for (i, (bar, &value)) in chart.bars.iter().zip(&values).enumerate() {
        let x = plot.left + slot * i as f64;
        let y = plot.y(value, &axis);
        let h = if value > 0.0 { (plot.bottom - y).max(1.0) } else { 0.0 };
        let fill = if bar.highlight { format!("url(#{prefix}-hl)") } else { BAR.to_string() };
        put!(
            &mut out,
            r##"<g class="cf-bar"><title>{}: {}</title><rect x="{}" y="{}" width="{}" height="{}" fill="#fff" fill-opacity="0"/><rect x="{}" y="{}" width="{}" height="{}" rx="1.5" fill="{fill}"/></g>"##,
            super::escape(&bar.label),
            super::escape(&bar.display),
            Px(x),
            Px(plot.top),
            Px(slot),
            Px(plot.bottom - plot.top),
            Px(x + (slot - bar_width) / 2.0),
            Px(plot.bottom - h),
            Px(bar_width),
            Px(h),
        );
    }
    out.push_str("</g>");
    baseline(&mut out, &plot);
    value_labels(&mut out, chart, &values, &plot, &axis, slot);
    category_labels(&mut out, chart.bars.iter().map(|b| b.label.as_str()), &plot, slot);
    out.push_str("</svg>");
    out
}

/// The accessible name: the title, the number of bars and the highest one.
fn summary(chart: &BarChart, values: &[f64]) -> String {
    let best = values.iter().enumerate().fold(0, |best, (i, &v)| if v > values[best] { i } else { best });
    let bar = &chart.bars[best];
    charts::bars(chart.lang, &chart.title, values.len(), &bar.label, &bar.display)
}

/// A swatch explaining highlighted bars, at the top right.
fn legend(out: &mut String, prefix: &str, note: &str) {
    let note = fit(note, 200.0, SMALL);
    let x = WIDTH - 12.0 - text_width(&note, SMALL);
    put!(out, r#"<rect x="{}" y="12" width="12" height="12" rx="1.5" fill="url(#{prefix}-hl)"/>"#, Px(x - 18.0));
    text(out, x, 22.0, &format!(r#"font-size="11" fill="{MUTED}""#), &note);
}

/// Values above the bars: all when they fit, otherwise the highest and the highlighted ones,
/// skipping any that would overlap one already placed.
fn value_labels(out: &mut String, chart: &BarChart, values: &[f64], plot: &Plot, axis: &Axis, slot: f64) {
    let all_fit = chart.bars.iter().all(|b| text_width(&b.display, SMALL) <= slot - 2.0);
    let best = values.iter().enumerate().fold(0, |best, (i, &v)| if v > values[best] { i } else { best });
    let mut order: Vec<usize> = vec![best];
    order.extend((0..chart.bars.len()).filter(|&i| i != best && (all_fit || chart.bars[i].highlight)));
    let mut placed: Vec<(f64, f64)> = Vec::new();
    out.push_str(r#"<g class="cf-values">"#);
    for i in order {
        let bar = &chart.bars[i];
        let w = text_width(&bar.display, SMALL);
        let centre = label_centre(plot.left + slot * (i as f64 + 0.5), w);
        let span = (centre - w / 2.0 - 2.0, centre + w / 2.0 + 2.0);
        if bar.display.is_empty() || placed.iter().any(|&(a, b)| span.0 < b && a < span.1) {
            continue;
        }
        placed.push(span);
        let weight = if bar.highlight { r#" font-weight="600""# } else { "" };
        let attrs = format!(r#"text-anchor="middle" font-size="11" fill="{MUTED}"{weight} {HALO}"#);
        text(out, centre, plot.y(values[i], axis) - 5.0, &attrs, &bar.display);
    }
    out.push_str("</g>");
}
