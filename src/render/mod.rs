//! Rendering: turning the analysis into files (HTML pages, JSON, CSV, iCalendar).
//! Renderers hand finished files to a [`Sink`]; only the writer touches the disk.

pub mod charts;
pub mod csv;
pub mod html;
pub mod ics;
pub mod json;
pub mod search;
mod stopping;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use anyhow::Result;

use crate::i18n::Label;

/// Where rendered files go: a path relative to the site's root, and the file's bytes.
pub trait Sink: Sync {
    /// Stores one file. `path` uses `/` and never leaves the site's root.
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()>;

    /// Stores one file given as shared bytes (a page kept from an earlier build); a sink
    /// that keeps files in memory may keep these bytes instead of a copy.
    fn put_shared(&self, path: &str, bytes: Arc<[u8]>) -> Result<()> {
        self.put(path, &bytes)
    }

    /// Stores one file whose bytes `write` writes, for a page too large to gather first (the
    /// agenda of 100,000 customers is 140 MB). This default gathers them and calls
    /// [`Sink::put`]; the output directory writes them to the file as they come.
    fn put_streamed(&self, path: &str, write: &mut Writing<'_>) -> Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        self.put(path, &bytes)
    }

    /// Stores one file as [`Sink::put`] does, a page made from what `key` hashes, so that the
    /// next build into the same place may [`Sink::keep`] it instead of rendering it again.
    fn put_made(&self, path: &str, bytes: &[u8], _key: u128) -> Result<()> {
        self.put(path, bytes)
    }

    /// Stores, unchanged, the file `path` of the site this one replaces when the last build
    /// put it with [`Sink::put_made`] for the same `key` (and it is still as written then).
    /// `false` when this sink has no such file: the page must be rendered.
    fn keep(&self, _path: &str, _key: u128) -> Result<bool> {
        Ok(false)
    }
}

/// What [`Sink::put_streamed`] is given: writes a file's bytes, once, into the writer.
pub type Writing<'w> = dyn FnMut(&mut dyn std::io::Write) -> Result<()> + 'w;

/// Whether a path relative to the site's root stays inside it: only normal components (what
/// [`Sink::put`] may be given).
pub fn safe_relative(path: &str) -> bool {
    !path.is_empty() && std::path::Path::new(path).components().all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// A sink that keeps files in memory (for tests and `serve`).
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// The files stored so far, by path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if files.contains_key(path) {
            anyhow::bail!("two pages of the site would both be {path}; nothing was overwritten (please report this)");
        }
        files.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// A sink that keeps files in memory as shared bytes: a page given as shared bytes
/// ([`Sink::put_shared`]) is kept, not copied (for `serve`, whose rebuilds reuse most pages).
#[derive(Debug, Default)]
pub struct SharedSink {
    files: Mutex<BTreeMap<String, Arc<[u8]>>>,
}

impl SharedSink {
    /// The files stored so far, by path.
    pub fn into_files(self) -> BTreeMap<String, Arc<[u8]>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for SharedSink {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.put_shared(path, Arc::from(bytes))
    }

    fn put_shared(&self, path: &str, bytes: Arc<[u8]>) -> Result<()> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if files.contains_key(path) {
            anyhow::bail!("two pages of the site would both be {path}; nothing was overwritten (please report this)");
        }
        files.insert(path.to_string(), bytes);
        Ok(())
    }
}

/// Renders the whole site: pages, assets, data files and calendar feeds.
pub fn site(site: &html::Site<'_>, sink: &dyn Sink) -> Result<()> {
    site.render(sink)?;
    exports(site, sink, &|| false).map(|_| ())
}

/// Says, when asked between the steps of a long rendering, that its result is no longer
/// wanted (a newer change came), so that it stops early.
pub type Stop<'a> = &'a (dyn Fn() -> bool + Sync);

/// Renders the files of the site that no page is made of and that are each made from every
/// record: the search index (`search/`), the data files (`data/`) and the calendar feeds
/// (`*.ics`). `serve` publishes a rebuild's pages before these. `false` when `stop` said to
/// stop (some of them are then missing from `sink`).
pub fn exports(site: &html::Site<'_>, sink: &dyn Sink, stop: Stop<'_>) -> Result<bool> {
    if !search::render(site, sink, stop)? || stop() {
        return Ok(false);
    }
    let records = site.records;
    let analysis = site.analysis;
    sink.put_streamed("data/cardfile.json", &mut |mut out| Ok(json::write(&mut out, records, analysis, None)?))?;
    if stop() {
        return Ok(false);
    }
    // SPEC 8: the site's CSV files start with a UTF-8 byte-order mark, for Excel.
    sink.put("data/customers.csv", &csv::customers(records, analysis, true))?;
    sink.put("data/agenda.csv", &csv::agenda(analysis, true))?;
    let all: Vec<&analysis_agenda::AgendaItem> = analysis.agenda.iter().collect();
    sink.put("agenda.ics", calendar(site, &all, &site.settings.company).as_bytes())?;
    for m in &records.members {
        let id = m.id.get_ref();
        let Some(path) = html::paths::id_path("owners", id, "ics") else { continue };
        let mine: Vec<&analysis_agenda::AgendaItem> = analysis.agenda.iter().filter(|i| &i.owner == id).collect();
        sink.put(&path, calendar(site, &mine, &m.name).as_bytes())?;
    }
    Ok(true)
}

use crate::analysis::agenda as analysis_agenda;

fn calendar(site: &html::Site<'_>, items: &[&analysis_agenda::AgendaItem], name: &str) -> String {
    let names: Vec<(String, String, Option<String>)> = items
        .iter()
        .map(|i| {
            let customer = site.customer_by_id(&i.customer).map_or_else(|| i.customer.clone(), |c| c.name.clone());
            let label = site.word(i.kind.label());
            let url =
                site.base_url.as_ref().map(|b| format!("{}/customers/{}.html", b.trim_end_matches('/'), i.customer));
            (customer, label, url)
        })
        .collect();
    let events: Vec<ics::IcsEvent<'_>> = items
        .iter()
        .zip(&names)
        .map(|(item, (customer, label, url))| ics::IcsEvent {
            label: Some(label),
            url: url.as_deref(),
            key: (!item.key.is_empty()).then_some(item.key.as_str()),
            ..ics::IcsEvent::new(item, customer)
        })
        .collect();
    let title = if name.is_empty() { "cardfile" } else { name };
    ics::calendar(&events, &ics::CalendarMeta { name: title, today: site.today })
}
