//! The keys of cardfile.toml (SPEC 4 and 10.1) and of team.toml (SPEC 2).

use super::{Key, TableSpec, Ty, names};
use crate::records::choices::Language;

const DAYS: Ty = Ty::Int(1, 36_500);
const DAYS0: Ty = Ty::Int(0, 36_500);

fn papers() -> Vec<&'static str> {
    vec!["A4", "A5", "A6"]
}

/// team.toml's top level.
pub static TEAM: TableSpec = TableSpec {
    name: "team.toml",
    en: "The team: who can own customers.",
    zh: "团队：谁可以负责客户。",
    keys: &[Key::new("member", Ty::Tables(&MEMBER), "One team member.").zh("一位团队成员。")],
};

/// `[[member]]`.
pub static MEMBER: TableSpec = TableSpec {
    name: "[[member]]",
    en: "A team member.",
    zh: "团队成员。",
    keys: &[
        Key::new("id", Ty::Id, "The member's id, used in `owner` and `by`.").required(),
        Key::new("name", Ty::Text, "The member's name.").required(),
        Key::new("email", Ty::Text, "E-mail address."),
        Key::new("region", Ty::Text, "The member's region."),
        Key::new("left", Ty::Date, "The member left the team on this date."),
        Key::new("target", Ty::Money, "The member's revenue target for the window (attainment = revenue / target)."),
    ],
};

/// cardfile.toml's top level.
pub static SETTINGS: TableSpec = TableSpec {
    name: "the settings",
    en: "cardfile settings: every key is optional and has a default.",
    zh: "cardfile 设置：每一项都可以省略，省略时使用默认值。",
    keys: &[
        Key::new("company", Ty::Text, "Your company's name, shown in the site header.")
            .default("\"\"")
            .zh("公司名称，显示在网站页眉。"),
        Key::new("language", Ty::Choice(names::<Language>), "Language of the site, the agenda and `cardfile due`.")
            .default("\"en\"")
            .zh("网站、跟进清单和 `cardfile due` 的语言：\"en\" 或 \"zh-CN\"。"),
        Key::new("currency", Ty::Text, "Currency code of all money in the records.")
            .default("\"CNY\"")
            .zh("记录中所有金额的币种代码。"),
        Key::new("window_days", DAYS, "The analysis window in days: revenue, orders and ABC count these days.")
            .default("365")
            .zh("分析窗口（天）：销售额、订单数和 ABC 分类只统计这段时间。"),
        Key::new(
            "redact",
            Ty::Bool,
            "true leaves phones, e-mail, WeChat, addresses, birthdays and notes out of the site.",
        )
        .default("false")
        .zh("true：网站中不出现电话、邮箱、微信、地址、生日和备注。"),
        Key::new("edit_url", Ty::Text, "Prefix of an \"edit this file\" link on customer pages (no default).")
            .zh("客户页面上“编辑此文件”链接的前缀（无默认值）。"),
        Key::new("cards", Ty::Table(&CARDS), "Printed customer cards.").zh("打印的客户卡片。"),
        Key::new("history", Ty::Table(&HISTORY), "The git history on the site (SPEC 11).")
            .zh("网站上的 git 历史（SPEC 11）。"),
        Key::new("abc", Ty::Table(&ABC), "ABC classes by share of revenue.").zh("按销售额占比划分 ABC 类。"),
        Key::new("cadence", Ty::Table(&CADENCE), "Days between contacts, by class.").zh("按类别的联系间隔（天）。"),
        Key::new("lifecycle", Ty::Table(&LIFECYCLE), "Lifecycle thresholds in days.").zh("生命周期阈值（天）。"),
        Key::new("credit", Ty::Table(&CREDIT), "Credit grades by days paid late.").zh("按逾期天数评定信用等级。"),
        Key::new("weights", Ty::Table(&WEIGHTS), "Weights of the composite score.").zh("综合评分的权重。"),
        Key::new("reminders", Ty::Table(&REMINDERS), "When follow-ups are due, in days.").zh("跟进提醒的时间（天）。"),
        Key::new("risk", Ty::Table(&RISK), "Key customers at risk.").zh("大客户流失风险。"),
        Key::new("complaints", Ty::Table(&COMPLAINTS), "Targets for answering and resolving complaints.")
            .zh("投诉答复和解决的目标时限。"),
        Key::new("holiday", Ty::Tables(&HOLIDAY), "Holidays on which customers get a greeting.")
            .zh("向客户发送问候的节日。"),
    ],
};

/// `[cards]`.
pub static CARDS: TableSpec = TableSpec {
    name: "[cards]",
    en: "Printed customer cards.",
    zh: "打印的客户卡片。",
    keys: &[Key::new("paper", Ty::Choice(papers), "Paper size of the printed cards, one card per page.")
        .default("\"A5\"")
        .zh("客户卡片的纸张大小，每页一张：\"A4\"、\"A5\" 或 \"A6\"。")],
};

/// `[history]`.
pub static HISTORY: TableSpec = TableSpec {
    name: "[history]",
    en: "The git history on the site.",
    zh: "网站上的 git 历史。",
    keys: &[
        Key::new("enabled", Ty::Bool, "false leaves the git history out, like `--no-history`.")
            .default("true")
            .zh("false：不读取 git 历史，与 `--no-history` 相同。"),
        Key::new("days", DAYS, "How many days back changes.html lists the commits.")
            .default("30")
            .zh("changes.html 列出最近多少天的提交。"),
    ],
};

/// `[abc]`.
pub static ABC: TableSpec = TableSpec {
    name: "[abc]",
    en: "ABC classes by cumulative share of revenue.",
    zh: "按累计销售额占比划分 ABC 类。",
    keys: &[
        Key::new("a_share", Ty::Share, "Cumulative share of revenue that makes class A.")
            .default("0.80")
            .zh("累计销售额占比达到此值以内的客户为 A 类。"),
        Key::new("b_share", Ty::Share, "Cumulative share of revenue that makes class A + B (at least a_share).")
            .default("0.95")
            .zh("A 类加 B 类的累计占比（不小于 a_share）。"),
    ],
};

/// `[cadence]`.
pub static CADENCE: TableSpec = TableSpec {
    name: "[cadence]",
    en: "Days between contacts, by class.",
    zh: "按类别的联系间隔（天）。",
    keys: &[
        Key::new("A", DAYS, "Days between contacts with class A customers.").default("14").zh("A 类客户的联系间隔。"),
        Key::new("B", DAYS, "Days between contacts with class B customers.").default("30").zh("B 类客户的联系间隔。"),
        Key::new("C", DAYS, "Days between contacts with class C customers.").default("60").zh("C 类客户的联系间隔。"),
        Key::new("prospect", DAYS, "Days between contacts with customers who never ordered.")
            .default("30")
            .zh("从未下单的潜在客户的联系间隔。"),
    ],
};

/// `[lifecycle]`.
pub static LIFECYCLE: TableSpec = TableSpec {
    name: "[lifecycle]",
    en: "Lifecycle thresholds in days.",
    zh: "生命周期阈值（天）。",
    keys: &[
        Key::new("new_days", DAYS0, "A customer is new for this many days after the first order.")
            .default("90")
            .zh("首单后这么多天内为新客户。"),
        Key::new("dormant_days", DAYS, "No order for this many days: dormant.")
            .default("180")
            .zh("这么多天没有订单：休眠。"),
        Key::new("lost_days", DAYS, "No order for this many days: lost.").default("365").zh("这么多天没有订单：流失。"),
    ],
};

/// `[credit]`.
pub static CREDIT: TableSpec = TableSpec {
    name: "[credit]",
    en: "Credit grades by days paid late.",
    zh: "按逾期天数评定信用等级。",
    keys: &[
        Key::new("grace_days", DAYS0, "Paying up to this many days late is still grade A.")
            .default("7")
            .zh("逾期不超过这么多天仍为 A 级。"),
        Key::new("b_max_days", DAYS0, "Up to this many days late: grade B.")
            .default("30")
            .zh("逾期不超过这么多天：B 级。"),
        Key::new("c_max_days", DAYS0, "Up to this many days late: grade C; later: D.")
            .default("90")
            .zh("逾期不超过这么多天：C 级；更久：D 级。"),
    ],
};

/// `[weights]`.
pub static WEIGHTS: TableSpec = TableSpec {
    name: "[weights]",
    en: "Weights of the composite score (need not add up to 1; not all 0).",
    zh: "综合评分的权重（不必加起来等于 1，但不能全为 0）。",
    keys: &[
        Key::new("revenue", Ty::Weight, "Weight of revenue.").default("0.4").zh("销售额的权重。"),
        Key::new("profit", Ty::Weight, "Weight of profit.").default("0.3").zh("利润的权重。"),
        Key::new("credit", Ty::Weight, "Weight of the credit grade.").default("0.2").zh("信用等级的权重。"),
        Key::new("prospect", Ty::Weight, "Weight of the development prospect.").default("0.1").zh("发展前景的权重。"),
    ],
};

/// `[reminders]`.
pub static REMINDERS: TableSpec = TableSpec {
    name: "[reminders]",
    en: "When follow-ups are due, in days.",
    zh: "跟进提醒的时间（天）。",
    keys: &[
        Key::new("horizon_days", DAYS0, "How many days ahead the agenda looks.")
            .default("30")
            .zh("跟进清单向前看多少天。"),
        Key::new("birthday_days_before", DAYS0, "Birthday greetings are due this many days before.")
            .default("7")
            .zh("生日问候提前多少天。"),
        Key::new("contract_days_before", DAYS0, "Renewals are due this many days before a contract ends.")
            .default("30")
            .zh("合同到期前多少天提醒续约。"),
        Key::new("complaint_days", DAYS0, "Open complaints are followed up this many days after opening.")
            .default("2")
            .zh("投诉提出后多少天跟进。"),
        Key::new("welcome_days", DAYS0, "Welcome calls this many days after the first order.")
            .default("7")
            .zh("首单后多少天进行欢迎回访。"),
        Key::new("survey_days", DAYS0, "Satisfaction surveys of A customers every this many days.")
            .default("180")
            .zh("每隔多少天对 A 类客户做满意度调查。"),
        Key::new("checkback_days", DAYS0, "Check back this many days after a complaint was resolved.")
            .default("7")
            .zh("投诉解决后多少天回访确认。"),
        Key::new("aftersale_days", DAYS0, "After-sale calls this many days after an order.")
            .default("7")
            .zh("订单后多少天进行售后回访。"),
        Key::new("handover_days", DAYS0, "A new owner introduces themselves within this many days of a handover.")
            .default("14")
            .zh("客户移交后多少天内新负责人完成介绍。"),
        Key::new("plan_days", DAYS0, "A key customer's plan is reviewed from this many days before its review date.")
            .default("14")
            .zh("重点客户计划在复核日前多少天开始复核。"),
    ],
};

/// `[complaints]`.
pub static COMPLAINTS: TableSpec = TableSpec {
    name: "[complaints]",
    en: "Targets for answering and resolving complaints, in days by severity.",
    zh: "按严重程度的投诉答复和解决时限（天）。",
    keys: &[
        Key::new("respond_days", Ty::Table(&RESPOND_DAYS), "Days from opening to the first answer, by severity.")
            .default("{ high = 1, medium = 2, low = 3 }")
            .zh("从投诉到首次答复的天数，按严重程度。"),
        Key::new("resolve_days", Ty::Table(&RESOLVE_DAYS), "Days from opening to the resolution, by severity.")
            .default("{ high = 7, medium = 14, low = 30 }")
            .zh("从投诉到解决的天数，按严重程度。"),
    ],
};

/// `respond_days` in `[complaints]`.
pub static RESPOND_DAYS: TableSpec = TableSpec {
    name: "[complaints.respond_days]",
    en: "Days to the first answer, by severity; a severity left out keeps its default.",
    zh: "首次答复天数，按严重程度；未写出的严重程度使用默认值。",
    keys: &[
        Key::new("high", DAYS0, "For a high complaint.").default("1").zh("严重投诉。"),
        Key::new("medium", DAYS0, "For a medium complaint.").default("2").zh("一般投诉。"),
        Key::new("low", DAYS0, "For a low complaint.").default("3").zh("轻微投诉。"),
    ],
};

/// `resolve_days` in `[complaints]`.
pub static RESOLVE_DAYS: TableSpec = TableSpec {
    name: "[complaints.resolve_days]",
    en: "Days to the resolution, by severity; a severity left out keeps its default.",
    zh: "解决天数，按严重程度；未写出的严重程度使用默认值。",
    keys: &[
        Key::new("high", DAYS0, "For a high complaint.").default("7").zh("严重投诉。"),
        Key::new("medium", DAYS0, "For a medium complaint.").default("14").zh("一般投诉。"),
        Key::new("low", DAYS0, "For a low complaint.").default("30").zh("轻微投诉。"),
    ],
};

/// `[risk]`.
pub static RISK: TableSpec = TableSpec {
    name: "[risk]",
    en: "Key customers at risk.",
    zh: "大客户流失风险。",
    keys: &[Key::new("drop", Ty::Share, "A revenue drop of this share puts a key customer at risk.")
        .default("0.3")
        .zh("销售额下降达到此比例时，大客户被标记为有流失风险。")],
};

/// `[[holiday]]`.
pub static HOLIDAY: TableSpec = TableSpec {
    name: "[[holiday]]",
    en: "A holiday on which customers of some classes get a greeting.",
    zh: "向某些类别的客户发送问候的节日。",
    keys: &[
        Key::new("name", Ty::Text, "The holiday's name.").required().zh("节日名称。"),
        Key::new("date", Ty::Date, "Its date.").required().zh("日期。"),
        Key::new("classes", Ty::Classes, "Classes greeted.")
            .default("[\"A\"]")
            .zh("问候哪些类别的客户（默认 [\"A\"]）。"),
    ],
};
