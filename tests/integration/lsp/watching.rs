//! Record files changed on disk outside the editor, reported by a client that watches files
//! for the server (`workspace/didChangeWatchedFiles`).

use std::fs;

use serde_json::json;

use super::client::{Client, records, uri};
use crate::TempDir;
use crate::build::copy_tree;

#[test]
fn a_file_changed_on_disk_is_checked_again_when_the_client_reports_it() {
    let tmp = TempDir::new("lsp-watching");
    let copy = tmp.path().join("records");
    copy_tree(&records(), &copy);
    let watching = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let (mut client, _) = Client::start(watching);
    let asked = client.next_from_server("client/registerCapability");
    let registration = &asked["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles", "{asked}");
    assert_eq!(registration["registerOptions"]["watchers"][0]["globPattern"], "**/*.toml", "{asked}");

    let acme = copy.join("customers/acme.toml");
    client.open_at(&acme, &fs::read_to_string(&acme).unwrap());
    // A hover needs the records loaded: they are, with the team as it is now.
    let hover = json!({ "textDocument": { "uri": uri(&acme) }, "position": { "line": 1, "character": 10 } });
    assert!(client.request("textDocument/hover", hover)["error"].is_null());
    // The team changes on disk, not in the editor: acme's owner `li` is no longer on it.
    let team = copy.join("team.toml");
    fs::write(&team, fs::read_to_string(&team).unwrap().replace("id = \"li\"", "id = \"lin\"")).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": uri(&team), "type": 2 }] }));
    let now = client.diagnostics_at(&acme);
    let unknown_owner = |d: &serde_json::Value| d["code"] == "E017" && d["message"].to_string().contains("`li`");
    assert!(now.iter().any(unknown_owner), "{now:?}");
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn a_client_that_cannot_watch_files_is_not_asked_to() {
    let (mut client, _) = Client::start(json!({}));
    // Answered after anything the server sent at the handshake.
    client.request("textDocument/hover", json!({}));
    assert!(!client.has_pending("client/registerCapability"));
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [] }));
    assert_eq!(client.shut_down(), Some(0));
}
