//! Tests across the charts: the frame every chart has, escaping of hostile labels,
//! determinism, edge cases, and the geometry readers rely on.

use super::pareto::{BOTTOM_MARGIN, TOP};
use super::*;
use crate::analysis::abc::Class;
use crate::i18n::Language;

const HOSTILE: [&str; 3] = ["<script>alert(1)</script>", r#""onload="alert(1)"#, "a & b's <i>"];

fn months(n: usize) -> BarChart {
    let bars = (0..n)
        .map(|i| {
            let value = 1000.0 + (i * 7919 % 13) as f64 * 900.0;
            Bar {
                label: format!("{}-{:02}", 2024 + i / 12, i % 12 + 1),
                value,
                display: format!("¥{value:.0}"),
                highlight: i + 1 == n,
            }
        })
        .collect();
    BarChart {
        title: "Revenue by month".into(),
        bars,
        height: 260,
        highlight_note: "This month".into(),
        lang: Language::En,
    }
}

fn customers(n: usize) -> Pareto {
    let items = (0..n)
        .map(|i| {
            let value = 100_000.0 / (i as f64 + 1.0);
            let class = if i < n / 5 {
                Class::A
            } else if i < n / 2 {
                Class::B
            } else {
                Class::C
            };
            ParetoItem { label: format!("Customer {i}"), value, display: format!("{value:.0}"), class }
        })
        .collect();
    Pareto { title: "Revenue Pareto".into(), items, a_share: 0.8, b_share: 0.95, height: 300, lang: Language::En }
}

fn stacked(labels: &[&str]) -> StackedBars {
    let groups = labels
        .iter()
        .enumerate()
        .map(|(i, label)| StackGroup {
            label: label.to_string(),
            segments: (0..3)
                .map(|j| Segment { value: ((i + j) % 4) as f64, display: format!("{}", (i + j) % 4) })
                .collect(),
            total: String::new(),
        })
        .collect();
    let series = vec!["Calls".into(), "Visits".into(), "Quotes".into()];
    StackedBars {
        title: "Agenda".into(),
        series,
        groups,
        orientation: Orientation::Horizontal,
        normalize: false,
        height: 240,
        lang: Language::En,
    }
}

fn data(labels: &[&str]) -> Vec<Datum> {
    labels.iter().enumerate().map(|(i, l)| Datum::new(*l, i as f64 + 1.0, format!("{}", i + 1))).collect()
}

fn all_charts(labels: &[&str]) -> Vec<String> {
    let mut bars = months(labels.len());
    for (bar, label) in bars.bars.iter_mut().zip(labels) {
        bar.label = label.to_string();
        bar.display = label.to_string();
    }
    let mut pareto_chart = customers(labels.len());
    for (item, label) in pareto_chart.items.iter_mut().zip(labels) {
        item.label = label.to_string();
    }
    vec![
        bar_chart(&bars),
        stacked_bars(&stacked(labels)),
        pareto(&pareto_chart),
        sparkline(&Sparkline {
            title: labels.concat(),
            points: data(labels),
            width: 120,
            height: 24,
            lang: Language::En,
        }),
        share_bars(&ShareBars { title: labels.concat(), items: data(labels), show_share: true, lang: Language::En }),
    ]
}

/// Checks tags nest and every `&` starts one of the entities `escape` writes.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        for (i, _) in text.match_indices('&') {
            let tail = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| tail.starts_with(e)),
                "bare & in {svg}"
            );
        }
        let end = rest[start..].find('>').map(|e| start + e).unwrap_or_else(|| panic!("unclosed tag in {svg}"));
        let tag = &rest[start + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "misnested </{name}> in {svg}");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap_or(""));
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

fn attr(svg: &str, marker: &str, name: &str) -> f64 {
    let at = svg.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let tail = &svg[at..];
    let value = &tail[tail.find(&format!(r#" {name}=""#)).expect("attribute") + name.len() + 3..];
    value[..value.find('"').expect("quote")].parse().expect("number")
}

#[test]
fn every_chart_has_the_accessible_frame_and_is_well_formed() {
    for svg in all_charts(&["2025-01", "2025-02", "上海贸易有限公司"]) {
        assert!(svg.starts_with("<svg "), "{svg}");
        for needle in
            [r#"viewBox="0 0 "#, r#"width="100%""#, r#"role="img""#, "aria-label=\"", "<title>", "font-family="]
        {
            assert!(svg.contains(needle), "{needle} missing in {svg}");
        }
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("NaN") && !svg.contains("inf") && !svg.contains("<script"));
        assert_eq!(svg.matches("http").count(), 1, "only the xmlns namespace name");
        assert!(!svg.contains("href"), "no external or internal links");
        assert_well_formed(&svg);
    }
}

#[test]
fn hostile_labels_are_escaped_everywhere() {
    for svg in all_charts(&HOSTILE) {
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains(r#""onload=""#), "{svg}");
        assert!(!svg.contains("<i>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"), "{svg}");
        assert_well_formed(&svg);
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let labels = ["b", "a", "c", "a"];
    assert_eq!(all_charts(&labels), all_charts(&labels));
    assert_eq!(pareto(&customers(3000)), pareto(&customers(3000)));
}

#[test]
fn no_data_gives_a_small_chart_with_the_title() {
    for svg in all_charts(&[]) {
        assert!(svg.contains("No data"), "{svg}");
        assert_well_formed(&svg);
    }
    let zh = BarChart {
        title: "月度收入".into(),
        bars: vec![],
        height: 0,
        highlight_note: String::new(),
        lang: Language::ZhCn,
    };
    let svg = bar_chart(&zh);
    assert!(svg.contains("暂无数据") && svg.contains("<title>月度收入</title>"));
    let mut zero = customers(4);
    zero.items.iter_mut().for_each(|i| i.value = 0.0);
    assert!(pareto(&zero).contains("No data"));
}

#[test]
fn every_bar_and_point_has_a_title() {
    let svg = bar_chart(&months(24));
    assert_eq!(svg.matches(r#"<g class="cf-bar"><title>"#).count(), 24);
    assert!(svg.contains("<title>2024-01: ¥1000</title>"));
    let spark = sparkline(&Sparkline {
        title: "Orders".into(),
        points: data(&["a", "b", "c"]),
        width: 120,
        height: 24,
        lang: Language::En,
    });
    assert_eq!(spark.matches("<circle").count(), spark.matches("</title></circle>").count());
    assert!(spark.matches("</title></circle>").count() >= 3);
    let share =
        share_bars(&ShareBars { title: "t".into(), items: data(&["x", "y"]), show_share: true, lang: Language::En });
    assert!(share.contains("<title>y: 2 (66.7 %)</title>"));
    let stack = stacked_bars(&stacked(&["Li", "Wang"]));
    // Segments (0, 1, 2) and (1, 2, 3): zero ones are not drawn, every drawn one has a title.
    assert_eq!(stack.matches("</title><rect").count(), 5);
}

#[test]
fn crowded_month_labels_are_thinned_and_values_do_not_collide() {
    let svg = bar_chart(&months(24));
    let categories = &svg[svg.find("cf-categories").expect("labels")..];
    let shown = categories.matches("<text").count();
    assert!((2..24).contains(&shown), "{shown} labels");
    assert!(categories.contains(">2024-01<"));
    let few = bar_chart(&months(6));
    assert_eq!(few[few.find("cf-categories").expect("labels")..].matches("<text").count(), 6);
}

#[test]
fn zeros_negatives_and_nan_draw_as_nothing() {
    let mut chart = months(4);
    for (bar, v) in chart.bars.iter_mut().zip([0.0, -5.0, f64::NAN, f64::INFINITY]) {
        bar.value = v;
    }
    let svg = bar_chart(&chart);
    assert_eq!(svg.matches(r#"height="0" rx="1.5""#).count(), 4, "{svg}");
    assert!(svg.contains(">0</text>"));
    assert_well_formed(&svg);
    let single = bar_chart(&months(1));
    assert!(single.contains(r#"width="56""#), "a single bar keeps a modest width");
}

#[test]
fn pareto_reference_lines_sit_at_the_a_and_b_shares() {
    let chart = customers(50);
    let svg = pareto(&chart);
    let bottom = f64::from(chart.height) - BOTTOM_MARGIN;
    for (marker, share) in [("cf-ref-a", 0.8), ("cf-ref-b", 0.95)] {
        let expected = bottom - share * (bottom - TOP);
        assert!((attr(&svg, marker, "y1") - expected).abs() <= 0.05, "{marker}");
        assert_eq!(attr(&svg, marker, "y1"), attr(&svg, marker, "y2"));
    }
    assert!(svg.contains(">A 80 %<") && svg.contains(">B 95 %<"));
    // The line ends at 100 % at the right edge.
    let line = &svg[svg.find("cf-cumulative").expect("line")..];
    let points = &line[line.find("points=\"").expect("points") + 8..];
    let last = points[..points.find('"').expect("end")].rsplit(' ').next().expect("point");
    assert!(last.ends_with(&format!(",{TOP}")), "{last}");
}

#[test]
fn many_customers_are_bucketed_into_at_most_sixty_bars() {
    let svg = pareto(&customers(3000));
    let bars = svg.matches("<g><title>#").count();
    assert!((50..=60).contains(&bars), "{bars}");
    assert!(svg.contains("<title>#1–#50 (50 customers)"));
    for class in ["A", "B", "C"] {
        assert!(svg.contains(&format!(r#"class="cf-area-{class}""#)));
    }
    let few = pareto(&customers(5));
    assert_eq!(few.matches("<g><title>#").count(), 5);
    assert!(few.contains(">Customer 0<"), "few customers are named under their bars");
}

#[test]
fn pareto_ranks_by_value_with_a_stable_tie_break() {
    let mut chart = customers(3);
    chart.items[0].value = 5.0;
    chart.items[1].value = 5.0;
    chart.items[2].value = 10.0;
    let svg = pareto(&chart);
    let first = svg.find("#1 Customer 2").expect("largest first");
    let second = svg.find("#2 Customer 0").expect("then A before B");
    assert!(first < second && svg.contains("#3 Customer 1"));
}

#[test]
fn sparkline_marks_the_extremes_and_survives_flat_and_single_series() {
    let points = vec![Datum::new("Jan", 3.0, "3"), Datum::new("Feb", 9.0, "9"), Datum::new("Mar", 1.0, "1")];
    let svg = sparkline(&Sparkline { title: "Orders".into(), points, width: 120, height: 24, lang: Language::En });
    assert!(svg.contains(r#"class="cf-max""#) && svg.contains("<title>Feb: 9</title></circle>"));
    assert!(svg.contains(r#"class="cf-min""#) && svg.contains("<title>Mar: 1</title></circle>"));
    assert!(svg.contains("max-width:120px"));
    let flat = vec![Datum::new("a", 2.0, "2"), Datum::new("b", 2.0, "2")];
    let svg = sparkline(&Sparkline { title: "t".into(), points: flat, width: 80, height: 20, lang: Language::En });
    assert!(svg.contains(",10 ") && !svg.contains("cf-min"));
    let one = vec![Datum::new("a", 2.0, "2")];
    assert_well_formed(&sparkline(&Sparkline {
        title: "t".into(),
        points: one,
        width: 80,
        height: 20,
        lang: Language::En,
    }));
}

#[test]
fn stacked_bars_have_a_legend_and_normalised_shares() {
    let mut chart = stacked(&["Li", "Wang"]);
    chart.normalize = true;
    chart.orientation = Orientation::Vertical;
    let svg = stacked_bars(&chart);
    for name in ["Calls", "Visits", "Quotes"] {
        assert!(svg.contains(&format!(">{name}<")), "{name}");
    }
    assert!(svg.contains(">100 %<"));
    assert!(svg.contains("<title>Li · Visits: 1 (33.3 %)</title>"), "{svg}");
    assert!(svg.contains("<pattern"), "series differ by texture too");
}

#[test]
fn a_value_label_wider_than_the_chart_does_not_panic() {
    // A currency of a thousand characters (cardfile.toml's `currency` is free text) once made
    // `f64::clamp` panic with min > max.
    let mut chart = months(3);
    for bar in &mut chart.bars {
        bar.display = format!("{}100", "¥".repeat(1000));
    }
    let svg = bar_chart(&chart);
    assert!(svg.ends_with("</svg>"), "{svg}");
}

#[test]
fn very_long_labels_and_values_never_give_negative_sizes() {
    let long = format!("{}100", "¥".repeat(1000));
    let labels = [long.as_str(), "b", long.as_str()];
    let mut charts = all_charts(&labels);
    let mut items = data(&labels);
    for item in &mut items {
        item.display = long.clone();
    }
    charts.push(share_bars(&ShareBars { title: "t".into(), items, show_share: true, lang: Language::En }));
    for svg in charts {
        for attr in ["width=\"-", "height=\"-", "x=\"-", "NaN", "inf"] {
            assert!(!svg.contains(attr), "{attr} in {svg:.300}");
        }
    }
}

#[test]
fn coordinates_are_written_to_a_tenth_as_float_formatting_would() {
    let px = |v: f64| svg::Px(v).to_string();
    for (value, written) in [
        (0.0, "0"),
        (-0.0, "0"),
        (-0.04, "0"),
        (0.05, "0.1"),
        (12.0, "12"),
        (12.34, "12.3"),
        (-3.0, "-3"),
        (-0.5, "-0.5"),
        (-12.25, "-12.3"),
        (f64::NAN, "0"),
        (f64::INFINITY, "0"),
    ] {
        assert_eq!(px(value), written, "{value}");
    }
    // Where tenths no longer fit the integer path, float formatting writes them.
    assert_eq!(px(1e16), "10000000000000000");
    for tenth in 0..2000 {
        let v = f64::from(tenth) * 0.37 - 300.0;
        let r = (v * 10.0).round() / 10.0;
        let float = if r == 0.0 {
            "0".to_string()
        } else if r.fract() == 0.0 {
            format!("{r:.0}")
        } else {
            format!("{r:.1}")
        };
        assert_eq!(px(v), float, "{v}");
    }
}
