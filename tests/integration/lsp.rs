//! `cardfile lsp`: the real binary driven over standard input and output with JSON-RPC, as
//! an editor drives it, on the fixture tree `tests/lsp/records/` (whose files are only read:
//! the edits are made in the buffers the client sends).

mod client;
mod watching;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::{TODAY, TempDir, cannot_run, exit_code, fixture, run_in, stderr};
use client::{Client, records, uri};

fn text_of(rel: &str) -> String {
    std::fs::read_to_string(records().join(rel)).expect("a fixture file")
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap_or_default().to_string()).collect()
}

fn range(d: &Value) -> [u64; 4] {
    let r = &d["range"];
    [&r["start"]["line"], &r["start"]["character"], &r["end"]["line"], &r["end"]["character"]]
        .map(|n| n.as_u64().unwrap_or(u64::MAX))
}

#[test]
fn initialize_says_what_the_server_does_and_shutdown_exits_cleanly() {
    let (mut client, result) = Client::start(json!({}));
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["positionEncoding"], "utf-16", "{result}");
    assert_eq!(result["serverInfo"]["name"], "cardfile");
    for provider in ["completionProvider", "hoverProvider", "definitionProvider", "codeActionProvider"] {
        assert!(!capabilities[provider].is_null(), "{provider} missing: {result}");
    }
    let unknown = client.request("textDocument/formatting", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad = client.request("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn a_request_that_fails_inside_the_server_is_an_internal_error_and_the_server_goes_on() {
    let (mut client, _) = Client::start_with(json!({}), Some("lsp-request"));
    client.open("customers/acme.toml", &text_of("customers/acme.toml").replace("since =", "sinse ="));
    let failed = client.request(
        "textDocument/hover",
        json!({
            "textDocument": { "uri": uri(&records().join("customers/acme.toml")) },
            "position": { "line": 0, "character": 0 },
        }),
    );
    assert_eq!(failed["error"]["code"], -32603, "{failed}");
    // Still serving: the change's diagnostics come, and shutdown is answered.
    assert_eq!(codes(&client.diagnostics_of("customers/acme.toml")), ["E010"]);
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn exit_without_shutdown_is_exit_code_1_and_requests_after_shutdown_are_refused() {
    let (mut client, _) = Client::start(json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.wait(), Some(1));
    let (mut client, _) = Client::start(json!({}));
    client.request("shutdown", Value::Null);
    let late = client.at("textDocument/hover", "customers/acme.toml", 0, 0);
    assert!(late.is_null());
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    client.notify("exit", Value::Null);
    assert_eq!(client.wait(), Some(0));
}

#[test]
fn an_unknown_key_is_reported_with_its_code_and_cleared_when_fixed() {
    let (mut client, _) = Client::start(json!({}));
    let good = text_of("customers/acme.toml");
    let typo = good.replace("since =", "sinse =");
    client.open("customers/acme.toml", &typo);
    let found = client.diagnostics_of("customers/acme.toml");
    assert_eq!(codes(&found), ["E010"], "{found:?}");
    assert_eq!(range(&found[0]), [3, 0, 3, 5]);
    assert_eq!(found[0]["severity"], 1);
    assert_eq!(found[0]["source"], "cardfile");
    assert_eq!(found[0]["message"], "unknown key `sinse` in the customer\nhelp: did you mean `since`?");
    // A file never opened has its diagnostics too: the whole records directory is checked.
    let carl = client.diagnostics_of("customers/carl.toml");
    assert_eq!(codes(&carl), ["W003", "W005"], "{carl:?}");

    client.change("customers/acme.toml", 2, &good);
    assert_eq!(client.diagnostics_of("customers/acme.toml"), Vec::<Value>::new(), "cleared once fixed");
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn the_rules_that_span_files_run_on_the_buffers_and_the_disk() {
    let (mut client, _) = Client::start(json!({}));
    let acme = text_of("customers/acme.toml").replace("owner = \"li\"", "owner = \"lii\"");
    client.open("customers/acme.toml", &acme);
    let found = client.diagnostics_of("customers/acme.toml");
    assert_eq!(codes(&found), ["E017"], "{found:?}");
    assert!(found[0]["message"].as_str().unwrap_or_default().contains("did you mean `li`?"), "{found:?}");
    // A new buffer, not on disk yet, with the id of a customer on disk.
    client.open("customers/east/bolt.toml", "name = \"Bolt East\"\nowner = \"wu\"\nphone = \"2\"\n");
    let twice = client.diagnostics_of("customers/east/bolt.toml");
    assert_eq!(codes(&twice), ["E016"], "{twice:?}");
    let other = &twice[0]["relatedInformation"][0]["location"]["uri"];
    assert_eq!(other, &json!(uri(&records().join("customers/bolt.toml"))), "{twice:?}");
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn invalid_toml_in_one_buffer_keeps_the_server_and_the_other_files() {
    let (mut client, _) = Client::start(json!({}));
    client.open("customers/acme.toml", "name = \"Acme\nowner = [\n");
    let found = client.diagnostics_of("customers/acme.toml");
    assert!(!found.is_empty() && codes(&found).iter().all(|c| c == "E004"), "{found:?}");
    assert_eq!(codes(&client.diagnostics_of("customers/carl.toml")), ["W003", "W005"]);
    // The server still answers, on the broken buffer and on the others.
    let items = client.at("textDocument/completion", "customers/acme.toml", 1, 9);
    assert!(items.is_array(), "{items}");
    let hover = client.at("textDocument/hover", "customers/bolt.toml", 1, 2);
    assert!(hover["contents"]["value"].as_str().unwrap_or_default().contains("owner"), "{hover}");
    client.change("customers/acme.toml", 2, &text_of("customers/acme.toml"));
    assert!(client.diagnostics_of("customers/acme.toml").is_empty());
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn an_owner_in_quotes_completes_to_the_member_ids_with_their_names() {
    let (mut client, _) = Client::start(json!({}));
    let text = text_of("customers/acme.toml").replace("owner = \"li\"", "owner = \"");
    client.open("customers/acme.toml", &text);
    let items = client.at("textDocument/completion", "customers/acme.toml", 1, 9);
    let shown: Vec<(String, String)> = items
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|i| (i["label"].as_str().unwrap_or("").into(), i["detail"].as_str().unwrap_or("").into()))
        .collect();
    assert_eq!(shown, [("li".to_string(), "Li Na".to_string()), ("wu".to_string(), "Wu Gang".to_string())]);
    let edit = &items[0]["textEdit"]["range"];
    assert_eq!((edit["start"]["character"].as_u64(), edit["end"]["character"].as_u64()), (Some(9), Some(9)));
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn hover_on_name_shows_the_computed_card_and_on_a_key_its_documentation() {
    let (mut client, _) = Client::start(json!({}));
    client.open("customers/acme.toml", &text_of("customers/acme.toml"));
    let card = client.at("textDocument/hover", "customers/acme.toml", 0, 2);
    let card = card["contents"]["value"].as_str().unwrap_or_default().to_string();
    for shown in ["Acme Trading", "| Class | A |", "| Lifecycle |", "| Credit grade |", "| Unpaid | ¥12,000 |"] {
        assert!(card.contains(shown), "`{shown}` not in:\n{card}");
    }
    assert!(card.contains("Next follow-ups"), "{card}");
    let key = client.at("textDocument/hover", "customers/acme.toml", 3, 1);
    let key = key["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(key.starts_with("**`since`** (the customer)"), "{key}");
    let owner = client.at("textDocument/hover", "customers/acme.toml", 1, 10);
    let owner = owner["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(owner.contains("Li Na: owner of 1 customers"), "{owner}");
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn definition_of_an_owner_lands_on_its_member_in_team_toml() {
    let (mut client, _) = Client::start(json!({}));
    let location = client.at("textDocument/definition", "customers/bolt.toml", 1, 10);
    assert_eq!(location["uri"], uri(&records().join("team.toml")), "{location}");
    assert_eq!(range(&location), [5, 5, 5, 9], "the id of the second member: {location}");
    let referrer = client.at("textDocument/definition", "customers/bolt.toml", 3, 16);
    assert_eq!(referrer["uri"], uri(&records().join("customers/acme.toml")), "{referrer}");
    assert_eq!(client.shut_down(), Some(0));
}

/// Applies the edits of a code action to `text` (positions in UTF-16, one edit).
fn apply(text: &str, action: &Value) -> String {
    let edits = action["edit"]["changes"].as_object().and_then(|c| c.values().next()).cloned().unwrap_or_default();
    let edit = &edits[0];
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap_or(0) as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let line_text = &text[start..];
        let mut units = 0;
        for (i, c) in line_text.char_indices() {
            if units >= p["character"].as_u64().unwrap_or(0) as usize || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let (from, to) = (offset(&edit["range"]["start"]), offset(&edit["range"]["end"]));
    format!("{}{}{}", &text[..from], edit["newText"].as_str().unwrap_or_default(), &text[to..])
}

fn action_titled<'a>(actions: &'a Value, title: &str) -> &'a Value {
    let all = actions.as_array().map(Vec::as_slice).unwrap_or_default();
    all.iter().find(|a| a["title"] == title).unwrap_or_else(|| panic!("no action `{title}` in {actions}"))
}

#[test]
fn code_actions_fix_a_typo_log_a_visit_and_mark_an_order_paid() {
    let (mut client, _) = Client::start(json!({}));
    let good = text_of("customers/acme.toml");
    let typo = good.replace("kind = \"visit\"", "kind = \"vistt\"");
    client.open("customers/acme.toml", &typo);
    assert_eq!(codes(&client.diagnostics_of("customers/acme.toml")), ["E013"]);
    let uri = uri(&records().join("customers/acme.toml"));
    let at = |line: u32, character: u32| {
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": line, "character": character }, "end": { "line": line, "character": character } },
            "context": { "diagnostics": [] },
        })
    };
    let actions = client.request("textDocument/codeAction", at(13, 9))["result"].clone();
    let fix = action_titled(&actions, "Replace with \"visit\"");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0]["code"], "E013");
    assert_eq!(apply(&typo, fix), good);
    let visit = action_titled(&actions, "Log a visit today");
    assert_eq!(
        apply(&typo, visit),
        format!("{typo}\n[[interaction]]\ndate = {TODAY}\nkind = \"visit\"\nsummary = \"\"\n")
    );

    let in_order = client.request("textDocument/codeAction", at(7, 3))["result"].clone();
    let paid = apply(&typo, action_titled(&in_order, "Mark this order paid today"));
    assert_eq!(paid, typo.replace("due = 2026-11-30\n", &format!("due = 2026-11-30\npaid = {TODAY}\n")));
    assert_eq!(client.shut_down(), Some(0));
}

/// A customer whose line 2 holds Chinese text and an emoji before an unknown key.
const WIDE: &str =
    "name = \"Acme\"\nowner = \"li\"\ncontact = [{ name = \"王😀\", titel = \"经理\" }]\nphone = \"1\"\n";

#[test]
fn positions_count_utf16_units_unless_the_client_offers_utf8() {
    let (mut client, _) = Client::start(json!({}));
    client.open("customers/acme.toml", WIDE);
    let found = client.diagnostics_of("customers/acme.toml");
    assert_eq!(codes(&found), ["E010"], "{found:?}");
    // `contact = [{ name = "王😀", ` is 27 UTF-16 units: 王 is one, the emoji two.
    assert_eq!(range(&found[0]), [2, 27, 2, 32]);
    let hover = client.at("textDocument/hover", "customers/acme.toml", 2, 20);
    assert!(hover.is_null() || hover["contents"].is_object(), "{hover}");
    assert_eq!(client.shut_down(), Some(0));

    let (mut client, result) = Client::start(json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    client.open("customers/acme.toml", WIDE);
    let found = client.diagnostics_of("customers/acme.toml");
    // In bytes: 王 is three, the emoji four.
    assert_eq!(range(&found[0]), [2, 31, 2, 36]);
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn neovim_shows_the_diagnostics_of_a_customer_file() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/neovim/check.sh");
    let has_nvim = std::process::Command::new("nvim").arg("--version").output().is_ok_and(|o| o.status.success());
    if !has_nvim {
        return cannot_run("Neovim (nvim) is not installed");
    }
    let output = std::process::Command::new("sh")
        .arg(&script)
        .env("CARDFILE", env!("CARGO_BIN_EXE_cardfile"))
        .env("CARDFILE_TODAY", TODAY)
        .output()
        .expect("running editors/neovim/check.sh");
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{out}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(out.contains("E010"), "{out}");
}

#[test]
fn a_repository_made_by_init_is_served_and_its_readme_says_how() {
    let tmp = TempDir::new("lsp-init");
    let out = run_in(tmp.path(), &["init", "repo", "--today", TODAY]);
    assert_eq!(exit_code(&out), 0, "{}", stderr(&out));
    let repo = tmp.path().join("repo");
    let readme = std::fs::read_to_string(repo.join("README.md")).unwrap_or_default();
    for snippet in ["vim.lsp.config(\"cardfile\"", "[language-server.cardfile]", "args = [\"lsp\"]"] {
        assert!(readme.contains(snippet), "`{snippet}` not in README.md:\n{readme}");
    }
    let example = repo.join("records/customers/example.toml");
    let text = std::fs::read_to_string(&example).unwrap_or_default();
    let (mut client, _) = Client::start(json!({}));
    client.open_at(&example, &format!("{text}\nregoin = \"east\"\n"));
    let found = client.diagnostics_at(&example);
    assert_eq!(codes(&found), ["E010"], "{found:?}");
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn the_vscode_extensions_client_gets_the_diagnostics_and_the_hover() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode/check.js");
    let has_node = std::process::Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if !has_node {
        return cannot_run("Node.js (node) is not installed");
    }
    let output = std::process::Command::new("node")
        .arg(&script)
        .env("CARDFILE", env!("CARGO_BIN_EXE_cardfile"))
        .env("CARDFILE_TODAY", TODAY)
        .output()
        .expect("running editors/vscode/check.js");
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{out}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(out.contains("E010 unknown key `nmae`"), "{out}");
    assert!(out.contains("### Acme Trading"), "the hover on name shows the card:\n{out}");
}

/// What `check --format json` says of a diagnostic: file, line, column, code, message (with
/// its hint after `; help: `).
type Said = (String, u64, u64, String, String);

#[test]
fn the_diagnostics_are_those_of_check_on_every_case_of_tests_check() {
    let cases = fixture("check");
    let mut names: Vec<String> = std::fs::read_dir(&cases)
        .expect("tests/check")
        .flatten()
        .filter(|e| e.path().join("records").is_dir() && e.path().join("expected.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() > 20, "{names:?}");
    let (mut client, _) = Client::start(json!({}));
    let mut compared = 0;
    for name in &names {
        let records = cases.join(name).join("records");
        let expected: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(cases.join(name).join("expected.json")).unwrap_or_default())
                .unwrap_or_else(|err| panic!("{name}: expected.json: {err}"));
        let mut want: Vec<Said> = expected
            .iter()
            .map(|d| {
                let text = |k: &str| d[k].as_str().unwrap_or_default().to_string();
                (
                    text("file"),
                    d["line"].as_u64().unwrap_or(0),
                    d["column"].as_u64().unwrap_or(0),
                    text("code"),
                    text("message"),
                )
            })
            .collect();
        // Open one readable file of the case as it is on disk; a code action waits for the load,
        // so every file's diagnostics are sent before its answer.
        let opened = ["team.toml", "cardfile.toml"]
            .iter()
            .map(|rel| records.join(rel))
            .chain(walk_toml(&records.join("customers")))
            .find(|p| std::fs::read_to_string(p).is_ok())
            .unwrap_or_else(|| panic!("{name}: no readable record file"));
        client.open_at(&opened, &std::fs::read_to_string(&opened).unwrap_or_default());
        let position = json!({ "line": 0, "character": 0 });
        client.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri(&opened) }, "range": { "start": position, "end": position }, "context": { "diagnostics": [] } }),
        );
        let prefix = format!("{}/", uri(&records));
        let mut got: Vec<Said> = Vec::new();
        for message in client.pending.drain(..) {
            let Some(rel) = message["params"]["uri"].as_str().and_then(|u| u.strip_prefix(&prefix)) else { continue };
            let rel = rel.to_string();
            for d in message["params"]["diagnostics"].as_array().cloned().unwrap_or_default() {
                let [line, column, _, _] = range(&d);
                let text = d["message"].as_str().unwrap_or_default().replace("\nhelp: ", "; help: ");
                got.push((rel.clone(), line + 1, column + 1, d["code"].as_str().unwrap_or_default().into(), text));
            }
        }
        want.sort();
        got.sort();
        assert_eq!(got, want, "{name}: the server and check differ");
        compared += want.len();
    }
    assert!(compared > 100, "only {compared} diagnostics compared");
    assert_eq!(client.shut_down(), Some(0));
}

/// The `.toml` files under `dir`, in name order.
fn walk_toml(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|r| r.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(walk_toml(&path));
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    out
}
