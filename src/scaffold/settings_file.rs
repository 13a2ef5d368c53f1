//! The commented cardfile.toml that `init` writes: every setting with its default and meaning,
//! generated from the record format's description (`crate::schema`).

use crate::schema::{self, Key, TableSpec, Ty};

/// Allowed values of a key, for its comment.
fn allowed(ty: Ty, zh: bool) -> Option<String> {
    let or = if zh { "或" } else { "or" };
    match ty {
        Ty::Int(min, max) => Some(format!("{min}–{max}")),
        Ty::Share => Some(if zh { "大于 0，至多 1".into() } else { "above 0, at most 1".into() }),
        Ty::Weight => Some(if zh { "0 或更大".into() } else { "0 or more".into() }),
        Ty::Bool => Some(format!("true {or} false")),
        Ty::Choice(names) => Some(names().iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")),
        _ => None,
    }
}

fn comment(key: &Key, language: &str) -> String {
    let zh = language == "zh-CN";
    let mut out = key.describe(language).to_string();
    if let Some(allowed) = allowed(key.ty, zh) {
        out.push_str(&if zh { format!("可选值：{allowed}。") } else { format!(" Allowed: {allowed}.") });
    }
    if let Some(default) = key.default {
        out.push_str(&if zh { format!("默认：{default}。") } else { format!(" Default: {default}.") });
    }
    format!("# {}\n", out.trim_end())
}

/// The plain keys of `table`, and its tables that have a default, written inline (such as
/// `respond_days = { high = 1, medium = 2, low = 3 }`).
fn keys(out: &mut String, table: &TableSpec, language: &str, value: &dyn Fn(&Key) -> Option<String>) {
    let inline = |k: &&Key| match k.ty {
        Ty::Tables(_) => false,
        Ty::Table(_) => k.default.is_some(),
        _ => true,
    };
    for key in table.keys.iter().filter(inline) {
        out.push_str(&comment(key, language));
        match value(key) {
            Some(v) => out.push_str(&format!("{} = {v}\n", key.name)),
            None => out
                .push_str(&format!("# {} = \"https://git.example.com/sales/records/edit/main/records/\"\n", key.name)),
        }
    }
}

/// cardfile.toml for a new repository: every setting present with its default (the language
/// is the chosen one) and commented in `language`.
pub fn settings_file(language: &str) -> String {
    let zh = language == "zh-CN";
    let spec = schema::settings();
    let mut out = String::new();
    if zh {
        out.push_str("# cardfile 设置。每一项都可以省略：省略的设置使用这里写出的默认值。\n");
        out.push_str("# 完整说明见 cardfile 的 docs/records.md 第 12 节。\n\n");
    } else {
        out.push_str("# cardfile settings. Every setting is optional: one left out takes the default shown here.\n");
        out.push_str("# The full reference is section 12 of cardfile's docs/records.md.\n\n");
    }
    let top_value = |k: &Key| match k.name {
        "language" => Some(format!("\"{language}\"")),
        "edit_url" => None,
        _ => k.default.map(str::to_string),
    };
    keys(&mut out, spec, language, &top_value);
    for key in spec.keys {
        match key.ty {
            Ty::Table(table) => {
                out.push_str(&format!("\n# {}\n[{}]\n", table.describe(language), key.name));
                keys(&mut out, table, language, &|k: &Key| k.default.map(str::to_string));
            }
            Ty::Tables(table) => {
                let example = if zh {
                    "# [[holiday]]\n# name = \"春节\"\n# date = 2027-02-06\n# classes = [\"A\", \"B\"]\n"
                } else {
                    "# [[holiday]]\n# name = \"New Year\"\n# date = 2027-01-01\n# classes = [\"A\", \"B\"]\n"
                };
                let none = if zh {
                    "默认没有；可以添加任意多个"
                } else {
                    "none by default; add as many as you like"
                };
                out.push_str(&format!("\n# {} ({none}):\n", table.describe(language)));
                for k in table.keys {
                    let c = comment(k, language);
                    out.push_str(&format!("#   {} – {}", k.name, c.trim_start_matches("# ")));
                }
                out.push_str(example);
            }
            _ => {}
        }
    }
    out
}
