//! The list of the pages a build made from keys (`.cardfile-pages` in the site), so that the
//! next build over that site takes such a page from it, unchanged, instead of rendering it
//! again when it is made from the same data ([`crate::render::Sink::keep`]).
//!
//! The first line names the list's format and the sources this program was compiled from
//! (another program may render the same data otherwise); each other line is
//! `<key, 32 hex digits> <length in bytes> <path>`, in path order, so that the same pages
//! give the same list. A page is taken from the old site only when its file there is a
//! regular file of the length listed and not modified after the list was written (the list
//! is written after every page): a page changed by hand since is rendered again.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Mutex;
use std::time::SystemTime;

use anyhow::{Context, Result};

/// The file of the list, at the root of the site.
pub const PAGES: &str = ".cardfile-pages";

/// The first line of a list this program wrote.
fn header() -> String {
    format!("cardfile pages 1 {}\n", env!("CARDFILE_SOURCES"))
}

/// A page's key and length, as listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Listed {
    key: u128,
    len: u64,
}

/// The old site's list (empty when there is none, it is another program's, or it cannot be
/// read) and the new site's, being made.
#[derive(Debug, Default)]
pub struct Made {
    old: HashMap<String, Listed>,
    /// When the old list was written: a page modified after it is not taken.
    old_written: Option<SystemTime>,
    new: Mutex<Vec<(String, Listed)>>,
}

impl Made {
    /// Reads the list of the site at `site` (never through a link).
    pub fn read(site: &Path) -> Made {
        let path = site.join(PAGES);
        let meta = fs::symlink_metadata(&path).ok().filter(|m| m.is_file());
        let old_written = meta.and_then(|m| m.modified().ok());
        let text = old_written.and_then(|_| fs::read_to_string(&path).ok()).unwrap_or_default();
        Made { old: parse(&text), old_written, new: Mutex::default() }
    }

    /// The length of the old site's file `old`, at `path` in it, when it is the page made
    /// for `key`.
    pub fn kept(&self, path: &str, key: u128, old: &Path) -> Option<u64> {
        let (listed, written) = (self.old.get(path)?, self.old_written?);
        let meta = fs::symlink_metadata(old).ok()?;
        let unchanged = meta.is_file() && meta.len() == listed.len && meta.modified().ok()? <= written;
        (listed.key == key && unchanged).then_some(listed.len)
    }

    /// Lists the page `path`, `len` bytes made for `key`, in the new site.
    pub fn add(&self, path: &str, key: u128, len: u64) {
        self.new.lock().unwrap_or_else(|e| e.into_inner()).push((path.to_string(), Listed { key, len }));
    }

    /// Writes the new site's list into its directory `staging`.
    pub fn write(&self, staging: &Path) -> Result<()> {
        let mut pages = std::mem::take(&mut *self.new.lock().unwrap_or_else(|e| e.into_inner()));
        pages.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut text = header();
        for (path, listed) in &pages {
            text.push_str(&format!("{:032x} {} {path}\n", listed.key, listed.len));
        }
        let path = staging.join(PAGES);
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
    }
}

/// The pages of a list's text, none unless its first line is this program's [`header`].
fn parse(text: &str) -> HashMap<String, Listed> {
    let Some(lines) = text.strip_prefix(&header()) else { return HashMap::new() };
    lines
        .lines()
        .filter_map(|line| {
            let (key, rest) = line.split_once(' ')?;
            let (len, path) = rest.split_once(' ')?;
            let listed = Listed { key: u128::from_str_radix(key, 16).ok()?, len: len.parse().ok()? };
            Some((path.to_string(), listed))
        })
        .collect()
}

#[cfg(test)]
mod tests;
