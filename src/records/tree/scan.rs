//! The one-pass reader of the part of TOML that records are written in.
//!
//! It reads keys and values, `[name]` and `[[name]]` headers of one bare key, basic and literal
//! strings (multi-line basic strings without backslashes), decimal integers and floats,
//! booleans, local dates, lists and one-line inline tables, with comments anywhere TOML allows
//! them. It answers `None` for anything else, and for every error, without saying why: the
//! `toml` crate then parses the file and reports. So it only has to be sure of what it accepts.

use std::borrow::Cow;

use toml::Spanned;

use super::scalars::{float, integer, local_date, unescape};
use super::{Entries, Number, Value};

/// More keys in one table than this are left to the crate (its map finds a key in constant
/// time; a duplicate is looked for here by comparing with every key).
pub(super) const MAX_KEYS: usize = 64;

/// Lists and inline tables nested deeper than this are left to the crate.
const MAX_DEPTH: usize = 8;

/// The tree of `text`, or `None` when the crate should parse it.
pub(super) fn read(text: &str) -> Option<Entries<'_>> {
    let mut scanner = Scanner { text, bytes: text.as_bytes(), at: 0 };
    let mut top = Entries::default();
    // Keys of `top` made by `[[name]]` headers: the only arrays a header may add to.
    let mut header_arrays: Vec<usize> = Vec::new();
    let mut target = Target::Top;
    loop {
        scanner.skip_blank();
        match scanner.peek() {
            None => return Some(top),
            Some(b'\n' | b'\r' | b'#') => scanner.line_end()?,
            Some(b'[') => {
                target = scanner.header(&mut top, &mut header_arrays)?;
                scanner.line_end()?;
            }
            Some(_) => {
                let (key, value) = scanner.key_value(0)?;
                insert(target.entries(&mut top)?, key, value)?;
                scanner.line_end()?;
            }
        }
    }
}

/// The table that key-value lines go to.
#[derive(Clone, Copy)]
enum Target {
    /// The top of the file, before any header.
    Top,
    /// The table of the `[name]` header at this index of the top.
    Table(usize),
    /// The last entry of the `[[name]]` array at this index of the top.
    Last(usize),
}

impl Target {
    fn entries<'t, 'i>(self, top: &'t mut Entries<'i>) -> Option<&'t mut Entries<'i>> {
        match self {
            Target::Top => Some(top),
            Target::Table(i) => match top.items.get_mut(i)?.1.get_mut() {
                Value::Table(t) => Some(t),
                _ => None,
            },
            Target::Last(i) => match top.items.get_mut(i)?.1.get_mut() {
                Value::Array(items) => match items.last_mut()?.get_mut() {
                    Value::Table(t) => Some(t),
                    _ => None,
                },
                _ => None,
            },
        }
    }
}

/// Adds a key to a table; a duplicate, or one key too many, is left to the crate.
fn insert<'i>(entries: &mut Entries<'i>, key: Spanned<Cow<'i, str>>, value: Spanned<Value<'i>>) -> Option<()> {
    if entries.items.len() >= MAX_KEYS || entries.items.iter().any(|(k, _)| k.get_ref() == key.get_ref()) {
        return None;
    }
    entries.items.push((key, value));
    Some(())
}

/// The reader's place in one file's text (`bytes` is `text`'s bytes).
struct Scanner<'i> {
    text: &'i str,
    bytes: &'i [u8],
    at: usize,
}

/// Whether a byte may appear in a bare key.
fn bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Whether a byte is a control character that TOML allows in no string or comment.
fn control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

impl<'i> Scanner<'i> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn byte(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.at + offset).copied()
    }

    /// Skips spaces and tabs.
    fn skip_blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// Takes `expected` at the current position.
    fn take(&mut self, expected: &[u8]) -> Option<()> {
        self.bytes[self.at..].starts_with(expected).then(|| self.at += expected.len())
    }

    /// Takes the rest of a line: blanks, a comment, then a newline or the end of the file.
    fn line_end(&mut self) -> Option<()> {
        self.skip_blank();
        if self.peek() == Some(b'#') {
            while let Some(b) = self.peek() {
                if b == b'\n' || b == b'\r' {
                    break;
                }
                if control(b) {
                    return None;
                }
                self.at += 1;
            }
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.at += 1;
                Some(())
            }
            Some(b'\r') => self.take(b"\r\n"),
            Some(_) => None,
        }
    }

    /// Skips blanks, comments and newlines, as between the items of a list.
    fn skip_lines(&mut self) -> Option<()> {
        loop {
            self.skip_blank();
            match self.peek() {
                Some(b'\n' | b'\r' | b'#') => self.line_end()?,
                _ => return Some(()),
            }
        }
    }

    /// A `[name]` or `[[name]]` header: adds its table to `top` and answers where the lines
    /// under it go.
    fn header(&mut self, top: &mut Entries<'i>, header_arrays: &mut Vec<usize>) -> Option<Target> {
        let start = self.at;
        let array = self.byte(1) == Some(b'[');
        self.at += if array { 2 } else { 1 };
        let key_start = self.at;
        while self.peek().is_some_and(bare) {
            self.at += 1;
        }
        let key_end = self.at;
        if key_start == key_end {
            return None;
        }
        self.take(if array { b"]]" } else { b"]" })?;
        let span = start..self.at;
        let key = Spanned::new(key_start..key_end, Cow::Borrowed(&self.text[key_start..key_end]));
        let table = Spanned::new(span.clone(), Value::Table(Entries::default()));
        match top.items.iter().position(|(k, _)| k.get_ref() == key.get_ref()) {
            None if array => {
                header_arrays.push(top.items.len());
                insert(top, key, Spanned::new(span, Value::Array(vec![table])))?;
                Some(Target::Last(top.items.len() - 1))
            }
            None => {
                insert(top, key, table)?;
                Some(Target::Table(top.items.len() - 1))
            }
            Some(i) if array && header_arrays.contains(&i) => match top.items[i].1.get_mut() {
                Value::Array(items) => {
                    items.push(table);
                    Some(Target::Last(i))
                }
                _ => None,
            },
            Some(_) => None,
        }
    }

    /// `key = value`, the key bare or quoted (a dotted key is left to the crate).
    fn key_value(&mut self, depth: usize) -> Option<(Spanned<Cow<'i, str>>, Spanned<Value<'i>>)> {
        let key = self.key()?;
        self.skip_blank();
        self.take(b"=")?;
        self.skip_blank();
        let value = self.value(depth)?;
        Some((key, value))
    }

    fn key(&mut self) -> Option<Spanned<Cow<'i, str>>> {
        let start = self.at;
        let key = match self.peek()? {
            b'"' => self.basic_string()?,
            b'\'' => self.literal_string()?,
            b if bare(b) => {
                while self.peek().is_some_and(bare) {
                    self.at += 1;
                }
                Cow::Borrowed(&self.text[start..self.at])
            }
            _ => return None,
        };
        Some(Spanned::new(start..self.at, key))
    }

    fn value(&mut self, depth: usize) -> Option<Spanned<Value<'i>>> {
        let start = self.at;
        let value = match self.peek()? {
            b'"' if self.bytes[start..].starts_with(b"\"\"\"") => Value::String(self.multi_line_string()?),
            b'"' => Value::String(self.basic_string()?),
            b'\'' if !self.bytes[start..].starts_with(b"'''") => Value::String(self.literal_string()?),
            b'[' if depth < MAX_DEPTH => self.array(depth + 1)?,
            b'{' if depth < MAX_DEPTH => self.inline_table(depth + 1)?,
            b't' => self.word("true", Value::Boolean(true))?,
            b'f' => self.word("false", Value::Boolean(false))?,
            b'0'..=b'9' | b'+' | b'-' => self.number_or_date()?,
            _ => return None,
        };
        Some(Spanned::new(start..self.at, value))
    }

    fn word(&mut self, word: &str, value: Value<'i>) -> Option<Value<'i>> {
        self.take(word.as_bytes())?;
        (!self.peek().is_some_and(bare)).then_some(value)
    }

    /// `"…"`: borrowed when it has no escape.
    fn basic_string(&mut self) -> Option<Cow<'i, str>> {
        let start = self.at + 1;
        let mut escaped = false;
        let mut at = start;
        loop {
            match *self.bytes.get(at)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    at += 2;
                }
                b if control(b) => return None,
                _ => at += 1,
            }
        }
        self.at = at + 1;
        let inner = self.text.get(start..at)?;
        if escaped { unescape(inner).map(Cow::Owned) } else { Some(Cow::Borrowed(inner)) }
    }

    /// `'…'`: taken as written.
    fn literal_string(&mut self) -> Option<Cow<'i, str>> {
        let start = self.at + 1;
        let mut at = start;
        loop {
            match *self.bytes.get(at)? {
                b'\'' => break,
                b if control(b) => return None,
                _ => at += 1,
            }
        }
        self.at = at + 1;
        Some(Cow::Borrowed(&self.text[start..at]))
    }

    /// `"""…"""` without a backslash or a carriage return, its first newline dropped.
    fn multi_line_string(&mut self) -> Option<Cow<'i, str>> {
        let mut start = self.at + 3;
        if self.bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let mut at = start;
        loop {
            match *self.bytes.get(at)? {
                b'"' if self.bytes[at..].starts_with(b"\"\"\"") => break,
                b'\n' => at += 1,
                b'\\' | b'\r' => return None,
                b if control(b) => return None,
                _ => at += 1,
            }
        }
        // A quote or two right before the closing three belong to the text: left to the crate.
        if self.bytes.get(at + 3) == Some(&b'"') {
            return None;
        }
        self.at = at + 3;
        Some(Cow::Borrowed(&self.text[start..at]))
    }

    /// `[a, b, …]` over any number of lines, with comments and a trailing comma.
    fn array(&mut self, depth: usize) -> Option<Value<'i>> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_lines()?;
            if self.peek()? == b']' {
                break;
            }
            items.push(self.value(depth)?);
            self.skip_lines()?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.at += 1;
        Some(Value::Array(items))
    }

    /// `{ a = 1, b = 2 }` on one line, without a trailing comma.
    fn inline_table(&mut self, depth: usize) -> Option<Value<'i>> {
        self.at += 1;
        let mut entries = Entries::default();
        self.skip_blank();
        if self.peek()? != b'}' {
            loop {
                let (key, value) = self.key_value(depth)?;
                insert(&mut entries, key, value)?;
                self.skip_blank();
                match self.peek()? {
                    b',' => {
                        self.at += 1;
                        self.skip_blank();
                    }
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        self.at += 1;
        Some(Value::Table(entries))
    }

    /// A local date `YYYY-MM-DD`, a decimal integer or a decimal float.
    fn number_or_date(&mut self) -> Option<Value<'i>> {
        let start = self.at;
        let digit = |i: usize| self.bytes.get(start + i).is_some_and(u8::is_ascii_digit);
        let dash = |i: usize| self.bytes.get(start + i) == Some(&b'-');
        if (0..4).all(digit) && dash(4) && digit(5) && digit(6) && dash(7) && digit(8) && digit(9) {
            let end = start + 10;
            // What may follow a value; a space then a digit would be the time of a date-time.
            let after = |i: usize| self.bytes.get(end + i).copied();
            let ends = match after(0) {
                None | Some(b'\n' | b'\r' | b',' | b']' | b'}' | b'#') => true,
                Some(b' ' | b'\t') => !after(1).is_some_and(|b| b.is_ascii_digit()),
                _ => false,
            };
            let date = local_date(self.bytes[start..end].try_into().ok()?).filter(|_| ends)?;
            self.at = end;
            return Some(Value::Datetime(date));
        }
        while self.peek().is_some_and(|b| bare(b) || b == b'.' || b == b'+') {
            self.at += 1;
        }
        let token = &self.text[start..self.at];
        let unsigned = token.strip_prefix(['+', '-']).unwrap_or(token);
        if unsigned.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
            return integer(token, unsigned);
        }
        float(unsigned).then_some(Value::Float(Number { text: Cow::Borrowed(token), radix: 10 }))
    }
}
