//! The keys of cardfile.toml (SPEC 4 and 10.1) and of team.toml (SPEC 2).

use super::{Key, TableSpec, Ty, names};
use crate::i18n::Language;
use crate::i18n::schema_settings as words;

const DAYS: Ty = Ty::Int(1, 36_500);
const DAYS0: Ty = Ty::Int(0, 36_500);

fn papers() -> Vec<&'static str> {
    vec!["A4", "A5", "A6"]
}

/// team.toml's top level.
pub static TEAM: TableSpec = TableSpec {
    name: "team.toml",
    meaning: words::TEAM,
    keys: &[Key::new("member", Ty::Tables(&MEMBER), words::TEAM_MEMBER)],
};

/// `[[member]]`.
pub static MEMBER: TableSpec = TableSpec {
    name: "[[member]]",
    meaning: words::MEMBER,
    keys: &[
        Key::new("id", Ty::Id, words::MEMBER_ID).required(),
        Key::new("name", Ty::Text, words::MEMBER_NAME).required(),
        Key::new("email", Ty::Text, words::MEMBER_EMAIL),
        Key::new("region", Ty::Text, words::MEMBER_REGION),
        Key::new("left", Ty::Date, words::MEMBER_LEFT),
        Key::new("target", Ty::Money, words::MEMBER_TARGET),
    ],
};

/// cardfile.toml's top level.
pub static SETTINGS: TableSpec = TableSpec {
    name: "the settings",
    meaning: words::SETTINGS,
    keys: &[
        Key::new("company", Ty::Text, words::SETTINGS_COMPANY).default("\"\""),
        Key::new("language", Ty::Choice(names::<Language>), words::SETTINGS_LANGUAGE).default("\"en\""),
        Key::new("currency", Ty::Text, words::SETTINGS_CURRENCY).default("\"CNY\""),
        Key::new("window_days", DAYS, words::SETTINGS_WINDOW_DAYS).default("365"),
        Key::new("redact", Ty::Bool, words::SETTINGS_REDACT).default("false"),
        Key::new("edit_url", Ty::Text, words::SETTINGS_EDIT_URL),
        Key::new("cards", Ty::Table(&CARDS), words::SETTINGS_CARDS),
        Key::new("history", Ty::Table(&HISTORY), words::SETTINGS_HISTORY),
        Key::new("abc", Ty::Table(&ABC), words::SETTINGS_ABC),
        Key::new("cadence", Ty::Table(&CADENCE), words::SETTINGS_CADENCE),
        Key::new("lifecycle", Ty::Table(&LIFECYCLE), words::SETTINGS_LIFECYCLE),
        Key::new("credit", Ty::Table(&CREDIT), words::SETTINGS_CREDIT),
        Key::new("weights", Ty::Table(&WEIGHTS), words::SETTINGS_WEIGHTS),
        Key::new("reminders", Ty::Table(&REMINDERS), words::SETTINGS_REMINDERS),
        Key::new("risk", Ty::Table(&RISK), words::SETTINGS_RISK),
        Key::new("complaints", Ty::Table(&COMPLAINTS), words::SETTINGS_COMPLAINTS),
        Key::new("holiday", Ty::Tables(&HOLIDAY), words::SETTINGS_HOLIDAY),
    ],
};

/// `[cards]`.
pub static CARDS: TableSpec = TableSpec {
    name: "[cards]",
    meaning: words::CARDS,
    keys: &[Key::new("paper", Ty::Choice(papers), words::CARDS_PAPER).default("\"A5\"")],
};

/// `[history]`.
pub static HISTORY: TableSpec = TableSpec {
    name: "[history]",
    meaning: words::HISTORY,
    keys: &[
        Key::new("enabled", Ty::Bool, words::HISTORY_ENABLED).default("true"),
        Key::new("days", DAYS, words::HISTORY_DAYS).default("30"),
    ],
};

/// `[abc]`.
pub static ABC: TableSpec = TableSpec {
    name: "[abc]",
    meaning: words::ABC,
    keys: &[
        Key::new("a_share", Ty::Share, words::ABC_A_SHARE).default("0.80"),
        Key::new("b_share", Ty::Share, words::ABC_B_SHARE).default("0.95"),
    ],
};

/// `[cadence]`.
pub static CADENCE: TableSpec = TableSpec {
    name: "[cadence]",
    meaning: words::CADENCE,
    keys: &[
        Key::new("A", DAYS, words::CADENCE_A).default("14"),
        Key::new("B", DAYS, words::CADENCE_B).default("30"),
        Key::new("C", DAYS, words::CADENCE_C).default("60"),
        Key::new("prospect", DAYS, words::CADENCE_PROSPECT).default("30"),
    ],
};

/// `[lifecycle]`.
pub static LIFECYCLE: TableSpec = TableSpec {
    name: "[lifecycle]",
    meaning: words::LIFECYCLE,
    keys: &[
        Key::new("new_days", DAYS0, words::LIFECYCLE_NEW_DAYS).default("90"),
        Key::new("dormant_days", DAYS, words::LIFECYCLE_DORMANT_DAYS).default("180"),
        Key::new("lost_days", DAYS, words::LIFECYCLE_LOST_DAYS).default("365"),
    ],
};

/// `[credit]`.
pub static CREDIT: TableSpec = TableSpec {
    name: "[credit]",
    meaning: words::CREDIT,
    keys: &[
        Key::new("grace_days", DAYS0, words::CREDIT_GRACE_DAYS).default("7"),
        Key::new("b_max_days", DAYS0, words::CREDIT_B_MAX_DAYS).default("30"),
        Key::new("c_max_days", DAYS0, words::CREDIT_C_MAX_DAYS).default("90"),
    ],
};

/// `[weights]`.
pub static WEIGHTS: TableSpec = TableSpec {
    name: "[weights]",
    meaning: words::WEIGHTS,
    keys: &[
        Key::new("revenue", Ty::Weight, words::WEIGHTS_REVENUE).default("0.4"),
        Key::new("profit", Ty::Weight, words::WEIGHTS_PROFIT).default("0.3"),
        Key::new("credit", Ty::Weight, words::WEIGHTS_CREDIT).default("0.2"),
        Key::new("prospect", Ty::Weight, words::WEIGHTS_PROSPECT).default("0.1"),
    ],
};

/// `[reminders]`.
pub static REMINDERS: TableSpec = TableSpec {
    name: "[reminders]",
    meaning: words::REMINDERS,
    keys: &[
        Key::new("horizon_days", DAYS0, words::REMINDERS_HORIZON_DAYS).default("30"),
        Key::new("birthday_days_before", DAYS0, words::REMINDERS_BIRTHDAY_DAYS_BEFORE).default("7"),
        Key::new("contract_days_before", DAYS0, words::REMINDERS_CONTRACT_DAYS_BEFORE).default("30"),
        Key::new("complaint_days", DAYS0, words::REMINDERS_COMPLAINT_DAYS).default("2"),
        Key::new("welcome_days", DAYS0, words::REMINDERS_WELCOME_DAYS).default("7"),
        Key::new("survey_days", DAYS0, words::REMINDERS_SURVEY_DAYS).default("180"),
        Key::new("checkback_days", DAYS0, words::REMINDERS_CHECKBACK_DAYS).default("7"),
        Key::new("aftersale_days", DAYS0, words::REMINDERS_AFTERSALE_DAYS).default("7"),
        Key::new("handover_days", DAYS0, words::REMINDERS_HANDOVER_DAYS).default("14"),
        Key::new("plan_days", DAYS0, words::REMINDERS_PLAN_DAYS).default("14"),
    ],
};

/// `[complaints]`.
pub static COMPLAINTS: TableSpec = TableSpec {
    name: "[complaints]",
    meaning: words::COMPLAINTS,
    keys: &[
        Key::new("respond_days", Ty::Table(&RESPOND_DAYS), words::COMPLAINTS_RESPOND_DAYS)
            .default("{ high = 1, medium = 2, low = 3 }"),
        Key::new("resolve_days", Ty::Table(&RESOLVE_DAYS), words::COMPLAINTS_RESOLVE_DAYS)
            .default("{ high = 7, medium = 14, low = 30 }"),
    ],
};

/// `[complaints.respond_days]`.
pub static RESPOND_DAYS: TableSpec = TableSpec {
    name: "[complaints.respond_days]",
    meaning: words::RESPOND_DAYS,
    keys: &[
        Key::new("high", DAYS0, words::SEVERITY_DAYS_HIGH).default("1"),
        Key::new("medium", DAYS0, words::SEVERITY_DAYS_MEDIUM).default("2"),
        Key::new("low", DAYS0, words::SEVERITY_DAYS_LOW).default("3"),
    ],
};

/// `[complaints.resolve_days]`.
pub static RESOLVE_DAYS: TableSpec = TableSpec {
    name: "[complaints.resolve_days]",
    meaning: words::RESOLVE_DAYS,
    keys: &[
        Key::new("high", DAYS0, words::SEVERITY_DAYS_HIGH).default("7"),
        Key::new("medium", DAYS0, words::SEVERITY_DAYS_MEDIUM).default("14"),
        Key::new("low", DAYS0, words::SEVERITY_DAYS_LOW).default("30"),
    ],
};

/// `[risk]`.
pub static RISK: TableSpec = TableSpec {
    name: "[risk]",
    meaning: words::RISK,
    keys: &[Key::new("drop", Ty::Share, words::RISK_DROP).default("0.3")],
};

/// `[[holiday]]`.
pub static HOLIDAY: TableSpec = TableSpec {
    name: "[[holiday]]",
    meaning: words::HOLIDAY,
    keys: &[
        Key::new("name", Ty::Text, words::HOLIDAY_NAME).required(),
        Key::new("date", Ty::Date, words::HOLIDAY_DATE).required(),
        Key::new("classes", Ty::Classes, words::HOLIDAY_CLASSES).default("[\"A\"]"),
    ],
};
