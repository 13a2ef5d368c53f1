//! The output directory, written atomically: a new site is written beside the old one and
//! swapped in at once, so a failed or killed build leaves the old site whole. The build lock
//! (`.<out>.lock`, [`crate::lock`]) keeps two builds from writing the same directory.

mod compare;
mod made;

use std::collections::HashSet;
use std::fs;
use std::io::BufWriter;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

use self::compare::ComparingFile;
use self::made::Made;
use crate::lock::Lock;
use crate::render::{Sink, Writing, safe_relative};

/// The file that marks a directory as a cardfile site (so `--out ~/Documents` is refused).
pub const MARKER: &str = ".cardfile-site";

/// A site being written: files go into a staging directory until [`Output::commit`].
pub struct Output {
    out: PathBuf,
    staging: PathBuf,
    /// Every path written so far: a second page with one of these paths is an error.
    written: Mutex<HashSet<String>>,
    /// The pages made from keys, in the old site and in the new one.
    made: Made,
    // Dropped after `Output::drop` has removed the staging directory.
    _lock: Lock,
}

fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    out.with_file_name(format!(".{name}.{what}"))
}

/// A path with every symbolic link resolved, also when it does not exist yet: it is walked
/// one component at a time from the root, each existing one resolved (`canonicalize`) and
/// `..` applied to what is resolved so far. So `rl/site`, with `rl` a link to the records, is
/// `…/records/site`, and so is `nowhere/../rl/site`.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut current = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                current.pop();
            }
            Component::CurDir => {}
            Component::Normal(name) => {
                current.push(name);
                if let Ok(real) = fs::canonicalize(&current) {
                    current = real;
                }
            }
            other => current.push(other.as_os_str()),
        }
    }
    current
}

/// Refuses output directories whose replacement would destroy something else.
fn check_target(out: &Path, records: &Path) -> Result<()> {
    let abs = resolved;
    let out_abs = abs(out);
    let dangerous = [Some(abs(records)), std::env::current_dir().ok(), std::env::var_os("HOME").map(PathBuf::from)];
    if out_abs.parent().is_none() {
        bail!("refusing to write the site to {}: choose a directory of its own, such as `site`", out.display());
    }
    for path in dangerous.iter().flatten() {
        if path.starts_with(&out_abs) {
            bail!(
                "refusing to write the site to {}: it would replace {}; choose a directory of its own, such as `site`",
                out.display(),
                path.display()
            );
        }
    }
    if out_abs.starts_with(abs(records)) {
        bail!("refusing to write the site inside the records directory {}", records.display());
    }
    if out.exists() {
        if !out.is_dir() {
            bail!("{} exists and is not a directory", out.display());
        }
        let empty = fs::read_dir(out).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty && !out.join(MARKER).exists() {
            bail!("{} is not empty and was not written by cardfile; remove it or choose another --out", out.display());
        }
    }
    Ok(())
}

impl Output {
    /// Takes the lock, clears what killed builds left behind, and opens a staging directory.
    pub fn begin(out: &Path, records: &Path) -> Result<Output> {
        check_target(out, records)?;
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            if parent.exists() && !parent.is_dir() {
                bail!("cannot write the site to {}: {} is not a directory", out.display(), parent.display());
            }
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        let lock = take_lock(&sibling(out, "lock"), out)?;
        let output = Output {
            staging: sibling(out, &format!("new-{}", std::process::id())),
            out: out.to_path_buf(),
            written: Mutex::new(HashSet::new()),
            made: Made::read(out),
            _lock: lock,
        };
        output.clean_leftovers()?;
        fs::create_dir(&output.staging).with_context(|| format!("creating {}", output.staging.display()))?;
        fs::write(output.staging.join(MARKER), b"written by cardfile build\n")
            .with_context(|| format!("writing in {}", output.staging.display()))?;
        Ok(output)
    }

    /// Removes staging directories of builds that were killed. Only the holder of the lock
    /// writes one, so while we hold it every other one is a leftover, whichever process (alive
    /// now under a reused id, or gone) made it.
    fn clean_leftovers(&self) -> Result<()> {
        let Some(name) = self.out.file_name().map(|n| n.to_string_lossy().into_owned()) else { return Ok(()) };
        let parent = self.out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let Ok(entries) = fs::read_dir(parent) else { return Ok(()) };
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            let Some(rest) = file.strip_prefix(&format!(".{name}.")) else { continue };
            let Some(pid) = rest.strip_prefix("new-").or_else(|| rest.strip_prefix("old-")) else { continue };
            if pid.parse::<u32>().is_ok() {
                if rest.starts_with("old-") && !self.out.exists() {
                    fs::rename(entry.path(), &self.out).with_context(|| format!("restoring {}", self.out.display()))?;
                } else {
                    fs::remove_dir_all(entry.path()).with_context(|| format!("removing {}", entry.path().display()))?;
                }
            }
        }
        Ok(())
    }

    /// Swaps the finished site in for the old one, atomically where the system allows.
    pub fn commit(self) -> Result<()> {
        self.made.write(&self.staging)?;
        crate::fault::point("before-swap");
        if !self.out.exists() {
            fs::rename(&self.staging, &self.out)
                .with_context(|| format!("moving the new site to {}", self.out.display()))?;
            return Ok(());
        }
        // The fault `mid-swap` takes the two-rename path, the only one with a middle.
        if !crate::fault::active("mid-swap") && exchange(&self.staging, &self.out)? {
            // The staging directory now holds the old site, which `drop` removes: the new site
            // is in place, so failing to remove the old one is no reason to report a failure.
            crate::fault::point("before-cleanup");
            return Ok(());
        }
        let old = sibling(&self.out, &format!("old-{}", std::process::id()));
        fs::rename(&self.out, &old)
            .with_context(|| format!("moving the old site aside from {}", self.out.display()))?;
        crate::fault::point("mid-swap");
        if let Err(err) = fs::rename(&self.staging, &self.out) {
            // Put the old site back (a killed build's `old-` directory is restored by the next).
            let _ = fs::rename(&old, &self.out);
            return Err(err).with_context(|| format!("moving the new site to {}", self.out.display()));
        }
        crate::fault::point("before-cleanup");
        let _ = fs::remove_dir_all(&old);
        Ok(())
    }

    /// The directory the new site is being written to.
    pub fn staging(&self) -> &Path {
        &self.staging
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // A build that did not commit leaves no staging directory behind.
        if self.staging.exists() {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Takes the build lock `.<out>.lock` ([`crate::lock`]), or says who holds it.
fn take_lock(path: &Path, out: &Path) -> Result<Lock> {
    if let Some(lock) = crate::lock::try_take(path)? {
        return Ok(lock);
    }
    let who = crate::lock::holder(path).map(|pid| format!(" (process {pid})")).unwrap_or_default();
    bail!("another cardfile build{who} is writing {}; wait for it to finish and build again", out.display());
}

/// Atomically exchanges two directories (Linux `renameat2(RENAME_EXCHANGE)`); `false` where
/// the kernel or file system cannot, so the caller falls back to two renames.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(ca), Ok(cb)) = (CString::new(a.as_os_str().as_bytes()), CString::new(b.as_os_str().as_bytes())) else {
        return Ok(false);
    };
    // SAFETY: both are valid NUL-terminated paths; the call only renames.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(true);
    }
    let err = std::io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::ENOSYS | libc::EINVAL | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(err).with_context(|| format!("swapping the new site {} in for {}", a.display(), b.display())),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> Result<bool> {
    Ok(false)
}

impl Output {
    /// Checks that `path` stays in the site and is not written twice, creates its directory,
    /// and gives where it goes in the new site and where it is in the old one.
    fn claim(&self, path: &str) -> Result<(PathBuf, PathBuf)> {
        if !safe_relative(path) {
            bail!("refusing to write {path}: outside the site");
        }
        if !self.written.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string()) {
            bail!("two pages of the site would both be {path}; nothing was overwritten (please report this)");
        }
        let target = self.staging.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        Ok((target, self.out.join(path)))
    }
}

impl Sink for Output {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let (target, old) = self.claim(path)?;
        // Incremental output: a file whose bytes did not change is the old file, linked into
        // the new site, so its modification time survives and sync tools skip it.
        let unchanged = fs::symlink_metadata(&old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(&old).is_ok_and(|b| b == bytes);
        if unchanged && fs::hard_link(&old, &target).is_ok() {
            return Ok(());
        }
        fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))
    }

    fn put_made(&self, path: &str, bytes: &[u8], key: u128) -> Result<()> {
        self.put(path, bytes)?;
        self.made.add(path, key, bytes.len() as u64);
        Ok(())
    }

    fn keep(&self, path: &str, key: u128) -> Result<bool> {
        // A path that leaves the site is not looked for in the old one (rendering it fails).
        if !safe_relative(path) {
            return Ok(false);
        }
        let Some(len) = self.made.kept(path, key, &self.out.join(path)) else { return Ok(false) };
        let (target, old) = self.claim(path)?;
        if fs::hard_link(&old, &target).is_err() {
            // A file system without links: the page is rendered and written after all.
            self.written.lock().unwrap_or_else(|e| e.into_inner()).remove(path);
            return Ok(false);
        }
        self.made.add(path, key, len);
        Ok(true)
    }

    fn put_streamed(&self, path: &str, write: &mut Writing<'_>) -> Result<()> {
        let (target, old) = self.claim(path)?;
        // Compared with the old file as it is written, and linked in the same way when equal.
        let mut file = BufWriter::with_capacity(STREAM_BUFFER, ComparingFile::new(target.clone(), old));
        write(&mut file)?;
        let file =
            file.into_inner().map_err(|e| e.into_error()).with_context(|| format!("writing {}", target.display()))?;
        file.finish().with_context(|| format!("writing {}", target.display()))
    }
}

/// How many bytes of a streamed page are gathered before they are compared or written.
const STREAM_BUFFER: usize = 64 * 1024;

#[cfg(test)]
mod tests;
