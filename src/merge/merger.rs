//! What a merge carries along: the conflicts found so far, the document positions of tables
//! appended at the end of the file, and the three-way rule itself.

use toml_edit::{Item, Table};

use super::document::Norm;
use super::markers::Placeholders;

/// Which side's version a three-way merge of one key or entry keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// OURS' version (unchanged there, or the same change on both sides).
    Ours,
    /// THEIRS' version (changed only there, removal included).
    Theirs,
    /// Changed differently on both sides, or removed on one and changed on the other.
    Conflict,
}

/// The three-way rule of SPEC 11.2 on the meanings of one key or entry in BASE, OURS and
/// THEIRS (`None` when it is absent).
pub fn pick(base: Option<&Norm>, ours: Option<&Norm>, theirs: Option<&Norm>) -> Pick {
    if ours == theirs || base == theirs {
        Pick::Ours
    } else if base == ours {
        Pick::Theirs
    } else {
        Pick::Conflict
    }
}

/// The state of one merge.
#[derive(Debug)]
pub struct Merger {
    /// The conflicts found so far.
    pub marks: Placeholders,
    last_position: isize,
}

impl Merger {
    /// A merge of `texts` into the document `ours`.
    pub fn new(texts: &[&str], ours: &Table) -> Merger {
        Merger { marks: Placeholders::new(texts), last_position: last_position(ours) }
    }

    /// The document position of a table printed after every table so far.
    pub fn end_position(&mut self) -> Option<isize> {
        self.last_position = self.last_position.saturating_add(1);
        Some(self.last_position)
    }
}

/// The largest document position of `table` and the tables inside it.
fn last_position(table: &Table) -> isize {
    let inner = table.iter().map(|(_, item)| match item {
        Item::Table(t) => last_position(t),
        Item::ArrayOfTables(a) => a.iter().map(last_position).max().unwrap_or(0),
        _ => 0,
    });
    inner.chain(table.position()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Norm {
        Norm::Str(s.to_string())
    }

    #[test]
    fn the_three_way_rule() {
        let (a, b, c) = (n("a"), n("b"), n("c"));
        assert_eq!(pick(Some(&a), Some(&a), Some(&b)), Pick::Theirs);
        assert_eq!(pick(Some(&a), Some(&b), Some(&a)), Pick::Ours);
        assert_eq!(pick(Some(&a), Some(&b), Some(&b)), Pick::Ours);
        assert_eq!(pick(Some(&a), Some(&b), Some(&c)), Pick::Conflict);
        assert_eq!(pick(Some(&a), None, Some(&a)), Pick::Ours);
        assert_eq!(pick(Some(&a), Some(&a), None), Pick::Theirs);
        assert_eq!(pick(Some(&a), None, Some(&b)), Pick::Conflict);
        assert_eq!(pick(Some(&a), Some(&b), None), Pick::Conflict);
        assert_eq!(pick(None, None, Some(&b)), Pick::Theirs);
        assert_eq!(pick(None, Some(&b), Some(&b)), Pick::Ours);
        assert_eq!(pick(None, Some(&b), Some(&c)), Pick::Conflict);
    }

    #[test]
    fn end_positions_follow_the_last_table() {
        let doc: toml_edit::DocumentMut = "a = 1\n[x]\nb = 1\n[[o]]\nc = 1\n[[o]]\nc = 2\n".parse().expect("toml");
        let mut m = Merger::new(&[], doc.as_table());
        let last = m.end_position().expect("position");
        assert!(doc["o"].as_array_of_tables().and_then(|a| a.get(1)).and_then(Table::position) < Some(last));
    }
}
