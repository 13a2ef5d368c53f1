//! Byte offsets to 1-based line and column numbers.

use std::collections::BTreeMap;

/// A 1-based line and column (the column counts characters, as rustc does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// The line and column of a byte offset in `text`. Offsets past the end, or inside a
/// character, are moved back to the nearest character boundary.
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol {
        line: before.bytes().filter(|&b| b == b'\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Line and column numbers for many offsets of many files: each file's line starts are found
/// once, then each offset costs a binary search and a count along its own line (rather than
/// a scan from the start of the file, which made 50,000 diagnostics in one file quadratic).
#[derive(Default)]
pub struct Positions<'t> {
    starts: BTreeMap<&'t str, Vec<usize>>,
}

impl<'t> Positions<'t> {
    /// The line and column of `offset` in `text`, the text of `file`.
    pub fn line_col(&mut self, file: &'t str, text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self
            .starts
            .entry(file)
            .or_insert_with(|| std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect());
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let line_start = starts[line - 1];
        LineCol { line, column: text[line_start..offset].chars().count() + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_agree_with_line_col_everywhere() {
        let text = "a = 1\r\nname = \"华东\" x\n\nlast";
        let mut positions = Positions::default();
        for offset in 0..=text.len() + 2 {
            assert_eq!(positions.line_col("a.toml", text, offset), line_col(text, offset), "at {offset}");
        }
    }

    #[test]
    fn first_character_is_line_one_column_one() {
        assert_eq!(line_col("abc", 0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a = 1\nname = \"华东\" x";
        let offset = text.find('x').unwrap();
        assert_eq!(line_col(text, offset), LineCol { line: 2, column: 13 });
    }

    #[test]
    fn crlf_line_endings_count_one_line_each() {
        let text = "a = 1\r\nb = 2\r\nc";
        assert_eq!(line_col(text, text.len() - 1), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        assert_eq!(line_col("ab", 99), LineCol { line: 1, column: 3 });
        assert_eq!(line_col("华", 1), LineCol { line: 1, column: 1 });
    }
}
