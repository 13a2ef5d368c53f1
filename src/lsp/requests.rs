//! The requests the server answers: completion, hover, go to definition, code actions. Any
//! other request is answered `MethodNotFound`; parameters that do not fit, `InvalidParams`.

use std::collections::HashMap;

use lsp_server::{ErrorCode, Request};
use lsp_types::request::{CodeActionRequest, Completion, GotoDefinition, HoverRequest, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CompletionParams, CompletionResponse,
    GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents, HoverParams, Location, MarkupContent,
    MarkupKind, Position, TextEdit, Uri, WorkspaceEdit,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::completion::{self, Scope};
use super::documents::{Lines, path_to_uri, relative, uri_to_path};
use super::{Server, actions, context, definition, diagnostics, hover};
use crate::i18n::Language;

/// Why a request got no result.
pub struct Failure {
    /// The JSON-RPC error code.
    pub code: ErrorCode,
    /// What went wrong.
    pub message: String,
}

fn params<P: DeserializeOwned>(request: &Request) -> Result<P, Failure> {
    serde_json::from_value(request.params.clone()).map_err(|err| Failure {
        code: ErrorCode::InvalidParams,
        message: format!("the parameters of {} do not fit: {err}", request.method),
    })
}

fn json(value: impl serde::Serialize) -> Result<Value, Failure> {
    serde_json::to_value(value)
        .map_err(|err| Failure { code: ErrorCode::InternalError, message: format!("cannot write the answer: {err}") })
}

/// The answer to one request.
pub fn answer(server: &mut Server<'_>, request: &Request) -> Result<Value, Failure> {
    if crate::fault::active("lsp-request") {
        panic!("fault injected at lsp-request");
    }
    match request.method.as_str() {
        Completion::METHOD => {
            let p: CompletionParams = params(request)?;
            json(complete(server, &p.text_document_position.text_document.uri, p.text_document_position.position))
        }
        HoverRequest::METHOD => {
            let p: HoverParams = params(request)?;
            json(hover_at(
                server,
                &p.text_document_position_params.text_document.uri,
                p.text_document_position_params.position,
            ))
        }
        GotoDefinition::METHOD => {
            let p: GotoDefinitionParams = params(request)?;
            let at = p.text_document_position_params;
            json(define(server, &at.text_document.uri, at.position))
        }
        CodeActionRequest::METHOD => {
            let p: CodeActionParams = params(request)?;
            json(code_actions(server, &p))
        }
        other => {
            Err(Failure { code: ErrorCode::MethodNotFound, message: format!("cardfile lsp does not answer {other}") })
        }
    }
}

/// The buffer of `uri` with the cursor at `position`: its path, text and cursor offset.
struct At {
    path: std::path::PathBuf,
    text: String,
    offset: usize,
}

fn at(server: &Server<'_>, uri: &Uri, position: Position) -> Option<At> {
    let path = uri_to_path(uri)?;
    let text = server.documents.text(&path);
    let offset = Lines::new(&text, server.encoding).offset(position);
    Some(At { path, text, offset })
}

fn complete(server: &mut Server<'_>, uri: &Uri, position: Position) -> Option<CompletionResponse> {
    let At { path, text, offset } = at(server, uri, position)?;
    let (encoding, snippets, today) = (server.encoding, server.snippets, server.today());
    let ws = server.workspace_of(&path)?;
    let rel = relative(&ws.root, &path)?;
    let loaded = ws.project.as_ref().map(|p| &p.loaded);
    let scope = Scope {
        rel: &rel,
        records: loaded.map(|l| &l.records),
        today,
        lang: loaded.map_or(Language::En, |l| l.settings.language),
        snippets,
    };
    let cursor = context::at(&text, offset);
    Some(CompletionResponse::Array(completion::items(&cursor, &scope, &Lines::new(&text, encoding))))
}

fn hover_at(server: &mut Server<'_>, uri: &Uri, position: Position) -> Option<Hover> {
    let At { path, text, offset } = at(server, uri, position)?;
    let encoding = server.encoding;
    let ws = server.workspace_of(&path)?;
    let rel = relative(&ws.root, &path)?;
    let cursor = context::at(&text, offset);
    let loaded = ws.project.as_ref().map(|p| &p.loaded);
    let shown = hover::hover(&cursor, &rel, &text, loaded, || ws.analysis())?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: shown.markdown }),
        range: shown.span.map(|span| Lines::new(&text, encoding).range(span)),
    })
}

fn define(server: &mut Server<'_>, uri: &Uri, position: Position) -> Option<GotoDefinitionResponse> {
    let At { path, text, offset } = at(server, uri, position)?;
    let encoding = server.encoding;
    let ws = server.workspace_of(&path)?;
    let root = ws.root.clone();
    let rel = relative(&root, &path)?;
    let records = &ws.project.as_ref()?.loaded.records;
    let target = definition::definition(&context::at(&text, offset), &rel, &text, records)?;
    let file = root.join(&target.rel);
    let target_text = server.documents.text(&file);
    let range = Lines::new(&target_text, encoding).range(target.span);
    Some(GotoDefinitionResponse::Scalar(Location { uri: path_to_uri(&file)?, range }))
}

fn code_actions(server: &mut Server<'_>, p: &CodeActionParams) -> Option<Vec<CodeActionOrCommand>> {
    let At { path, text, offset: start } = at(server, &p.text_document.uri, p.range.start)?;
    let (encoding, today) = (server.encoding, server.today());
    let lines = Lines::new(&text, encoding);
    let end = lines.offset(p.range.end).max(start);
    let ws = server.workspace_of(&path)?;
    let root = ws.root.clone();
    let rel = relative(&root, &path)?;
    let loaded = &ws.project.as_ref()?.loaded;
    let own: Vec<&crate::diagnostics::Diagnostic> = loaded.diagnostics.iter().filter(|d| d.file == rel).collect();
    let cursor = context::at(&text, start);
    let found = actions::actions(&rel, &text, start..end, &cursor, &own, today, loaded.settings.language);
    let out = found
        .into_iter()
        .map(|action| {
            let edit = TextEdit { range: lines.range(action.span.clone()), new_text: action.text };
            let fix = action.fixes.as_ref().map(|d| diagnostics::one(d, loaded, &root, encoding));
            CodeActionOrCommand::CodeAction(CodeAction {
                title: action.title,
                kind: Some(if fix.is_some() { CodeActionKind::QUICKFIX } else { CodeActionKind::REFACTOR_REWRITE }),
                is_preferred: fix.is_some().then_some(true),
                diagnostics: fix.map(|d| vec![d]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(p.text_document.uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                ..CodeAction::default()
            })
        })
        .collect();
    Some(out)
}
