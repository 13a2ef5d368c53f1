//! The change summaries of the git history (SPEC 11.1): on the site, in `diff` and in the
//! export. The English names tables and values as the records spell them.

words! {
    TABLE_INTERACTION "history_interaction" = "interaction", "跟进记录";
    TABLE_ORDER "history_order" = "order", "订单";
    TABLE_COMPLAINT "history_complaint" = "complaint", "投诉";
    TABLE_CONTACT "history_contact" = "contact", "联系人";
    TABLE_CONTRACT "history_contract" = "contract", "合同";
    TABLE_OPPORTUNITY "history_opportunity" = "opportunity", "商机";
    TABLE_HANDOVER "history_handover" = "handover", "交接";
    TABLE_PROMISE "history_promise" = "promise", "承诺";
    TABLE_LOSS "history_loss" = "loss", "流失";
    TABLE_PLAN "history_plan" = "plan", "客户计划";
}

messages! {
    created() = "created", "新建";
    deleted() = "deleted", "删除";
    moved(from, to) = "moved {from} → {to}", "移动 {from} → {to}";
    did_not_parse() = "did not parse", "无法解析";
    added(table) = "+1 {table}", "+1 {table}";
    added_entry(table, what) = "+1 {table} {what}", "+1 {table} {what}";
    removed(table) = "-1 {table}", "-1 {table}";
    removed_entry(table, what) = "-1 {table} {what}", "-1 {table} {what}";
    paid(order, date) = "order {order} paid {date}", "订单 {order} 已于 {date} 付款";
    resolved(complaint) = "complaint {complaint} resolved", "投诉 {complaint} 已解决";
    dated(date) = "of {date}", "{date}";
    table_key(table, change) = "{table}: {change}", "{table}：{change}";
    entry_key(table, entry, change) = "{table} {entry}: {change}", "{table} {entry}：{change}";
    key_changed(key) = "{key} changed", "{key} 已修改";
    key_from_to(key, from, to) = "{key} {from} → {to}", "{key} {from} → {to}";
    key_set(key, to) = "{key} set to {to}", "{key} 设为 {to}";
    key_removed(key, from) = "{key} removed (was {from})", "{key} 已删除（原为 {from}）";
}
