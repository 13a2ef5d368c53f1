//! Change summaries in words, from the catalogue ([`crate::i18n::history`]). The English text
//! ([`Change::text`]) is what the export and `cardfile diff` print; it names tables and values
//! as the records spell them. The site shows summaries in its own language.

use super::summary::{Change, ChoiceWord, EntryName, KeyChange};
use crate::i18n::{Language, Text, history as words};

/// The name of an array of tables (or single table) in the catalogue; `None` for a table it
/// does not know, which is then named as spelt.
fn table_word(table: &str) -> Option<Text> {
    Some(match table {
        "interaction" => words::TABLE_INTERACTION,
        "order" => words::TABLE_ORDER,
        "complaint" => words::TABLE_COMPLAINT,
        "contact" => words::TABLE_CONTACT,
        "contract" => words::TABLE_CONTRACT,
        "opportunity" => words::TABLE_OPPORTUNITY,
        "handover" => words::TABLE_HANDOVER,
        "promise" => words::TABLE_PROMISE,
        "loss" => words::TABLE_LOSS,
        "plan" => words::TABLE_PLAN,
        _ => return None,
    })
}

impl Change {
    /// The summary line in English, as `diff` prints it.
    pub fn text(&self) -> String {
        self.english(false)
    }

    /// The summary line in English; with `redact`, without the values of personal details.
    pub fn english(&self, redact: bool) -> String {
        self.text_in(Language::En, redact)
    }

    /// The summary line in `lang`; with `redact`, without the values of personal details.
    pub fn text_in(&self, lang: Language, redact: bool) -> String {
        let table = |table: &str| table_word(table).map_or_else(|| table.to_string(), |t| t.get(lang).to_string());
        match self {
            Change::Created => words::created(lang),
            Change::Deleted => words::deleted(lang),
            Change::Moved { from, to } => words::moved(lang, from, to),
            Change::DidNotParse => words::did_not_parse(lang),
            Change::Added { table: t, what, choice } => match what_in(lang, what, choice.as_ref()) {
                what if what.is_empty() => words::added(lang, table(t)),
                what => words::added_entry(lang, table(t), what),
            },
            Change::Removed { table: t, what, choice } => match what_in(lang, what, choice.as_ref()) {
                what if what.is_empty() => words::removed(lang, table(t)),
                what => words::removed_entry(lang, table(t), what),
            },
            Change::Paid { order, date } => words::paid(lang, name_in(lang, order), date),
            Change::Resolved { complaint } => words::resolved(lang, name_in(lang, complaint)),
            Change::EntryKey { table: t, entry, key } => match name_in(lang, entry) {
                entry if entry.is_empty() => words::table_key(lang, table(t), key_in(lang, key, redact)),
                entry => words::entry_key(lang, table(t), entry, key_in(lang, key, redact)),
            },
            Change::Key(key) => key_in(lang, key, redact),
        }
    }
}

/// An entry's description in `lang`: the enumerated value it ends with is named in the
/// catalogue's words, except in English, which keeps the records' spelling.
fn what_in(lang: Language, what: &str, choice: Option<&ChoiceWord>) -> String {
    let Some(choice) = choice.filter(|_| lang != Language::En) else { return what.to_string() };
    match what.strip_suffix(choice.spelling) {
        Some(head) => format!("{head}{}", choice.label.get(lang)),
        None => what.to_string(),
    }
}

fn name_in(lang: Language, name: &EntryName) -> String {
    match name {
        EntryName::Named(name) => name.clone(),
        EntryName::Dated(date) => words::dated(lang, date),
    }
}

fn key_in(lang: Language, key: &KeyChange, redact: bool) -> String {
    match (&key.from, &key.to) {
        _ if !key.shows_values(redact) => words::key_changed(lang, &key.key),
        (Some(from), Some(to)) => words::key_from_to(lang, &key.key, from, to),
        (None, Some(to)) => words::key_set(lang, &key.key, to),
        (Some(from), None) => words::key_removed(lang, &key.key, from),
        (None, None) => words::key_changed(lang, &key.key),
    }
}

#[cfg(test)]
mod tests {
    use super::super::summary::{Change, ChoiceWord, EntryName, KeyChange};
    use crate::i18n::{Language, labels};

    #[test]
    fn enumerated_values_are_named_in_the_sites_words() {
        let visit = Change::Added {
            table: "interaction".into(),
            what: "2026-11-02 visit".into(),
            choice: Some(ChoiceWord { spelling: "visit", label: labels::INTERACTION_VISIT }),
        };
        assert_eq!(visit.text_in(Language::ZhCn, false), "+1 跟进记录 2026-11-02 拜访");
        assert_eq!(visit.text_in(Language::En, false), "+1 interaction 2026-11-02 visit");
        let unknown = Change::Added { table: "interaction".into(), what: "2026-11-02 visit".into(), choice: None };
        assert_eq!(unknown.text_in(Language::ZhCn, false), "+1 跟进记录 2026-11-02 visit");
    }

    #[test]
    fn chinese_summaries_name_tables_in_chinese() {
        let paid = Change::Paid { order: EntryName::Named("SO-1".into()), date: "2026-11-20".into() };
        assert_eq!(paid.text_in(Language::ZhCn, false), "订单 SO-1 已于 2026-11-20 付款");
        assert_eq!(paid.text_in(Language::En, false), "order SO-1 paid 2026-11-20");
        let resolved = Change::Resolved { complaint: EntryName::Dated("2026-11-06".into()) };
        assert_eq!(resolved.text_in(Language::ZhCn, false), "投诉 2026-11-06 已解决");
        assert_eq!(resolved.text_in(Language::En, false), "complaint of 2026-11-06 resolved");
        let owner = Change::Key(KeyChange {
            key: "owner".into(),
            from: Some("li".into()),
            to: Some("zhang".into()),
            hidden: false,
            sensitive: false,
        });
        assert_eq!(owner.text_in(Language::ZhCn, true), "owner li → zhang");
        let phone = Change::EntryKey {
            table: "contact".into(),
            entry: EntryName::Named("李娜".into()),
            key: KeyChange {
                key: "phone".into(),
                from: Some("1".into()),
                to: Some("2".into()),
                hidden: false,
                sensitive: true,
            },
        };
        assert_eq!(phone.text_in(Language::ZhCn, true), "联系人 李娜：phone 已修改");
        assert_eq!(phone.text_in(Language::ZhCn, false), "联系人 李娜：phone 1 → 2");
        assert_eq!(phone.text_in(Language::En, false), "contact 李娜: phone 1 → 2");
    }
}
