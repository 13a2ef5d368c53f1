//! The "why" of SPEC 12.2's team and owner figures: retention, the on-time shares, promises
//! kept, target attainment and win rate.

use super::{Why, Words};
use crate::analysis::Analysis;
use crate::analysis::owners::OwnerSummary;
use crate::analysis::rate::Rate;
use crate::analysis::window::Window;
use crate::format::date;
use crate::records::settings::Settings;

/// "3 / 4 = 0.75", or "no rate" when there was nothing to count.
fn ratio(w: &Words<'_>, r: &Rate) -> String {
    match r.rate {
        Some(rate) => format!("{} / {} = {}", r.hits, r.of, rate.normalize()),
        None => w.word("none, so no rate", "无，因此没有比率").to_string(),
    }
}

/// Explains the figures SPEC 12.2 adds to the team object.
pub fn team(analysis: &Analysis, settings: &Settings) -> Why {
    let w = Words { lang: settings.language, settings };
    let t = &analysis.team;
    let win = &analysis.window;
    let (start, end) = (date(Window::add_days(win.today, 1 - win.days)), date(win.today));
    let (prev_start, prev_end) =
        (date(Window::add_days(win.today, 1 - 2 * win.days)), date(Window::add_days(win.today, -win.days)));
    let mut why = Why::new();
    let r = &t.retention;
    why.insert(
        "retention",
        w.pick(
            format!(
                "of the {} customers who ordered in the previous window ({prev_start} to {prev_end}), {} ordered again in this one ({start} to {end}): {}",
                r.of, r.hits, ratio(&w, r)
            ),
            format!(
                "上一周期（{prev_start} 至 {prev_end}）下过单的 {} 位客户中，{} 位在本周期（{start} 至 {end}）再次下单：{}",
                r.of, r.hits, ratio(&w, r)
            ),
        ),
    );
    let r = &t.complaints_on_time;
    why.insert(
        "complaints_on_time",
        w.pick(
            format!(
                "of the {} complaints resolved {start} to {end}, {} were resolved by opened + resolve_days of their severity: {}",
                r.of, r.hits, ratio(&w, r)
            ),
            format!(
                "{start} 至 {end} 解决的 {} 起投诉中，{} 起在时限（提出日 + 该严重程度的解决天数）内解决：{}",
                r.of, r.hits, ratio(&w, r)
            ),
        ),
    );
    why.insert("promises_kept", promises_kept(&w, &t.promises_kept, &start, &end));
    let r = &t.deliveries_on_time;
    why.insert(
        "deliveries_on_time",
        w.pick(
            format!(
                "of the {} orders with a promised date delivered {start} to {end}, {} came on or before that date: {}",
                r.of,
                r.hits,
                ratio(&w, r)
            ),
            format!("{start} 至 {end} 交货且有承诺日期的 {} 笔订单中，{} 笔按期交货：{}", r.of, r.hits, ratio(&w, r)),
        ),
    );
    why
}

fn promises_kept(w: &Words<'_>, r: &Rate, start: &str, end: &str) -> String {
    w.pick(
        format!(
            "of the {} promises due {start} to {end}, {} were kept by their due date: {}",
            r.of,
            r.hits,
            ratio(w, r)
        ),
        format!("{start} 至 {end} 到期的 {} 项承诺中，{} 项按时兑现：{}", r.of, r.hits, ratio(w, r)),
    )
}

/// Explains the figures SPEC 12.2 adds to one owner's summary, and `overdue`.
pub fn owner(o: &OwnerSummary, analysis: &Analysis, settings: &Settings) -> Why {
    let w = Words { lang: settings.language, settings };
    let win = &analysis.window;
    let (start, end) = (date(Window::add_days(win.today, 1 - win.days)), date(win.today));
    let mut why = Why::new();
    why.insert(
        "revenue",
        w.pick(
            format!("the sum of the revenue of the {} customers they own, {start} to {end}", o.customers),
            format!("其负责的 {} 位客户在 {start} 至 {end} 的销售额之和", o.customers),
        ),
    );
    why.insert(
        "attainment",
        match (o.target, o.attainment) {
            (Some(target), Some(a)) => w.pick(
                format!("revenue {} / target {} = {}", w.money(o.revenue), w.money(target), a.normalize()),
                format!("销售额 {} / 目标 {} = {}", w.money(o.revenue), w.money(target), a.normalize()),
            ),
            (Some(_), None) => w.pick("a target of 0: no attainment".to_string(), "目标为 0：无完成率".to_string()),
            (None, _) => w.pick(
                "no `target` in team.toml: no attainment".to_string(),
                "team.toml 中未设 `target`：无完成率".to_string(),
            ),
        },
    );
    why.insert("promises_kept", promises_kept(&w, &o.promises_kept, &start, &end));
    why.insert(
        "win_rate",
        match o.win_rate {
            Some(rate) => w.pick(
                format!(
                    "won {} / (won {} + lost {}) of their customers' opportunities closed {start} to {end} = {}",
                    o.won,
                    o.won,
                    o.lost,
                    rate.normalize()
                ),
                format!(
                    "其客户在 {start} 至 {end} 结束的机会：赢 {} /（赢 {} + 输 {}）= {}",
                    o.won,
                    o.won,
                    o.lost,
                    rate.normalize()
                ),
            ),
            None => w.pick(
                format!("no opportunity of their customers was won or lost {start} to {end}"),
                format!("其客户在 {start} 至 {end} 没有赢单或丢单的机会"),
            ),
        },
    );
    why.insert(
        "overdue",
        w.pick(
            format!("{} agenda items of theirs are dated before today, of every kind", o.overdue),
            format!("其名下日期早于今天的各类待办共 {} 项", o.overdue),
        ),
    );
    why
}
