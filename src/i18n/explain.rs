//! How each computed value was computed ("why", SPEC 8, 10.2 and 12.2): one message per value
//! and case. Rules such as `≥ 80 %, < 95 %` are messages too, so a language may write them its way.

words! {
    LIST_SEPARATOR "list_separator" = ", ", "、";
    ITEM_REACH "item_reach" = "phone/e-mail/WeChat", "电话/邮箱/微信";
    ITEM_ADDRESS "item_address" = "address", "地址";
    ITEM_REGION "item_region" = "region", "区域";
    ITEM_SINCE "item_since" = "customer since", "客户起始日期";
    ITEM_CONTACT "item_contact" = "a contact", "联系人";
    ITEM_DECIDER "item_decider" = "a decision-maker or approver", "决策人或审批人";
    ITEM_INTERACTION "item_interaction" = "an interaction", "跟进记录";
    ITEM_TAGS "item_tags" = "tags", "标签";
    ENTRY_SEPARATOR "entry_separator" = "; ", "；";
    ANSWERED_ON_TIME "answered_on_time" = "answered on time", "按时答复";
    ANSWERED_LATE "answered_late" = "answered late", "答复超时";
    UNANSWERED_LATE "unanswered_late" = "not answered, past the target", "未答复，已超时";
    UNANSWERED_IN_TIME "unanswered_in_time" = "not answered yet, still in time", "尚未答复，仍在时限内";
    RESOLVED_ON_TIME "resolved_on_time" = "resolved on time", "按时解决";
    RESOLVED_LATE "resolved_late" = "resolved late", "解决超时";
    UNRESOLVED_LATE "unresolved_late" = "not resolved, past the target", "未解决，已超时";
    UNRESOLVED_IN_TIME "unresolved_in_time" = "not resolved yet, still in time", "尚未解决，仍在时限内";
    NO_RATE "no_rate" = "none, so no rate", "无，因此没有比率";
}

messages! {
    revenue(orders, start, end, days) =
        "sum of the {orders} orders dated {start} to {end} (the {days}-day window)",
        "{start} 至 {end}（{days} 天分析窗口）内 {orders} 笔订单金额之和";
    profit(with_cost, orders) =
        "amount − cost over the {with_cost} of {orders} orders in the window that have a cost",
        "窗口期内 {orders} 笔订单中有成本的 {with_cost} 笔：金额 − 成本";
    profit_unknown() =
        "no order in the window has a cost: profit unknown (counts 0 in the score)",
        "窗口期内没有订单填写成本：利润未知（综合评分按 0 计）";
    cycle_days(last, first, orders, cycle) =
        "({last} − {first}) / ({orders} − 1) orders = {cycle} days, rounded",
        "（{last} − {first}）/（{orders} − 1）笔订单 = {cycle} 天（四舍五入）";
    expected_order(last, cycle) = "last order {last} + {cycle} days", "上次下单 {last} + {cycle} 天";
    recency(days) = "{days} days since the last order", "距上次下单 {days} 天";
    class_without_revenue() = "C: no revenue in the window", "C：窗口期内无销售额";
    class(class, revenue, share, total, ranked, before, rule) =
        "{class}: revenue {revenue} is {share} of the total {total}; the {ranked} customers ranked before it hold {before} ({rule})",
        "{class}：销售额 {revenue} 占总额 {total} 的 {share}；排在其前的 {ranked} 位客户合计占 {before}（{rule}）";
    rule_a(a) = "< {a}", "< {a}";
    rule_b(a, b) = "≥ {a}, < {b}", "≥ {a}, < {b}";
    rule_c(b) = "≥ {b}", "≥ {b}";
    lost_recorded(date) = "lost: the loss was recorded on {date}", "流失：{date} 记录了流失";
    prospect() = "prospect: no orders yet", "潜在客户：尚无订单";
    new(days, limit) = "new: first order {days} days ago (< {limit})", "新客户：首单在 {days} 天前（< {limit}）";
    lost(days, limit) = "lost: last order {days} days ago (≥ {limit})", "流失：上次下单在 {days} 天前（≥ {limit}）";
    dormant(days, from, to) =
        "dormant: last order {days} days ago (≥ {from}, < {to})",
        "沉睡：上次下单在 {days} 天前（≥ {from}，< {to}）";
    active(days, limit) = "active: last order {days} days ago (< {limit})", "活跃：上次下单在 {days} 天前（< {limit}）";
    credit_unrated() =
        "-: no rated order (no credit sale paid in the window or due by today)",
        "-：没有可评级的订单（窗口期内无赊销回款，也无到期未付）";
    credit_grade(grade, rated, late, grace, b, c) =
        "{grade}: the slowest payment of {rated} rated orders was {late} days late (A ≤ {grace}, B ≤ {b}, C ≤ {c}, else D)",
        "{grade}：{rated} 笔评级订单中最长逾期 {late} 天（A ≤ {grace}，B ≤ {b}，C ≤ {c}，否则 D）";
    credit_exposure(exposure, overdue) =
        "; unpaid credit sales {exposure}, of which {overdue} past due",
        "；未收赊销款 {exposure}，其中逾期 {overdue}";
    credit_over_limit(limit) = " — over the limit {limit}", " —— 超过信用额度 {limit}";
    credit_limit(limit) = " (limit {limit})", "（信用额度 {limit}）";
    score(revenue_weight, revenue, profit_weight, profit, credit_weight, credit, prospect_weight, prospect, total, score) =
        "({revenue_weight} × revenue {revenue} + {profit_weight} × profit {profit} + {credit_weight} × credit {credit} + {prospect_weight} × prospect {prospect}) / {total} = {score}",
        "（{revenue_weight} × 销售额 {revenue} + {profit_weight} × 利润 {profit} + {credit_weight} × 信用 {credit} + {prospect_weight} × 前景 {prospect}）/ {total} = {score}";
    score_without_profit() = "; no order has a cost, so profit is left out", "；所有订单均无成本，利润不计入";
    completeness_full() = "8 of 8 items present", "8 项资料齐全";
    completeness(have, missing) = "{have} of 8 items present; missing: {missing}", "8 项中有 {have} 项；缺少：{missing}";
    trend(revenue, previous, trend) =
        "revenue {revenue} / previous window {previous} − 1 = {trend}",
        "本周期销售额 {revenue} / 上一周期 {previous} − 1 = {trend}";
    trend_none(days) =
        "no revenue in the previous {days} days, so no trend",
        "上一个 {days} 天周期内没有销售额，无法计算趋势";
    lifetime_revenue(orders) = "all {orders} orders up to today", "截至今天全部 {orders} 笔订单之和";
    satisfaction(score, date) = "{score}/5, the latest score, given on {date}", "{score}/5，{date} 最近一次评分";
    satisfaction_none() = "no interaction has a satisfaction score", "尚无跟进记录填写满意度";
    coverage(coverage, deciders) =
        "{coverage}: judged by the {deciders} present decision-makers and approvers (an opponent contests; an ally or supporter makes it strong)",
        "{coverage}：依据 {deciders} 位在职决策人和审批人（有反对者为“有阻力”，有盟友或支持者为“稳固”）";
    coverage_none() = "only for company customers with a present contact", "仅适用于有在职联系人的公司客户";
    risk_none() =
        "no risk: only A and B customers are rated; none of decline, contact-overdue, dissatisfied, complaint, dormant, promise, delivery holds",
        "无风险：仅评估 A、B 类客户；销售下滑、联系逾期、不满意、重大投诉、沉睡、承诺逾期、交货逾期均不成立";
    risk(reasons, drop) =
        "{reasons} (decline means revenue fell by {drop} or more against the previous window; promise, a promise overdue; delivery, an order past its promised date and not delivered)",
        "{reasons}（销售下滑指较上一周期下降 {drop} 及以上；承诺逾期指有承诺过期未兑现；交货逾期指有订单过了承诺交货日仍未交货）";
    pipeline() = "sum of the amounts of opportunities not yet won or lost", "尚未赢单或丢单的销售机会金额之和";
    promises_open(open, made) =
        "{open} of the {made} promises made up to today are not kept (a kept date after today counts as not kept)",
        "截至今天的 {made} 项承诺中有 {open} 项尚未兑现（兑现日期在今天之后的按未兑现计）";
    promises_none() = "no promise made up to today", "截至今天没有承诺";
    promise_kept(made, kept, due) = "{made}: kept {kept} ≤ due {due}: kept", "{made}：{kept} 兑现 ≤ 到期 {due}：按时兑现";
    promise_late(made, kept, due) = "{made}: kept {kept} > due {due}: late", "{made}：{kept} 兑现 > 到期 {due}：延迟兑现";
    promise_overdue(made, due) = "{made}: not kept, due {due} < today: overdue", "{made}：未兑现，到期 {due} 已过：逾期";
    promise_open(made, due) = "{made}: not kept, due {due} ≥ today: open", "{made}：未兑现，到期 {due} 未过：待兑现";
    complaints_none() = "no complaint up to today", "截至今天没有投诉";
    complaint_targets(opened, severity, respond_by, respond_days, answered, resolve_by, resolve_days, resolved) =
        "{opened} ({severity}): answer by {respond_by} (+{respond_days} days), {answered}; resolve by {resolve_by} (+{resolve_days} days), {resolved}",
        "{opened}（{severity}）：应于 {respond_by} 前答复（+{respond_days} 天），{answered}；应于 {resolve_by} 前解决（+{resolve_days} 天），{resolved}";
    deliveries_none() = "no order has a promised delivery date", "没有订单填写承诺交货日期";
    delivered(order, delivered, promised, days) =
        "{order}: delivered {delivered}, promised {promised}: {days} days late",
        "{order}：{delivered} 交货，承诺 {promised}：延迟 {days} 天";
    undelivered(order, promised, days) =
        "{order}: not delivered, promised {promised}: {days} days late so far",
        "{order}：尚未交货，承诺 {promised}：目前延迟 {days} 天";
    ratio(hits, of, rate) = "{hits} / {of} = {rate}", "{hits} / {of} = {rate}";
    retention(base, retained, prev_start, prev_end, start, end, ratio) =
        "of the {base} customers who ordered in the previous window ({prev_start} to {prev_end}), {retained} ordered again in this one ({start} to {end}): {ratio}",
        "上一周期（{prev_start} 至 {prev_end}）下过单的 {base} 位客户中，{retained} 位在本周期（{start} 至 {end}）再次下单：{ratio}";
    complaints_on_time(resolved, on_time, start, end, ratio) =
        "of the {resolved} complaints resolved {start} to {end}, {on_time} were resolved by opened + resolve_days of their severity: {ratio}",
        "{start} 至 {end} 解决的 {resolved} 起投诉中，{on_time} 起在时限（提出日 + 该严重程度的解决天数）内解决：{ratio}";
    promises_kept(due, kept, start, end, ratio) =
        "of the {due} promises due {start} to {end}, {kept} were kept by their due date: {ratio}",
        "{start} 至 {end} 到期的 {due} 项承诺中，{kept} 项按时兑现：{ratio}";
    deliveries_on_time(delivered, on_time, start, end, ratio) =
        "of the {delivered} orders with a promised date delivered {start} to {end}, {on_time} came on or before that date: {ratio}",
        "{start} 至 {end} 交货且有承诺日期的 {delivered} 笔订单中，{on_time} 笔按期交货：{ratio}";
    owner_revenue(customers, start, end) =
        "the sum of the revenue of the {customers} customers they own, {start} to {end}",
        "其负责的 {customers} 位客户在 {start} 至 {end} 的销售额之和";
    attainment(revenue, target, rate) = "revenue {revenue} / target {target} = {rate}", "销售额 {revenue} / 目标 {target} = {rate}";
    attainment_zero_target() = "a target of 0: no attainment", "目标为 0：无完成率";
    attainment_none() = "no `target` in team.toml: no attainment", "team.toml 中未设 `target`：无完成率";
    win_rate(won, lost, start, end, rate) =
        "won {won} / (won {won} + lost {lost}) of their customers' opportunities closed {start} to {end} = {rate}",
        "其客户在 {start} 至 {end} 结束的机会：赢 {won} /（赢 {won} + 输 {lost}）= {rate}";
    win_rate_none(start, end) =
        "no opportunity of their customers was won or lost {start} to {end}",
        "其客户在 {start} 至 {end} 没有赢单或丢单的机会";
    owner_overdue(items) =
        "{items} agenda items of theirs, of every kind, are dated before today",
        "其名下日期早于今天的各类待办共 {items} 项";
}
