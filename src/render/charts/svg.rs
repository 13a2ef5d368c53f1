//! SVG building blocks shared by the charts: escaping, numbers, text widths, the frame,
//! the palette and the fill patterns that keep series apart in greyscale.

use std::fmt;

use unicode_width::UnicodeWidthChar;

use crate::i18n::{Language, charts};

/// `write!` into a `String`, which cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        let _ = ::std::fmt::Write::write_fmt($out, format_args!($($arg)*));
    }};
}
pub(super) use put;

/// The font stack: system UI fonts first, then fonts with Chinese glyphs.
pub(super) const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
/// The viewBox width of the full-width charts; they scale to their container.
pub(super) const WIDTH: f64 = 720.0;
/// Size of tick, category, legend and value text.
pub(super) const SMALL: f64 = 11.0;
/// Titles (slate-800).
pub(super) const INK: &str = "#1e293b";
/// Labels and tick text (slate-600).
pub(super) const MUTED: &str = "#475569";
/// Gridlines (slate-200).
pub(super) const GRID: &str = "#e2e8f0";
/// The zero line and axis ticks (slate-400).
pub(super) const AXIS: &str = "#94a3b8";
/// Plain bars (teal-700).
pub(super) const BAR: &str = "#0f766e";
/// Highlighted bars (amber-500), always drawn with a hatch as well.
pub(super) const HIGHLIGHT: &str = "#f59e0b";
/// Empty tracks behind horizontal bars (slate-100).
pub(super) const TRACK: &str = "#f1f5f9";
/// Attributes that give text a white halo, so it reads on any fill.
pub(super) const HALO: &str = r##"stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke""##;

/// How a series fill is textured on top of its colour.
#[derive(Clone, Copy)]
enum Texture {
    Solid,
    Hatch,
    Dots,
    Cross,
    BackHatch,
}

/// Series fills: neighbours differ in lightness and texture, not only in hue.
const SERIES: [(&str, Texture); 6] = [
    ("#0f766e", Texture::Solid),     // teal-700, dark
    ("#fbbf24", Texture::Solid),     // amber-400, light
    ("#475569", Texture::Hatch),     // slate-600, dark
    ("#5eead4", Texture::Dots),      // teal-300, light
    ("#b45309", Texture::Cross),     // amber-700, dark
    ("#cbd5e1", Texture::BackHatch), // slate-300, light
];

/// Escapes text for SVG/XML content and attribute values; drops control characters XML forbids.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate printed with at most one decimal (`12`, `12.5`, never `-0`); NaN prints as `0`.
#[derive(Clone, Copy)]
pub(super) struct Px(pub f64);

impl fmt::Display for Px {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = if self.0.is_finite() { (self.0 * 10.0).round() } else { 0.0 };
        // Tenths that fit an integer exactly are written as integer digits, without float
        // formatting or a nested `write!` (charts write thousands of coordinates).
        if tenths.abs() < 1e15 {
            let t = tenths as i64;
            let (whole, tenth) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
            if t < 0 {
                f.write_str("-")?;
            }
            f.write_str(itoa::Buffer::new().format(whole))?;
            const TENTHS: [&str; 10] = ["", ".1", ".2", ".3", ".4", ".5", ".6", ".7", ".8", ".9"];
            return f.write_str(TENTHS[tenth as usize]);
        }
        let v = tenths / 10.0;
        if v == 0.0 {
            f.write_str("0")
        } else if v.fract() == 0.0 {
            write!(f, "{v:.0}")
        } else {
            write!(f, "{v:.1}")
        }
    }
}

/// A value usable for geometry: NaN, infinities and negatives become 0.
pub(super) fn clean(value: f64) -> f64 {
    if value.is_finite() && value > 0.0 { value } else { 0.0 }
}

/// The estimated width of `text` at `size`: wide (CJK) characters are one em, others 0.6 em.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.width().unwrap_or(0) >= 2 { 1.0 } else { 0.6 }).sum::<f64>() * size
}

/// `text`, cut with an ellipsis to fit `max` at `size`.
pub(super) fn fit(text: &str, max: f64, size: f64) -> String {
    if text_width(text, size) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = text_width("…", size);
    for ch in text.chars() {
        let w = text_width(ch.encode_utf8(&mut [0; 4]), size);
        if used + w > max {
            break;
        }
        used += w;
        out.push(ch);
    }
    out.push('…');
    out
}

/// Opens the `<svg>` element with its accessible name and `<title>`.
pub(super) fn open(out: &mut String, kind: &str, width: f64, height: f64, title: &str, label: &str) {
    open_styled(out, kind, width, height, title, label, "");
}

/// Like [`open`], with trusted extra attributes on the `<svg>` element.
pub(super) fn open_styled(
    out: &mut String,
    kind: &str,
    width: f64,
    height: f64,
    title: &str,
    label: &str,
    extra: &str,
) {
    put!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="cf-chart cf-{kind}" viewBox="0 0 {} {}" width="100%"{extra} role="img" aria-label="{}" font-family="{FONT}" font-size="12"><title>{}</title>"#,
        Px(width),
        Px(height),
        escape(label),
        escape(title),
    );
}

/// A `<text>` element; `attrs` are trusted constant attributes, `content` is escaped.
pub(super) fn text(out: &mut String, x: f64, y: f64, attrs: &str, content: &str) {
    put!(out, r#"<text x="{}" y="{}" {attrs}>{}</text>"#, Px(x), Px(y), escape(content));
}

/// The visible chart title at the top left.
pub(super) fn heading(out: &mut String, title: &str, width: f64) {
    let shown = fit(title, width - 24.0, 14.0);
    text(out, 12.0, 22.0, &format!(r#"font-size="14" font-weight="600" fill="{INK}""#), &shown);
}

/// A small chart that says there is nothing to show, keeping the title.
pub(super) fn empty(kind: &str, title: &str, lang: Language, width: f64, height: f64) -> String {
    let none = charts::NO_DATA.get(lang);
    let mut out = String::new();
    open(&mut out, kind, width, height, title, &format!("{title}: {none}"));
    heading(&mut out, title, width);
    let mid = (height + 30.0) / 2.0;
    put!(
        &mut out,
        r#"<line x1="12" y1="{}" x2="{}" y2="{}" stroke="{GRID}" stroke-dasharray="4 4"/>"#,
        Px(mid + 14.0),
        Px(width - 12.0),
        Px(mid + 14.0)
    );
    text(&mut out, width / 2.0, mid, &format!(r#"text-anchor="middle" fill="{MUTED}""#), none);
    out.push_str("</svg>");
    out
}

/// A short, stable id prefix from the chart's content, so patterns of charts on one page
/// do not collide and the same chart always gets the same id.
pub(super) fn id_prefix(parts: &[&str]) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    format!("cf{hash:08x}")
}

/// The fill of series `index` (cycling after six), referring to a pattern from [`series_defs`].
pub(super) fn series_fill(prefix: &str, index: usize) -> String {
    match SERIES[index % SERIES.len()] {
        (colour, Texture::Solid) => colour.to_string(),
        _ => format!("url(#{prefix}-s{})", index % SERIES.len()),
    }
}

/// Whether series `index` is a light colour (so text on it should be dark).
pub(super) fn series_is_light(index: usize) -> bool {
    index % 2 == 1
}

/// `<defs>` with the patterns the first `count` series need.
pub(super) fn series_defs(out: &mut String, prefix: &str, count: usize) {
    out.push_str("<defs>");
    for (i, (colour, texture)) in SERIES.iter().enumerate().take(count.min(SERIES.len())) {
        let ink = if series_is_light(i) {
            r##"fill="#1e293b" fill-opacity="0.4""##
        } else {
            r##"fill="#fff" fill-opacity="0.5""##
        };
        let (size, rotate, marks) = match texture {
            Texture::Solid => continue,
            Texture::Hatch => (6, 45, format!(r#"<rect width="2" height="6" {ink}/>"#)),
            Texture::BackHatch => (6, -45, format!(r#"<rect width="2" height="6" {ink}/>"#)),
            Texture::Cross => {
                (6, 45, format!(r#"<rect width="1.5" height="6" {ink}/><rect width="6" height="1.5" {ink}/>"#))
            }
            Texture::Dots => (5, 0, format!(r#"<circle cx="2.5" cy="2.5" r="1.2" {ink}/>"#)),
        };
        put!(
            out,
            r#"<pattern id="{prefix}-s{i}" patternUnits="userSpaceOnUse" width="{size}" height="{size}" patternTransform="rotate({rotate})"><rect width="{size}" height="{size}" fill="{colour}"/>{marks}</pattern>"#
        );
    }
    out.push_str("</defs>");
}

/// A `<defs>` pattern for highlighted bars: amber with a light hatch.
pub(super) fn highlight_defs(out: &mut String, prefix: &str) {
    put!(
        out,
        r##"<defs><pattern id="{prefix}-hl" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="{HIGHLIGHT}"/><rect width="2" height="6" fill="#fff" fill-opacity="0.45"/></pattern></defs>"##
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_and_attribute_breakouts() {
        assert_eq!(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(escape(r#""onload=""#), "&quot;onload=&quot;");
        assert_eq!(escape("' onmouseover='x"), "&#39; onmouseover=&#39;x");
        assert_eq!(escape("A & B"), "A &amp; B");
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape("a\u{0}b\u{1b}c\nd"), "abc d");
        assert_eq!(escape("上海贸易 ¥"), "上海贸易 ¥");
    }

    #[test]
    fn px_has_at_most_one_decimal_and_no_negative_zero() {
        assert_eq!(Px(12.0).to_string(), "12");
        assert_eq!(Px(12.25).to_string(), "12.3");
        assert_eq!(Px(-0.01).to_string(), "0");
        assert_eq!(Px(f64::NAN).to_string(), "0");
        assert_eq!(Px(0.1 + 0.2).to_string(), "0.3");
        assert_eq!(Px(-0.5).to_string(), "-0.5");
        assert_eq!(Px(-12.0).to_string(), "-12");
        assert_eq!(Px(-12.46).to_string(), "-12.5");
        assert_eq!(Px(0.04).to_string(), "0");
        assert_eq!(Px(1_234_567.8).to_string(), "1234567.8");
        assert_eq!(Px(20.0 / 3.0).to_string(), "6.7");
    }

    #[test]
    fn clean_zeroes_what_cannot_be_drawn() {
        assert_eq!(clean(-3.0), 0.0);
        assert_eq!(clean(f64::NAN), 0.0);
        assert_eq!(clean(f64::INFINITY), 0.0);
        assert_eq!(clean(2.5), 2.5);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_and_counts_cjk_as_wide() {
        assert_eq!(fit("2025-01", 100.0, 10.0), "2025-01");
        assert!(text_width("上海", 10.0) > text_width("ab", 10.0));
        let cut = fit("上海浦东新区贸易有限公司", 50.0, 10.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 10.0) <= 50.0);
    }

    #[test]
    fn id_prefix_is_stable_and_content_dependent() {
        assert_eq!(id_prefix(&["a", "b"]), id_prefix(&["a", "b"]));
        assert_ne!(id_prefix(&["a", "b"]), id_prefix(&["ab"]));
    }
}
