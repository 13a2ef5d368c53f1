//! The schema must name exactly the keys the reader accepts, so that the two cannot drift.

use std::collections::{BTreeMap, BTreeSet};

use super::{Ty, customer, settings, team};
use crate::diagnostics::Code;
use crate::records::keys;
use crate::records::reader::{Ctx, Table};

fn names(spec: &super::TableSpec) -> BTreeSet<&'static str> {
    spec.keys.iter().map(|k| k.name).collect()
}

fn sub<'a>(spec: &'a super::TableSpec, key: &str) -> &'a super::TableSpec {
    match spec.key(key).map(|k| k.ty) {
        Some(Ty::Table(t) | Ty::Tables(t)) => t,
        _ => panic!("{key} is not a table of {}", spec.name),
    }
}

#[test]
fn customer_keys_are_the_readers_keys() {
    let c = customer();
    let pairs: &[(&super::TableSpec, &[&str])] = &[
        (c, keys::CUSTOMER),
        (sub(c, "contact"), keys::CONTACT),
        (sub(c, "interaction"), keys::INTERACTION),
        (sub(c, "order"), keys::ORDER),
        (sub(c, "complaint"), keys::COMPLAINT),
        (sub(c, "contract"), keys::CONTRACT),
        (sub(c, "opportunity"), keys::OPPORTUNITY),
        (sub(c, "handover"), keys::HANDOVER),
        (sub(c, "loss"), keys::LOSS),
        (sub(c, "promise"), keys::PROMISE),
        (sub(c, "plan"), keys::PLAN),
        (team(), keys::TEAM),
        (sub(team(), "member"), keys::MEMBER),
    ];
    for (spec, known) in pairs {
        assert_eq!(names(spec), known.iter().copied().collect(), "keys of {}", spec.name);
    }
}

/// The keys the settings reader accepts in a table, read from its "the keys of … are" hint.
fn reader_keys(prefix: &str, table: &str) -> BTreeSet<String> {
    let text = format!("{prefix}zzzzzzzzzzzz = 1\n");
    let parsed = crate::records::tree::parse(&text).expect("valid TOML");
    let mut cx = Ctx::new("cardfile.toml");
    crate::records::settings::read_settings(&mut cx, &Table::new(&parsed, 0..0, "the settings"));
    let hint = cx.diagnostics.iter().find_map(|d| d.help.clone()).expect("an unknown-key hint");
    let list = hint.strip_prefix(&format!("the keys of {table} are: ")).unwrap_or_else(|| panic!("hint: {hint}"));
    list.split(", ").map(str::to_string).collect()
}

#[test]
fn settings_keys_are_the_readers_keys() {
    let s = settings();
    let spec: BTreeSet<String> = names(s).into_iter().map(str::to_string).collect();
    assert_eq!(reader_keys("", "the settings"), spec);
    for key in s.keys {
        let (prefix, t) = match key.ty {
            Ty::Table(t) => (format!("[{}]\n", key.name), t),
            Ty::Tables(t) => (format!("[[{}]]\nname = \"x\"\ndate = 2026-01-01\n", key.name), t),
            _ => continue,
        };
        let spec: BTreeSet<String> = names(t).into_iter().map(str::to_string).collect();
        assert_eq!(reader_keys(&prefix, t.name), spec, "keys of {}", t.name);
        // Tables inside a table, such as `[complaints.respond_days]`.
        for inner in t.keys {
            if let Ty::Table(u) = inner.ty {
                let spec: BTreeSet<String> = names(u).into_iter().map(str::to_string).collect();
                assert_eq!(
                    reader_keys(&format!("[{}.{}]\n", key.name, inner.name), u.name),
                    spec,
                    "keys of {}",
                    u.name
                );
            }
        }
    }
}

fn all_keys(schema: &serde_json::Value, out: &mut BTreeSet<String>) {
    let object = schema.get("items").unwrap_or(schema);
    if let Some(props) = object.get("properties").and_then(|p| p.as_object()) {
        for (name, value) in props {
            out.insert(name.clone());
            all_keys(value, out);
        }
    }
}

#[test]
fn the_json_schemas_list_every_key() {
    let mut listed = BTreeSet::new();
    all_keys(&super::customer_schema(), &mut listed);
    for key in [
        keys::CUSTOMER,
        keys::CONTACT,
        keys::ORDER,
        keys::COMPLAINT,
        keys::OPPORTUNITY,
        keys::HANDOVER,
        keys::PROMISE,
        keys::PLAN,
    ] {
        for k in key {
            assert!(listed.contains(*k), "{k} missing from the customer schema");
        }
    }
    let schema = super::customer_schema();
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["properties"]["prospect"]["minimum"], 1);
    assert_eq!(schema["properties"]["prospect"]["maximum"], 5);
    assert_eq!(schema["properties"]["interaction"]["items"]["properties"]["date"]["format"], "date");
    assert_eq!(schema["properties"]["kind"]["enum"], serde_json::json!(["company", "person"]));
    let settings = super::settings_schema();
    assert_eq!(settings["properties"]["abc"]["properties"]["a_share"]["default"], 0.8);
    assert_eq!(settings["properties"]["language"]["enum"], serde_json::json!(["en", "zh-CN"]));
}

/// Every table of the schema under `spec`, by name.
fn tables_of(spec: &'static super::TableSpec, out: &mut BTreeMap<&'static str, &'static super::TableSpec>) {
    out.insert(spec.name, spec);
    for key in spec.keys {
        if let Ty::Table(t) | Ty::Tables(t) = key.ty {
            tables_of(t, out);
        }
    }
}

fn schema_tables() -> BTreeMap<&'static str, &'static super::TableSpec> {
    let mut out = BTreeMap::new();
    for root in [customer(), team(), settings()] {
        tables_of(root, &mut out);
    }
    out
}

#[test]
fn every_table_of_the_key_table_is_in_the_schema_with_its_keys_and_no_other() {
    let schema = schema_tables();
    let table: BTreeMap<&str, &[&str]> = keys::FILES.iter().flat_map(|f| f.iter().copied()).collect();
    assert_eq!(schema.keys().collect::<Vec<_>>(), table.keys().collect::<Vec<_>>(), "the tables");
    for (name, known) in table {
        assert_eq!(names(schema[name]), known.iter().copied().collect(), "keys of {name}");
    }
}

/// A value of the type the schema gives a key, valid for the reader.
fn valid(ty: Ty) -> String {
    match ty {
        Ty::Text => "\"x\"".into(),
        Ty::Id => "\"zhang\"".into(),
        Ty::Int(lo, _) => lo.to_string(),
        Ty::Money | Ty::Weight => "1".into(),
        Ty::Share => "0.9".into(),
        Ty::Bool => "true".into(),
        Ty::Date | Ty::Birthday => "2026-01-01".into(),
        Ty::Choice(names) => format!("\"{}\"", names()[0]),
        Ty::Texts => "[\"x\"]".into(),
        Ty::Classes => "[\"A\"]".into(),
        // A table inside a table, such as `[complaints] respond_days`, is written inline.
        Ty::Table(t) => {
            format!(
                "{{ {} }}",
                t.keys.iter().map(|k| format!("{} = {}", k.name, valid(k.ty))).collect::<Vec<_>>().join(", ")
            )
        }
        Ty::Tables(_) => unreachable!("arrays of tables are written as tables"),
    }
}

/// A file with every key of `spec` and of its tables, each with a valid value.
fn file_with_every_key(spec: &super::TableSpec) -> String {
    let line = |k: &super::Key| format!("{} = {}\n", k.name, valid(k.ty));
    let scalar = |k: &&super::Key| !matches!(k.ty, Ty::Table(_) | Ty::Tables(_));
    let mut text: String = spec.keys.iter().filter(scalar).map(line).collect();
    for key in spec.keys {
        let (header, t) = match key.ty {
            Ty::Table(t) => (format!("[{}]", key.name), t),
            Ty::Tables(t) => (format!("[[{}]]", key.name), t),
            _ => continue,
        };
        text.push_str(&format!("\n{header}\n"));
        text.extend(t.keys.iter().map(line));
    }
    text
}

#[test]
fn the_reader_asks_for_every_key_of_the_key_table_and_for_no_other() {
    let files: BTreeMap<String, String> =
        [("customers/acme.toml", customer()), ("team.toml", team()), ("cardfile.toml", settings())]
            .into_iter()
            .map(|(rel, spec)| (rel.to_string(), file_with_every_key(spec)))
            .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
    let loaded = crate::records::load_texts(&files, today);
    let misread: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code, Code::UnknownKey | Code::WrongType | Code::NotAllowed | Code::OutOfRange))
        .map(|d| format!("{}: {}", d.file, d.message))
        .collect();
    assert!(misread.is_empty(), "a file of every key, valid by the schema, misread: {misread:#?}\n{files:#?}");
    let asked = crate::records::reader::ASKED.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let table: BTreeSet<(&str, String)> =
        keys::FILES.iter().flat_map(|f| f.iter()).flat_map(|(t, ks)| ks.iter().map(|k| (*t, k.to_string()))).collect();
    let never: Vec<_> = table.difference(&asked).collect();
    assert!(never.is_empty(), "keys of records::keys the reader never reads (read them or remove them): {never:?}");
    let extra: Vec<_> = asked.difference(&table).collect();
    assert!(extra.is_empty(), "keys the reader asks for that records::keys does not list: {extra:?}");
}
