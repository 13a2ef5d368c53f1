//! Arrays of tables (`[[order]]`, `[[interaction]]`, …), merged entry by entry: entries are
//! paired across the versions by their identity (SPEC 11.2), the n-th repeat of an identity
//! in one version with the n-th in another.

use std::borrow::Cow;
use std::collections::BTreeMap;

use toml_edit::{ArrayOfTables, Item, Key, Table, Value};

use super::document::{Identity, Norm, identity, table as meaning};
use super::markers::entry_text;
use super::merger::{Merger, Pick, pick};

/// An entry's place in the pairing: its identity and how many entries before it in the
/// same version share that identity.
type Slot = (Identity, usize);

/// An entry of one version, with its place in the pairing and its meaning (computed once).
struct Entry<'a> {
    table: Cow<'a, Table>,
    slot: Slot,
    meaning: Norm,
}

/// The entries of an array of tables, whether written `[[key]]` or as an inline array of
/// inline tables; `None` for any other value.
fn entries_of(item: &Item) -> Option<Vec<Cow<'_, Table>>> {
    match item {
        Item::ArrayOfTables(a) => Some(a.iter().map(Cow::Borrowed).collect()),
        Item::Value(Value::Array(a)) => {
            a.iter().map(|v| v.as_inline_table().map(|t| Cow::Owned(t.clone().into_table()))).collect()
        }
        _ => None,
    }
}

/// Whether `key` is merged entry by entry: an array of tables in OURS (or absent there),
/// and an array of tables (or absent) elsewhere, written `[[key]]` at least once.
pub fn is_array(b: Option<&Item>, o: Option<&Item>, t: Option<&Item>) -> bool {
    let entries = |i: Option<&Item>| i.is_none_or(|i| entries_of(i).is_some());
    let written = [b, o, t].iter().any(|i| matches!(i, Some(Item::ArrayOfTables(_))));
    matches!(o, None | Some(Item::ArrayOfTables(_))) && entries(b) && entries(t) && written
}

fn paired<'a>(array: &str, tables: Vec<Cow<'a, Table>>) -> Vec<Entry<'a>> {
    let mut seen: BTreeMap<Identity, usize> = BTreeMap::new();
    tables
        .into_iter()
        .map(|table| {
            let meaning = meaning(&table);
            let id = identity(array, &table, &meaning);
            let n = seen.entry(id.clone()).or_insert(0);
            let slot = (id, *n);
            *n += 1;
            Entry { table, slot, meaning }
        })
        .collect()
}

fn by_slot<'e, 'a>(entries: &'e [Entry<'a>]) -> BTreeMap<&'e Slot, &'e Entry<'a>> {
    entries.iter().map(|e| (&e.slot, e)).collect()
}

/// Merges the array of tables `key` of BASE (`b`) and THEIRS (`t`) into OURS' `root`.
/// OURS' entries keep their order; entries only THEIRS added follow OURS' last entry of the
/// array in THEIRS' order, or go to the end of the file when OURS has none left.
pub fn merge(m: &mut Merger, root: &mut Table, key: &str, b: Option<&Item>, t: Option<(&Key, &Item)>) {
    let base = paired(key, b.and_then(entries_of).unwrap_or_default());
    let theirs = paired(key, t.and_then(|(_, i)| entries_of(i)).unwrap_or_default());
    let ours_tables = match root.get_mut(key) {
        Some(Item::ArrayOfTables(a)) => std::mem::take(a).into_iter().map(Cow::Owned).collect(),
        _ => Vec::new(),
    };
    let ours = paired(key, ours_tables);
    let ours_key = root.key(key).cloned().unwrap_or_else(|| Key::new(key));
    let theirs_key = t.map_or_else(|| ours_key.clone(), |(k, _)| k.clone());
    let (base_slots, theirs_slots, ours_slots) = (by_slot(&base), by_slot(&theirs), by_slot(&ours));

    let mut kept: Vec<Table> = Vec::new();
    for o in &ours {
        let (bt, tt) = (base_slots.get(&o.slot).copied(), theirs_slots.get(&o.slot).copied());
        match pick(bt.map(|e| &e.meaning), Some(&o.meaning), tt.map(|e| &e.meaning)) {
            Pick::Ours => kept.push(o.table.clone().into_owned()),
            Pick::Theirs => kept.extend(tt.map(|tt| in_place_of(&o.table, tt.table.clone().into_owned()))),
            Pick::Conflict => {
                let theirs_text = entry_text(&theirs_key, tt.map(|e| e.table.as_ref()));
                let placeholder = m.marks.block(entry_text(&ours_key, Some(&o.table)), theirs_text);
                kept.push(in_place_of(&o.table, placeholder));
            }
        }
    }
    let mut added: Vec<Table> = Vec::new();
    for tt in theirs.iter().filter(|e| !ours_slots.contains_key(&e.slot)) {
        match base_slots.get(&tt.slot) {
            None => added.push(tt.table.clone().into_owned()),
            // Removed by OURS: gone if THEIRS left it as it was, else a conflict.
            Some(bt) if bt.meaning == tt.meaning => {}
            Some(_) => {
                let mut placeholder = m.marks.block(String::new(), entry_text(&theirs_key, Some(&tt.table)));
                *placeholder.decor_mut() = tt.table.decor().clone();
                added.push(placeholder);
            }
        }
    }
    let at_the_end = kept.is_empty();
    for entry in &mut added {
        // Without a position, a table is printed right after the table before it: OURS'
        // last entry of this array.
        entry.set_position(if at_the_end { m.end_position() } else { None });
    }
    let mut array = ArrayOfTables::new();
    kept.into_iter().chain(added).for_each(|entry| array.push(entry));
    if array.is_empty() {
        root.remove(key);
    } else if root.contains_key(key) {
        root.insert(key, Item::ArrayOfTables(array));
    } else {
        root.insert_formatted(&theirs_key, Item::ArrayOfTables(array));
    }
}

/// `new` at the place of OURS' entry `old`: its position in the file and what precedes it.
fn in_place_of(old: &Table, mut new: Table) -> Table {
    new.set_position(old.position());
    *new.decor_mut() = old.decor().clone();
    new
}
