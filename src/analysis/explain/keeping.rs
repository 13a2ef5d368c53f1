//! The "why" of SPEC 12.2's per-customer values: promises, complaint targets, deliveries.

use super::{Why, Words};
use crate::analysis::Facts;
use crate::analysis::complaints::ComplaintTargets;
use crate::analysis::deliveries::Delivery;
use crate::analysis::promises::{PromiseFacts, PromiseStatus};
use crate::format::date;
use crate::records::model::Customer;

/// Adds `promises_open`, `promises`, `complaints` and `deliveries` to `why`.
pub(super) fn explain(w: &Words<'_>, c: &Customer, f: &Facts, why: &mut Why) {
    let k = &f.keeping;
    let (open, made) = (k.promises_open, k.promises.len());
    why.insert(
        "promises_open",
        w.pick(
            format!(
                "{open} of the {made} promises made up to today are not kept (a `kept` after today counts as not kept)"
            ),
            format!("截至今天的 {made} 项承诺中有 {open} 项尚未兑现（兑现日期在今天之后的按未兑现计）"),
        ),
    );
    let list = |items: Vec<String>, none: String| if items.is_empty() { none } else { items.join(w.separator()) };
    why.insert(
        "promises",
        list(
            k.promises.iter().map(|p| promise(w, p)).collect(),
            w.pick("no promise made up to today".to_string(), "截至今天没有承诺".to_string()),
        ),
    );
    why.insert(
        "complaints",
        list(
            k.complaints.iter().map(|t| complaint(w, c, t)).collect(),
            w.pick("no complaint up to today".to_string(), "截至今天没有投诉".to_string()),
        ),
    );
    why.insert(
        "deliveries",
        list(
            k.deliveries.iter().map(|x| delivery(w, x)).collect(),
            w.pick("no order has a promised delivery date".to_string(), "没有订单填写承诺交货日期".to_string()),
        ),
    );
}

fn promise(w: &Words<'_>, p: &PromiseFacts) -> String {
    let (made, due) = (date(p.made), date(p.due));
    let kept = p.kept.map(date).unwrap_or_default();
    match p.status {
        PromiseStatus::Kept => w.pick(
            format!("{made}: kept {kept} ≤ due {due}: kept"),
            format!("{made}：{kept} 兑现 ≤ 到期 {due}：按时兑现"),
        ),
        PromiseStatus::Late => w.pick(
            format!("{made}: kept {kept} > due {due}: late"),
            format!("{made}：{kept} 兑现 > 到期 {due}：延迟兑现"),
        ),
        PromiseStatus::Overdue => w.pick(
            format!("{made}: not kept, due {due} < today: overdue"),
            format!("{made}：未兑现，到期 {due} 已过：逾期"),
        ),
        PromiseStatus::Open => w.pick(
            format!("{made}: not kept, due {due} ≥ today: open"),
            format!("{made}：未兑现，到期 {due} 未过：进行中"),
        ),
    }
}

fn complaint(w: &Words<'_>, c: &Customer, t: &ComplaintTargets) -> String {
    let k = &c.complaints[t.index];
    let (opened, severity) = (date(k.opened), k.severity.as_str());
    let respond_days = (t.respond_by - k.opened).num_days();
    let resolve_days = (t.resolve_by - k.opened).num_days();
    let (respond_by, resolve_by) = (date(t.respond_by), date(t.resolve_by));
    let answered = match (t.responded_on_time, t.responded.or(t.resolved)) {
        (Some(true), _) => w.word("answered on time", "按时答复"),
        (Some(false), Some(_)) => w.word("answered late", "答复超时"),
        (Some(false), None) => w.word("not answered, past the target", "未答复，已超时"),
        (None, _) => w.word("not answered yet, still in time", "尚未答复，仍在时限内"),
    };
    let resolved = match (t.on_time, t.resolved) {
        (Some(true), _) => w.word("resolved on time", "按时解决"),
        (Some(false), Some(_)) => w.word("resolved late", "解决超时"),
        (Some(false), None) => w.word("not resolved, past the target", "未解决，已超时"),
        (None, _) => w.word("not resolved yet, still in time", "尚未解决，仍在时限内"),
    };
    w.pick(
        format!(
            "{opened} ({severity}): answer by {respond_by} (+{respond_days} days), {answered}; resolve by {resolve_by} (+{resolve_days} days), {resolved}"
        ),
        format!(
            "{opened}（{severity}）：应于 {respond_by} 前答复（+{respond_days} 天），{answered}；应于 {resolve_by} 前解决（+{resolve_days} 天），{resolved}"
        ),
    )
}

fn delivery(w: &Words<'_>, x: &Delivery) -> String {
    let order = x.reference.clone().unwrap_or_else(|| date(x.date));
    let (promised, late) = (date(x.promised), x.late_days);
    match x.delivered {
        Some(d) => {
            let d = date(d);
            w.pick(
                format!("{order}: delivered {d}, promised {promised}: {late} days late"),
                format!("{order}：{d} 交货，承诺 {promised}：延迟 {late} 天"),
            )
        }
        None => w.pick(
            format!("{order}: not delivered, promised {promised}: {late} days late so far"),
            format!("{order}：尚未交货，承诺 {promised}：目前延迟 {late} 天"),
        ),
    }
}
