//! What each table and key of cardfile.toml (SPEC 4) and team.toml (SPEC 2) means: the JSON
//! Schemas' descriptions and the comments of the cardfile.toml that `cardfile init` writes.

words! {
    TEAM "schema.team" = "The team: who can own customers.", "团队：谁可以负责客户。";
    MEMBER "schema.member" = "A team member.", "团队成员。";
    SETTINGS "schema.settings" =
        "cardfile settings: every key is optional and has a default.",
        "cardfile 设置：每一项都可以省略，省略时使用默认值。";
    CARDS "schema.cards" = "Printed customer cards.", "打印的客户卡片。";
    HISTORY "schema.history" = "The git history on the site.", "网站上的 git 历史。";
    ABC "schema.abc" = "ABC classes by cumulative share of revenue.", "按累计销售额占比划分 ABC 类。";
    CADENCE "schema.cadence" = "Days between contacts, by class.", "按类别的联系间隔（天）。";
    LIFECYCLE "schema.lifecycle" = "Lifecycle thresholds in days.", "生命周期阈值（天）。";
    CREDIT "schema.credit" = "Credit grades by days paid late.", "按逾期天数评定信用等级。";
    WEIGHTS "schema.weights" =
        "Weights of the composite score (need not add up to 1; not all 0).",
        "综合评分的权重（不必加起来等于 1，但不能全为 0）。";
    REMINDERS "schema.reminders" = "When follow-ups are due, in days.", "跟进提醒的时间（天）。";
    RISK "schema.risk" = "Key customers at risk.", "大客户流失风险。";
    HOLIDAY "schema.holiday" = "A holiday on which customers of some classes get a greeting.", "向某些类别的客户发送问候的节日。";
    TEAM_MEMBER "schema.team.member" = "One team member.", "一位团队成员。";
    MEMBER_ID "schema.member.id" = "The member's id, used in `owner` and `by`.", "成员 id，用于 `owner` 和 `by`。";
    MEMBER_NAME "schema.member.name" = "The member's name.", "成员姓名。";
    MEMBER_EMAIL "schema.member.email" = "E-mail address.", "邮箱地址。";
    MEMBER_REGION "schema.member.region" = "The member's region.", "成员所在区域。";
    MEMBER_LEFT "schema.member.left" = "The member left the team on this date.", "成员离开团队的日期。";
    SETTINGS_COMPANY "schema.settings.company" = "Your company's name, shown in the site header.", "公司名称，显示在网站页眉。";
    SETTINGS_LANGUAGE "schema.settings.language" =
        "Language of the site, the agenda and `cardfile due`.",
        "网站、跟进清单和 `cardfile due` 的语言：\"en\" 或 \"zh-CN\"。";
    SETTINGS_CURRENCY "schema.settings.currency" = "Currency code of all money in the records.", "记录中所有金额的币种代码。";
    SETTINGS_WINDOW_DAYS "schema.settings.window_days" =
        "The analysis window in days: revenue, orders and ABC count these days.",
        "分析窗口（天）：销售额、订单数和 ABC 分类只统计这段时间。";
    SETTINGS_REDACT "schema.settings.redact" =
        "true leaves phones, e-mail, WeChat, addresses, birthdays and notes out of the site.",
        "true：网站中不出现电话、邮箱、微信、地址、生日和备注。";
    SETTINGS_EDIT_URL "schema.settings.edit_url" =
        "Prefix of an \"edit this file\" link on customer pages (no default).",
        "客户页面上“编辑此文件”链接的前缀（无默认值）。";
    SETTINGS_CARDS "schema.settings.cards" = "Printed customer cards.", "打印的客户卡片。";
    SETTINGS_HISTORY "schema.settings.history" = "The git history on the site (SPEC 11).", "网站上的 git 历史（SPEC 11）。";
    SETTINGS_ABC "schema.settings.abc" = "ABC classes by share of revenue.", "按销售额占比划分 ABC 类。";
    SETTINGS_CADENCE "schema.settings.cadence" = "Days between contacts, by class.", "按类别的联系间隔（天）。";
    SETTINGS_LIFECYCLE "schema.settings.lifecycle" = "Lifecycle thresholds in days.", "生命周期阈值（天）。";
    SETTINGS_CREDIT "schema.settings.credit" = "Credit grades by days paid late.", "按逾期天数评定信用等级。";
    SETTINGS_WEIGHTS "schema.settings.weights" = "Weights of the composite score.", "综合评分的权重。";
    SETTINGS_REMINDERS "schema.settings.reminders" = "When follow-ups are due, in days.", "跟进提醒的时间（天）。";
    SETTINGS_RISK "schema.settings.risk" = "Key customers at risk.", "大客户流失风险。";
    SETTINGS_HOLIDAY "schema.settings.holiday" = "Holidays on which customers get a greeting.", "向客户发送问候的节日。";
    CARDS_PAPER "schema.cards.paper" =
        "Paper size of the printed cards, one card per page.",
        "客户卡片的纸张大小，每页一张：\"A4\"、\"A5\" 或 \"A6\"。";
    HISTORY_ENABLED "schema.history.enabled" =
        "false leaves the git history out, like `--no-history`.",
        "false：不读取 git 历史，与 `--no-history` 相同。";
    HISTORY_DAYS "schema.history.days" =
        "How many days back changes.html lists the commits.",
        "changes.html 列出最近多少天的提交。";
    ABC_A_SHARE "schema.abc.a_share" = "Cumulative share of revenue that makes class A.", "累计销售额占比达到此值以内的客户为 A 类。";
    ABC_B_SHARE "schema.abc.b_share" =
        "Cumulative share of revenue that makes class A + B (at least a_share).",
        "A 类加 B 类的累计占比（不小于 a_share）。";
    CADENCE_A "schema.cadence.A" = "Days between contacts with class A customers.", "A 类客户的联系间隔。";
    CADENCE_B "schema.cadence.B" = "Days between contacts with class B customers.", "B 类客户的联系间隔。";
    CADENCE_C "schema.cadence.C" = "Days between contacts with class C customers.", "C 类客户的联系间隔。";
    CADENCE_PROSPECT "schema.cadence.prospect" =
        "Days between contacts with customers who never ordered.",
        "从未下单的潜在客户的联系间隔。";
    LIFECYCLE_NEW_DAYS "schema.lifecycle.new_days" =
        "A customer is new for this many days after the first order.",
        "首单后这么多天内为新客户。";
    LIFECYCLE_DORMANT_DAYS "schema.lifecycle.dormant_days" = "No order for this many days: dormant.", "这么多天没有订单：休眠。";
    LIFECYCLE_LOST_DAYS "schema.lifecycle.lost_days" = "No order for this many days: lost.", "这么多天没有订单：流失。";
    CREDIT_GRACE_DAYS "schema.credit.grace_days" =
        "Paying up to this many days late is still grade A.",
        "逾期不超过这么多天仍为 A 级。";
    CREDIT_B_MAX_DAYS "schema.credit.b_max_days" = "Up to this many days late: grade B.", "逾期不超过这么多天：B 级。";
    CREDIT_C_MAX_DAYS "schema.credit.c_max_days" =
        "Up to this many days late: grade C; later: D.",
        "逾期不超过这么多天：C 级；更久：D 级。";
    WEIGHTS_REVENUE "schema.weights.revenue" = "Weight of revenue.", "销售额的权重。";
    WEIGHTS_PROFIT "schema.weights.profit" = "Weight of profit.", "利润的权重。";
    WEIGHTS_CREDIT "schema.weights.credit" = "Weight of the credit grade.", "信用等级的权重。";
    WEIGHTS_PROSPECT "schema.weights.prospect" = "Weight of the development prospect.", "发展前景的权重。";
    REMINDERS_HORIZON_DAYS "schema.reminders.horizon_days" = "How many days ahead the agenda looks.", "跟进清单向前看多少天。";
    REMINDERS_BIRTHDAY_DAYS_BEFORE "schema.reminders.birthday_days_before" =
        "Birthday greetings are due this many days before.",
        "生日问候提前多少天。";
    REMINDERS_CONTRACT_DAYS_BEFORE "schema.reminders.contract_days_before" =
        "Renewals are due this many days before a contract ends.",
        "合同到期前多少天提醒续约。";
    REMINDERS_COMPLAINT_DAYS "schema.reminders.complaint_days" =
        "Open complaints are followed up this many days after opening.",
        "投诉提出后多少天跟进。";
    REMINDERS_WELCOME_DAYS "schema.reminders.welcome_days" =
        "Welcome calls this many days after the first order.",
        "首单后多少天进行欢迎回访。";
    REMINDERS_SURVEY_DAYS "schema.reminders.survey_days" =
        "Satisfaction surveys of A customers every this many days.",
        "每隔多少天对 A 类客户做满意度调查。";
    REMINDERS_CHECKBACK_DAYS "schema.reminders.checkback_days" =
        "Check back this many days after a complaint was resolved.",
        "投诉解决后多少天回访确认。";
    REMINDERS_AFTERSALE_DAYS "schema.reminders.aftersale_days" =
        "After-sale calls this many days after an order.",
        "订单后多少天进行售后回访。";
    REMINDERS_HANDOVER_DAYS "schema.reminders.handover_days" =
        "A new owner introduces themselves within this many days of a handover.",
        "客户移交后多少天内新负责人完成介绍。";
    RISK_DROP "schema.risk.drop" =
        "A revenue drop of this share puts a key customer at risk.",
        "销售额下降达到此比例时，大客户被标记为有流失风险。";
    REMINDERS_PLAN_DAYS "schema.reminders.plan_days" =
        "A key customer's plan is reviewed from this many days before its review date.",
        "重点客户计划在复核日前多少天开始复核。";
    MEMBER_TARGET "schema.member.target" =
        "The member's revenue target for the window (attainment = revenue / target).",
        "成员在分析窗口内的销售目标（完成率 = 销售额 / 目标）。";
    SETTINGS_COMPLAINTS "schema.settings.complaints" =
        "Targets for answering and resolving complaints.",
        "投诉答复和解决的目标时限。";
    COMPLAINTS "schema.complaints" =
        "Targets for answering and resolving complaints, in days by severity.",
        "按严重程度的投诉答复和解决时限（天）。";
    COMPLAINTS_RESPOND_DAYS "schema.complaints.respond_days" =
        "Days from opening to the first answer, by severity.",
        "从投诉到首次答复的天数，按严重程度。";
    COMPLAINTS_RESOLVE_DAYS "schema.complaints.resolve_days" =
        "Days from opening to the resolution, by severity.",
        "从投诉到解决的天数，按严重程度。";
    RESPOND_DAYS "schema.respond_days" =
        "Days to the first answer, by severity; a severity left out keeps its default.",
        "首次答复天数，按严重程度；未写出的严重程度使用默认值。";
    RESOLVE_DAYS "schema.resolve_days" =
        "Days to the resolution, by severity; a severity left out keeps its default.",
        "解决天数，按严重程度；未写出的严重程度使用默认值。";
    SEVERITY_DAYS_HIGH "schema.severity_days.high" = "For a high complaint.", "严重投诉。";
    SEVERITY_DAYS_MEDIUM "schema.severity_days.medium" = "For a medium complaint.", "一般投诉。";
    SEVERITY_DAYS_LOW "schema.severity_days.low" = "For a low complaint.", "轻微投诉。";
    HOLIDAY_NAME "schema.holiday.name" = "The holiday's name.", "节日名称。";
    HOLIDAY_DATE "schema.holiday.date" = "Its date.", "日期。";
    HOLIDAY_CLASSES "schema.holiday.classes" = "Classes greeted.", "问候哪些类别的客户（默认 [\"A\"]）。";
    REQUIRED "schema.required" = " Required.", "必填。";
    TRUE_OR_FALSE "schema.true_or_false" = "true or false", "true 或 false";
    SHARE "schema.share" = "above 0, at most 1", "大于 0，至多 1";
    WEIGHT "schema.weight" = "0 or more", "0 或更大";
    NONE_BY_DEFAULT "schema.none_by_default" = "none by default; add as many as you like", "默认没有；可以添加任意多个";
    SETTINGS_FILE_HEAD "schema.settings_file_head" =
        "# cardfile settings. Every setting is optional: one left out takes the default shown here.\n# The full reference is section 12 of cardfile's docs/records.md.\n\n",
        "# cardfile 设置。每一项都可以省略：省略的设置使用这里写出的默认值。\n# 完整说明见 cardfile 的 docs/records.md 第 12 节。\n\n";
    HOLIDAY_EXAMPLE "schema.holiday_example" =
        "# [[holiday]]\n# name = \"New Year\"\n# date = 2027-01-01\n# classes = [\"A\", \"B\"]\n",
        "# [[holiday]]\n# name = \"春节\"\n# date = 2027-02-06\n# classes = [\"A\", \"B\"]\n";
}

messages! {
    allowed(allowed) = " Allowed: {allowed}.", "可选值：{allowed}。";
    default(default) = " Default: {default}.", "默认：{default}。";
}
