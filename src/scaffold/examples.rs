//! The team and the example customer of a new repository, in English or Chinese. Dates are
//! relative to the day of `init`, so that the example is never in the future nor stale.

use chrono::{Days, NaiveDate};

fn ago(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn ahead(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_add_days(Days::new(days)).unwrap_or(today)
}

/// team.toml for a new repository.
pub fn team(language: &str) -> String {
    if language == "zh-CN" {
        "# 团队：谁可以负责客户。每人一个 [[member]]；id 用于客户文件中的 owner 和 by。\n\
         # id 规则：小写字母、数字和 '-'，以字母或数字开头。\n\n\
         [[member]]\nid = \"zhang\"\nname = \"张伟\"\nemail = \"zhang@example.com\"\nregion = \"华东\"\n\n\
         [[member]]\nid = \"li\"\nname = \"李娜\"\nemail = \"li@example.com\"\nregion = \"华北\"\n"
            .to_string()
    } else {
        "# The team: who can own customers. One [[member]] per person; the id is what customer\n\
         # files use in `owner` and `by` (lower-case letters, digits and '-').\n\n\
         [[member]]\nid = \"alex\"\nname = \"Alex Chen\"\nemail = \"alex@example.com\"\nregion = \"north\"\n\n\
         [[member]]\nid = \"sam\"\nname = \"Sam Porter\"\nemail = \"sam@example.com\"\nregion = \"south\"\n"
            .to_string()
    }
}

/// customers/example.toml for a new repository: a realistic customer with a contact, a visit,
/// orders (one on credit) and a resolved complaint.
pub fn customer(language: &str, today: NaiveDate) -> String {
    let d = |days| ago(today, days).to_string();
    let next = ahead(today, 14).to_string();
    if language == "zh-CN" {
        format!(
            r#"# 示例客户：文件名（example）就是客户 id。照着写你的客户，然后删除本文件。
# 每个键的说明见 docs/records.md；编辑器补全见 docs/editing.md。
name = "华东精工机械有限公司"
kind = "company"
owner = "zhang"                  # team.toml 中的成员 id（专人负责）
region = "华东"
tags = ["制造业", "批发"]
since = {since}
relationship = "proactive"       # basic | reactive | accountable | proactive | partner
prospect = 4                     # 发展前景 1..5
credit_limit = 50000
phone = "0512-6666 8888"
address = "江苏省苏州市工业园区星湖街 88 号"
notes = """
主要采购数控刀具。**每季度**集中采购一次。
"""

[[contact]]
name = "李娜"
title = "采购经理"
role = "decision-maker"
stance = "supporter"
phone = "138 0000 1234"
birthday = "06-12"

[[order]]
date = {order1}
amount = 12000
cost = 9000
ref = "SO-1001"
product = "数控刀具 200 件"

[[order]]
date = {order2}
amount = 8500.5
cost = 6200
ref = "SO-1002"
product = "刀柄与夹头"
due = {due}
paid = {paid}

[[complaint]]
opened = {opened}
summary = "第二批刀具晚到三天。"
severity = "medium"
category = "delivery"
resolved = {resolved}
resolution = "改用顺丰加急，并减免运费。"

[[interaction]]
date = {visit}
kind = "visit"
summary = "介绍新款涂层刀具。**需要 200 件的报价**。"
next = {next}
satisfaction = 4
"#,
            since = d(700),
            order1 = d(120),
            order2 = d(60),
            due = d(30),
            paid = d(28),
            opened = d(50),
            resolved = d(47),
            visit = d(10),
        )
    } else {
        format!(
            r#"# An example customer: the file name (example) is the customer's id. Write your
# customers like this one, then delete this file. Every key: docs/records.md; editor
# completion: docs/editing.md.
name = "Harbour Tools Ltd."
kind = "company"
owner = "alex"                   # a member id from team.toml
region = "north"
tags = ["manufacturing", "wholesale"]
since = {since}
relationship = "proactive"       # basic | reactive | accountable | proactive | partner
prospect = 4                     # development prospect 1..5
credit_limit = 50000
phone = "+1 555 0100"
address = "12 Quay Street, Portsmouth"
notes = """
Buys cutting tools, **once a quarter**.
"""

[[contact]]
name = "Maria Lopez"
title = "Purchasing manager"
role = "decision-maker"
stance = "supporter"
email = "maria.lopez@example.com"
birthday = "06-12"

[[order]]
date = {order1}
amount = 12000
cost = 9000
ref = "SO-1001"
product = "CNC inserts, 200 pcs"

[[order]]
date = {order2}
amount = 8500.5
cost = 6200
ref = "SO-1002"
product = "Tool holders and collets"
due = {due}
paid = {paid}

[[complaint]]
opened = {opened}
summary = "The second delivery arrived three days late."
severity = "medium"
category = "delivery"
resolved = {resolved}
resolution = "Sent by express at our cost."

[[interaction]]
date = {visit}
kind = "visit"
summary = "Showed the new coated inserts. **Wants a quote** for 200 pcs."
next = {next}
satisfaction = 4
"#,
            since = d(700),
            order1 = d(120),
            order2 = d(60),
            due = d(30),
            paid = d(28),
            opened = d(50),
            resolved = d(47),
            visit = d(10),
        )
    }
}
