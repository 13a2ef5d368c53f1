//! The iCalendar feed of the agenda (SPEC 8: `agenda.ics`, `owners/<id>.ics`), per RFC 5545.
//!
//! [`calendar`] is a pure function: the same events and meta give byte-identical output. There
//! is no clock in here; `DTSTAMP` is the build's `today` at midnight UTC.
//!
//! Every follow-up is an all-day event (`DTSTART;VALUE=DATE`, `DTEND` the next day) marked
//! `TRANSP:TRANSPARENT`, so it reminds without blocking the day. Lines end with CRLF and are
//! folded at 75 octets, never inside a UTF-8 character. Text is escaped (`\\`, `\;`, `\,`,
//! `\n`) and stripped of every other control character, so record text can never start a
//! property or a component of its own.
//!
//! # UIDs
//!
//! A UID must survive rebuilds, so that a subscribed calendar updates an event instead of
//! adding a second one when its date moves. It is built from the item, never from its date:
//!
//! * `contact`, `welcome`, `reorder` and `plan`, of which a customer has at most one each:
//!   `<kind>-<customer>@cardfile`, e.g. `contact-acme@cardfile`.
//! * every other kind (a customer may have several birthdays, complaints, collections,
//!   renewals, holidays, promises, escalations, deliveries):
//!   `<kind>-<customer>-<h>@cardfile`, where `<h>` is the 64-bit FNV-1a
//!   hash, in 16 lower-case hex digits, of the caller's [`IcsEvent::key`] if given, else of the
//!   item's reason text. FNV-1a is fixed by its definition, unlike std's `DefaultHasher`.
//! * should two events still share a UID, the later one in input order gets `-2`, `-3`, …
//!   before the `@` (the first number that is still free).
//!
//! Customer ids are `[a-z0-9-]` (SPEC 1), so a UID needs no escaping. A reason that changes
//! (e.g. when the site's language does) changes the hashed UIDs; pass a `key` to avoid that.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use crate::analysis::agenda::{AgendaItem, Kind};

/// The product identifier written as `PRODID`.
pub const PRODID: &str = "-//cardfile//cardfile//EN";

/// The longest line, in octets, not counting its CRLF (RFC 5545 3.1).
pub const MAX_LINE: usize = 75;

/// One agenda item with what the feed needs beside it.
#[derive(Debug, Clone, Copy)]
pub struct IcsEvent<'a> {
    /// The follow-up.
    pub item: &'a AgendaItem,
    /// The customer's display name, for `SUMMARY`.
    pub customer_name: &'a str,
    /// The kind's label for `SUMMARY` (e.g. translated); `None` uses the kind's name.
    pub label: Option<&'a str>,
    /// The absolute URL of the customer's page, for `URL`.
    pub url: Option<&'a str>,
    /// A stable discriminator for the UID of a kind that a customer may have several of (e.g.
    /// a contract or an order reference); `None` uses the reason text. See the module docs.
    pub key: Option<&'a str>,
}

impl<'a> IcsEvent<'a> {
    /// An event for `item` titled with `customer_name`, without label, URL or key.
    pub fn new(item: &'a AgendaItem, customer_name: &'a str) -> Self {
        IcsEvent { item, customer_name, label: None, url: None, key: None }
    }
}

/// What the calendar as a whole says.
#[derive(Debug, Clone, Copy)]
pub struct CalendarMeta<'a> {
    /// The calendar's name, shown by calendar apps (`NAME` and `X-WR-CALNAME`).
    pub name: &'a str,
    /// The build's today, written as every event's `DTSTAMP`.
    pub today: NaiveDate,
}

/// Renders `events`, in the given order, as one `VCALENDAR` with CRLF line endings.
pub fn calendar(events: &[IcsEvent<'_>], meta: &CalendarMeta<'_>) -> String {
    let mut w = Lines::default();
    w.fixed("BEGIN:VCALENDAR");
    w.fixed("VERSION:2.0");
    w.line.push_str("PRODID:");
    w.line.push_str(PRODID);
    w.end();
    w.fixed("CALSCALE:GREGORIAN");
    w.fixed("METHOD:PUBLISH");
    w.escaped("NAME:", meta.name);
    w.escaped("X-WR-CALNAME:", meta.name);
    let mut stamp = String::from("DTSTAMP:");
    push_date(&mut stamp, meta.today);
    stamp.push_str("T000000Z");
    for (event, uid) in events.iter().zip(uids(events)) {
        let item = event.item;
        let label = event.label.unwrap_or(item.kind.as_str());
        let end = item.date.checked_add_days(Days::new(1)).unwrap_or(item.date);
        w.fixed("BEGIN:VEVENT");
        w.line.push_str("UID:");
        w.line.push_str(&uid);
        w.end();
        w.fixed(&stamp);
        w.dated("DTSTART;VALUE=DATE:", item.date);
        w.dated("DTEND;VALUE=DATE:", end);
        w.line.push_str("SUMMARY:");
        push_text(&mut w.line, label);
        w.line.push_str(": ");
        push_text(&mut w.line, event.customer_name);
        w.end();
        w.escaped("DESCRIPTION:", &item.reason);
        w.escaped("CATEGORIES:", item.kind.as_str());
        if let Some(url) = event.url {
            w.line.push_str("URL:");
            push_uri(&mut w.line, url);
            w.end();
        }
        w.fixed("TRANSP:TRANSPARENT");
        w.fixed("END:VEVENT");
    }
    w.fixed("END:VCALENDAR");
    w.out
}

/// The calendar being written, and the content line being assembled before it is folded in.
#[derive(Default)]
struct Lines {
    out: String,
    line: String,
}

impl Lines {
    /// Folds the assembled line into the calendar and starts the next one.
    fn end(&mut self) {
        fold_into(&mut self.out, &self.line);
        self.line.clear();
    }

    /// Appends a line that needs no escaping.
    fn fixed(&mut self, line: &str) {
        fold_into(&mut self.out, line);
    }

    /// Appends a property (`name` ends with its `:`) whose value is TEXT.
    fn escaped(&mut self, name: &str, value: &str) {
        self.line.push_str(name);
        push_text(&mut self.line, value);
        self.end();
    }

    /// Appends a property whose value is a DATE.
    fn dated(&mut self, name: &str, date: NaiveDate) {
        self.line.push_str(name);
        push_date(&mut self.line, date);
        self.end();
    }
}

/// The UID of every event, in order (see the module docs for the scheme).
pub fn uids(events: &[IcsEvent<'_>]) -> Vec<String> {
    let mut used = BTreeSet::new();
    events
        .iter()
        .map(|event| {
            let stem = uid_stem(event);
            let mut uid = format!("{stem}@cardfile");
            let mut n = 2u64;
            while used.contains(&uid) {
                uid = format!("{stem}-{n}@cardfile");
                n += 1;
            }
            used.insert(uid.clone());
            uid
        })
        .collect()
}

fn uid_stem(event: &IcsEvent<'_>) -> String {
    let item = event.item;
    let (kind, customer) = (item.kind.as_str(), text(&item.customer));
    match item.kind {
        Kind::Contact | Kind::Welcome | Kind::Reorder | Kind::Plan => format!("{kind}-{customer}"),
        _ => {
            let discriminator = event.key.unwrap_or(&item.reason);
            format!("{kind}-{customer}-{:016x}", fnv1a64(discriminator.as_bytes()))
        }
    }
}

/// The 64-bit FNV-1a hash: fixed by definition, so stable across builds and Rust versions.
fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

/// Appends a DATE value, `YYYYMMDD` (RFC 5545 3.3.4).
fn push_date(out: &mut String, date: NaiveDate) {
    use chrono::Datelike;
    match u32::try_from(date.year()) {
        Ok(year @ 1000..=9999) => {
            for n in [year / 100, year % 100, date.month(), date.day()] {
                out.push(char::from(b'0' + (n / 10) as u8));
                out.push(char::from(b'0' + (n % 10) as u8));
            }
        }
        _ => out.push_str(&date.format("%Y%m%d").to_string()),
    }
}

/// Escapes a TEXT value (RFC 5545 3.3.11): `\` `;` `,` are backslashed, each line break
/// (CRLF, CR or LF) becomes `\n`, a tab becomes a space and other control characters are
/// dropped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_text(&mut out, value);
    out
}

/// Appends `value` escaped as [`text`] escapes it.
fn push_text(out: &mut String, value: &str) {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Appends a URI value: control characters dropped, spaces percent-encoded; nothing else
/// changes.
fn push_uri(out: &mut String, value: &str) {
    for c in value.chars().filter(|c| !c.is_control()) {
        if c == ' ' {
            out.push_str("%20");
        } else {
            out.push(c);
        }
    }
}

/// Appends one content line, folded so that no line exceeds [`MAX_LINE`] octets: a
/// continuation line starts with one space, and no cut falls inside a UTF-8 character.
fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = MAX_LINE - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;
