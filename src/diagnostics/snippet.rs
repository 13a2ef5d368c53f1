//! The excerpts of source text a diagnostic shows: only the lines its labels point at, each
//! longer than 240 bytes cut to a window around the labels (a 10 MB one-line file shows 240
//! bytes of it), with control characters made visible and safe for a terminal. Line and column
//! numbers stay those of the whole file.

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use crate::terminal::{escape, placeholders};

/// Bytes of context kept before the first label of a long line.
const CONTEXT: usize = 60;
/// The widest excerpt of one line, in bytes of source.
const MAX_WIDTH: usize = 240;
/// Marks a clipped end of a line.
const ELLIPSIS: &str = "…";

/// The start of each line of a text (computed once per file).
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// One line of an excerpt: where it is in the excerpt and where it came from.
struct Line {
    /// Byte range of the line (without its line break) in the excerpt.
    view: Range<usize>,
    /// 0-based line index in the whole file.
    index: usize,
    /// Byte offset in the file of the first byte shown.
    from: usize,
    /// Bytes of the leading ellipsis (0 when the line is shown from its start).
    prefix: usize,
    /// The column (1-based, in characters) of `from` in the file.
    column: usize,
}

/// What one diagnostic shows of one file.
pub struct Excerpt {
    name: String,
    source: String,
    lines: Vec<Line>,
}

impl Excerpt {
    /// The excerpt of `text` (whose line starts are `starts`) around `spans`; returns it with
    /// each span mapped into the excerpt.
    pub fn new(name: &str, text: &str, starts: &[usize], spans: &[Range<usize>]) -> (Excerpt, Vec<Range<usize>>) {
        let clamp = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let line_of = |offset: usize| starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let line_end = |index: usize| {
            let end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
            if end > starts[index] && text.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end }
        };
        // Each span is cut to its first line.
        let spans: Vec<(usize, Range<usize>)> = spans
            .iter()
            .map(|s| {
                let start = clamp(s.start);
                let index = line_of(start);
                (index, start..clamp(s.end.max(start)).min(line_end(index)).max(start))
            })
            .collect();
        let mut indexes: Vec<usize> = spans.iter().map(|(i, _)| *i).collect();
        indexes.sort_unstable();
        indexes.dedup();
        let mut excerpt = Excerpt { name: escape(name).into_owned(), source: String::new(), lines: Vec::new() };
        for index in indexes {
            let (begin, end) = (starts[index], line_end(index));
            let first = spans.iter().filter(|(i, _)| *i == index).map(|(_, s)| s.start).min().unwrap_or(begin);
            // A line of up to MAX_WIDTH bytes is shown whole; a longer one from a little before
            // its first label, MAX_WIDTH bytes at most.
            let (from, to) = if end - begin <= MAX_WIDTH {
                (begin, end)
            } else {
                let from = clamp(first.saturating_sub(CONTEXT).max(begin));
                (from, clamp(end.min(from.saturating_add(MAX_WIDTH))))
            };
            let prefix = if from > begin { ELLIPSIS.len() } else { 0 };
            let view_start = excerpt.source.len();
            if prefix > 0 {
                excerpt.source.push_str(ELLIPSIS);
            }
            excerpt.source.push_str(&placeholders(&text[from..to]));
            if to < end {
                excerpt.source.push_str(ELLIPSIS);
            }
            let view = view_start..excerpt.source.len();
            excerpt.source.push('\n');
            let column = text[begin..from].chars().count() + 1;
            excerpt.lines.push(Line { view, index, from, prefix, column });
        }
        let mapped = spans
            .iter()
            .map(|(index, s)| {
                let line = excerpt.lines.iter().find(|l| l.index == *index);
                line.map_or(0..0, |l| {
                    let at = |x: usize| {
                        let shown = l.view.end - l.view.start - l.prefix;
                        l.view.start + l.prefix + x.saturating_sub(l.from).min(shown)
                    };
                    at(s.start)..at(s.end)
                })
            })
            .collect();
        (excerpt, mapped)
    }

    fn line(&self, byte: usize) -> Option<&Line> {
        let at = self.lines.partition_point(|l| l.view.start <= byte).saturating_sub(1);
        self.lines.get(at)
    }
}

/// The excerpts of one diagnostic, as codespan-reporting's source of files.
pub struct Excerpts(pub Vec<Excerpt>);

impl Excerpts {
    fn get(&self, id: usize) -> Result<&Excerpt, Error> {
        self.0.get(id).ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for Excerpts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.source)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let excerpt = self.get(id)?;
        Ok(excerpt.lines.partition_point(|l| l.view.start <= byte_index).saturating_sub(1))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        let excerpt = self.get(id)?;
        Ok(excerpt.lines.get(line_index).map_or(1, |l| l.index + 1))
    }

    fn column_number(&'a self, id: usize, _line_index: usize, byte_index: usize) -> Result<usize, Error> {
        let excerpt = self.get(id)?;
        let Some(line) = excerpt.line(byte_index) else { return Ok(1) };
        let shown_start = line.view.start + line.prefix;
        let shown = excerpt.source.get(shown_start..byte_index.max(shown_start)).unwrap_or("");
        Ok(line.column + shown.chars().count())
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let excerpt = self.get(id)?;
        match excerpt.lines.get(line_index) {
            Some(line) => Ok(line.view.start..line.view.end + 1),
            None if excerpt.lines.is_empty() && line_index == 0 => Ok(0..0),
            None => Err(Error::LineTooLarge { given: line_index, max: excerpt.lines.len().saturating_sub(1) }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, spans: &[Range<usize>]) -> (Excerpt, Vec<Range<usize>>) {
        Excerpt::new("a.toml", text, &line_starts(text), spans)
    }

    #[test]
    fn a_short_line_is_shown_whole_and_spans_keep_their_text() {
        let text = "name = \"x\"\namout = 5\n";
        let (e, spans) = excerpt(text, std::slice::from_ref(&(11..16)));
        assert_eq!(e.source, "amout = 5\n");
        assert_eq!(&e.source[spans[0].clone()], "amout");
        let files = Excerpts(vec![e]);
        assert_eq!(files.location(0, spans[0].start).map(|l| (l.line_number, l.column_number)).ok(), Some((2, 1)));
    }

    #[test]
    fn a_long_line_is_clipped_around_the_span_with_the_right_column() {
        let text = format!("x = \"{}é{}", "a".repeat(5_000_000), "b".repeat(5_000_000));
        let at = text.find('é').expect("é");
        let (e, spans) = excerpt(&text, std::slice::from_ref(&(at..at + 2)));
        assert!(e.source.len() < 400, "{} bytes shown", e.source.len());
        assert!(e.source.starts_with('…') && e.source.ends_with("…\n"));
        assert_eq!(&e.source[spans[0].clone()], "é");
        let files = Excerpts(vec![e]);
        assert_eq!(files.location(0, spans[0].start).map(|l| l.column_number).ok(), Some(5_000_006));
    }

    #[test]
    fn control_characters_become_placeholders_and_lines_keep_their_numbers() {
        let text = "a = 1\nname = \"\u{1b}[2J\u{202e}\"\r\n\nb = 2\n";
        let b = text.find("b =").expect("b");
        let (e, spans) = excerpt(text, &[6..10, b..b + 1, 1000..1000]);
        assert_eq!(e.source, "name = \"?[2J\u{FFFD}\"\nb = 2\n\n");
        assert_eq!(&e.source[spans[0].clone()], "name");
        assert_eq!(&e.source[spans[1].clone()], "b");
        let files = Excerpts(vec![e]);
        assert_eq!(files.line_number(0, 0).ok(), Some(2));
        assert_eq!(files.line_number(0, 1).ok(), Some(4));
        assert_eq!(files.line_number(0, 2).ok(), Some(5), "a span past the end is on the last line");
    }
}
