//! Walking the commits reachable from `HEAD` once and finding, for each, the record files it
//! changed compared with its first parent (SPEC 11.1).

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, Result};
use chrono::{DateTime, NaiveDate};
use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::diff::tree::{Recorder, State, recorder::Change as TreeChange};
use gix::objs::TreeRefIter;

use super::repo::Repo;

/// One side of a changed customer file: its path (relative to the records) and blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// Path relative to the records directory.
    pub path: String,
    /// The blob.
    pub blob: ObjectId,
}

/// A customer file changed by a commit: the version before (in the first parent) and after.
#[derive(Debug, Clone)]
pub struct Touched {
    /// The customer id (the file stem).
    pub id: String,
    /// The file in the first parent, if it was there.
    pub old: Option<Side>,
    /// The file in the commit, if it is there.
    pub new: Option<Side>,
}

/// A commit that changed something under the records directory.
#[derive(Debug, Clone)]
pub struct RawCommit {
    /// The commit id.
    pub id: ObjectId,
    /// Committer time in seconds, for ordering.
    pub time: i64,
    /// Author name.
    pub author: String,
    /// Author date, in the author's own offset.
    pub date: NaiveDate,
    /// The first line of the message.
    pub subject: String,
    /// The customer files it changed, by id.
    pub customers: Vec<Touched>,
    /// Other record files it changed (settings, team), relative to the records.
    pub others: Vec<String>,
}

/// What the walk found.
pub struct Walked {
    /// The commits that changed the records, newest first (by commit time, ties by id).
    pub commits: Vec<RawCommit>,
    /// The first commit of a shallow clone's history, if the clone is shallow.
    pub shallow_at: Option<ObjectId>,
}

/// Walks every commit reachable from `HEAD`. A repository without commits has no history.
pub fn walk(repo: &Repo) -> Result<Walked> {
    let mut walked = Walked { commits: Vec::new(), shallow_at: None };
    // A repository whose branch has no commit yet has no history; a HEAD that cannot be read
    // is an error (a warning for the build).
    let Some(head) = repo.repo.head().context("reading HEAD")?.id() else { return Ok(walked) };
    let mut state = State::default();
    let mut trees = HashMap::new();
    let walk = repo.repo.rev_walk([head.detach()]).all().context("walking the commits")?;
    for info in walk {
        let info = info.context("walking the commits")?;
        let commit = repo.repo.find_commit(info.id).context("reading a commit")?;
        let stored_parents: Vec<ObjectId> = commit.parent_ids().map(|p| p.detach()).collect();
        if info.parent_ids.is_empty() && !stored_parents.is_empty() {
            walked.shallow_at = Some(info.id);
            continue;
        }
        let tree = records_tree_of(repo, info.id, &mut trees)?;
        let parents: Vec<Option<ObjectId>> =
            stored_parents.iter().map(|p| records_tree_of(repo, *p, &mut trees)).collect::<Result<_>>()?;
        let first = parents.first().copied().flatten();
        if tree == first && !parents.is_empty() {
            continue;
        }
        let mut changes = changes(repo, first, tree, &mut state)?;
        if parents.len() > 1 {
            changes.retain(|change| differs_from_every_parent(repo, change, &parents[1..]));
        }
        if changes.is_empty() {
            continue;
        }
        walked.commits.push(describe(&commit, info.id, changes)?);
    }
    walked.commits.sort_by(|a, b| b.time.cmp(&a.time).then(a.id.cmp(&b.id)));
    Ok(walked)
}

/// The records directory's tree in a commit, each commit's read once (as a commit, and again
/// as its children's parent).
fn records_tree_of(
    repo: &Repo,
    commit: ObjectId,
    known: &mut HashMap<ObjectId, Option<ObjectId>>,
) -> Result<Option<ObjectId>> {
    if let Some(tree) = known.get(&commit) {
        return Ok(*tree);
    }
    let root = repo.repo.find_commit(commit).context("reading a commit")?.tree_id()?.detach();
    let tree = repo.records_tree(root)?;
    known.insert(commit, tree);
    Ok(tree)
}

/// A changed blob under the records directory.
struct Blob {
    path: String,
    old: Option<ObjectId>,
    new: Option<ObjectId>,
}

fn changes(repo: &Repo, old: Option<ObjectId>, new: Option<ObjectId>, state: &mut State) -> Result<Vec<Blob>> {
    let empty = Vec::new();
    let old_tree = old.map(|id| repo.repo.find_tree(id)).transpose()?;
    let new_tree = new.map(|id| repo.repo.find_tree(id)).transpose()?;
    let kind = repo.repo.object_hash();
    let lhs = TreeRefIter::from_bytes(old_tree.as_ref().map_or(&empty, |t| &t.data), kind);
    let rhs = TreeRefIter::from_bytes(new_tree.as_ref().map_or(&empty, |t| &t.data), kind);
    let mut recorder = Recorder::default();
    gix::diff::tree(lhs, rhs, state, &repo.repo.objects, &mut recorder).context("comparing two trees")?;
    let mut blobs = Vec::new();
    for change in recorder.records {
        let (path, old, new) = match change {
            TreeChange::Addition { entry_mode, oid, path, .. } if entry_mode.is_blob() => (path, None, Some(oid)),
            TreeChange::Deletion { entry_mode, oid, path, .. } if entry_mode.is_blob() => (path, Some(oid), None),
            TreeChange::Modification { previous_entry_mode, previous_oid, entry_mode, oid, path } => {
                (path, previous_entry_mode.is_blob().then_some(previous_oid), entry_mode.is_blob().then_some(oid))
            }
            _ => continue,
        };
        let path = path.to_str_lossy().into_owned();
        if path.ends_with(".toml") && !path.split('/').any(|part| part.starts_with('.')) {
            blobs.push(Blob { path, old, new });
        }
    }
    Ok(blobs)
}

/// For a merge: whether the merge's version of a file differs from that of every other
/// parent (a merge that took one parent's version did not change the file).
fn differs_from_every_parent(repo: &Repo, change: &Blob, others: &[Option<ObjectId>]) -> bool {
    others.iter().all(|tree| {
        let theirs = tree.and_then(|tree| {
            let tree = repo.repo.find_tree(tree).ok()?;
            let entry = tree.lookup_entry_by_path(&change.path).ok()??;
            entry.mode().is_blob().then(|| entry.object_id())
        });
        theirs != change.new
    })
}

fn describe(commit: &gix::Commit<'_>, id: ObjectId, blobs: Vec<Blob>) -> Result<RawCommit> {
    let author = commit.author().context("reading a commit's author")?;
    let time = author.time().unwrap_or_default();
    let date = DateTime::from_timestamp(time.seconds.saturating_add(i64::from(time.offset)), 0)
        .map_or(NaiveDate::MIN, |t| t.date_naive());
    let message = commit.message_raw_sloppy().to_str_lossy();
    let subject = message.lines().next().unwrap_or_default().trim().to_string();
    let committed = commit.time().map_or(time.seconds, |t| t.seconds);
    let mut customers: BTreeMap<String, Touched> = BTreeMap::new();
    let mut others = Vec::new();
    for blob in blobs {
        let Some(name) = blob.path.strip_prefix("customers/").map(|rest| rest.rsplit('/').next().unwrap_or(rest))
        else {
            others.push(blob.path);
            continue;
        };
        let id = name.strip_suffix(".toml").unwrap_or(name).to_string();
        let touched = customers.entry(id.clone()).or_insert(Touched { id, old: None, new: None });
        if let Some(blob_id) = blob.old {
            touched.old = Some(Side { path: blob.path.clone(), blob: blob_id });
        }
        if let Some(blob_id) = blob.new {
            touched.new = Some(Side { path: blob.path, blob: blob_id });
        }
    }
    Ok(RawCommit {
        id,
        time: committed,
        author: author.name.to_str_lossy().trim().to_string(),
        date,
        subject,
        customers: customers.into_values().collect(),
        others,
    })
}
