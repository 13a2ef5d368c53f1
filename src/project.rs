//! The driver: load → validate → analyse → render → write, one stage at a time. Commands
//! call the stages they need; only this module (and the command line above it) sees them all.
//! `build` and `serve` render and write through it alike, so `serve --out` writes the site
//! `build` writes.
//!
//! It is also the one place that decides how the records are held (docs/architecture.md):
//! [`Project::load`] reads every record for one run of a command; [`Project::reload`] keeps
//! what was parsed in a [`ParseCache`] between changes, for the commands that stay running
//! (`serve`, the language server), and parses again only the files that changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::analysis::{self, Analysis};
use crate::diagnostics::Counts;
use crate::history::History;
use crate::progress::Progress;
use crate::records::{self, Loaded, ParseCache};
use crate::render::html::{PageMemo, Site, SiteOptions, templates};
use crate::render::{MemorySink, SharedSink, Sink, Stop};
use crate::write::Output;

/// Drops `value` on a thread of its own: freeing a loaded project or its analysis takes tens
/// of milliseconds at 10,000 customers, which a rebuild that stays running (`serve`) need not
/// wait for before the next one starts.
pub fn drop_aside<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// How many parts [`Project::render_reusing`] gives a site in.
pub const SITE_PARTS: usize = 3;

/// A records directory loaded and validated as of a reference date.
pub struct Project {
    /// What was loaded, with its diagnostics.
    pub loaded: Loaded,
    /// The reference date.
    pub today: NaiveDate,
    /// The records directory.
    pub root: PathBuf,
}

/// The git history as a build reads it, with what it has to say about it.
pub struct HistoryRead {
    /// The history; `None` outside git, when disabled, or when it could not be read.
    pub history: Option<History>,
    /// Problems with it, each said once (history never fails a build).
    pub warnings: Vec<String>,
}

impl HistoryRead {
    /// What a build keeps of reading the history.
    fn from(result: Result<Option<History>>, enabled: bool) -> HistoryRead {
        let mut read = HistoryRead { history: None, warnings: Vec::new() };
        if !enabled {
            return read;
        }
        match result {
            Ok(history) => {
                if let Some(at) = history.as_ref().and_then(|h| h.shallow_at.as_ref()) {
                    read.warnings.push(format!("history starts at {at}: the clone is shallow"));
                }
                read.history = history;
            }
            Err(err) => read.warnings.push(format!("the git history was not read: {err:#}")),
        }
        read
    }
}

impl Project {
    /// Loads and validates the records under `root`.
    pub fn load(root: &Path, today: NaiveDate) -> Project {
        Project { loaded: records::load(root, today), today, root: root.to_path_buf() }
    }

    /// Loads and validates the records under `root` again, parsing only the files that
    /// changed since `cache` last saw them; `overlay` gives the text of some files in memory
    /// (an editor's open buffers), by path relative to `root`, in place of the disk's.
    pub fn reload(
        cache: &mut ParseCache,
        root: &Path,
        today: NaiveDate,
        overlay: &BTreeMap<String, String>,
    ) -> Project {
        Project { loaded: cache.load(root, today, overlay), today, root: root.to_path_buf() }
    }

    /// Loads the records (with `hashed`, each customer with the hash of its file, which the
    /// site's pages are keyed by: [`records::load_hashed`]), and at the same time, on another
    /// thread, reads their git history (SPEC 11.1) unless `no_history` (`--no-history`); the
    /// history is kept only when `[history] enabled` is not `false`.
    pub fn load_with_history(root: &Path, today: NaiveDate, no_history: bool, hashed: bool) -> (Project, HistoryRead) {
        std::thread::scope(|scope| {
            let reading = (!no_history).then(|| scope.spawn(|| History::read(root)));
            let loaded = if hashed { records::load_hashed(root, today) } else { records::load(root, today) };
            let project = Project { loaded, today, root: root.to_path_buf() };
            let Some(reading) = reading else { return (project, HistoryRead { history: None, warnings: Vec::new() }) };
            let result = reading.join().unwrap_or_else(|_| Err(anyhow!("reading it stopped unexpectedly")));
            let read = HistoryRead::from(result, project.loaded.settings.history.enabled);
            (project, read)
        })
    }

    /// Reads the git history of the records under `root` (SPEC 11.1), kept only when
    /// `enabled` (`[history] enabled` is not `false`); for a command that keeps its records
    /// between changes and reads the history again only when it changed.
    pub fn read_history(root: &Path, enabled: bool) -> HistoryRead {
        if !enabled {
            return HistoryRead { history: None, warnings: Vec::new() };
        }
        HistoryRead::from(History::read(root), enabled)
    }

    /// Error and warning counts.
    pub fn counts(&self) -> Counts {
        Counts::of(&self.loaded.diagnostics)
    }

    /// Analyses the records; only meaningful when there are no errors.
    pub fn analyse(&self) -> Analysis {
        analysis::analyse(&self.loaded.records, &self.loaded.settings, self.today)
    }

    /// Analyses the records and notes, for each customer, the latest commit that changed it.
    pub fn analyse_with(&self, history: Option<&History>) -> Analysis {
        let mut analysis = self.analyse();
        if let Some(history) = history {
            analysis.note_history(&self.loaded.records, history);
        }
        analysis
    }

    /// What every stage of a site build reads besides the records: whether to leave contact
    /// details out, resolved here once (`--redact`, passed as `redact`, or `redact = true` in
    /// the settings), the site's absolute URL, and the team's template overrides.
    pub fn site_options(&self, redact: bool, base_url: Option<String>) -> Result<SiteOptions> {
        Ok(SiteOptions {
            redact: redact || self.loaded.settings.redact,
            base_url,
            overrides: templates::overrides(&self.root)?,
        })
    }

    /// The analysis a site shows: a redacted site's has no birthday follow-ups, whose dates
    /// and reasons give birthdays away.
    pub fn analyse_for_site(&self, history: Option<&History>, options: &SiteOptions) -> Analysis {
        let mut analysis = self.analyse_with(history);
        if options.redact {
            analysis.drop_birthdays();
        }
        analysis
    }

    /// Renders the site straight into the output directory `out`, written aside and swapped
    /// in (the old site stays whole on any failure), showing each stage on `progress`.
    /// Returns how many customers it shows.
    pub fn build(
        &self,
        history: Option<&History>,
        options: SiteOptions,
        out: &Path,
        progress: &Progress,
    ) -> Result<usize> {
        let stage = progress.stage("analysing");
        let analysis = self.analyse_for_site(history, &options);
        stage.done(format_args!("{} customers", analysis.customers.len()));
        let site = Site::new(&self.loaded.records, &analysis, &self.loaded.settings, history, options)?.keyed();
        let stage = progress.counting("rendering and writing", "files");
        let output = Output::begin(out, &self.root)?;
        crate::render::site(&site, &stage.sink(&output))
            .with_context(|| format!("the site was not built; {} is unchanged", out.display()))?;
        stage.done("");
        let stage = progress.stage("moving into place");
        output.commit()?;
        stage.done(out.display());
        Ok(analysis.customers.len())
    }

    /// Renders the site into memory: its files by path.
    pub fn render(&self, history: Option<&History>, options: SiteOptions) -> Result<BTreeMap<String, Vec<u8>>> {
        let analysis = self.analyse_for_site(history, &options);
        let site = Site::new(&self.loaded.records, &analysis, &self.loaded.settings, history, options)?;
        let sink = MemorySink::default();
        crate::render::site(&site, &sink)?;
        Ok(sink.into_files())
    }

    /// Renders the site into memory as [`Project::render`] does, with the same files, reusing
    /// from `memo` each customer's page and card that is made from the same data as in the
    /// last complete build through it (for a command that rebuilds after each change).
    ///
    /// The files come in [`SITE_PARTS`] parts, each given to `parts` (which says whether to
    /// go on) as soon as it is rendered, in the order a change is best shown in: the assets
    /// and the customers' pages ([`Site::render_customer_pages`]: the page just edited is
    /// one), then every other page, then the files of [`crate::render::exports`]. `false`
    /// when `parts` said to stop, or `stop` did while they were rendered (asked before each
    /// page and between the steps of the exports).
    pub fn render_reusing(
        &self,
        history: Option<&History>,
        options: SiteOptions,
        memo: &mut PageMemo,
        parts: &mut dyn FnMut(BTreeMap<String, Arc<[u8]>>) -> bool,
        stop: Stop<'_>,
    ) -> Result<bool> {
        let analysis = self.analyse_for_site(history, &options);
        memo.begin();
        let rendered = Site::new(&self.loaded.records, &analysis, &self.loaded.settings, history, options)
            .and_then(|site| render_parts(&site.reusing(memo).stopping(stop), memo, parts, stop));
        drop_aside(analysis);
        rendered
    }

    /// Writes a site rendered into memory to the output directory `out`, as [`Project::build`]
    /// writes one; `made` gives the key a page was made for, when it was ([`PageMemo::key`]).
    pub fn write<B: AsRef<[u8]> + Sync>(
        &self,
        files: &BTreeMap<String, B>,
        out: &Path,
        made: &(dyn Fn(&str) -> Option<u128> + Sync),
    ) -> Result<()> {
        let output = Output::begin(out, &self.root)?;
        files.par_iter().try_for_each(|(path, bytes)| match made(path) {
            Some(key) => output.put_made(path, bytes.as_ref(), key),
            None => output.put(path, bytes.as_ref()),
        })?;
        output.commit()
    }
}

/// [`Project::render_reusing`] once the site is ready to render: gives `parts` each part.
fn render_parts(
    site: &Site<'_>,
    memo: &PageMemo,
    parts: &mut dyn FnMut(BTreeMap<String, Arc<[u8]>>) -> bool,
    stop: Stop<'_>,
) -> Result<bool> {
    // A rendering that failed because `stop` said to stop is not an error: it is dropped.
    let stopped = |rendered: Result<()>| match rendered {
        Err(_) if stop() => Ok(true),
        other => other.map(|()| false),
    };
    let sink = SharedSink::default();
    if stopped(site.render_customer_pages(&sink))? || !parts(sink.into_files()) {
        return Ok(false);
    }
    let sink = SharedSink::default();
    if stopped(site.render_other_pages(&sink))? {
        return Ok(false);
    }
    memo.finish();
    if !parts(sink.into_files()) {
        return Ok(false);
    }
    let sink = SharedSink::default();
    let finished = crate::render::exports(site, &sink, stop)?;
    Ok(finished && parts(sink.into_files()))
}
