//! `cardfile diff` (SPEC 11.3) in repositories the tests make.

use crate::git::GitRepo;
use crate::{TODAY, TempDir, exit_code, run_in, stderr, stdout};

const TEAM: &str = "[[member]]\nid = \"li\"\nname = \"Li Na\"\n";

fn customer(name: &str, amount: u32) -> String {
    format!(
        "name = \"{name}\"\nowner = \"li\"\nphone = \"1\"\n\n[[order]]\nref = \"SO-{name}\"\ndate = 2026-10-01\namount = {amount}\ndue = 2026-11-30\n"
    )
}

/// `main` with two customers; the branch `review` raises B's order, pays A's and adds C.
fn repo() -> GitRepo {
    let repo = GitRepo::new("diff");
    repo.write("records/team.toml", TEAM);
    repo.write("records/customers/a.toml", &customer("A", 900));
    repo.write("records/customers/b.toml", &customer("B", 100));
    repo.commit("Li Na", "2026-11-01T09:00:00+08:00", "Start");
    repo.git(&["checkout", "-q", "-b", "review"]);
    repo.write("records/customers/b.toml", &customer("B", 5000));
    repo.write(
        "records/customers/a.toml",
        &customer("A", 900).replace("due = 2026-11-30", "due = 2026-11-30\npaid = 2026-11-24"),
    );
    repo.write("records/customers/c.toml", &customer("C", 10));
    repo.commit("Li Na", "2026-11-24T09:00:00+08:00", "Review me");
    repo
}

fn diff(repo: &GitRepo, args: &[&str]) -> String {
    let mut all = vec!["diff", "--today", TODAY];
    all.extend_from_slice(args);
    let output = run_in(repo.path(), &all);
    assert_eq!(exit_code(&output), 0, "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn json_lists_added_and_changed_customers_with_computed_moves() {
    let repo = repo();
    let json: serde_json::Value = serde_json::from_str(&diff(&repo, &["main", "review", "--format", "json"])).unwrap();
    let main = repo.git(&["rev-parse", "--short=10", "main"]);
    let review = repo.git(&["rev-parse", "--short=10", "review"]);
    assert_eq!(json["from"], main.trim());
    assert_eq!(json["to"], review.trim());
    let customers = json["customers"].as_array().unwrap();
    let ids: Vec<&str> = customers.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"], "sorted by id");
    assert_eq!(customers[0]["change"], "changed");
    assert_eq!(customers[0]["summary"][0], "order SO-A paid 2026-11-24");
    assert_eq!(customers[1]["summary"][0], "order SO-B: amount 100 → 5000");
    assert!(
        customers[1]["computed"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"key": "class", "from": "B", "to": "A"}))
    );
    assert_eq!(customers[2]["change"], "added");
    assert_eq!(customers[2]["summary"][0], "created");
    // Paying A's order removes its collection item.
    let removed = customers[0]["computed"].as_array().unwrap().iter().any(|m| {
        m["key"] == "agenda" && m["to"].is_null() && m["from"].as_str().is_some_and(|f| f.contains("collection"))
    });
    assert!(removed, "{}", customers[0]);
}

#[test]
fn by_default_the_work_tree_is_compared_with_where_the_branch_left_main() {
    let repo = repo();
    repo.write("records/customers/d.toml", &customer("D", 10));
    let json: serde_json::Value = serde_json::from_str(&diff(&repo, &["--format", "json"])).unwrap();
    assert_eq!(json["to"], "work tree");
    let ids: Vec<&str> = json["customers"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"c") && ids.contains(&"d"), "{ids:?}");
}

#[test]
fn markdown_is_a_table_for_a_pull_request() {
    let repo = repo();
    let md = diff(&repo, &["main", "review", "--format", "markdown"]);
    assert!(md.starts_with("### cardfile"), "{md}");
    assert!(md.contains("| added | `c` | C | created |"), "{md}");
    assert!(md.contains("class B → A"), "{md}");
    let text = diff(&repo, &["main", "review"]);
    assert!(text.contains("1 customers added, 0 removed, 2 changed"), "{text}");
}

#[test]
fn record_text_cannot_inject_markup_into_the_summary() {
    let repo = repo();
    repo.write(
        "records/customers/e.toml",
        &customer("E", 1).replace("name = \"E\"", "name = \"<script>x</script> | *b*\""),
    );
    let md = diff(&repo, &["main", "--format", "markdown"]);
    assert!(!md.contains("<script>") && md.contains("&lt;script&gt;"), "{md}");
    assert!(md.contains("\\| \\*b\\*"), "{md}");
}

#[test]
fn outside_git_diff_is_an_error() {
    let dir = TempDir::new("diff-no-git");
    dir.write("records/team.toml", TEAM);
    let output = run_in(dir.path(), &["diff", "--today", TODAY]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("not inside a git work tree"), "{}", stderr(&output));
    let repo = repo();
    let output = run_in(repo.path(), &["diff", "no-such-revision", "--today", TODAY]);
    assert_eq!(exit_code(&output), 2);
    assert!(stderr(&output).contains("no-such-revision"), "{}", stderr(&output));
}
