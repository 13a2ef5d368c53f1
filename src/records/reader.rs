//! Typed reading of a parsed TOML table that reports every problem instead of stopping.
//!
//! The parsed [`super::tree`] (with spans) is the raw layer; a [`Table`] reads the keys a
//! record type knows, turns wrong types, missing keys, bad enumerations and ranges into
//! diagnostics, and at the end reports every key it was not asked for as unknown.

use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;

use super::choices::Choice;
use super::model::Birthday;
use super::tree::{Entries, Value};
use super::{dates, keys};
use crate::diagnostics::{Code, Diagnostic, MAX_PER_CODE};

/// Where diagnostics of one file are collected.
pub struct Ctx<'f> {
    /// The file, relative to the records directory.
    pub file: &'f str,
    /// Diagnostics found so far.
    pub diagnostics: Vec<Diagnostic>,
    /// Unknown keys reported so far: past [`crate::diagnostics::MAX_PER_CODE`] they are only
    /// counted (see [`crate::diagnostics::cap_repeats`]), so no "did you mean" is worked out.
    unknown_keys: usize,
}

impl<'f> Ctx<'f> {
    /// A fresh context for one file.
    pub fn new(file: &'f str) -> Self {
        Ctx { file, diagnostics: Vec::new(), unknown_keys: 0 }
    }

    /// Records a diagnostic at a span of this file.
    pub fn report(&mut self, code: Code, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::new(code, self.file, span, message));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }
}

/// One TOML table being read: the top level of a file, a `[table]` or an `[[array]]` entry.
pub struct Table<'t, 'i> {
    entries: &'t Entries<'i>,
    /// The span of the table's header (or of the start of the file).
    pub span: Range<usize>,
    /// How messages name the table (`[[order]]`, `the customer`).
    pub(super) name: &'static str,
}

impl<'t, 'i> Table<'t, 'i> {
    /// Reads a table known in the key catalogue as `name` (e.g. `[[order]]`).
    pub fn new(entries: &'t Entries<'i>, span: Range<usize>, name: &'static str) -> Self {
        Table { entries, span, name }
    }

    pub(super) fn get(&self, key: &str) -> Option<&'t Spanned<Value<'i>>> {
        debug_assert!(keys::of(self.name).contains(&key), "`{key}` is not a key of {} in records::keys", self.name);
        #[cfg(test)]
        ASKED.lock().unwrap_or_else(|e| e.into_inner()).insert((self.name, key.to_string()));
        self.entries.get(key)
    }

    pub(super) fn wrong_type(&self, cx: &mut Ctx<'_>, key: &str, value: &Spanned<Value<'_>>, expected: &str) {
        let found = describe(value.get_ref());
        let d = cx.report(
            Code::WrongType,
            value.span(),
            format!("`{key}` in {} must be {expected}, found {found}", self.name),
        );
        if expected.starts_with("a date") && value.get_ref().as_str().is_some_and(|s| parse_date(s).is_some()) {
            d.help = Some("write dates without quotes, e.g. 2026-03-04".to_string());
        } else if expected.contains("number") && value.get_ref().as_str().is_some() {
            d.help = Some("write numbers without quotes, e.g. 12000 or 12000.50".to_string());
        }
    }

    pub(super) fn missing(&self, cx: &mut Ctx<'_>, key: &str, example: &str) {
        cx.report(Code::MissingKey, self.span.clone(), format!("{} is missing the required key `{key}`", self.name))
            .help = Some(format!("add a line `{key} = {example}`"));
    }

    /// An optional string.
    pub fn string(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Spanned<String>> {
        let value = self.get(key)?;
        match value.get_ref().as_str() {
            Some(s) => Some(Spanned::new(value.span(), s.to_string())),
            None => {
                self.wrong_type(cx, key, value, "a string in quotes");
                None
            }
        }
    }

    /// A required, non-empty string.
    pub fn required_string(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Spanned<String>> {
        if self.get(key).is_none() {
            self.missing(cx, key, "\"…\"");
            return None;
        }
        let s = self.string(cx, key)?;
        if s.get_ref().trim().is_empty() {
            cx.report(Code::MissingKey, s.span(), format!("`{key}` in {} must not be empty", self.name));
            return None;
        }
        Some(s)
    }

    /// An optional string, as a plain `String`.
    pub fn text(&self, cx: &mut Ctx<'_>, key: &str) -> Option<String> {
        self.string(cx, key).map(Spanned::into_inner)
    }

    /// An optional local date such as `2026-03-04`.
    pub fn date(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Spanned<NaiveDate>> {
        let value = self.get(key)?;
        if let Some(dt) = value.get_ref().as_datetime() {
            match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    if let Some(date) = NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    {
                        if !dates::in_range(date) {
                            cx.report(
                                Code::DateOutOfRange,
                                value.span(),
                                format!("`{key}` in {} is {date}, outside the dates cardfile works with", self.name),
                            )
                            .help = Some(format!("use a date {}; check the year", dates::RANGE));
                            return None;
                        }
                        return Some(Spanned::new(value.span(), date));
                    }
                }
                (Some(_), _, _) => {
                    cx.report(
                        Code::WrongType,
                        value.span(),
                        format!(
                            "`{key}` in {} must be a date without a time, found {}",
                            self.name,
                            describe(value.get_ref())
                        ),
                    )
                    .help = Some("keep only the date part, e.g. 2026-03-04".to_string());
                    return None;
                }
                _ => {}
            }
        }
        self.wrong_type(cx, key, value, "a date like 2026-03-04");
        None
    }

    /// A required local date.
    pub fn required_date(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Spanned<NaiveDate>> {
        if self.get(key).is_none() {
            self.missing(cx, key, "2026-03-04");
            return None;
        }
        self.date(cx, key)
    }

    /// An optional birthday: a date, or a `"MM-DD"` string when the year is unknown.
    pub fn birthday(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Birthday> {
        let value = self.get(key)?;
        if let Some(text) = value.get_ref().as_str() {
            let parsed = text.split_once('-').and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)));
            // 2000 is a leap year, so "02-29" is a valid month-day.
            if let Some((m, d)) =
                parsed.filter(|(m, d)| text.len() == 5 && NaiveDate::from_ymd_opt(2000, *m, *d).is_some())
            {
                return Some(Birthday::MonthDay(m, d));
            }
            cx.report(
                Code::WrongType,
                value.span(),
                format!(
                    "`{key}` in {} must be a date or a month-day like \"06-12\", found {}",
                    self.name,
                    describe(value.get_ref())
                ),
            )
            .help = Some(
                "write a full date without quotes (1985-06-12) or the month and day in quotes (\"06-12\")".to_string(),
            );
            return None;
        }
        self.date(cx, key).map(|d| Birthday::Date(d.into_inner()))
    }

    /// An optional integer within `lo..=hi`.
    pub fn integer(&self, cx: &mut Ctx<'_>, key: &str, lo: i64, hi: i64) -> Option<i64> {
        let value = self.get(key)?;
        let Some(n) = value.get_ref().as_integer().and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok()) else {
            self.wrong_type(cx, key, value, &format!("a whole number from {lo} to {hi}"));
            return None;
        };
        if n < lo || n > hi {
            cx.report(Code::OutOfRange, value.span(), format!("`{key}` in {} is {n}, outside {lo}..{hi}", self.name))
                .help = Some(format!("use a whole number from {lo} to {hi}"));
            return None;
        }
        Some(n)
    }

    /// An optional boolean.
    pub fn boolean(&self, cx: &mut Ctx<'_>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref().as_bool() {
            Some(b) => Some(b),
            None => {
                self.wrong_type(cx, key, value, "true or false");
                None
            }
        }
    }

    /// An optional value from a fixed list of names.
    pub fn choice<C: Choice>(&self, cx: &mut Ctx<'_>, key: &str) -> Option<C> {
        let value = self.string(cx, key)?;
        if let Some((_, v)) = C::ALL.iter().find(|(n, _)| *n == value.get_ref()) {
            return Some(*v);
        }
        let names: Vec<&str> = C::ALL.iter().map(|(n, _)| *n).collect();
        let d = cx.report(
            Code::NotAllowed,
            value.span(),
            format!("`{key}` in {} cannot be \"{}\"", self.name, value.get_ref()),
        );
        let list = names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
        let best = keys::closest(value.get_ref(), &names);
        d.help = Some(match best {
            Some(best) => format!("did you mean \"{best}\"? allowed: {list}"),
            None => format!("allowed: {list}"),
        });
        d.replacement = best.map(|best| format!("\"{best}\""));
        None
    }

    /// An optional array of strings.
    pub fn string_list(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<String> {
        let Some(value) = self.get(key) else { return Vec::new() };
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(cx, key, value, "a list of strings like [\"a\", \"b\"]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(s) => out.push(s.to_string()),
                None => self.wrong_type(cx, key, item, "a list of strings"),
            }
        }
        out
    }

    /// The entries of an array of tables such as `[[order]]`.
    pub fn tables(&self, cx: &mut Ctx<'_>, key: &str, name: &'static str) -> Vec<Table<'t, 'i>> {
        let Some(value) = self.get(key) else { return Vec::new() };
        let table_of = |v: &'t Spanned<Value<'i>>| v.get_ref().as_table().map(|t| Table::new(t, v.span(), name));
        match value.get_ref().as_array() {
            Some(items) if items.iter().all(|v| v.get_ref().is_table()) => items.iter().filter_map(table_of).collect(),
            _ => {
                self.wrong_type(cx, key, value, &format!("a list of tables, written {name}"));
                Vec::new()
            }
        }
    }

    /// An optional sub-table such as `[loss]`.
    pub fn table(&self, cx: &mut Ctx<'_>, key: &str, name: &'static str) -> Option<Table<'t, 'i>> {
        let value = self.get(key)?;
        match value.get_ref().as_table() {
            Some(t) => Some(Table::new(t, value.span(), name)),
            None => {
                self.wrong_type(cx, key, value, &format!("a table, written {name}"));
                None
            }
        }
    }

    /// Reports every key of the table that is not one of its keys in [`keys`], with a
    /// "did you mean" hint.
    pub fn finish(&self, cx: &mut Ctx<'_>) {
        let known = keys::of(self.name);
        for (key, value) in self.entries.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            cx.unknown_keys += 1;
            let hint = (cx.unknown_keys <= MAX_PER_CODE)
                .then(|| keys::hint_for_unknown(name, self.name, known, value.get_ref().is_table()));
            let d = cx.report(Code::UnknownKey, key.span(), format!("unknown key `{name}` in {}", self.name));
            d.help = hint;
            d.replacement = keys::closest(name, known).map(str::to_string);
        }
    }
}

/// Every table and key the reader asked for, in every test of this process: the reader can
/// only ever add what it asks for, so tests running at the same time cannot hide a key it
/// never asks for (`schema/tests.rs` holds the reader to [`keys`] with it).
#[cfg(test)]
pub(crate) static ASKED: std::sync::Mutex<std::collections::BTreeSet<(&'static str, String)>> =
    std::sync::Mutex::new(std::collections::BTreeSet::new());

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A value's kind in words, for "found …".
pub(super) fn describe(value: &Value<'_>) -> String {
    match value {
        Value::String(s) => format!("the string \"{}\"", shorten(s)),
        Value::Integer(i) => format!("the number {}", i.as_str()),
        Value::Float(f) => format!("the number {}", f.as_str()),
        Value::Boolean(b) => format!("{b}"),
        Value::Datetime(d) => format!("the date-time {d}"),
        Value::Array(_) => "a list".to_string(),
        Value::Table(_) => "a table".to_string(),
    }
}

pub(super) fn shorten(s: &str) -> String {
    if s.chars().count() > 40 { format!("{}…", s.chars().take(40).collect::<String>()) } else { s.to_string() }
}
