// Drives `cardfile lsp` with client.js, outside VS Code: writes a records tree whose customer
// file has a misspelt key, opens it, and prints the diagnostics and the hover on `name`. Exits
// 0 when the diagnostic came. CARDFILE names the binary (default: cardfile on the PATH).
//
//   CARDFILE=target/debug/cardfile node editors/vscode/check.js
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { Client, fileUri } = require("./client");

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cardfile-vscode-"));
  try {
    const records = path.join(dir, "records");
    fs.mkdirSync(path.join(records, "customers"), { recursive: true });
    fs.writeFileSync(path.join(records, "team.toml"), '[[member]]\nid = "li"\nname = "Li Na"\n');
    const file = path.join(records, "customers", "acme.toml");
    const text = 'name = "Acme Trading"\nowner = "li"\nphone = "1"\nnmae = "typo"\n';
    fs.writeFileSync(file, text);
    const args = ["lsp"];
    if (process.env.CARDFILE_TODAY) args.push("--today", process.env.CARDFILE_TODAY);
    const client = new Client(process.env.CARDFILE || "cardfile", args);
    const uri = fileUri(file);
    const diagnostics = new Promise((resolve) =>
      client.onNotification("textDocument/publishDiagnostics", (params) => {
        if (params.uri === uri) resolve(params.diagnostics);
      })
    );
    await client.initialize(fileUri(dir), { textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "toml", version: 1, text } });
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error("no diagnostics in 20 s")), 20000);
    });
    const found = await Promise.race([diagnostics, timeout]);
    clearTimeout(timer);
    for (const d of found) {
      console.log(`customers/acme.toml:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.code} ${d.message.replace(/\n/g, " / ")}`);
    }
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 1 } });
    console.log(hover && hover.contents ? hover.contents.value.split("\n")[0] : "no hover");
    const code = await client.stop();
    process.exitCode = found.some((d) => d.code === "E010") && code === 0 ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
