//! Charts as SVG text, drawn at build time for the dashboard and customer pages.
//!
//! Every function here is pure: plain data in, an `<svg>` string out, byte-identical for the
//! same input. Values are `f64` display quantities used only for geometry; what a reader sees
//! as a number comes pre-formatted from the caller (`display`), so money formatting stays
//! with [`crate::format`]. Labels come from user records and are always escaped.
//!
//! Each chart is an `<svg>` with `viewBox`, `width="100%"`, `role="img"`, an `aria-label` and
//! a `<title>`; every bar or point carries a `<title>` with its label and value, which browsers
//! show on hover. Series differ in lightness and texture as well as hue, and values are also
//! written as text, so the charts read in print and in greyscale. Nothing refers outside the
//! SVG: no scripts, no stylesheets, no fonts; the root has the class `cf-chart` for page CSS.
//!
//! NaN, infinities and negative values are drawn as 0; a chart with nothing to draw says so.

mod axis;
mod bar;
mod pareto;
mod plot;
mod share;
mod sparkline;
mod stacked;
mod svg;
#[cfg(test)]
mod tests;

pub use bar::{Bar, BarChart, bar_chart};
pub use pareto::{Pareto, ParetoItem, pareto};
pub use share::{ShareBars, share_bars};
pub use sparkline::{Sparkline, sparkline};
pub use stacked::{Orientation, Segment, StackGroup, StackedBars, stacked_bars};
pub use svg::escape;

/// One labelled value: a point of a sparkline, a row of share bars, a customer of a Pareto chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Datum {
    /// What the value belongs to (a month, a category, a customer); shown and in the tooltip.
    pub label: String,
    /// The value for geometry; NaN, infinite and negative values count as 0.
    pub value: f64,
    /// The value as the reader sees it, formatted by the caller (`¥12,000`, `37`).
    pub display: String,
}

impl Datum {
    /// A datum from its parts.
    pub fn new(label: impl Into<String>, value: f64, display: impl Into<String>) -> Datum {
        Datum { label: label.into(), value, display: display.into() }
    }
}
