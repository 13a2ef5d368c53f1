//! `serve`: the site built into memory and served on 127.0.0.1 only, to this machine's
//! browser only (`guard`), rebuilt when a record is saved (`rebuild`: only what changed is
//! parsed and rendered again), with open pages reloading themselves (`pages`, `listen`).
//! While the records have errors every page is the list of diagnostics, never a stale site.

pub mod guard;
pub mod http;
mod listen;
pub mod pages;
mod rebuild;
pub mod state;
mod watch;

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use notify::RecommendedWatcher;
use tokio::sync::Notify;

use self::rebuild::{Builder, Rebuilds};
use self::state::Shared;

/// What `serve` builds and where it listens.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The records directory.
    pub records: PathBuf,
    /// The reference date (`None`: the local date at each build).
    pub today: Option<NaiveDate>,
    /// Also write each good build here (atomically, like `build`).
    pub out: Option<PathBuf>,
    /// Leave contact details out, as `build --redact`.
    pub redact: bool,
    /// The port on 127.0.0.1 (0: any free port).
    pub port: u16,
    /// Leave the git history out, as `build --no-history`.
    pub no_history: bool,
}

/// The site's files, by path, as shared bytes (a page kept from the last rebuild is the same
/// allocation).
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// What the server has to show.
#[derive(Debug, Clone)]
pub enum Content {
    /// The site's files, by path.
    Site(Arc<Files>),
    /// The page listing the diagnostics.
    Errors(Arc<String>),
}

impl PartialEq for Content {
    fn eq(&self, other: &Content) -> bool {
        match (self, other) {
            (Content::Site(a), Content::Site(b)) => {
                // Kept pages are the same allocation: compared without reading them.
                a.len() == b.len()
                    && a.iter().zip(b.iter()).all(|((p, x), (q, y))| p == q && (Arc::ptr_eq(x, y) || x == y))
            }
            (Content::Errors(a), Content::Errors(b)) => a == b,
            _ => false,
        }
    }
}

/// The content being served and its version (which changes when the content does).
#[derive(Debug)]
pub struct Snapshot {
    /// Increases by one with each build that changed something.
    pub version: u64,
    /// What is shown first: the assets and the customers' pages, or the error page.
    pub content: Content,
    /// The parts of a site that follow its first (the other pages, then the search index,
    /// data files and calendars), each finished into this snapshot when rendered.
    pub later: Vec<Arc<state::Later>>,
}

impl Snapshot {
    /// Whether the site file `rel` (or a folder page) is in the first part, or there is no
    /// site to look in (the diagnostics page answers everything).
    pub fn shows_first(&self, rel: &str) -> bool {
        match &self.content {
            Content::Site(files) => state::holds(files, rel),
            Content::Errors(_) => true,
        }
    }

    /// The site file `rel`: from the first part, else from a later part rendered by now.
    pub fn file(&self, rel: &str) -> Option<Arc<[u8]>> {
        match &self.content {
            Content::Site(files) => {
                files.get(rel).cloned().or_else(|| self.later.iter().find_map(|later| later.ready()?.get(rel).cloned()))
            }
            Content::Errors(_) => None,
        }
    }
}

/// A running preview server.
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
    stop: Arc<Notify>,
    /// The builder and how many rebuilds its first build covered, until [`Server::run`].
    builder: Mutex<Option<(Builder, u64)>>,
    rebuilds: Mutex<Rebuilds>,
    _watcher: RecommendedWatcher,
}

impl Server {
    /// Starts watching the records, builds the site once and binds 127.0.0.1 on the
    /// configured port. A change saved during the first build is rebuilt once serving starts.
    pub fn start(config: ServeConfig) -> Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", config.port))
            .with_context(|| format!("cannot listen on 127.0.0.1:{}", config.port))?;
        let rebuilds = Rebuilds::new();
        let watcher = watch::watch(&config.records, rebuilds.requester()).context("watching the records directory")?;
        let covered = rebuilds.asked();
        let mut builder = Builder::new(config);
        let (content, later) = rebuild::first(&mut builder);
        Ok(Server {
            listener,
            shared: Arc::new(Shared::new(content, later)),
            stop: Arc::new(Notify::new()),
            builder: Mutex::new(Some((builder, covered))),
            rebuilds: Mutex::new(rebuilds),
            _watcher: watcher,
        })
    }

    /// The address to open, e.g. `http://127.0.0.1:8000/`.
    pub fn url(&self) -> String {
        match self.listener.local_addr() {
            Ok(addr) => format!("http://{addr}/"),
            Err(_) => "http://127.0.0.1/".to_string(),
        }
    }

    /// Rebuilds on every change and serves requests until Ctrl-C (or until [`Server::stop`]
    /// is called from another thread). Returns after the rebuild under way, so that nothing
    /// is left half-written in `--out`.
    pub fn run(&self) -> Result<()> {
        let taken = self.builder.lock().unwrap_or_else(|e| e.into_inner()).take();
        let Some((builder, covered)) = taken else { bail!("the server is already running") };
        self.rebuilds.lock().unwrap_or_else(|e| e.into_inner()).start(builder, self.shared.clone(), covered);
        let stopping = Arc::new(AtomicBool::new(false));
        let (stop, flag) = (self.stop.clone(), stopping.clone());
        // Only one handler per process: a second `run` keeps the first one's.
        let _ = ctrlc::set_handler(move || {
            flag.store(true, Ordering::SeqCst);
            stop.notify_one();
        });
        let listener = self.listener.try_clone().context("setting up the listening socket")?;
        let served = listen::serve(listener, self.shared.clone(), self.stop.clone());
        self.rebuilds.lock().unwrap_or_else(|e| e.into_inner()).stop();
        if stopping.load(Ordering::SeqCst) {
            eprintln!("stopped");
        }
        served
    }

    /// Makes [`Server::run`] return.
    pub fn stop(&self) {
        self.stop.notify_one();
    }
}
