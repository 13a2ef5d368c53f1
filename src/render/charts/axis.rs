//! Value axes with round steps (1, 2 or 5 × 10^k), compact tick labels, and thinning of
//! category labels that would not fit side by side.

use crate::i18n::Language;

/// The most intervals an axis is split into; the step is the smallest round one that fits.
const MAX_INTERVALS: f64 = 5.0;

/// A value axis from 0 to `top`, with a gridline every `step`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Axis {
    /// The distance between gridlines.
    pub step: f64,
    /// The value at the top of the plot: a multiple of `step`, at least the maximum.
    pub top: f64,
    /// The values that get a gridline, from 0 upwards.
    pub ticks: Vec<f64>,
}

impl Axis {
    /// An axis for values up to `max` (cleaned by the caller). With `whole`, steps are at
    /// least 1, for counts. All-zero data gets just the zero line.
    pub fn new(max: f64, whole: bool) -> Axis {
        if !(max.is_finite() && max > 0.0) {
            return Axis { step: 1.0, top: 1.0, ticks: vec![0.0] };
        }
        let step = nice_step(max, whole);
        let intervals = (max / step - 1e-9).ceil().max(1.0) as usize;
        let ticks = (0..=intervals).map(|i| i as f64 * step).collect();
        Axis { step, top: intervals as f64 * step, ticks }
    }

    /// A short tick label for `value`: `0`, `500`, `7,500`, `0.5M`, `15M` in English;
    /// `8,000`, `1.5万`, `2.0亿` in Chinese. The unit follows the top of the axis and the decimals
    /// follow the step, so all labels of one axis look alike.
    pub fn label(&self, value: f64, lang: Language) -> String {
        if value == 0.0 {
            return "0".to_string();
        }
        let units: &[(f64, &str)] = match lang {
            Language::En => &[(1e9, "B"), (1e6, "M"), (1e4, "k")],
            Language::ZhCn => &[(1e8, "亿"), (1e4, "万")],
        };
        let (unit, suffix) = units.iter().copied().find(|(u, _)| self.top >= *u).unwrap_or((1.0, ""));
        let unit = if suffix == "k" { 1e3 } else { unit };
        let scaled_step = self.step / unit;
        let decimals = (0..6).find(|&d| {
            let shifted = scaled_step * 10f64.powi(d);
            (shifted - shifted.round()).abs() < 1e-6 * shifted.max(1.0)
        });
        let number = format!("{:.*}", decimals.unwrap_or(6) as usize, value / unit);
        format!("{}{suffix}", group(&number))
    }
}

/// The smallest step of 1, 2 or 5 × 10^k that covers `max` in at most five intervals.
pub(super) fn nice_step(max: f64, whole: bool) -> f64 {
    let mut exponent = (max / MAX_INTERVALS).log10().floor() as i32 - 1;
    loop {
        for m in [1.0, 2.0, 5.0] {
            let step = m * 10f64.powi(exponent);
            if whole && step < 1.0 {
                continue;
            }
            if (max / step - 1e-9).ceil() <= MAX_INTERVALS {
                return step;
            }
        }
        exponent += 1;
    }
}

/// Adds thousands separators to the integer part of a plain decimal number.
fn group(number: &str) -> String {
    let (int, frac) = number.split_once('.').map_or((number, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Show every `n`th category label so labels `label_width` wide do not touch in slots
/// `slot` wide. `n` is 1, 2, 3, 4, 6 or 12 when possible, so months fall on quarters and years.
pub(super) fn label_every(slot: f64, label_width: f64) -> usize {
    let need = label_width + 12.0;
    if slot <= 0.0 {
        return 1;
    }
    for n in [1, 2, 3, 4, 6, 12] {
        if n as f64 * slot >= need {
            return n;
        }
    }
    (need / slot).ceil() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round_and_give_three_to_five_intervals() {
        for (max, step, top) in [
            (1000.0, 200.0, 1000.0),
            (1200.0, 500.0, 1500.0),
            (87.0, 20.0, 100.0),
            (12_345_678.0, 5_000_000.0, 15_000_000.0),
            (0.37, 0.1, 0.4),
            (3.0, 1.0, 3.0),
            (1.0, 0.2, 1.0),
        ] {
            let axis = Axis::new(max, false);
            assert!((axis.step - step).abs() < 1e-9, "{max}: step {}", axis.step);
            assert!((axis.top - top).abs() < 1e-6, "{max}: top {}", axis.top);
            assert!((4..=6).contains(&axis.ticks.len()), "{max}: {:?}", axis.ticks);
        }
    }

    #[test]
    fn every_max_gets_a_covering_axis_with_at_most_five_intervals() {
        let mut max = 0.013;
        while max < 1e10 {
            let axis = Axis::new(max, false);
            assert!(axis.top >= max && axis.ticks.len() <= 6 && axis.ticks.len() >= 4, "{max}: {axis:?}");
            let mantissa = axis.step / 10f64.powf(axis.step.log10().floor());
            assert!([1.0, 2.0, 5.0].iter().any(|m| (m - mantissa).abs() < 1e-6), "{max}: {}", axis.step);
            max *= 1.37;
        }
    }

    #[test]
    fn counts_get_whole_steps_and_zero_data_only_the_zero_line() {
        assert_eq!(Axis::new(1.0, true).step, 1.0);
        assert_eq!(Axis::new(2.0, true).ticks, vec![0.0, 1.0, 2.0]);
        assert_eq!(Axis::new(0.0, false).ticks, vec![0.0]);
        assert_eq!(Axis::new(f64::NAN, false).ticks, vec![0.0]);
    }

    #[test]
    fn tick_labels_are_compact_with_the_steps_decimals() {
        let label = |max: f64, v: f64, lang| Axis::new(max, false).label(v, lang);
        assert_eq!(label(1200.0, 0.0, Language::En), "0");
        assert_eq!(label(1200.0, 500.0, Language::En), "500");
        assert_eq!(label(1200.0, 1500.0, Language::En), "1,500");
        assert_eq!(label(14_000.0, 10_000.0, Language::En), "10k");
        assert_eq!(label(1_400_000.0, 500_000.0, Language::En), "0.5M");
        assert_eq!(label(1_400_000.0, 1_000_000.0, Language::En), "1.0M");
        assert_eq!(label(12_345_678.0, 10_000_000.0, Language::En), "10M");
        assert_eq!(label(1.0, 0.6000000000000001, Language::En), "0.6");
        assert_eq!(label(8000.0, 4000.0, Language::ZhCn), "4,000");
        assert_eq!(label(14_000.0, 15_000.0, Language::ZhCn), "1.5万");
        assert_eq!(label(180_000_000.0, 200_000_000.0, Language::ZhCn), "2.0亿");
    }

    #[test]
    fn label_thinning_prefers_quarters_and_years() {
        assert_eq!(label_every(60.0, 40.0), 1);
        assert_eq!(label_every(27.0, 42.0), 2);
        assert_eq!(label_every(20.0, 42.0), 3);
        assert_eq!(label_every(10.0, 42.0), 6);
        assert_eq!(label_every(4.0, 42.0), 14);
        assert_eq!(label_every(0.0, 42.0), 1);
    }
}
