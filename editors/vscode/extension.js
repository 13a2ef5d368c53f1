// The cardfile extension for VS Code: starts `cardfile lsp` and connects it to the editor
// with client.js (no dependency, so nothing is downloaded to build or install it). It sends
// the TOML buffers (whole text on each change) and shows what the server answers:
// diagnostics, completion, hover, go to definition and code actions. See README.md here and
// docs/editor.md.
"use strict";

const vscode = require("vscode");
const { Client } = require("./client");

let client;

function position(p) {
  return new vscode.Position(p.line, p.character);
}

function range(r) {
  return new vscode.Range(position(r.start), position(r.end));
}

function wire(p) {
  return { line: p.line, character: p.character };
}

function markdown(value) {
  // Record text in the server's Markdown is escaped by the server; no command links, no HTML.
  const text = new vscode.MarkdownString(value);
  text.isTrusted = false;
  text.supportHtml = false;
  return text;
}

function workspaceEdit(edit) {
  const out = new vscode.WorkspaceEdit();
  for (const [uri, edits] of Object.entries((edit && edit.changes) || {})) {
    for (const e of edits) out.replace(vscode.Uri.parse(uri), range(e.range), e.newText);
  }
  return out;
}

function isToml(document) {
  return document.languageId === "toml" && document.uri.scheme === "file";
}

async function activate(context) {
  const config = vscode.workspace.getConfiguration("cardfile");
  const args = ["lsp"];
  if (config.get("today")) args.push("--today", config.get("today"));
  client = new Client(config.get("path") || "cardfile", args);
  const diagnostics = vscode.languages.createDiagnosticCollection("cardfile");
  context.subscriptions.push(diagnostics);
  client.onNotification("textDocument/publishDiagnostics", (params) => {
    diagnostics.set(
      vscode.Uri.parse(params.uri),
      params.diagnostics.map((d) => {
        const shown = new vscode.Diagnostic(
          range(d.range),
          d.message,
          d.severity === 1 ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning
        );
        shown.code = d.code;
        shown.source = d.source;
        return shown;
      })
    );
  });
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  await client.initialize(folder ? folder.uri.toString() : null, {
    general: { positionEncodings: ["utf-16"] },
    textDocument: { completion: { completionItem: { snippetSupport: true } } },
  });

  const open = (document) => {
    if (!isToml(document)) return;
    client.notify("textDocument/didOpen", {
      textDocument: { uri: document.uri.toString(), languageId: "toml", version: document.version, text: document.getText() },
    });
  };
  vscode.workspace.textDocuments.forEach(open);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(open),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (!isToml(event.document)) return;
      client.notify("textDocument/didChange", {
        textDocument: { uri: event.document.uri.toString(), version: event.document.version },
        contentChanges: [{ text: event.document.getText() }],
      });
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (isToml(document)) client.notify("textDocument/didSave", { textDocument: { uri: document.uri.toString() } });
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (isToml(document)) client.notify("textDocument/didClose", { textDocument: { uri: document.uri.toString() } });
    })
  );

  const at = (document, where) => ({ textDocument: { uri: document.uri.toString() }, position: wire(where) });
  const selector = { language: "toml", scheme: "file" };
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, where) {
        const hover = await client.request("textDocument/hover", at(document, where));
        if (!hover) return null;
        return new vscode.Hover(markdown(hover.contents.value), hover.range ? range(hover.range) : undefined);
      },
    }),
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        async provideCompletionItems(document, where) {
          const items = (await client.request("textDocument/completion", at(document, where))) || [];
          return items.map((i) => {
            const item = new vscode.CompletionItem(i.label);
            item.detail = i.detail;
            if (i.documentation) item.documentation = markdown(i.documentation.value || String(i.documentation));
            const text = i.textEdit ? i.textEdit.newText : i.insertText || i.label;
            item.insertText = i.insertTextFormat === 2 ? new vscode.SnippetString(text) : text;
            if (i.textEdit) item.range = range(i.textEdit.range);
            if (i.filterText) item.filterText = i.filterText;
            return item;
          });
        },
      },
      '"',
      "=",
      "["
    ),
    vscode.languages.registerDefinitionProvider(selector, {
      async provideDefinition(document, where) {
        const found = await client.request("textDocument/definition", at(document, where));
        return found ? new vscode.Location(vscode.Uri.parse(found.uri), range(found.range)) : null;
      },
    }),
    vscode.languages.registerCodeActionsProvider(selector, {
      async provideCodeActions(document, where) {
        const actions = await client.request("textDocument/codeAction", {
          textDocument: { uri: document.uri.toString() },
          range: { start: wire(where.start), end: wire(where.end) },
          context: { diagnostics: [] },
        });
        return (actions || []).map((a) => {
          const kind = a.kind === "quickfix" ? vscode.CodeActionKind.QuickFix : vscode.CodeActionKind.RefactorRewrite;
          const action = new vscode.CodeAction(a.title, kind);
          action.edit = workspaceEdit(a.edit);
          action.isPreferred = Boolean(a.isPreferred);
          return action;
        });
      },
    })
  );
}

async function deactivate() {
  if (client) await client.stop().catch(() => undefined);
}

module.exports = { activate, deactivate };
