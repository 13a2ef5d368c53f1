//! What each table and key of a customer file means (SPEC 3 and 10.1): the JSON Schema's
//! descriptions, which editors show.

words! {
    CUSTOMER "schema.customer" =
        "A customer of the team: one file per customer; the file name is the customer's id.",
        "一个客户：每个客户一个文件，文件名就是客户的 id。";
    CONTACT "schema.contact" = "A person inside the customer.", "客户方的联系人。";
    INTERACTION "schema.interaction" = "A visit, call, message, e-mail, meeting or event.", "一次拜访、电话、消息、邮件、会议或活动。";
    ORDER "schema.order" = "A sale.", "一笔交易。";
    COMPLAINT "schema.complaint" = "A complaint.", "一次投诉。";
    CONTRACT "schema.contract" = "A warranty, service contract or subscription.", "保修、服务合同或订阅。";
    OPPORTUNITY "schema.opportunity" = "A sales opportunity.", "一个销售机会。";
    HANDOVER "schema.handover" = "The customer changed owner.", "客户移交。";
    LOSS "schema.loss" = "The customer is lost, and why.", "客户流失及原因。";
    CUSTOMER_NAME "schema.customer.name" = "The customer's full name.", "客户全称。";
    CUSTOMER_KIND "schema.customer.kind" = "A company or a private person.", "公司或个人。";
    CUSTOMER_OWNER "schema.customer.owner" =
        "The team member (id in team.toml) responsible for this customer.",
        "负责该客户的团队成员（team.toml 中的 id）。";
    CUSTOMER_REGION "schema.customer.region" = "Region, free text (used for the region pages).", "区域，自由填写（用于区域页面）。";
    CUSTOMER_TAGS "schema.customer.tags" = "Free tags, e.g. [\"wholesale\"].", "自由标签，例如 [\"批发\"]。";
    CUSTOMER_SINCE "schema.customer.since" = "Customer since this date.", "成为客户的日期。";
    CUSTOMER_RELATIONSHIP "schema.customer.relationship" =
        "How close the relationship is: basic, reactive, accountable, proactive or partner.",
        "关系层次：basic、reactive、accountable、proactive 或 partner。";
    CUSTOMER_PROSPECT "schema.customer.prospect" =
        "Development prospect, a judgement from 1 (poor) to 5 (excellent).",
        "发展前景，从 1（差）到 5（极好）的判断。";
    CUSTOMER_CREDIT_LIMIT "schema.customer.credit_limit" =
        "Credit limit: open receivables above it are flagged.",
        "信用额度：未收款超过此值时标出。";
    CUSTOMER_CADENCE_DAYS "schema.customer.cadence_days" =
        "Days between contacts; overrides the class cadence.",
        "联系间隔（天）；优先于按类别的间隔。";
    CUSTOMER_PHONE "schema.customer.phone" = "Phone number.", "电话号码。";
    CUSTOMER_EMAIL "schema.customer.email" = "E-mail address.", "邮箱地址。";
    CUSTOMER_WECHAT "schema.customer.wechat" = "WeChat id.", "微信号。";
    CUSTOMER_ADDRESS "schema.customer.address" = "Postal address.", "通信地址。";
    CUSTOMER_BIRTHDAY "schema.customer.birthday" =
        "Birthday (person customers only; a warning on a company).",
        "生日（仅限个人客户；公司客户填写会有警告）。";
    CUSTOMER_ARCHIVED "schema.customer.archived" =
        "true keeps the record but leaves it out of every computation and the agenda.",
        "true：保留记录，但不参与任何计算，也不进入待办。";
    CUSTOMER_NOTES "schema.customer.notes" = "Notes, in Markdown.", "备注，Markdown 格式。";
    CUSTOMER_REFERRED_BY "schema.customer.referred_by" =
        "The id of the customer who referred this one.",
        "介绍该客户的客户 id。";
    CUSTOMER_LOSS "schema.customer.loss" = "The customer is lost, and why.", "客户已流失，及其原因。";
    CUSTOMER_CONTACT "schema.customer.contact" = "People inside the customer.", "客户方的联系人。";
    CUSTOMER_INTERACTION "schema.customer.interaction" =
        "Visits, calls, messages: every contact with the customer.",
        "拜访、电话、消息：与客户的每一次联系。";
    CUSTOMER_ORDER "schema.customer.order" = "Sales.", "销售订单。";
    CUSTOMER_COMPLAINT "schema.customer.complaint" = "Complaints and how they were resolved.", "投诉及其处理。";
    CUSTOMER_CONTRACT "schema.customer.contract" = "Warranties, service contracts, subscriptions.", "保修、服务合同、订阅。";
    CUSTOMER_OPPORTUNITY "schema.customer.opportunity" = "Sales opportunities.", "销售机会。";
    CUSTOMER_HANDOVER "schema.customer.handover" = "The customer changed owner.", "客户更换了负责人。";
    CONTACT_NAME "schema.contact.name" = "The person's name.", "联系人姓名。";
    CONTACT_TITLE "schema.contact.title" = "Job title.", "职务。";
    CONTACT_ROLE "schema.contact.role" = "Role in buying.", "在采购中的角色。";
    CONTACT_STANCE "schema.contact.stance" = "Attitude towards us.", "对我方的态度。";
    CONTACT_PHONE "schema.contact.phone" = "Phone number.", "电话号码。";
    CONTACT_EMAIL "schema.contact.email" = "E-mail address.", "邮箱地址。";
    CONTACT_WECHAT "schema.contact.wechat" = "WeChat id.", "微信号。";
    CONTACT_BIRTHDAY "schema.contact.birthday" =
        "Birthday: a date, or \"MM-DD\" when the year is unknown.",
        "生日：日期，或不知道年份时写 \"MM-DD\"。";
    CONTACT_LEFT "schema.contact.left" = "The person left the customer on this date.", "此人离开客户的日期。";
    INTERACTION_DATE "schema.interaction.date" = "When it happened.", "发生日期。";
    INTERACTION_KIND "schema.interaction.kind" = "What kind of contact it was.", "联系方式。";
    INTERACTION_BY "schema.interaction.by" = "The team member who made it (default: the owner).", "经办的团队成员（默认为负责人）。";
    INTERACTION_SUMMARY "schema.interaction.summary" =
        "What was said and agreed, in Markdown.",
        "谈了什么、约定了什么，Markdown 格式。";
    INTERACTION_NEXT "schema.interaction.next" = "The next follow-up agreed.", "约定的下次跟进日期。";
    INTERACTION_SATISFACTION "schema.interaction.satisfaction" =
        "Customer satisfaction: 5 highly satisfied … 1 very dissatisfied.",
        "客户满意度：5 非常满意 … 1 非常不满意。";
    ORDER_DATE "schema.order.date" = "The order date.", "下单日期。";
    ORDER_AMOUNT "schema.order.amount" =
        "The amount, in the settings' currency, never negative.",
        "金额，以设置中的币种计，不能为负。";
    ORDER_COST "schema.order.cost" = "Our cost (enables profit), never negative.", "我方成本（用于计算利润），不能为负。";
    ORDER_REF "schema.order.ref" = "Order reference, unique within the customer.", "订单号，在同一客户内唯一。";
    ORDER_PRODUCT "schema.order.product" = "What was sold.", "所售产品。";
    ORDER_DUE "schema.order.due" = "Sold on credit: payable by this date.", "赊销：应付款日期。";
    ORDER_PAID "schema.order.paid" =
        "Fully paid on this date (only meaningful with `due`).",
        "全额付清的日期（仅在有 `due` 时有意义）。";
    COMPLAINT_OPENED "schema.complaint.opened" = "When the complaint was made.", "投诉提出的日期。";
    COMPLAINT_SUMMARY "schema.complaint.summary" = "What the customer complained about.", "客户投诉的内容。";
    COMPLAINT_SEVERITY "schema.complaint.severity" = "How serious it is.", "严重程度。";
    COMPLAINT_RESOLVED "schema.complaint.resolved" =
        "When it was resolved (not before `opened`).",
        "解决日期（不早于 `opened`）。";
    COMPLAINT_RESOLUTION "schema.complaint.resolution" = "How it was resolved.", "处理结果。";
    COMPLAINT_CATEGORY "schema.complaint.category" = "What it concerns.", "投诉类别。";
    COMPLAINT_BY "schema.complaint.by" = "The team member handling it.", "处理投诉的团队成员。";
    CONTRACT_KIND "schema.contract.kind" =
        "What kind of contract, free text (e.g. \"warranty\").",
        "合同类型，自由填写（例如 \"保修\"）。";
    CONTRACT_START "schema.contract.start" = "When it starts.", "开始日期。";
    CONTRACT_END "schema.contract.end" = "When it ends (renewal reminders count from here).", "结束日期（续约提醒从此日期起算）。";
    OPPORTUNITY_OPENED "schema.opportunity.opened" = "When it was found.", "发现机会的日期。";
    OPPORTUNITY_TITLE "schema.opportunity.title" = "What it is about.", "机会的内容。";
    OPPORTUNITY_AMOUNT "schema.opportunity.amount" = "in the settings' currency, never negative", "以设置中的币种计，不能为负";
    OPPORTUNITY_STAGE "schema.opportunity.stage" = "Where it stands.", "所处阶段。";
    OPPORTUNITY_EXPECTED "schema.opportunity.expected" = "Expected decision date.", "预计决策日期。";
    OPPORTUNITY_CLOSED "schema.opportunity.closed" =
        "When it was decided; required when the stage is won or lost.",
        "作出决定的日期；阶段为 won 或 lost 时必填。";
    HANDOVER_DATE "schema.handover.date" = "When the customer was handed over.", "移交日期。";
    HANDOVER_FROM "schema.handover.from" = "The previous owner (a team id; may have left).", "原负责人（团队 id；可以已离开）。";
    HANDOVER_TO "schema.handover.to" =
        "The new owner (a team id; the latest handover's `to` is the `owner`).",
        "新负责人（团队 id；最近一次移交的 `to` 就是 `owner`）。";
    LOSS_DATE "schema.loss.date" = "When the customer was lost.", "流失日期。";
    LOSS_REASON "schema.loss.reason" = "Why.", "原因。";
    LOSS_NOTES "schema.loss.notes" = "Notes, in Markdown.", "备注，Markdown 格式。";
    CUSTOMER_PROMISE "schema.customer.promise" =
        "What we told the customer we would do (说到做到).",
        "对客户作出的承诺（说到做到）。";
    CUSTOMER_PLAN "schema.customer.plan" =
        "The relationship plan of a key customer (关系管理计划).",
        "重点客户的关系管理计划。";
    ORDER_PROMISED "schema.order.promised" =
        "The delivery date promised to the customer (not before `date`).",
        "向客户承诺的交货日期（不早于 `date`）。";
    ORDER_DELIVERED "schema.order.delivered" =
        "The day it was delivered (not before `date`).",
        "实际交货日期（不早于 `date`）。";
    COMPLAINT_RESPONDED "schema.complaint.responded" =
        "The first answer to the customer (not before `opened`).",
        "首次答复客户的日期（不早于 `opened`）。";
    OPPORTUNITY_REASON "schema.opportunity.reason" =
        "Why it was won or lost (a warning when a won or lost opportunity has none).",
        "赢单或丢单的原因（赢单或丢单而未填写时给出警告）。";
    OPPORTUNITY_COMPETITOR "schema.opportunity.competitor" = "The competitor it was up against.", "竞争对手。";
    OPPORTUNITY_OBJECTIONS "schema.opportunity.objections" =
        "What the customer objected to, e.g. [\"价格\", \"交期\"].",
        "客户提出的异议，例如 [\"价格\", \"交期\"]。";
    PROMISE "schema.promise" = "A promise made to the customer.", "对客户的一项承诺。";
    PROMISE_MADE "schema.promise.made" = "When the promise was made.", "作出承诺的日期。";
    PROMISE_DUE "schema.promise.due" = "When it is due (not before `made`).", "承诺到期日（不早于 `made`）。";
    PROMISE_WHAT "schema.promise.what" = "What was promised, in Markdown.", "承诺的内容，Markdown 格式。";
    PROMISE_BY "schema.promise.by" =
        "The team member who made it (default: the owner).",
        "作出承诺的团队成员（默认：负责人）。";
    PROMISE_KEPT "schema.promise.kept" = "The day it was done (not before `made`).", "兑现日期（不早于 `made`）。";
    PLAN "schema.plan" = "The relationship plan of a key customer.", "重点客户的关系管理计划。";
    PLAN_GOAL "schema.plan.goal" = "What the plan aims at, in Markdown.", "计划目标，Markdown 格式。";
    PLAN_REVIEW "schema.plan.review" = "The next review of the plan.", "下次复核计划的日期。";
}
