//! How to start `cardfile lsp` from an editor: the snippets `init` writes into the new
//! repository's README, the same as docs/editor.md shows (a test holds them equal).

/// Neovim 0.11 or later: in `init.lua`.
pub const NEOVIM: &str = r#"vim.lsp.config("cardfile", {
  cmd = { "cardfile", "lsp" },
  filetypes = { "toml" },
  root_markers = { "team.toml", "cardfile.toml" },
})
vim.lsp.enable("cardfile")"#;

/// Helix: in `languages.toml` (Taplo stays, for formatting).
pub const HELIX: &str = r#"[language-server.cardfile]
command = "cardfile"
args = ["lsp"]

[[language]]
name = "toml"
language-servers = ["taplo", "cardfile"]"#;

/// The README's section on editors in `language` (`en` or `zh-CN`).
pub fn readme_section(language: &str) -> String {
    let (title, intro, neovim, helix, more) = if language == "zh-CN" {
        (
            "## 编辑器",
            "`cardfile lsp` 是记录文件的语言服务器：边输入边显示 `cardfile check` 的问题，补全键、取值、成员 id，\n悬停客户名称可看到分类、信用等级和接下来的跟进。",
            "Neovim 0.11 及以上（`init.lua`）：",
            "Helix（`languages.toml`）：",
            "VS Code、Emacs 和较早的 Neovim：见 cardfile 的 docs/editor.md。",
        )
    } else {
        (
            "## Editors",
            "`cardfile lsp` is the language server of the record files: `cardfile check`'s problems as you type,\ncompletion of keys, values and member ids, and on a customer's name its class, credit grade and\nnext follow-ups.",
            "Neovim 0.11 or later (`init.lua`):",
            "Helix (`languages.toml`):",
            "VS Code, Emacs and older Neovim: see cardfile's docs/editor.md.",
        )
    };
    format!("{title}\n\n{intro}\n\n{neovim}\n\n```lua\n{NEOVIM}\n```\n\n{helix}\n\n```toml\n{HELIX}\n```\n\n{more}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_editor_md_shows_the_snippets_init_writes() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/editor.md");
        let docs = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
        for snippet in [NEOVIM, HELIX] {
            assert!(docs.contains(snippet), "docs/editor.md does not show:\n{snippet}");
        }
    }

    #[test]
    fn the_readme_section_holds_both_snippets_in_both_languages() {
        for language in ["en", "zh-CN"] {
            let text = readme_section(language);
            assert!(text.contains(NEOVIM) && text.contains(HELIX) && text.contains("cardfile lsp"), "{language}");
        }
    }
}
