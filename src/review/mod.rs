//! `cardfile diff` (SPEC 11.3): what changed in the records between two revisions, for the
//! people who review it — customers added, removed or changed, with the summaries of the
//! history, and what that does to the computed values as of today.

mod format;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Serialize;

pub use format::{markdown, text};

use crate::analysis::{self, Analysis};
use crate::diagnostics::Counts;
use crate::history::Repo;
use crate::history::summary::{self, Change};
use crate::records::{self, Loaded};

/// One side of the comparison: a commit, or the records on disk.
pub enum Side {
    /// A revision (`main`, `origin/main`, a commit id).
    Revision(String),
    /// The records directory as it is on disk, uncommitted changes included.
    WorkTree,
}

/// How a customer changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The file is new.
    Added,
    /// The file is gone.
    Removed,
    /// The file, or what is computed from it, changed.
    Changed,
}

/// A computed value that moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// `class`, `lifecycle`, `credit` or `agenda`.
    pub key: &'static str,
    /// Before (`None`: not there, e.g. an agenda item added).
    pub from: Option<String>,
    /// After.
    pub to: Option<String>,
}

/// One customer in the review.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerReview {
    /// Customer id.
    pub id: String,
    /// Display name (after the change, or before it when removed).
    #[serde(skip)]
    pub name: String,
    /// Added, removed or changed.
    pub change: Kind,
    /// The change summary of the file (SPEC 11.1), in English.
    #[serde(serialize_with = "texts")]
    pub summary: Vec<Change>,
    /// Computed values that moved.
    pub computed: Vec<Moved>,
}

fn texts<S: serde::Serializer>(changes: &[Change], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(changes.iter().map(Change::text))
}

/// The whole review.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    /// The revision compared from (short commit id).
    pub from: String,
    /// The revision compared to (short commit id, or `work tree`).
    pub to: String,
    /// Customers that changed, by id.
    pub customers: Vec<CustomerReview>,
    /// Things the reader should know (a side whose records have errors is not analysed).
    #[serde(skip)]
    pub notes: Vec<String>,
}

/// Compares the records under `records` between `from` (default: the merge base of `HEAD`
/// and the default branch) and `to`, as of `today`.
pub fn review(records: &Path, from: Option<&str>, to: Side, today: NaiveDate) -> Result<Review> {
    let repo = Repo::discover(records)?
        .with_context(|| format!("{} is not inside a git work tree: there is nothing to compare", records.display()))?;
    let from_commit = match from {
        Some(revision) => repo.commit_of(revision)?,
        None => {
            let branch =
                repo.default_branch().context("no default branch (main or master) to compare with: name FROM")?;
            repo.merge_base_with_head(repo.commit_of(&branch)?)?
        }
    };
    let old_files = repo.files_at(from_commit)?;
    let (to_name, new_files) = match &to {
        Side::Revision(revision) => {
            let commit = repo.commit_of(revision)?;
            (Repo::short(commit), repo.files_at(commit)?)
        }
        Side::WorkTree => ("work tree".to_string(), records::texts_on_disk(records)),
    };
    let mut review = Review { from: Repo::short(from_commit), to: to_name, customers: Vec::new(), notes: Vec::new() };
    let old = analysed(&old_files, today, &review.from, &mut review.notes);
    let new = analysed(&new_files, today, &review.to, &mut review.notes);
    review.customers = compare(&old_files, &new_files, old.as_ref(), new.as_ref());
    Ok(review)
}

/// The records of one side with their analysis, or `None` (and a note) when they have errors.
fn analysed(
    files: &BTreeMap<String, String>,
    today: NaiveDate,
    name: &str,
    notes: &mut Vec<String>,
) -> Option<(Loaded, Analysis)> {
    let loaded = records::load_texts(files, today);
    let counts = Counts::of(&loaded.diagnostics);
    if counts.errors > 0 {
        notes.push(format!(
            "the records at {name} have {} error(s): computed values are not compared (run `cardfile check`)",
            counts.errors
        ));
        return None;
    }
    let analysis = analysis::analyse(&loaded.records, &loaded.settings, today);
    Some((loaded, analysis))
}

/// The customer files of one side by id: `(path, text)`.
fn by_id(files: &BTreeMap<String, String>) -> BTreeMap<String, (&str, &str)> {
    files
        .iter()
        .filter_map(|(rel, text)| {
            let name = rel.strip_prefix("customers/")?.rsplit('/').next()?;
            Some((name.strip_suffix(".toml")?.to_string(), (rel.as_str(), text.as_str())))
        })
        .collect()
}

fn compare(
    old_files: &BTreeMap<String, String>,
    new_files: &BTreeMap<String, String>,
    old: Option<&(Loaded, Analysis)>,
    new: Option<&(Loaded, Analysis)>,
) -> Vec<CustomerReview> {
    let (old_ids, new_ids) = (by_id(old_files), by_id(new_files));
    let old_values = old.map(|(l, a)| values(l, a)).unwrap_or_default();
    let new_values = new.map(|(l, a)| values(l, a)).unwrap_or_default();
    let ids: BTreeSet<&String> = old_ids.keys().chain(new_ids.keys()).collect();
    let mut out = Vec::new();
    for id in ids {
        let (before, after) = (old_ids.get(id), new_ids.get(id));
        let mut summary = Vec::new();
        if let (Some((from, _)), Some((to, _))) = (before, after)
            && from != to
        {
            summary.push(Change::Moved { from: from.to_string(), to: to.to_string() });
        }
        if before.map(|b| b.1) != after.map(|a| a.1) {
            summary.extend(summary::summarise(before.map(|b| b.1), after.map(|a| a.1)));
        }
        let computed = moved(old_values.get(id.as_str()), new_values.get(id.as_str()));
        let change = match (before, after) {
            (None, _) => Kind::Added,
            (_, None) => Kind::Removed,
            _ if summary.is_empty() && computed.is_empty() => continue,
            _ => Kind::Changed,
        };
        let name = [new, old]
            .into_iter()
            .flatten()
            .find_map(|(l, _)| l.records.customers.iter().find(|c| &c.id == id).map(|c| c.name.clone()))
            .unwrap_or_else(|| id.clone());
        out.push(CustomerReview { id: id.clone(), name, change, summary, computed });
    }
    out
}

/// The computed values a review compares, for one customer.
#[derive(Debug, Default, PartialEq)]
struct Values {
    class: String,
    lifecycle: String,
    credit: String,
    agenda: BTreeSet<String>,
}

fn values(loaded: &Loaded, analysis: &Analysis) -> BTreeMap<String, Values> {
    let mut out: BTreeMap<String, Values> = analysis
        .customers
        .iter()
        .map(|f| {
            let values = Values {
                class: f.class().as_str().to_string(),
                lifecycle: f.lifecycle.as_str().to_string(),
                credit: f.credit.grade.as_str().to_string(),
                agenda: BTreeSet::new(),
            };
            (loaded.records.customers[f.index].id.clone(), values)
        })
        .collect();
    for item in &analysis.agenda {
        if let Some(values) = out.get_mut(&item.customer) {
            values.agenda.insert(format!("{} {}: {}", item.date, item.kind.as_str(), item.reason));
        }
    }
    out
}

fn moved(old: Option<&Values>, new: Option<&Values>) -> Vec<Moved> {
    let mut out = Vec::new();
    let field = |v: Option<&Values>, f: fn(&Values) -> &String| v.map(|v| f(v).clone());
    for (key, get) in [
        ("class", (|v: &Values| &v.class) as fn(&Values) -> &String),
        ("lifecycle", |v: &Values| &v.lifecycle),
        ("credit", |v: &Values| &v.credit),
    ] {
        let (from, to) = (field(old, get), field(new, get));
        if from != to {
            out.push(Moved { key, from, to });
        }
    }
    let empty = BTreeSet::new();
    let (before, after) = (old.map_or(&empty, |v| &v.agenda), new.map_or(&empty, |v| &v.agenda));
    out.extend(before.difference(after).map(|item| Moved { key: "agenda", from: Some(item.clone()), to: None }));
    out.extend(after.difference(before).map(|item| Moved { key: "agenda", from: None, to: Some(item.clone()) }));
    out
}

#[cfg(test)]
mod tests;
