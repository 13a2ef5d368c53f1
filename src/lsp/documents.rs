//! The editor's open buffers, and positions in them: a byte offset of cardfile's (a
//! diagnostic's span) to the line and character the client counts in, and back. The
//! character is counted in the negotiated position encoding: UTF-16 code units unless the
//! client offered UTF-8 (LSP 3.17, `positionEncoding`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Uri};

/// How the client counts characters in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units (the protocol's default).
    Utf16,
    /// Bytes of UTF-8.
    Utf8,
}

impl Encoding {
    /// The units `c` takes in this encoding.
    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf8 => c.len_utf8(),
        }
    }
}

/// The start of each line of a text, for turning offsets into positions and back.
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'t> Lines<'t> {
    /// The lines of `text`, counted in `encoding`.
    pub fn new(text: &'t str, encoding: Encoding) -> Lines<'t> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts, encoding }
    }

    /// The position of byte `offset` (clamped to the text, moved back to a character
    /// boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.starts[line];
        let character: usize = self.text[start..offset].chars().map(|c| self.encoding.width(c)).sum();
        Position { line: saturate(line), character: saturate(character) }
    }

    /// The range of the bytes `span`.
    pub fn range(&self, span: std::ops::Range<usize>) -> Range {
        Range { start: self.position(span.start), end: self.position(span.end) }
    }

    /// The byte offset of `position`: a line past the end is the end of the text, a
    /// character past the end of its line (or inside a character) the nearest boundary
    /// before it, at most the line's end.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else { return self.text.len() };
        let end = self.starts.get(position.line as usize + 1).map_or(self.text.len(), |&next| next - 1);
        let mut units = 0;
        for (i, c) in self.text[start..end].char_indices() {
            units += self.encoding.width(c);
            if units > position.character as usize {
                return start + i;
            }
        }
        end
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The open buffers by path on disk: their text as the editor has it.
#[derive(Default)]
pub struct Documents {
    open: BTreeMap<PathBuf, String>,
}

impl Documents {
    /// Opens (or replaces) the buffer of `path`.
    pub fn open(&mut self, path: PathBuf, text: String) {
        self.open.insert(path, text);
    }

    /// Closes the buffer of `path`: the disk's text counts again.
    pub fn close(&mut self, path: &Path) {
        self.open.remove(path);
    }

    /// The text of an open buffer.
    pub fn get(&self, path: &Path) -> Option<&str> {
        self.open.get(path).map(String::as_str)
    }

    /// The open buffers under `root`, by path relative to it (`/`-separated), as an overlay.
    pub fn overlay(&self, root: &Path) -> BTreeMap<String, String> {
        self.open.iter().filter_map(|(path, text)| Some((relative(root, path)?, text.clone()))).collect()
    }

    /// The text of `path`: the open buffer, else the file on disk (empty when unreadable).
    pub fn text(&self, path: &Path) -> String {
        match self.get(path) {
            Some(text) => text.to_string(),
            None => std::fs::read(path).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default(),
        }
    }
}

/// `path` relative to `root`, `/`-separated, when it is under it.
pub fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The path of a `file:` URI, percent-decoded; `None` for any other scheme.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let decoded = percent_encoding::percent_decode_str(rest).decode_utf8().ok()?;
    // `file:///C:/x` on Windows; `file://host/x` names another machine: not ours.
    let path = decoded.strip_prefix('/').filter(|p| p.as_bytes().get(1) == Some(&b':')).unwrap_or(&decoded);
    path.starts_with('/').then(|| PathBuf::from(path)).or_else(|| cfg!(windows).then(|| PathBuf::from(path)))
}

/// What a URI's path keeps as it is: letters, digits, `/-._~:`; every other byte is escaped.
const URI_PATH: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'/').remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b':');

/// The `file:` URI of an absolute path, percent-encoding what a URI path may not hold.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    out.extend(percent_encoding::utf8_percent_encode(&text, URI_PATH));
    out.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn utf16_counts_a_chinese_character_as_one_unit_and_an_emoji_as_two() {
        let text = "a = 1\nname = \"华东😀\" x\n";
        let lines = Lines::new(text, Encoding::Utf16);
        let x = text.find('x').unwrap();
        assert_eq!(lines.position(x), at(1, 14));
        assert_eq!(lines.offset(at(1, 14)), x);
        let utf8 = Lines::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(x), at(1, 20));
        assert_eq!(utf8.offset(at(1, 20)), x);
    }

    #[test]
    fn positions_and_offsets_agree_at_every_boundary() {
        let text = "名 = \"😀\"\r\n\nlast";
        for encoding in [Encoding::Utf16, Encoding::Utf8] {
            let lines = Lines::new(text, encoding);
            for (offset, _) in text.char_indices() {
                assert_eq!(lines.offset(lines.position(offset)), offset, "{encoding:?} at {offset}");
            }
        }
    }

    #[test]
    fn positions_out_of_the_text_are_clamped() {
        let text = "ab\n😀\n";
        let lines = Lines::new(text, Encoding::Utf16);
        assert_eq!(lines.offset(at(0, 99)), 2, "past the end of the line: its end");
        assert_eq!(lines.offset(at(1, 1)), 3, "inside the emoji: its start");
        assert_eq!(lines.offset(at(9, 0)), text.len());
        assert_eq!(lines.position(999), at(2, 0));
        assert_eq!(lines.position(4), at(1, 0), "inside a character: its start");
    }

    #[test]
    fn file_uris_and_paths_convert_both_ways() {
        let path = Path::new("/tmp/records dir/customers/华东.toml");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/records%20dir/customers/%E5%8D%8E%E4%B8%9C.toml");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        let other: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(uri_to_path(&other), None);
    }

    #[test]
    fn the_overlay_holds_the_buffers_under_the_root_by_relative_path() {
        let mut docs = Documents::default();
        docs.open(PathBuf::from("/r/customers/acme.toml"), "a".into());
        docs.open(PathBuf::from("/elsewhere/x.toml"), "b".into());
        assert_eq!(docs.overlay(Path::new("/r")), BTreeMap::from([("customers/acme.toml".into(), "a".into())]));
        docs.close(Path::new("/r/customers/acme.toml"));
        assert!(docs.overlay(Path::new("/r")).is_empty());
    }
}
