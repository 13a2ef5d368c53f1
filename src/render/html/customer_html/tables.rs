//! The lists of a customer's page as the built-in `customer.html` shows them, from the
//! promises to the history, in the template's order.

use super::super::html_writer::Html;
use super::super::templates::dial;
use super::super::views::customer_page::CustomerPage;
use super::parts::{because, copy_button, pill, why};
use crate::i18n::{Text, ui};

/// `<thead>` of column names; a column of numbers is `(word, true)`.
fn thead(h: &mut Html<'_>, columns: &[(Text, bool)]) {
    h.raw("<thead><tr>");
    for (word, number) in columns {
        h.raw(if *number { "<th class=\"num\">" } else { "<th>" }).word(*word).raw("</th>");
    }
    h.raw("</tr></thead>");
}

/// A section's heading with a count: `<h2>Orders <span class="count">3</span>`.
fn counted(h: &mut Html<'_>, word: Text, count: usize) {
    h.raw("  <h2>").word(word).raw(" <span class=\"count\">").num(count).raw("</span>");
}

/// The "why" of a list below its table, when there is one.
fn why_below(h: &mut Html<'_>, p: &CustomerPage, key: &str) {
    h.raw("\n  ");
    if !because(p, key).is_empty() {
        why(h, because(p, key));
    }
    h.raw("\n</section>\n");
}

/// `{% else %}` of a table's rows: the row that says there are none.
fn no_rows(h: &mut Html<'_>, columns: u8) {
    h.raw("\n    <tr><td colspan=\"").num(columns).raw("\" class=\"empty\">").word(ui::NONE).raw("</td></tr>\n  ");
}

/// The promises made to the customer (shown when there are any).
pub fn promises(h: &mut Html<'_>, p: &CustomerPage) {
    if !p.promises.is_empty() {
        h.raw("\n<section id=\"promises\">\n");
        counted(h, ui::PROMISES, p.promises.len());
        h.raw("</h2>\n  <div class=\"table-wrap\">\n  <table class=\"data promises\">\n  ");
        let f = false;
        thead(h, &[(ui::STATUS, f), (ui::DUE, f), (ui::PROMISE_WHAT, f), (ui::BY, f), (ui::MADE, f), (ui::KEPT, f)]);
        h.raw("\n  <tbody>\n  ");
        for r in &p.promises {
            h.raw("\n    <tr class=\"promise-").text(r.status.key).raw("\"><td>");
            pill(h, "ps ps", &r.status);
            h.raw("</td><td class=\"nowrap\">").text(&r.due).raw("</td><td class=\"md\">").raw(&r.what_html);
            h.raw("</td><td>").text(&r.by).raw("</td><td class=\"nowrap\">").text(&r.made);
            h.raw("</td><td class=\"nowrap\">").text(&r.kept).raw("</td></tr>\n  ");
        }
        h.raw("\n  </tbody>\n  </table>\n  </div>");
        why_below(h, p, "promises");
    }
    h.raw("\n\n");
}

/// The people inside the customer.
pub fn contacts(h: &mut Html<'_>, p: &CustomerPage) {
    h.raw("<section id=\"contacts\">\n  <h2>").word(ui::CONTACTS).raw("</h2>\n  <div class=\"table-wrap\">\n");
    h.raw("  <table class=\"data\">\n  <thead><tr><th>").word(ui::NAME).raw("</th><th>").word(ui::TITLE);
    h.raw("</th><th>").word(ui::ROLE).raw("</th><th>").word(ui::STANCE).raw("</th><th>").word(ui::PHONE).raw(" / ");
    h.word(ui::EMAIL).raw(" / ").word(ui::WECHAT).raw("</th><th>").word(ui::BIRTHDAY).raw("</th></tr></thead>\n");
    h.raw("  <tbody>\n  ");
    for c in &p.contacts {
        h.raw("\n    <tr id=\"").text(&c.anchor).raw("\"").raw_if(c.left, " class=\"left\"").raw("><td>").text(&c.name);
        if c.left {
            h.raw(" <span class=\"flag\">").word(ui::LEFT).raw("</span>");
        }
        h.raw("</td><td>").text(&c.title).raw("</td><td>");
        pill(h, "role role", &c.role);
        h.raw("</td><td>");
        pill(h, "stance stance", &c.stance);
        h.raw("</td><td class=\"reach\">");
        if !c.phone.is_empty() {
            h.raw("<a class=\"tel\" href=\"tel:").text(&dial(&c.phone)).raw("\">").text(&c.phone).raw("</a> ");
        }
        if !c.email.is_empty() {
            h.raw("<a href=\"mailto:").text(&c.email).raw("\">").text(&c.email).raw("</a> ");
        }
        if !c.wechat.is_empty() {
            h.raw("<span class=\"wechat\">").text(&c.wechat).raw(" ");
            copy_button(h, &c.wechat);
            h.raw("</span>");
        }
        h.raw("</td><td>").text(&c.birthday).raw("</td></tr>\n  ");
    }
    if p.contacts.is_empty() {
        no_rows(h, 6);
    }
    h.raw("\n  </tbody>\n  </table>\n  </div>\n</section>\n\n");
}

/// The timeline of visits, calls and messages.
pub fn interactions(h: &mut Html<'_>, p: &CustomerPage) {
    h.raw("<section id=\"interactions\">\n");
    counted(h, ui::INTERACTIONS, p.interactions.len());
    h.raw("</h2>\n  <ol class=\"timeline\">\n  ");
    for i in &p.interactions {
        h.raw("\n    <li id=\"").text(&i.anchor).raw("\"><div class=\"when\"><span class=\"date\">").text(&i.date);
        h.raw("</span> <span class=\"kind\">").text(i.kind.label).raw("</span> <span class=\"sub\">").text(&i.by);
        h.raw("</span>");
        if i.satisfaction > 0 {
            h.raw(" <span class=\"sat sat-").num(i.satisfaction).raw("\" title=\"").word(ui::SATISFACTION).raw("\">");
            h.word(ui::SATISFACTION).raw(" ").num(i.satisfaction).raw("/5</span>");
        }
        if !i.next.is_empty() {
            h.raw(" <span class=\"sub\">").word(ui::NEXT).raw(": ").text(&i.next).raw("</span>");
        }
        h.raw("</div>\n    <div class=\"md\">").raw(&i.summary_html).raw("</div></li>\n  ");
    }
    if p.interactions.is_empty() {
        h.raw("\n    <li class=\"empty\">").word(ui::NONE).raw("</li>\n  ");
    }
    h.raw("\n  </ol>\n</section>\n\n");
}

/// The orders, their sparkline and the unpaid and overdue amounts.
pub fn orders(h: &mut Html<'_>, p: &CustomerPage) {
    h.raw("<section id=\"orders\">\n");
    counted(h, ui::ORDERS, p.orders.len());
    h.raw(" <span class=\"sub\">").word(ui::TOTAL).raw(" ").text(&p.orders_total).raw("</span></h2>\n  ");
    if !p.sparkline.is_empty() {
        h.raw("<div class=\"sparkline\">").raw(&p.sparkline).raw("</div>");
    }
    h.raw("\n  <div class=\"table-wrap\">\n  <table class=\"data\">\n  ");
    let f = false;
    let columns = [(ui::DATE, f), (ui::REF, f), (ui::PRODUCT, f), (ui::AMOUNT, true), (ui::COST, true)];
    thead(h, &[&columns[..], &[(ui::DUE, f), (ui::PAID, f)]].concat());
    h.raw("\n  <tbody>\n  ");
    for o in &p.orders {
        h.raw("\n    <tr id=\"").text(&o.anchor).raw("\"").raw_if(o.unpaid, " class=\"unpaid\"").raw("><td>");
        h.text(&o.date).raw("</td><td>").text(&o.reference).raw("</td><td>").text(&o.product);
        h.raw("</td><td class=\"num\">").text(&o.amount).raw("</td><td class=\"num\">").text(&o.cost);
        h.raw("</td><td>").text(&o.due);
        if o.days_overdue > 0 {
            h.raw(" <span class=\"late\">+").num(o.days_overdue).raw("</span>");
        }
        h.raw("</td><td>").text(&o.paid).raw("</td></tr>\n  ");
    }
    if p.orders.is_empty() {
        no_rows(h, 7);
    }
    h.raw("\n  </tbody>\n  </table>\n  </div>\n  <p class=\"meta\">").word(ui::EXPOSURE).raw(" ").text(&p.exposure);
    h.raw(" · ").word(ui::OVERDUE).raw(" ").text(&p.overdue).raw("</p>\n</section>\n\n");
}

/// The deliveries against their promised dates (shown when there are any).
pub fn deliveries(h: &mut Html<'_>, p: &CustomerPage) {
    if !p.deliveries.is_empty() {
        h.raw("\n<section id=\"deliveries\">\n");
        counted(h, ui::DELIVERIES, p.deliveries.len());
        h.raw("</h2>\n  <div class=\"table-wrap\">\n  <table class=\"data compact\">\n  ");
        let f = false;
        thead(h, &[(ui::DATE, f), (ui::REF, f), (ui::PROMISED, f), (ui::DELIVERED, f), (ui::LATE_DAYS, true)]);
        h.raw("\n  <tbody>\n  ");
        for d in &p.deliveries {
            h.raw("\n    <tr").raw_if(d.overdue, " class=\"unpaid\"").raw("><td>").text(&d.date).raw("</td><td>");
            h.text(&d.reference).raw("</td><td>").text(&d.promised).raw("</td><td>");
            if d.delivered.is_empty() {
                h.raw("<span class=\"flag\">").word(ui::NOT_DELIVERED).raw("</span>");
            } else {
                h.text(&d.delivered);
            }
            h.raw("</td><td class=\"num\">");
            if d.late_days > 0 {
                h.raw("<span class=\"late\">+").num(d.late_days).raw("</span>");
            } else {
                h.raw("0");
            }
            h.raw("</td></tr>\n  ");
        }
        h.raw("\n  </tbody>\n  </table>\n  </div>");
        why_below(h, p, "deliveries");
    }
    h.raw("\n\n");
}

/// The complaints with their response and resolution targets (shown when there are any).
pub fn complaints(h: &mut Html<'_>, p: &CustomerPage) {
    if !p.complaints.is_empty() {
        h.raw("\n<section id=\"complaints\">\n  <h2>")
            .word(ui::COMPLAINTS)
            .raw("</h2>\n  <div class=\"table-wrap\">\n");
        h.raw("  <table class=\"data\">\n  ");
        let f = false;
        let columns = [(ui::OPENED, f), (ui::SEVERITY, f), (ui::CATEGORY, f), (ui::SUMMARY, f), (ui::RESPOND_BY, f)];
        thead(
            h,
            &[&columns[..], &[(ui::RESOLVE_BY, f), (ui::RESOLVED, f), (ui::RESOLUTION, f), (ui::DAYS, true)]].concat(),
        );
        h.raw("\n  <tbody>\n  ");
        for k in &p.complaints {
            h.raw("\n    <tr id=\"").text(&k.anchor).raw("\"").raw_if(k.open, " class=\"open\"").raw("><td>");
            h.text(&k.opened).raw("</td><td>");
            pill(h, "sev sev", &k.severity);
            h.raw("</td><td>").text(k.category.label).raw("</td><td>").text(&k.summary);
            h.raw("</td><td class=\"nowrap\">").text(&k.respond_by);
            if let Some(timing) = &k.responded_on_time {
                h.raw(" ");
                pill(h, "timing timing", timing);
            }
            h.raw("</td><td class=\"nowrap\">").text(&k.resolve_by);
            if let Some(timing) = &k.on_time {
                h.raw(" ");
                pill(h, "timing timing", timing);
            }
            h.raw("</td><td>");
            if k.open {
                h.raw("<span class=\"flag\">").word(ui::OPEN).raw("</span>");
            } else {
                h.text(&k.resolved);
            }
            h.raw("</td><td>").text(&k.resolution).raw("</td><td class=\"num\">").num(k.days).raw("</td></tr>\n  ");
        }
        h.raw("\n  </tbody>\n  </table>\n  </div>\n</section>\n");
    }
    h.raw("\n\n");
}

/// The contracts (shown when there are any).
pub fn contracts(h: &mut Html<'_>, p: &CustomerPage) {
    if !p.contracts.is_empty() {
        h.raw("\n<section>\n  <h2>").word(ui::CONTRACTS).raw("</h2>\n  <table class=\"data compact\">\n  ");
        thead(h, &[(ui::KIND, false), (ui::START, false), (ui::END, false)]);
        h.raw("\n  <tbody>");
        for k in &p.contracts {
            h.raw("<tr").raw_if(k.ended, " class=\"ended\"").raw("><td>").text(&k.kind).raw("</td><td>").text(&k.start);
            h.raw("</td><td>").text(&k.end).raw("</td></tr>");
        }
        h.raw("</tbody>\n  </table>\n</section>\n");
    }
    h.raw("\n\n");
}

/// The opportunities, open first (shown when there are any).
pub fn opportunities(h: &mut Html<'_>, p: &CustomerPage) {
    if !p.care.opportunities.is_empty() {
        h.raw("\n<section>\n  <h2>").word(ui::PIPELINE).raw("</h2>\n  <div class=\"table-wrap\">\n");
        h.raw("  <table class=\"data compact\">\n  ");
        let f = false;
        let columns = [(ui::OPPORTUNITY_TITLE, f), (ui::STAGE, f), (ui::AMOUNT, true), (ui::OPENED, f)];
        thead(h, &[&columns[..], &[(ui::EXPECTED, f), (ui::CLOSED, f), (ui::REASON, f)]].concat());
        h.raw("\n  <tbody>");
        for o in &p.care.opportunities {
            h.raw("<tr><td>").text(&o.title);
            if !o.objections.is_empty() {
                h.raw("<div class=\"sub\">").word(ui::OBJECTION).raw(": ").text(&o.objections).raw("</div>");
            }
            h.raw("</td><td>");
            pill(h, "stage stage", &o.stage);
            h.raw("</td><td class=\"num\">").text(&o.amount).raw("</td><td>").text(&o.opened).raw("</td><td>");
            h.text(&o.expected).raw("</td><td>").text(&o.closed).raw("</td><td>");
            if let Some(reason) = &o.reason {
                h.text(reason.label);
            }
            if !o.competitor.is_empty() {
                h.raw(" <span class=\"sub\">").text(&o.competitor).raw("</span>");
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody>\n  </table>\n  </div>\n</section>\n");
    }
    h.raw("\n\n");
}

/// The owner's history (shown when the customer was handed over).
pub fn handovers(h: &mut Html<'_>, p: &CustomerPage) {
    if !p.care.handovers.is_empty() {
        h.raw("\n<section>\n  <h2>").word(ui::OWNER_HISTORY).raw("</h2>\n  <table class=\"data compact\">\n  ");
        thead(h, &[(ui::DATE, false), (ui::HANDOVER_FROM, false), (ui::HANDOVER_TO, false)]);
        h.raw("\n  <tbody>");
        for r in &p.care.handovers {
            h.raw("<tr><td>").text(&r.date).raw("</td><td>").text(&r.from).raw("</td><td>").text(&r.to);
            h.raw("</td></tr>");
        }
        h.raw("</tbody>\n  </table>\n</section>\n");
    }
    h.raw("\n\n");
}

/// The notes, and the file's git history when the site shows it.
pub fn notes_and_history(h: &mut Html<'_>, p: &CustomerPage, has_history: bool) {
    if !p.notes_html.is_empty() {
        h.raw("\n<section class=\"panel\" id=\"notes\">\n  <h2>").word(ui::NOTES).raw("</h2>\n  <div class=\"md\">");
        h.raw(&p.notes_html).raw("</div>\n</section>\n");
    }
    h.raw("\n");
    if has_history {
        h.raw("\n<section id=\"history\">\n");
        counted(h, ui::HISTORY, p.history.len());
        h.raw("</h2>\n  <ol class=\"timeline history\">\n  ");
        for r in &p.history {
            h.raw("\n    <li><div class=\"when\"><span class=\"date\">")
                .text(&r.date)
                .raw("</span> <b>")
                .text(&r.author);
            h.raw("</b> <span class=\"sub\"><code>").text(&r.commit).raw("</code> ").text(&r.subject);
            h.raw("</span></div>\n    <ul class=\"changed\">");
            for line in &r.changes {
                h.raw("<li>").text(line).raw("</li>");
            }
            h.raw("</ul></li>\n  ");
        }
        if p.history.is_empty() {
            h.raw("\n    <li class=\"empty\">").word(ui::NONE).raw("</li>\n  ");
        }
        h.raw("\n  </ol>\n</section>\n");
    }
    h.raw("\n");
}
