//! The built-in `card.html` written without the template engine: the same markup, from the
//! same [`Card`], byte for byte (a test renders every fixture both ways). A team that replaces
//! `card.html` gets its template rendered instead. A change to that template is a change here.

use super::html_writer::Html;
use super::views::customer::Card;
use crate::i18n::{Language, ui};

/// What every card shows besides its customer: the day it is printed and the company.
pub struct CardFooter<'s> {
    /// The site's language.
    pub lang: Language,
    /// The reference date, formatted (`{{ today }}`).
    pub today: &'s str,
    /// The company's name (`{{ company }}`).
    pub company: &'s str,
}

/// The card of one customer.
pub fn write(footer: &CardFooter<'_>, k: &Card) -> String {
    let mut out = Vec::with_capacity(4096);
    let h = &mut Html::new(&mut out, footer.lang);
    head(h, k);
    h.raw("  ");
    if !k.agenda.is_empty() {
        h.raw("<section><h3>").word(ui::AGENDA).raw("</h3><ul class=\"tight\">");
        for i in &k.agenda {
            h.raw("<li><b>").text(&i.date).raw("</b> ").text(i.kind.label).raw(" — ").text(&i.reason).raw("</li>");
        }
        h.raw("</ul></section>");
    }
    h.raw("\n  <section><h3>").word(ui::CONTACTS).raw("</h3>\n  <table class=\"tight\"><tbody>\n  ");
    for p in &k.contacts {
        h.raw("<tr><td>").text(&p.name).raw("</td><td>").text(&p.title).raw("</td><td>").text(p.role.label);
        h.raw(" · ").text(p.stance.label).raw("</td><td>").text(&p.reach).raw("</td></tr>");
    }
    if k.contacts.is_empty() {
        h.raw("<tr><td>").word(ui::NONE).raw("</td></tr>");
    }
    h.raw("\n  </tbody></table>");
    if k.more_contacts > 0 {
        h.raw("<p class=\"more\">+").num(k.more_contacts).raw(" ").word(ui::MORE).raw("</p>");
    }
    h.raw("</section>\n  <section><h3>").word(ui::INTERACTIONS).raw("</h3>\n  <ul class=\"tight\">");
    for i in &k.interactions {
        h.raw("<li><b>").text(&i.date).raw("</b> ").text(i.kind.label).raw(": ").text(&i.excerpt).raw("</li>");
    }
    if k.interactions.is_empty() {
        h.raw("<li>").word(ui::NONE).raw("</li>");
    }
    h.raw("</ul></section>\n");
    lists(h, k);
    h.raw("  <footer class=\"card-foot\">").word(ui::PRINTED).raw(" ").text(footer.today).raw(" · ");
    h.text(footer.company);
    if let Some(last) = &k.last_changed {
        h.raw(" · ").text(&last.text);
    }
    h.raw("</footer>\n</article>\n");
    // Only text and the markup above went in.
    String::from_utf8(out).unwrap_or_default()
}

/// The card's head: name, badges, owner, region, phone and address.
fn head(h: &mut Html<'_>, k: &Card) {
    h.raw("<article class=\"card\">\n  <header class=\"card-head\">\n    <h2>").text(&k.name).raw("</h2>\n");
    h.raw("    <div class=\"badges\"><span class=\"badge class-").text(k.class).raw("\">").text(k.class);
    h.raw("</span> <span class=\"pill life-").text(k.lifecycle.key).raw("\">").text(k.lifecycle.label);
    h.raw("</span> <span>").word(ui::SCORE).raw(" ").text(&k.score).raw("</span> <span class=\"grade grade-");
    h.text(k.grade).raw("\">").word(ui::CREDIT).raw(" ").text(k.grade).raw("</span>");
    if let Some(coverage) = &k.coverage {
        h.raw(" <span class=\"cov cov-").text(coverage.key).raw("\">").word(ui::COVERAGE).raw(": ");
        h.text(coverage.label).raw("</span>");
    }
    for r in &k.risk {
        h.raw(" <span class=\"risk\">").text(r.label).raw("</span>");
    }
    h.raw("</div>\n    <p class=\"meta\">").text(&k.owner_name);
    for (shown, before) in [(&k.region, " · "), (&k.phone, " · ☎ "), (&k.address, " · ")] {
        if !shown.is_empty() {
            h.raw(before).text(shown);
        }
    }
    h.raw("</p>\n  </header>\n");
}

/// The open complaints, promises, unpaid orders and notes, each when there are any.
fn lists(h: &mut Html<'_>, k: &Card) {
    h.raw("  ");
    if !k.complaints.is_empty() {
        h.raw("<section><h3>").word(ui::OPEN_COMPLAINTS).raw("</h3><ul class=\"tight\">");
        for c in &k.complaints {
            h.raw("<li><b>").text(&c.opened).raw("</b> ").text(c.severity.label).raw(": ").text(&c.summary);
            h.raw("</li>");
        }
        h.raw("</ul></section>");
    }
    h.raw("\n  ");
    if !k.promises.is_empty() {
        h.raw("<section><h3>").word(ui::PROMISES).raw("</h3><ul class=\"tight\">");
        for p in &k.promises {
            h.raw("<li><b>").text(&p.due).raw("</b> <span class=\"ps ps-").text(p.status.key).raw("\">");
            h.text(p.status.label).raw("</span> ").text(&p.excerpt).raw(" <span class=\"sub\">(").text(&p.by);
            h.raw(")</span></li>");
        }
        h.raw("</ul></section>");
    }
    h.raw("\n  ");
    if !k.receivables.is_empty() {
        h.raw("<section><h3>").word(ui::UNPAID_ORDERS).raw("</h3><ul class=\"tight\">");
        for o in &k.receivables {
            h.raw("<li>").text(&o.reference).raw(" ").text(&o.amount).raw(", ").word(ui::DUE).raw(" ").text(&o.due);
            if o.days_overdue > 0 {
                h.raw(" <b>+").num(o.days_overdue).raw("</b>");
            }
            h.raw("</li>");
        }
        h.raw("</ul></section>");
    }
    h.raw("\n  ");
    if !k.notes.is_empty() {
        h.raw("<section><h3>").word(ui::NOTES).raw("</h3><p class=\"notes\">").text(&k.notes).raw("</p></section>");
    }
    h.raw("\n");
}
