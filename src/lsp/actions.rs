//! Code actions: the "did you mean" fix of a diagnostic that names one spelling, "log a
//! visit today" (an `[[interaction]]` skeleton, as `cardfile log` appends one) and "mark
//! this order paid today" on an order without `paid`. Each is one text edit, found by
//! changing the buffer's text with `crate::edit` and keeping only what changed.

use std::ops::Range;

use chrono::NaiveDate;
use toml_edit::Value;

use super::context::{Cursor, top_table};
use crate::diagnostics::Diagnostic;
use crate::edit;
use crate::i18n::{Language, editor as words};

/// One action: its title, the bytes of the buffer it replaces and with what, and the
/// diagnostic it fixes (if any).
#[derive(Debug, PartialEq, Eq)]
pub struct Action {
    /// What it does, for the menu.
    pub title: String,
    /// The bytes replaced.
    pub span: Range<usize>,
    /// What is written in their place.
    pub text: String,
    /// The diagnostic it fixes.
    pub fixes: Option<Diagnostic>,
}

/// The actions for the bytes `range` of file `rel`, whose buffer is `text`, with the cursor
/// at the range's start; `diagnostics` are the file's own.
pub fn actions(
    rel: &str,
    text: &str,
    range: Range<usize>,
    cursor: &Cursor,
    diagnostics: &[&Diagnostic],
    today: NaiveDate,
    lang: Language,
) -> Vec<Action> {
    let mut out: Vec<Action> = diagnostics
        .iter()
        .filter(|d| d.file == rel)
        .filter_map(|d| {
            let span = d.span.clone()?;
            let replacement = d.replacement.clone()?;
            let overlaps = span.start <= range.end && range.start <= span.end;
            (overlaps && text.get(span.clone()).is_some()).then(|| Action {
                title: words::replace_with(lang, &replacement),
                span,
                text: replacement,
                fixes: Some((*d).clone()),
            })
        })
        .collect();
    if !top_table(rel).is_some_and(|t| std::ptr::eq(t, crate::schema::customer())) {
        return out;
    }
    let Ok(day) = edit::date(today) else { return out };
    let visit = [("date", day.clone()), ("kind", Value::from("visit")), ("summary", Value::from(""))];
    if let Ok(changed) = edit::append(text, "interaction", &visit) {
        out.push(change(words::LOG_VISIT.get(lang), text, &changed));
    }
    let in_order = cursor.table == ["order"];
    if in_order
        && !cursor.keys.iter().any(|k| k == "paid")
        && let Ok(changed) = edit::set(text, "order", cursor.index, "paid", day)
    {
        out.push(change(words::MARK_PAID.get(lang), text, &changed));
    }
    out
}

/// The one edit that turns `before` into `after`: the bytes between their common start and
/// their common end.
fn change(title: &str, before: &str, after: &str) -> Action {
    let mut start = before.bytes().zip(after.bytes()).take_while(|(a, b)| a == b).count();
    while !before.is_char_boundary(start) || !after.is_char_boundary(start) {
        start -= 1;
    }
    let longest = before.len().min(after.len()) - start;
    let mut end = before.bytes().rev().zip(after.bytes().rev()).take(longest).take_while(|(a, b)| a == b).count();
    while !before.is_char_boundary(before.len() - end) || !after.is_char_boundary(after.len() - end) {
        end -= 1;
    }
    Action {
        title: title.to_string(),
        span: start..before.len() - end,
        text: after[start..after.len() - end].to_string(),
        fixes: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::context;
    use crate::records::check_customer_text;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    fn apply(text: &str, action: &Action) -> String {
        format!("{}{}{}", &text[..action.span.start], action.text, &text[action.span.end..])
    }

    fn all(text: &str, at: usize) -> Vec<Action> {
        let found = check_customer_text("customers/acme.toml", text, day());
        let refs: Vec<&Diagnostic> = found.iter().collect();
        actions("customers/acme.toml", text, at..at, &context::at(text, at), &refs, day(), Language::En)
    }

    #[test]
    fn a_misspelt_key_is_replaced_by_the_key_meant() {
        let text = "name = \"华东\"\nowner = \"li\"\nregoin = \"东\"\n";
        let at = text.find("regoin").unwrap() + 2;
        let fix = &all(text, at)[0];
        assert_eq!(fix.title, "Replace with region");
        assert_eq!(apply(text, fix), "name = \"华东\"\nowner = \"li\"\nregion = \"东\"\n");
        assert!(all(text, 0).iter().all(|a| a.fixes.is_none()), "no fix away from the diagnostic");
    }

    #[test]
    fn a_visit_is_logged_at_the_end_and_an_unpaid_order_marked_paid() {
        let text = "name = \"Acme\"\nowner = \"li\"\n\n[[order]]\ndate = 2026-01-01\namount = 10\n\n[[order]]\ndate = 2026-02-01\namount = 5\npaid = 2026-02-02\n";
        let first = text.find("amount = 10").unwrap();
        let acts = all(text, first);
        let titles: Vec<&str> = acts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Log a visit today", "Mark this order paid today"]);
        assert_eq!(
            apply(text, &acts[0]),
            format!("{text}\n[[interaction]]\ndate = 2026-03-01\nkind = \"visit\"\nsummary = \"\"\n")
        );
        assert_eq!(apply(text, &acts[1]), text.replace("amount = 10\n", "amount = 10\npaid = 2026-03-01\n"));
        let paid = all(text, text.find("paid =").unwrap());
        assert_eq!(paid.len(), 1, "the second order is paid");
    }

    #[test]
    fn a_buffer_that_is_not_toml_gets_no_edit() {
        assert!(all("name = \"Acme\n[[order]\n", 3).is_empty());
    }

    #[test]
    fn the_change_is_the_smallest_span() {
        let a = change("t", "ab华c", "ab华xc");
        assert_eq!((a.span, a.text.as_str()), (5..5, "x"));
        let b = change("t", "aaa", "aa");
        assert_eq!((b.span, b.text.as_str()), (2..3, ""));
    }
}
