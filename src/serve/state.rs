//! What the server shows, shared between the rebuilds and the requests: one snapshot, swapped
//! whole (a request holds the snapshot it started with, never half of two), and the version
//! the live-reload endpoint waits on, announced after the swap.
//!
//! A rebuild publishes the first part of a site (the assets and the customers' pages, the
//! page just edited among them) as a new version, and finishes the parts that follow (the
//! other pages, then the exports: [`crate::project::SITE_PARTS`]) in the same snapshot
//! afterwards: a request for a file that is not in the first part waits until the part that
//! holds it is there. When a newer change makes them pointless before they are finished,
//! they are abandoned and such a request waits for the next version's instead.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use tokio::sync::watch;

use super::{Content, Files, Snapshot};

/// Where one of a snapshot's later parts is.
#[derive(Debug, Clone)]
pub enum Stage {
    /// Being rendered.
    Pending,
    /// Rendered.
    Ready(Arc<Files>),
    /// Never to be finished: a newer version is on its way.
    Abandoned,
}

/// One part of a snapshot that follows its first, and the way to wait for it.
#[derive(Debug)]
pub struct Later(watch::Sender<Stage>);

impl Later {
    fn new(stage: Stage) -> Arc<Later> {
        Arc::new(Later(watch::channel(stage).0))
    }

    /// A part already rendered.
    pub fn finished(files: Arc<Files>) -> Arc<Later> {
        Later::new(Stage::Ready(files))
    }

    /// The part's files when they are rendered.
    pub fn ready(&self) -> Option<Arc<Files>> {
        match &*self.0.borrow() {
            Stage::Ready(files) => Some(files.clone()),
            _ => None,
        }
    }

    fn stage(&self) -> Stage {
        self.0.borrow().clone()
    }
}

/// The snapshot being served and the announcement of new versions.
pub struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    versions: watch::Sender<u64>,
}

impl Shared {
    /// Starts with `content` and the `later` parts that follow it, rendered, as version 1.
    pub fn new(content: Content, later: Vec<Arc<Files>>) -> Shared {
        let (versions, _) = watch::channel(1);
        let later = later.into_iter().map(Later::finished).collect();
        Shared { snapshot: RwLock::new(Arc::new(Snapshot { version: 1, content, later })), versions }
    }

    /// The snapshot being served now.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// A receiver of the versions, to wait for the next one.
    pub fn versions(&self) -> watch::Receiver<u64> {
        self.versions.subscribe()
    }

    /// Serves `content` (a site's first part, which `following` parts follow, or the
    /// diagnostics page, which nothing follows) from now on when it differs from what is
    /// served, with the next version, then announces that version; the parts that follow
    /// come with [`Shared::finish`]. Returns the version served afterwards and whether it
    /// is new.
    pub fn publish(&self, content: Content, following: usize) -> (u64, bool) {
        let version = {
            let mut snapshot = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
            if snapshot.content == content && snapshot.later.len() == following {
                return (snapshot.version, false);
            }
            let version = snapshot.version + 1;
            let later = (0..following).map(|_| Later::new(Stage::Pending)).collect();
            *snapshot = Arc::new(Snapshot { version, content, later });
            version
        };
        self.versions.send_replace(version);
        (version, true)
    }

    /// Gives version `version` its later part `part`: into the same snapshot when it was
    /// pending, else (what came before it was unchanged) as a new version when it differs
    /// from the one it has, the parts after it pending again. Returns the version served
    /// afterwards and whether it is new; `None` when `version` is not the one served (the
    /// part is dropped).
    pub fn finish(&self, version: u64, part: usize, files: Arc<Files>) -> Option<(u64, bool)> {
        let version = {
            let mut snapshot = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
            let later = snapshot.later.get(part).filter(|_| snapshot.version == version)?;
            match later.stage() {
                Stage::Ready(old) if old == files => return Some((version, false)),
                Stage::Ready(_) => {
                    let content = snapshot.content.clone();
                    let kept = snapshot.later[..part].iter().cloned();
                    let pending = (part + 1..snapshot.later.len()).map(|_| Later::new(Stage::Pending));
                    let later = kept.chain(std::iter::once(Later::finished(files))).chain(pending).collect();
                    *snapshot = Arc::new(Snapshot { version: version + 1, content, later });
                    version + 1
                }
                Stage::Pending | Stage::Abandoned => {
                    later.0.send_replace(Stage::Ready(files));
                    return Some((version, false));
                }
            }
        };
        self.versions.send_replace(version);
        Some((version, true))
    }

    /// Says that version `version`'s parts not finished yet will not be (a newer change
    /// came), so that the requests waiting for them wait for the next version's.
    pub fn abandon(&self, version: u64) {
        let snapshot = self.snapshot();
        if snapshot.version == version {
            for later in snapshot.later.iter().filter(|l| matches!(l.stage(), Stage::Pending)) {
                later.0.send_replace(Stage::Abandoned);
            }
        }
    }

    /// The snapshot to answer a request for the site file `rel` from: the one served now,
    /// once the part that holds `rel` is there (every part, when none does: a 404); waits at
    /// most `limit` (then the snapshot served then, which may not hold it yet).
    pub async fn snapshot_for(&self, rel: &str, limit: Duration) -> Arc<Snapshot> {
        let wait = async {
            'version: loop {
                let snapshot = self.snapshot();
                if snapshot.shows_first(rel) {
                    return snapshot;
                }
                for later in &snapshot.later {
                    let mut stage = later.0.subscribe();
                    let now = stage.borrow_and_update().clone();
                    match now {
                        Stage::Ready(files) if holds(&files, rel) => return snapshot,
                        Stage::Ready(_) => {}
                        Stage::Pending => {
                            let _ = stage.wait_for(|s| !matches!(s, Stage::Pending)).await;
                            continue 'version;
                        }
                        Stage::Abandoned => {
                            // The next rebuild publishes a new version, or (what comes first
                            // unchanged) finishes this one's parts.
                            let mut versions = self.versions();
                            tokio::select! {
                                _ = versions.wait_for(|v| *v != snapshot.version) => {}
                                _ = stage.wait_for(|s| !matches!(s, Stage::Abandoned)) => {}
                            }
                            continue 'version;
                        }
                    }
                }
                return snapshot;
            }
        };
        match tokio::time::timeout(limit, wait).await {
            Ok(snapshot) => snapshot,
            Err(_) => self.snapshot(),
        }
    }
}

/// Whether `files` hold the site file `rel` (or the folder page `rel/index.html`).
pub fn holds(files: &Files, rel: &str) -> bool {
    files.contains_key(rel) || files.contains_key(&format!("{rel}/index.html"))
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

    /// Two later parts, as a site has: the other pages, then the exports.
    const FOLLOWING: usize = 2;

    fn later(pages: &str, export: &str) -> Vec<Arc<Files>> {
        vec![files("customers/index.html", pages), files("data/x.json", export)]
    }

    fn export_of(snapshot: &Snapshot) -> Vec<u8> {
        snapshot.file("data/x.json").map(|b| b.to_vec()).unwrap_or_default()
    }

    #[test]
    fn a_new_content_is_a_new_version_announced_after_the_swap() {
        let shared = Shared::new(site("a"), later("p", "1"));
        let mut versions = shared.versions();
        let before = shared.snapshot();
        assert_eq!(shared.publish(site("a"), FOLLOWING), (1, false), "the same content is not a new version");
        assert!(!versions.has_changed().unwrap_or(true));
        assert_eq!(shared.publish(site("b"), FOLLOWING), (2, true));
        assert!(versions.has_changed().unwrap_or(false));
        assert_eq!(*versions.borrow_and_update(), 2);
        assert_eq!(shared.snapshot().version, 2);
        assert_eq!(before.version, 1, "a request keeps the snapshot it started with");
        assert!(before.content == site("a"));
    }

    #[test]
    fn a_request_for_a_later_file_waits_for_the_part_that_holds_it_in_its_version() {
        let shared = Arc::new(Shared::new(site("a"), later("p", "1")));
        shared.publish(site("b"), FOLLOWING);
        assert!(shared.snapshot().file("data/x.json").is_none(), "the first part first, the rest pending");
        let page = answered(&shared, "index.html");
        assert_eq!(page.version, 2, "a page of the first part is served at once");
        let finisher = {
            let shared = shared.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                let pages = shared.finish(2, 0, files("customers/index.html", "q"));
                std::thread::sleep(Duration::from_millis(50));
                (pages, shared.finish(2, 1, files("data/x.json", "2")))
            })
        };
        let list = answered(&shared, "customers");
        assert_eq!(list.file("customers/index.html").as_deref(), Some(&b"q"[..]), "the folder page of part 0");
        let export = answered(&shared, "data/x.json");
        let finished = finisher.join().unwrap();
        assert_eq!(finished, (Some((2, false)), Some((2, false))), "finished in the same version");
        assert_eq!((export.version, export_of(&export)), (2, b"2".to_vec()));
        let missing = answered(&shared, "nope.html");
        assert!(missing.file("nope.html").is_none(), "a file no part holds is answered once all are there");
    }

    #[test]
    fn abandoned_parts_make_a_request_wait_for_the_next_version() {
        let shared = Arc::new(Shared::new(site("a"), later("p", "1")));
        shared.publish(site("b"), FOLLOWING);
        shared.finish(2, 0, files("customers/index.html", "q"));
        shared.abandon(2);
        let next = {
            let shared = shared.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                shared.publish(site("c"), FOLLOWING);
                shared.finish(3, 0, files("customers/index.html", "r"));
                shared.finish(3, 1, files("data/x.json", "3"));
            })
        };
        let export = answered(&shared, "data/x.json");
        next.join().unwrap();
        assert_eq!((export.version, export_of(&export)), (3, b"3".to_vec()));
        assert_eq!(shared.finish(2, 1, files("data/x.json", "2")), None, "a stale version changes nothing");
    }

    #[test]
    fn abandoned_parts_finished_by_a_rebuild_with_the_same_first_part_answer_the_waiting_request() {
        let shared = Arc::new(Shared::new(site("a"), later("p", "1")));
        shared.publish(site("b"), FOLLOWING);
        shared.abandon(2);
        let next = {
            let shared = shared.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                assert_eq!(shared.publish(site("b"), FOLLOWING), (2, false), "the same first part");
                assert_eq!(shared.finish(2, 0, files("customers/index.html", "q")), Some((2, false)));
                shared.finish(2, 1, files("data/x.json", "2b"))
            })
        };
        let export = answered(&shared, "data/x.json");
        assert_eq!(next.join().unwrap(), Some((2, false)));
        assert_eq!((export.version, export_of(&export)), (2, b"2b".to_vec()));
    }

    #[test]
    fn an_unchanged_first_part_with_another_later_part_is_a_new_version() {
        let shared = Shared::new(site("a"), later("p", "1"));
        assert_eq!(shared.publish(site("a"), FOLLOWING), (1, false));
        assert_eq!(shared.finish(1, 0, files("customers/index.html", "p")), Some((1, false)), "nothing changed");
        assert_eq!(shared.finish(1, 0, files("customers/index.html", "q")), Some((2, true)));
        let now = shared.snapshot();
        assert!(now.content == site("a"));
        assert_eq!(now.file("customers/index.html").as_deref(), Some(&b"q"[..]));
        assert!(now.file("data/x.json").is_none(), "the parts after the new one are pending again");
        assert_eq!(shared.finish(1, 1, files("data/x.json", "1")), None, "version 1 is gone");
        assert_eq!(shared.finish(2, 1, files("data/x.json", "1")), Some((2, false)));
        assert_eq!(export_of(&shared.snapshot()), b"1".to_vec());
    }

    #[test]
    fn the_diagnostics_page_has_nothing_to_wait_for() {
        let shared = Shared::new(site("a"), later("p", "1"));
        shared.publish(Content::Errors(Arc::new("errors".to_string())), 0);
        let snapshot = answered(&shared, "data/x.json");
        assert_eq!(snapshot.version, 2);
        assert!(snapshot.later.is_empty());
    }
}
