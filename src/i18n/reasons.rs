//! Why each follow-up is on the agenda (SPEC 7, 10.3, 12.3): one message per reason.

words! {
    CONTACT_VISIT "reason_contact_visit" = "visit", "联系";
    CONTACT_CALL "reason_contact_call" = "call", "联系";
    CONTACT_MESSAGE "reason_contact_message" = "message", "联系";
    CONTACT_EMAIL "reason_contact_email" = "email", "联系";
    CONTACT_MEETING "reason_contact_meeting" = "meeting", "联系";
    CONTACT_EVENT "reason_contact_event" = "event", "联系";
}

messages! {
    contact_next(kind, date) = "next follow-up agreed at the {kind} on {date}", "{date} {kind}时约定的下次跟进";
    contact_own_cadence(date, days) =
        "last contact {date}; this customer is contacted every {days} days",
        "上次联系 {date}；该客户每 {days} 天联系一次";
    contact_prospect_cadence(date, days) =
        "last contact {date}; prospects (no orders yet) every {days} days",
        "上次联系 {date}；潜在客户（尚无订单）每 {days} 天联系一次";
    contact_class_cadence(date, class, days) =
        "last contact {date}; class {class} customers every {days} days",
        "上次联系 {date}；{class} 类客户每 {days} 天联系一次";
    never_contacted() = "never contacted", "从未联系";
    never_contacted_since(date) = "never contacted; customer since {date}", "从未联系；{date} 起成为客户";
    birthday(name, date) = "{name}'s birthday on {date}", "{name} {date} 生日";
    birthday_turning(name, date, age) = "{name}'s birthday on {date} (turns {age})", "{name} {date} 生日（{age} 岁）";
    complaint_minor(date, summary) =
        "minor complaint of {date} still open: {summary}",
        "{date} 的轻微投诉尚未解决：{summary}";
    complaint(date, summary) = "complaint of {date} still open: {summary}", "{date} 的投诉尚未解决：{summary}";
    complaint_serious(date, summary) =
        "serious complaint of {date} still open: {summary}",
        "{date} 的严重投诉尚未解决：{summary}";
    collection_of_ref(amount, reference, due) =
        "collect {amount} for {reference}, due {due}",
        "催收 {reference} 货款 {amount}，{due} 到期";
    collection_of_date(amount, date, due) =
        "collect {amount} for the order of {date}, due {due}",
        "催收 {date} 订单货款 {amount}，{due} 到期";
    renewal(contract, date) = "{contract} ends {date}: offer a renewal", "{contract}于 {date} 到期：商谈续约";
    welcome(date) = "first order on {date} and no contact since: welcome call", "{date} 首次下单后尚未联系：欢迎回访";
    reorder(cycle, date) = "orders about every {cycle} days, last on {date}", "约每 {cycle} 天下单一次，上次 {date}";
    holiday(holiday, date, class) =
        "{holiday} on {date}: greeting for class {class} customers",
        "{holiday}（{date}）：{class} 类客户节日问候";
    winback(days, date) =
        "no order for {days} days (last {date}): find out why, or record the loss",
        "已 {days} 天未下单（上次 {date}）：了解原因，或记录流失";
    recovery(score, date) =
        "satisfaction {score}/5 on {date} and no contact since: call to put it right",
        "{date} 满意度仅 {score}/5，之后尚未联系：尽快回访补救";
    survey_again(date) =
        "key customer, satisfaction last asked {date}: ask again",
        "重点客户，上次满意度调查在 {date}：再次调查";
    survey_first() = "key customer never asked about satisfaction: ask", "重点客户从未做过满意度调查：请调查";
    checkback(date, summary) =
        "complaint resolved {date} ({summary}): check the customer is satisfied",
        "投诉已于 {date} 解决（{summary}）：回访确认客户满意";
    aftersale(date, what) = "order of {date} ({what}): after-sale call", "{date} 订单（{what}）：售后回访";
    opportunity(title, stage) = "\"{title}\" ({stage}): decision expected", "“{title}”（{stage}）：预计决策日";
    opportunity_with_amount(title, stage, amount) =
        "\"{title}\" ({stage}, {amount}): decision expected",
        "“{title}”（{stage}, {amount}）：预计决策日";
    handover(from, date) = "introduce yourself: taken over from {from} on {date}", "自我介绍：{date} 从{from}处接手";
    promise(made, what, due) = "promised on {made}: {what}, due {due}", "{made} 承诺：{what}，{due} 到期";
    escalate(days, target, summary) =
        "open {days} days, target {target}: escalate ({summary})",
        "投诉已 {days} 天未解决，目标 {target} 天：请升级处理（{summary}）";
    delivery_of_ref(reference, date) = "deliver {reference}, promised for {date}", "{reference} 承诺 {date} 交货";
    delivery_of_date(order, date) = "deliver the order of {order}, promised for {date}", "{order} 订单承诺 {date} 交货";
    plan_missing() = "key customer without a plan", "重点客户尚无关系管理计划";
    plan_review(date) = "review the key customer's plan by {date}", "请在 {date} 前复核重点客户计划";
    plan_review_late(date) = "the plan was due for review on {date}: review it", "客户计划应于 {date} 复核，已逾期";
}
