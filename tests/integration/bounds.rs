//! Dates and money at and beyond their bounds where they come from the command line: `--today`
//! of every command, `log --date`, and the amounts `log` writes into a record.

use std::fs;

use crate::{TODAY, TempDir, exit_code, run_in, stderr};

/// A team and one customer, `acme`, in `records/`.
fn tree(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("records/team.toml", "[[member]]\nid = \"alex\"\nname = \"Alex\"\n");
    dir.write("records/customers/acme.toml", "name = \"Acme\"\nowner = \"alex\"\nphone = \"1\"\n");
    dir
}

fn acme(dir: &TempDir) -> String {
    fs::read_to_string(dir.path().join("records/customers/acme.toml")).expect("acme.toml")
}

#[test]
fn a_today_outside_the_range_is_a_usage_error_for_every_command() {
    let dir = tree("today-range");
    for today in ["+262142-12-25", "1799-12-31", "-0001-01-01", "+10000-01-01"] {
        let flag = format!("--today={today}");
        let commands: [&[&str]; 6] = [
            &["check"],
            &["build", "--out", "site"],
            &["export", "--format", "json"],
            &["due"],
            &["new", "beta", "--name", "Beta", "--owner", "alex"],
            &["log", "acme", "--kind", "call", "--summary", "x"],
        ];
        for command in commands {
            let args: Vec<&str> = command.iter().copied().chain(["--records", "records", flag.as_str()]).collect();
            let output = run_in(dir.path(), &args);
            assert_eq!(exit_code(&output), 2, "{args:?}: {}", stderr(&output));
            assert!(
                stderr(&output).contains("is outside the dates cardfile works with (from 1800-01-01 to 9999-12-31)"),
                "{args:?}: {}",
                stderr(&output)
            );
        }
    }
    assert!(!dir.path().join("site").exists() && !dir.path().join("records/customers/beta.toml").exists());
    for today in ["1800-01-01", "9999-12-31"] {
        let output = run_in(dir.path(), &["build", "--records", "records", "--out", "site", "--today", today]);
        assert_eq!(exit_code(&output), 0, "{today}: {}", stderr(&output));
    }
}

#[test]
fn log_refuses_a_date_outside_the_range_instead_of_narrowing_it() {
    let dir = tree("log-date-range");
    let before = acme(&dir);
    for date in ["--date=+70000-01-01", "--date=1799-12-31", "--next=+70000-01-01"] {
        let args = ["log", "acme", "--kind", "call", "--summary", "x", date, "--records", "records", "--today", TODAY];
        let output = run_in(dir.path(), &args);
        assert_eq!(exit_code(&output), 2, "{date}: {}", stderr(&output));
        assert!(stderr(&output).contains("outside the dates cardfile works with"), "{date}: {}", stderr(&output));
    }
    assert_eq!(acme(&dir), before, "nothing was written");
    let args = ["log", "acme", "--kind", "call", "--summary", "x", "--date", "9999-12-31", "--records", "records"];
    let output = run_in(dir.path(), &[&args[..], &["--today", TODAY]].concat());
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    assert!(acme(&dir).contains("date = 9999-12-31"), "{}", acme(&dir));
}

#[test]
fn log_writes_money_exactly_or_not_at_all() {
    let dir = tree("log-money-exact");
    let before = acme(&dir);
    let log = |amount: &str| {
        let args = ["log", "acme", "--order", amount, "--records", "records", "--today", TODAY];
        run_in(dir.path(), &args)
    };
    for amount in ["12345678901234567.89", "0.12345678901234567"] {
        let output = log(amount);
        assert_eq!(exit_code(&output), 2, "{amount}: {}", stderr(&output));
        assert!(stderr(&output).contains("cannot be written exactly as a TOML number"), "{}", stderr(&output));
        assert_eq!(acme(&dir), before, "{amount}: nothing was written");
    }
    // Writable exactly, but beyond money's bounds: check refuses it, nothing is written.
    let output = log("2000000000000000");
    assert_eq!(exit_code(&output), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("E025"), "{}", stderr(&output));
    assert_eq!(acme(&dir), before);
    for (amount, written) in
        [("999999999999999.5", "999999999999999.5"), ("0.000001", "0.000001"), ("12000.00", "12000")]
    {
        let output = log(amount);
        assert_eq!(exit_code(&output), 0, "{amount}: {}", stderr(&output));
        assert!(acme(&dir).contains(&format!("amount = {written}\n")), "{amount}: {}", acme(&dir));
    }
}
