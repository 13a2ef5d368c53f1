//! `cardfile merge BASE OURS THEIRS [PATH]`: the git merge driver (git's `%O %A %B %P`).
//! Reads the three versions, writes the result over OURS only, and exits 0 when clean, 1
//! when a conflict remains, 2 on a usage or I/O problem (OURS then untouched).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;
use tempfile::NamedTempFile;

use crate::diagnostics::line_col;
use crate::merge::merge_file;

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor's version (git's `%O`).
    base: PathBuf,
    /// Our version (`%A`): the merged result is written over it.
    ours: PathBuf,
    /// Their version (`%B`).
    theirs: PathBuf,
    /// The file's path in the repository (`%P`): labels the conflict markers.
    path: Option<String>,
}

fn read(path: &Path, what: &str) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("reading {what} {}", path.display()))
}

/// Replaces `target` with `bytes`: a temporary file created exclusively beside it, then
/// renamed over it. The file keeps its permissions.
fn replace(target: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp =
        NamedTempFile::new_in(dir).with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    temp.write_all(bytes).and_then(|()| temp.as_file().sync_all()).context("writing the merged file")?;
    let permissions = fs::metadata(target).with_context(|| format!("reading {}", target.display()))?.permissions();
    temp.as_file().set_permissions(permissions).context("keeping the file's permissions")?;
    temp.persist(target).with_context(|| format!("replacing {}", target.display()))?;
    Ok(())
}

/// Runs `merge`.
pub fn run(args: &MergeArgs) -> Result<ExitCode> {
    let meta = fs::symlink_metadata(&args.ours).with_context(|| format!("reading ours {}", args.ours.display()))?;
    if meta.file_type().is_symlink() || !meta.is_file() {
        bail!("{} is not a regular file: nothing was written", args.ours.display());
    }
    let base = read(&args.base, "base")?;
    let ours = read(&args.ours, "ours")?;
    let theirs = read(&args.theirs, "theirs")?;
    let path = args.path.as_deref();
    let name = path.map_or_else(|| args.ours.display().to_string(), str::to_string);
    let today = chrono::Local::now().date_naive();
    let merged = merge_file(&base, &ours, &theirs, path, today);
    replace(&args.ours, &merged.bytes)?;
    let how = if merged.line_based { " line by line (a version is not valid TOML)" } else { "" };
    if merged.conflicts > 0 {
        let (s, them) = if merged.conflicts == 1 { ("", "it") } else { ("s", "them") };
        eprintln!(
            "cardfile merge: {name}: {} conflict{s} left{how}; resolve {them}, then run `cardfile check`",
            merged.conflicts
        );
    } else if !merged.invalid.is_empty() {
        eprintln!("cardfile merge: {name}: merged{how}, but the result breaks rules both sides kept:");
        let text = String::from_utf8_lossy(&merged.bytes);
        for d in &merged.invalid {
            let at = line_col(&text, d.span.as_ref().map_or(0, |s| s.start));
            eprintln!("  {name}:{}:{}: error[{}]: {}", at.line, at.column, d.code.as_str(), d.message);
        }
        eprintln!("  fix them, then `git add` the file (`cardfile check` shows them too)");
    } else {
        eprintln!("cardfile merge: {name}: merged{how}");
    }
    Ok(if merged.conflicted() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
