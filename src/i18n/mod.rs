//! The catalogue of words: every text cardfile shows people, in English and Simplified
//! Chinese, and the [`Language`] to show it in.
//!
//! The bottom layer, beside diagnostics: it imports nothing from the crate. Each part of the
//! catalogue is a file of entries — a [`Text`] constant per word ([`ui`], [`labels`], …) or a
//! function per message with parameters ([`reasons`], [`explain`], …). Rust code names
//! entries, so a missing one does not compile; templates read the site's words by key from
//! [`strings`], and a test checks every key they use. See docs/translating.md.

#[macro_use]
mod entries;
pub mod charts;
pub mod cli;
pub mod editor;
pub mod explain;
pub mod history;
pub mod labels;
pub mod reasons;
pub mod schema_customer;
pub mod schema_settings;
pub mod ui;

use std::collections::BTreeMap;
use std::fmt::{Display, Write};

/// The language of the site and of every text cardfile writes for people (`language` in
/// settings: `"en"` or `"zh-CN"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Language {
    /// English.
    En,
    /// Simplified Chinese.
    ZhCn,
}

impl Language {
    /// Every language, in the order the docs list them.
    pub const ALL: [Language; 2] = [Language::En, Language::ZhCn];

    /// The language spelt `spelling` (`"zh-CN"`), if there is one.
    pub fn from_spelling(spelling: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|lang| lang.as_str() == spelling)
    }

    /// The spelling used in settings and output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::ZhCn => "zh-CN",
        }
    }
}

impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One entry of the catalogue: a text in every language, under a key that is unique in the
/// catalogue. A text may hold named placeholders (`{date}`), filled by [`Text::fill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    key: &'static str,
    en: &'static str,
    zh: &'static str,
}

impl Text {
    /// An entry: its key, its English and its Chinese text.
    pub const fn new(key: &'static str, en: &'static str, zh: &'static str) -> Text {
        Text { key, en, zh }
    }

    /// The key: templates name the site's words by it (`{{ t.customers }}`).
    pub const fn key(self) -> &'static str {
        self.key
    }

    /// The text in `lang`, placeholders unfilled.
    pub const fn get(self, lang: Language) -> &'static str {
        match lang {
            Language::En => self.en,
            Language::ZhCn => self.zh,
        }
    }

    /// The text in `lang` with each `{name}` replaced by the value of that name in `args`,
    /// in one pass (a value that holds braces is never read as a placeholder). Only the
    /// chosen language is formatted.
    pub fn fill(self, lang: Language, args: &[(&str, &dyn Display)]) -> String {
        let text = self.get(lang);
        debug_assert!(
            args.iter().all(|(name, _)| placeholders(self.en).contains(name)),
            "`{}`: an argument it has no placeholder for",
            self.key
        );
        let mut out = String::with_capacity(text.len() + 16);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                args.iter().find(|(n, _)| *n == name).map(|(_, value)| (close, value))
            });
            match value {
                Some((close, value)) => {
                    let _ = write!(out, "{value}");
                    rest = &after[close + 1..];
                }
                None => {
                    debug_assert!(false, "`{}`: no value for a placeholder of {text:?}", self.key);
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// An enumerated value with a name in the catalogue: a kind, role, stage, lifecycle, …
pub trait Label: Copy {
    /// Its spelling in records and output (`decision-maker`); the site also uses it as a CSS
    /// class.
    fn key(self) -> &'static str;

    /// Its name in the catalogue.
    fn label(self) -> Text;
}

/// The names of the placeholders of `text`, in order: `{date}` gives `date`.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// The site's words in `lang` by key, for templates (`{{ t.customers }}`): the [`ui`] strings
/// and the [`labels`] of enumerated values.
pub fn strings(lang: Language) -> BTreeMap<&'static str, &'static str> {
    ui::WORDS.iter().chain(labels::WORDS).map(|text| (text.key, text.get(lang))).collect()
}

/// Items joined by the list separator of `lang` (`, ` or `、`).
pub fn list<S: AsRef<str>>(lang: Language, items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    items.join(explain::LIST_SEPARATOR.get(lang))
}

#[cfg(test)]
mod tests;
