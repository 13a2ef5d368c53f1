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

use self::memo::Key;
pub use self::memo::PageMemo;
use super::Sink;
use crate::analysis::{Analysis, Facts};
use crate::history::History;
use crate::i18n::Language;
use crate::records::model::{Customer, Records};
use crate::records::settings::Settings;

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
    /// What every page shares (templates and global words), hashed, for `memo`.
    shared: Key,
    memo: Option<&'a PageMemo>,
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
        let shared = Key::of(&[&options.overrides, globals]);
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
        })
    }

    /// Renders through `memo`: what a page or fragment with the same template and context
    /// was in the last complete build is reused (`serve`'s rebuilds).
    pub fn reusing(self, memo: &'a PageMemo) -> Self {
        Site { memo: Some(memo), ..self }
    }

    /// `template` rendered with `context`, or reused from the memo.
    fn rendered(&self, template: &str, context: &Context) -> Result<Arc<String>> {
        let render = || self.tera.render(template, context).map_err(|e| anyhow!("rendering {template}: {e}"));
        match self.memo {
            Some(memo) => memo.get_or_render(Key::of(&[&self.shared, &template, context]), render),
            None => render().map(Arc::new),
        }
    }

    /// The site's language.
    pub fn lang(&self) -> Language {
        self.settings.language
    }

    /// A customer by id.
    pub fn customer_by_id(&self, id: &str) -> Option<&'a Customer> {
        self.by_id.get(id).map(|i| &self.records.customers[*i])
    }

    /// The analysed facts of a customer by id.
    pub fn facts_by_id(&self, id: &str) -> Option<&'a Facts> {
        self.by_id.get(id).and_then(|i| self.analysis.facts_of(*i))
    }

    /// The agenda items of one customer, in agenda order.
    pub fn agenda_of(&self, customer: &str) -> impl Iterator<Item = &'a crate::analysis::agenda::AgendaItem> + '_ {
        self.agenda_by_customer.get(customer).into_iter().flatten().map(|i| &self.analysis.agenda[*i])
    }

    /// Renders `template` with `context` to `path`, adding the page's root prefix.
    pub fn page(&self, sink: &dyn Sink, path: &str, template: &str, active: &str, mut context: Context) -> Result<()> {
        context.insert("root", &paths::root_of(path));
        context.insert("active", active);
        let html = self.rendered(template, &context).map_err(|e| anyhow!("{e} for {path}"))?;
        sink.put(path, html.as_bytes())
    }

    /// Renders `template` with `context` to a string (a fragment such as one card).
    pub fn fragment(&self, template: &str, context: &Context) -> Result<Arc<String>> {
        self.rendered(template, context)
    }

    /// Renders every page and asset of the site into `sink`, page groups in parallel.
    pub fn render(&self, sink: &dyn Sink) -> Result<()> {
        for (name, text) in &self.assets {
            sink.put(&format!("assets/{name}"), text.as_bytes())?;
        }
        let groups: [&(dyn Fn() -> Result<()> + Sync); 3] =
            [&|| dashboard::render(self, sink), &|| pages::render(self, sink), &|| cards::render(self, sink)];
        groups.par_iter().try_for_each(|render| render())
    }
}
