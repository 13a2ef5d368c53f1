//! The scalars of the one-pass reader: local dates, decimal integers and floats, and the
//! escapes of basic strings. Each answers `None` (or `false`) for what it leaves to the `toml` crate.

use std::borrow::Cow;

use toml::value::{Date, Datetime};

use super::{Number, Value};

/// Integers with more digits than this are left to the crate (18 digits always fit an `i64`).
const MAX_DIGITS: usize = 18;

/// A decimal integer: digits with single underscores between them, no leading zero.
pub(super) fn integer<'i>(token: &'i str, unsigned: &str) -> Option<Value<'i>> {
    let bytes = unsigned.as_bytes();
    let first = *bytes.first()?;
    let last = *bytes.last()?;
    let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
    if first == b'_' || last == b'_' || unsigned.contains("__") || (first == b'0' && bytes.len() > 1) {
        return None;
    }
    if digits > MAX_DIGITS {
        return None;
    }
    let text = if digits == bytes.len() { Cow::Borrowed(token) } else { Cow::Owned(token.replace('_', "")) };
    Some(Value::Integer(Number { text, radix: 10 }))
}

/// Whether an unsigned token is a decimal float without underscores: an integer part without a
/// leading zero, then a fraction, an exponent or both.
pub(super) fn float(unsigned: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let whole_ok = digits(whole) && (whole == "0" || !whole.starts_with('0'));
    (fraction.is_some() || exponent.is_some()) && whole_ok && fraction.is_none_or(digits) && exponent.is_none_or(digits)
}

/// The text of a basic string with its escapes decoded; an escape other than the common ones
/// is left to the crate.
pub(super) fn unescape(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'u' => hex(&mut chars, 4)?,
            'U' => hex(&mut chars, 8)?,
            _ => return None,
        };
        out.push(decoded);
    }
    Some(out)
}

fn hex(chars: &mut std::str::Chars<'_>, len: usize) -> Option<char> {
    let mut n = 0u32;
    for _ in 0..len {
        n = n * 16 + chars.next()?.to_digit(16)?;
    }
    char::from_u32(n)
}

/// A local date from the ten bytes `YYYY-MM-DD` (digits where the digits go), valid as TOML
/// has it: a month from 1 to 12 and a day that month has (29 February only in leap years).
pub(super) fn local_date(text: &[u8; 10]) -> Option<Datetime> {
    let number = |from: usize, to: usize| text[from..to].iter().fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
    let (year, month, day) = (number(0, 4), number(5, 7), number(8, 10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > days {
        return None;
    }
    let date = Date { year, month: u8::try_from(month).ok()?, day: u8::try_from(day).ok()? };
    Some(Datetime { date: Some(date), time: None, offset: None })
}
