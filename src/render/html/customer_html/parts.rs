//! What several parts of a customer's page write alike.

use super::super::html_writer::Html;
use super::super::views::Labelled;
use super::super::views::customer_page::CustomerPage;
use crate::i18n::ui;

/// `{{ t.why }}` folded out: `<details class="why">…</details>`.
pub fn why(h: &mut Html<'_>, text: &str) {
    h.raw("<details class=\"why\"><summary>").word(ui::WHY).raw("</summary>").text(text).raw("</details>");
}

/// One of the page's "why" texts (empty when the analysis gave none).
pub fn because<'p>(p: &'p CustomerPage, key: &str) -> &'p str {
    p.care.why.get(key).map_or("", String::as_str)
}

/// A labelled value as a class suffix and its label: `<span class="{class}-{key}">{label}</span>`.
pub fn pill(h: &mut Html<'_>, class: &str, l: &Labelled) {
    h.raw("<span class=\"").raw(class).raw("-").text(l.key).raw("\">").text(l.label).raw("</span>");
}

/// The WeChat copy button (shown by the page's script).
pub fn copy_button(h: &mut Html<'_>, wechat: &str) {
    h.raw("<button type=\"button\" class=\"copy\" data-copy=\"").text(wechat).raw("\" data-copied=\"");
    h.word(ui::COPIED).raw("\" hidden>").word(ui::COPY).raw("</button>");
}
