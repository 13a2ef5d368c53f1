//! Pages and fragments kept from one build to the next, for a command that stays running
//! (`serve`): a customer's page and card are rendered again only when what they are made
//! from changed ([`super::Site::customer_key`]); every other page is rendered each time.
//!
//! A key hashes the `Debug` text of its inputs piece by piece, each piece with its length,
//! so that a string holding `", "` cannot pass for two strings. The hash is SHA-256, so that
//! no crafted record text can make a changed page's key that of the page before: a build
//! over an old site takes pages from it by key ([`crate::render::Sink::keep`]).

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use anyhow::Result;
use sha2::{Digest, Sha256};

/// What a rendering is a function of, hashed (the first 128 bits of a SHA-256).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u128);

/// A hasher that gathers the bytes it is fed, each piece of `Debug` text with its length,
/// for one SHA-256 at the end (one call per piece would cost more than the hashing).
struct Pieces(Vec<u8>);

impl Pieces {
    fn digest(&self) -> u128 {
        let digest = Sha256::digest(&self.0);
        let mut first = [0u8; 16];
        first.copy_from_slice(&digest[..16]);
        u128::from_be_bytes(first)
    }
}

impl Hasher for Pieces {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        self.digest() as u64
    }
}

impl fmt::Write for Pieces {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.write_usize(s.len());
        self.write(s.as_bytes());
        Ok(())
    }
}

impl Key {
    /// The key of everything in `parts` (their `Debug` text, in order).
    pub fn of(parts: &[&dyn fmt::Debug]) -> Key {
        parts.iter().fold(Keyer::new(), |keyer, part| keyer.debug(part)).finish()
    }

    /// The hash.
    pub fn value(self) -> u128 {
        self.0
    }
}

/// A key made part by part: by `Hash` where a part has it (much quicker than formatting its
/// `Debug` text), else by its `Debug` text.
pub struct Keyer(Pieces);

impl Keyer {
    /// Nothing hashed yet.
    pub fn new() -> Keyer {
        Keyer(Pieces(Vec::new()))
    }

    /// Adds `part` by its `Debug` text.
    pub fn debug(mut self, part: &dyn fmt::Debug) -> Keyer {
        // Writing to a hasher cannot fail.
        let _ = write!(self.0, "{part:?}");
        let _ = fmt::Write::write_str(&mut self.0, "\u{0}");
        self
    }

    /// Adds `part` by its `Hash` (which ends each string and counts each list, so that
    /// parts cannot run into each other either).
    pub fn hash(mut self, part: &impl Hash) -> Keyer {
        part.hash(&mut self.0);
        self.0.write_u8(0xff);
        self
    }

    /// The key.
    pub fn finish(self) -> Key {
        Key(self.0.digest())
    }
}

/// A rendering and the key it was rendered for.
type Kept = HashMap<String, (Key, Arc<str>)>;

/// The renderings of the last complete build and those of the build under way.
#[derive(Default)]
pub struct PageMemo {
    kept: RwLock<Kept>,
    next: Mutex<Kept>,
    rendered: AtomicUsize,
    reused: AtomicUsize,
}

impl PageMemo {
    /// Starts a build. Forgets what a build that did not finish rendered.
    pub fn begin(&mut self) {
        self.next.get_mut().unwrap_or_else(|e| e.into_inner()).clear();
        self.rendered.store(0, Ordering::Relaxed);
        self.reused.store(0, Ordering::Relaxed);
    }

    /// The rendering called `name` for `key`: the kept one when the last complete build
    /// rendered it for the same key, else `render`'s. Either way kept for the next build.
    pub fn get_or_render(&self, name: &str, key: Key, render: impl FnOnce() -> Result<String>) -> Result<Arc<str>> {
        let kept = self.kept.read().unwrap_or_else(|e| e.into_inner()).get(name).filter(|(k, _)| *k == key).cloned();
        let text = match kept {
            Some((_, text)) => {
                self.reused.fetch_add(1, Ordering::Relaxed);
                text
            }
            None => {
                self.rendered.fetch_add(1, Ordering::Relaxed);
                Arc::from(render()?)
            }
        };
        self.next.lock().unwrap_or_else(|e| e.into_inner()).insert(name.to_string(), (key, text.clone()));
        Ok(text)
    }

    /// Ends a build whose pages are complete: its renderings are the ones kept (the others
    /// are dropped). Callable while the build goes on with the files that are not pages.
    pub fn finish(&self) {
        let next = std::mem::take(&mut *self.next.lock().unwrap_or_else(|e| e.into_inner()));
        *self.kept.write().unwrap_or_else(|e| e.into_inner()) = next;
    }

    /// The key the last complete build made the rendering `name` for, when it made one.
    pub fn key(&self, name: &str) -> Option<u128> {
        self.kept.read().unwrap_or_else(|e| e.into_inner()).get(name).map(|(key, _)| key.value())
    }

    /// How many renderings the last build rendered and how many it reused.
    pub fn counts(&self) -> (usize, usize) {
        (self.rendered.load(Ordering::Relaxed), self.reused.load(Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_cannot_pass_for_two() {
        let two = tera::Value::from_serializable(&["a", "b"]);
        let one = tera::Value::from_serializable(&["a\"), String(\"b"]);
        assert_eq!(format!("{two:?}"), format!("{one:?}"), "Tera's Debug text alone does not tell them apart");
        assert_ne!(Key::of(&[&two]), Key::of(&[&one]));
        assert_ne!(Key::of(&[&"ab", &"c"]), Key::of(&[&"a", &"bc"]));
        assert_eq!(Key::of(&[&"ab", &1]), Key::of(&[&"ab".to_string(), &1]));
        let hashed = |a: &str, b: &str| Keyer::new().hash(&a).hash(&b).finish();
        assert_ne!(hashed("ab", "c"), hashed("a", "bc"));
        assert_ne!(
            Keyer::new().hash(&vec!["a", "b"]).hash(&"c").finish(),
            Keyer::new().hash(&vec!["a"]).hash(&vec!["b", "c"]).finish()
        );
        assert_eq!(hashed("ab", "c"), Keyer::new().hash(&"ab".to_string()).hash(&"c").finish());
    }

    #[test]
    fn only_the_last_complete_build_is_kept() {
        let mut memo = PageMemo::default();
        let (a, b) = (Key::of(&[&"a"]), Key::of(&[&"b"]));
        memo.begin();
        memo.get_or_render("p", a, || Ok("A".to_string())).unwrap();
        memo.finish();
        memo.begin();
        let again = memo.get_or_render("p", a, || panic!("kept, not rendered again")).unwrap();
        assert_eq!(&*again, "A");
        assert_eq!(memo.counts(), (0, 1));
        let changed = memo.get_or_render("q", a, || Ok("Q".to_string())).unwrap();
        assert_eq!(&*changed, "Q", "another name is another rendering");
        // This build does not finish: the next one still has only the first one's.
        memo.begin();
        let other = memo.get_or_render("p", b, || Ok("B".to_string())).unwrap();
        assert_eq!(&*other, "B", "another key is rendered again");
        memo.begin();
        memo.get_or_render("q", a, || Ok("Q".to_string())).unwrap();
        assert_eq!(memo.counts(), (1, 0), "`q` was not in the last complete build");
    }
}
