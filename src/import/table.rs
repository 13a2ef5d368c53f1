//! A spreadsheet export turned into rows of text: the encoding detected (BOM, UTF-8, else
//! GB18030 as Chinese Excel writes it), the delimiter guessed, the header separated. Rows are
//! numbered by the line of the file they start on (blank lines and line breaks inside quoted
//! cells counted), and a row with more or fewer cells than the header is a problem.

use encoding_rs::{Encoding, GB18030, UTF_8};

use super::Problem;

/// A CSV file read into text cells.
#[derive(Debug, Default)]
pub struct Table {
    /// The header cells, trimmed.
    pub header: Vec<String>,
    /// The data rows: the line of the file each starts on (the header's is 1) and the cells,
    /// trimmed.
    pub rows: Vec<(usize, Vec<String>)>,
    /// The encoding the bytes were read as.
    pub encoding: &'static str,
    /// The delimiter between cells: `,`, `\t` or `;`.
    pub delimiter: u8,
}

/// Decodes a spreadsheet export: a BOM decides, else valid UTF-8 is UTF-8, else GB18030
/// (a superset of GBK). Returns the text and the encoding's name, or a problem.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), Problem> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(Problem::new(
                1,
                1,
                format!("the file starts with a {} BOM but is not valid {0}", encoding.name()),
            ));
        }
        return Ok((text.into_owned(), encoding.name()));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), UTF_8.name()));
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Problem::new(
            1,
            1,
            "the file is neither UTF-8 nor GB18030/GBK: save it from the spreadsheet as \"CSV UTF-8\"",
        ));
    }
    Ok((text.into_owned(), GB18030.name()))
}

/// The delimiter of the header line: the most frequent of comma, tab and semicolon.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    [b',', b'\t', b';'].into_iter().max_by_key(|&d| (count(d as char), d == b',')).unwrap_or(b',') // ok: non-empty
}

/// Reads the bytes of a CSV file into a [`Table`]. Every problem is collected.
pub fn read(bytes: &[u8]) -> (Table, Vec<Problem>) {
    let (text, encoding) = match decode(bytes) {
        Ok(decoded) => decoded,
        Err(problem) => return (Table::default(), vec![problem]),
    };
    let delimiter = delimiter(&text);
    let mut table = Table { encoding, delimiter, ..Table::default() };
    let mut problems = Vec::new();
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut first = true;
    let mut lines = Lines { text: text.as_bytes(), at: 0, line: 1 };
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = lines.of(record.position().map_or(0, csv::Position::byte));
                let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
                if std::mem::take(&mut first) {
                    table.header = cells;
                } else if cells.iter().any(|c| !c.is_empty()) {
                    if cells.len() != table.header.len() {
                        problems.push(count_problem(line, cells.len(), table.header.len(), delimiter));
                    }
                    table.rows.push((line, cells));
                }
            }
            Err(err) => {
                let line = lines.of(err.position().map_or(0, csv::Position::byte));
                problems.push(Problem::new(line, 1, format!("cannot read the row: {err}")));
            }
        }
    }
    if table.header.iter().all(String::is_empty) {
        problems.push(Problem::new(1, 1, "the file has no header row: the first row must name the columns"));
    }
    (table, problems)
}

/// The line of the file a byte offset is on, counted forward as rows are read (the CSV
/// reader's own line count leaves out blank lines). Blank lines before a row belong to no row.
struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl Lines<'_> {
    fn of(&mut self, byte: u64) -> usize {
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        while byte < self.text.len() && matches!(self.text[byte], b'\n' | b'\r') {
            byte += 1;
        }
        if byte >= self.at {
            // A line ends with LF, CRLF or a lone CR (as the CSV reader reads them).
            let span = &self.text[self.at..byte];
            let lone_cr = |i: usize| span[i] == b'\r' && self.text.get(self.at + i + 1) != Some(&b'\n');
            self.line += (0..span.len()).filter(|&i| span[i] == b'\n' || lone_cr(i)).count();
            self.at = byte;
        }
        self.line
    }
}

/// A row of `cells` cells under a header of `header`: the problem sits at the first cell beyond
/// the header, or just after the row's last cell.
fn count_problem(line: usize, cells: usize, header: usize, delimiter: u8) -> Problem {
    let sep = match delimiter {
        b'\t' => "tab",
        b';' => "`;`",
        _ => "`,`",
    };
    if cells > header {
        Problem::new(
            line,
            header + 1,
            format!(
                "this row has {cells} cells but the header has {header}: a cell holding a {sep} (a decimal comma?) \
                 was split; put such cells in quotes, or remove what is beyond the last column"
            ),
        )
    } else {
        Problem::new(
            line,
            cells + 1,
            format!("this row has {cells} cells but the header has {header}: the row ends before the last column"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected() {
        let (gbk, _, _) = GB18030.encode("编号,名称\nacme,华东\n");
        let (text, name) = decode(&gbk).unwrap_or_default();
        assert_eq!((text.as_str(), name), ("编号,名称\nacme,华东\n", "gb18030"));
        let (text, name) = decode("\u{feff}编号\n".as_bytes()).unwrap_or_default();
        assert_eq!((text.as_str(), name), ("编号\n", "UTF-8"));
        assert!(decode(b"\xff\xff\xff\x80").is_err());
    }

    #[test]
    fn rows_are_numbered_by_their_line_and_blank_rows_skipped() {
        let (table, problems) = read("id\tname\nacme\t\"Acme\nLtd\"\n\t\nb\tB\n".as_bytes());
        assert!(problems.is_empty());
        assert_eq!(table.header, ["id", "name"]);
        assert_eq!(table.rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 5]);
        assert_eq!(table.rows[0].1[1], "Acme\nLtd");
        // Blank lines (which the CSV reader drops) still count.
        let (table, _) = read(b"id,name\n\n\nacme,A\r\n\r\nb,B\n");
        assert_eq!(table.rows.iter().map(|r| r.0).collect::<Vec<_>>(), [4, 6]);
        let (table, _) = read(b"id,name\r\ra,A\rb,B");
        assert_eq!(table.rows.iter().map(|r| r.0).collect::<Vec<_>>(), [3, 4]);
    }

    #[test]
    fn a_row_with_more_or_fewer_cells_than_the_header_is_a_problem_at_its_place() {
        let (_, problems) = read(b"customer,date,amount\n\nacme,2026-03-01,12,50\nacme,2026-03-02\nacme,1,2\n");
        let at: Vec<(usize, usize)> = problems.iter().map(|p| (p.row, p.column)).collect();
        assert_eq!(at, [(3, 4), (4, 3)]);
        assert!(problems[0].message.contains("4 cells but the header has 3"), "{}", problems[0].message);
    }
}
