//! `import` reads what a careless spreadsheet gives it without guessing: rows with a cell too
//! many or too few, ambiguous amounts, blank lines, and the same file imported twice.

use std::fs;

use super::{TODAY, TempDir, exit_code, run_in, stderr, stdout};

const TEAM: &str = "[[member]]\nid = \"alex\"\nname = \"Alex\"\n";
const ACME: &str = "name = \"Acme\"\nowner = \"alex\"\nphone = \"1\"\n";

fn records(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("records/team.toml", TEAM);
    dir.write("records/customers/acme.toml", ACME);
    dir
}

fn import(dir: &TempDir, csv: &str, extra: &[&str]) -> std::process::Output {
    dir.write("in.csv", csv);
    let mut args = vec!["import", "in.csv", "--as", "orders", "--today", TODAY];
    args.extend(extra);
    run_in(dir.path(), &args)
}

fn acme(dir: &TempDir) -> String {
    fs::read_to_string(dir.path().join("records/customers/acme.toml")).unwrap_or_default()
}

#[test]
fn a_row_with_a_cell_too_many_or_too_few_is_a_problem_at_its_line() {
    let dir = records("import-cells");
    let out = import(&dir, "customer,date,amount\nacme,2026-03-01,12,50\n\nacme,2026-03-02\n", &["--write"]);
    assert_eq!(exit_code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("in.csv:2:4: this row has 4 cells but the header has 3"), "{err}");
    assert!(err.contains("in.csv:4:3: this row has 2 cells but the header has 3"), "{err}");
    assert_eq!(acme(&dir), ACME);
}

#[test]
fn problems_carry_the_files_own_line_numbers() {
    let dir = records("import-lines");
    // Blank lines, and a quoted product over two lines, before the bad date on line 7.
    let csv = "customer,date,amount,product\n\nacme,2026-03-01,12,\"two\nlines\"\n\n\nacme,2026-13-01,5,x\n";
    let out = import(&dir, csv, &[]);
    assert_eq!(exit_code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("in.csv:7:2: `2026-13-01` is not a date"), "{}", stderr(&out));
    assert!(stdout(&out).contains("row 3: add order 2026-03-01 12"), "{}", stdout(&out));
}

#[test]
fn ambiguous_amounts_are_problems_showing_the_cell() {
    let dir = records("import-amounts");
    for cell in ["\"1,50\"", "\"1,2,3\"", "\"1.234,56\"", "\"12,5\""] {
        let out = import(&dir, &format!("customer,date,amount\nacme,2026-03-01,{cell}\n"), &["--write"]);
        assert_eq!(exit_code(&out), 1, "{cell}: {}{}", stdout(&out), stderr(&out));
        let shown = format!("in.csv:2:3: `{}` is not an amount", cell.trim_matches('"'));
        assert!(stderr(&out).contains(&shown), "{cell}: {}", stderr(&out));
    }
    assert_eq!(acme(&dir), ACME, "an ambiguous amount was written");
    let out = import(&dir, "customer,date,amount\nacme,2026-03-01,\"1,234.5\"\n", &[]);
    assert!(stdout(&out).contains("add order 2026-03-01 1234.5 "), "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn a_decimal_comma_is_read_with_the_flag_or_in_a_semicolon_file() {
    let dir = records("import-decimal-comma");
    let out = import(&dir, "customer,date,amount\nacme,2026-03-01,\"1.234,56\"\n", &["--decimal-comma"]);
    assert!(stdout(&out).contains("add order 2026-03-01 1234.56 "), "{}{}", stdout(&out), stderr(&out));
    let out = import(&dir, "customer;date;amount\nacme;2026-03-01;12,50\nacme;2026-03-02;1.250\n", &[]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("add order 2026-03-01 12.5 "), "{}", stdout(&out));
    assert!(stdout(&out).contains("add order 2026-03-02 1250 "), "{}", stdout(&out));
    let out = import(&dir, "customer;date;amount\nacme;2026-03-01;12.50\n", &[]);
    assert_eq!(exit_code(&out), 1, "12.50 in a ;-file is ambiguous: {}", stdout(&out));
    assert!(
        stderr(&out).contains("in.csv:2:3: `12.50` is not an amount written with a decimal comma"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn running_the_same_import_twice_changes_nothing_the_second_time() {
    let dir = records("import-twice");
    let orders = "customer,date,amount,product\nacme,2026-03-01,12,x\nacme,2026-03-01,12,x\nacme,2026-04-01,5,\n";
    let with_refs = "customer,date,amount,ref\nacme,2026-05-01,7,SO-7\n";
    let visits = "customer,date,kind,summary\nacme,2026-03-02,visit,Samples\nacme,2026-03-02,拜访,Samples\n";
    for (csv, kind, entries) in [(orders, "orders", 3), (with_refs, "orders", 1), (visits, "interactions", 2)] {
        dir.write("in.csv", csv);
        let args = ["import", "in.csv", "--as", kind, "--write", "--today", TODAY];
        let out = run_in(dir.path(), &args);
        assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
        let once = acme(&dir);
        let out = run_in(dir.path(), &args);
        assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
        assert_eq!(acme(&dir), once, "the second {kind} import changed the file");
        assert_eq!(stdout(&out).matches("is in acme already").count(), entries, "{}", stdout(&out));
        assert!(stdout(&out).contains("changed 0"), "{}", stdout(&out));
    }
    // Payments of two orders of one file (parsed once), then the same payments again.
    dir.write("in.csv", "customer,date,amount,ref\nacme,2026-05-02,9,SO-9\n");
    assert_eq!(exit_code(&run_in(dir.path(), &["import", "in.csv", "--as", "orders", "--write", "--today", TODAY])), 0);
    dir.write("in.csv", "ref,paid\nSO-7,2026-05-03\nSO-9,2026-05-04\n");
    let args = ["import", "in.csv", "--as", "payments", "--write", "--today", TODAY];
    let out = run_in(dir.path(), &args);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let once = acme(&dir);
    assert!(once.contains("paid = 2026-05-03") && once.contains("paid = 2026-05-04"), "{once}");
    let out = run_in(dir.path(), &args);
    assert_eq!(acme(&dir), once, "the second payments import changed the file");
    assert_eq!(stdout(&out).matches("unchanged order").count(), 2, "{}", stdout(&out));
    // The same ref with another amount is a problem, not a second order.
    dir.write("in.csv", "customer,date,amount,ref\nacme,2026-05-01,8,SO-7\n");
    let out = run_in(dir.path(), &["import", "in.csv", "--as", "orders", "--write", "--today", TODAY]);
    assert_eq!(exit_code(&out), 1, "{}", stdout(&out));
    assert!(stderr(&out).contains("in.csv:2:4: acme has an order with the ref `SO-7` already"), "{}", stderr(&out));
}

#[test]
fn orders_carry_their_promised_and_delivered_dates() {
    let dir = records("import-deliveries");
    let csv = "客户,日期,金额,单号,承诺交期,实际交货\nacme,2026/3/1,12,SO-1,2026/3/10,2026年3月12日\nacme,2026-03-02,5,SO-2,2026-03-20,\n";
    let out = import(&dir, csv, &["--write"]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        &acme(&dir)[ACME.len()..],
        "\n[[order]]\ndate = 2026-03-01\namount = 12\nref = \"SO-1\"\npromised = 2026-03-10\ndelivered = 2026-03-12\n\
         \n[[order]]\ndate = 2026-03-02\namount = 5\nref = \"SO-2\"\npromised = 2026-03-20\n"
    );
    let check = run_in(dir.path(), &["check", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(exit_code(&check), 0, "{}", stderr(&check));

    let fresh = records("import-deliveries-bad");
    let csv =
        "customer,date,amount,promised,delivered\nacme,2026-03-01,12,2026-02-20,\nacme,2026-03-02,5,,2026-13-01\n";
    let out = import(&fresh, csv, &["--write"]);
    assert_eq!(exit_code(&out), 1, "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("in.csv:2:4: `promised` (2026-02-20) is before the order `date` (2026-03-01)"), "{err}");
    assert!(err.contains("in.csv:3:5: `2026-13-01` is not a date"), "{err}");
    assert_eq!(acme(&fresh), ACME, "a bad row was written");
}
