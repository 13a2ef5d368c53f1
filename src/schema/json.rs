//! The record format as JSON Schema (draft-07), for Taplo / Even Better TOML.
//!
//! TOML dates have no JSON counterpart; Taplo validates a TOML date against
//! `{"type": "string", "format": "date"}`, so that is how dates are written here. Editors
//! show the descriptions as they are, in English.

use serde_json::{Map, Value, json};

use super::{Key, TableSpec, Ty};
use crate::i18n::{Language, schema_settings as words};

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";
const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,63}$";

/// The JSON Schema of a customer file.
pub fn customer_schema() -> Value {
    document(super::customer(), "cardfile customer", "https://cardfile.invalid/schema/customer.json")
}

/// The JSON Schema of team.toml.
pub fn team_schema() -> Value {
    document(super::team(), "cardfile team.toml", "https://cardfile.invalid/schema/team.json")
}

/// The JSON Schema of cardfile.toml.
pub fn settings_schema() -> Value {
    document(super::settings(), "cardfile.toml", "https://cardfile.invalid/schema/settings.json")
}

fn document(spec: &TableSpec, title: &str, id: &str) -> Value {
    let mut schema = table(spec);
    if let Value::Object(map) = &mut schema {
        map.insert("$schema".into(), json!(DRAFT));
        map.insert("$id".into(), json!(id));
        map.insert("title".into(), json!(title));
    }
    schema
}

/// `{"type": "object", "properties": …, "required": …, "additionalProperties": false}`.
fn table(spec: &TableSpec) -> Value {
    let properties: Map<String, Value> = spec.keys.iter().map(|k| (k.name.to_string(), key(k))).collect();
    let required: Vec<&str> = spec.keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    let mut out = json!({
        "type": "object",
        "description": spec.describe(Language::En),
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        out["required"] = json!(required);
        // Taplo fills these in when it completes a new table.
        out["x-taplo"] = json!({ "initKeys": required });
    }
    out
}

fn key(k: &Key) -> Value {
    let mut out = value(k.ty);
    let mut description = k.describe(Language::En).to_string();
    if let Some(default) = k.default {
        description.push_str(&words::default(Language::En, default));
        if let Some(v) = toml_value(default) {
            out["default"] = v;
        }
    }
    if k.required {
        description.push_str(words::REQUIRED.get(Language::En));
    }
    out["description"] = json!(description);
    out
}

fn value(ty: Ty) -> Value {
    match ty {
        Ty::Text => json!({ "type": "string" }),
        Ty::Id => json!({ "type": "string", "pattern": ID_PATTERN }),
        Ty::Int(min, max) => json!({ "type": "integer", "minimum": min, "maximum": max }),
        // The bounds check enforces (E025, E024); the decimals are left to check.
        Ty::Money => json!({ "type": "number", "minimum": 0, "maximum": 1_000_000_000_000_000_i64 }),
        Ty::Weight => json!({ "type": "number", "minimum": 0, "maximum": 1000 }),
        Ty::Share => json!({ "type": "number", "exclusiveMinimum": 0, "maximum": 1 }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Date => json!({ "type": "string", "format": "date" }),
        Ty::Birthday => json!({
            "type": "string",
            "anyOf": [{ "format": "date" }, { "pattern": "^[0-9]{2}-[0-9]{2}$" }],
        }),
        Ty::Choice(names) => json!({ "type": "string", "enum": names() }),
        Ty::Texts => json!({ "type": "array", "items": { "type": "string" } }),
        Ty::Classes => json!({ "type": "array", "items": { "type": "string", "enum": ["A", "B", "C"] } }),
        Ty::Table(spec) => table(spec),
        Ty::Tables(spec) => json!({ "type": "array", "items": table(spec) }),
    }
}

/// A TOML value (`14`, `"en"`, `0.80`, `["A"]`) as JSON.
fn toml_value(text: &str) -> Option<Value> {
    let table: toml::Table = toml::from_str(&format!("v = {text}")).ok()?;
    serde_json::to_value(table.get("v")?).ok()
}
