//! The few words the charts add themselves: empty charts, accessible names, tooltips.

words! {
    NO_DATA "chart_no_data" = "No data", "暂无数据";
    CUMULATIVE_SHARE "chart_cumulative_share" = "Cumulative share of revenue", "收入累计占比";
}

messages! {
    bars(title, bars, label, value) = "{title}: {bars} bars, highest {label} {value}", "{title}：{bars} 项，最高 {label} {value}";
    sparkline(title, high, high_value, low, low_value) =
        "{title}: highest {high} {high_value}, lowest {low} {low_value}",
        "{title}: 最高 {high} {high_value}, 最低 {low} {low_value}";
    sparkline_empty(title) = "{title}: No data", "{title}: 暂无数据";
    pareto(title, customers) = "{title}: {customers} customers ranked by revenue", "{title}: {customers} 位客户，按收入排序";
    pareto_area(class, customers, share) = "{class}: {customers} customers, {share} %", "{class}: {customers} 位客户, {share} %";
    pareto_bar(rank, name, value, cumulative) =
        "#{rank} {name}: {value} · cumulative {cumulative} %",
        "#{rank} {name}: {value} · 累计 {cumulative} %";
    pareto_bars(first, last, customers, from, to, cumulative) =
        "#{first}–#{last} ({customers} customers): {from} … {to} · cumulative {cumulative} %",
        "#{first}–#{last} ({customers} 位客户): {from} … {to} · 累计 {cumulative} %";
    pareto_ranks(customers) = "Share of customers ({customers}), largest first", "客户占比（共 {customers} 位），按收入从高到低";
    week(week) = "week {week}", "第 {week} 周";
}
