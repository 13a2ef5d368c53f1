//! The parsed TOML of one file, with spans: the raw layer that [`super::reader::Table`] reads.
//!
//! Records are written in a small part of TOML: keys and values, `[table]` and `[[array]]`
//! headers, strings, decimal numbers, local dates, lists and one-line inline tables. A reader of
//! just that part ([`scan`]) builds this tree in one pass, borrowing the text; any file it is not
//! sure of (a syntax error, an escape it does not know, a dotted key, a time) is parsed by the
//! `toml` crate instead and converted ([`convert`]), so every file means what TOML says it means
//! and every syntax error is the crate's.

mod convert;
mod scalars;
mod scan;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use toml::Spanned;
use toml::value::Datetime;

/// One value of the tree.
#[derive(Debug)]
pub enum Value<'i> {
    /// A string, decoded.
    String(Cow<'i, str>),
    /// An integer, as its digits.
    Integer(Number<'i>),
    /// A float, as its text.
    Float(Number<'i>),
    /// `true` or `false`.
    Boolean(bool),
    /// A date, date-time or time.
    Datetime(Datetime),
    /// A list, or the entries of an `[[array]]`.
    Array(Vec<Spanned<Value<'i>>>),
    /// A table.
    Table(Entries<'i>),
}

/// A number as TOML wrote it, without its underscores (and without the `0x`-style prefix).
#[derive(Debug)]
pub struct Number<'i> {
    text: Cow<'i, str>,
    radix: u32,
}

impl Number<'_> {
    /// The digits (a sign, a fraction and an exponent included where written).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The base of [`Number::as_str`]: 10, or 16, 8 and 2 for `0x`, `0o` and `0b` integers.
    pub fn radix(&self) -> u32 {
        self.radix
    }
}

/// The keys of one table with their values, in the order of the file.
#[derive(Debug, Default)]
pub struct Entries<'i> {
    items: Vec<(Spanned<Cow<'i, str>>, Spanned<Value<'i>>)>,
}

impl<'i> Entries<'i> {
    /// Every key with its value, in the order of the file.
    pub fn iter(&self) -> impl Iterator<Item = (&Spanned<Cow<'i, str>>, &Spanned<Value<'i>>)> {
        self.items.iter().map(|(k, v)| (k, v))
    }

    /// The value of a key.
    pub fn get(&self, key: &str) -> Option<&Spanned<Value<'i>>> {
        self.items.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(_, v)| v)
    }
}

impl<'i> Value<'i> {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        if let Value::String(s) = self { Some(s) } else { None }
    }

    /// The integer, if this is one.
    pub fn as_integer(&self) -> Option<&Number<'i>> {
        if let Value::Integer(n) = self { Some(n) } else { None }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        if let Value::Boolean(b) = self { Some(*b) } else { None }
    }

    /// The date or time, if this is one.
    pub fn as_datetime(&self) -> Option<&Datetime> {
        if let Value::Datetime(d) = self { Some(d) } else { None }
    }

    /// The items, if this is a list.
    pub fn as_array(&self) -> Option<&[Spanned<Value<'i>>]> {
        if let Value::Array(items) = self { Some(items) } else { None }
    }

    /// The entries, if this is a table.
    pub fn as_table(&self) -> Option<&Entries<'i>> {
        if let Value::Table(t) = self { Some(t) } else { None }
    }

    /// Whether this is a table.
    pub fn is_table(&self) -> bool {
        matches!(self, Value::Table(_))
    }
}

/// Parses one file's text: the tree, or the `toml` crate's syntax errors.
pub fn parse(text: &str) -> Result<Entries<'_>, Vec<toml::de::Error>> {
    if let Some(entries) = scan::read(text) {
        return Ok(entries);
    }
    let (table, errors) = toml::de::DeTable::parse_recoverable(text);
    if errors.is_empty() { Ok(convert::table(table.into_inner())) } else { Err(errors) }
}
