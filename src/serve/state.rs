//! What the server shows, shared between the rebuilds and the requests: one snapshot, swapped
//! whole (a request holds the snapshot it started with, never half of two), and the version
//! the live-reload endpoint waits on, announced after the swap.

use std::sync::{Arc, RwLock};

use tokio::sync::watch;

use super::{Content, Snapshot};

/// The snapshot being served and the announcement of new versions.
pub struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    versions: watch::Sender<u64>,
}

impl Shared {
    /// Starts with `content` as version 1.
    pub fn new(content: Content) -> Shared {
        let (versions, _) = watch::channel(1);
        Shared { snapshot: RwLock::new(Arc::new(Snapshot { version: 1, content })), versions }
    }

    /// The snapshot being served now.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// A receiver of the versions, to wait for the next one.
    pub fn versions(&self) -> watch::Receiver<u64> {
        self.versions.subscribe()
    }

    /// Serves `content` from now on when it differs from what is served, with the next
    /// version, then announces that version. Returns the version served afterwards and
    /// whether it is new.
    pub fn publish(&self, content: Content) -> (u64, bool) {
        let version = {
            let mut snapshot = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
            if snapshot.content == content {
                return (snapshot.version, false);
            }
            let version = snapshot.version + 1;
            *snapshot = Arc::new(Snapshot { version, content });
            version
        };
        self.versions.send_replace(version);
        (version, true)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn site(page: &str) -> Content {
        Content::Site(Arc::new(BTreeMap::from([("index.html".to_string(), Arc::from(page.as_bytes()))])))
    }

    #[test]
    fn a_new_content_is_a_new_version_announced_after_the_swap() {
        let shared = Shared::new(site("a"));
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
}
