use std::collections::{BTreeMap, BTreeSet};

use super::entries::Message;
use super::*;

/// One file of the catalogue: its entries without parameters and its messages.
struct Part {
    name: &'static str,
    words: &'static [Text],
    messages: &'static [Message],
}

/// Every part of the catalogue.
fn parts() -> [Part; 10] {
    let part = |name, words, messages| Part { name, words, messages };
    [
        part("ui", ui::WORDS, &[]),
        part("labels", labels::WORDS, &[]),
        part("reasons", reasons::WORDS, reasons::MESSAGES),
        part("explain", explain::WORDS, explain::MESSAGES),
        part("history", history::WORDS, history::MESSAGES),
        part("charts", charts::WORDS, charts::MESSAGES),
        part("cli", cli::WORDS, cli::MESSAGES),
        part("editor", editor::WORDS, editor::MESSAGES),
        part("schema_customer", schema_customer::WORDS, &[]),
        part("schema_settings", schema_settings::WORDS, schema_settings::MESSAGES),
    ]
}

fn words() -> impl Iterator<Item = (&'static str, &'static Text)> {
    parts().into_iter().flat_map(|p| p.words.iter().map(move |w| (p.name, w)))
}

fn messages() -> impl Iterator<Item = &'static Message> {
    parts().into_iter().flat_map(|p| p.messages.iter())
}

#[test]
fn the_tests_read_every_part_of_the_catalogue() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
    let mut files: Vec<(String, bool)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            (path.file_stem().unwrap().to_string_lossy().into_owned(), text.contains("messages! {"))
        })
        .filter(|(name, _)| !["mod", "entries", "tests"].contains(&name.as_str()))
        .collect();
    files.sort();
    let mut listed: Vec<(String, bool)> =
        parts().into_iter().map(|p| (p.name.to_string(), !p.messages.is_empty())).collect();
    listed.sort();
    assert_eq!(files, listed, "each file of src/i18n/ is a part the tests read, with its messages");
}

/// Every text of the catalogue.
fn texts() -> Vec<Text> {
    words().map(|(_, w)| *w).chain(messages().map(|m| m.text)).collect()
}

fn sorted(names: Vec<&str>) -> Vec<&str> {
    names.into_iter().collect::<BTreeSet<_>>().into_iter().collect()
}

/// Whether `name` may name a placeholder: a Rust identifier in lower case.
fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[test]
fn every_entry_is_written_in_both_languages() {
    for text in texts() {
        for lang in Language::ALL {
            assert!(!text.get(lang).trim().is_empty(), "`{}` has no {} text", text.key(), lang.as_str());
        }
    }
}

#[test]
fn a_text_the_same_in_both_languages_holds_no_english_words() {
    for text in texts().into_iter().filter(|t| t.get(Language::En) == t.get(Language::ZhCn)) {
        let mut rest = text.get(Language::En).to_string();
        for name in placeholders(text.get(Language::En)) {
            rest = rest.replace(&format!("{{{name}}}"), "");
        }
        assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "`{}` looks untranslated: {rest:?}", text.key());
    }
}

#[test]
fn keys_are_unique() {
    let mut seen = BTreeMap::new();
    for (part, text) in words() {
        if let Some(first) = seen.insert(text.key(), part) {
            panic!("`{}` is in {first} and in {part}", text.key());
        }
    }
}

#[test]
fn placeholders_are_names_in_braces() {
    for text in texts() {
        for lang in Language::ALL {
            let s = text.get(lang);
            let names = placeholders(s);
            assert!(
                names.iter().all(|n| is_name(n)),
                "`{}` ({}): a placeholder is not a name: {s:?}",
                text.key(),
                lang.as_str()
            );
            let braces = s.chars().filter(|c| matches!(c, '{' | '}')).count();
            assert_eq!(
                braces,
                2 * names.len(),
                "`{}` ({}): a brace outside a placeholder: {s:?}",
                text.key(),
                lang.as_str()
            );
        }
    }
}

#[test]
fn both_languages_have_the_same_placeholders() {
    for text in texts() {
        let (en, zh) = (text.get(Language::En), text.get(Language::ZhCn));
        assert_eq!(sorted(placeholders(en)), sorted(placeholders(zh)), "`{}`: {en:?} and {zh:?}", text.key());
    }
}

#[test]
fn a_message_has_a_placeholder_for_each_parameter_and_no_other() {
    for message in messages() {
        let params = sorted(message.params.to_vec());
        for lang in Language::ALL {
            let text = message.text.get(lang);
            assert_eq!(sorted(placeholders(text)), params, "`{}` ({}): {text:?}", message.text.key(), lang.as_str());
        }
    }
}

#[test]
fn templates_get_every_ui_string_and_label() {
    let t = strings(Language::ZhCn);
    assert_eq!(t.len(), ui::WORDS.len() + labels::WORDS.len());
    assert_eq!(t["customers"], "客户");
    assert_eq!(strings(Language::En)["role_decision-maker"], "Decision-maker");
}

#[test]
fn fill_formats_only_the_chosen_language_in_one_pass() {
    let text = Text::new("t", "{name} on {date}", "{date} {name}");
    let args: [(&str, &dyn Display); 2] = [("name", &"{date}"), ("date", &"2026-11-02")];
    assert_eq!(text.fill(Language::En, &args), "{date} on 2026-11-02");
    assert_eq!(text.fill(Language::ZhCn, &args), "2026-11-02 {date}");
    assert_eq!(
        reasons::winback(Language::ZhCn, 30, "2026-11-02"),
        "已 30 天未下单（上次 2026-11-02）：了解原因，或记录流失"
    );
}

#[test]
fn languages_keep_their_spelling() {
    assert_eq!(Language::ALL.map(Language::as_str), ["en", "zh-CN"]);
    assert_eq!(serde_json::to_string(&Language::ZhCn).unwrap(), "\"zh-CN\"");
}
