//! Printable customer cards: every customer, and per owner the visits of the coming week.
//! A card holds a bounded amount of text so that it always fits one printed page.

use anyhow::Result;
use rayon::prelude::*;
use tera::{Context, Value};

use super::Site;
use super::card_html::{self, CardFooter};
use super::markdown::plain_excerpt;
use super::paths::id_path;
use super::views::AgendaRow;
use super::views::customer::{Card, ContactView};
use super::views::keeping::{ComplaintView, PromiseView};
use super::views::team::OwnerLink;
use crate::analysis::Facts;
use crate::analysis::receivables::unpaid_orders;
use crate::i18n::ui;
use crate::render::Sink;

/// At most this many of each list go on a card; the rest is counted.
const MAX_CONTACTS: usize = 5;
const MAX_INTERACTIONS: usize = 5;
const MAX_ITEMS: usize = 3;
const MAX_PROMISES: usize = 4;
const NOTES_CHARS: usize = 160;
const LINE_CHARS: usize = 70;

fn card(site: &Site<'_>, f: &Facts) -> Card {
    let c = &site.records.customers[f.index];
    let mut contacts: Vec<ContactView> = site.contacts(c).into_iter().filter(|p| !p.left).collect();
    let more_contacts = contacts.len().saturating_sub(MAX_CONTACTS);
    contacts.truncate(MAX_CONTACTS);
    let mut interactions = site.interactions(c, MAX_INTERACTIONS, true);
    for i in &mut interactions {
        i.excerpt = plain_excerpt(&i.excerpt, LINE_CHARS);
    }
    let mut complaints: Vec<ComplaintView> = site.complaints(f).into_iter().filter(|k| k.open).collect();
    complaints.truncate(MAX_ITEMS);
    for k in &mut complaints {
        k.summary = plain_excerpt(&k.summary, LINE_CHARS);
    }
    let mut promises: Vec<PromiseView> = site.promises(f, true);
    promises.truncate(MAX_PROMISES);
    for p in &mut promises {
        p.excerpt = plain_excerpt(&p.excerpt, LINE_CHARS);
    }
    let mut unpaid = unpaid_orders(site.records, std::iter::once(f), &site.analysis.window);
    unpaid.truncate(MAX_ITEMS);
    let receivables = site.unpaid_rows(&unpaid);
    let agenda: Vec<AgendaRow> = site
        .agenda_of(&c.id)
        .take(MAX_ITEMS)
        .map(|i| AgendaRow { reason: plain_excerpt(&i.reason, LINE_CHARS), ..site.agenda_row(i) })
        .collect();
    let row = site.customer_row(f);
    let coverage = f.care.coverage.map(|k| site.labelled(k));
    Card {
        id: c.id.clone(),
        name: c.name.clone(),
        class: row.class,
        lifecycle: row.lifecycle,
        score: row.score,
        grade: row.grade,
        owner_name: row.owner_name,
        region: row.region,
        phone: if site.redact { String::new() } else { c.best_phone(site.today).unwrap_or_default() },
        address: if site.redact { String::new() } else { c.address.clone().unwrap_or_default() },
        contacts,
        more_contacts,
        interactions,
        complaints,
        promises,
        receivables,
        agenda,
        coverage,
        risk: row.risk,
        last_changed: site.last_changed(&c.id),
        notes: if site.redact {
            String::new()
        } else {
            c.notes.as_deref().map(|n| plain_excerpt(n, NOTES_CHARS)).unwrap_or_default()
        },
    }
}

/// Renders `cards/index.html` and `cards/<owner>.html`. Each card is made once, in parallel
/// (by the built-in writer unless the team replaced `card.html`), and reused on its owner's page: it is held as the template engine's value, which
/// the pages' contexts share instead of copying (all cards of 10,000 customers are 20 MB).
pub fn render(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let owners: Vec<OwnerLink> = site.owner_links();
    let today = crate::format::date(site.today);
    let footer = CardFooter { lang: site.lang(), today: &today, company: super::company_name(site.settings) };
    let cards: Vec<(&str, Value)> = site
        .analysis
        .customers
        .par_iter()
        .map(|f| {
            let id = site.records.customers[f.index].id.as_str();
            let html = site.memoized(&format!("card:{id}"), site.customer_key(f), || {
                if site.writes_cards {
                    return Ok(card_html::write(&footer, &card(site, f)));
                }
                let mut cx = Context::new();
                cx.insert("k", &card(site, f));
                site.fragment("card.html", &cx)
            })?;
            Ok((id, Value::from(&*html)))
        })
        .collect::<Result<_>>()?;
    let page = |path: &str, title: String, list: Vec<Value>, owners: &[OwnerLink]| {
        let mut cx = Context::new();
        cx.insert("title", &title);
        cx.insert("cards", &list);
        cx.insert("owners", owners);
        cx.insert("paper", site.settings.paper.as_str());
        site.page(sink, path, "cards.html", "cards", cx)
    };
    page("cards/index.html", site.word(ui::ALL_CARDS), cards.iter().map(|(_, html)| html.clone()).collect(), &owners)?;
    let week = site.today + chrono::Days::new(7);
    for m in &site.records.members {
        let id = m.id.get_ref();
        let Some(path) = id_path("cards", id, "html") else { continue };
        let mut due: Vec<&str> = site
            .analysis
            .agenda
            .iter()
            .filter(|i| &i.owner == id && i.date <= week)
            .map(|i| i.customer.as_str())
            .collect();
        due.sort_unstable();
        due.dedup();
        let mine: Vec<Value> =
            cards.iter().filter(|(cid, _)| due.binary_search(cid).is_ok()).map(|(_, html)| html.clone()).collect();
        let title = format!("{} · {}", site.word(ui::VISITS_THIS_WEEK), m.name);
        page(&path, title, mine, &[])?;
    }
    Ok(())
}
