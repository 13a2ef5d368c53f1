//! Stacked bars with a legend: agenda load per owner by kind, satisfaction by class. Series are
//! told apart by lightness and texture as well as hue, and segments that have room are labelled.

use super::axis::Axis;
use super::plot::{Plot, baseline, category_labels, column_grid, legend, value_grid};
use super::svg::{
    INK, MUTED, Px, SMALL, WIDTH, clean, empty, escape, fit, heading, id_prefix, open, put, series_defs, series_fill,
    series_is_light, text, text_width,
};
use crate::i18n::Language;

/// Which way the bars run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// One row per group, bars growing to the right; the height follows the number of rows.
    Horizontal,
    /// One column per group, bars growing upwards.
    Vertical,
}

/// A stacked bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct StackedBars {
    /// The title, shown at the top and used as the accessible name.
    pub title: String,
    /// The series names, in stacking order; shown in the legend. Best with at most six.
    pub series: Vec<String>,
    /// The bars.
    pub groups: Vec<StackGroup>,
    /// Which way the bars run.
    pub orientation: Orientation,
    /// Draws every bar as 100 % and labels segments with their share.
    pub normalize: bool,
    /// Height in viewBox units for vertical bars (at least 160); horizontal bars size themselves.
    pub height: u32,
    /// Language of the few words the chart adds itself ("No data").
    pub lang: Language,
}

/// One bar of a [`StackedBars`] chart.
#[derive(Debug, Clone, PartialEq)]
pub struct StackGroup {
    /// The bar's name (an owner, a class).
    pub label: String,
    /// One segment per series, in the order of [`StackedBars::series`].
    pub segments: Vec<Segment>,
    /// The total as the reader sees it, shown at the end of the bar; may be empty.
    pub total: String,
}

/// One segment of a [`StackGroup`].
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The size; NaN, infinite and negative values count as 0.
    pub value: f64,
    /// The value as the reader sees it, shown in the segment and on hover.
    pub display: String,
}

/// Height of a row of horizontal bars, and the bar's thickness in it.
const ROW: f64 = 30.0;
const THICK: f64 = 20.0;

/// Renders stacked bars; see [`StackedBars`].
pub fn stacked_bars(chart: &StackedBars) -> String {
    let sums: Vec<f64> = chart.groups.iter().map(|g| g.segments.iter().map(|s| clean(s.value)).sum()).collect();
    let kinds = chart.groups.iter().map(|g| g.segments.len()).max().unwrap_or(0).max(chart.series.len());
    if chart.groups.is_empty() || kinds == 0 {
        let height = f64::from(chart.height.max(160));
        return empty("stacked", &chart.title, chart.lang, WIDTH, height);
    }
    let max = sums.iter().copied().fold(0.0, f64::max);
    let whole = chart.groups.iter().flat_map(|g| &g.segments).all(|s| clean(s.value).fract() == 0.0);
    let axis = if chart.normalize { Axis::new(100.0, true) } else { Axis::new(max, whole) };
    let tick = |t: f64| if chart.normalize { format!("{t:.0} %") } else { axis.label(t, chart.lang) };
    let labels: Vec<&str> = chart.groups.iter().map(|g| g.label.as_str()).collect();
    let prefix = id_prefix(&[&chart.title, &chart.series.join("\n"), &labels.join("\n")]);
    let names: Vec<(String, String)> =
        (0..kinds).map(|j| (series_fill(&prefix, j), chart.series.get(j).cloned().unwrap_or_default())).collect();

    // The legend is drawn into a scratch buffer first: its height decides where the plot starts.
    let mut key = String::new();
    let legend_bottom = legend(&mut key, &names, 34.0);
    let totals_width = chart.groups.iter().map(|g| text_width(&g.total, SMALL)).fold(0.0, f64::max);
    let (plot, height) = match chart.orientation {
        Orientation::Horizontal => {
            let label_width = labels.iter().map(|l| text_width(l, SMALL)).fold(0.0, f64::max).min(160.0);
            let top = legend_bottom + 8.0;
            let bottom = top + ROW * chart.groups.len() as f64;
            let right = WIDTH - 12.0 - if totals_width > 0.0 { totals_width + 8.0 } else { 8.0 };
            (Plot { left: 12.0 + label_width + 10.0, right, top, bottom }, bottom + 26.0)
        }
        Orientation::Vertical => {
            let height = f64::from(chart.height.max(160));
            let tick_width = axis.ticks.iter().map(|&t| text_width(&tick(t), SMALL)).fold(0.0, f64::max);
            let left = (tick_width + 18.0).max(36.0);
            (Plot { left, right: WIDTH - 12.0, top: legend_bottom + 22.0, bottom: height - 28.0 }, height)
        }
    };

    let mut out = String::new();
    let aria = format!("{}: {}", chart.title, chart.series.join(", "));
    open(&mut out, "stacked", WIDTH, height, &chart.title, &aria);
    series_defs(&mut out, &prefix, kinds);
    heading(&mut out, &chart.title, WIDTH);
    out.push_str(&key);
    match chart.orientation {
        Orientation::Horizontal => column_grid(&mut out, &plot, &axis, tick),
        Orientation::Vertical => value_grid(&mut out, &plot, &axis, tick),
    }
    let slot = match chart.orientation {
        Orientation::Horizontal => ROW,
        Orientation::Vertical => (plot.right - plot.left) / chart.groups.len() as f64,
    };
    for (i, (group, &sum)) in chart.groups.iter().zip(&sums).enumerate() {
        draw_group(&mut out, chart, &prefix, (i, group, sum), &plot, &axis, slot);
    }
    match chart.orientation {
        Orientation::Horizontal => {
            let attrs = format!(r#"text-anchor="end" font-size="11" fill="{MUTED}""#);
            for (i, label) in labels.iter().enumerate() {
                let y = plot.top + ROW * (i as f64 + 0.5) + 4.0;
                text(&mut out, plot.left - 10.0, y, &attrs, &fit(label, plot.left - 22.0, SMALL));
            }
        }
        Orientation::Vertical => {
            baseline(&mut out, &plot);
            category_labels(&mut out, labels.iter().copied(), &plot, slot);
        }
    }
    out.push_str("</svg>");
    out
}

/// One stacked bar: its segments with tooltips and labels where they fit, then its total.
fn draw_group(
    out: &mut String,
    chart: &StackedBars,
    prefix: &str,
    (i, group, sum): (usize, &StackGroup, f64),
    plot: &Plot,
    axis: &Axis,
    slot: f64,
) {
    let horizontal = chart.orientation == Orientation::Horizontal;
    let thick = if horizontal { THICK } else { (slot * 0.64).min(56.0) };
    let across = if horizontal {
        plot.top + ROW * i as f64 + (ROW - THICK) / 2.0
    } else {
        plot.left + slot * i as f64 + (slot - thick) / 2.0
    };
    let scale = |v: f64| if chart.normalize && sum > 0.0 { v / sum * 100.0 } else { v };
    let length = |v: f64| if horizontal { plot.x(v, axis) - plot.left } else { plot.bottom - plot.y(v, axis) };
    let mut done = 0.0;
    put!(out, r#"<g class="cf-stack">"#);
    for (j, segment) in group.segments.iter().enumerate() {
        let value = scale(clean(segment.value));
        if value <= 0.0 {
            continue;
        }
        let (start, size) = (length(done), length(done + value) - length(done));
        done += value;
        let series = chart.series.get(j).map_or("", String::as_str);
        let share = if sum > 0.0 { clean(segment.value) / sum * 100.0 } else { 0.0 };
        let tip = if chart.normalize { format!(" ({share:.1} %)") } else { String::new() };
        let (x, y, w, h) = if horizontal {
            (plot.left + start, across, size, thick)
        } else {
            (across, plot.bottom - start - size, thick, size)
        };
        put!(
            out,
            r##"<g><title>{} · {}: {}{tip}</title><rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#fff" stroke-width="1"/></g>"##,
            escape(&group.label),
            escape(series),
            escape(&segment.display),
            Px(x),
            Px(y),
            Px(w),
            Px(h),
            series_fill(prefix, j),
        );
        let inside = if chart.normalize { format!("{share:.0} %") } else { segment.display.clone() };
        let fits = if horizontal {
            text_width(&inside, SMALL) + 8.0 <= w
        } else {
            text_width(&inside, SMALL) + 4.0 <= w && h >= 16.0
        };
        if fits && !inside.is_empty() {
            let ink = if series_is_light(j) { INK } else { "#fff" };
            let attrs = format!(r#"text-anchor="middle" font-size="11" font-weight="600" fill="{ink}""#);
            text(out, x + w / 2.0, y + h / 2.0 + 4.0, &attrs, &inside);
        }
    }
    out.push_str("</g>");
    // A vertical bar's total is shown only when it fits over the bar's slot.
    if !group.total.is_empty() && (horizontal || text_width(&group.total, SMALL) <= slot - 2.0) {
        let end = length(done);
        let (x, y, anchor) = if horizontal {
            (plot.left + end + 6.0, across + thick / 2.0 + 4.0, "start")
        } else {
            (across + thick / 2.0, plot.bottom - end - 6.0, "middle")
        };
        let attrs = format!(r#"text-anchor="{anchor}" font-size="11" font-weight="600" fill="{MUTED}""#);
        text(out, x, y, &attrs, &group.total);
    }
}
