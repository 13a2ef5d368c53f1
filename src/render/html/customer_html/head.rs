//! The top of a customer's page: name and badges, profile and computed values, alerts,
//! satisfaction and the buying grid, the follow-ups.

use super::super::html_writer::Html;
use super::super::templates::dial;
use super::super::views::customer_page::CustomerPage;
use super::parts::{because, copy_button, why};
use crate::i18n::{Text, ui};

/// The name, the badges and the line under them.
pub fn head(h: &mut Html<'_>, root: &str, p: &CustomerPage) {
    let (c, row) = (&p.c, &p.row);
    h.raw("\n<div class=\"customer-head\">\n  <h1>").text(&c.name).raw("</h1>\n  <div class=\"badges\">\n");
    h.raw("    <span class=\"badge class-").text(row.class).raw("\" title=\"").text(because(p, "class"));
    h.raw("\">").text(row.class).raw("</span>\n");
    h.raw("    <span class=\"pill life-").text(row.lifecycle.key).raw("\">").text(row.lifecycle.label);
    h.raw("</span>\n    <span class=\"grade grade-").text(row.grade).raw("\" title=\"").text(because(p, "credit"));
    h.raw("\">").word(ui::CREDIT).raw(" ").text(row.grade).raw("</span>\n    ");
    if p.over_limit {
        h.raw("<span class=\"flag\">").word(ui::OVER_LIMIT).raw("</span>");
    }
    h.raw("\n  </div>\n  <p class=\"meta\">").text(&c.kind).raw(" · ").word(ui::OWNER).raw(" <a href=\"");
    h.text(root).raw("owners/").text(&c.owner).raw(".html\">").text(&c.owner_name).raw("</a>");
    if !c.region.is_empty() {
        h.raw(" · <a href=\"").text(root).raw("regions/").text(&c.region_slug).raw(".html\">");
        h.text(&c.region).raw("</a>");
    }
    for tag in &c.tags {
        h.raw(" <span class=\"tag\">").text(tag).raw("</span>");
    }
    if !p.edit_url.is_empty() {
        h.raw(" · <a href=\"").text(&p.edit_url).raw("\" rel=\"noopener noreferrer\">").word(ui::EDIT_FILE).raw("</a>");
    }
    if let Some(last) = &p.last_changed {
        h.raw(" · <a href=\"#history\" class=\"last-changed\">").text(&last.text).raw("</a>");
    }
    h.raw("</p>\n</div>\n\n");
}

/// The profile and the computed values, side by side.
pub fn profile_and_computed(h: &mut Html<'_>, p: &CustomerPage) {
    let c = &p.c;
    h.raw("<div class=\"grid-2\">\n<section class=\"panel\" id=\"profile\">\n  <h2>").word(ui::PROFILE);
    h.raw("</h2>\n  <dl class=\"kv\">\n    ");
    if !c.phone.is_empty() {
        h.raw("<dt>").word(ui::PHONE).raw("</dt><dd><a class=\"tel\" href=\"tel:").text(&dial(&c.phone)).raw("\">");
        h.text(&c.phone).raw("</a></dd>");
    }
    h.raw("\n    ");
    if !c.email.is_empty() {
        h.raw("<dt>").word(ui::EMAIL).raw("</dt><dd><a href=\"mailto:").text(&c.email).raw("\">").text(&c.email);
        h.raw("</a></dd>");
    }
    h.raw("\n    ");
    if !c.wechat.is_empty() {
        h.raw("<dt>").word(ui::WECHAT).raw("</dt><dd>").text(&c.wechat).raw(" ");
        copy_button(h, &c.wechat);
        h.raw("</dd>");
    }
    h.raw("\n    ");
    for (word, value) in [(ui::ADDRESS, &c.address), (ui::BIRTHDAY, &c.birthday), (ui::SINCE, &c.since)] {
        if !value.is_empty() {
            h.raw("<dt>").word(word).raw("</dt><dd>").text(value).raw("</dd>");
        }
        h.raw("\n    ");
    }
    h.raw("<dt>").word(ui::RELATIONSHIP).raw("</dt><dd>").text(&c.relationship).raw("</dd>\n    <dt>");
    h.word(ui::PROSPECT).raw("</dt><dd>").num(c.prospect).raw(" / 5</dd>\n    ");
    if !c.credit_limit.is_empty() {
        h.raw("<dt>").word(ui::CREDIT_LIMIT).raw("</dt><dd>").text(&c.credit_limit).raw("</dd>");
    }
    h.raw("\n  </dl>\n</section>\n<section class=\"panel\">\n  <h2>").word(ui::COMPUTED);
    h.raw("</h2>\n  <dl class=\"kv computed\">\n  ");
    for v in &p.computed {
        h.raw("\n    <dt>").text(&v.label).raw("</dt>\n    <dd><span class=\"value\" title=\"").text(&v.why);
        h.raw("\">").text(&v.value).raw("</span>");
        if !v.why.is_empty() {
            why(h, &v.why);
        }
        h.raw("</dd>\n  ");
    }
    h.raw("\n  </dl>\n</section>\n</div>\n\n");
}

/// The risk and loss alerts.
pub fn alerts(h: &mut Html<'_>, p: &CustomerPage) {
    if !p.care.risk.is_empty() {
        h.raw("\n<div class=\"alert\"><strong>").word(ui::AT_RISK).raw(":</strong> ");
        for k in &p.care.risk {
            h.raw("<span class=\"risk risk-").text(k.key).raw("\">").text(k.label).raw("</span> ");
        }
        why(h, because(p, "risk"));
        h.raw("</div>\n");
    }
    h.raw("\n");
    if let Some(loss) = &p.care.loss {
        h.raw("\n<div class=\"alert\"><strong>").word(ui::LOST_SHORT).raw(" ").text(&loss.date).raw("</strong> · ");
        h.text(loss.reason.label);
        if !loss.notes_html.is_empty() {
            h.raw("<div class=\"md\">").raw(&loss.notes_html).raw("</div>");
        }
        h.raw("</div>\n");
    }
    h.raw("\n\n");
}

/// A row of the satisfaction panel whose value has a "why".
fn explained_row(h: &mut Html<'_>, p: &CustomerPage, word: Text, key: &str, value: impl FnOnce(&mut Html<'_>)) {
    h.raw("    <dt>").word(word).raw("</dt><dd><span title=\"").text(because(p, key)).raw("\">");
    value(h);
    h.raw("</span>");
    why(h, because(p, key));
    h.raw("</dd>\n");
}

/// Satisfaction, referrals and the buying grid.
pub fn care(h: &mut Html<'_>, root: &str, p: &CustomerPage) {
    let care = &p.care;
    h.raw("<div class=\"grid-2\">\n<section class=\"panel\">\n  <h2>").word(ui::SATISFACTION);
    h.raw("</h2>\n  <dl class=\"kv\">\n");
    explained_row(h, p, ui::SATISFACTION, "satisfaction", |h| {
        if care.satisfaction.is_empty() {
            h.raw("<span class=\"sub\">").word(ui::NOT_SCORED).raw("</span>");
        } else {
            h.text(&care.satisfaction);
        }
    });
    explained_row(h, p, ui::TREND, "trend", |h| {
        h.text(if care.trend.is_empty() { "—" } else { &care.trend });
    });
    explained_row(h, p, ui::LIFETIME_REVENUE, "lifetime_revenue", |h| {
        h.text(&care.lifetime_revenue);
    });
    h.raw("    ");
    if let Some(by) = &care.referred_by {
        h.raw("<dt>").word(ui::REFERRED_BY).raw("</dt><dd><a href=\"").text(root).raw("customers/").text(&by.id);
        h.raw(".html\">").text(&by.name).raw("</a></dd>");
    }
    h.raw("\n    ");
    if !care.referrals.is_empty() {
        h.raw("<dt>").word(ui::REFERRALS).raw("</dt><dd>");
        for (i, r) in care.referrals.iter().enumerate() {
            h.raw("<a href=\"").text(root).raw("customers/").text(&r.id).raw(".html\">").text(&r.name).raw("</a>");
            h.raw_if(i + 1 < care.referrals.len(), ", ");
        }
        h.raw("</dd>");
    }
    h.raw("\n  </dl>\n  ");
    if !care.satisfaction_chart.is_empty() {
        h.raw("<div class=\"sparkline\">").raw(&care.satisfaction_chart).raw("</div>");
    }
    h.raw("\n</section>\n");
    if !care.grid.is_empty() {
        buying_grid(h, p);
    }
    h.raw("\n</div>\n\n");
}

/// The role × stance grid of the people inside a company customer.
fn buying_grid(h: &mut Html<'_>, p: &CustomerPage) {
    let care = &p.care;
    h.raw("\n<section class=\"panel\">\n  <h2>").word(ui::BUYING_GRID).raw(" ");
    if let Some(coverage) = &care.coverage {
        h.raw("<span class=\"cov cov-").text(coverage.key).raw("\" title=\"").text(because(p, "coverage"));
        h.raw("\">").word(ui::COVERAGE).raw(": ").text(coverage.label).raw("</span>");
    }
    h.raw("</h2>\n  <div class=\"table-wrap\"><table class=\"data compact grid\">\n  <thead><tr><th></th>");
    for s in &care.stances {
        h.raw("<th class=\"stance-").text(s.key).raw("\">").text(s.label).raw("</th>");
    }
    h.raw("</tr></thead>\n  <tbody>");
    for row in &care.grid {
        h.raw("<tr><th>").text(row.role.label).raw("</th>");
        for cell in &row.cells {
            h.raw("<td>");
            for (i, name) in cell.iter().enumerate() {
                h.text(name).raw_if(i + 1 < cell.len(), "<br>");
            }
            h.raw("</td>");
        }
        h.raw("</tr>");
    }
    h.raw("</tbody>\n  </table></div>\n</section>\n");
}

/// The customer's follow-ups.
pub fn agenda(h: &mut Html<'_>, p: &CustomerPage) {
    if !p.agenda.is_empty() {
        h.raw("\n<section>\n  <h2>").word(ui::AGENDA).raw("</h2>\n  <ul class=\"agenda\">\n  ");
        for i in &p.agenda {
            h.raw("\n    <li class=\"item kind-").text(i.kind.key).raw(" status-").text(i.status.key);
            h.raw("\"><span class=\"date\">").text(&i.date).raw("</span><span class=\"kind\">").text(i.kind.label);
            h.raw("</span><span class=\"what\">").text(&i.reason).raw("</span><span class=\"who\">");
            h.text(i.status.label).raw("</span></li>\n  ");
        }
        h.raw("\n  </ul>\n</section>\n");
    }
    h.raw("\n\n");
}
