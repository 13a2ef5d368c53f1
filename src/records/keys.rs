//! The one table of record keys: every table of the three kinds of record file (a customer
//! file, team.toml, cardfile.toml) by the name messages give it, with the keys it knows.
//!
//! The reader's unknown-key check reads it ([`of`]); tests hold the reader (every key it asks
//! for is here, every key here is asked for), the schema (`crate::schema`) and the key lists
//! of docs/records.md to it. A new key goes here first. Then "did you mean" hints for the rest.

/// Keys of a customer file's top level.
pub const CUSTOMER: &[&str] = &[
    "name",
    "kind",
    "owner",
    "region",
    "tags",
    "since",
    "relationship",
    "prospect",
    "credit_limit",
    "cadence_days",
    "phone",
    "email",
    "wechat",
    "address",
    "birthday",
    "archived",
    "notes",
    "referred_by",
    "loss",
    "contact",
    "interaction",
    "order",
    "complaint",
    "contract",
    "opportunity",
    "handover",
    "promise",
    "plan",
];
/// Keys of `[[contact]]`.
pub const CONTACT: &[&str] = &["name", "title", "role", "stance", "phone", "email", "wechat", "birthday", "left"];
/// Keys of `[[interaction]]`.
pub const INTERACTION: &[&str] = &["date", "kind", "by", "summary", "next", "satisfaction"];
/// Keys of `[[order]]`.
pub const ORDER: &[&str] = &["date", "amount", "cost", "ref", "product", "due", "paid", "promised", "delivered"];
/// Keys of `[[complaint]]`.
pub const COMPLAINT: &[&str] =
    &["opened", "summary", "severity", "resolved", "resolution", "category", "by", "responded"];
/// Keys of `[[contract]]`.
pub const CONTRACT: &[&str] = &["kind", "start", "end"];
/// Keys of `[[opportunity]]`.
pub const OPPORTUNITY: &[&str] =
    &["opened", "title", "amount", "stage", "expected", "closed", "reason", "competitor", "objections"];
/// Keys of `[[handover]]`.
pub const HANDOVER: &[&str] = &["date", "from", "to"];
/// Keys of `[[promise]]`.
pub const PROMISE: &[&str] = &["made", "due", "what", "by", "kept"];
/// Keys of `[plan]`.
pub const PLAN: &[&str] = &["goal", "review"];
/// Keys of `[loss]`.
pub const LOSS: &[&str] = &["date", "reason", "notes"];
/// Keys of team.toml's top level.
pub const TEAM: &[&str] = &["member"];
/// Keys of `[[member]]`.
pub const MEMBER: &[&str] = &["id", "name", "email", "region", "left", "target"];

/// Keys of cardfile.toml's top level.
pub const SETTINGS: &[&str] = &[
    "company",
    "language",
    "currency",
    "window_days",
    "abc",
    "cadence",
    "lifecycle",
    "credit",
    "weights",
    "reminders",
    "holiday",
    "risk",
    "redact",
    "edit_url",
    "cards",
    "history",
    "complaints",
];
/// Keys of `[cards]`.
pub const CARDS: &[&str] = &["paper"];
/// Keys of `[history]`.
pub const HISTORY: &[&str] = &["enabled", "days"];
/// Keys of `[abc]`.
pub const ABC: &[&str] = &["a_share", "b_share"];
/// Keys of `[cadence]`.
pub const CADENCE: &[&str] = &["A", "B", "C", "prospect"];
/// Keys of `[lifecycle]`.
pub const LIFECYCLE: &[&str] = &["new_days", "dormant_days", "lost_days"];
/// Keys of `[credit]`.
pub const CREDIT: &[&str] = &["grace_days", "b_max_days", "c_max_days"];
/// Keys of `[weights]`.
pub const WEIGHTS: &[&str] = &["revenue", "profit", "credit", "prospect"];
/// Keys of `[reminders]`.
pub const REMINDERS: &[&str] = &[
    "horizon_days",
    "birthday_days_before",
    "contract_days_before",
    "complaint_days",
    "welcome_days",
    "survey_days",
    "checkback_days",
    "aftersale_days",
    "handover_days",
    "plan_days",
];
/// Keys of `[complaints]`.
pub const COMPLAINTS: &[&str] = &["respond_days", "resolve_days"];
/// Keys of `[complaints.respond_days]` and `[complaints.resolve_days]`: the severities.
pub const SEVERITY_DAYS: &[&str] = &["high", "medium", "low"];
/// Keys of `[risk]`.
pub const RISK: &[&str] = &["drop"];
/// Keys of `[[holiday]]`.
pub const HOLIDAY: &[&str] = &["name", "date", "classes"];

/// The tables of a customer file with their keys, the top level first.
pub const CUSTOMER_TABLES: &[(&str, &[&str])] = &[
    ("the customer", CUSTOMER),
    ("[[contact]]", CONTACT),
    ("[[interaction]]", INTERACTION),
    ("[[order]]", ORDER),
    ("[[complaint]]", COMPLAINT),
    ("[[contract]]", CONTRACT),
    ("[[opportunity]]", OPPORTUNITY),
    ("[[handover]]", HANDOVER),
    ("[loss]", LOSS),
    ("[[promise]]", PROMISE),
    ("[plan]", PLAN),
];

/// The tables of team.toml with their keys, the top level first.
pub const TEAM_TABLES: &[(&str, &[&str])] = &[("team.toml", TEAM), ("[[member]]", MEMBER)];

/// The tables of cardfile.toml with their keys, the top level first.
pub const SETTINGS_TABLES: &[(&str, &[&str])] = &[
    ("the settings", SETTINGS),
    ("[cards]", CARDS),
    ("[history]", HISTORY),
    ("[abc]", ABC),
    ("[cadence]", CADENCE),
    ("[lifecycle]", LIFECYCLE),
    ("[credit]", CREDIT),
    ("[weights]", WEIGHTS),
    ("[reminders]", REMINDERS),
    ("[risk]", RISK),
    ("[complaints]", COMPLAINTS),
    ("[complaints.respond_days]", SEVERITY_DAYS),
    ("[complaints.resolve_days]", SEVERITY_DAYS),
    ("[[holiday]]", HOLIDAY),
];

/// Every kind of record file as its tables, the top level first.
pub const FILES: &[&[(&str, &[&str])]] = &[CUSTOMER_TABLES, TEAM_TABLES, SETTINGS_TABLES];

/// The keys of the table that messages call `table` (`[[order]]`, `the settings`); none for
/// a name that is no table of the record format.
pub fn of(table: &str) -> &'static [&'static str] {
    FILES.iter().flat_map(|f| f.iter()).find(|(name, _)| *name == table).map_or(&[], |(_, keys)| keys)
}

/// How far (in edits) a misspelling may be from the word meant.
fn max_distance(word: &str) -> usize {
    (word.chars().count() / 3).clamp(1, 3)
}

/// The candidate closest to `word` by edit distance, if any is close enough.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, c), *c))
        .filter(|(d, _)| *d <= max_distance(word))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The hint for an unknown key: a near spelling in this table, the same key in another
/// table (`summary` written in an order), a near spelling elsewhere, or the list of keys.
pub fn hint_for_unknown(key: &str, table: &str, known: &[&str], is_table: bool) -> String {
    if let Some(best) = closest(key, known) {
        return format!("did you mean `{best}`?");
    }
    let others: Vec<&(&str, &[&str])> = CUSTOMER_TABLES.iter().filter(|(name, _)| *name != table).collect();
    if CUSTOMER_TABLES.iter().any(|(_, keys)| *keys == known) {
        if let Some((name, _)) = others.iter().find(|(_, keys)| keys.contains(&key)) {
            return format!("`{key}` is a key of {name}, not of {table}");
        }
        for (name, keys) in &others {
            if let Some(best) = closest(key, keys) {
                return format!("did you mean `{best}` (a key of {name})?");
            }
        }
    }
    let mut list = known.to_vec();
    list.sort_unstable();
    let what = if is_table { "tables and keys" } else { "keys" };
    format!("the {what} of {table} are: {}", list.join(", "))
}

#[cfg(test)]
mod tests;
