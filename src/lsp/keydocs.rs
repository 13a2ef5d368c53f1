//! A key's documentation as the editor shows it, from the record format's one table of keys
//! (`crate::schema`, which the JSON Schemas and docs/records.md come from).

use crate::i18n::{Language, editor as words};
use crate::schema::{Key, TableSpec, Ty};

/// What kind of value `ty` is, in words.
pub fn kind(ty: Ty, lang: Language) -> String {
    match ty {
        Ty::Text => words::TYPE_TEXT.get(lang).to_string(),
        Ty::Id => words::TYPE_ID.get(lang).to_string(),
        Ty::Int(min, max) => words::whole_number(lang, min, max),
        Ty::Money => words::TYPE_MONEY.get(lang).to_string(),
        Ty::Share => words::TYPE_SHARE.get(lang).to_string(),
        Ty::Weight => words::TYPE_WEIGHT.get(lang).to_string(),
        Ty::Bool => words::TYPE_BOOL.get(lang).to_string(),
        Ty::Date => words::TYPE_DATE.get(lang).to_string(),
        Ty::Birthday => words::TYPE_BIRTHDAY.get(lang).to_string(),
        Ty::Choice(names) => {
            let quoted: Vec<String> = names().iter().map(|n| format!("\"{n}\"")).collect();
            words::one_of(lang, crate::i18n::list(lang, &quoted))
        }
        Ty::Texts => words::TYPE_TEXTS.get(lang).to_string(),
        Ty::Classes => words::TYPE_CLASSES.get(lang).to_string(),
        Ty::Table(spec) => format!("{} {}", words::TYPE_TABLE.get(lang), spec.name),
        Ty::Tables(spec) => format!("{} {}", words::TYPE_TABLES.get(lang), spec.name),
    }
}

/// A key's documentation in Markdown: its name and table, what it holds, whether it is
/// required or its default, and what it means.
pub fn markdown(key: &Key, table: &TableSpec, lang: Language) -> String {
    let mut facts = vec![kind(key.ty, lang)];
    if key.required {
        facts.push(words::REQUIRED.get(lang).to_string());
    }
    if let Some(default) = key.default {
        facts.push(words::default_is(lang, format!("`{default}`")));
    }
    format!("**`{}`** ({})\n\n{}\n\n{}", key.name, table.name, key.describe(lang), facts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema;

    #[test]
    fn a_key_shows_its_kind_default_and_meaning_from_the_schema() {
        let spec = schema::customer();
        let kind_key = spec.key("kind").unwrap();
        let text = markdown(kind_key, spec, Language::En);
        assert!(text.starts_with("**`kind`** (the customer)"), "{text}");
        assert!(text.contains(kind_key.describe(Language::En)), "{text}");
        assert!(text.contains("one of \"company\", \"person\""), "{text}");
        assert!(text.contains("default: `\"company\"`"), "{text}");
        let name = markdown(spec.key("name").unwrap(), spec, Language::ZhCn);
        assert!(name.contains("必填"), "{name}");
    }
}
