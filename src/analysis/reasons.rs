//! Why each follow-up is on the agenda, in words, in English or Simplified Chinese.

use chrono::{Datelike, NaiveDate};

use super::abc::Class;
use crate::format::{date, money, month_day};
use crate::i18n::Language;
use crate::records::choices::Severity;
use crate::records::model::{Birthday, Complaint, Contract, Interaction, Opportunity, Order};
use crate::records::settings::Holiday;

/// Builds reasons in one language and currency.
pub struct Reasons<'a> {
    lang: Language,
    currency: &'a str,
}

impl<'a> Reasons<'a> {
    /// Reasons in `lang`, money in `currency`.
    pub fn new(lang: Language, currency: &'a str) -> Self {
        Reasons { lang, currency }
    }

    fn pick(&self, en: String, zh: String) -> String {
        match self.lang {
            Language::En => en,
            Language::ZhCn => zh,
        }
    }

    /// The follow-up date agreed at the latest interaction.
    pub fn contact_next(&self, i: &Interaction) -> String {
        let d = date(i.date);
        self.pick(
            format!("next follow-up agreed at the {} on {d}", i.kind.as_str()),
            format!("{d} 联系时约定的下次跟进"),
        )
    }

    /// Last contact plus the cadence; `class` is `None` for a customer's own cadence,
    /// `Some(None)` for a prospect, `Some(Some(c))` for class `c`.
    pub fn contact_cadence(&self, last: NaiveDate, days: i64, class: Option<Option<Class>>) -> String {
        let d = date(last);
        match class {
            None => self.pick(
                format!("last contact {d}; this customer is contacted every {days} days"),
                format!("上次联系 {d}；该客户每 {days} 天联系一次"),
            ),
            Some(None) => self.pick(
                format!("last contact {d}; prospects (no orders yet) every {days} days"),
                format!("上次联系 {d}；潜在客户（尚无订单）每 {days} 天联系一次"),
            ),
            Some(Some(c)) => self.pick(
                format!("last contact {d}; class {} customers every {days} days", c.as_str()),
                format!("上次联系 {d}；{} 类客户每 {days} 天联系一次", c.as_str()),
            ),
        }
    }

    /// A customer with no interaction at all.
    pub fn never_contacted(&self, since: Option<NaiveDate>) -> String {
        match since {
            Some(s) => {
                let d = date(s);
                self.pick(format!("never contacted; customer since {d}"), format!("从未联系；{d} 起成为客户"))
            }
            None => self.pick("never contacted".to_string(), "从未联系".to_string()),
        }
    }

    /// A birthday greeting.
    pub fn birthday(&self, name: &str, birthday: Birthday, next: NaiveDate) -> String {
        let md = month_day(self.lang, next.month(), next.day());
        let age = match birthday {
            Birthday::Date(b) => Some(next.year() - b.year()),
            Birthday::MonthDay(..) => None,
        };
        match age {
            Some(age) => {
                self.pick(format!("{name}'s birthday on {md} (turns {age})"), format!("{name} {md} 生日（{age} 岁）"))
            }
            None => self.pick(format!("{name}'s birthday on {md}"), format!("{name} {md} 生日")),
        }
    }

    /// An open complaint.
    pub fn complaint(&self, k: &Complaint) -> String {
        let d = date(k.opened);
        let (en, zh) = match k.severity {
            Severity::Low => ("minor ", "轻微"),
            Severity::Medium => ("", ""),
            Severity::High => ("serious ", "严重"),
        };
        self.pick(
            format!("{en}complaint of {d} still open: {}", k.summary),
            format!("{d} 的{zh}投诉尚未解决：{}", k.summary),
        )
    }

    /// An unpaid credit order.
    pub fn collection(&self, o: &Order) -> String {
        let amount = money(o.amount, self.currency);
        let due = o.due.map(date).unwrap_or_default();
        let reference = o.reference.as_ref().map(|r| r.get_ref().as_str());
        match reference {
            Some(r) => {
                self.pick(format!("collect {amount} for {r}, due {due}"), format!("催收 {r} 货款 {amount}，{due} 到期"))
            }
            None => self.pick(
                format!("collect {amount} for the order of {}, due {due}", date(o.date)),
                format!("催收 {} 订单货款 {amount}，{due} 到期", date(o.date)),
            ),
        }
    }

    /// A contract nearing its end.
    pub fn renewal(&self, k: &Contract) -> String {
        let end = date(k.end);
        self.pick(format!("{} ends {end}: offer a renewal", k.kind), format!("{}于 {end} 到期：商谈续约", k.kind))
    }

    /// A new customer not yet contacted since the first order.
    pub fn welcome(&self, first: NaiveDate) -> String {
        let d = date(first);
        self.pick(
            format!("first order on {d} and no contact since: welcome call"),
            format!("{d} 首次下单后尚未联系：欢迎回访"),
        )
    }

    /// A customer expected to order again.
    pub fn reorder(&self, cycle: i64, last: NaiveDate) -> String {
        let d = date(last);
        self.pick(format!("orders about every {cycle} days, last on {d}"), format!("约每 {cycle} 天下单一次，上次 {d}"))
    }

    /// A holiday greeting.
    pub fn holiday(&self, h: &Holiday, class: Class) -> String {
        let d = date(h.date);
        self.pick(
            format!("{} on {d}: greeting for class {} customers", h.name, class.as_str()),
            format!("{}（{d}）：{} 类客户节日问候", h.name, class.as_str()),
        )
    }

    /// A dormant customer to win back.
    pub fn winback(&self, last: NaiveDate, days: i64) -> String {
        let d = date(last);
        self.pick(
            format!("no order for {days} days (last {d}): find out why, or record the loss"),
            format!("已 {days} 天未下单（上次 {d}）：了解原因，或记录流失"),
        )
    }

    /// A low satisfaction score not followed up.
    pub fn recovery(&self, score: u8, when: NaiveDate) -> String {
        let d = date(when);
        self.pick(
            format!("satisfaction {score}/5 on {d} and no contact since: call to put it right"),
            format!("{d} 满意度仅 {score}/5，之后尚未联系：尽快回访补救"),
        )
    }

    /// A satisfaction survey of a key customer.
    pub fn survey(&self, last: Option<NaiveDate>) -> String {
        match last {
            Some(l) => {
                let d = date(l);
                self.pick(
                    format!("key customer, satisfaction last asked {d}: ask again"),
                    format!("重点客户，上次满意度调查在 {d}：再次调查"),
                )
            }
            None => self.pick(
                "key customer never asked about satisfaction: ask".to_string(),
                "重点客户从未做过满意度调查：请调查".to_string(),
            ),
        }
    }

    /// A check-back call after a resolved complaint.
    pub fn checkback(&self, k: &Complaint, resolved: NaiveDate) -> String {
        let d = date(resolved);
        self.pick(
            format!("complaint resolved {d} ({}): check the customer is satisfied", k.summary),
            format!("投诉已于 {d} 解决（{}）：回访确认客户满意", k.summary),
        )
    }

    /// An after-sale call.
    pub fn aftersale(&self, o: &Order) -> String {
        let d = date(o.date);
        let what = o.product.clone().unwrap_or_else(|| money(o.amount, self.currency));
        self.pick(format!("order of {d} ({what}): after-sale call"), format!("{d} 订单（{what}）：售后回访"))
    }

    /// An opportunity's expected decision.
    pub fn opportunity(&self, o: &Opportunity) -> String {
        let amount = o.amount.map(|a| format!(", {}", money(a, self.currency))).unwrap_or_default();
        self.pick(
            format!("\"{}\" ({}{amount}): decision expected", o.title, o.stage.as_str()),
            format!("“{}”（{}{amount}）：预计决策日", o.title, o.stage.as_str()),
        )
    }

    /// A customer taken over from a colleague.
    pub fn handover(&self, from: &str, when: NaiveDate) -> String {
        let d = date(when);
        self.pick(format!("introduce yourself: taken over from {from} on {d}"), format!("自我介绍：{d} 从{from}处接手"))
    }
}
