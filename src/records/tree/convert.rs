//! The `toml` crate's tree turned into ours, for the files the one-pass reader leaves to it.

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Entries, Number, Value};

/// A table of the crate's tree as [`Entries`].
pub(super) fn table(table: DeTable<'_>) -> Entries<'_> {
    Entries { items: table.into_iter().map(|(key, value)| (key, spanned(value))).collect() }
}

fn spanned(value: Spanned<DeValue<'_>>) -> Spanned<Value<'_>> {
    let span = value.span();
    Spanned::new(span, self::value(value.into_inner()))
}

fn value(value: DeValue<'_>) -> Value<'_> {
    match value {
        DeValue::String(s) => Value::String(s),
        DeValue::Integer(i) => Value::Integer(Number { text: Cow::Owned(i.as_str().to_string()), radix: i.radix() }),
        DeValue::Float(f) => Value::Float(Number { text: Cow::Owned(f.as_str().to_string()), radix: 10 }),
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(d) => Value::Datetime(d),
        DeValue::Array(items) => Value::Array(items.into_iter().map(spanned).collect()),
        DeValue::Table(t) => Value::Table(table(t)),
    }
}
