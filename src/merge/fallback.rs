//! The line-based three-way merge (like `git merge-file`) used when a version does not parse
//! as TOML: `diffy`, with git's conflict style and markers.

use diffy::{ConflictStyle, MergeOptions};

/// The merged bytes and how many conflicts they hold.
pub fn line_merge(base: &[u8], ours: &[u8], theirs: &[u8], path: Option<&str>) -> (Vec<u8>, usize) {
    let mut options = MergeOptions::new();
    options.set_conflict_style(ConflictStyle::Merge);
    match options.merge_bytes(base, ours, theirs) {
        Ok(merged) => (relabel(&merged, path).0, 0),
        // Marker lines already in the versions are counted too; there is at least one conflict.
        Err(merged) => {
            let (text, conflicts) = relabel(&merged, path);
            (text, conflicts.max(1))
        }
    }
}

/// Adds `:PATH` to diffy's `ours`/`theirs` marker labels and counts the conflicts.
fn relabel(merged: &[u8], path: Option<&str>) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(merged.len());
    let mut conflicts = 0;
    for line in merged.split_inclusive(|&b| b == b'\n') {
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        let side = match body {
            b"<<<<<<< ours" => Some("<<<<<<< ours"),
            b">>>>>>> theirs" => Some(">>>>>>> theirs"),
            _ => None,
        };
        match side {
            Some(marker) => {
                conflicts += usize::from(marker.starts_with('<'));
                out.extend_from_slice(marker.as_bytes());
                if let Some(path) = path {
                    out.push(b':');
                    out.extend_from_slice(path.as_bytes());
                }
                out.extend_from_slice(&line[body.len()..]);
            }
            None => out.extend_from_slice(line),
        }
    }
    (out, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_line_merges_take_both_sides() {
        let (text, conflicts) = line_merge(b"a\nb\nc\n", b"A\nb\nc\n", b"a\nb\nC\n", None);
        assert_eq!((text.as_slice(), conflicts), (&b"A\nb\nC\n"[..], 0));
    }

    #[test]
    fn conflicts_have_git_markers_with_the_path() {
        let (text, conflicts) = line_merge(b"a\n", b"b\n", b"c\n", Some("customers/x.toml"));
        assert_eq!(conflicts, 1);
        assert_eq!(
            String::from_utf8_lossy(&text),
            "<<<<<<< ours:customers/x.toml\nb\n=======\nc\n>>>>>>> theirs:customers/x.toml\n"
        );
    }
}
