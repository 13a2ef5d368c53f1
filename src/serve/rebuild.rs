//! Rebuilds, one at a time on a thread of their own. Each change asks for a rebuild at once;
//! a rebuild under way when another change comes is superseded (it stops at its next step and
//! the next one starts), so a burst of changes ends in one rebuild of the final content. A
//! rebuild that panics is caught: the diagnostics page says so, and the next change rebuilds.
//!
//! What stays between rebuilds ([`Builder`]): the parsed files (re-read and parsed again only
//! when they changed), the git history (read again only when `HEAD` moved), and what each page
//! was rendered from (a page whose inputs are unchanged is not rendered again).

use std::any::Any;
use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Instant;

use anyhow::Result;

use super::state::Shared;
use super::{Content, ServeConfig, pages};
use crate::history::History;
use crate::project::{HistoryRead, Project};
use crate::records::ParseCache;
use crate::render::html::PageMemo;

/// What is kept from one rebuild to the next.
pub struct Builder {
    config: ServeConfig,
    cache: ParseCache,
    /// The history, with the state of the repository it was read at.
    history: Option<(Option<String>, Option<History>)>,
    memo: PageMemo,
}

impl Builder {
    /// Nothing kept yet: the first build reads and renders everything.
    pub fn new(config: ServeConfig) -> Builder {
        Builder { config, cache: ParseCache::new(), history: None, memo: PageMemo::default() }
    }

    /// Forgets everything kept (after a panic, what was kept may be half updated).
    fn forget(&mut self) {
        *self = Builder::new(self.config.clone());
    }

    /// Builds the site into memory, or the error page when the records have errors; with
    /// `out`, a good build is also written there. `None` when `superseded` says, between
    /// steps, that a newer change makes this build pointless.
    pub fn build(&mut self, superseded: &dyn Fn() -> bool) -> Option<Content> {
        let config = self.config.clone();
        let today = config.today.unwrap_or_else(|| chrono::Local::now().date_naive());
        if !config.records.is_dir() {
            let message = format!("records directory {} not found", config.records.display());
            return Some(Content::Errors(Arc::new(pages::errors_page(None, Some(&message)))));
        }
        let project = Project::reload(&mut self.cache, &config.records, today, &BTreeMap::new());
        if project.counts().errors > 0 {
            return Some(Content::Errors(Arc::new(pages::errors_page(Some(&project.loaded), None))));
        }
        if superseded() {
            return None;
        }
        #[cfg(debug_assertions)]
        panic_for_tests(&project);
        let history = kept_history(&mut self.history, &config, &project);
        if superseded() {
            return None;
        }
        let rendered = render(&project, history, &config, &mut self.memo);
        Some(match rendered {
            Ok(files) => Content::Site(files),
            Err(err) => Content::Errors(Arc::new(pages::errors_page(None, Some(&format!("{err:#}"))))),
        })
    }
}

/// The history of the records, read again only when the repository's state changed.
fn kept_history<'a>(
    kept: &'a mut Option<(Option<String>, Option<History>)>,
    config: &ServeConfig,
    project: &Project,
) -> Option<&'a History> {
    let enabled = project.loaded.settings.history.enabled;
    if config.no_history || !enabled {
        return None;
    }
    let state = History::state(&project.root).ok().flatten();
    if kept.as_ref().is_none_or(|(was, _)| state.is_none() || *was != state) {
        let read = Project::read_history(&project.root, enabled);
        for warning in &read.warnings {
            eprintln!("warning: {}", crate::terminal::escape(warning));
        }
        let HistoryRead { history, .. } = read;
        *kept = Some((state, history));
    }
    kept.as_ref().and_then(|(_, h)| h.as_ref())
}

/// A debug-build hook for the tests (never in a release build): with
/// `CARDFILE_FAULT=serve-rebuild-panic`, a rebuild of records holding a customer named
/// `panic` panics, as a bug would.
#[cfg(debug_assertions)]
fn panic_for_tests(project: &Project) {
    if crate::fault::active("serve-rebuild-panic") && project.loaded.records.customers.iter().any(|c| c.name == "panic")
    {
        panic!("a rebuild panicked (the test hook serve-rebuild-panic)");
    }
}

/// Renders the site into memory, reusing the pages whose inputs are unchanged; with `out`,
/// writes those same files there too.
fn render(
    project: &Project,
    history: Option<&History>,
    config: &ServeConfig,
    memo: &mut PageMemo,
) -> Result<Arc<BTreeMap<String, Vec<u8>>>> {
    let options = project.site_options(config.redact, None)?;
    let files = project.render_reusing(history, options, memo)?;
    if let Some(out) = &config.out {
        project.write(&files, out)?;
    }
    Ok(Arc::new(files))
}

/// The words of a panic's payload.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

/// The requests for rebuilds and whether to stop.
#[derive(Default)]
struct Requests {
    /// How many changes asked for a rebuild so far.
    asked: AtomicU64,
    /// Set when the server stops.
    stopping: Mutex<bool>,
    wake: Condvar,
}

/// The thread that rebuilds, and the way to ask it to.
pub struct Rebuilds {
    requests: Arc<Requests>,
    thread: Option<JoinHandle<()>>,
}

impl Rebuilds {
    /// Nothing asked yet, no thread yet: the requests made before [`Rebuilds::start`] wait.
    pub fn new() -> Rebuilds {
        Rebuilds { requests: Arc::new(Requests::default()), thread: None }
    }

    /// How many rebuilds were asked for so far (a build that starts now includes them).
    pub fn asked(&self) -> u64 {
        self.requests.asked.load(Ordering::SeqCst)
    }

    /// Starts the thread, which rebuilds for every request after the first `done` and
    /// publishes each completed rebuild to `shared`.
    pub fn start(&mut self, mut builder: Builder, shared: Arc<Shared>, done: u64) {
        let requests = self.requests.clone();
        self.thread = Some(std::thread::spawn(move || {
            let mut done = done;
            while let Some(asked) = requests.next_after(done) {
                rebuild(&mut builder, &shared, &requests, asked);
                done = asked;
            }
        }));
    }

    /// What asks for a rebuild (at once; one under way is superseded), for the watcher.
    pub fn requester(&self) -> impl Fn() + Send + 'static {
        let requests = self.requests.clone();
        move || requests.ask()
    }

    /// Stops the thread after the rebuild under way (so that nothing is left half-written
    /// in `--out`).
    pub fn stop(&mut self) {
        *self.requests.stopping.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.requests.wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Rebuilds {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Requests {
    fn ask(&self) {
        self.asked.fetch_add(1, Ordering::SeqCst);
        let _lock = self.stopping.lock().unwrap_or_else(|e| e.into_inner());
        self.wake.notify_all();
    }

    /// Waits for a request after `done`; the latest one, or `None` when stopping.
    fn next_after(&self, done: u64) -> Option<u64> {
        let mut stopping = self.stopping.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if *stopping {
                return None;
            }
            let asked = self.asked.load(Ordering::SeqCst);
            if asked > done {
                return Some(asked);
            }
            stopping = self.wake.wait(stopping).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// The first build, before the server listens; a panic is caught as in [`rebuild`].
pub fn first(builder: &mut Builder) -> Content {
    match std::panic::catch_unwind(AssertUnwindSafe(|| builder.build(&|| false))) {
        Ok(Some(content)) => content,
        Ok(None) => Content::Errors(Arc::new(pages::errors_page(None, Some("the first build did not finish")))),
        Err(payload) => failed(builder, payload.as_ref()),
    }
}

/// What a panicking build shows (and what it leaves: nothing kept).
fn failed(builder: &mut Builder, payload: &(dyn Any + Send)) -> Content {
    builder.forget();
    let message = format!("the rebuild failed unexpectedly: {}", panic_message(payload));
    eprintln!("rebuild failed: {}", crate::terminal::escape(&message));
    Content::Errors(Arc::new(pages::errors_page(None, Some(&message))))
}

/// One rebuild for the changes up to `asked`, published unless superseded; a panic is
/// caught and shown as the diagnostics page.
fn rebuild(builder: &mut Builder, shared: &Shared, requests: &Requests, asked: u64) {
    let started = Instant::now();
    eprintln!("rebuild started");
    let superseded = || requests.asked.load(Ordering::SeqCst) != asked;
    let content = match std::panic::catch_unwind(AssertUnwindSafe(|| builder.build(&superseded))) {
        Ok(Some(content)) => content,
        Ok(None) => {
            eprintln!("rebuild superseded");
            return;
        }
        Err(payload) => failed(builder, payload.as_ref()),
    };
    let (version, new) = shared.publish(content);
    let ms = started.elapsed().as_millis();
    eprintln!("rebuild done: version {version}{} ({ms} ms)", if new { "" } else { ", unchanged" });
}
