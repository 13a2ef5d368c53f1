//! Change summaries in the site's language. The English text ([`Change::text`]) is what the
//! export and `cardfile diff` print; the site shows summaries in its own language.

use super::summary::{Change, KeyChange};
use crate::i18n::Language;

/// The name of an array of tables (or single table) in Chinese.
fn table_zh(table: &str) -> &str {
    match table {
        "interaction" => "跟进记录",
        "order" => "订单",
        "complaint" => "投诉",
        "contact" => "联系人",
        "contract" => "合同",
        "opportunity" => "商机",
        "handover" => "交接",
        "promise" => "承诺",
        "loss" => "流失",
        "plan" => "客户计划",
        other => other,
    }
}

/// `what` with its last word, the enumerated value `choice` names, in the site's own words.
fn translated(what: &str, choice: Option<&String>, words: &dyn Fn(&str) -> Option<String>) -> String {
    let Some(key) = choice else { return what.to_string() };
    let raw = key.split_once('_').map_or("", |(_, raw)| raw);
    match (what.strip_suffix(raw), words(key)) {
        (Some(head), Some(label)) if !raw.is_empty() => format!("{head}{label}"),
        _ => what.to_string(),
    }
}

/// An entry's label in Chinese: `of 2026-11-06` becomes `2026-11-06`.
fn label_zh(label: &str) -> &str {
    label.strip_prefix("of ").unwrap_or(label)
}

impl Change {
    /// The summary line in `lang`; with `redact`, without the values of personal details;
    /// `words` names an enumerated value (`interaction_visit`) in `lang`, if it can.
    pub fn text_in(&self, lang: Language, redact: bool, words: &dyn Fn(&str) -> Option<String>) -> String {
        if lang == Language::En {
            return self.english(redact);
        }
        match self {
            Change::Created => "新建".to_string(),
            Change::Deleted => "删除".to_string(),
            Change::Moved { from, to } => format!("移动 {from} → {to}"),
            Change::DidNotParse => "无法解析".to_string(),
            Change::Added { table, what, choice } => {
                format!("+1 {} {}", table_zh(table), translated(what, choice.as_ref(), words)).trim_end().to_string()
            }
            Change::Removed { table, what, choice } => {
                format!("-1 {} {}", table_zh(table), translated(what, choice.as_ref(), words)).trim_end().to_string()
            }
            Change::Paid { order, date } => format!("订单 {} 已于 {date} 付款", label_zh(order)),
            Change::Resolved { complaint } => format!("投诉 {} 已解决", label_zh(complaint)),
            Change::EntryKey { table, entry, key } => {
                let head = format!("{} {}", table_zh(table), label_zh(entry));
                format!("{}：{}", head.trim_end(), key_zh(key, redact))
            }
            Change::Key(key) => key_zh(key, redact),
        }
    }
}

fn key_zh(key: &KeyChange, redact: bool) -> String {
    match (&key.from, &key.to) {
        _ if !key.shows_values(redact) => format!("{} 已修改", key.key),
        (Some(from), Some(to)) => format!("{} {from} → {to}", key.key),
        (None, Some(to)) => format!("{} 设为 {to}", key.key),
        (Some(from), None) => format!("{} 已删除（原为 {from}）", key.key),
        (None, None) => format!("{} 已修改", key.key),
    }
}

#[cfg(test)]
mod tests {
    use super::super::summary::{Change, KeyChange};
    use crate::i18n::Language;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn enumerated_values_are_named_in_the_sites_words() {
        let visit = Change::Added {
            table: "interaction".into(),
            what: "2026-11-02 visit".into(),
            choice: Some("interaction_visit".into()),
        };
        let words = |key: &str| (key == "interaction_visit").then(|| "拜访".to_string());
        assert_eq!(visit.text_in(Language::ZhCn, false, &words), "+1 跟进记录 2026-11-02 拜访");
        assert_eq!(visit.text_in(Language::ZhCn, false, &none), "+1 跟进记录 2026-11-02 visit");
        assert_eq!(visit.text_in(Language::En, false, &words), "+1 interaction 2026-11-02 visit");
    }

    #[test]
    fn chinese_summaries_name_tables_in_chinese() {
        let paid = Change::Paid { order: "SO-1".into(), date: "2026-11-20".into() };
        assert_eq!(paid.text_in(Language::ZhCn, false, &none), "订单 SO-1 已于 2026-11-20 付款");
        assert_eq!(paid.text_in(Language::En, false, &none), "order SO-1 paid 2026-11-20");
        let resolved = Change::Resolved { complaint: "of 2026-11-06".into() };
        assert_eq!(resolved.text_in(Language::ZhCn, false, &none), "投诉 2026-11-06 已解决");
        let owner = Change::Key(KeyChange {
            key: "owner".into(),
            from: Some("li".into()),
            to: Some("zhang".into()),
            hidden: false,
            sensitive: false,
        });
        assert_eq!(owner.text_in(Language::ZhCn, true, &none), "owner li → zhang");
        let phone = Change::EntryKey {
            table: "contact".into(),
            entry: "李娜".into(),
            key: KeyChange {
                key: "phone".into(),
                from: Some("1".into()),
                to: Some("2".into()),
                hidden: false,
                sensitive: true,
            },
        };
        assert_eq!(phone.text_in(Language::ZhCn, true, &none), "联系人 李娜：phone 已修改");
        assert_eq!(phone.text_in(Language::ZhCn, false, &none), "联系人 李娜：phone 1 → 2");
    }
}
