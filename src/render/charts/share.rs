//! Counts per category as labelled horizontal bars: lifecycle stages, completeness buckets,
//! receivables ageing. Each row says its value in text, so nothing depends on colour.

use super::svg::{
    BAR, HALO, INK, MUTED, Px, SMALL, TRACK, WIDTH, clean, empty, escape, fit, heading, open, put, text, text_width,
};
use crate::i18n::Language;

/// Height of a row, and the bar's thickness in it.
const ROW: f64 = 26.0;
const THICK: f64 = 14.0;

/// Horizontal bars, one per category, longest for the largest value.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareBars {
    /// The title, shown at the top and used as the accessible name.
    pub title: String,
    /// The rows, top to bottom, in the caller's order (ageing buckets keep their order).
    pub items: Vec<super::Datum>,
    /// Adds each row's share of the total after its value: `12 (30.0 %)`.
    pub show_share: bool,
    /// Language of the words the chart adds itself ("No data").
    pub lang: Language,
}

/// Renders share bars; see [`ShareBars`]. The height follows the number of rows.
pub fn share_bars(chart: &ShareBars) -> String {
    if chart.items.is_empty() {
        return empty("share", &chart.title, chart.lang, WIDTH, 120.0);
    }
    let values: Vec<f64> = chart.items.iter().map(|d| clean(d.value)).collect();
    let (max, total) = (values.iter().copied().fold(0.0, f64::max), values.iter().sum::<f64>());
    let shown: Vec<String> = chart
        .items
        .iter()
        .zip(&values)
        .map(|(d, &v)| {
            if chart.show_share && total > 0.0 {
                format!("{} ({:.1} %)", d.display, v / total * 100.0)
            } else {
                d.display.clone()
            }
        })
        .collect();
    let label_width = chart.items.iter().map(|d| text_width(&d.label, SMALL)).fold(0.0, f64::max).min(200.0);
    // Both columns of text are capped (and their text cut to fit), so that a long label or
    // currency never leaves the bars a negative width.
    let value_width = shown.iter().map(|s| text_width(s, SMALL)).fold(0.0, f64::max).min(200.0);
    let (left, right) = (12.0 + label_width + 12.0, WIDTH - 12.0 - value_width - 8.0);
    let right = right.max(left);
    let top = 38.0;
    let height = top + ROW * chart.items.len() as f64 + 8.0;

    let mut out = String::new();
    let aria = chart.items.iter().zip(&shown).map(|(d, s)| format!("{} {s}", d.label)).collect::<Vec<_>>().join(", ");
    open(&mut out, "share", WIDTH, height, &chart.title, &format!("{}: {aria}", chart.title));
    heading(&mut out, &chart.title, WIDTH);
    for (i, ((item, &value), display)) in chart.items.iter().zip(&values).zip(&shown).enumerate() {
        let y = top + ROW * i as f64;
        let bar_y = y + (ROW - THICK) / 2.0;
        let length: f64 = if max > 0.0 { value / max * (right - left) } else { 0.0 };
        let length = if value > 0.0 { length.max(1.5) } else { 0.0 };
        put!(
            &mut out,
            r#"<g class="cf-row"><title>{}: {}</title><rect x="{}" y="{}" width="{}" height="{THICK}" rx="2" fill="{TRACK}"/><rect x="{}" y="{}" width="{}" height="{THICK}" rx="2" fill="{BAR}"/></g>"#,
            escape(&item.label),
            escape(display),
            Px(left),
            Px(bar_y),
            Px(right - left),
            Px(left),
            Px(bar_y),
            Px(length),
        );
        let label_attrs = format!(r#"text-anchor="end" font-size="11" fill="{MUTED}""#);
        text(&mut out, left - 10.0, y + ROW / 2.0 + 4.0, &label_attrs, &fit(&item.label, label_width, SMALL));
        let value_attrs = format!(r#"font-size="11" font-weight="600" fill="{INK}" {HALO}"#);
        text(&mut out, left + length + 6.0, y + ROW / 2.0 + 4.0, &value_attrs, &fit(display, value_width, SMALL));
    }
    out.push_str("</svg>");
    out
}
