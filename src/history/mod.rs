//! The git history of the records (SPEC 11.1): which commits changed each customer, by whom
//! and when, and what changed for the business, read by cardfile itself with gitoxide.
//!
//! History never fails a build: a repository that cannot be read is a warning, and the site
//! is built without history.

mod repo;
pub mod summary;
mod values;
mod walk;
mod words;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rayon::prelude::*;

pub use repo::Repo;
pub use summary::{Change, KeyChange};

/// A commit that changed the records, with what it changed.
#[derive(Debug, Clone)]
pub struct Commit {
    /// The commit id, shortened to 10 hex digits.
    pub id: String,
    /// The author's name.
    pub author: String,
    /// The author date as recorded (in the author's own offset).
    pub date: NaiveDate,
    /// The first line of the message.
    pub subject: String,
    /// The customer files it changed, by id.
    pub customers: Vec<CustomerChange>,
    /// Other record files it changed (`team.toml`, `cardfile.toml`).
    pub others: Vec<String>,
}

/// What one commit changed in one customer's file.
#[derive(Debug, Clone)]
pub struct CustomerChange {
    /// The customer id (the file stem).
    pub id: String,
    /// The file after the commit, or before it when the commit deleted it.
    pub path: String,
    /// The change summary.
    pub changes: Vec<Change>,
}

/// One entry of a customer's history: a commit and what it changed in that customer.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The commit.
    pub commit: &'a Commit,
    /// What it changed in the customer.
    pub change: &'a CustomerChange,
}

/// The history of a records directory.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Commits that changed the records, newest first (commit time, ties by commit id).
    pub commits: Vec<Commit>,
    /// The first commit of a shallow clone's partial history (short id).
    pub shallow_at: Option<String>,
    /// For each customer id, `(commit, change)` indices into `commits`, newest first.
    index: BTreeMap<String, Vec<(usize, usize)>>,
}

impl History {
    /// What the history of the records under `records` is read from: the commit `HEAD` is
    /// (with whether the clone is shallow). The same state is the same history, so a command
    /// that stays running reads it again only when this changes. `None` outside git.
    pub fn state(records: &Path) -> Result<Option<String>> {
        let Some(repo) = Repo::discover(records)? else { return Ok(None) };
        let head = repo.repo.head().context("reading HEAD")?.id().map(|id| id.to_string()).unwrap_or_default();
        let shallow = repo.repo.shallow_commits().ok().flatten().map(|s| s.len()).unwrap_or_default();
        Ok(Some(format!("{head} {shallow}")))
    }

    /// Reads the history of the records under `records`; `Ok(None)` outside a git work tree.
    /// Summaries mark personal details, for a redacted site to hide ([`KeyChange::sensitive`]).
    pub fn read(records: &Path) -> Result<Option<History>> {
        let Some(repo) = Repo::discover(records)? else { return Ok(None) };
        let walked = walk::walk(&repo)?;
        // The blobs are read and compared on every core (each worker with a repository of its
        // own: gitoxide's is not shared between threads), a batch of commits at a time, so that
        // few texts are held at once.
        let shared = repo.repo.clone().into_sync();
        let mut commits = Vec::with_capacity(walked.commits.len());
        let mut raw = walked.commits.into_iter().peekable();
        while raw.peek().is_some() {
            let batch: Vec<walk::RawCommit> = raw.by_ref().take(BATCH).collect();
            let done: Vec<Commit> = batch
                .into_par_iter()
                .map_init(|| repo::thread_local(&shared), |local, raw| Ok(summarised(blob_texts(local, &raw)?, raw)))
                .collect::<Result<_>>()?;
            commits.extend(done);
        }
        Ok(Some(History::new(commits, walked.shallow_at.map(Repo::short))))
    }

    /// A history of `commits` (newest first), indexed by customer.
    pub fn new(commits: Vec<Commit>, shallow_at: Option<String>) -> History {
        let mut index: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
        for (i, commit) in commits.iter().enumerate() {
            for (j, change) in commit.customers.iter().enumerate() {
                index.entry(change.id.clone()).or_default().push((i, j));
            }
        }
        History { commits, shallow_at, index }
    }

    /// A customer's history, newest first.
    pub fn of(&self, id: &str) -> Vec<Entry<'_>> {
        self.index
            .get(id)
            .map(|entries| {
                entries
                    .iter()
                    .map(|&(i, j)| Entry { commit: &self.commits[i], change: &self.commits[i].customers[j] })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The latest commit that changed a customer.
    pub fn last(&self, id: &str) -> Option<&Commit> {
        self.index.get(id).and_then(|entries| entries.first()).map(|&(i, _)| &self.commits[i])
    }

    /// The commits whose author date d has `0 ≤ today − d < days`, newest first.
    pub fn recent(&self, today: NaiveDate, days: i64) -> impl Iterator<Item = &Commit> {
        self.commits.iter().filter(move |c| {
            let age = (today - c.date).num_days();
            (0..days).contains(&age)
        })
    }
}

/// How many commits' blobs are read before they are summarised.
const BATCH: usize = 64;

/// The old and new text of each customer file a commit changed.
type Texts = Vec<(Option<String>, Option<String>)>;

fn blob_texts(repo: &gix::Repository, commit: &walk::RawCommit) -> Result<Texts> {
    let text = |side: &Option<walk::Side>| side.as_ref().map(|s| repo::text(repo, s.blob)).transpose();
    commit.customers.iter().map(|touched| Ok((text(&touched.old)?, text(&touched.new)?))).collect()
}

fn summarised(files: Texts, raw: walk::RawCommit) -> Commit {
    Commit {
        id: Repo::short(raw.id),
        author: raw.author,
        date: raw.date,
        subject: raw.subject,
        customers: raw
            .customers
            .into_iter()
            .zip(files)
            .map(|(touched, (old, new))| change_of(touched, old.as_deref(), new.as_deref()))
            .collect(),
        others: raw.others,
    }
}

/// The summary of one changed customer file.
fn change_of(touched: walk::Touched, old: Option<&str>, new: Option<&str>) -> CustomerChange {
    let mut changes = Vec::new();
    if let (Some(from), Some(to)) = (&touched.old, &touched.new)
        && from.path != to.path
    {
        changes.push(Change::Moved { from: from.path.clone(), to: to.path.clone() });
    }
    changes.extend(summary::summarise(old, new));
    let path = touched.new.or(touched.old).map(|s| s.path).unwrap_or_default();
    CustomerChange { id: touched.id, path, changes }
}
