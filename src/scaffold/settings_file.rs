//! The commented cardfile.toml that `init` writes: every setting with its default and meaning,
//! generated from the record format's description (`crate::schema`).

use crate::i18n::{Language, schema_settings as words};
use crate::schema::{self, Key, TableSpec, Ty};

/// Allowed values of a key, for its comment.
fn allowed(ty: Ty, lang: Language) -> Option<String> {
    match ty {
        Ty::Int(min, max) => Some(format!("{min}–{max}")),
        Ty::Share => Some(words::SHARE.get(lang).into()),
        Ty::Weight => Some(words::WEIGHT.get(lang).into()),
        Ty::Bool => Some(words::TRUE_OR_FALSE.get(lang).into()),
        Ty::Choice(names) => Some(names().iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")),
        _ => None,
    }
}

fn comment(key: &Key, lang: Language) -> String {
    let mut out = key.describe(lang).to_string();
    if let Some(allowed) = allowed(key.ty, lang) {
        out.push_str(&words::allowed(lang, allowed));
    }
    if let Some(default) = key.default {
        out.push_str(&words::default(lang, default));
    }
    format!("# {}\n", out.trim_end())
}

/// The plain keys of `table`, and its tables that have a default, written inline (such as
/// `respond_days = { high = 1, medium = 2, low = 3 }`).
fn keys(out: &mut String, table: &TableSpec, lang: Language, value: &dyn Fn(&Key) -> Option<String>) {
    let inline = |k: &&Key| match k.ty {
        Ty::Tables(_) => false,
        Ty::Table(_) => k.default.is_some(),
        _ => true,
    };
    for key in table.keys.iter().filter(inline) {
        out.push_str(&comment(key, lang));
        match value(key) {
            Some(v) => out.push_str(&format!("{} = {v}\n", key.name)),
            None => out
                .push_str(&format!("# {} = \"https://git.example.com/sales/records/edit/main/records/\"\n", key.name)),
        }
    }
}

/// cardfile.toml for a new repository: every setting present with its default (the language
/// is the chosen one) and commented in `language` (`en` or `zh-CN`).
pub fn settings_file(language: &str) -> String {
    let lang = Language::from_spelling(language).unwrap_or(Language::En);
    let spec = schema::settings();
    let mut out = String::from(words::SETTINGS_FILE_HEAD.get(lang));
    let top_value = |k: &Key| match k.name {
        "language" => Some(format!("\"{language}\"")),
        "edit_url" => None,
        _ => k.default.map(str::to_string),
    };
    keys(&mut out, spec, lang, &top_value);
    for key in spec.keys {
        match key.ty {
            Ty::Table(table) => {
                out.push_str(&format!("\n# {}\n[{}]\n", table.describe(lang), key.name));
                keys(&mut out, table, lang, &|k: &Key| k.default.map(str::to_string));
            }
            Ty::Tables(table) => {
                out.push_str(&format!("\n# {} ({}):\n", table.describe(lang), words::NONE_BY_DEFAULT.get(lang)));
                for k in table.keys {
                    let c = comment(k, lang);
                    out.push_str(&format!("#   {} – {}", k.name, c.trim_start_matches("# ")));
                }
                out.push_str(words::HOLIDAY_EXAMPLE.get(lang));
            }
            _ => {}
        }
    }
    out
}
