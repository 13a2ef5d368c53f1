//! The HTML site: templates, views and the pages of SPEC 8.

mod cards;
mod care_pages;
mod charts_html;
mod customer_page;
mod dashboard;
mod history_pages;
pub mod markdown;
mod memo;
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
use tera::{Context, Tera};

pub use self::memo::PageMemo;
use self::memo::{Key, Keyer};
pub use self::views::newest_first;
use super::stopping::StoppingWriter;
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
        globals.insert("company", if settings.company.is_empty() { "cardfile" } else { settings.company.as_str() });
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

    /// Renders `template` with `context` to `path`, adding the page's root prefix. The page
    /// goes to the sink as it is rendered ([`Sink::put_streamed`]): a list page of 100,000
    /// customers is never whole in memory.
    pub fn page(&self, sink: &dyn Sink, path: &str, template: &str, active: &str, context: Context) -> Result<()> {
        self.go_on()?;
        let context = framed(context, path, active);
        sink.put_streamed(path, &mut |out| {
            self.tera
                .render_to(template, &context, StoppingWriter::new(out, self.stop))
                .map_err(|e| anyhow!("rendering {template} for {path}: {e}"))
        })
    }

    /// Renders `template` with `context` to `path` as [`Site::page`] does, for the many small
    /// pages (the customers'): into this thread's buffer, kept between pages, and handed to the
    /// sink as bytes, so no allocation per page and no second UTF-8 check of our own output. A
    /// page rendered while the buffer is in use on this thread (a sink that renders) gets a
    /// buffer of its own. With `key`, the page is put as made from what it hashes
    /// ([`Sink::put_made`]).
    fn small_page(
        &self,
        sink: &dyn Sink,
        path: &str,
        template: &str,
        active: &str,
        context: Context,
        key: Option<Key>,
    ) -> Result<()> {
        self.go_on()?;
        let context = framed(context, path, active);
        let render = |html: &mut Vec<u8>| {
            html.clear();
            self.tera
                .render_to(template, &context, StoppingWriter::new(&mut *html, self.stop))
                .map_err(|e| anyhow!("rendering {template} for {path}: {e}"))?;
            let put = match key {
                Some(key) => sink.put_made(path, html, key.value()),
                None => sink.put(path, html),
            };
            if html.capacity() > MAX_KEPT_BUFFER {
                // A page larger than most is not held for the pages after it.
                *html = Vec::new();
            }
            put
        };
        PAGE_BUFFER.with(|buffer| match buffer.try_borrow_mut() {
            Ok(mut html) => render(&mut html),
            Err(_) => render(&mut Vec::new()),
        })
    }

    /// Renders the page `path` as [`Site::small_page`] does, or takes the last complete build's
    /// when `key` says it is made from the same data: from the memo (`serve`'s rebuilds), else
    /// from the sink ([`Sink::keep`]: the old site of a build over it). `context` is built
    /// only when the page is rendered.
    pub fn page_memoized(
        &self,
        sink: &dyn Sink,
        path: &str,
        template: &str,
        active: &str,
        key: Option<Key>,
        context: impl FnOnce() -> Context,
    ) -> Result<()> {
        self.go_on()?;
        let (Some(memo), Some(key)) = (self.memo, key) else {
            if let Some(key) = key
                && sink.keep(path, key.value())?
            {
                return Ok(());
            }
            return self.small_page(sink, path, template, active, context(), key);
        };
        let html = memo.get_or_render(path, key, || {
            let context = framed(context(), path, active);
            self.tera.render(template, &context).map_err(|e| anyhow!("rendering {template} for {path}: {e}"))
        })?;
        sink.put_shared(path, html.into())
    }

    /// Renders `template` with `context` to a string (a fragment such as one card).
    pub fn fragment(&self, template: &str, context: &Context) -> Result<String> {
        self.tera.render(template, context).map_err(|e| anyhow!("rendering {template}: {e}"))
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

/// `context` with what every page adds: the prefix to the site's root and the active tab.
fn framed(mut context: Context, path: &str, active: &str) -> Context {
    context.insert("root", &paths::root_of(path));
    context.insert("active", active);
    context
}

#[cfg(test)]
mod tests;
