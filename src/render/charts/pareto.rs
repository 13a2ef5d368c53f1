//! The Pareto chart of ABC analysis: customers' revenue as bars, largest first (in at most 60
//! buckets), the cumulative share as a line, reference lines at the A and B shares, and the area
//! under the line shaded and lettered by class.

use super::axis::Axis;
use super::plot::{Plot, baseline, category_labels, value_grid};
use super::svg::{
    AXIS, BAR, HIGHLIGHT, INK, MUTED, Px, SMALL, WIDTH, clean, empty, escape, heading, open, put, text, text_width,
};
use crate::analysis::abc::Class;
use crate::i18n::{Language, charts};

/// The most bars drawn; more customers are summed into buckets of consecutive ranks.
pub(super) const MAX_BARS: usize = 60;
/// The top of the plot area.
pub(super) const TOP: f64 = 56.0;
/// The room under the plot area for the x-axis labels.
pub(super) const BOTTOM_MARGIN: f64 = 40.0;

/// A Pareto chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Pareto {
    /// The title, shown at the top and used as the accessible name.
    pub title: String,
    /// The customers, in any order; they are ranked by value (largest first, ties by class,
    /// then by label).
    pub items: Vec<ParetoItem>,
    /// The cumulative share where A ends (`0.8`), drawn as a reference line.
    pub a_share: f64,
    /// The cumulative share where B ends (`0.95`), drawn as a reference line.
    pub b_share: f64,
    /// Height in viewBox units (the width is 720); at least 200 is used.
    pub height: u32,
    /// Language of the words the chart adds itself.
    pub lang: Language,
}

/// One customer of a [`Pareto`] chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ParetoItem {
    /// The customer's name.
    pub label: String,
    /// The revenue; NaN, infinite and negative values count as 0.
    pub value: f64,
    /// The revenue as the reader sees it (`"¥120,000"`).
    pub display: String,
    /// The class the analysis gave the customer; it colours the bar and the shaded area.
    pub class: Class,
}

/// Light fills of the shaded areas and bar fills, per class.
fn colours(class: Class) -> (&'static str, &'static str) {
    match class {
        Class::A => ("#ccfbf1", BAR),
        Class::B => ("#fef3c7", HIGHLIGHT),
        Class::C => ("#f1f5f9", AXIS),
    }
}

/// A bar of the chart: a customer, or a bucket of consecutive ranks `from..to`.
struct Bucket {
    from: usize,
    to: usize,
    value: f64,
    class: Class,
}

/// Renders a Pareto chart; see [`Pareto`].
pub fn pareto(chart: &Pareto) -> String {
    let height = f64::from(chart.height.max(200));
    let mut order: Vec<usize> = (0..chart.items.len()).collect();
    let value = |i: usize| clean(chart.items[i].value);
    order.sort_by(|&i, &j| {
        let (a, b) = (&chart.items[i], &chart.items[j]);
        value(j).total_cmp(&value(i)).then(a.class.cmp(&b.class)).then_with(|| a.label.cmp(&b.label)).then(i.cmp(&j))
    });
    let total: f64 = order.iter().map(|&i| value(i)).sum();
    if order.is_empty() || total <= 0.0 {
        return empty("pareto", &chart.title, chart.lang, WIDTH, height);
    }
    let n = order.len();
    let size = n.div_ceil(MAX_BARS);
    let buckets: Vec<Bucket> = (0..n)
        .step_by(size)
        .map(|from| {
            let to = (from + size).min(n);
            let value = order[from..to].iter().map(|&i| value(i)).sum();
            Bucket { from, to, value, class: chart.items[order[from]].class }
        })
        .collect();
    // The cumulative line: (rank, share) at 0 and at the end of every bucket.
    let mut line = vec![(0usize, 0.0)];
    let mut running = 0.0;
    for bucket in &buckets {
        running += bucket.value;
        line.push((bucket.to, running / total));
    }

    let axis = Axis::new(buckets.iter().map(|b| b.value).fold(0.0, f64::max), false);
    let tick_width = axis.ticks.iter().map(|&t| text_width(&axis.label(t, chart.lang), SMALL)).fold(0.0, f64::max);
    let plot =
        Plot { left: (tick_width + 18.0).max(36.0), right: WIDTH - 48.0, top: TOP, bottom: height - BOTTOM_MARGIN };
    let x = |rank: f64| plot.left + rank / n as f64 * (plot.right - plot.left);
    let y = |share: f64| plot.bottom - share * (plot.bottom - plot.top);

    let mut out = String::new();
    open(&mut out, "pareto", WIDTH, height, &chart.title, &charts::pareto(chart.lang, &chart.title, n));
    heading(&mut out, &chart.title, WIDTH);
    line_legend(&mut out, chart.lang);

    // Consecutive ranks per class: A first, then B, then C.
    let mut regions = Vec::new();
    for class in [Class::A, Class::B, Class::C] {
        let from = regions.last().map_or(0, |&(_, _, to)| to);
        let count = order.iter().filter(|&&i| chart.items[i].class == class).count();
        if count > 0 {
            regions.push((class, from, from + count));
        }
    }
    for &(class, from, to) in &regions {
        area(&mut out, chart.lang, (class, from, to), &line, (&x, &y));
    }
    value_grid(&mut out, &plot, &axis, |t| axis.label(t, chart.lang));
    bars(&mut out, chart, &order, &buckets, &line, (&plot, &axis, &x));
    baseline(&mut out, &plot);
    for &(class, from, to) in &regions {
        let (left, right) = (x(from as f64), x(to as f64));
        if from > 0 {
            let attrs = format!(r#"stroke="{AXIS}" stroke-dasharray="2 2" shape-rendering="crispEdges""#);
            put!(
                &mut out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" {attrs}/>"#,
                Px(left),
                Px(plot.top - 14.0),
                Px(left),
                Px(plot.bottom)
            );
        }
        let letter = format!("{} · {}", class.as_str(), to - from);
        let letter = if text_width(&letter, 12.0) + 6.0 <= right - left { letter } else { class.as_str().to_string() };
        if text_width(&letter, 12.0) <= right - left {
            let attrs = format!(r#"text-anchor="middle" font-size="12" font-weight="700" fill="{INK}""#);
            text(&mut out, (left + right) / 2.0, plot.top - 6.0, &attrs, &letter);
        }
    }
    put!(
        &mut out,
        r#"<polyline class="cf-cumulative" fill="none" stroke="{INK}" stroke-width="2" stroke-linejoin="round" points=""#
    );
    for (i, (r, s)) in line.iter().enumerate() {
        put!(&mut out, "{}{},{}", if i > 0 { " " } else { "" }, Px(x(*r as f64)), Px(y(*s)));
    }
    out.push_str(r#""/>"#);
    // The share axis on the right; the A and B lines take the place of ticks near them.
    let refs = [(clean(chart.a_share).min(1.0), "A"), (clean(chart.b_share).min(1.0), "B")];
    for (share, letter) in refs {
        let attrs = format!(r#"stroke="{MUTED}" stroke-dasharray="5 3" shape-rendering="crispEdges""#);
        put!(
            &mut out,
            r#"<line class="cf-ref-{}" x1="{}" y1="{}" x2="{}" y2="{}" {attrs}/>"#,
            letter.to_lowercase(),
            Px(plot.left),
            Px(y(share)),
            Px(plot.right + 4.0),
            Px(y(share))
        );
        let attrs = format!(r#"font-size="11" font-weight="700" fill="{INK}""#);
        text(&mut out, plot.right + 6.0, y(share) + 4.0, &attrs, &format!("{letter} {:.0} %", share * 100.0));
    }
    for pct in [0.0, 0.2, 0.4, 0.6, 0.8, 1.0] {
        if refs.iter().all(|(share, _)| (y(*share) - y(pct)).abs() >= 12.0) {
            let attrs = format!(r#"font-size="11" fill="{MUTED}""#);
            text(&mut out, plot.right + 6.0, y(pct) + 4.0, &attrs, &format!("{:.0} %", pct * 100.0));
        }
    }
    ranks(&mut out, chart, &order, &plot, n);
    out.push_str("</svg>");
    out
}

/// The area under the line over the ranks `from..to` of one class, with a tooltip.
fn area(
    out: &mut String,
    lang: Language,
    (class, from, to): (Class, usize, usize),
    line: &[(usize, f64)],
    (x, y): (&dyn Fn(f64) -> f64, &dyn Fn(f64) -> f64),
) {
    let (start, end) = (share_at(line, from as f64), share_at(line, to as f64));
    let mut points = vec![(from as f64, 0.0), (from as f64, start)];
    points.extend(line.iter().filter(|(r, _)| *r > from && *r < to).map(|&(r, s)| (r as f64, s)));
    points.extend([(to as f64, end), (to as f64, 0.0)]);
    put!(out, r#"<polygon class="cf-area-{}" fill="{}" points=""#, class.as_str(), colours(class).0);
    for (i, (r, s)) in points.iter().enumerate() {
        put!(out, "{}{},{}", if i > 0 { " " } else { "" }, Px(x(*r)), Px(y(*s)));
    }
    let share = format!("{:.1}", (end - start) * 100.0);
    put!(out, r#""><title>{}</title></polygon>"#, charts::pareto_area(lang, class.as_str(), to - from, share));
}

/// The cumulative share at `rank`, between the line's points.
pub(super) fn share_at(line: &[(usize, f64)], rank: f64) -> f64 {
    for pair in line.windows(2) {
        let ((r0, s0), (r1, s1)) = ((pair[0].0 as f64, pair[0].1), (pair[1].0 as f64, pair[1].1));
        if rank <= r1 {
            return if r1 > r0 { s0 + (s1 - s0) * (rank - r0) / (r1 - r0) } else { s1 };
        }
    }
    line.last().map_or(0.0, |p| p.1)
}

/// The bars, coloured by class, each with a tooltip naming it, its value and the share so far.
fn bars(
    out: &mut String,
    chart: &Pareto,
    order: &[usize],
    buckets: &[Bucket],
    line: &[(usize, f64)],
    (plot, axis, x): (&Plot, &Axis, &dyn Fn(f64) -> f64),
) {
    out.push_str(r#"<g class="cf-bars">"#);
    for (k, bucket) in buckets.iter().enumerate() {
        let (left, right) = (x(bucket.from as f64), x(bucket.to as f64));
        let width = ((right - left) * 0.8).max(0.5);
        let top = plot.y(bucket.value, axis);
        let h = if bucket.value > 0.0 { (plot.bottom - top).max(1.0) } else { 0.0 };
        let cumulative = line[k + 1].1 * 100.0;
        let first = &chart.items[order[bucket.from]];
        let cumulative = format!("{cumulative:.1}");
        let tip = if bucket.to - bucket.from == 1 {
            charts::pareto_bar(chart.lang, bucket.from + 1, &first.label, &first.display, cumulative)
        } else {
            let last = &chart.items[order[bucket.to - 1]];
            let (first_rank, customers) = (bucket.from + 1, bucket.to - bucket.from);
            charts::pareto_bars(chart.lang, first_rank, bucket.to, customers, &first.display, &last.display, cumulative)
        };
        put!(
            out,
            r##"<g><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" fill="#fff" fill-opacity="0"/><rect x="{}" y="{}" width="{}" height="{}" fill="{}"/></g>"##,
            escape(&tip),
            Px(left),
            Px(plot.top),
            Px(right - left),
            Px(plot.bottom - plot.top),
            Px(left + (right - left - width) / 2.0),
            Px(plot.bottom - h),
            Px(width),
            Px(h),
            colours(bucket.class).1,
        );
    }
    out.push_str("</g>");
}

/// A sample of the cumulative line with its name, at the top right.
fn line_legend(out: &mut String, lang: Language) {
    let name = charts::CUMULATIVE_SHARE.get(lang);
    let x = WIDTH - 12.0 - text_width(name, SMALL);
    put!(out, r#"<line x1="{}" y1="17" x2="{}" y2="17" stroke="{INK}" stroke-width="2"/>"#, Px(x - 26.0), Px(x - 6.0));
    text(out, x, 21.0, &format!(r#"font-size="11" fill="{MUTED}""#), name);
}

/// Under the plot: customer names when there are few, else the share of customers.
fn ranks(out: &mut String, chart: &Pareto, order: &[usize], plot: &Plot, n: usize) {
    if n <= 12 {
        let slot = (plot.right - plot.left) / n as f64;
        category_labels(out, order.iter().map(|&i| chart.items[i].label.as_str()), plot, slot);
        return;
    }
    let attrs = format!(r#"text-anchor="middle" font-size="11" fill="{MUTED}""#);
    for pct in [0.0, 0.2, 0.4, 0.6, 0.8, 1.0] {
        let x = plot.left + pct * (plot.right - plot.left);
        text(out, x, plot.bottom + 16.0, &attrs, &format!("{:.0} %", pct * 100.0));
    }
    let caption = charts::pareto_ranks(chart.lang, n);
    text(out, (plot.left + plot.right) / 2.0, plot.bottom + 32.0, &attrs, &caption);
}
