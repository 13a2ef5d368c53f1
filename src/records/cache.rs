//! What was parsed, kept between loads of the same records directory: `serve` and the
//! language server load again after every change, and only the files whose content changed
//! are parsed again (the rules that span files always run again: they are cheap).
//!
//! A file on disk is read again unless its size and modification time are what they were
//! and that time is well before the moment it was read: a file changed twice within the file
//! system's clock tick keeps its stamp, so a recent stamp proves nothing (git's "racy clean"
//! rule). A file that is read again and has the same bytes is not parsed again.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::{Found, Loaded, Parsed, assemble, content_hash, load, parse_bytes, parse_file};

/// How much older than the moment it was read a file's modification time must be for an
/// unchanged stamp to mean unchanged content.
const RACY: Duration = Duration::from_secs(2);

/// The size and modification time of a file on disk.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

/// One file as last parsed.
#[derive(Clone)]
struct Entry {
    /// The stamp it had, for a file on disk (`None` for text given in memory).
    stamp: Option<Stamp>,
    /// When it was read.
    read_at: SystemTime,
    /// A hash of its bytes.
    hash: u128,
    /// What it turned into (its text kept only when it has diagnostics).
    parsed: Arc<Parsed>,
}

/// The files of one records directory as last parsed, by path relative to it.
#[derive(Default)]
pub struct ParseCache {
    today: Option<NaiveDate>,
    entries: HashMap<String, Entry>,
    parsed_last: usize,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp { len: meta.len(), modified: meta.modified().ok()? })
}

impl ParseCache {
    /// An empty cache: the first load parses everything.
    pub fn new() -> ParseCache {
        ParseCache::default()
    }

    /// How many files the last [`ParseCache::load`] parsed (the others were reused).
    pub fn parsed_last(&self) -> usize {
        self.parsed_last
    }

    /// Loads and validates the records under `root` as [`super::load_with`] does, with the
    /// same result, parsing only what changed since the last call. A new `today` parses
    /// everything again (some rules read it).
    pub fn load(&mut self, root: &Path, today: NaiveDate, overlay: &BTreeMap<String, String>) -> Loaded {
        if self.today != Some(today) {
            self.entries.clear();
            self.today = Some(today);
        }
        let (mut found, diagnostics) = load::discover(root);
        load::add_overlay(root, &mut found, overlay.keys());
        let fresh: Vec<(String, Entry, bool)> = found
            .par_iter()
            .map(|f| {
                let (entry, parsed) = self.entry(f, today, overlay.get(&f.rel));
                (f.rel.clone(), entry, parsed)
            })
            .collect();
        self.parsed_last = fresh.iter().filter(|(_, _, parsed)| *parsed).count();
        self.entries = fresh.into_iter().map(|(rel, entry, _)| (rel, entry)).collect();
        let entries = &self.entries;
        assemble(root, found, diagnostics, today, overlay, |f| match entries.get(&f.rel) {
            Some(entry) => Parsed::clone(&entry.parsed),
            None => parse_file(f, today, overlay.get(&f.rel), true),
        })
    }

    /// The entry for one file: the kept one when its content is unchanged, else a new one;
    /// and whether it was parsed.
    fn entry(&self, found: &Found, today: NaiveDate, overlaid: Option<&String>) -> (Entry, bool) {
        let kept = self.entries.get(&found.rel).filter(|e| e.parsed.kind == found.kind);
        let read_at = SystemTime::now();
        let stamp = if overlaid.is_some() { None } else { stamp(&found.path) };
        if let (Some(kept), Some(now)) = (kept, stamp) {
            let settled = now.modified.checked_add(RACY).is_some_and(|t| t < kept.read_at);
            if kept.stamp == Some(now) && settled {
                return (kept.clone(), false);
            }
        }
        let bytes = match overlaid {
            Some(text) => text.as_bytes().to_vec(),
            None => match load::read(found) {
                Ok(bytes) => bytes,
                Err(_) => {
                    let parsed = Arc::new(parse_file(found, today, None, false));
                    return (Entry { stamp: None, read_at, hash: 0, parsed }, true);
                }
            },
        };
        let hash = content_hash(&bytes);
        if let Some(kept) = kept.filter(|e| e.hash == hash) {
            return (Entry { stamp, read_at, ..kept.clone() }, false);
        }
        let parsed = parse_bytes(found, today, &bytes, Some(hash));
        (Entry { stamp, read_at, hash, parsed: Arc::new(parsed) }, true)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    const TEAM: &str = "[[member]]\nid = \"li\"\nname = \"Li\"\n";

    fn customer(name: &str) -> String {
        format!("id = \"acme\"\nname = \"{name}\"\nowner = \"li\"\nsince = 2024-01-01\n")
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    fn summary(loaded: &Loaded) -> (Vec<String>, Vec<String>) {
        let names = loaded.records.customers.iter().map(|c| format!("{}={}", c.id, c.name)).collect();
        let diagnostics = loaded.diagnostics.iter().map(|d| format!("{}:{:?}:{}", d.file, d.code, d.message)).collect();
        (names, diagnostics)
    }

    #[test]
    fn only_changed_files_are_parsed_again_and_the_result_is_a_fresh_load() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("customers")).unwrap();
        fs::write(root.join("team.toml"), TEAM).unwrap();
        fs::write(root.join("customers/acme.toml"), customer("Acme")).unwrap();
        fs::write(root.join("customers/bolt.toml"), customer("Bolt").replace("acme", "bolt")).unwrap();
        let none = BTreeMap::new();
        let mut cache = ParseCache::new();
        let first = cache.load(root, day(), &none);
        assert_eq!(cache.parsed_last(), 3);
        assert_eq!(summary(&first), summary(&super::super::load(root, day())));
        cache.load(root, day(), &none);
        assert_eq!(cache.parsed_last(), 0, "nothing changed, nothing parsed");

        // Same length, written at once: the stamp may not change, the bytes do.
        fs::write(root.join("customers/acme.toml"), customer("Acmf")).unwrap();
        let second = cache.load(root, day(), &none);
        assert_eq!(cache.parsed_last(), 1);
        assert_eq!(summary(&second), summary(&super::super::load(root, day())));
        assert!(summary(&second).0.contains(&"acme=Acmf".to_string()));

        fs::write(root.join("customers/bolt.toml"), "id = \"bolt\"\nname = \"Bolt\"\nowner = \"wu\"\n").unwrap();
        let third = cache.load(root, day(), &none);
        assert_eq!(summary(&third), summary(&super::super::load(root, day())));
        assert!(third.diagnostics.iter().any(|d| d.file == "customers/bolt.toml"), "the unknown owner is found");

        fs::remove_file(root.join("customers/bolt.toml")).unwrap();
        let fourth = cache.load(root, day(), &none);
        assert_eq!(summary(&fourth), summary(&super::super::load(root, day())));
        assert_eq!(fourth.records.customers.len(), 1);
    }

    #[test]
    fn text_in_memory_overrides_the_disk_and_a_new_date_parses_everything() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("customers")).unwrap();
        fs::write(root.join("team.toml"), TEAM).unwrap();
        fs::write(root.join("customers/acme.toml"), customer("Acme")).unwrap();
        let mut cache = ParseCache::new();
        let overlay = BTreeMap::from([("customers/acme.toml".to_string(), customer("In memory"))]);
        let loaded = cache.load(root, day(), &overlay);
        assert_eq!(summary(&loaded), summary(&super::super::load_with(root, day(), &overlay)));
        assert!(summary(&loaded).0.contains(&"acme=In memory".to_string()));
        let back = cache.load(root, day(), &BTreeMap::new());
        assert_eq!(cache.parsed_last(), 1, "the file on disk is parsed again");
        assert!(summary(&back).0.contains(&"acme=Acme".to_string()));
        cache.load(root, day().succ_opt().unwrap(), &BTreeMap::new());
        assert_eq!(cache.parsed_last(), 2);
    }
}
