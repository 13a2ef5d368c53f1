//! A record file's bytes turned into text: BOM, UTF-8 and git merge-conflict markers.

use crate::diagnostics::{Code, Diagnostic};

/// The text of a file, or why it cannot be parsed. The text is always there (lossily
/// decoded when the bytes are not UTF-8) so that diagnostics can show the source line.
pub struct Decoded {
    /// The file's text without a leading BOM.
    pub text: String,
    /// Problems that stop the file from being parsed.
    pub fatal: Vec<Diagnostic>,
}

/// Decodes a file's bytes: strips a UTF-8 BOM, rejects invalid UTF-8 at its position, and
/// names unresolved merge-conflict markers.
pub fn decode(file: &str, bytes: &[u8]) -> Decoded {
    if let Some(kind) = utf16(bytes) {
        // Its text as UTF-8 would be NUL bytes between the letters: nothing worth showing.
        let d = Diagnostic::whole_file(Code::InvalidUtf8, file, format!("the file is not valid UTF-8: it is {kind}"))
            .with_help("save the file as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)");
        return Decoded { text: String::new(), fatal: vec![d] };
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_string(), fatal: conflict_markers(file, text) },
        Err(e) => {
            let at = e.valid_up_to();
            let bad = e.error_len().unwrap_or(bytes.len() - at);
            let text = String::from_utf8_lossy(bytes).into_owned();
            // The span is in the decoded text, where the bad bytes became one U+FFFD: it covers
            // that whole character, so that it can be sliced and shown.
            let diagnostic = Diagnostic::new(
                Code::InvalidUtf8,
                file,
                at..at + char::REPLACEMENT_CHARACTER.len_utf8(),
                format!("the file is not valid UTF-8: invalid byte {:#04x} at byte offset {at}", bytes[at]),
            )
            .with_help(if bad > 0 && looks_like_gbk(bytes) {
                "the file looks like GBK/GB18030 (Chinese Excel or Notepad); save it as UTF-8"
            } else {
                "save the file as UTF-8"
            });
            Decoded { text, fatal: vec![diagnostic] }
        }
    }
}

/// Which UTF-16 the bytes are, by their byte-order mark or, without one, by NUL bytes in
/// every other place of the first bytes (ASCII text in UTF-16).
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some("UTF-16 (little-endian, with a byte-order mark)");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some("UTF-16 (big-endian, with a byte-order mark)");
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    let pairs = head.len() / 2;
    let nul_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    if pairs >= 2 && nul_at(1) == pairs && nul_at(0) == 0 {
        return Some("UTF-16 (little-endian)");
    }
    if pairs >= 2 && nul_at(0) == pairs && nul_at(1) == 0 {
        return Some("UTF-16 (big-endian)");
    }
    None
}

/// Whether bytes look like GBK: many bytes in the GBK lead-byte range.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| (0x81..=0xFE).contains(&b))
}

/// The kinds of conflict-marker lines git writes.
fn marker(line: &str) -> Option<&'static str> {
    let kinds = [("<<<<<<<", "start"), ("|||||||", "base"), ("=======", "middle"), (">>>>>>>", "end")];
    kinds.iter().find_map(|(prefix, kind)| {
        let rest = line.strip_prefix(prefix)?;
        (rest.is_empty() || rest.starts_with([' ', '\r', '\n', '\t'])).then_some(*kind)
    })
}

/// One error per conflict, on the `<<<<<<<` line, pointing at its other markers too.
pub fn conflict_markers(file: &str, text: &str) -> Vec<Diagnostic> {
    // Every diagnostic starts at a `<<<<<<<` line: without one, one search answers.
    if !text.starts_with("<<<<<<<") && !text.contains("\n<<<<<<<") {
        return Vec::new();
    }
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut offset = 0;
    let mut open: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let span = offset..offset + line.trim_end().len();
        offset += line.len();
        let Some(kind) = marker(line) else { continue };
        match (kind, open) {
            ("start", _) => {
                out.push(Diagnostic::new(Code::MergeConflict, file, span, "unresolved git merge conflict").with_help(
                    "keep the lines you want, delete the rest and the <<<<<<< ======= >>>>>>> markers, then commit",
                ));
                open = Some(out.len() - 1);
            }
            (_, Some(i)) => {
                let what = match kind {
                    "base" => "the common ancestor's lines start here",
                    "middle" => "the other side's lines start here",
                    _ => "the conflict ends here",
                };
                out[i] = out[i].clone().with_label(file, span, what);
                if kind == "end" {
                    open = None;
                }
            }
            // A lone `=======` line is a Markdown heading underline inside a string.
            (_, None) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped_and_crlf_kept() {
        let d = decode("a.toml", b"\xEF\xBB\xBFname = \"x\"\r\n");
        assert_eq!(d.text, "name = \"x\"\r\n");
        assert!(d.fatal.is_empty());
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_byte() {
        let d = decode("a.toml", b"name = \"ok\"\nx = \"\xff\"\n");
        assert_eq!(d.fatal.len(), 1);
        assert_eq!(d.fatal[0].code, Code::InvalidUtf8);
        assert_eq!(d.fatal[0].span, Some(17..20));
        assert_eq!(d.text.get(17..20), Some("\u{FFFD}"));
    }

    #[test]
    fn utf16_is_named_by_its_mark_or_its_nul_bytes() {
        let le: Vec<u8> = "name = \"x\"\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "name = \"x\"\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with_bom = [&b"\xFF\xFE"[..], &le].concat();
        for (bytes, kind) in [(&with_bom, "little-endian, with"), (&le, "(little-endian)"), (&be, "(big-endian)")] {
            let d = decode("a.toml", bytes);
            assert_eq!(d.fatal.len(), 1);
            assert!(
                d.fatal[0].message.contains("it is UTF-16") && d.fatal[0].message.contains(kind),
                "{}",
                d.fatal[0].message
            );
            assert_eq!(d.text, "", "no NUL bytes to show");
        }
        assert!(decode("a.toml", b"name = \"x\"\n").fatal.is_empty());
        assert!(utf16(b"\0").is_none() && utf16(b"").is_none());
    }

    #[test]
    fn a_conflict_is_one_error_on_its_start_marker() {
        let text = "name = \"x\"\n<<<<<<< HEAD\nowner = \"a\"\n=======\nowner = \"b\"\n>>>>>>> branch\n";
        let d = conflict_markers("a.toml", text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span, Some(11..23));
        assert_eq!(d[0].labels.len(), 2);
        assert_eq!(d[0].labels[0].message, "the other side's lines start here");
        let at_the_start = conflict_markers("a.toml", "<<<<<<< HEAD\nowner = \"a\"\n>>>>>>> b\n");
        assert_eq!(at_the_start.len(), 1, "a conflict on the first line");
        assert_eq!(at_the_start[0].span, Some(0..12));
        assert!(conflict_markers("a.toml", "notes = \"<<<<<<< not at a line start\"\n").is_empty());
    }

    #[test]
    fn equals_signs_inside_values_are_not_markers() {
        assert!(conflict_markers("a.toml", "notes = \"\"\"\nTitle\n=======\n\"\"\"\n").is_empty());
        assert!(conflict_markers("a.toml", "notes = \"a ======= b\"\n").is_empty());
    }
}
