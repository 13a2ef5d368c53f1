//! The keys of a customer file (SPEC 3 and 10.1).

use super::{Key, TableSpec, Ty, names};
use crate::i18n::schema_customer as words;
use crate::records::choices::{
    ComplaintCategory, ContactRole, CustomerKind, InteractionKind, LossReason, OutcomeReason, Relationship, Severity,
    Stage, Stance,
};

/// The top level of a customer file.
pub static CUSTOMER: TableSpec = TableSpec {
    name: "the customer",
    meaning: words::CUSTOMER,
    keys: &[
        Key::new("name", Ty::Text, words::CUSTOMER_NAME).required(),
        Key::new("kind", Ty::Choice(names::<CustomerKind>), words::CUSTOMER_KIND).default("\"company\""),
        Key::new("owner", Ty::Id, words::CUSTOMER_OWNER).required(),
        Key::new("region", Ty::Text, words::CUSTOMER_REGION),
        Key::new("tags", Ty::Texts, words::CUSTOMER_TAGS),
        Key::new("since", Ty::Date, words::CUSTOMER_SINCE),
        Key::new("relationship", Ty::Choice(names::<Relationship>), words::CUSTOMER_RELATIONSHIP)
            .default("\"reactive\""),
        Key::new("prospect", Ty::Int(1, 5), words::CUSTOMER_PROSPECT).default("3"),
        Key::new("credit_limit", Ty::Money, words::CUSTOMER_CREDIT_LIMIT),
        Key::new("cadence_days", Ty::Int(1, 3650), words::CUSTOMER_CADENCE_DAYS),
        Key::new("phone", Ty::Text, words::CUSTOMER_PHONE),
        Key::new("email", Ty::Text, words::CUSTOMER_EMAIL),
        Key::new("wechat", Ty::Text, words::CUSTOMER_WECHAT),
        Key::new("address", Ty::Text, words::CUSTOMER_ADDRESS),
        Key::new("birthday", Ty::Date, words::CUSTOMER_BIRTHDAY),
        Key::new("archived", Ty::Bool, words::CUSTOMER_ARCHIVED).default("false"),
        Key::new("notes", Ty::Text, words::CUSTOMER_NOTES),
        Key::new("referred_by", Ty::Id, words::CUSTOMER_REFERRED_BY),
        Key::new("loss", Ty::Table(&LOSS), words::CUSTOMER_LOSS),
        Key::new("contact", Ty::Tables(&CONTACT), words::CUSTOMER_CONTACT),
        Key::new("interaction", Ty::Tables(&INTERACTION), words::CUSTOMER_INTERACTION),
        Key::new("order", Ty::Tables(&ORDER), words::CUSTOMER_ORDER),
        Key::new("complaint", Ty::Tables(&COMPLAINT), words::CUSTOMER_COMPLAINT),
        Key::new("contract", Ty::Tables(&CONTRACT), words::CUSTOMER_CONTRACT),
        Key::new("opportunity", Ty::Tables(&OPPORTUNITY), words::CUSTOMER_OPPORTUNITY),
        Key::new("handover", Ty::Tables(&HANDOVER), words::CUSTOMER_HANDOVER),
        Key::new("promise", Ty::Tables(&PROMISE), words::CUSTOMER_PROMISE),
        Key::new("plan", Ty::Table(&PLAN), words::CUSTOMER_PLAN),
    ],
};

/// `[[contact]]`.
pub static CONTACT: TableSpec = TableSpec {
    name: "[[contact]]",
    meaning: words::CONTACT,
    keys: &[
        Key::new("name", Ty::Text, words::CONTACT_NAME).required(),
        Key::new("title", Ty::Text, words::CONTACT_TITLE),
        Key::new("role", Ty::Choice(names::<ContactRole>), words::CONTACT_ROLE).default("\"other\""),
        Key::new("stance", Ty::Choice(names::<Stance>), words::CONTACT_STANCE).default("\"unknown\""),
        Key::new("phone", Ty::Text, words::CONTACT_PHONE),
        Key::new("email", Ty::Text, words::CONTACT_EMAIL),
        Key::new("wechat", Ty::Text, words::CONTACT_WECHAT),
        Key::new("birthday", Ty::Birthday, words::CONTACT_BIRTHDAY),
        Key::new("left", Ty::Date, words::CONTACT_LEFT),
    ],
};

/// `[[interaction]]`.
pub static INTERACTION: TableSpec = TableSpec {
    name: "[[interaction]]",
    meaning: words::INTERACTION,
    keys: &[
        Key::new("date", Ty::Date, words::INTERACTION_DATE).required(),
        Key::new("kind", Ty::Choice(names::<InteractionKind>), words::INTERACTION_KIND).required(),
        Key::new("by", Ty::Id, words::INTERACTION_BY),
        Key::new("summary", Ty::Text, words::INTERACTION_SUMMARY).required(),
        Key::new("next", Ty::Date, words::INTERACTION_NEXT),
        Key::new("satisfaction", Ty::Int(1, 5), words::INTERACTION_SATISFACTION),
    ],
};

/// `[[order]]`.
pub static ORDER: TableSpec = TableSpec {
    name: "[[order]]",
    meaning: words::ORDER,
    keys: &[
        Key::new("date", Ty::Date, words::ORDER_DATE).required(),
        Key::new("amount", Ty::Money, words::ORDER_AMOUNT).required(),
        Key::new("cost", Ty::Money, words::ORDER_COST),
        Key::new("ref", Ty::Text, words::ORDER_REF),
        Key::new("product", Ty::Text, words::ORDER_PRODUCT),
        Key::new("due", Ty::Date, words::ORDER_DUE),
        Key::new("paid", Ty::Date, words::ORDER_PAID),
        Key::new("promised", Ty::Date, words::ORDER_PROMISED),
        Key::new("delivered", Ty::Date, words::ORDER_DELIVERED),
    ],
};

/// `[[complaint]]`.
pub static COMPLAINT: TableSpec = TableSpec {
    name: "[[complaint]]",
    meaning: words::COMPLAINT,
    keys: &[
        Key::new("opened", Ty::Date, words::COMPLAINT_OPENED).required(),
        Key::new("summary", Ty::Text, words::COMPLAINT_SUMMARY).required(),
        Key::new("severity", Ty::Choice(names::<Severity>), words::COMPLAINT_SEVERITY).default("\"medium\""),
        Key::new("resolved", Ty::Date, words::COMPLAINT_RESOLVED),
        Key::new("resolution", Ty::Text, words::COMPLAINT_RESOLUTION),
        Key::new("category", Ty::Choice(names::<ComplaintCategory>), words::COMPLAINT_CATEGORY).default("\"other\""),
        Key::new("by", Ty::Id, words::COMPLAINT_BY),
        Key::new("responded", Ty::Date, words::COMPLAINT_RESPONDED),
    ],
};

/// `[[contract]]`.
pub static CONTRACT: TableSpec = TableSpec {
    name: "[[contract]]",
    meaning: words::CONTRACT,
    keys: &[
        Key::new("kind", Ty::Text, words::CONTRACT_KIND).required(),
        Key::new("start", Ty::Date, words::CONTRACT_START),
        Key::new("end", Ty::Date, words::CONTRACT_END).required(),
    ],
};

/// `[[opportunity]]`.
pub static OPPORTUNITY: TableSpec = TableSpec {
    name: "[[opportunity]]",
    meaning: words::OPPORTUNITY,
    keys: &[
        Key::new("opened", Ty::Date, words::OPPORTUNITY_OPENED).required(),
        Key::new("title", Ty::Text, words::OPPORTUNITY_TITLE).required(),
        Key::new("amount", Ty::Money, words::OPPORTUNITY_AMOUNT),
        Key::new("stage", Ty::Choice(names::<Stage>), words::OPPORTUNITY_STAGE).default("\"lead\""),
        Key::new("expected", Ty::Date, words::OPPORTUNITY_EXPECTED),
        Key::new("closed", Ty::Date, words::OPPORTUNITY_CLOSED),
        Key::new("reason", Ty::Choice(names::<OutcomeReason>), words::OPPORTUNITY_REASON),
        Key::new("competitor", Ty::Text, words::OPPORTUNITY_COMPETITOR),
        Key::new("objections", Ty::Texts, words::OPPORTUNITY_OBJECTIONS),
    ],
};

/// `[[handover]]`.
pub static HANDOVER: TableSpec = TableSpec {
    name: "[[handover]]",
    meaning: words::HANDOVER,
    keys: &[
        Key::new("date", Ty::Date, words::HANDOVER_DATE).required(),
        Key::new("from", Ty::Id, words::HANDOVER_FROM).required(),
        Key::new("to", Ty::Id, words::HANDOVER_TO).required(),
    ],
};

/// `[loss]`.
pub static LOSS: TableSpec = TableSpec {
    name: "[loss]",
    meaning: words::LOSS,
    keys: &[
        Key::new("date", Ty::Date, words::LOSS_DATE).required(),
        Key::new("reason", Ty::Choice(names::<LossReason>), words::LOSS_REASON).default("\"other\""),
        Key::new("notes", Ty::Text, words::LOSS_NOTES),
    ],
};

/// `[[promise]]`.
pub static PROMISE: TableSpec = TableSpec {
    name: "[[promise]]",
    meaning: words::PROMISE,
    keys: &[
        Key::new("made", Ty::Date, words::PROMISE_MADE).required(),
        Key::new("due", Ty::Date, words::PROMISE_DUE).required(),
        Key::new("what", Ty::Text, words::PROMISE_WHAT).required(),
        Key::new("by", Ty::Id, words::PROMISE_BY),
        Key::new("kept", Ty::Date, words::PROMISE_KEPT),
    ],
};

/// `[plan]`.
pub static PLAN: TableSpec = TableSpec {
    name: "[plan]",
    meaning: words::PLAN,
    keys: &[
        Key::new("goal", Ty::Text, words::PLAN_GOAL).required(),
        Key::new("review", Ty::Date, words::PLAN_REVIEW).required(),
    ],
};
