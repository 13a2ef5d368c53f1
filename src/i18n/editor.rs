//! What the language server (`cardfile lsp`) shows in the editor: the kinds of value a key
//! holds, the computed card of a customer, the titles of its code actions.

words! {
    TYPE_TEXT "editor.type_text" = "text", "文本";
    TYPE_ID "editor.type_id" = "an id (a-z, 0-9, -)", "id（a-z、0-9、-）";
    TYPE_MONEY "editor.type_money" = "an amount, not negative", "金额，不小于 0";
    TYPE_SHARE "editor.type_share" = "a share above 0, at most 1", "大于 0、不超过 1 的比例";
    TYPE_WEIGHT "editor.type_weight" = "a weight, not negative", "权重，不小于 0";
    TYPE_BOOL "editor.type_bool" = "true or false", "true 或 false";
    TYPE_DATE "editor.type_date" = "a date like 2026-03-04", "日期，例如 2026-03-04";
    TYPE_BIRTHDAY "editor.type_birthday" = "a date, or \"MM-DD\" without the year", "日期，或不含年份的 \"MM-DD\"";
    TYPE_TEXTS "editor.type_texts" = "a list of texts", "文本列表";
    TYPE_CLASSES "editor.type_classes" = "a list of classes: \"A\", \"B\", \"C\"", "类别列表：\"A\"、\"B\"、\"C\"";
    TYPE_TABLE "editor.type_table" = "a table", "表";
    TYPE_TABLES "editor.type_tables" = "a list of tables", "表数组";
    REQUIRED "editor.required" = "required", "必填";
    TODAY "editor.today" = "today", "今天";
    NEXT_FOLLOW_UPS "editor.next_follow_ups" = "Next follow-ups", "接下来的跟进";
    NOTHING_DUE "editor.nothing_due" = "nothing on the agenda", "暂无待办";
    ARCHIVED "editor.archived" = "Archived: left out of every computation.", "已归档：不参与任何计算。";
    HAS_ERRORS "editor.has_errors" =
        "This file has errors: the values below may change once they are fixed.",
        "此文件有错误：修正后下面的值可能会变化。";
    LOG_VISIT "editor.log_visit" = "Log a visit today", "记录今天的一次拜访";
    MARK_PAID "editor.mark_paid" = "Mark this order paid today", "将此订单标记为今天已付款";
}

messages! {
    whole_number(min, max) = "a whole number from {min} to {max}", "{min} 到 {max} 的整数";
    one_of(list) = "one of {list}", "以下之一：{list}";
    default_is(value) = "default: {value}", "默认值：{value}";
    member_customers(name, count) = "{name}: owner of {count} customers", "{name}：负责 {count} 个客户";
    replace_with(replacement) = "Replace with {replacement}", "替换为 {replacement}";
    new_entry(table) = "a new {table}", "新增 {table}";
}
