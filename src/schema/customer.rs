//! The keys of a customer file (SPEC 3 and 10.1).

use super::{Key, TableSpec, Ty, names};
use crate::records::choices::{
    ComplaintCategory, ContactRole, CustomerKind, InteractionKind, LossReason, OutcomeReason, Relationship, Severity,
    Stage, Stance,
};

const MONEY_NOTE: &str = "in the settings' currency, never negative";

/// The top level of a customer file.
pub static CUSTOMER: TableSpec = TableSpec {
    name: "the customer",
    en: "A customer of the team: one file per customer; the file name is the customer's id.",
    zh: "一个客户：每个客户一个文件，文件名就是客户的 id。",
    keys: &[
        Key::new("name", Ty::Text, "The customer's full name.").required(),
        Key::new("kind", Ty::Choice(names::<CustomerKind>), "A company or a private person.").default("\"company\""),
        Key::new("owner", Ty::Id, "The team member (id in team.toml) responsible for this customer.").required(),
        Key::new("region", Ty::Text, "Region, free text (used for the region pages)."),
        Key::new("tags", Ty::Texts, "Free tags, e.g. [\"wholesale\"]."),
        Key::new("since", Ty::Date, "Customer since this date."),
        Key::new(
            "relationship",
            Ty::Choice(names::<Relationship>),
            "How close the relationship is: basic, reactive, accountable, proactive or partner.",
        )
        .default("\"reactive\""),
        Key::new("prospect", Ty::Int(1, 5), "Development prospect, a judgement from 1 (poor) to 5 (excellent).")
            .default("3"),
        Key::new("credit_limit", Ty::Money, "Credit limit: open receivables above it are flagged."),
        Key::new("cadence_days", Ty::Int(1, 3650), "Days between contacts; overrides the class cadence."),
        Key::new("phone", Ty::Text, "Phone number."),
        Key::new("email", Ty::Text, "E-mail address."),
        Key::new("wechat", Ty::Text, "WeChat id."),
        Key::new("address", Ty::Text, "Postal address."),
        Key::new("birthday", Ty::Date, "Birthday (person customers only; a warning on a company)."),
        Key::new("archived", Ty::Bool, "true keeps the record but leaves it out of every computation and the agenda.")
            .default("false"),
        Key::new("notes", Ty::Text, "Notes, in Markdown."),
        Key::new("referred_by", Ty::Id, "The id of the customer who referred this one."),
        Key::new("loss", Ty::Table(&LOSS), "The customer is lost, and why."),
        Key::new("contact", Ty::Tables(&CONTACT), "People inside the customer."),
        Key::new("interaction", Ty::Tables(&INTERACTION), "Visits, calls, messages: every contact with the customer."),
        Key::new("order", Ty::Tables(&ORDER), "Sales."),
        Key::new("complaint", Ty::Tables(&COMPLAINT), "Complaints and how they were resolved."),
        Key::new("contract", Ty::Tables(&CONTRACT), "Warranties, service contracts, subscriptions."),
        Key::new("opportunity", Ty::Tables(&OPPORTUNITY), "Sales opportunities."),
        Key::new("handover", Ty::Tables(&HANDOVER), "The customer changed owner."),
        Key::new("promise", Ty::Tables(&PROMISE), "What we told the customer we would do (说到做到)."),
        Key::new("plan", Ty::Table(&PLAN), "The relationship plan of a key customer (关系管理计划)."),
    ],
};

/// `[[contact]]`.
pub static CONTACT: TableSpec = TableSpec {
    name: "[[contact]]",
    en: "A person inside the customer.",
    zh: "客户方的联系人。",
    keys: &[
        Key::new("name", Ty::Text, "The person's name.").required(),
        Key::new("title", Ty::Text, "Job title."),
        Key::new("role", Ty::Choice(names::<ContactRole>), "Role in buying.").default("\"other\""),
        Key::new("stance", Ty::Choice(names::<Stance>), "Attitude towards us.").default("\"unknown\""),
        Key::new("phone", Ty::Text, "Phone number."),
        Key::new("email", Ty::Text, "E-mail address."),
        Key::new("wechat", Ty::Text, "WeChat id."),
        Key::new("birthday", Ty::Birthday, "Birthday: a date, or \"MM-DD\" when the year is unknown."),
        Key::new("left", Ty::Date, "The person left the customer on this date."),
    ],
};

/// `[[interaction]]`.
pub static INTERACTION: TableSpec = TableSpec {
    name: "[[interaction]]",
    en: "A visit, call, message, e-mail, meeting or event.",
    zh: "一次拜访、电话、消息、邮件、会议或活动。",
    keys: &[
        Key::new("date", Ty::Date, "When it happened.").required(),
        Key::new("kind", Ty::Choice(names::<InteractionKind>), "What kind of contact it was.").required(),
        Key::new("by", Ty::Id, "The team member who made it (default: the owner)."),
        Key::new("summary", Ty::Text, "What was said and agreed, in Markdown.").required(),
        Key::new("next", Ty::Date, "The next follow-up agreed."),
        Key::new("satisfaction", Ty::Int(1, 5), "Customer satisfaction: 5 highly satisfied … 1 very dissatisfied."),
    ],
};

/// `[[order]]`.
pub static ORDER: TableSpec = TableSpec {
    name: "[[order]]",
    en: "A sale.",
    zh: "一笔交易。",
    keys: &[
        Key::new("date", Ty::Date, "The order date.").required(),
        Key::new("amount", Ty::Money, "The amount, in the settings' currency, never negative.").required(),
        Key::new("cost", Ty::Money, "Our cost (enables profit), never negative."),
        Key::new("ref", Ty::Text, "Order reference, unique within the customer."),
        Key::new("product", Ty::Text, "What was sold."),
        Key::new("due", Ty::Date, "Sold on credit: payable by this date."),
        Key::new("paid", Ty::Date, "Fully paid on this date (only meaningful with `due`)."),
        Key::new("promised", Ty::Date, "The delivery date promised to the customer (not before `date`)."),
        Key::new("delivered", Ty::Date, "The day it was delivered (not before `date`)."),
    ],
};

/// `[[complaint]]`.
pub static COMPLAINT: TableSpec = TableSpec {
    name: "[[complaint]]",
    en: "A complaint.",
    zh: "一次投诉。",
    keys: &[
        Key::new("opened", Ty::Date, "When the complaint was made.").required(),
        Key::new("summary", Ty::Text, "What the customer complained about.").required(),
        Key::new("severity", Ty::Choice(names::<Severity>), "How serious it is.").default("\"medium\""),
        Key::new("resolved", Ty::Date, "When it was resolved (not before `opened`)."),
        Key::new("resolution", Ty::Text, "How it was resolved."),
        Key::new("category", Ty::Choice(names::<ComplaintCategory>), "What it concerns.").default("\"other\""),
        Key::new("by", Ty::Id, "The team member handling it."),
        Key::new("responded", Ty::Date, "The first answer to the customer (not before `opened`)."),
    ],
};

/// `[[contract]]`.
pub static CONTRACT: TableSpec = TableSpec {
    name: "[[contract]]",
    en: "A warranty, service contract or subscription.",
    zh: "保修、服务合同或订阅。",
    keys: &[
        Key::new("kind", Ty::Text, "What kind of contract, free text (e.g. \"warranty\").").required(),
        Key::new("start", Ty::Date, "When it starts."),
        Key::new("end", Ty::Date, "When it ends (renewal reminders count from here).").required(),
    ],
};

/// `[[opportunity]]`.
pub static OPPORTUNITY: TableSpec = TableSpec {
    name: "[[opportunity]]",
    en: "A sales opportunity.",
    zh: "一个销售机会。",
    keys: &[
        Key::new("opened", Ty::Date, "When it was found.").required(),
        Key::new("title", Ty::Text, "What it is about.").required(),
        Key::new("amount", Ty::Money, MONEY_NOTE),
        Key::new("stage", Ty::Choice(names::<Stage>), "Where it stands.").default("\"lead\""),
        Key::new("expected", Ty::Date, "Expected decision date."),
        Key::new("closed", Ty::Date, "When it was decided; required when the stage is won or lost."),
        Key::new(
            "reason",
            Ty::Choice(names::<OutcomeReason>),
            "Why it was won or lost (a warning when a won or lost opportunity has none).",
        ),
        Key::new("competitor", Ty::Text, "The competitor it was up against."),
        Key::new("objections", Ty::Texts, "What the customer objected to, e.g. [\"价格\", \"交期\"]."),
    ],
};

/// `[[handover]]`.
pub static HANDOVER: TableSpec = TableSpec {
    name: "[[handover]]",
    en: "The customer changed owner.",
    zh: "客户移交。",
    keys: &[
        Key::new("date", Ty::Date, "When the customer was handed over.").required(),
        Key::new("from", Ty::Id, "The previous owner (a team id; may have left).").required(),
        Key::new("to", Ty::Id, "The new owner (a team id; the latest handover's `to` is the `owner`).").required(),
    ],
};

/// `[loss]`.
pub static LOSS: TableSpec = TableSpec {
    name: "[loss]",
    en: "The customer is lost, and why.",
    zh: "客户流失及原因。",
    keys: &[
        Key::new("date", Ty::Date, "When the customer was lost.").required(),
        Key::new("reason", Ty::Choice(names::<LossReason>), "Why.").default("\"other\""),
        Key::new("notes", Ty::Text, "Notes, in Markdown."),
    ],
};

/// `[[promise]]`.
pub static PROMISE: TableSpec = TableSpec {
    name: "[[promise]]",
    en: "A promise made to the customer.",
    zh: "对客户的一项承诺。",
    keys: &[
        Key::new("made", Ty::Date, "When the promise was made.").required(),
        Key::new("due", Ty::Date, "When it is due (not before `made`).").required(),
        Key::new("what", Ty::Text, "What was promised, in Markdown.").required(),
        Key::new("by", Ty::Id, "The team member who made it (default: the owner)."),
        Key::new("kept", Ty::Date, "The day it was done (not before `made`)."),
    ],
};

/// `[plan]`.
pub static PLAN: TableSpec = TableSpec {
    name: "[plan]",
    en: "The relationship plan of a key customer.",
    zh: "重点客户的关系管理计划。",
    keys: &[
        Key::new("goal", Ty::Text, "What the plan aims at, in Markdown.").required(),
        Key::new("review", Ty::Date, "The next review of the plan.").required(),
    ],
};
