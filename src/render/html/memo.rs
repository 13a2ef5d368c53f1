//! Pages and fragments kept from one build to the next, for a command that stays running
//! (`serve`): one whose template and context are what they were is not rendered again.
//!
//! Sound by construction: Tera's output is a function of the template, the context and what
//! every page shares (the compiled templates, the global words), and all three are in the key
//! ([`Key`]). A context is keyed by its `Debug` text taken piece by piece, each piece with its
//! length, so that a string holding `", "` cannot pass for two strings.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::hash::{DefaultHasher, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::Result;

/// What a rendering is a function of, hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u64, u64);

/// A hasher fed with `Debug` text, each piece written with its length.
struct Pieces(DefaultHasher, DefaultHasher);

impl fmt::Write for Pieces {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for h in [&mut self.0, &mut self.1] {
            h.write_usize(s.len());
            h.write(s.as_bytes());
        }
        Ok(())
    }
}

impl Key {
    /// The key of everything in `parts` (their `Debug` text, in order).
    pub fn of(parts: &[&dyn fmt::Debug]) -> Key {
        let mut second = DefaultHasher::new();
        second.write_u8(0x5a);
        let mut pieces = Pieces(DefaultHasher::new(), second);
        for part in parts {
            // Writing to a hasher cannot fail.
            let _ = write!(pieces, "{part:?}");
            let _ = pieces.write_str("\u{0}");
        }
        Key(pieces.0.finish(), pieces.1.finish())
    }
}

/// The renderings of the last complete build, and those of the build under way.
#[derive(Default)]
pub struct PageMemo {
    kept: HashMap<Key, Arc<String>>,
    next: Mutex<HashMap<Key, Arc<String>>>,
    rendered: AtomicUsize,
    reused: AtomicUsize,
}

impl PageMemo {
    /// The rendering for `key`: the kept one, else `render`'s (kept for the next build).
    pub fn get_or_render(&self, key: Key, render: impl FnOnce() -> Result<String>) -> Result<Arc<String>> {
        let text = match self.kept.get(&key) {
            Some(text) => {
                self.reused.fetch_add(1, Ordering::Relaxed);
                text.clone()
            }
            None => {
                self.rendered.fetch_add(1, Ordering::Relaxed);
                Arc::new(render()?)
            }
        };
        self.next.lock().unwrap_or_else(|e| e.into_inner()).insert(key, text.clone());
        Ok(text)
    }

    /// Starts a build: forgets what a build that did not finish rendered.
    pub fn begin(&mut self) {
        self.next.get_mut().unwrap_or_else(|e| e.into_inner()).clear();
        self.rendered.store(0, Ordering::Relaxed);
        self.reused.store(0, Ordering::Relaxed);
    }

    /// Ends a complete build: its renderings are the ones kept (the others are dropped).
    pub fn finish(&mut self) {
        self.kept = std::mem::take(self.next.get_mut().unwrap_or_else(|e| e.into_inner()));
    }

    /// How many renderings the build rendered and how many it reused.
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
        assert_eq!(Key::of(&[&two]), Key::of(&[&tera::Value::from_serializable(&["a", "b"])]));
    }

    #[test]
    fn only_the_last_complete_build_is_kept() {
        let mut memo = PageMemo::default();
        let (a, b) = (Key::of(&[&"a"]), Key::of(&[&"b"]));
        memo.begin();
        memo.get_or_render(a, || Ok("A".to_string())).unwrap();
        memo.finish();
        memo.begin();
        let again = memo.get_or_render(a, || panic!("kept, not rendered again")).unwrap();
        assert_eq!(*again, "A");
        assert_eq!(memo.counts(), (0, 1));
        memo.get_or_render(b, || Ok("B".to_string())).unwrap();
        // This build does not finish: the next one still has `a` only.
        memo.begin();
        let mut rendered = false;
        memo.get_or_render(b, || {
            rendered = true;
            Ok("B".to_string())
        })
        .unwrap();
        assert!(rendered);
        memo.finish();
        memo.begin();
        memo.get_or_render(a, || Ok("A2".to_string())).unwrap();
        assert_eq!(memo.counts(), (1, 0), "`a` was not used by the last complete build");
    }
}
