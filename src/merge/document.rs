//! Values compared by what they mean, not how they are written: `12000` and `12000.0` are
//! the same amount, and comments, whitespace, quoting and key order are not changes.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use toml_edit::{Item, Table, Value};

use crate::records::identity::identity_keys;

/// A number: exact when it fits a decimal, else its text (`inf`, `nan`, huge floats).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Number {
    /// An integer or a float that a decimal holds exactly as written.
    Exact(Decimal),
    /// Anything else, compared by its text.
    Other(String),
}

/// A TOML value with its formatting stripped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Norm {
    /// A string's value.
    Str(String),
    /// An integer or float.
    Num(Number),
    /// A boolean.
    Bool(bool),
    /// A date, time or date-time, as TOML writes it.
    Date(String),
    /// An array, in order.
    Array(Vec<Norm>),
    /// A table (inline or not); key order does not matter.
    Table(BTreeMap<String, Norm>),
}

fn number_of_float(f: f64) -> Number {
    // Rust prints the shortest text that reads back as the same float, without exponent.
    let text = f.to_string();
    Decimal::from_str(&text).map_or(Number::Other(text), Number::Exact)
}

/// The meaning of a value.
pub fn value(v: &Value) -> Norm {
    match v {
        Value::String(s) => Norm::Str(s.value().clone()),
        Value::Integer(i) => Norm::Num(Number::Exact(Decimal::from(*i.value()))),
        Value::Float(f) => Norm::Num(number_of_float(*f.value())),
        Value::Boolean(b) => Norm::Bool(*b.value()),
        Value::Datetime(d) => Norm::Date(d.value().to_string()),
        Value::Array(a) => Norm::Array(a.iter().map(value).collect()),
        Value::InlineTable(t) => Norm::Table(t.iter().map(|(k, v)| (k.to_string(), value(v))).collect()),
    }
}

/// The meaning of an item; `None` for an empty slot.
pub fn item(i: &Item) -> Option<Norm> {
    match i {
        Item::None => None,
        Item::Value(v) => Some(value(v)),
        Item::Table(t) => Some(table(t)),
        Item::ArrayOfTables(a) => Some(Norm::Array(a.iter().map(table).collect())),
    }
}

/// The meaning of a table.
pub fn table(t: &Table) -> Norm {
    Norm::Table(t.iter().filter_map(|(k, i)| Some((k.to_string(), item(i)?))).collect())
}

/// Which entries of an array of tables are "the same entry" in two versions (SPEC 11.2).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Identity {
    /// The values of the array's identity keys (absent ones `None`).
    Keyed(Vec<Option<Norm>>),
    /// The entry's whole content.
    Whole(Norm),
}

/// The identity of `entry`, an entry of the array `array` whose meaning is `content`.
pub fn identity(array: &str, entry: &Table, content: &Norm) -> Identity {
    let Some(keys) = identity_keys(array) else { return Identity::Whole(content.clone()) };
    let values: Vec<Option<Norm>> = keys.iter().map(|k| entry.get(k).and_then(item)).collect();
    if values.iter().all(Option::is_none) {
        // An order without `ref` (or an entry missing every identity key) is its content.
        Identity::Whole(content.clone())
    } else {
        Identity::Keyed(values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> toml_edit::DocumentMut {
        text.parse().expect("valid TOML")
    }

    #[test]
    fn amounts_compare_by_value() {
        let a = root("amount = 12000\n");
        let b = root("amount = 12000.0 # agreed\n");
        assert_eq!(item(&a["amount"]), item(&b["amount"]));
        let c = root("amount = 12000.5\n");
        assert_ne!(item(&a["amount"]), item(&c["amount"]));
    }

    #[test]
    fn formatting_and_key_order_are_not_changes() {
        let a = root("[loss]\ndate = 2026-01-02\nreason = 'price'\n");
        let b = root("# lost\n[loss]\nreason = \"price\"   # sadly\n\ndate = 2026-01-02\n");
        assert_eq!(item(&a["loss"]), item(&b["loss"]));
        let c = root("loss = { date = 2026-01-02, reason = \"price\" }\n");
        assert_eq!(item(&a["loss"]), item(&c["loss"]));
    }

    #[test]
    fn identities_follow_the_array() {
        let d =
            root("[[order]]\nref = \"SO-1\"\namount = 1\n[[order]]\namount = 2\n[[interaction]]\ndate = 2026-01-01\n");
        let orders = d["order"].as_array_of_tables().expect("orders");
        let id = |array: &str, t: &Table| identity(array, t, &table(t));
        let first = id("order", orders.get(0).expect("first"));
        assert_eq!(first, Identity::Keyed(vec![Some(Norm::Str("SO-1".into()))]));
        assert!(matches!(id("order", orders.get(1).expect("second")), Identity::Whole(_)));
        let visits = d["interaction"].as_array_of_tables().expect("interactions");
        assert!(matches!(id("interaction", visits.get(0).expect("visit")), Identity::Whole(_)));
    }
}
