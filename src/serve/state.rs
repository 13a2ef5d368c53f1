//! What the server shows, shared between the rebuilds and the requests: one snapshot, swapped
//! whole (a request holds the snapshot it started with, never half of two), and the version
//! the live-reload endpoint waits on, announced after the swap.
//!
//! A rebuild publishes its pages first and finishes its exports (the search index, the data
//! files and the calendars: [`crate::render::exports`]) in the same snapshot afterwards: a
//! request for a file that is not one of the pages waits until they are there. When a newer
//! change makes them pointless before they are finished, they are abandoned and such a
//! request waits for the next version's instead.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use tokio::sync::watch;

use super::{Content, Files, Snapshot};

/// Where a snapshot's exports are.
#[derive(Debug, Clone)]
pub enum Exported {
    /// Being rendered.
    Pending,
    /// Rendered (none for the diagnostics page).
    Ready(Arc<Files>),
    /// Never to be finished: a newer version is on its way.
    Abandoned,
}

/// The exports of one snapshot, and the way to wait for them.
#[derive(Debug)]
pub struct Exports(watch::Sender<Exported>);

impl Exports {
    fn new(state: Exported) -> Arc<Exports> {
        Arc::new(Exports(watch::channel(state).0))
    }

    /// Exports already rendered.
    pub fn finished(files: Arc<Files>) -> Arc<Exports> {
        Exports::new(Exported::Ready(files))
    }

    /// The exports when they are rendered.
    pub fn ready(&self) -> Option<Arc<Files>> {
        match &*self.0.borrow() {
            Exported::Ready(files) => Some(files.clone()),
            _ => None,
        }
    }

    fn state(&self) -> Exported {
        self.0.borrow().clone()
    }
}

/// The snapshot being served and the announcement of new versions.
pub struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    versions: watch::Sender<u64>,
}

impl Shared {
    /// Starts with `content` and its `exports` as version 1.
    pub fn new(content: Content, exports: Arc<Files>) -> Shared {
        let (versions, _) = watch::channel(1);
        let exports = Exports::finished(exports);
        Shared { snapshot: RwLock::new(Arc::new(Snapshot { version: 1, content, exports })), versions }
    }

    /// The snapshot being served now.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// A receiver of the versions, to wait for the next one.
    pub fn versions(&self) -> watch::Receiver<u64> {
        self.versions.subscribe()
    }

    /// Serves `content` (pages, or the diagnostics page, which has no exports) from now on
    /// when it differs from what is served, with the next version, then announces that
    /// version; a site's exports follow with [`Shared::finish`]. Returns the version served
    /// afterwards and whether it is new.
    pub fn publish(&self, content: Content) -> (u64, bool) {
        let version = {
            let mut snapshot = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
            if snapshot.content == content {
                return (snapshot.version, false);
            }
            let exports = match content {
                Content::Site(_) => Exported::Pending,
                Content::Errors(_) => Exported::Ready(Arc::default()),
            };
            let version = snapshot.version + 1;
            *snapshot = Arc::new(Snapshot { version, content, exports: Exports::new(exports) });
            version
        };
        self.versions.send_replace(version);
        (version, true)
    }

    /// Gives version `version` its exports, when it is still the one served: into the same
    /// snapshot when they were pending, else (its pages were unchanged) as a new version when
    /// they differ from the ones it has. Returns the version served afterwards and whether it
    /// is new.
    pub fn finish(&self, version: u64, exports: Arc<Files>) -> (u64, bool) {
        let version = {
            let mut snapshot = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
            if snapshot.version != version {
                return (snapshot.version, false);
            }
            match snapshot.exports.state() {
                Exported::Ready(old) if old == exports => return (version, false),
                Exported::Ready(_) => {
                    let content = snapshot.content.clone();
                    let exports = Exports::new(Exported::Ready(exports));
                    *snapshot = Arc::new(Snapshot { version: version + 1, content, exports });
                    version + 1
                }
                Exported::Pending | Exported::Abandoned => {
                    snapshot.exports.0.send_replace(Exported::Ready(exports));
                    return (version, false);
                }
            }
        };
        self.versions.send_replace(version);
        (version, true)
    }

    /// Says that version `version`'s exports will not be finished (a newer change came), so
    /// that the requests waiting for them wait for the next version's.
    pub fn abandon(&self, version: u64) {
        let snapshot = self.snapshot();
        if snapshot.version == version && matches!(snapshot.exports.state(), Exported::Pending) {
            snapshot.exports.0.send_replace(Exported::Abandoned);
        }
    }

    /// The snapshot to answer a request for the site file `rel` from: the one served now,
    /// once its exports are there when `rel` is not one of its pages; waits at most `limit`
    /// (then the snapshot served then, which answers 404 for a missing export).
    pub async fn snapshot_for(&self, rel: &str, limit: Duration) -> Arc<Snapshot> {
        let wait = async {
            loop {
                let snapshot = self.snapshot();
                let mut exports = snapshot.exports.0.subscribe();
                let state = exports.borrow_and_update().clone();
                match state {
                    Exported::Ready(_) => return snapshot,
                    _ if snapshot.has_page(rel) => return snapshot,
                    Exported::Pending => {
                        let _ = exports.wait_for(|s| !matches!(s, Exported::Pending)).await;
                    }
                    Exported::Abandoned => {
                        // The next rebuild publishes a new version, or (its pages unchanged)
                        // finishes this one's exports.
                        let mut versions = self.versions();
                        tokio::select! {
                            _ = versions.wait_for(|v| *v != snapshot.version) => {}
                            _ = exports.wait_for(|s| !matches!(s, Exported::Abandoned)) => {}
                        }
                    }
                }
            }
        };
        match tokio::time::timeout(limit, wait).await {
            Ok(snapshot) => snapshot,
            Err(_) => self.snapshot(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn files(path: &str, text: &str) -> Arc<Files> {
        Arc::new(BTreeMap::from([(path.to_string(), Arc::from(text.as_bytes()))]))
    }

    fn site(page: &str) -> Content {
        Content::Site(files("index.html", page))
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap()
    }

    /// What `snapshot_for` is given: longer than any test waits for it.
    const LIMIT: Duration = Duration::from_secs(600);

    /// `snapshot_for` answered (the wait ended) well before its limit.
    fn answered(shared: &Shared, rel: &str) -> Arc<Snapshot> {
        let runtime = runtime();
        let waited = runtime
            .block_on(async { tokio::time::timeout(Duration::from_secs(20), shared.snapshot_for(rel, LIMIT)).await });
        waited.unwrap_or_else(|_| panic!("{rel}: still waiting after 20 s"))
    }

    #[test]
    fn a_new_content_is_a_new_version_announced_after_the_swap() {
        let shared = Shared::new(site("a"), Arc::default());
        let mut versions = shared.versions();
        let before = shared.snapshot();
        assert_eq!(shared.publish(site("a")), (1, false), "the same content is not a new version");
        assert!(!versions.has_changed().unwrap_or(true));
        assert_eq!(shared.publish(site("b")), (2, true));
        assert!(versions.has_changed().unwrap_or(false));
        assert_eq!(*versions.borrow_and_update(), 2);
        assert_eq!(shared.snapshot().version, 2);
        assert_eq!(before.version, 1, "a request keeps the snapshot it started with");
        assert!(before.content == site("a"));
    }

    #[test]
    fn a_request_for_an_export_waits_for_the_exports_of_the_version_it_is_served() {
        let shared = Arc::new(Shared::new(site("a"), files("data/x.json", "1")));
        shared.publish(site("b"));
        assert!(shared.snapshot().exports.ready().is_none(), "pages first, exports pending");
        let page = answered(&shared, "index.html");
        assert_eq!(page.version, 2, "a page is served at once");
        let finisher = {
            let shared = shared.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                shared.finish(2, files("data/x.json", "2"))
            })
        };
        let export = answered(&shared, "data/x.json");
        assert_eq!(finisher.join().unwrap(), (2, false), "finished in the same version");
        assert_eq!(export.version, 2);
        assert_eq!(&*export.exports.ready().unwrap()["data/x.json"], b"2");
    }

    #[test]
    fn abandoned_exports_make_a_request_wait_for_the_next_version() {
        let shared = Arc::new(Shared::new(site("a"), files("data/x.json", "1")));
        shared.publish(site("b"));
        shared.abandon(2);
        let next = {
            let shared = shared.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                shared.publish(site("c"));
                shared.finish(3, files("data/x.json", "3"));
            })
        };
        let export = answered(&shared, "data/x.json");
        next.join().unwrap();
        assert_eq!(export.version, 3);
        assert_eq!(&*export.exports.ready().unwrap()["data/x.json"], b"3");
        assert_eq!(shared.finish(2, files("data/x.json", "2")), (3, false), "a stale version changes nothing");
    }

    #[test]
    fn abandoned_exports_finished_by_a_rebuild_with_the_same_pages_answer_the_waiting_request() {
        let shared = Arc::new(Shared::new(site("a"), files("data/x.json", "1")));
        shared.publish(site("b"));
        shared.abandon(2);
        let next = {
            let shared = shared.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                assert_eq!(shared.publish(site("b")), (2, false), "the same pages");
                shared.finish(2, files("data/x.json", "2b"))
            })
        };
        let export = answered(&shared, "data/x.json");
        assert_eq!(next.join().unwrap(), (2, false));
        assert_eq!((export.version, &*export.exports.ready().unwrap()["data/x.json"]), (2, &b"2b"[..]));
    }

    #[test]
    fn unchanged_pages_with_other_exports_are_a_new_version() {
        let shared = Shared::new(site("a"), files("data/x.json", "1"));
        assert_eq!(shared.publish(site("a")), (1, false));
        assert_eq!(shared.finish(1, files("data/x.json", "1")), (1, false), "nothing changed");
        assert_eq!(shared.finish(1, files("data/x.json", "2")), (2, true));
        let now = shared.snapshot();
        assert!(now.content == site("a"));
        assert_eq!(&*now.exports.ready().unwrap()["data/x.json"], b"2");
    }

    #[test]
    fn the_diagnostics_page_has_no_exports_to_wait_for() {
        let shared = Shared::new(site("a"), Arc::default());
        shared.publish(Content::Errors(Arc::new("errors".to_string())));
        let snapshot = answered(&shared, "data/x.json");
        assert_eq!(snapshot.version, 2);
        assert!(snapshot.exports.ready().is_some());
    }
}
