//! How a team's repository is set up for git: `.gitattributes` (customer files merge with
//! `cardfile merge`), the `git config` lines that register the driver, and the README.

/// `.gitattributes`: customer files are merged by `cardfile merge` (SPEC 11.2).
pub const GITATTRIBUTES: &str = "# Customer files are merged entry by entry by `cardfile merge` (run `cardfile git-setup` once\n# per clone to register it; without it git merges these files line by line).\nrecords/customers/**/*.toml merge=cardfile\n";

/// The driver's name in git's config.
pub const DRIVER_NAME: &str = "cardfile customer records";

/// The driver's command line in git's config: git's `%O %A %B %P`.
pub const DRIVER_COMMAND: &str = "cardfile merge %O %A %B %P";

/// The `git config` arguments that register the merge driver, as `(key, value)`.
pub const DRIVER_CONFIG: [(&str, &str); 2] =
    [("merge.cardfile.name", DRIVER_NAME), ("merge.cardfile.driver", DRIVER_COMMAND)];

/// The `git config` command lines that register the merge driver, ready to paste.
pub fn driver_lines() -> Vec<String> {
    DRIVER_CONFIG.iter().map(|(key, value)| format!("git config {key} \"{value}\"")).collect()
}

/// The new repository's `README.md` in `language` (`en` or `zh-CN`): checking and building,
/// merging in git, and setting up an editor.
pub fn readme(language: &str) -> String {
    format!("{}\n{}", readme_top(language), super::editor::readme_section(language))
}

fn readme_top(language: &str) -> String {
    let [name, driver] = [&driver_lines()[0], &driver_lines()[1]];
    if language == "zh-CN" {
        format!(
            "# 客户记录\n\n每个客户一个 TOML 文件，放在 `records/customers/` 下；团队在 `records/team.toml`，设置在 `records/cardfile.toml`。\n\n## 检查与生成网站\n\n```sh\ncardfile check          # 检查所有记录，列出全部问题\ncardfile build          # 生成网站到 site/，打开 site/index.html\ncardfile due            # 今天和最近要跟进的客户\n```\n\n## 在 git 中合并客户文件\n\n两个人在不同分支改同一个客户（一个记录拜访，一个标记收款）时，`cardfile merge` 按条目合并，\n只有真正冲突的地方才留下冲突标记。每个克隆运行一次：\n\n```sh\ncardfile git-setup\n```\n\n或者手动执行：\n\n```sh\n{name}\n{driver}\ngit config core.hooksPath .githooks\n```\n\n`.gitattributes` 已经把 `records/customers/**/*.toml` 交给这个合并程序。GitHub 或 GitLab 网页上的合并按钮\n不会使用它：有冲突的合并请求请在本地合并（`git merge`）或变基后再推送。\n"
        )
    } else {
        format!(
            "# Customer records\n\nOne TOML file per customer under `records/customers/`; the team is in `records/team.toml`, the\nsettings in `records/cardfile.toml`.\n\n## Check and build\n\n```sh\ncardfile check          # check every record, list every problem\ncardfile build          # build the site into site/, open site/index.html\ncardfile due            # the follow-ups due today and soon\n```\n\n## Merging customer files in git\n\nWhen two people change one customer on two branches (one logs a visit, the other marks an order\npaid), `cardfile merge` merges the file entry by entry and leaves conflict markers only where the\nsame thing was changed differently. Register it once per clone:\n\n```sh\ncardfile git-setup\n```\n\nor by hand:\n\n```sh\n{name}\n{driver}\ngit config core.hooksPath .githooks\n```\n\n`.gitattributes` already sends `records/customers/**/*.toml` to this driver. The merge buttons of\nGitHub and GitLab do not use it: merge a conflicting pull request locally (`git merge`), or rebase\nit locally, then push.\n"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_register_the_driver_of_spec_11_2() {
        assert_eq!(
            driver_lines(),
            [
                "git config merge.cardfile.name \"cardfile customer records\"",
                "git config merge.cardfile.driver \"cardfile merge %O %A %B %P\""
            ]
        );
        assert!(GITATTRIBUTES.lines().any(|l| l == "records/customers/**/*.toml merge=cardfile"));
    }

    #[test]
    fn the_readmes_show_how_to_register_the_driver() {
        for language in ["en", "zh-CN"] {
            let text = readme(language);
            for line in driver_lines() {
                assert!(text.contains(&line), "{language}: {line}");
            }
            assert!(text.contains("cardfile git-setup") && text.contains("cardfile check"), "{language}");
        }
    }
}
