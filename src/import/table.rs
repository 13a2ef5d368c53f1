//! A spreadsheet export turned into rows of text: the encoding detected (BOM, UTF-8, else
//! GB18030 as Chinese Excel writes it), the delimiter guessed, the header separated.

use encoding_rs::{Encoding, GB18030, UTF_8};

use super::Problem;

/// A CSV file read into text cells.
#[derive(Debug, Default)]
pub struct Table {
    /// The header cells, trimmed.
    pub header: Vec<String>,
    /// The data rows: the row number (the header is row 1) and the cells, trimmed.
    pub rows: Vec<(usize, Vec<String>)>,
    /// The encoding the bytes were read as.
    pub encoding: &'static str,
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
    let mut table = Table { encoding, ..Table::default() };
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    for (index, record) in reader.records().enumerate() {
        let row = index + 1;
        match record {
            Ok(record) => {
                let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
                if row == 1 {
                    table.header = cells;
                } else if cells.iter().any(|c| !c.is_empty()) {
                    table.rows.push((row, cells));
                }
            }
            Err(err) => problems.push(Problem::new(row, 1, format!("cannot read the row: {err}"))),
        }
    }
    if table.header.iter().all(String::is_empty) {
        problems.push(Problem::new(1, 1, "the file has no header row: the first row must name the columns"));
    }
    (table, problems)
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
    fn rows_are_numbered_from_the_header_and_blank_rows_skipped() {
        let (table, problems) = read("id\tname\nacme\t\"Acme\nLtd\"\n\t\nb\tB\n".as_bytes());
        assert!(problems.is_empty());
        assert_eq!(table.header, ["id", "name"]);
        assert_eq!(table.rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(table.rows[0].1[1], "Acme\nLtd");
    }
}
