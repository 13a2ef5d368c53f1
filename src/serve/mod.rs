//! `serve`: the site built into memory and served on 127.0.0.1 only, rebuilt when a record
//! is saved, with open pages reloading themselves. While the records have errors every page
//! is the list of diagnostics, never a stale site.

pub mod http;
pub mod pages;
mod watch;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

use crate::history::History;
use crate::project::Project;

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

/// What the server has to show.
#[derive(Debug, Clone)]
pub enum Content {
    /// The site's files, by path.
    Site(Arc<BTreeMap<String, Vec<u8>>>),
    /// The page listing the diagnostics.
    Errors(Arc<String>),
}

impl PartialEq for Content {
    fn eq(&self, other: &Content) -> bool {
        match (self, other) {
            (Content::Site(a), Content::Site(b)) => a == b,
            (Content::Errors(a), Content::Errors(b)) => a == b,
            _ => false,
        }
    }
}

/// The content being served and its version (which changes when the content does).
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// Increases by one with each build that changed something.
    pub version: u64,
    /// The pages or the error page.
    pub content: Content,
}

/// Builds the site into memory, or the error page when the records have errors.
/// With `out`, a good build is also written there.
pub fn build(config: &ServeConfig) -> Content {
    let today = config.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    if !config.records.is_dir() {
        let message = format!("records directory {} not found", config.records.display());
        return Content::Errors(Arc::new(pages::errors_page(None, Some(&message))));
    }
    let (project, read) = Project::load_with_history(&config.records, today, config.no_history);
    if project.counts().errors > 0 {
        return Content::Errors(Arc::new(pages::errors_page(Some(&project.loaded), None)));
    }
    match render(&project, read.history.as_ref(), config) {
        Ok(files) => Content::Site(Arc::new(files)),
        Err(err) => Content::Errors(Arc::new(pages::errors_page(None, Some(&format!("{err:#}"))))),
    }
}

/// Renders the site into memory, once; with `out`, writes those same files there too.
fn render(project: &Project, history: Option<&History>, config: &ServeConfig) -> Result<BTreeMap<String, Vec<u8>>> {
    let files = project.render(history, project.site_options(config.redact, None)?)?;
    if let Some(out) = &config.out {
        project.write(&files, out)?;
    }
    Ok(files)
}

/// A running preview server.
pub struct Server {
    http: Arc<tiny_http::Server>,
    state: Arc<RwLock<Snapshot>>,
    building: Arc<Mutex<()>>,
    config: ServeConfig,
}

impl Server {
    /// Builds the site once and binds 127.0.0.1 on the configured port.
    pub fn start(config: ServeConfig) -> Result<Server> {
        let http = tiny_http::Server::http(("127.0.0.1", config.port))
            .map_err(|e| anyhow!("cannot listen on 127.0.0.1:{}: {e}", config.port))?;
        let snapshot = Snapshot { version: 1, content: build(&config) };
        Ok(Server {
            http: Arc::new(http),
            state: Arc::new(RwLock::new(snapshot)),
            building: Arc::new(Mutex::new(())),
            config,
        })
    }

    /// The address to open, e.g. `http://127.0.0.1:8000/`.
    pub fn url(&self) -> String {
        match self.http.server_addr().to_ip() {
            Some(addr) => format!("http://{addr}/"),
            None => "http://127.0.0.1/".to_string(),
        }
    }

    /// Rebuilds and, when anything changed, bumps the version. Returns whether it changed.
    pub fn rebuild(&self) -> bool {
        rebuild(&self.config, &self.state, &self.building)
    }

    /// Watches the records and serves requests until Ctrl-C (or until [`Server::stop`] is
    /// called from another thread through the handle).
    pub fn run(&self) -> Result<()> {
        let _watcher = watch::watch(&self.config.records, {
            let (config, state, building) = (self.config.clone(), self.state.clone(), self.building.clone());
            move || {
                if rebuild(&config, &state, &building) {
                    eprintln!("rebuilt");
                }
            }
        })
        .context("watching the records directory")?;
        let stopping = Arc::new(AtomicBool::new(false));
        let (http, flag) = (self.http.clone(), stopping.clone());
        // Only one handler per process: a second `run` keeps the first one's.
        let _ = ctrlc::set_handler(move || {
            flag.store(true, Ordering::SeqCst);
            http.unblock();
        });
        for request in self.http.incoming_requests() {
            let snapshot = match self.state.read() {
                Ok(s) => s.clone(),
                Err(poisoned) => poisoned.into_inner().clone(),
            };
            answer(request, &snapshot);
        }
        // Let a build that is writing `--out` finish, so nothing is left half-written.
        let _done = self.building.lock();
        if stopping.load(Ordering::SeqCst) {
            eprintln!("stopped");
        }
        Ok(())
    }

    /// Makes [`Server::run`] return.
    pub fn stop(&self) {
        self.http.unblock();
    }
}

fn rebuild(config: &ServeConfig, state: &RwLock<Snapshot>, building: &Mutex<()>) -> bool {
    let _guard = building.lock().unwrap_or_else(|e| e.into_inner());
    let content = build(config);
    let mut snapshot = state.write().unwrap_or_else(|e| e.into_inner());
    if snapshot.content == content {
        return false;
    }
    snapshot.version += 1;
    snapshot.content = content;
    true
}

fn answer(request: tiny_http::Request, snapshot: &Snapshot) {
    use tiny_http::{Header, Method, Response};
    let reply = match request.method() {
        Method::Get | Method::Head => http::respond(request.url(), snapshot),
        _ => http::Reply {
            status: 405,
            content_type: "text/plain; charset=utf-8",
            location: None,
            body: b"only GET and HEAD".to_vec(),
        },
    };
    let mut response = Response::from_data(reply.body).with_status_code(reply.status);
    let mut headers = vec![("Content-Type", reply.content_type.to_string()), ("Cache-Control", "no-store".into())];
    if let Some(location) = reply.location {
        headers.push(("Location", location));
    }
    for (name, value) in headers {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    // A client that went away is not our problem.
    let _ = request.respond(response);
}
