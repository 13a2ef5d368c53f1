//! Top-level keys and single tables (`[loss]`, `[plan]`): a three-way merge per key, edited
//! into OURS' document so that its comments and formatting stay.

use toml_edit::{Item, Key, Table, TableLike};

use super::document::item as meaning;
use super::entries;
use super::markers::{block_text, line_text};
use super::merger::{Merger, Pick, pick};

/// Merges BASE's and THEIRS' top-level tables into OURS'.
pub fn merge_root(m: &mut Merger, base: &Table, ours: &mut Table, theirs: &Table) {
    for key in union(ours, theirs) {
        let (b, t) = (base.get(&key), theirs.get_key_value(&key));
        if entries::is_array(b, ours.get(&key), t.map(|(_, i)| i)) {
            entries::merge(m, ours, &key, b, t);
        } else if let Some((b, t)) = single_tables(b, ours.get(&key), t.map(|(_, i)| i)) {
            if let Some(Item::Table(o)) = ours.get_mut(&key) {
                for inner in union(o, t) {
                    let tb = b.and_then(|b| b.get(&inner));
                    whole(m, o, &inner, tb, t.get_key_value(&inner));
                }
            }
        } else {
            whole(m, ours, &key, b, t);
        }
    }
}

/// OURS' keys in order, then those only THEIRS has, in its order.
fn union(ours: &dyn TableLike, theirs: &dyn TableLike) -> Vec<String> {
    let mut keys: Vec<String> = ours.iter().map(|(k, _)| k.to_string()).collect();
    keys.extend(theirs.iter().map(|(k, _)| k).filter(|k| !ours.contains_key(k)).map(str::to_string));
    keys
}

/// BASE's and THEIRS' versions of a single table that is merged key by key: a `[table]` in
/// OURS (not dotted) and a table in THEIRS (and in BASE, if there), holding only values.
fn single_tables<'a>(
    b: Option<&'a Item>,
    o: Option<&Item>,
    t: Option<&'a Item>,
) -> Option<(Option<&'a dyn TableLike>, &'a dyn TableLike)> {
    let values_only = |t: &dyn TableLike| t.iter().all(|(_, i)| i.is_value());
    o?.as_table().filter(|o| !o.is_dotted() && values_only(*o))?;
    let t = t?.as_table_like().filter(|t| values_only(*t))?;
    let b = match b {
        None => None,
        Some(b) => Some(b.as_table_like().filter(|b| values_only(*b))?),
    };
    Some((b, t))
}

/// The three-way merge of `key` in `table` (OURS'), its value in BASE being `b` and in
/// THEIRS `t` (with THEIRS' key, for its formatting).
fn whole(m: &mut Merger, table: &mut Table, key: &str, b: Option<&Item>, t: Option<(&Key, &Item)>) {
    let (nb, no, nt) = (b.and_then(meaning), table.get(key).and_then(meaning), t.and_then(|(_, i)| meaning(i)));
    match pick(nb.as_ref(), no.as_ref(), nt.as_ref()) {
        Pick::Ours => {}
        Pick::Theirs => take_theirs(m, table, key, t),
        Pick::Conflict => conflict(m, table, key, t),
    }
}

/// Puts THEIRS' version of `key` into OURS' `table`, keeping OURS' key and value decoration
/// and the table's place in the file.
fn take_theirs(m: &mut Merger, table: &mut Table, key: &str, t: Option<(&Key, &Item)>) {
    let Some((theirs_key, theirs)) = t else {
        table.remove(key);
        return;
    };
    let mut new = theirs.clone();
    match (table.get(key), &mut new) {
        (Some(Item::Value(o)), Item::Value(n)) => *n.decor_mut() = o.decor().clone(),
        (Some(Item::Table(o)), Item::Table(n)) => {
            n.set_position(o.position());
            *n.decor_mut() = o.decor().clone();
        }
        _ => to_the_end(m, &mut new),
    }
    if table.contains_key(key) {
        table.insert(key, new);
    } else {
        table.insert_formatted(theirs_key, new);
    }
}

/// Places the tables of `item` (taken from THEIRS) after every table of the file.
fn to_the_end(m: &mut Merger, item: &mut Item) {
    match item {
        Item::Table(t) => t.set_position(m.end_position()),
        Item::ArrayOfTables(a) => a.iter_mut().for_each(|t| t.set_position(m.end_position())),
        _ => {}
    }
}

/// Replaces `key` in OURS' `table` by a conflict placeholder: a key line when both sides
/// are values, a table block otherwise.
fn conflict(m: &mut Merger, table: &mut Table, key: &str, t: Option<(&Key, &Item)>) {
    let ours = table.get_key_value(key).map(|(k, i)| (k.clone(), i.clone()));
    let is_block = |i: &Item| matches!(i, Item::Table(_) | Item::ArrayOfTables(_));
    let block = ours.as_ref().is_some_and(|(_, i)| is_block(i)) || t.is_some_and(|(_, i)| is_block(i));
    let text = |side: Option<(&Key, &Item)>| match side {
        Some((k, i)) if block => block_text(k, i),
        Some((k, i)) => line_text(k, i),
        None => String::new(),
    };
    let (ours_text, theirs_text) = (text(ours.as_ref().map(|(k, i)| (k, i))), text(t));
    if block {
        let mut placeholder = m.marks.block(ours_text, theirs_text);
        match ours.as_ref().map(|(_, i)| i) {
            Some(Item::Table(o)) if !o.is_dotted() => {
                placeholder.set_position(o.position());
                *placeholder.decor_mut() = o.decor().clone();
            }
            _ => placeholder.set_position(m.end_position()),
        }
        table.insert(key, Item::Table(placeholder));
    } else {
        let mut placeholder = m.marks.line(ours_text, theirs_text);
        if let Some((_, Item::Value(o))) = &ours {
            *placeholder.decor_mut() = o.decor().clone();
        }
        table.insert(key, Item::Value(placeholder));
    }
}
