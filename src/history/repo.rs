//! The git repository around a records directory, read with gitoxide (no `git` program).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use gix::ObjectId;
use gix::bstr::ByteSlice;

/// A repository and where the records directory is inside its work tree.
pub struct Repo {
    /// The repository.
    pub repo: gix::Repository,
    /// The records directory relative to the work tree, `/`-separated (`""` at its top).
    pub prefix: String,
}

/// Bytes of decoded objects kept in memory while the history is read.
const OBJECT_CACHE: usize = 8 * 1024 * 1024;
/// Bytes of delta bases kept in memory while the history is read.
const PACK_CACHE: usize = 8 * 1024 * 1024;

/// The folders of `GIT_CEILING_DIRECTORIES` (absolute paths separated by `:`), resolved.
fn ceilings() -> Vec<PathBuf> {
    let Some(list) = std::env::var_os("GIT_CEILING_DIRECTORIES") else { return Vec::new() };
    std::env::split_paths(&list).filter(|p| p.is_absolute()).filter_map(|p| std::fs::canonicalize(p).ok()).collect()
}

/// Each tree is read as a commit's and again as its child's parent, and in a pack each read
/// would resolve a chain of deltas anew: a cache of decoded objects (gitoxide suggests about
/// 10 MB per 10,000 files) and one of delta bases.
fn with_caches(repo: &mut gix::Repository) {
    repo.object_cache_size_if_unset(OBJECT_CACHE);
    repo.objects.set_pack_cache(|| Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(PACK_CACHE)));
}

/// A repository of this thread, opened from one shared between threads, with the caches.
pub fn thread_local(shared: &gix::ThreadSafeRepository) -> gix::Repository {
    let mut repo = shared.to_thread_local();
    with_caches(&mut repo);
    repo
}

/// A blob's text (invalid UTF-8 replaced: history is a summary, `check` names the bytes).
pub fn text(repo: &gix::Repository, blob: ObjectId) -> Result<String> {
    let blob = repo.find_blob(blob).context("reading a file's contents from git")?;
    Ok(String::from_utf8_lossy(&blob.data).into_owned())
}

impl Repo {
    /// The repository whose work tree holds `records`, or `None` outside git (or when the
    /// records are not inside the work tree, such as in a bare repository).
    pub fn discover(records: &Path) -> Result<Option<Repo>> {
        let records = std::fs::canonicalize(records).with_context(|| format!("resolving {}", records.display()))?;
        // The work tree is the nearest folder with a `.git` (a folder, or a file in a linked
        // work tree or submodule); with none up to the root, or up to one of the folders
        // `GIT_CEILING_DIRECTORIES` names (as git itself stops there), the records are outside git.
        let ceilings = ceilings();
        let Some(top) = records
            .ancestors()
            .enumerate()
            .take_while(|(i, dir)| *i == 0 || !ceilings.iter().any(|c| c == dir))
            .map(|(_, dir)| dir)
            .find(|dir| dir.join(".git").exists())
        else {
            return Ok(None);
        };
        let mut repo = gix::open(top)
            .map_err(|err| anyhow!("{err}"))
            .with_context(|| format!("opening the git repository at {}", top.display()))?;
        with_caches(&mut repo);
        let Some(workdir) = repo.workdir() else { return Ok(None) };
        let workdir = std::fs::canonicalize(workdir).with_context(|| format!("resolving {}", workdir.display()))?;
        let Ok(rel) = records.strip_prefix(&workdir) else { return Ok(None) };
        let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        if parts.first().is_some_and(|p| p == ".git") {
            return Ok(None);
        }
        Ok(Some(Repo { repo, prefix: parts.join("/") }))
    }

    /// The tree of the records directory in the commit whose tree is `root`, if it has one.
    pub fn records_tree(&self, root: ObjectId) -> Result<Option<ObjectId>> {
        if self.prefix.is_empty() {
            return Ok(Some(root));
        }
        let tree = self.repo.find_tree(root).context("reading a tree")?;
        let entry = tree.lookup_entry_by_path(&self.prefix).context("reading a tree")?;
        Ok(entry.filter(|e| e.mode().is_tree()).map(|e| e.object_id()))
    }

    /// The commit a revision (`main`, `origin/main`, `HEAD~3`, a commit id) names.
    pub fn commit_of(&self, revision: &str) -> Result<ObjectId> {
        let id =
            self.repo.rev_parse_single(revision).with_context(|| format!("`{revision}` is not a revision here"))?;
        let commit = id.object()?.peel_to_commit().with_context(|| format!("`{revision}` does not name a commit"))?;
        Ok(commit.id)
    }

    /// The text of every file under the records directory at `commit`, by path relative to
    /// the records directory (`customers/east/acme.toml`).
    pub fn files_at(&self, commit: ObjectId) -> Result<BTreeMap<String, String>> {
        let root = self.repo.find_commit(commit)?.tree_id()?.detach();
        let mut files = BTreeMap::new();
        let Some(tree) = self.records_tree(root)? else { return Ok(files) };
        let mut recorder = gix::traverse::tree::Recorder::default();
        self.repo.find_tree(tree)?.traverse().breadthfirst(&mut recorder).context("reading the records' tree")?;
        for entry in recorder.records {
            let path = entry.filepath.to_str_lossy().into_owned();
            if entry.mode.is_blob() && path.ends_with(".toml") {
                files.insert(path, self.text(entry.oid)?);
            }
        }
        Ok(files)
    }

    /// A blob's text.
    pub fn text(&self, blob: ObjectId) -> Result<String> {
        text(&self.repo, blob)
    }

    /// The default branch: what `origin/HEAD` points at, else `main`, `master`, `origin/main`
    /// or `origin/master`, whichever exists first.
    pub fn default_branch(&self) -> Option<String> {
        if let Ok(Some(reference)) = self.repo.try_find_reference("refs/remotes/origin/HEAD")
            && let Some(name) = reference.target().try_name()
        {
            return Some(name.shorten().to_str_lossy().into_owned());
        }
        ["main", "master", "origin/main", "origin/master"]
            .into_iter()
            .find(|name| self.repo.rev_parse_single(*name).is_ok())
            .map(str::to_string)
    }

    /// The merge base of `HEAD` and `other`.
    pub fn merge_base_with_head(&self, other: ObjectId) -> Result<ObjectId> {
        let head = self.repo.head_id().context("reading HEAD")?.detach();
        let base = self.repo.merge_base(head, other).context("finding the merge base")?;
        base.map(|id| id.detach()).ok_or_else(|| anyhow!("HEAD and {} have no commit in common", Repo::short(other)))
    }

    /// The short form of a commit id: 10 hex digits.
    pub fn short(id: ObjectId) -> String {
        id.to_hex_with_len(10).to_string()
    }
}
