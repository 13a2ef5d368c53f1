//! Every command on trees full of extreme numbers and dates: amounts at and beyond the bound of
//! money, with too many decimals, NaN, infinity, huge integers; dates at and beyond the range;
//! a far `--today`; extreme score weights. No command may panic (exit 101), and a tree that
//! `check` accepts goes through `export` (JSON and CSV), `due` and `build`.

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;

use super::{empty_records, fuzz};
use crate::{exit_code, run_in, stderr};

/// Amounts money may be: at the bounds (10^15, 6 decimals) and anything between.
fn valid_amount() -> BoxedStrategy<String> {
    prop_oneof![
        1 => select(vec!["0", "0.000001", "1000000000000000", "999999999999999.999999", "1e15", "-0.0", "1_000.5"])
            .prop_map(str::to_string),
        3 => (0u64..=1_000_000_000_000_000, 0u32..=6).prop_map(|(n, scale)| {
            let text = n.to_string();
            match usize::try_from(scale).ok().filter(|s| *s > 0 && *s < text.len()) {
                Some(s) => format!("{}.{}", &text[..text.len() - s], &text[text.len() - s..]),
                None => text,
            }
        }),
    ]
    .boxed()
}

/// Amounts beyond the bounds or no number at all: too large, too precise, NaN, infinity.
fn any_amount() -> BoxedStrategy<String> {
    prop_oneof![
        valid_amount(),
        select(vec![
            "0.0000001",
            "1e-28",
            "0.0000000000000000000000000001",
            "1000000000000000.000001",
            "1e16",
            "50000000000000000000000000000",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "1e400",
            "nan",
            "inf",
            "-inf",
            "0x7FFFFFFFFFFFFFFF",
            "9223372036854775807",
            "12345678901234567.89",
        ])
        .prop_map(str::to_string),
    ]
    .boxed()
}

/// Amounts a decimal holds that are beyond money's bounds: their sums and ratios overflow.
fn huge_amount() -> BoxedStrategy<String> {
    select(vec![
        "50000000000000000000000000000",
        "79228162514264337593543950335",
        "1e20",
        "1000000000000000.000001",
        "0.0000000000000000000000000001",
        "1e-28",
        "1",
        "1000000000000000",
    ])
    .prop_map(str::to_string)
    .boxed()
}

/// Dates of the last two years before 2026-11-25: in the windows of analysis.
fn recent_date() -> BoxedStrategy<String> {
    (2025i32..=2026, 1u32..=11, 1u32..=25).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")).boxed()
}

/// Dates within the range, its two ends most often.
fn valid_date() -> BoxedStrategy<String> {
    prop_oneof![
        1 => select(vec!["1800-01-01", "9999-12-31", "2026-11-25"]).prop_map(str::to_string),
        2 => (1800i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    ]
    .boxed()
}

/// Dates within the range and just outside it.
fn any_date() -> BoxedStrategy<String> {
    prop_oneof![valid_date(), select(vec!["1799-12-31", "0000-01-01", "0001-01-01"]).prop_map(str::to_string)].boxed()
}

/// Score weights up to the bound (1000), or beyond it and beyond a decimal.
fn weight(valid: bool) -> BoxedStrategy<String> {
    let mut values = vec!["1", "0", "0.5", "1000", "0.000001"];
    if !valid {
        values.extend(["1000.000001", "79228162514264337593543950335", "1e30"]);
    }
    select(values).prop_map(str::to_string).boxed()
}

/// `--today`: the ends of the range, or beyond it.
fn today(valid: bool) -> BoxedStrategy<String> {
    let mut values = vec!["2026-11-25", "2026-11-25", "1800-01-01", "9999-12-31"];
    if !valid {
        values.extend(["1799-12-31", "+262142-12-25", "-0001-01-01"]);
    }
    select(values).prop_map(str::to_string).boxed()
}

#[derive(Debug, Clone)]
struct Tree {
    today: String,
    weights: (String, String),
    credit_limit: String,
    orders: Vec<(String, String, String, Option<String>)>,
    opportunity: (String, String),
    contract_end: String,
}

/// Which values a generated tree holds.
#[derive(Clone, Copy)]
enum Mode {
    /// Only valid values, at their edges.
    Valid,
    /// Any values, valid or not.
    Any,
    /// Amounts a decimal holds beyond money's bounds, dated in the analysis windows.
    Huge,
}

fn tree_of(mode: Mode) -> BoxedStrategy<Tree> {
    let (amount, date) = match mode {
        Mode::Valid => (valid_amount(), valid_date()),
        Mode::Any => (any_amount(), any_date()),
        Mode::Huge => (huge_amount(), recent_date()),
    };
    let valid = !matches!(mode, Mode::Any);
    (
        today(valid),
        (weight(valid), weight(valid)),
        amount.clone(),
        prop::collection::vec(
            (date.clone(), amount.clone(), amount.clone(), prop::option::weighted(0.3, date.clone())),
            1..4,
        ),
        (date.clone(), amount),
        date,
    )
        .prop_map(|(today, weights, credit_limit, orders, opportunity, contract_end)| Tree {
            today,
            weights,
            credit_limit,
            orders,
            opportunity,
            contract_end,
        })
        .boxed()
}

fn tree() -> impl Strategy<Value = Tree> {
    prop_oneof![tree_of(Mode::Valid), tree_of(Mode::Any), tree_of(Mode::Huge)]
}

fn customer(t: &Tree) -> String {
    let mut text = format!(
        "name = \"Acme\"\nowner = \"alex\"\nphone = \"1\"\nsince = 1800-01-01\ncredit_limit = {}\n",
        t.credit_limit
    );
    for (date, amount, cost, due) in &t.orders {
        text.push_str(&format!("\n[[order]]\ndate = {date}\namount = {amount}\ncost = {cost}\n"));
        if let Some(due) = due {
            text.push_str(&format!("due = {due}\n"));
        }
    }
    let (opened, amount) = &t.opportunity;
    text.push_str(&format!("\n[[opportunity]]\nopened = {opened}\ntitle = \"x\"\namount = {amount}\n"));
    text.push_str(&format!("\n[[interaction]]\ndate = {opened}\nkind = \"call\"\nsummary = \"x\"\n"));
    text.push_str(&format!("\n[[contract]]\nkind = \"warranty\"\nend = {}\n", t.contract_end));
    text
}

/// Runs every command on the tree; the exit code they share.
fn every_command(t: &Tree) -> Result<i32, TestCaseError> {
    let dir = empty_records("extremes");
    dir.write("records/team.toml", "[[member]]\nid = \"alex\"\nname = \"Alex\"\n");
    dir.write("records/cardfile.toml", &format!("[weights]\nrevenue = {}\nprofit = {}\n", t.weights.0, t.weights.1));
    dir.write("records/customers/acme.toml", &customer(t));
    dir.write("records/customers/beta.toml", "name = \"Beta\"\nowner = \"alex\"\nphone = \"2\"\n");
    let today = format!("--today={}", t.today);
    let base = ["--records", "records", today.as_str()];
    let commands: [&[&str]; 5] = [
        &["check"],
        &["export", "--format", "json"],
        &["export", "--format", "csv"],
        &["due", "--days", "36500"],
        &["build", "--out", "site"],
    ];
    let mut exits = Vec::new();
    for command in commands {
        let args: Vec<&str> = command.iter().copied().chain(base).collect();
        let output = run_in(dir.path(), &args);
        let (exit, err) = (exit_code(&output), stderr(&output));
        prop_assert!(exit != 101 && !err.contains("panicked"), "{args:?} panicked on\n{}\n{err}", customer(t));
        prop_assert!([0, 1, 2].contains(&exit), "{args:?}: exit {exit}\n{err}");
        exits.push(exit);
    }
    // A tree that check accepts goes through every command; one it refuses stops them all
    // the same way.
    prop_assert!(exits.iter().all(|e| *e == exits[0]), "exit codes {exits:?} on\n{}", customer(t));
    Ok(exits[0])
}

#[test]
fn a_tree_at_every_bound_goes_through_every_command() {
    let s = str::to_string;
    let t = Tree {
        today: s("9999-12-31"),
        weights: (s("1000"), s("0.000001")),
        credit_limit: s("1000000000000000"),
        orders: vec![
            (s("1800-01-01"), s("999999999999999.999999"), s("0.000001"), None),
            (s("9999-12-30"), s("1000000000000000"), s("0"), Some(s("9999-12-31"))),
        ],
        opportunity: (s("1800-01-01"), s("1000000000000000")),
        contract_end: s("9999-12-31"),
    };
    assert_eq!(every_command(&t).map_err(|e| e.to_string()), Ok(0), "{}", customer(&t));
}

#[test]
fn every_command_survives_extreme_numbers_and_dates() {
    // Five processes a case: 16 cases by default, 240 under `.ci/run`'s 12,000.
    fuzz(0.02, tree(), |t| every_command(&t).map(|_| ()));
}
