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
use std::time::{Duration, Instant};

use super::state::Shared;
use super::{Content, ServeConfig, pages};
use crate::history::History;
use crate::project::{HistoryRead, Project, SITE_PARTS};
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

    /// Builds the site into memory, or the error page when the records have errors, and
    /// gives it to `parts` as it comes: first [`Part::First`] (the assets and the customers'
    /// pages, or the error page: then nothing follows), then for a site each later part
    /// ([`Project::render_reusing`]). `parts` says whether to go on. With `out`, a good build
    /// is also written there, whole, once every part is rendered. `false` when `superseded`
    /// says, between steps, that a newer change makes this build pointless, or `parts` said
    /// to stop.
    pub fn build(&mut self, superseded: &(dyn Fn() -> bool + Sync), parts: &mut dyn FnMut(Part) -> bool) -> bool {
        let config = self.config.clone();
        let today = config.today.unwrap_or_else(|| chrono::Local::now().date_naive());
        if !config.records.is_dir() {
            let message = format!("records directory {} not found", config.records.display());
            return errors(pages::errors_page(None, Some(&message)), parts);
        }
        let project = Project::reload(&mut self.cache, &config.records, today, &BTreeMap::new());
        let built = self.build_loaded(&project, superseded, parts);
        crate::project::drop_aside(project);
        built
    }

    /// [`Builder::build`] once the records are loaded.
    fn build_loaded(
        &mut self,
        project: &Project,
        superseded: &(dyn Fn() -> bool + Sync),
        parts: &mut dyn FnMut(Part) -> bool,
    ) -> bool {
        let config = self.config.clone();
        if project.counts().errors > 0 {
            return errors(pages::errors_page(Some(&project.loaded), None), parts);
        }
        if superseded() {
            return false;
        }
        #[cfg(debug_assertions)]
        panic_for_tests(project);
        let history = kept_history(&mut self.history, &config, project);
        if superseded() {
            return false;
        }
        let mut shown: Vec<Arc<super::Files>> = Vec::new();
        let mut give = |files: super::Files| {
            let files = Arc::new(files);
            let part = match shown.len() {
                0 => Part::First(Content::Site(files.clone())),
                n => Part::Then(n - 1, files.clone()),
            };
            shown.push(files);
            let go_on = !superseded() && parts(part);
            if crate::fault::active("serve-slow-exports") && shown.len() == SITE_PARTS - 1 {
                std::thread::sleep(std::time::Duration::from_millis(500));
            }
            go_on
        };
        let options = project.site_options(config.redact, None);
        let rendered =
            options.and_then(|options| project.render_reusing(history, options, &mut self.memo, &mut give, superseded));
        match rendered {
            Ok(true) => {}
            Ok(false) => return false,
            Err(err) => return errors(pages::errors_page(None, Some(&format!("{err:#}"))), parts),
        }
        if let Some(out) = &config.out {
            if superseded() {
                return false;
            }
            let whole: super::Files =
                shown.iter().flat_map(|files| files.iter()).map(|(p, b)| (p.clone(), b.clone())).collect();
            if let Err(err) = project.write(&whole, out, &|path| self.memo.key(path)) {
                return errors(pages::errors_page(None, Some(&format!("{err:#}"))), parts);
            }
        }
        true
    }
}

/// Gives `parts` the error page `page` (nothing follows it); whether to go on.
fn errors(page: String, parts: &mut dyn FnMut(Part) -> bool) -> bool {
    parts(Part::First(Content::Errors(Arc::new(page))))
}

/// One part of a build, in the order given.
#[derive(Debug)]
pub enum Part {
    /// What is shown first: the assets and the customers' pages, or the error page.
    First(Content),
    /// The later part with this index: the other pages (0), then the exports (1).
    Then(usize, Arc<super::Files>),
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

/// The words of a panic's payload.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

/// How long an incomplete change (a bare write) waits for the file's close before it is
/// rebuilt anyway (a writer that keeps the file open, or a system that reports no close).
const INCOMPLETE: Duration = Duration::from_millis(50);

/// The requests for rebuilds and whether to stop.
#[derive(Default)]
struct Requests {
    /// How many changes asked for a rebuild so far (each supersedes a rebuild under way).
    asked: AtomicU64,
    queue: Mutex<Queue>,
    wake: Condvar,
}

/// What the rebuilding thread waits on.
#[derive(Default)]
struct Queue {
    /// Set when the server stops.
    stopping: bool,
    /// A complete change came since the last rebuild started.
    complete: bool,
    /// When the first incomplete change since the last rebuild started stops waiting.
    incomplete: Option<Instant>,
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

    /// What asks for a rebuild (one under way is superseded), for the watcher: at once for a
    /// complete change, after [`INCOMPLETE`] at most for a bare write.
    pub fn requester(&self) -> impl Fn(bool) + Send + 'static {
        let requests = self.requests.clone();
        move |complete| requests.ask(complete)
    }

    /// Stops the thread after the rebuild under way (so that nothing is left half-written
    /// in `--out`).
    pub fn stop(&mut self) {
        self.requests.queue.lock().unwrap_or_else(|e| e.into_inner()).stopping = true;
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
    fn ask(&self, complete: bool) {
        self.asked.fetch_add(1, Ordering::SeqCst);
        let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        if complete {
            queue.complete = true;
        } else if queue.incomplete.is_none() {
            queue.incomplete = Some(Instant::now() + INCOMPLETE);
        }
        self.wake.notify_all();
    }

    /// Waits for a request after `done` that is due (a complete change, or an incomplete one
    /// that waited long enough); the latest one, or `None` when stopping.
    fn next_after(&self, done: u64) -> Option<u64> {
        let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if queue.stopping {
                return None;
            }
            let asked = self.asked.load(Ordering::SeqCst);
            if asked > done {
                let now = Instant::now();
                match queue.incomplete {
                    Some(until) if !queue.complete && now < until => {
                        queue = self.wake.wait_timeout(queue, until - now).unwrap_or_else(|e| e.into_inner()).0;
                        continue;
                    }
                    _ => {
                        queue.complete = false;
                        queue.incomplete = None;
                        return Some(asked);
                    }
                }
            }
            queue = self.wake.wait(queue).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// The first build, before the server listens, with its later parts; a panic is caught as
/// in [`rebuild`].
pub fn first(builder: &mut Builder) -> (Content, Vec<Arc<super::Files>>) {
    let mut content = None;
    let mut later = Vec::new();
    let built = std::panic::catch_unwind(AssertUnwindSafe(|| {
        builder.build(&|| false, &mut |part| {
            match part {
                Part::First(first) => content = Some(first),
                Part::Then(_, files) => later.push(files),
            }
            true
        })
    }));
    match (built, content) {
        (Ok(true), Some(content)) => (content, later),
        (Ok(_), _) => {
            (Content::Errors(Arc::new(pages::errors_page(None, Some("the first build did not finish")))), Vec::new())
        }
        (Err(payload), _) => (failed(builder, payload.as_ref()), Vec::new()),
    }
}

/// What a panicking build shows (and what it leaves: nothing kept).
fn failed(builder: &mut Builder, payload: &(dyn Any + Send)) -> Content {
    builder.forget();
    let message = format!("the rebuild failed unexpectedly: {}", panic_message(payload));
    eprintln!("rebuild failed: {}", crate::terminal::escape(&message));
    Content::Errors(Arc::new(pages::errors_page(None, Some(&message))))
}

/// One rebuild for the changes up to `asked`: its first part published unless superseded,
/// then each later part finished into the version served unless superseded by then (the
/// rest abandoned: the next rebuild's follow). A panic is caught and shown as the
/// diagnostics page.
fn rebuild(builder: &mut Builder, shared: &Shared, requests: &Requests, asked: u64) {
    let started = Instant::now();
    eprintln!("rebuild started");
    let superseded = || requests.asked.load(Ordering::SeqCst) != asked;
    let mut published = None;
    let built = std::panic::catch_unwind(AssertUnwindSafe(|| {
        builder.build(&superseded, &mut |part| {
            let ms = || started.elapsed().as_millis();
            match (part, published) {
                (Part::First(content), _) => {
                    let following = if matches!(content, Content::Site(_)) { SITE_PARTS - 1 } else { 0 };
                    let (version, new) = shared.publish(content, following);
                    let unchanged = if new { "" } else { ", unchanged" };
                    eprintln!("rebuild done: version {version}{unchanged} ({} ms)", ms());
                    published = Some(version);
                    true
                }
                (Part::Then(part, files), Some(version)) => match shared.finish(version, part, files) {
                    Some((now, new)) => {
                        let what = if part + 2 == SITE_PARTS { "exports" } else { "pages" };
                        eprintln!(
                            "{what} done: version {now}{} ({} ms)",
                            if new { "" } else { ", same version" },
                            ms()
                        );
                        published = Some(now);
                        true
                    }
                    None => false,
                },
                (Part::Then(..), None) => false,
            }
        })
    }));
    match (built, published) {
        (Ok(true), _) => {}
        (Ok(false), Some(version)) => {
            shared.abandon(version);
            eprintln!("rest abandoned: version {version}");
        }
        (Ok(false), None) => eprintln!("rebuild superseded"),
        (Err(payload), published) => {
            let content = failed(builder, payload.as_ref());
            let (version, _) = shared.publish(content, 0);
            // Said once per rebuild: its first part may have been published already.
            if published.is_none() {
                eprintln!("rebuild done: version {version} (the failure)");
            }
        }
    }
}

#[cfg(test)]
mod tests;
