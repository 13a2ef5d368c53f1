//! Per-file rules that look at several entries of a customer at once.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;

use super::choices::{ContactRole, Stance};
use super::model::{Contact, Handover, ShortText};
use super::reader::{Ctx, Table};
use crate::diagnostics::Code;

/// Warns that an entry is dated after today and will be left out of every computation.
pub fn warn_if_future(cx: &mut Ctx<'_>, date: Option<&Spanned<NaiveDate>>, what: &str, today: NaiveDate) {
    if let Some(date) = date.filter(|d| *d.get_ref() > today) {
        cx.report(
            Code::FutureEntry,
            date.span(),
            format!("this {what} is dated {}, after today ({today})", date.get_ref()),
        )
        .help = Some("it is left out of every computation until that day; check the year".to_string());
    }
}

/// Reads the `[[contact]]` entries.
pub fn contacts(cx: &mut Ctx<'_>, top: &Table<'_, '_>) -> Vec<Contact> {
    let mut out = Vec::new();
    for t in top.tables(cx, "contact", "[[contact]]") {
        let name = t.required_string(cx, "name");
        let contact = Contact {
            name: name.map(Spanned::into_inner).unwrap_or_default(),
            title: t.text(cx, "title"),
            role: t.choice(cx, "role").unwrap_or(ContactRole::Other),
            stance: t.choice(cx, "stance").unwrap_or(Stance::Unknown),
            phone: t.text(cx, "phone"),
            email: t.text(cx, "email"),
            wechat: t.text(cx, "wechat"),
            birthday: t.birthday(cx, "birthday"),
            left: t.date(cx, "left").map(Spanned::into_inner),
        };
        t.finish(cx);
        if !contact.name.is_empty() {
            out.push(contact);
        }
    }
    out
}

/// The order refs met so far in one file, each with where it was first used.
#[derive(Default)]
pub struct RefsSeen {
    first_use: HashMap<ShortText, Range<usize>>,
}

impl RefsSeen {
    /// Reports `reference` if an earlier order of the file used it; else remembers it. One map
    /// of first uses, so that a file of a hundred thousand orders is checked in linear time.
    pub fn check(&mut self, cx: &mut Ctx<'_>, reference: &Spanned<String>) {
        let text = reference.get_ref().as_str();
        if let Some(first) = self.first_use.get(text) {
            cx.report(Code::DuplicateRef, reference.span(), format!("order ref \"{text}\" is used twice"))
                .with_label_here(first.clone(), "first used here")
                .help = Some("each order's `ref` must be unique within the customer".to_string());
        } else {
            self.first_use.insert(ShortText::from(text), reference.span());
        }
    }
}

/// Checks that the latest handover up to today goes to the customer's owner.
pub fn handover_rules(
    cx: &mut Ctx<'_>,
    handovers: Vec<Handover>,
    owner: &Spanned<String>,
    today: NaiveDate,
) -> Vec<Handover> {
    let latest = handovers.iter().filter(|h| h.date <= today).fold(None, |best: Option<&Handover>, h| match best {
        Some(b) if b.date > h.date => Some(b),
        _ => Some(h),
    });
    if let Some(latest) = latest
        && !owner.get_ref().is_empty()
        && latest.to.get_ref() != owner.get_ref()
    {
        cx.report(
            Code::OwnerMismatch,
            latest.to.span(),
            format!("the latest handover goes to `{}`, but the owner is `{}`", latest.to.get_ref(), owner.get_ref()),
        )
        .with_label_here(owner.span(), "owner set here")
        .help = Some("set `owner` to the member the customer was handed to, or fix the handover".to_string());
    }
    handovers
}
