//! Finding a customer's file by id and reading a record's text for editing.

use std::path::Path;

use anyhow::{Context, Result, anyhow};
use walkdir::WalkDir;

/// The files under `root/customers/` whose stem is `id`, relative to `root` and
/// `/`-separated, in a stable order (more than one means the id is used twice).
pub fn customer_files(root: &Path, id: &str) -> Vec<String> {
    let walker = WalkDir::new(root.join("customers"))
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    walker
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .filter(|e| e.path().file_stem().is_some_and(|s| s.to_string_lossy() == id))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(root).ok()?;
            Some(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"))
        })
        .collect()
}

/// A record's text as read for editing, remembering a leading byte-order mark.
pub struct RecordText {
    /// Whether the file started with a UTF-8 byte-order mark.
    pub bom: bool,
    /// The text, without the mark.
    pub text: String,
}

impl RecordText {
    /// The bytes to write for `text`, with the mark when the file had one.
    pub fn bytes(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 3);
        if self.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        out.extend_from_slice(text.as_bytes());
        out
    }
}

/// Reads a record for editing; a file that is not UTF-8 cannot be edited.
pub fn read_record(path: &Path) -> Result<RecordText> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest.to_vec()),
        None => (false, bytes),
    };
    let text =
        String::from_utf8(body).map_err(|_| anyhow!("{} is not valid UTF-8; run `cardfile check`", path.display()))?;
    Ok(RecordText { bom, text })
}
