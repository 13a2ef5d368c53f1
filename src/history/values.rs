//! Values of a parsed customer file, compared by what they mean: `12000` and `12000.0` are one
//! amount, and the order of an entry's keys is not a change. Read with the same TOML reader
//! `check` uses, borrowing from the file's text.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use toml::de::{DeTable, DeValue};

/// The value of `key` in `table`.
pub fn value_of<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<&'a DeValue<'i>> {
    table.get(key).map(|v| v.get_ref())
}

/// A number: an integer when it is whole and small enough to be exact, else a float's bits;
/// `None` for what is not a number (or an integer TOML accepts but i64 cannot hold).
fn number(value: &DeValue<'_>) -> Option<Result<i64, u64>> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok().map(Ok),
        DeValue::Float(f) => {
            let f: f64 = f.as_str().replace('_', "").parse().ok()?;
            Some(if f.fract() == 0.0 && f.abs() < 9.0e15 { Ok(f as i64) } else { Err(f.to_bits()) })
        }
        _ => None,
    }
}

/// Whether two values mean the same.
pub fn same(a: &DeValue<'_>, b: &DeValue<'_>) -> bool {
    match (a, b) {
        (DeValue::Integer(_) | DeValue::Float(_), DeValue::Integer(_) | DeValue::Float(_)) => {
            match (number(a), number(b)) {
                (Some(x), Some(y)) => x == y,
                _ => shown(a) == shown(b),
            }
        }
        (DeValue::String(x), DeValue::String(y)) => x == y,
        (DeValue::Boolean(x), DeValue::Boolean(y)) => x == y,
        (DeValue::Datetime(x), DeValue::Datetime(y)) => x == y,
        (DeValue::Array(x), DeValue::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(x, y)| same(x.get_ref(), y.get_ref()))
        }
        (DeValue::Table(x), DeValue::Table(y)) => same_table(x, y),
        _ => false,
    }
}

/// Whether two tables have the same keys with the same values, in any order.
pub fn same_table(a: &DeTable<'_>, b: &DeTable<'_>) -> bool {
    a.len() == b.len()
        && a.iter().all(|(k, v)| b.get(k.get_ref().as_ref()).is_some_and(|w| same(v.get_ref(), w.get_ref())))
}

/// A hash that is equal for values that are [`same`].
fn hash_value(value: &DeValue<'_>, h: &mut DefaultHasher) {
    match value {
        DeValue::Integer(_) | DeValue::Float(_) => match number(value) {
            Some(n) => (0u8, n).hash(h),
            None => (1u8, shown(value)).hash(h),
        },
        DeValue::String(s) => (2u8, s.as_ref()).hash(h),
        DeValue::Boolean(b) => (3u8, b).hash(h),
        DeValue::Datetime(d) => (4u8, d.to_string()).hash(h),
        DeValue::Array(items) => {
            (5u8, items.len()).hash(h);
            items.iter().for_each(|item| hash_value(item.get_ref(), h));
        }
        DeValue::Table(t) => (6u8, hash_table(t)).hash(h),
    }
}

/// A table's hash, whatever the order of its keys.
pub fn hash_table(table: &DeTable<'_>) -> u64 {
    table.iter().fold(table.len() as u64, |acc, (k, v)| {
        let mut h = DefaultHasher::new();
        k.get_ref().as_ref().hash(&mut h);
        hash_value(v.get_ref(), &mut h);
        acc ^ h.finish()
    })
}

/// An identity key's value as text, equal for values that are [`same`].
pub fn canonical(value: &DeValue<'_>) -> String {
    match number(value) {
        Some(Ok(n)) => format!("n{n}"),
        Some(Err(bits)) => format!("f{bits}"),
        None => format!("{}:{}", kind(value), shown(value)),
    }
}

fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "s",
        DeValue::Integer(_) | DeValue::Float(_) => "n",
        DeValue::Boolean(_) => "b",
        DeValue::Datetime(_) => "d",
        DeValue::Array(_) => "a",
        DeValue::Table(_) => "t",
    }
}

/// A value as a summary shows it: strings raw, dates as `YYYY-MM-DD`, whole numbers without
/// `.0`, lists joined with commas.
pub fn shown(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => s.to_string(),
        DeValue::Integer(_) | DeValue::Float(_) => match number(value) {
            Some(Ok(n)) => n.to_string(),
            _ => match value {
                DeValue::Integer(i) => i.as_str().to_string(),
                DeValue::Float(f) => f.as_str().to_string(),
                _ => String::new(),
            },
        },
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(items) => items.iter().map(|v| shown(v.get_ref())).collect::<Vec<_>>().join(", "),
        DeValue::Table(t) => {
            t.iter().map(|(k, v)| format!("{} = {}", k.get_ref(), shown(v.get_ref()))).collect::<Vec<_>>().join(", ")
        }
    }
}

#[cfg(test)]
mod tests {
    use toml::de::DeTable;

    use super::{canonical, same_table, shown, value_of};

    #[test]
    fn numbers_mean_their_value() {
        let a = DeTable::parse("x = 12000\ny = 0x10\nz = 1_000\nw = 2.5\n").expect("toml");
        let b = DeTable::parse("x = 12000.0\ny = 16\nz = 1000\nw = 2.50\n").expect("toml");
        assert!(same_table(a.get_ref(), b.get_ref()));
        let get = |t: &str, k: &str| shown(value_of(DeTable::parse(t).expect("toml").get_ref(), k).expect("key"));
        assert_eq!(get("x = 12000.0", "x"), "12000");
        assert_eq!(get("x = 2.5", "x"), "2.5");
        assert_eq!(get("x = 2026-11-02", "x"), "2026-11-02");
        let c = DeTable::parse("x = \"12000\"").expect("toml");
        assert_ne!(
            canonical(value_of(a.get_ref(), "x").expect("x")),
            canonical(value_of(c.get_ref(), "x").expect("x"))
        );
    }
}
