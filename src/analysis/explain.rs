//! How each computed value was computed, in words ("why"), in English or Simplified Chinese.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::abc::Class;
use super::completeness::ITEMS;
use super::credit::Grade;
use super::lifecycle::Lifecycle;
use super::{Analysis, Facts};
use crate::format::{date, money, percent};
use crate::i18n::Language;
use crate::records::model::Customer;
use crate::records::settings::Settings;

/// Explanations of one customer's values, keyed by the export's field names.
pub type Why = BTreeMap<&'static str, String>;

struct Words<'a> {
    lang: Language,
    settings: &'a Settings,
}

impl Words<'_> {
    fn pick(&self, en: String, zh: String) -> String {
        match self.lang {
            Language::En => en,
            Language::ZhCn => zh,
        }
    }

    fn money(&self, value: Decimal) -> String {
        money(value, &self.settings.currency)
    }
}

/// Explains every computed value of one customer.
pub fn explain(customer: &Customer, f: &Facts, analysis: &Analysis, settings: &Settings) -> Why {
    let w = Words { lang: settings.language, settings };
    let l = &f.ledger;
    let mut why = Why::new();
    let (start, end) = (
        date(super::window::Window::add_days(analysis.window.today, 1 - analysis.window.days)),
        date(analysis.window.today),
    );
    why.insert(
        "revenue",
        w.pick(
            format!("sum of the {} orders dated {start} to {end} (the {}-day window)", l.orders, analysis.window.days),
            format!("{start} 至 {end}（{} 天分析窗口）内 {} 笔订单金额之和", analysis.window.days, l.orders),
        ),
    );
    let with_cost = customer.orders.iter().filter(|o| analysis.window.contains(o.date) && o.cost.is_some()).count();
    why.insert(
        "profit",
        match l.profit {
            Some(_) => w.pick(
                format!("amount − cost over the {with_cost} of {} orders in the window that have a cost", l.orders),
                format!("窗口期内 {} 笔订单中有成本的 {with_cost} 笔：金额 − 成本", l.orders),
            ),
            None => w.pick(
                "no order in the window has a cost: profit unknown (counts 0 in the score)".to_string(),
                "窗口期内没有订单填写成本：利润未知（综合评分按 0 计）".to_string(),
            ),
        },
    );
    why.insert("class", class(&w, f));
    why.insert("lifecycle", lifecycle(&w, customer, f, analysis));
    why.insert("credit", credit(&w, customer, f));
    why.insert("score", score(&w, f, analysis));
    why.insert("completeness", completeness(&w, f));
    if let (Some(cycle), Some(first), Some(last)) = (l.cycle_days, l.first_order, l.last_order) {
        let n = l.orders_to_date;
        why.insert(
            "cycle_days",
            w.pick(
                format!("({} − {}) / ({n} − 1) orders = {cycle} days, rounded", date(last), date(first)),
                format!("（{} − {}）/（{n} − 1）笔订单 = {cycle} 天（四舍五入）", date(last), date(first)),
            ),
        );
        why.insert(
            "expected_order",
            w.pick(
                format!("last order {} + {cycle} days", date(last)),
                format!("上次下单 {} + {cycle} 天", date(last)),
            ),
        );
    }
    care(&w, customer, f, analysis, &mut why);
    if let Some(days) = l.recency_days {
        why.insert(
            "recency_days",
            w.pick(format!("{days} days since the last order"), format!("距上次下单 {days} 天")),
        );
    }
    why
}

fn class(w: &Words<'_>, f: &Facts) -> String {
    let r = &f.rank;
    if f.ledger.revenue.is_zero() {
        return w.pick("C: no revenue in the window".to_string(), "C：窗口期内无销售额".to_string());
    }
    let share = percent(f.ledger.revenue / r.total);
    let before = percent(r.before / r.total);
    let (a, b) = (percent(w.settings.abc.a_share), percent(w.settings.abc.b_share));
    let rule = match f.class() {
        Class::A => format!("< {a}"),
        Class::B => format!("≥ {a}, < {b}"),
        Class::C => format!("≥ {b}"),
    };
    w.pick(
        format!(
            "{}: revenue {} is {share} of the total {}; the {} customers ranked before it hold {before} ({rule})",
            f.class().as_str(),
            w.money(f.ledger.revenue),
            w.money(r.total),
            r.rank - 1
        ),
        format!(
            "{}：销售额 {} 占总额 {} 的 {share}；排在其前的 {} 位客户合计占 {before}（{rule}）",
            f.class().as_str(),
            w.money(f.ledger.revenue),
            w.money(r.total),
            r.rank - 1
        ),
    )
}

fn lifecycle(w: &Words<'_>, c: &Customer, f: &Facts, analysis: &Analysis) -> String {
    let cfg = &w.settings.lifecycle;
    let recency = f.ledger.recency_days.unwrap_or(0);
    match f.lifecycle {
        Lifecycle::Lost if c.loss.as_ref().is_some_and(|l| l.date <= analysis.window.today) => {
            let d = c.loss.as_ref().map(|l| date(l.date)).unwrap_or_default();
            w.pick(format!("lost: the loss was recorded on {d}"), format!("流失：{d} 记录了流失"))
        }
        Lifecycle::Prospect => w.pick("prospect: no orders yet".to_string(), "潜在客户：尚无订单".to_string()),
        Lifecycle::New => {
            let days = f.ledger.first_order.map_or(0, |d| analysis.window.days_since(d));
            w.pick(
                format!("new: first order {days} days ago (< {})", cfg.new_days),
                format!("新客户：首单在 {days} 天前（< {}）", cfg.new_days),
            )
        }
        Lifecycle::Lost => w.pick(
            format!("lost: last order {recency} days ago (≥ {})", cfg.lost_days),
            format!("流失：上次下单在 {recency} 天前（≥ {}）", cfg.lost_days),
        ),
        Lifecycle::Dormant => w.pick(
            format!("dormant: last order {recency} days ago (≥ {}, < {})", cfg.dormant_days, cfg.lost_days),
            format!("沉睡：上次下单在 {recency} 天前（≥ {}，< {}）", cfg.dormant_days, cfg.lost_days),
        ),
        Lifecycle::Active => w.pick(
            format!("active: last order {recency} days ago (< {})", cfg.dormant_days),
            format!("活跃：上次下单在 {recency} 天前（< {}）", cfg.dormant_days),
        ),
    }
}

fn credit(w: &Words<'_>, c: &Customer, f: &Facts) -> String {
    let k = &f.credit;
    let cfg = &w.settings.credit;
    let grade = match (k.grade, k.max_late) {
        (Grade::None, _) | (_, None) => w.pick(
            "-: no rated order (no credit sale paid in the window or due by today)".to_string(),
            "-：没有可评级的订单（窗口期内无赊销回款，也无到期未付）".to_string(),
        ),
        (g, Some(m)) => w.pick(
            format!(
                "{}: the slowest payment of {} rated orders was {m} days late (A ≤ {}, B ≤ {}, C ≤ {}, else D)",
                g.as_str(),
                k.rated,
                cfg.grace_days,
                cfg.b_max_days,
                cfg.c_max_days
            ),
            format!(
                "{}：{} 笔评级订单中最长逾期 {m} 天（A ≤ {}，B ≤ {}，C ≤ {}，否则 D）",
                g.as_str(),
                k.rated,
                cfg.grace_days,
                cfg.b_max_days,
                cfg.c_max_days
            ),
        ),
    };
    let exposure = w.pick(
        format!("; unpaid credit sales {}, of which {} past due", w.money(k.exposure), w.money(k.overdue)),
        format!("；未收赊销款 {}，其中逾期 {}", w.money(k.exposure), w.money(k.overdue)),
    );
    let limit = match c.credit_limit {
        Some(limit) if k.over_limit => {
            w.pick(format!(" — over the limit {}", w.money(limit)), format!(" —— 超过信用额度 {}", w.money(limit)))
        }
        Some(limit) => w.pick(format!(" (limit {})", w.money(limit)), format!("（信用额度 {}）", w.money(limit))),
        None => String::new(),
    };
    format!("{grade}{exposure}{limit}")
}

fn score(w: &Words<'_>, f: &Facts, analysis: &Analysis) -> String {
    let weights = &w.settings.weights;
    let profit_weight = if analysis.scale.use_profit { weights.profit } else { Decimal::ZERO };
    let [r, p, c, q] = f.score.components;
    let total = weights.revenue + profit_weight + weights.credit + weights.prospect;
    let terms = w.pick(
        format!(
            "({} × revenue {r} + {profit_weight} × profit {p} + {} × credit {c} + {} × prospect {q}) / {total} = {}",
            weights.revenue, weights.credit, weights.prospect, f.score.value
        ),
        format!(
            "（{} × 销售额 {r} + {profit_weight} × 利润 {p} + {} × 信用 {c} + {} × 前景 {q}）/ {total} = {}",
            weights.revenue, weights.credit, weights.prospect, f.score.value
        ),
    );
    if analysis.scale.use_profit {
        terms
    } else {
        terms
            + &w.pick(
                "; no order has a cost, so profit is left out".to_string(),
                "；所有订单均无成本，利润不计入".to_string(),
            )
    }
}

fn completeness(w: &Words<'_>, f: &Facts) -> String {
    let names_en = [
        "phone/e-mail/WeChat",
        "address",
        "region",
        "customer since",
        "a contact",
        "a decision-maker or approver",
        "an interaction",
        "tags",
    ];
    let names_zh = ["电话/邮箱/微信", "地址", "区域", "客户起始日期", "联系人", "决策人或审批人", "跟进记录", "标签"];
    let have = f.completeness_items.iter().filter(|b| **b).count();
    let missing: Vec<usize> = (0..ITEMS.len()).filter(|i| !f.completeness_items[*i]).collect();
    if missing.is_empty() {
        return w.pick("8 of 8 items present".to_string(), "8 项资料齐全".to_string());
    }
    let list = |names: [&str; 8], sep: &str| missing.iter().map(|i| names[*i]).collect::<Vec<_>>().join(sep);
    w.pick(
        format!("{have} of 8 items present; missing: {}", list(names_en, ", ")),
        format!("8 项中有 {have} 项；缺少：{}", list(names_zh, "、")),
    )
}

/// The "why" of SPEC 10.2's values.
fn care(w: &Words<'_>, c: &Customer, f: &Facts, analysis: &Analysis, why: &mut Why) {
    let l = &f.ledger;
    let days = analysis.window.days;
    why.insert(
        "trend",
        match f.care.trend {
            Some(t) => w.pick(
                format!("revenue {} / previous window {} − 1 = {t}", w.money(l.revenue), w.money(l.revenue_prev)),
                format!("本周期销售额 {} / 上一周期 {} − 1 = {t}", w.money(l.revenue), w.money(l.revenue_prev)),
            ),
            None => w.pick(
                format!("no revenue in the previous {days} days, so no trend"),
                format!("上一个 {days} 天周期内没有销售额，无法计算趋势"),
            ),
        },
    );
    why.insert(
        "lifetime_revenue",
        w.pick(
            format!("all {} orders up to today", l.orders_to_date),
            format!("截至今天全部 {} 笔订单之和", l.orders_to_date),
        ),
    );
    why.insert(
        "satisfaction",
        match f.care.satisfaction {
            Some((s, d)) => w.pick(
                format!("{s}/5, the latest score, given on {}", date(d)),
                format!("{s}/5，{} 最近一次评分", date(d)),
            ),
            None => w.pick("no interaction has a satisfaction score".to_string(), "尚无跟进记录填写满意度".to_string()),
        },
    );
    let deciders = c.contacts.iter().filter(|p| !p.has_left(analysis.window.today) && p.role.decides()).count();
    why.insert(
        "coverage",
        match f.care.coverage {
            Some(k) => w.pick(
                format!("{}: judged by the {deciders} present decision-makers and approvers (an opponent contests; an ally or supporter makes it strong)", k.as_str()),
                format!("{}：依据 {deciders} 位在职决策人和审批人（有反对者为“有阻力”，有盟友或支持者为“稳固”）", k.as_str()),
            ),
            None => w.pick(
                "only for company customers with a present contact".to_string(),
                "仅适用于有在职联系人的公司客户".to_string(),
            ),
        },
    );
    let reasons: Vec<&str> = f.care.risk.iter().map(|r| r.as_str()).collect();
    why.insert(
        "risk",
        if reasons.is_empty() {
            w.pick(
                "no risk: only A and B customers are rated; none of decline, contact-overdue, dissatisfied, complaint, dormant holds".to_string(),
                "无风险：仅评估 A、B 类客户；销售下滑、联系逾期、不满意、重大投诉、沉睡均不成立".to_string(),
            )
        } else {
            let drop = percent(w.settings.risk_drop);
            w.pick(
                format!("{} (decline means revenue fell by {drop} or more against the previous window)", reasons.join(", ")),
                format!("{}（销售下滑指较上一周期下降 {drop} 及以上）", reasons.join("、")),
            )
        },
    );
    why.insert(
        "pipeline",
        w.pick(
            "sum of the amounts of opportunities not yet won or lost".to_string(),
            "尚未赢单或丢单的销售机会金额之和".to_string(),
        ),
    );
}
