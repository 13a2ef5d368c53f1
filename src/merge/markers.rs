//! Conflict text. `toml_edit` cannot hold conflict markers, so a conflict is first a
//! placeholder in the merged document (a unique string value, or a table holding one unique
//! key); once the document is printed, each placeholder line becomes a git conflict block
//! with each side's whole key line or whole entry block.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Key, Table, Value};

/// Where a conflict sits: among key lines, or as a table block of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// A `key = value` line inside a table (the root included).
    Line,
    /// A `[table]` or `[[array]]` entry block.
    Block,
}

/// One conflict: its placeholder token and the text of each side (empty when a side has
/// removed what the other changed).
#[derive(Debug, Clone)]
pub struct Conflict {
    token: String,
    region: Region,
    ours: String,
    theirs: String,
}

/// Makes placeholders whose text appears in none of the merged versions, and remembers the
/// conflicts they stand for.
#[derive(Debug)]
pub struct Placeholders {
    prefix: String,
    conflicts: Vec<Conflict>,
}

impl Placeholders {
    /// Placeholders that cannot be confused with anything in `texts`.
    pub fn new(texts: &[&str]) -> Placeholders {
        let mut prefix = String::from("cardfile_merge_conflict_");
        while texts.iter().any(|t| t.contains(&prefix)) {
            prefix.push('x');
        }
        Placeholders { prefix, conflicts: Vec::new() }
    }

    /// How many conflicts there are.
    pub fn count(&self) -> usize {
        self.conflicts.len()
    }

    fn record(&mut self, region: Region, ours: String, theirs: String) -> String {
        let token = format!("{}{}__", self.prefix, self.conflicts.len());
        self.conflicts.push(Conflict { token: token.clone(), region, ours, theirs });
        token
    }

    /// A string value standing for a conflict between two key lines.
    pub fn line(&mut self, ours: String, theirs: String) -> Value {
        Value::from(self.record(Region::Line, ours, theirs))
    }

    /// A table standing for a conflict between two blocks.
    pub fn block(&mut self, ours: String, theirs: String) -> Table {
        let token = self.record(Region::Block, ours, theirs);
        let mut table = Table::new();
        table.insert(&token, toml_edit::value(0));
        table
    }

    /// Replaces each placeholder line of the printed document `text` by its conflict block,
    /// with markers labelled `ours`/`theirs` (followed by `:PATH` when `path` is given).
    pub fn apply(&self, text: &str, path: Option<&str>) -> String {
        let label = |side: &str| path.map_or(side.to_string(), |p| format!("{side}:{p}"));
        let (start, end) = (format!("<<<<<<< {}\n", label("ours")), format!(">>>>>>> {}\n", label("theirs")));
        let mut out: Vec<String> = Vec::new();
        for line in text.split_inclusive('\n') {
            let conflict = if line.contains(&self.prefix) {
                self.conflicts.iter().find(|c| line.contains(&c.token))
            } else {
                None
            };
            let Some(conflict) = conflict else {
                out.push(line.to_string());
                continue;
            };
            if conflict.region == Region::Block && out.last().is_some_and(|l| l.trim_start().starts_with('[')) {
                out.pop();
            }
            out.push(format!("{start}{}=======\n{}{end}", conflict.ours, conflict.theirs));
        }
        out.concat()
    }
}

fn with_newline(mut text: String) -> String {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The text of `key = value`, without the comment lines above it.
pub fn line_text(key: &Key, item: &Item) -> String {
    match item {
        Item::Value(v) => {
            let mut key = key.clone();
            key.leaf_decor_mut().clear();
            let mut doc = DocumentMut::new();
            doc.insert_formatted(&key, Item::Value(v.clone()));
            with_newline(doc.to_string())
        }
        Item::Table(t) => line_text(key, &Item::Value(Value::InlineTable(t.clone().into_inline_table()))),
        Item::ArrayOfTables(a) => line_text(key, &Item::Value(Value::Array(a.clone().into_array()))),
        Item::None => String::new(),
    }
}

/// The text of a `[key]` table block (or of `[[key]]` entry blocks), without what precedes
/// its header.
pub fn block_text(key: &Key, item: &Item) -> String {
    let clean = |t: &Table| {
        let mut t = t.clone();
        t.decor_mut().clear();
        t.set_position(Some(0));
        t
    };
    let item = match item {
        Item::Table(t) => Item::Table(clean(t)),
        Item::ArrayOfTables(a) => {
            let mut entries = ArrayOfTables::new();
            for t in a.iter() {
                entries.push(clean(t));
            }
            Item::ArrayOfTables(entries)
        }
        Item::Value(Value::InlineTable(t)) => Item::Table(clean(&t.clone().into_table())),
        Item::Value(_) => return line_text(key, item),
        Item::None => return String::new(),
    };
    let mut key = key.clone();
    key.leaf_decor_mut().clear();
    let mut doc = DocumentMut::new();
    doc.insert_formatted(&key, item);
    with_newline(doc.to_string())
}

/// The text of one entry of the array of tables `key`.
pub fn entry_text(key: &Key, entry: Option<&Table>) -> String {
    let Some(entry) = entry else { return String::new() };
    let mut entries = ArrayOfTables::new();
    entries.push(entry.clone());
    block_text(key, &Item::ArrayOfTables(entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_avoid_the_texts() {
        let p = Placeholders::new(&["x = \"cardfile_merge_conflict_0__\""]);
        assert_eq!(p.prefix, "cardfile_merge_conflict_x");
    }

    #[test]
    fn a_line_conflict_replaces_only_its_line() {
        let mut p = Placeholders::new(&[]);
        let mut doc: DocumentMut = "name = \"a\"\n# office\nphone = \"1\"\n".parse().expect("toml");
        let ours = line_text(&Key::new("phone"), &doc["phone"]);
        doc["phone"] = Item::Value(p.line(ours, "phone = \"2\"\n".to_string()));
        let text = p.apply(&doc.to_string(), Some("records/customers/a.toml"));
        assert_eq!(
            text,
            "name = \"a\"\n# office\n<<<<<<< ours:records/customers/a.toml\nphone = \"1\"\n=======\nphone = \"2\"\n>>>>>>> theirs:records/customers/a.toml\n"
        );
    }

    #[test]
    fn a_block_conflict_holds_the_header() {
        let mut p = Placeholders::new(&[]);
        let doc: DocumentMut = "name = \"a\"\n\n[[order]]\nref = \"S\"\namount = 1\n".parse().expect("toml");
        let order = doc["order"].as_array_of_tables().and_then(|a| a.get(0)).expect("order");
        let ours = entry_text(&Key::new("order"), Some(order));
        assert_eq!(ours, "[[order]]\nref = \"S\"\namount = 1\n");
        let mut merged: DocumentMut = "name = \"a\"\n".parse().expect("toml");
        let mut entries = ArrayOfTables::new();
        let mut block = p.block(ours, String::new());
        block.decor_mut().set_prefix("\n");
        entries.push(block);
        merged.insert("order", Item::ArrayOfTables(entries));
        let text = p.apply(&merged.to_string(), None);
        assert_eq!(text, "name = \"a\"\n\n<<<<<<< ours\n[[order]]\nref = \"S\"\namount = 1\n=======\n>>>>>>> theirs\n");
    }
}
