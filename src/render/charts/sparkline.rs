//! A tiny line for a customer page (order history), with its lowest and highest points marked.

use super::svg::{AXIS, BAR, MUTED, Px, clean, escape, open_styled, put};
use crate::i18n::{Language, charts};

/// A sparkline.
#[derive(Debug, Clone, PartialEq)]
pub struct Sparkline {
    /// The accessible name (`"Orders, last 24 months"`); not drawn.
    pub title: String,
    /// The points, oldest first; each label and display shows on hover.
    pub points: Vec<super::Datum>,
    /// Width in viewBox units, also the most it is drawn wide in CSS pixels (at least 40).
    pub width: u32,
    /// Height in viewBox units (at least 12).
    pub height: u32,
    /// Language of the words the chart adds itself ("No data", "highest").
    pub lang: Language,
}

/// Renders a sparkline; see [`Sparkline`]. The highest point is a filled dot, the lowest a
/// hollow one, so they differ without colour.
pub fn sparkline(spark: &Sparkline) -> String {
    let (width, height) = (f64::from(spark.width.max(40)), f64::from(spark.height.max(12)));
    let values: Vec<f64> = spark.points.iter().map(|p| clean(p.value)).collect();
    let mut out = String::new();
    let high = (0..values.len()).fold(0, |best, i| if values[i] > values[best] { i } else { best });
    let low = (0..values.len()).fold(0, |best, i| if values[i] < values[best] { i } else { best });
    let label = match spark.points.get(high) {
        None => charts::sparkline_empty(spark.lang, &spark.title),
        Some(p) => {
            let min = &spark.points[low];
            charts::sparkline(spark.lang, &spark.title, &p.label, &p.display, &min.label, &min.display)
        }
    };
    let style = format!(r#" style="max-width:{}px""#, Px(width));
    open_styled(&mut out, "sparkline", width, height, &spark.title, &label, &style);
    let pad = 3.5;
    if values.is_empty() {
        let mid = height / 2.0;
        put!(
            &mut out,
            r#"<line x1="{pad}" y1="{}" x2="{}" y2="{}" stroke="{AXIS}" stroke-dasharray="3 3"/>"#,
            Px(mid),
            Px(width - pad),
            Px(mid)
        );
        out.push_str("</svg>");
        return out;
    }
    let (min, max) = (values[low], values[high]);
    let x = |i: usize| {
        if values.len() == 1 { width / 2.0 } else { pad + i as f64 / (values.len() - 1) as f64 * (width - 2.0 * pad) }
    };
    let y =
        |v: f64| if max > min { height - pad - (v - min) / (max - min) * (height - 2.0 * pad) } else { height / 2.0 };
    put!(
        &mut out,
        r#"<polyline fill="none" stroke="{MUTED}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round" points=""#
    );
    for (i, &v) in values.iter().enumerate() {
        put!(&mut out, "{}{},{}", if i > 0 { " " } else { "" }, Px(x(i)), Px(y(v)));
    }
    out.push_str(r#""/>"#);
    // Hover targets: one invisible dot per point, wide enough to find.
    let reach =
        if values.len() > 1 { ((width - 2.0 * pad) / (values.len() - 1) as f64 / 2.0).clamp(2.0, 6.0) } else { 6.0 };
    for (i, point) in spark.points.iter().enumerate() {
        put!(
            &mut out,
            r##"<circle cx="{}" cy="{}" r="{}" fill="#fff" fill-opacity="0"><title>{}: {}</title></circle>"##,
            Px(x(i)),
            Px(y(values[i])),
            Px(reach),
            escape(&point.label),
            escape(&point.display)
        );
    }
    if low != high {
        put!(
            &mut out,
            r##"<circle class="cf-min" cx="{}" cy="{}" r="2.5" fill="#fff" stroke="{MUTED}" stroke-width="1.5"><title>{}: {}</title></circle>"##,
            Px(x(low)),
            Px(y(min)),
            escape(&spark.points[low].label),
            escape(&spark.points[low].display)
        );
    }
    put!(
        &mut out,
        r#"<circle class="cf-max" cx="{}" cy="{}" r="2.5" fill="{BAR}"><title>{}: {}</title></circle>"#,
        Px(x(high)),
        Px(y(max)),
        escape(&spark.points[high].label),
        escape(&spark.points[high].display)
    );
    out.push_str("</svg>");
    out
}
