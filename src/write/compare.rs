//! A page written to the new site as it is rendered, compared with the old site's file on the
//! way: while the two agree nothing is written, and a page that ends where the old file ends
//! is the old file, linked into the new site (as [`super::Output`]'s `put` does for a page
//! given whole).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

/// The new file `target`, written as its bytes come, compared with `old` until they differ.
pub struct ComparingFile {
    target: PathBuf,
    /// The old site's file, open for comparing, while the bytes so far equal its start.
    old: Option<(PathBuf, File)>,
    /// How many bytes were written so far: while `old` is open, all equal to its start.
    written: u64,
    /// The new file, once the bytes differ from the old file's (or there is none).
    out: Option<File>,
    scratch: Vec<u8>,
}

impl ComparingFile {
    /// Writes `target`, a path in the staging directory that does not exist yet, compared
    /// with `old` when that is a regular file (a link is never followed).
    pub fn new(target: PathBuf, old: PathBuf) -> ComparingFile {
        let regular = fs::symlink_metadata(&old).is_ok_and(|m| m.is_file());
        let old = if regular { File::open(&old).ok().map(|file| (old, file)) } else { None };
        ComparingFile { target, old, written: 0, out: None, scratch: Vec::new() }
    }

    /// Ends the file: the old file linked in when every byte was the same and it has no
    /// more, else the new file complete on disk.
    pub fn finish(mut self) -> io::Result<()> {
        if let Some((old, mut file)) = self.old.take() {
            let ended = matches!(file.read(&mut [0u8; 1]), Ok(0));
            if ended && fs::hard_link(&old, &self.target).is_ok() {
                return Ok(());
            }
            self.diverge(file)?;
        }
        match self.out {
            Some(_) => Ok(()),
            None => self.create().map(drop),
        }
    }

    /// Reads exactly `buf.len()` bytes of the old file (fewer where it ends) into scratch and
    /// says whether they are `buf`.
    fn same_as_old(&mut self, buf: &[u8]) -> bool {
        let Some((_, file)) = self.old.as_mut() else { return false };
        self.scratch.resize(buf.len(), 0);
        file.read_exact(&mut self.scratch).is_ok() && self.scratch == buf
    }

    /// Stops comparing: the new file gets the bytes written so far, which are the start of
    /// `old`, read again from the file already open (not reopened by its path).
    fn diverge(&mut self, mut old: File) -> io::Result<()> {
        let mut out = self.create()?;
        old.seek(SeekFrom::Start(0))?;
        let copied = io::copy(&mut old.take(self.written), &mut out)?;
        if copied != self.written {
            return Err(io::Error::other("the old site's file changed while the site was written"));
        }
        self.out = Some(out);
        Ok(())
    }

    fn create(&self) -> io::Result<File> {
        OpenOptions::new().write(true).create_new(true).open(&self.target)
    }
}

impl Write for ComparingFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.out.is_none() {
            if self.same_as_old(buf) {
                self.written += buf.len() as u64;
                return Ok(buf.len());
            }
            match self.old.take() {
                Some((_, old)) => self.diverge(old)?,
                None => self.out = Some(self.create()?),
            }
        }
        let out = self.out.as_mut().ok_or_else(|| io::Error::other("no file to write"))?;
        out.write_all(buf)?;
        self.written += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.as_mut().map_or(Ok(()), Write::flush)
    }
}
