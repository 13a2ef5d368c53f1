//! A review for people: plain text for the terminal, Markdown for a pull request's summary.

use super::{CustomerReview, Kind, Moved, Review};
use crate::history::Change;

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Added => "added",
        Kind::Removed => "removed",
        Kind::Changed => "changed",
    }
}

fn moved_text(m: &Moved) -> String {
    match (&m.from, &m.to) {
        (Some(from), Some(to)) => format!("{} {from} → {to}", m.key),
        (None, Some(to)) => format!("+ {}: {to}", m.key),
        (Some(from), None) => format!("- {}: {from}", m.key),
        (None, None) => m.key.to_string(),
    }
}

fn headline(review: &Review) -> String {
    let count = |kind| review.customers.iter().filter(|c| c.change == kind).count();
    format!(
        "{} customers added, {} removed, {} changed ({} → {})",
        count(Kind::Added),
        count(Kind::Removed),
        count(Kind::Changed),
        review.from,
        review.to
    )
}

/// The review as plain text (record text is made safe for a terminal by the caller).
pub fn text(review: &Review) -> String {
    let mut out = format!("{}\n", headline(review));
    for note in &review.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    for c in &review.customers {
        out.push_str(&format!("\n{} {} ({})\n", kind_word(c.change), c.id, c.name));
        for line in c.summary.iter().map(Change::text) {
            out.push_str(&format!("  {line}\n"));
        }
        for m in &c.computed {
            out.push_str(&format!("  = {}\n", moved_text(m)));
        }
    }
    out
}

/// Escapes what Markdown would read as markup or HTML, so record text stays text.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn customer_md(c: &CustomerReview, out: &mut String) {
    out.push_str(&format!("| {} | `{}` | {} | ", kind_word(c.change), md(&c.id), md(&c.name)));
    let summary: Vec<String> = c.summary.iter().map(|s| md(&s.text())).collect();
    out.push_str(&summary.join("<br>"));
    out.push_str(" | ");
    let computed: Vec<String> = c.computed.iter().map(|m| md(&moved_text(m))).collect();
    out.push_str(&computed.join("<br>"));
    out.push_str(" |\n");
}

/// The review as Markdown, for a pull request's summary (`$GITHUB_STEP_SUMMARY`).
pub fn markdown(review: &Review) -> String {
    let mut out = format!("### cardfile: what this change does to the customers\n\n{}\n\n", md(&headline(review)));
    for note in &review.notes {
        out.push_str(&format!("> {}\n\n", md(note)));
    }
    if review.customers.is_empty() {
        out.push_str("No customer changed.\n");
        return out;
    }
    out.push_str("| | id | customer | changes | computed |\n|---|---|---|---|---|\n");
    for c in &review.customers {
        customer_md(c, &mut out);
    }
    out
}
