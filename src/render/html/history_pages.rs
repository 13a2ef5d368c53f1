//! The git history on the site (SPEC 11.1): a customer's History section, "last changed"
//! on pages and cards, and `changes.html`, the team's recent commits.

use anyhow::Result;
use serde::Serialize;
use tera::Context;

use super::Site;
use super::paths::id_path;
use crate::format::date;
use crate::history::{Commit, Entry};
use crate::i18n::ui;
use crate::render::Sink;

/// "Last changed D by NAME".
#[derive(Debug, Serialize)]
pub struct LastChanged {
    /// The whole phrase in the site's language.
    pub text: String,
    /// The author date of the latest commit that changed the customer.
    pub date: String,
    /// Its author.
    pub by: String,
    /// Its short commit id.
    pub commit: String,
}

/// One entry of a customer's History section.
#[derive(Debug, Serialize)]
pub struct HistoryRow {
    /// Short commit id.
    pub commit: String,
    /// Author name.
    pub author: String,
    /// Author date.
    pub date: String,
    /// First line of the commit message.
    pub subject: String,
    /// The change summary, one line each, in the site's language.
    pub changes: Vec<String>,
}

/// A customer changed by a commit, on `changes.html`.
#[derive(Debug, Serialize)]
pub struct ChangedCustomer {
    /// Customer id.
    pub id: String,
    /// Display name (the id when the customer is no longer in the records).
    pub name: String,
    /// Whether the customer has a page to link to.
    pub linked: bool,
    /// The change summary in the site's language.
    pub changes: Vec<String>,
}

/// One commit on `changes.html`.
#[derive(Debug, Serialize)]
pub struct CommitRow {
    /// Short commit id.
    pub commit: String,
    /// Author name.
    pub author: String,
    /// Author date.
    pub date: String,
    /// First line of the message.
    pub subject: String,
    /// The customers it changed.
    pub customers: Vec<ChangedCustomer>,
    /// Other record files it changed (`team.toml`, `cardfile.toml`).
    pub others: Vec<String>,
}

impl Site<'_> {
    /// "Last changed" of a customer, if the site has history and the customer has any.
    pub fn last_changed(&self, id: &str) -> Option<LastChanged> {
        let commit = self.history?.last(id)?;
        let text = ui::LAST_CHANGED.fill(self.lang(), &[("date", &date(commit.date)), ("name", &commit.author)]);
        Some(LastChanged { text, date: date(commit.date), by: commit.author.clone(), commit: commit.id.clone() })
    }

    /// A customer's History section, newest first (empty without history).
    pub fn history_rows(&self, id: &str) -> Vec<HistoryRow> {
        let Some(history) = self.history else { return Vec::new() };
        history.of(id).into_iter().map(|entry| self.history_row(entry)).collect()
    }

    fn history_row(&self, entry: Entry<'_>) -> HistoryRow {
        HistoryRow {
            commit: entry.commit.id.clone(),
            author: entry.commit.author.clone(),
            date: date(entry.commit.date),
            subject: entry.commit.subject.clone(),
            changes: entry.change.changes.iter().map(|c| c.text_in(self.lang(), self.redact)).collect(),
        }
    }

    fn commit_row(&self, commit: &Commit) -> CommitRow {
        let customers = commit
            .customers
            .iter()
            .map(|change| {
                let customer = self.customer_by_id(&change.id);
                ChangedCustomer {
                    id: change.id.clone(),
                    name: customer.map_or_else(|| change.id.clone(), |c| c.name.clone()),
                    linked: self.facts_by_id(&change.id).is_some()
                        && id_path("customers", &change.id, "html").is_some(),
                    changes: change.changes.iter().map(|c| c.text_in(self.lang(), self.redact)).collect(),
                }
            })
            .collect();
        CommitRow {
            commit: commit.id.clone(),
            author: commit.author.clone(),
            date: date(commit.date),
            subject: commit.subject.clone(),
            customers,
            others: commit.others.clone(),
        }
    }
}

/// Renders `changes.html`: the commits of the last `[history] days` days, newest first.
/// Nothing without history (outside git, or with `--no-history`).
pub fn changes(site: &Site<'_>, sink: &dyn Sink) -> Result<()> {
    let Some(history) = site.history else { return Ok(()) };
    let days = site.settings.history.days;
    let commits: Vec<CommitRow> = history.recent(site.today, days).map(|c| site.commit_row(c)).collect();
    let mut cx = Context::new();
    cx.insert("title", &site.word(ui::CHANGES));
    cx.insert("commits", &commits);
    cx.insert("days", &days);
    cx.insert("intro", &ui::CHANGES_INTRO.fill(site.lang(), &[("days", &days)]));
    let shallow = history.shallow_at.as_ref().map(|at| ui::HISTORY_SHALLOW.fill(site.lang(), &[("commit", at)]));
    cx.insert("shallow_note", &shallow.unwrap_or_default());
    site.page(sink, "changes.html", "changes.html", "changes", cx)
}
