//! What each kind of import reads: its fields, their English and Chinese column names, and
//! how a spreadsheet cell becomes a TOML value (dates, amounts, tags, choices).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use toml_edit::{Array, Datetime, Value};

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Free text.
    Text,
    /// A customer id (`^[a-z0-9][a-z0-9-]{0,63}$`).
    Id,
    /// A date: `2026-03-04`, `2026/3/4`, `2026年3月4日`.
    Date,
    /// Money: `12,000.50`, `¥12000`.
    Money,
    /// A whole number.
    Number,
    /// A list separated by `;` or `、`.
    Tags,
    /// `company` or `person` (公司, 个人).
    CustomerKind,
    /// An interaction kind (拜访, 电话, …).
    InteractionKind,
}

/// One field an import can fill.
#[derive(Debug)]
pub struct Field {
    /// The TOML key (also the English column name).
    pub key: &'static str,
    /// Other column names, compared without case.
    pub aliases: &'static [&'static str],
    /// What the cell holds.
    pub kind: Type,
    /// Whether every row needs it.
    pub required: bool,
}

const fn f(key: &'static str, aliases: &'static [&'static str], kind: Type, required: bool) -> Field {
    Field { key, aliases, kind, required }
}

/// The column a customer's id is in, for orders, interactions and payments.
const CUSTOMER: &[&str] = &["客户", "客户编号", "客户名称", "customer id"];

/// Columns of a customers import.
pub const CUSTOMERS: &[Field] = &[
    f("id", &["编号", "客户编号", "代码", "客户代码"], Type::Id, true),
    f("name", &["名称", "客户名称", "客户", "姓名"], Type::Text, true),
    f("kind", &["类型", "客户类型"], Type::CustomerKind, false),
    f("owner", &["负责人", "业务员", "销售"], Type::Text, true),
    f("region", &["区域", "地区"], Type::Text, false),
    f("tags", &["标签"], Type::Tags, false),
    f("since", &["客户起始", "起始日期", "开始日期"], Type::Date, false),
    f("relationship", &["关系", "关系级别"], Type::Text, false),
    f("prospect", &["前景", "发展前景"], Type::Number, false),
    f("credit_limit", &["信用额度"], Type::Money, false),
    f("cadence_days", &["联系周期"], Type::Number, false),
    f("phone", &["电话", "手机", "联系电话"], Type::Text, false),
    f("email", &["邮箱", "电子邮件", "e-mail"], Type::Text, false),
    f("wechat", &["微信"], Type::Text, false),
    f("address", &["地址"], Type::Text, false),
    f("birthday", &["生日"], Type::Date, false),
    f("notes", &["备注"], Type::Text, false),
];

/// Columns of an orders import.
pub const ORDERS: &[Field] = &[
    f("customer", CUSTOMER, Type::Text, true),
    f("date", &["日期", "下单日期", "订单日期"], Type::Date, true),
    f("amount", &["金额", "销售额"], Type::Money, true),
    f("cost", &["成本"], Type::Money, false),
    f("ref", &["单号", "订单号"], Type::Text, false),
    f("product", &["产品", "品名"], Type::Text, false),
    f("due", &["到期日", "应付日期"], Type::Date, false),
    f("paid", &["付款日", "付款日期"], Type::Date, false),
    f("promised", &["承诺交期", "承诺交货", "承诺交货日期", "promised delivery"], Type::Date, false),
    f("delivered", &["实际交货", "实际交货日期", "交货日期", "delivery date"], Type::Date, false),
];

/// Columns of an interactions import.
pub const INTERACTIONS: &[Field] = &[
    f("customer", CUSTOMER, Type::Text, true),
    f("date", &["日期"], Type::Date, true),
    f("kind", &["方式", "类型"], Type::InteractionKind, true),
    f("summary", &["摘要", "内容"], Type::Text, true),
    f("by", &["经办", "经办人"], Type::Text, false),
    f("next", &["下次", "下次联系"], Type::Date, false),
    f("satisfaction", &["满意度"], Type::Number, false),
];

/// Columns of a payments import: which order (by `ref`) was paid on which day.
pub const PAYMENTS: &[Field] = &[
    f("ref", &["单号", "订单号"], Type::Text, true),
    f("paid", &["付款日", "付款日期", "日期"], Type::Date, true),
    f("customer", CUSTOMER, Type::Text, false),
];

/// The field a column header names, if any.
pub fn by_header<'a>(fields: &'a [Field], header: &str) -> Option<&'a Field> {
    let header = header.trim();
    fields
        .iter()
        .find(|f| f.key.eq_ignore_ascii_case(header) || f.aliases.iter().any(|a| a.eq_ignore_ascii_case(header)))
}

/// Parses a date as spreadsheets write it; a time after the date (`2026/3/4 0:00`) is ignored.
pub fn date(cell: &str) -> Option<NaiveDate> {
    let cell = cell.split_whitespace().next()?;
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"].iter().find_map(|f| NaiveDate::parse_from_str(cell, f).ok())
}

/// Parses an amount of money written in one unambiguous form: `1234.56` or `1,234.56` (`,`
/// grouping thousands in threes), or with `decimal_comma` `1234,56` or `1.234,56`. A currency
/// sign (`¥`, `￥`, `RMB`, `CNY`) before it, `元` after it and blanks around it are allowed;
/// `，` is read as `,`. Anything else (`1,50`, `1,2,3`, `1.234,56` without `decimal_comma`) is
/// `None`: the import says so rather than guess.
pub fn money(cell: &str, decimal_comma: bool) -> Option<Decimal> {
    let cell = cell.trim();
    let cell = ["¥", "￥", "RMB", "CNY"].iter().find_map(|p| cell.strip_prefix(p)).unwrap_or(cell).trim_start();
    let cell = cell.strip_suffix('元').unwrap_or(cell).trim_end();
    let (negative, digits) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let digits = digits.replace('，', ",");
    let (group, point) = if decimal_comma { ('.', ',') } else { (',', '.') };
    let (whole, fraction) = match digits.split_once(point) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits.as_str(), None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !fraction.is_none_or(all_digits) {
        return None;
    }
    let mut groups = whole.split(group);
    let head = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    let grouped = rest.is_empty() || (head.len() <= 3 && rest.iter().all(|g| g.len() == 3));
    if !all_digits(head) || !grouped || !rest.iter().all(|g| all_digits(g)) {
        return None;
    }
    let mut plain = String::with_capacity(digits.len() + 1);
    if negative {
        plain.push('-');
    }
    plain.push_str(head);
    rest.iter().for_each(|g| plain.push_str(g));
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    plain.parse().ok()
}

/// The TOML value of a date.
pub fn date_value(d: NaiveDate) -> Value {
    let text = d.format("%Y-%m-%d").to_string();
    text.parse::<Datetime>().map_or_else(|_| Value::from(text), Value::from)
}

/// Splits a tags cell on `;`, `；` and `、`.
pub fn tags(cell: &str) -> Value {
    let mut array = Array::new();
    for tag in cell.split([';', '；', '、']).map(str::trim).filter(|t| !t.is_empty()) {
        array.push(tag);
    }
    Value::Array(array)
}

/// `company`/`person`, from English or Chinese; anything else is passed on for validation.
pub fn customer_kind(cell: &str) -> String {
    match cell.trim() {
        "公司" | "企业" | "单位" => "company".into(),
        "个人" | "私人" => "person".into(),
        other => other.to_ascii_lowercase(),
    }
}

/// An interaction kind, from English or Chinese; anything else is passed on for validation.
pub fn interaction_kind(cell: &str) -> String {
    match cell.trim() {
        "拜访" | "走访" | "上门" => "visit".into(),
        "电话" => "call".into(),
        "消息" | "短信" | "微信" => "message".into(),
        "邮件" | "电子邮件" => "email".into(),
        "会议" | "开会" => "meeting".into(),
        "活动" | "展会" => "event".into(),
        other => other.to_ascii_lowercase(),
    }
}

/// Turns a cell into the field's TOML value, or says what is wrong with it. `decimal_comma`:
/// amounts are written `1.234,56` (see [`money`]).
pub fn value(field: &Field, cell: &str, decimal_comma: bool) -> Result<Value, String> {
    match field.kind {
        Type::Text => Ok(Value::from(cell)),
        Type::Id if crate::records::valid_id(cell) => Ok(Value::from(cell)),
        Type::Id => Err(format!(
            "`{cell}` is not an id: use lower-case letters, digits and `-` (at most 64, not starting with `-`)"
        )),
        Type::Date => date(cell)
            .map(date_value)
            .ok_or_else(|| format!("`{cell}` is not a date like 2026-03-04, 2026/3/4 or 2026年3月4日")),
        Type::Money => match money(cell, decimal_comma) {
            Some(m) if m.is_sign_negative() && !m.is_zero() => {
                Err(format!("`{cell}` is negative; money is never negative"))
            }
            Some(m) => crate::edit::money(m).map_err(|_| format!("`{cell}` has too many digits to be kept exactly")),
            None if decimal_comma => Err(format!(
                "`{cell}` is not an amount written with a decimal comma, like 1234,56 or 1.234,56 \
                 (`.` grouping thousands in threes)"
            )),
            None => Err(format!(
                "`{cell}` is not an amount like 1234.56, 1,234.56 or ¥12000 (`,` groups thousands in threes; \
                 for a decimal comma, as in 1234,56, pass --decimal-comma)"
            )),
        },
        Type::Number => cell
            .parse::<u32>()
            .map(|n| Value::from(i64::from(n)))
            .map_err(|_| format!("`{cell}` is not a whole number")),
        Type::Tags => Ok(tags(cell)),
        Type::CustomerKind => Ok(Value::from(customer_kind(cell))),
        Type::InteractionKind => Ok(Value::from(interaction_kind(cell))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_three_spellings() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 4);
        assert_eq!(date("2026-03-04"), d);
        assert_eq!(date("2026/3/4"), d);
        assert_eq!(date("2026年3月4日"), d);
        assert_eq!(date("2026/3/4 0:00"), d);
        assert_eq!(date("3/4/2026"), None);
    }

    #[test]
    fn amounts_with_separators_and_currency() {
        assert_eq!(money("12,000.50", false), Some(Decimal::new(1200050, 2)));
        assert_eq!(money("¥12000", false), Some(Decimal::from(12000)));
        assert_eq!(money("￥ 1,200元", false), Some(Decimal::from(1200)));
        assert_eq!(money("1,234,567.5", false), Some(Decimal::new(12345675, 1)));
        assert_eq!(money("12k", false), None);
    }

    #[test]
    fn ambiguous_amounts_are_refused() {
        for cell in
            ["1,50", "1,2,3", "1.234,56", "12,50", "1,2345.6", "1234,567.0", ",5", "5.", "1.2.3", "1 234", "--1", "1e9"]
        {
            assert_eq!(money(cell, false), None, "{cell}");
        }
        for cell in ["1,234.56", "12.5.6", "1,2,3", "1.23,4.5", "1.2345,6", "1.5"] {
            assert_eq!(money(cell, true), None, "{cell}");
        }
        assert_eq!(money("1.234,56", true), Some(Decimal::new(123456, 2)));
        assert_eq!(money("1234,56", true), Some(Decimal::new(123456, 2)));
        assert_eq!(money("12,50", true), Some(Decimal::new(1250, 2)));
        assert_eq!(money("1.234", true), Some(Decimal::from(1234)));
    }

    #[test]
    fn tags_split_on_both_separators() {
        assert_eq!(tags("a; 高端、b").to_string(), r#"["a", "高端", "b"]"#);
    }

    #[test]
    fn headers_in_both_languages() {
        assert_eq!(by_header(CUSTOMERS, "客户名称").map(|f| f.key), Some("name"));
        assert_eq!(by_header(ORDERS, "Amount").map(|f| f.key), Some("amount"));
        assert!(by_header(ORDERS, "金额（元）").is_none());
        assert_eq!(by_header(ORDERS, "承诺交期").map(|f| f.key), Some("promised"));
        assert_eq!(by_header(ORDERS, "实际交货").map(|f| f.key), Some("delivered"));
        assert_eq!(by_header(ORDERS, "Delivered").map(|f| f.key), Some("delivered"));
    }

    #[test]
    fn every_field_but_the_customer_is_a_key_of_the_record_it_fills() {
        use crate::records::keys;
        for (fields, table) in [
            (CUSTOMERS, keys::CUSTOMER),
            (ORDERS, keys::ORDER),
            (INTERACTIONS, keys::INTERACTION),
            (PAYMENTS, keys::ORDER),
        ] {
            // `id` is the file name and `customer` the file, not keys.
            for field in fields.iter().filter(|f| !matches!(f.key, "id" | "customer")) {
                assert!(table.contains(&field.key), "`{}` is no key of its table in records::keys", field.key);
            }
        }
    }
}
