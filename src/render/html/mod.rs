//! The HTML site: templates, views and the pages of SPEC 8.

mod card_html;
mod cards;
mod care_pages;
mod charts_html;
mod customer_html;
mod customer_page;
mod dashboard;
mod history_pages;
mod html_writer;
pub mod markdown;
mod memo;
mod page_output;
mod pages;
pub mod paths;
pub mod templates;
mod views;
mod week_page;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Tera;

pub use self::memo::PageMemo;
use self::memo::{Key, Keyer};
pub use self::views::newest_first;
use super::{Sink, Stop};
use crate::analysis::{Analysis, Facts};
use crate::history::History;
use crate::i18n::Language;
use crate::records::model::{Customer, Records};
use crate::records::settings::Settings;

thread_local! {
    /// The buffer [`Site::page`] renders into, one per rendering thread.
    static PAGE_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The largest page buffer kept for the next page; customer pages are about 20 KB.
const MAX_KEPT_BUFFER: usize = 1 << 20;

/// Everything the pages are rendered from.
pub struct Site<'a> {
    /// The records.
    pub records: &'a Records,
    /// Their analysis.
    pub analysis: &'a Analysis,
    /// The settings.
    pub settings: &'a Settings,
    /// The reference date.
    pub today: NaiveDate,
    /// Leave contact details, birthdays and notes out.
    pub redact: bool,
    /// Absolute URL of the site, for the calendar feed's links.
    pub base_url: Option<String>,
    /// The git history of the records, when it was read (SPEC 11.1).
    pub history: Option<&'a History>,
    tera: Tera,
    /// `base.html` around a customer's page, when the built-in `customer.html` is written
    /// without the template engine ([`customer_page::built_in_frame`]).
    customer_frame: Option<html_writer::Frame>,
    /// Whether the built-in `card.html` is written without the template engine (the team did
    /// not replace it).
    writes_cards: bool,
    assets: Vec<(String, String)>,
    by_id: HashMap<&'a str, usize>,
    agenda_by_customer: HashMap<&'a str, Vec<usize>>,
    /// What every customer's page and card read besides the customer's own data, hashed,
    /// for `memo`.
    shared: Key,
    memo: Option<&'a PageMemo>,
    /// Each customer's [`Site::customer_key`], by index, computed once for page and card.
    keys: Vec<Option<Key>>,
    /// Asked before each page is rendered and every 64 KB of a page written: a rendering no
    /// longer wanted fails there.
    stop: Option<Stop<'a>>,
}

/// What a site build needs besides the records.
pub struct SiteOptions {
    /// Leave contact details, birthdays and notes out (`--redact` or `redact = true`, resolved
    /// once by the driver).
    pub redact: bool,
    /// Absolute URL of the site.
    pub base_url: Option<String>,
    /// The team's template overrides, by file name.
    pub overrides: BTreeMap<String, String>,
}

impl<'a> Site<'a> {
    /// Prepares a site: compiles the templates and indexes the customers.
    pub fn new(
        records: &'a Records,
        analysis: &'a Analysis,
        settings: &'a Settings,
        history: Option<&'a History>,
        options: SiteOptions,
    ) -> Result<Self> {
        let mut tera = templates::compile(&options.overrides)?;
        let lang = settings.language;
        let globals = tera.global_context();
        globals.insert("t", &crate::i18n::strings(lang));
        globals.insert("lang", lang.as_str());
        globals.insert("company", company_name(settings));
        globals.insert("today", &crate::format::date(analysis.window.today));
        globals.insert("has_history", &history.is_some());
        // The global words are a function of the settings, today and whether there is a
        // history (their Debug text is not: Tera's maps have no order).
        let shared = Key::of(&[
            &options.overrides,
            &history.is_some(),
            settings,
            &records.members,
            &options.redact,
            &options.base_url,
            &analysis.window,
            &analysis.scale,
        ]);
        let customer_frame = customer_page::built_in_frame(&tera, &options.overrides, lang, history.is_some());
        let assets = templates::ASSETS
            .iter()
            .map(|(name, _)| {
                let text = templates::resolve(name, &options.overrides, templates::ASSETS).unwrap_or_default();
                (name.to_string(), text.to_string())
            })
            .collect();
        let by_id = records.customers.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let mut agenda_by_customer: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, item) in analysis.agenda.iter().enumerate() {
            agenda_by_customer.entry(item.customer.as_str()).or_default().push(i);
        }
        Ok(Site {
            records,
            analysis,
            settings,
            today: analysis.window.today,
            redact: options.redact,
            base_url: options.base_url,
            history,
            tera,
            customer_frame,
            writes_cards: !templates::replaced("card.html", &options.overrides),
            assets,
            by_id,
            agenda_by_customer,
            shared,
            memo: None,
            keys: Vec::new(),
            stop: None,
        })
    }

    /// Keys each customer's page and card by what it is made from ([`Site::customer_key`]):
    /// a page is then put with its key ([`Sink::put_made`]), and one the sink kept from the
    /// last build for the same key is not rendered again ([`Sink::keep`]).
    pub fn keyed(self) -> Self {
        let mut keys = vec![None; self.records.customers.len()];
        let computed: Vec<(usize, Key)> =
            self.analysis.customers.par_iter().map(|f| (f.index, self.key_of(f))).collect();
        for (index, key) in computed {
            if let Some(slot) = keys.get_mut(index) {
                *slot = Some(key);
            }
        }
        Site { keys, ..self }
    }

    /// Renders through `memo`, keyed ([`Site::keyed`]): a customer's page and card are those
    /// of the last complete build through it when what they are made from is unchanged
    /// (`serve`'s rebuilds).
    pub fn reusing(self, memo: &'a PageMemo) -> Self {
        Site { memo: Some(memo), ..self.keyed() }
    }

    /// Renders until `stop` says to: then the next page, or the page being written at its
    /// next 64 KB, fails (the site is incomplete, and the caller, which asked for it, drops it).
    pub fn stopping(self, stop: Stop<'a>) -> Self {
        Site { stop: Some(stop), ..self }
    }

    /// Fails when [`Site::stopping`]'s `stop` says to stop.
    fn go_on(&self) -> Result<()> {
        match self.stop {
            Some(stop) if stop() => Err(anyhow!("the rendering was stopped")),
            _ => Ok(()),
        }
    }

    /// What a customer's page and card are made from, hashed (`None` unless the site is
    /// [`Site::keyed`]): its record (by its file's path and the hash of its bytes), what its
    /// facts are made from besides the record, its agenda, the names of the customers it links
    /// to, its history, and what every such page shares (the templates, the global words, the
    /// settings, the team, the analysis window and score scale).
    pub fn customer_key(&self, f: &Facts) -> Option<Key> {
        self.keys.get(f.index).copied().flatten()
    }

    fn key_of(&self, f: &Facts) -> Key {
        let c = &self.records.customers[f.index];
        let agenda: Vec<_> = self.agenda_of(&c.id).collect();
        let linked: Vec<(&str, Option<&str>)> = f
            .care
            .referrals
            .iter()
            .map(String::as_str)
            .chain(c.referred_by.as_ref().map(|r| r.get_ref().as_str()))
            .map(|id| (id, self.customer_by_id(id).map(|other| other.name.as_str())))
            .collect();
        let history = self.history.map(|h| h.of(&c.id));
        // A customer's facts are made from its record, its place in the ABC ranking, the
        // customers it referred (in `linked`), its history and what `shared` holds
        // (`analysis::analyse`): keyed by these, which is much quicker than by their text. Its
        // index among the records is not part of it (a new customer moves every one after it).
        let keyer = Keyer::new().hash(&self.shared).hash(&c.file);
        let keyer = match c.source {
            Some(source) => keyer.hash(&source),
            None => keyer.debug(c),
        };
        keyer.hash(&(&f.rank, &f.changed)).hash(&agenda).hash(&linked).debug(&history).finish()
    }

    /// The rendering called `name` made from what `key` hashes: the memo's when it has it,
    /// else `render`'s (kept in the memo).
    pub fn memoized(&self, name: &str, key: Option<Key>, render: impl FnOnce() -> Result<String>) -> Result<Arc<str>> {
        match (self.memo, key) {
            (Some(memo), Some(key)) => memo.get_or_render(name, key, render),
            _ => render().map(Arc::from),
        }
    }

    /// The site's language.
    pub fn lang(&self) -> Language {
        self.settings.language
    }

    /// A customer by id.
    pub fn customer_by_id(&self, id: &str) -> Option<&'a Customer> {
        self.by_id.get(id).map(|i| &*self.records.customers[*i])
    }

    /// The analysed facts of a customer by id.
    pub fn facts_by_id(&self, id: &str) -> Option<&'a Facts> {
        self.by_id.get(id).and_then(|i| self.analysis.facts_of(*i))
    }

    /// The agenda items of one customer, in agenda order.
    pub fn agenda_of(&self, customer: &str) -> impl Iterator<Item = &'a crate::analysis::agenda::AgendaItem> + '_ {
        self.agenda_by_customer.get(customer).into_iter().flatten().map(|i| &self.analysis.agenda[*i])
    }

    /// Renders every page and asset of the site into `sink`, page groups in parallel.
    pub fn render(&self, sink: &dyn Sink) -> Result<()> {
        let parts: [&(dyn Fn() -> Result<()> + Sync); 2] =
            [&|| self.render_customer_pages(sink), &|| self.render_other_pages(sink)];
        parts.par_iter().try_for_each(|render| render())
    }

    /// Renders the assets and the page of every customer: what `serve` shows first after a
    /// change, since the page of the customer just edited is among them (with
    /// [`Site::render_other_pages`], every page of the site).
    pub fn render_customer_pages(&self, sink: &dyn Sink) -> Result<()> {
        for (name, text) in &self.assets {
            sink.put(&format!("assets/{name}"), text.as_bytes())?;
        }
        self.analysis.customers.par_iter().try_for_each(|f| customer_page::render(self, sink, f))
    }

    /// Renders every page that is not a customer's: the dashboard, the lists and the team's
    /// pages, then the cards, each group in parallel within. The two groups run one after the
    /// other so that their largest contexts (the agenda, every card) are not held together;
    /// the customers' pages, rendered beside them ([`Site::render`]), keep the threads busy.
    pub fn render_other_pages(&self, sink: &dyn Sink) -> Result<()> {
        dashboard::render(self, sink)?;
        pages::render(self, sink)?;
        cards::render(self, sink)
    }
}

/// The company's name as the pages show it (`{{ company }}`): cardfile's when none is set.
fn company_name(settings: &Settings) -> &str {
    if settings.company.is_empty() { "cardfile" } else { settings.company.as_str() }
}

#[cfg(test)]
mod tests;
