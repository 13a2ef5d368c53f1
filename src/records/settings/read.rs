//! Reading cardfile.toml into [`Settings`]: every key checked, absent keys defaulted.

use rust_decimal::Decimal;

use super::{
    AbcConfig, CadenceConfig, ComplaintsConfig, CreditConfig, Holiday, LifecycleConfig, RemindersConfig, Settings,
    SeverityDays, WeightsConfig,
};
use crate::diagnostics::Code;
use crate::records::reader::{Ctx, Table};

const DAYS_MAX: i64 = 36_500;

/// `edit_url`, when it is an `http://` or `https://` URL: it becomes a link on every customer
/// page, where a `javascript:` or `data:` URL would run when clicked.
fn edit_url(cx: &mut Ctx<'_>, top: &Table<'_, '_>) -> Option<String> {
    let url = top.string(cx, "edit_url")?;
    let lower = url.get_ref().trim_start().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Some(url.into_inner());
    }
    cx.report(Code::InvalidSetting, url.span(), "`edit_url` must start with `https://` or `http://`").help = Some(
        "point it at your git host's edit page, e.g. \"https://git.example.com/crm/edit/main/records/\"".to_string(),
    );
    None
}

/// Reads settings from cardfile.toml's top-level table; what is absent keeps its default.
pub fn read_settings(cx: &mut Ctx<'_>, top: &Table<'_, '_>) -> Settings {
    let mut s = Settings::default();
    let d = Settings::default();
    s.company = top.text(cx, "company").unwrap_or_default();
    s.language = top.choice(cx, "language").unwrap_or(d.language);
    s.currency = top.text(cx, "currency").unwrap_or(d.currency);
    s.window_days = top.integer(cx, "window_days", 1, DAYS_MAX).unwrap_or(d.window_days);
    s.redact = top.boolean(cx, "redact").unwrap_or(false);
    s.edit_url = edit_url(cx, top);
    if let Some(t) = top.table(cx, "cards", "[cards]") {
        s.paper = t.choice(cx, "paper").unwrap_or(d.paper);
        t.finish(cx);
    }
    if let Some(t) = top.table(cx, "history", "[history]") {
        s.history.enabled = t.boolean(cx, "enabled").unwrap_or(d.history.enabled);
        s.history.days = t.integer(cx, "days", 1, DAYS_MAX).unwrap_or(d.history.days);
        t.finish(cx);
    }
    if let Some(t) = top.table(cx, "abc", "[abc]") {
        let a = share(cx, &t, "a_share").unwrap_or(d.abc.a_share);
        let b = t.number(cx, "b_share");
        if let Some(b) = &b
            && (*b.get_ref() < a || *b.get_ref() > Decimal::ONE)
        {
            cx.report(
                Code::InvalidSetting,
                b.span(),
                format!("`b_share` is {}, but must be between `a_share` ({a}) and 1", b.get_ref()),
            );
        }
        let b_share = b.as_ref().map_or(d.abc.b_share, |b| *b.get_ref());
        if b.is_none() && a > b_share {
            cx.report(
                Code::InvalidSetting,
                t.span.clone(),
                format!("`a_share` ({a}) is above `b_share` ({b_share})"),
            )
            .help = Some("set `b_share` too, at least as large as `a_share`".to_string());
        }
        s.abc = AbcConfig { a_share: a, b_share };
        t.finish(cx);
    }
    if let Some(t) = top.table(cx, "cadence", "[cadence]") {
        let c = &d.cadence;
        s.cadence = CadenceConfig {
            a: t.integer(cx, "A", 1, DAYS_MAX).unwrap_or(c.a),
            b: t.integer(cx, "B", 1, DAYS_MAX).unwrap_or(c.b),
            c: t.integer(cx, "C", 1, DAYS_MAX).unwrap_or(c.c),
            prospect: t.integer(cx, "prospect", 1, DAYS_MAX).unwrap_or(c.prospect),
        };
        t.finish(cx);
    }
    if let Some(t) = top.table(cx, "lifecycle", "[lifecycle]") {
        let l = &d.lifecycle;
        s.lifecycle = LifecycleConfig {
            new_days: t.integer(cx, "new_days", 0, DAYS_MAX).unwrap_or(l.new_days),
            dormant_days: t.integer(cx, "dormant_days", 1, DAYS_MAX).unwrap_or(l.dormant_days),
            lost_days: t.integer(cx, "lost_days", 1, DAYS_MAX).unwrap_or(l.lost_days),
        };
        t.finish(cx);
        if s.lifecycle.dormant_days > s.lifecycle.lost_days {
            cx.report(Code::InvalidSetting, t.span.clone(), "`dormant_days` must not be above `lost_days`");
        }
    }
    if let Some(t) = top.table(cx, "credit", "[credit]") {
        let c = &d.credit;
        s.credit = CreditConfig {
            grace_days: t.integer(cx, "grace_days", 0, DAYS_MAX).unwrap_or(c.grace_days),
            b_max_days: t.integer(cx, "b_max_days", 0, DAYS_MAX).unwrap_or(c.b_max_days),
            c_max_days: t.integer(cx, "c_max_days", 0, DAYS_MAX).unwrap_or(c.c_max_days),
        };
        t.finish(cx);
        let k = &s.credit;
        if !(k.grace_days <= k.b_max_days && k.b_max_days <= k.c_max_days) {
            cx.report(
                Code::InvalidSetting,
                t.span.clone(),
                "the credit thresholds must grow: grace_days ≤ b_max_days ≤ c_max_days",
            );
        }
    }
    if let Some(t) = top.table(cx, "weights", "[weights]") {
        let w = &d.weights;
        s.weights = WeightsConfig {
            revenue: weight(cx, &t, "revenue").unwrap_or(w.revenue),
            profit: weight(cx, &t, "profit").unwrap_or(w.profit),
            credit: weight(cx, &t, "credit").unwrap_or(w.credit),
            prospect: weight(cx, &t, "prospect").unwrap_or(w.prospect),
        };
        t.finish(cx);
        let w = &s.weights;
        if [w.revenue, w.profit, w.credit, w.prospect].iter().all(Decimal::is_zero) {
            cx.report(Code::InvalidSetting, t.span.clone(), "the score weights are all 0");
        }
    }
    if let Some(t) = top.table(cx, "reminders", "[reminders]") {
        s.reminders = reminders(cx, &t, &d.reminders);
    }
    if let Some(t) = top.table(cx, "complaints", "[complaints]") {
        s.complaints = complaints(cx, &t, &d.complaints);
    }
    if let Some(t) = top.table(cx, "risk", "[risk]") {
        s.risk_drop = share(cx, &t, "drop").unwrap_or(d.risk_drop);
        t.finish(cx);
    }
    for t in top.tables(cx, "holiday", "[[holiday]]") {
        if let Some(h) = holiday(cx, &t) {
            s.holidays.push(h);
        }
    }
    top.finish(cx);
    s
}

fn reminders(cx: &mut Ctx<'_>, t: &Table<'_, '_>, d: &RemindersConfig) -> RemindersConfig {
    let mut day = |key: &str, default: i64| t.integer(cx, key, 0, DAYS_MAX).unwrap_or(default);
    let r = RemindersConfig {
        horizon_days: day("horizon_days", d.horizon_days),
        birthday_days_before: day("birthday_days_before", d.birthday_days_before),
        contract_days_before: day("contract_days_before", d.contract_days_before),
        complaint_days: day("complaint_days", d.complaint_days),
        welcome_days: day("welcome_days", d.welcome_days),
        survey_days: day("survey_days", d.survey_days),
        checkback_days: day("checkback_days", d.checkback_days),
        aftersale_days: day("aftersale_days", d.aftersale_days),
        handover_days: day("handover_days", d.handover_days),
        plan_days: day("plan_days", d.plan_days),
    };
    t.finish(cx);
    r
}

/// `[complaints]`: `respond_days` and `resolve_days`, each a table by severity; a severity
/// the table does not name keeps its default.
fn complaints(cx: &mut Ctx<'_>, t: &Table<'_, '_>, d: &ComplaintsConfig) -> ComplaintsConfig {
    let mut by_severity = |key: &str, name: &'static str, default: SeverityDays| {
        let Some(days) = t.table(cx, key, name) else { return default };
        let mut day = |severity: &str, default: i64| days.integer(cx, severity, 0, DAYS_MAX).unwrap_or(default);
        let out = SeverityDays {
            high: day("high", default.high),
            medium: day("medium", default.medium),
            low: day("low", default.low),
        };
        days.finish(cx);
        out
    };
    let out = ComplaintsConfig {
        respond_days: by_severity("respond_days", "[complaints.respond_days]", d.respond_days),
        resolve_days: by_severity("resolve_days", "[complaints.resolve_days]", d.resolve_days),
    };
    t.finish(cx);
    out
}

fn holiday(cx: &mut Ctx<'_>, t: &Table<'_, '_>) -> Option<Holiday> {
    let name = t.required_string(cx, "name");
    let date = t.required_date(cx, "date");
    let mut classes = t.string_list(cx, "classes");
    if classes.is_empty() {
        classes.push("A".to_string());
    }
    t.finish(cx);
    if let Some(bad) = classes.iter().find(|c| !["A", "B", "C"].contains(&c.as_str())) {
        cx.report(
            Code::NotAllowed,
            t.span.clone(),
            format!("holiday class \"{bad}\" is not one of \"A\", \"B\", \"C\""),
        );
        return None;
    }
    Some(Holiday { name: name?.into_inner(), date: date?.into_inner(), classes })
}

fn share(cx: &mut Ctx<'_>, t: &Table<'_, '_>, key: &str) -> Option<Decimal> {
    let n = t.number(cx, key)?;
    if *n.get_ref() <= Decimal::ZERO || *n.get_ref() > Decimal::ONE {
        cx.report(
            Code::InvalidSetting,
            n.span(),
            format!("`{key}` is {}, but must be a share above 0 and at most 1, e.g. 0.8", n.get_ref()),
        );
        return None;
    }
    Some(n.into_inner())
}

/// The largest score weight: weights are relative, so 0..1000 (6 decimals) is plenty, and
/// keeps every sum of weights exact.
const WEIGHT_MAX: i64 = 1000;

fn weight(cx: &mut Ctx<'_>, t: &Table<'_, '_>, key: &str) -> Option<Decimal> {
    let n = t.number(cx, key)?;
    let value = *n.get_ref();
    if value.is_sign_negative() || value > Decimal::from(WEIGHT_MAX) || value.normalize().scale() > 6 {
        cx.report(
            Code::InvalidSetting,
            n.span(),
            format!("weight `{key}` is {value}, but must be a number from 0 to {WEIGHT_MAX} with at most 6 decimals"),
        )
        .help = Some("weights are relative: revenue = 2 and profit = 1 count revenue twice".to_string());
        return None;
    }
    Some(n.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::choices::Severity;

    fn settings(text: &str) -> (Settings, usize) {
        let parsed = crate::records::tree::parse(text).expect("valid TOML");
        let mut cx = Ctx::new("cardfile.toml");
        let s = read_settings(&mut cx, &Table::new(&parsed, 0..0, "the settings"));
        (s, cx.diagnostics.len())
    }

    #[test]
    fn a_complaints_table_naming_one_severity_keeps_the_defaults_for_the_others() {
        let (s, problems) = settings("[complaints]\nrespond_days = { high = 4 }\n");
        assert_eq!(problems, 0);
        let respond = s.complaints.respond_days;
        assert_eq!([Severity::High, Severity::Medium, Severity::Low].map(|k| respond.of(k)), [4, 2, 3]);
        assert_eq!(s.complaints.resolve_days, Settings::default().complaints.resolve_days, "not named at all");
        let (s, _) = settings("[complaints.resolve_days]\nlow = 60\n");
        assert_eq!(
            [s.complaints.resolve_days.high, s.complaints.resolve_days.medium, s.complaints.resolve_days.low],
            [7, 14, 60]
        );
    }

    #[test]
    fn the_complaint_and_plan_defaults_are_spec_12s() {
        let (s, _) = settings("");
        let c = &s.complaints;
        assert_eq!((c.respond_days.high, c.respond_days.medium, c.respond_days.low), (1, 2, 3));
        assert_eq!((c.resolve_days.high, c.resolve_days.medium, c.resolve_days.low), (7, 14, 30));
        assert_eq!(s.reminders.plan_days, 14);
        let (s, problems) = settings("[reminders]\nplan_days = 0\n");
        assert_eq!((s.reminders.plan_days, problems), (0, 0));
    }
}
