//! The schema must name exactly the keys the reader accepts, so that the two cannot drift.

use std::collections::BTreeSet;

use toml::de::DeTable;

use super::{Ty, customer, settings, team};
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
    let parsed = DeTable::parse(&text).expect("valid TOML");
    let mut cx = Ctx::new("cardfile.toml");
    crate::records::settings::read_settings(&mut cx, &Table::new(parsed.get_ref(), 0..0, "the settings"));
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
