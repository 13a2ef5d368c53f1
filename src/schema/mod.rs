//! The record format as data: every table and key with its type, allowed values, default and
//! meaning. One source of truth for the JSON Schemas editors use (`cardfile schema`) and for
//! the commented `cardfile.toml` that `cardfile init` writes. Its tables and key names are
//! those of the one table of record keys, `records::keys`, which the unit tests hold it to.

mod customer;
mod json;
mod settings;

pub use json::{customer_schema, settings_schema, team_schema};

use crate::i18n::{Language, Text};
use crate::records::choices::Choice;

/// What a key holds.
#[derive(Clone, Copy)]
pub enum Ty {
    /// Any text.
    Text,
    /// An id: `^[a-z0-9][a-z0-9-]{0,63}$`.
    Id,
    /// An integer in `min..=max`.
    Int(i64, i64),
    /// Money: a number, not negative.
    Money,
    /// A share: a number above 0 and at most 1.
    Share,
    /// A weight: a number, not negative.
    Weight,
    /// `true` or `false`.
    Bool,
    /// A TOML local date (`2026-03-04`).
    Date,
    /// A date, or a month-day text `"06-12"` when the year is unknown.
    Birthday,
    /// One of a list of words.
    Choice(fn() -> Vec<&'static str>),
    /// A list of texts.
    Texts,
    /// A list of customer classes (`"A"`, `"B"`, `"C"`).
    Classes,
    /// A `[table]`.
    Table(&'static TableSpec),
    /// An array of tables, `[[table]]`.
    Tables(&'static TableSpec),
}

/// One key of a table.
#[derive(Clone, Copy)]
pub struct Key {
    /// The key as written.
    pub name: &'static str,
    /// What it holds.
    pub ty: Ty,
    /// Whether the table must have it.
    pub required: bool,
    /// The default as a TOML value (`"14"`, `"\"en\""`), when there is one.
    pub default: Option<&'static str>,
    /// What it means, in the catalogue of words.
    pub meaning: Text,
}

impl Key {
    /// An optional key without a default.
    pub const fn new(name: &'static str, ty: Ty, meaning: Text) -> Key {
        Key { name, ty, required: false, default: None, meaning }
    }

    /// The key made required.
    pub const fn required(self) -> Key {
        Key { required: true, ..self }
    }

    /// The key with a default (a TOML value).
    pub const fn default(self, toml: &'static str) -> Key {
        Key { default: Some(toml), ..self }
    }

    /// Its meaning in `lang`.
    pub fn describe(&self, lang: Language) -> &'static str {
        self.meaning.get(lang)
    }
}

/// A table of the record format and its keys.
pub struct TableSpec {
    /// How diagnostics name it: `the customer`, `[[order]]`, `[abc]`.
    pub name: &'static str,
    /// What it is, in the catalogue of words.
    pub meaning: Text,
    /// Its keys, in the order the docs list them.
    pub keys: &'static [Key],
}

impl TableSpec {
    /// The key called `name`.
    pub fn key(&self, name: &str) -> Option<&Key> {
        self.keys.iter().find(|k| k.name == name)
    }

    /// Its meaning in `lang`.
    pub fn describe(&self, lang: Language) -> &'static str {
        self.meaning.get(lang)
    }
}

/// The spellings of an enumeration, in order.
pub fn names<C: Choice>() -> Vec<&'static str> {
    C::ALL.iter().map(|(name, _)| *name).collect()
}

/// A customer file's top level (its sub-tables hang off it).
pub fn customer() -> &'static TableSpec {
    &customer::CUSTOMER
}

/// team.toml's top level.
pub fn team() -> &'static TableSpec {
    &settings::TEAM
}

/// cardfile.toml's top level.
pub fn settings() -> &'static TableSpec {
    &settings::SETTINGS
}

#[cfg(test)]
mod tests;
