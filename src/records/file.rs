//! The one way a record file's bytes are read: a regular file, opened without following a
//! last symbolic link and without blocking, of at most [`MAX_BYTES`].

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The largest record file read: 64 MiB. A customer's file is a few kilobytes.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why a record file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Not a regular file (a FIFO, a device, a socket, a directory, a symbolic link).
    NotRegular(&'static str),
    /// Larger than [`MAX_BYTES`]; holds the size found.
    TooLarge(u64),
    /// The operating system refused.
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotRegular(kind) => write!(f, "this is {kind}, not a regular file"),
            ReadError::TooLarge(size) => write!(
                f,
                "the file is {} ({size} bytes); a record file may be at most {} MiB",
                human_size(*size),
                MAX_BYTES / (1024 * 1024)
            ),
            ReadError::Io(err) => write!(f, "{err}"),
        }
    }
}

/// A size in MiB with one decimal, e.g. `70.0 MiB`.
fn human_size(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{} MiB", tenths / 10, tenths % 10)
}

/// Reads a record file. `path` must not end in a symbolic link (pass the resolved target):
/// it is opened with `O_NOFOLLOW`, and `O_NONBLOCK` so that a FIFO swapped in cannot hang
/// the open; the opened file's own metadata must say "regular file" of at most
/// [`MAX_BYTES`], and no more than that is ever read, even from a file that grows.
pub fn read_record_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|err| match err.raw_os_error() {
            Some(libc::ELOOP) => ReadError::NotRegular("a symbolic link"),
            _ => ReadError::Io(err),
        })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    let kind = meta.file_type();
    if !kind.is_file() {
        return Err(ReadError::NotRegular(describe(&kind)));
    }
    if meta.len() > MAX_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    read_at_most(file, meta.len())
}

fn read_at_most(file: File, expected: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_BYTES {
        return Err(ReadError::TooLarge(read));
    }
    Ok(bytes)
}

fn describe(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "name = \"x\"\n").expect("write");
        assert_eq!(read_record_file(&path).expect("read"), b"name = \"x\"\n");
    }

    #[test]
    fn devices_fifos_directories_and_links_are_refused_without_reading() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("fifo.toml");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
        assert!(matches!(read_record_file(&fifo), Err(ReadError::NotRegular("a named pipe (FIFO)"))));
        assert!(matches!(read_record_file(Path::new("/dev/zero")), Err(ReadError::NotRegular("a device"))));
        assert!(matches!(read_record_file(dir.path()), Err(ReadError::NotRegular("a directory"))));
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        assert!(matches!(read_record_file(&link), Err(ReadError::NotRegular("a symbolic link"))));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.toml");
        let file = File::create(&path).expect("create");
        file.set_len(MAX_BYTES + 1).expect("sparse file");
        let err = read_record_file(&path).expect_err("too large");
        assert!(matches!(err, ReadError::TooLarge(n) if n == MAX_BYTES + 1));
        assert!(err.to_string().contains("64.0 MiB (67108865 bytes)"), "{err}");
        file.set_len(MAX_BYTES).expect("sparse file");
        assert_eq!(read_record_file(&path).expect("at the limit").len(), 64 * 1024 * 1024);
    }
}
