//! How each computed value was computed, in words ("why"): the catalogue's explanations
//! ([`crate::i18n::explain`]) filled from the analysis.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::abc::Class;
use super::completeness::ITEMS;
use super::credit::Grade;
use super::lifecycle::Lifecycle;
use super::{Analysis, Facts};
use crate::format::{date, money, percent};
use crate::i18n::{self, Language, Text, explain as words};
use crate::records::model::Customer;
use crate::records::settings::Settings;

mod keeping;
mod team;

pub use team::{owner, team};

/// Explanations of one customer's values, keyed by the export's field names.
pub type Why = BTreeMap<&'static str, String>;

/// The names of the completeness items, in the order of [`ITEMS`].
const ITEM_NAMES: [Text; ITEMS.len()] = [
    words::ITEM_REACH,
    words::ITEM_ADDRESS,
    words::ITEM_REGION,
    words::ITEM_SINCE,
    words::ITEM_CONTACT,
    words::ITEM_DECIDER,
    words::ITEM_INTERACTION,
    words::ITEM_TAGS,
];

struct Words<'a> {
    lang: Language,
    settings: &'a Settings,
}

impl Words<'_> {
    fn money(&self, value: Decimal) -> String {
        money(value, &self.settings.currency)
    }
}

/// Explains every computed value of one customer.
pub fn explain(customer: &Customer, f: &Facts, analysis: &Analysis, settings: &Settings) -> Why {
    let w = Words { lang: settings.language, settings };
    let lang = w.lang;
    let l = &f.ledger;
    let mut why = Why::new();
    let (start, end) = (
        date(super::window::Window::add_days(analysis.window.today, 1 - analysis.window.days)),
        date(analysis.window.today),
    );
    why.insert("revenue", words::revenue(lang, l.orders, start, end, analysis.window.days));
    let with_cost = customer.orders.iter().filter(|o| analysis.window.contains(o.date) && o.cost.is_some()).count();
    why.insert(
        "profit",
        match l.profit {
            Some(_) => words::profit(lang, with_cost, l.orders),
            None => words::profit_unknown(lang),
        },
    );
    why.insert("class", class(&w, f));
    why.insert("lifecycle", lifecycle(&w, customer, f, analysis));
    why.insert("credit", credit(&w, customer, f));
    why.insert("score", score(&w, f, analysis));
    why.insert("completeness", completeness(&w, f));
    if let (Some(cycle), Some(first), Some(last)) = (l.cycle_days, l.first_order, l.last_order) {
        let n = l.orders_to_date;
        why.insert("cycle_days", words::cycle_days(lang, date(last), date(first), n, cycle));
        why.insert("expected_order", words::expected_order(lang, date(last), cycle));
    }
    care(&w, customer, f, analysis, &mut why);
    keeping::explain(&w, customer, f, &mut why);
    if let Some(days) = l.recency_days {
        why.insert("recency_days", words::recency(lang, days));
    }
    why
}

fn class(w: &Words<'_>, f: &Facts) -> String {
    let r = &f.rank;
    if f.ledger.revenue.is_zero() {
        return words::class_without_revenue(w.lang);
    }
    let share = percent(f.ledger.revenue / r.total);
    let before = percent(r.before / r.total);
    let (a, b) = (percent(w.settings.abc.a_share), percent(w.settings.abc.b_share));
    let rule = match f.class() {
        Class::A => words::rule_a(w.lang, a),
        Class::B => words::rule_b(w.lang, a, b),
        Class::C => words::rule_c(w.lang, b),
    };
    let (revenue, total) = (w.money(f.ledger.revenue), w.money(r.total));
    words::class(w.lang, f.class().as_str(), revenue, share, total, r.rank - 1, before, rule)
}

fn lifecycle(w: &Words<'_>, c: &Customer, f: &Facts, analysis: &Analysis) -> String {
    let cfg = &w.settings.lifecycle;
    let recency = f.ledger.recency_days.unwrap_or(0);
    match f.lifecycle {
        Lifecycle::Lost if c.loss.as_ref().is_some_and(|l| l.date <= analysis.window.today) => {
            let d = c.loss.as_ref().map(|l| date(l.date)).unwrap_or_default();
            words::lost_recorded(w.lang, d)
        }
        Lifecycle::Prospect => words::prospect(w.lang),
        Lifecycle::New => {
            let days = f.ledger.first_order.map_or(0, |d| analysis.window.days_since(d));
            words::new(w.lang, days, cfg.new_days)
        }
        Lifecycle::Lost => words::lost(w.lang, recency, cfg.lost_days),
        Lifecycle::Dormant => words::dormant(w.lang, recency, cfg.dormant_days, cfg.lost_days),
        Lifecycle::Active => words::active(w.lang, recency, cfg.dormant_days),
    }
}

fn credit(w: &Words<'_>, c: &Customer, f: &Facts) -> String {
    let k = &f.credit;
    let cfg = &w.settings.credit;
    let grade = match (k.grade, k.max_late) {
        (Grade::None, _) | (_, None) => words::credit_unrated(w.lang),
        (g, Some(m)) => {
            words::credit_grade(w.lang, g.as_str(), k.rated, m, cfg.grace_days, cfg.b_max_days, cfg.c_max_days)
        }
    };
    let exposure = words::credit_exposure(w.lang, w.money(k.exposure), w.money(k.overdue));
    let limit = match c.credit_limit {
        Some(limit) if k.over_limit => words::credit_over_limit(w.lang, w.money(limit)),
        Some(limit) => words::credit_limit(w.lang, w.money(limit)),
        None => String::new(),
    };
    format!("{grade}{exposure}{limit}")
}

fn score(w: &Words<'_>, f: &Facts, analysis: &Analysis) -> String {
    let weights = &w.settings.weights;
    let profit_weight = if analysis.scale.use_profit { weights.profit } else { Decimal::ZERO };
    let [r, p, c, q] = f.score.components;
    let total = weights.revenue + profit_weight + weights.credit + weights.prospect;
    let terms = words::score(
        w.lang,
        weights.revenue,
        r,
        profit_weight,
        p,
        weights.credit,
        c,
        weights.prospect,
        q,
        total,
        f.score.value,
    );
    if analysis.scale.use_profit { terms } else { terms + &words::score_without_profit(w.lang) }
}

fn completeness(w: &Words<'_>, f: &Facts) -> String {
    let have = f.completeness_items.iter().filter(|b| **b).count();
    let missing: Vec<&str> =
        (0..ITEMS.len()).filter(|i| !f.completeness_items[*i]).map(|i| ITEM_NAMES[i].get(w.lang)).collect();
    if missing.is_empty() {
        return words::completeness_full(w.lang);
    }
    words::completeness(w.lang, have, i18n::list(w.lang, &missing))
}

/// The "why" of SPEC 10.2's values.
fn care(w: &Words<'_>, c: &Customer, f: &Facts, analysis: &Analysis, why: &mut Why) {
    let lang = w.lang;
    let l = &f.ledger;
    why.insert(
        "trend",
        match f.care.trend {
            Some(t) => words::trend(lang, w.money(l.revenue), w.money(l.revenue_prev), t),
            None => words::trend_none(lang, analysis.window.days),
        },
    );
    why.insert("lifetime_revenue", words::lifetime_revenue(lang, l.orders_to_date));
    why.insert(
        "satisfaction",
        match f.care.satisfaction {
            Some((s, d)) => words::satisfaction(lang, s, date(d)),
            None => words::satisfaction_none(lang),
        },
    );
    let deciders = c.contacts.iter().filter(|p| !p.has_left(analysis.window.today) && p.role.decides()).count();
    why.insert(
        "coverage",
        match f.care.coverage {
            Some(k) => words::coverage(lang, k.as_str(), deciders),
            None => words::coverage_none(lang),
        },
    );
    let reasons: Vec<&str> = f.care.risk.iter().map(|r| r.as_str()).collect();
    why.insert(
        "risk",
        if reasons.is_empty() {
            words::risk_none(lang)
        } else {
            words::risk(lang, i18n::list(lang, &reasons), percent(w.settings.risk_drop))
        },
    );
    why.insert("pipeline", words::pipeline(lang));
}
