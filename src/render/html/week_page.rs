//! `week.html`, the week under review (SPEC 12.4): the analysis' week per member, shaped into
//! named sections of plain, escaped text.

use anyhow::Result;
use tera::Context;

use super::Site;
use super::markdown::plain_excerpt;
use super::views::week::{WeekItem, WeekOwner, WeekSection};
use crate::analysis::week::{OwnerWeek, WeekEntry};
use crate::format::date;
use crate::i18n::{Text, ui};
use crate::records::model::Customer;
use crate::render::Sink;

/// How many characters of a summary or promise the page shows.
const EXCERPT: usize = 90;

/// Renders `week.html`.
pub fn render(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let week = &site.analysis.team.week;
    let owners: Vec<WeekOwner> = week.owners.iter().map(|o| owner(site, o)).collect();
    let from = date(week.from);
    let to = date(week.to);
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::WEEK_TITLE));
    cx.insert("intro", &ui::WEEK_INTRO.fill(site.lang(), &[("from", &from), ("to", &to)]));
    cx.insert("from", &from);
    cx.insert("to", &to);
    cx.insert("sections", &SECTIONS.iter().map(|&(key, text)| site.labelled_key(key, text)).collect::<Vec<_>>());
    cx.insert("owners", &owners);
    site.page(sink, "week.html", "week.html", "week", cx)
}

/// The sections of an owner's week, in page order: their key and heading.
const SECTIONS: [(&str, Text); 7] = [
    ("interactions", ui::INTERACTIONS),
    ("orders", ui::ORDERS),
    ("payments", ui::PAYMENTS),
    ("complaints_opened", ui::COMPLAINTS_OPENED),
    ("complaints_resolved", ui::COMPLAINTS_RESOLVED),
    ("promises_made", ui::PROMISES_MADE),
    ("promises_kept", ui::PROMISES_KEPT),
];

fn owner(site: &Site<'_>, o: &OwnerWeek) -> WeekOwner {
    let lists: [&Vec<WeekEntry>; 7] = [
        &o.interactions,
        &o.orders,
        &o.payments,
        &o.complaints_opened,
        &o.complaints_resolved,
        &o.promises_made,
        &o.promises_kept,
    ];
    let sections: Vec<WeekSection> = SECTIONS
        .iter()
        .zip(lists)
        .map(|(&(key, text), list)| WeekSection {
            key,
            label: site.word(text),
            count: list.len(),
            items: list.iter().map(|e| item(site, key, e)).collect(),
        })
        .collect();
    let member = site.records.member(&o.owner);
    WeekOwner {
        id: o.owner.clone(),
        name: site.member_name(&o.owner),
        left: member.and_then(|m| m.left).is_some_and(|d| d <= site.today),
        total: sections.iter().map(|s| s.count).sum(),
        sections,
    }
}

/// An order's ref and product, joined (either may be missing).
fn order_text(c: &Customer, index: usize) -> String {
    let o = &c.orders[index];
    let reference = o.reference.as_deref();
    [reference, o.product.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

fn item(site: &Site<'_>, key: &str, e: &WeekEntry) -> WeekItem {
    let c = &site.records.customers[e.customer];
    let (tag, text, amount) = match key {
        "interactions" => {
            let i = &c.interactions[e.index];
            (Some(site.labelled(i.kind)), plain_excerpt(&i.summary, EXCERPT), String::new())
        }
        "orders" | "payments" => (None, order_text(c, e.index), site.money(c.orders[e.index].amount)),
        "complaints_opened" | "complaints_resolved" => {
            let k = &c.complaints[e.index];
            (Some(site.labelled(k.severity)), k.summary.clone(), String::new())
        }
        _ => {
            let p = &c.promises[e.index];
            let status = site
                .analysis
                .facts_of(e.customer)
                .and_then(|f| f.keeping.promises.iter().find(|x| x.index == e.index))
                .map(|x| site.labelled(x.status));
            (status, plain_excerpt(&p.what, EXCERPT), String::new())
        }
    };
    WeekItem { date: date(e.date), customer: c.id.clone(), name: c.name.clone(), tag, text, amount }
}
