//! The words of the commands people read in the terminal (`cardfile due`, `init`, `new`).

words! {
    NEXT_STEPS "init_next_steps" = "Next steps:\n", "接下来：\n";
    STEP_GIT_INIT "init_git_init" = "start the git repository", "新建 git 仓库";
    STEP_HOOKS "init_hooks" = "run cardfile check before every commit", "每次提交前运行 cardfile check";
    STEP_DRIVER_NAME "init_driver_name" = "the merge driver of customer files (.gitattributes)", "客户文件的合并程序（.gitattributes）";
    STEP_DRIVER "init_driver" = "merge them entry by entry; or run cardfile git-setup", "按条目合并客户文件；或运行 cardfile git-setup";
    STEP_CHECK "init_check" = "check the records", "检查记录";
    STEP_NEW_COMMAND "init_new_command" =
        "cardfile new acme --name \"Acme Ltd.\" --owner alex",
        "cardfile new acme --name \"某某公司\" --owner zhang";
    STEP_NEW "init_new" = "add a customer", "新建客户";
    STEP_LOG_COMMAND "init_log_command" =
        "cardfile log acme --kind visit --summary \"Showed the new line\"",
        "cardfile log acme --kind visit --summary \"拜访，介绍新产品\"";
    STEP_LOG "init_log" = "log a visit", "记录一次拜访";
    STEP_BUILD "init_build" = "build the site into site/, open site/index.html", "生成网站到 site/，打开 site/index.html";
    NEW_OWNER "new_owner" = "a member id from team.toml", "team.toml 中的成员 id";
    NEW_SINCE "new_since" = "customer since", "成为客户的日期";
    NEW_PROSPECT "new_prospect" = "development prospect 1..5", "发展前景 1..5";
    NEW_CONTACTS "new_contacts" = "People inside the customer:", "客户方的联系人：";
    NEW_PLAN "new_plan" = "The relationship plan, for a key customer:", "关系管理计划（重点客户）：";
    NEW_PLAN_GOAL "new_plan_goal" = "what the relationship is to achieve", "关系要达到的目标";
    NEW_PLAN_REVIEW "new_plan_review" = "the next review", "下次复查日期";
}

messages! {
    nothing_due(days) = "nothing due in the next {days} days", "未来 {days} 天没有待办事项";
    next_steps_end(url) =
        "  Edit .github/workflows/cardfile.yml or .gitlab-ci.yml: replace {url} with the git URL of cardfile.\n  Editor completion: install Taplo / Even Better TOML (.taplo.toml is set up). Delete the example, records/customers/example.toml.",
        "  编辑 .github/workflows/cardfile.yml 或 .gitlab-ci.yml：把 {url} 换成 cardfile 源码的 git 地址。\n  编辑器补全：安装 Taplo / Even Better TOML（.taplo.toml 已配置）。删除示例 records/customers/example.toml。";
    new_customer_head(id) =
        "Customer `{id}`. Every key: docs/records.md. Log visits and orders with `cardfile log`.",
        "客户 `{id}`。 每个键的说明见 docs/records.md。用 `cardfile log` 记录拜访和订单。";
}
