//! The plot area shared by the charts: value gridlines, the zero line, category labels.

use super::axis::{Axis, label_every};
use super::svg::{AXIS, GRID, MUTED, Px, SMALL, WIDTH, fit, put, text, text_width};

/// The plot area of a chart, in viewBox units.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plot {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Plot {
    /// The y of `value` on `axis`.
    pub fn y(&self, value: f64, axis: &Axis) -> f64 {
        self.bottom - value / axis.top * (self.bottom - self.top)
    }

    /// The x of `value` on `axis`, for horizontal bars.
    pub fn x(&self, value: f64, axis: &Axis) -> f64 {
        self.left + value / axis.top * (self.right - self.left)
    }
}

/// Horizontal gridlines with tick labels on the left.
pub(super) fn value_grid(out: &mut String, plot: &Plot, axis: &Axis, label: impl Fn(f64) -> String) {
    out.push_str(r#"<g class="cf-grid" shape-rendering="crispEdges">"#);
    for &tick in &axis.ticks {
        let y = plot.y(tick, axis);
        if tick > 0.0 {
            put!(
                out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{GRID}"/>"#,
                Px(plot.left),
                Px(y),
                Px(plot.right),
                Px(y)
            );
        }
        let attrs = format!(r#"text-anchor="end" font-size="11" fill="{MUTED}""#);
        text(out, plot.left - 8.0, y + 4.0, &attrs, &label(tick));
    }
    out.push_str("</g>");
}

/// The zero line, drawn over the bars.
pub(super) fn baseline(out: &mut String, plot: &Plot) {
    put!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{AXIS}" shape-rendering="crispEdges"/>"#,
        Px(plot.left),
        Px(plot.bottom),
        Px(plot.right),
        Px(plot.bottom)
    );
}

/// Where to centre a label `w` wide meant for `x`: moved in so that it stays inside the chart,
/// or the chart's middle when it is wider than the chart (never a panic on a long label).
pub(super) fn label_centre(x: f64, w: f64) -> f64 {
    let (lo, hi) = (w / 2.0 + 2.0, WIDTH - w / 2.0 - 2.0);
    if lo <= hi { x.clamp(lo, hi) } else { WIDTH / 2.0 }
}

/// Category labels under the bars, every nth when they would touch, cut to the room they have.
pub(super) fn category_labels<'a>(out: &mut String, labels: impl Iterator<Item = &'a str>, plot: &Plot, slot: f64) {
    let labels: Vec<&str> = labels.collect();
    let widest = labels.iter().map(|l| text_width(l, SMALL)).fold(0.0, f64::max);
    let every = label_every(slot, widest.min(160.0));
    let room = (slot * every as f64 - 8.0).min(160.0);
    put!(out, r#"<g class="cf-categories" text-anchor="middle" font-size="11" fill="{MUTED}">"#);
    for (i, label) in labels.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let shown = fit(label, room, SMALL);
        let w = text_width(&shown, SMALL);
        let centre = label_centre(plot.left + slot * (i as f64 + 0.5), w);
        text(out, centre, plot.bottom + 17.0, "", &shown);
    }
    out.push_str("</g>");
}

/// A legend of swatches and names from `(fill, name)` pairs, wrapping to new rows; starts at
/// `y` (the top of the first row) and returns the y under the last row.
pub(super) fn legend(out: &mut String, items: &[(String, String)], y: f64) -> f64 {
    let (mut x, mut row) = (12.0, y);
    put!(out, r#"<g class="cf-legend" font-size="11" fill="{MUTED}">"#);
    for (fill, name) in items {
        let name = fit(name, 200.0, SMALL);
        let w = 18.0 + text_width(&name, SMALL) + 16.0;
        if x > 12.0 && x + w > WIDTH - 12.0 {
            x = 12.0;
            row += 18.0;
        }
        put!(
            out,
            r##"<rect x="{}" y="{}" width="12" height="12" rx="1.5" fill="{fill}" stroke="#fff"/>"##,
            Px(x),
            Px(row)
        );
        text(out, x + 17.0, row + 10.5, "", &name);
        x += w;
    }
    out.push_str("</g>");
    row + 18.0
}

/// Vertical gridlines at `axis`'s ticks for horizontal bars, labelled under the plot.
pub(super) fn column_grid(out: &mut String, plot: &Plot, axis: &Axis, label: impl Fn(f64) -> String) {
    out.push_str(r#"<g class="cf-grid" shape-rendering="crispEdges">"#);
    for &tick in &axis.ticks {
        let x = plot.x(tick, axis);
        let stroke = if tick > 0.0 { GRID } else { AXIS };
        put!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}"/>"#,
            Px(x),
            Px(plot.top),
            Px(x),
            Px(plot.bottom)
        );
        let attrs = format!(r#"text-anchor="middle" font-size="11" fill="{MUTED}""#);
        text(out, x, plot.bottom + 15.0, &attrs, &label(tick));
    }
    out.push_str("</g>");
}
