//! `cardfile init DIR`: a new team repository, ready to commit.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crate::edit::write_atomic;
use crate::scaffold::{self, CARDFILE_GIT, driver_lines};

/// The language of a new repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitLanguage {
    /// English.
    En,
    /// Simplified Chinese.
    #[value(name = "zh-CN")]
    ZhCn,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to create (or an empty one).
    dir: PathBuf,
    /// The language of the settings' comments, the examples and the site.
    #[arg(long, value_enum, default_value = "en")]
    language: InitLanguage,
    /// Write into a directory that is not empty, replacing files of the same names.
    #[arg(long)]
    force: bool,
    /// Also write the built-in templates into records/templates/, to edit them.
    #[arg(long)]
    templates: bool,
    /// The day the example customer's dates are relative to (default: the local date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    today: Option<NaiveDate>,
}

/// Whether `dir` has anything in it but a `.git` folder.
fn has_content(dir: &Path) -> Result<bool> {
    if !dir.exists() {
        return Ok(false);
    }
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        if entry.file_name() != ".git" {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Runs `init`.
pub fn run(args: &InitArgs) -> Result<ExitCode> {
    if args.dir.exists() && !args.dir.is_dir() {
        eprintln!("error: {} exists and is not a directory", args.dir.display());
        return Ok(ExitCode::from(2));
    }
    if has_content(&args.dir)? && !args.force {
        eprintln!(
            "error: {} is not empty; nothing was written (use --force to write into it anyway)",
            args.dir.display()
        );
        return Ok(ExitCode::from(2));
    }
    let language = match args.language {
        InitLanguage::En => "en",
        InitLanguage::ZhCn => "zh-CN",
    };
    let today = args.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let files = scaffold::repository(language, today, args.templates);
    for file in &files {
        let path = file.path.split('/').fold(args.dir.clone(), |p, part| p.join(part));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        write_atomic(&path, file.text.as_bytes())?;
        #[cfg(unix)]
        if file.executable {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
                .with_context(|| format!("making {} executable", path.display()))?;
        }
    }
    eprintln!("created a records repository in {} ({} files)", args.dir.display(), files.len());
    println!("{}", next_steps(&args.dir, language == "zh-CN"));
    Ok(ExitCode::SUCCESS)
}

fn next_steps(dir: &Path, zh: bool) -> String {
    let dir = dir.display();
    let config = driver_lines();
    let [name, driver] = [&config[0], &config[1]];
    let lines: &[(&str, &str)] = if zh {
        &[
            ("cd {dir} && git init", "新建 git 仓库"),
            ("git config core.hooksPath .githooks", "每次提交前运行 cardfile check"),
            ("{name}", "客户文件的合并程序（.gitattributes）"),
            ("{driver}", "按条目合并客户文件；或运行 cardfile git-setup"),
            ("cardfile check", "检查记录"),
            ("cardfile new acme --name \"某某公司\" --owner zhang", "新建客户"),
            ("cardfile log acme --kind visit --summary \"拜访，介绍新产品\"", "记录一次拜访"),
            ("cardfile build", "生成网站到 site/，打开 site/index.html"),
        ]
    } else {
        &[
            ("cd {dir} && git init", "start the git repository"),
            ("git config core.hooksPath .githooks", "run cardfile check before every commit"),
            ("{name}", "the merge driver of customer files (.gitattributes)"),
            ("{driver}", "merge them entry by entry; or run cardfile git-setup"),
            ("cardfile check", "check the records"),
            ("cardfile new acme --name \"Acme Ltd.\" --owner alex", "add a customer"),
            ("cardfile log acme --kind visit --summary \"Showed the new line\"", "log a visit"),
            ("cardfile build", "build the site into site/, open site/index.html"),
        ]
    };
    let mut out = String::from(if zh { "接下来：\n" } else { "Next steps:\n" });
    for (command, what) in lines {
        let command = command.replace("{dir}", &dir.to_string()).replace("{name}", name).replace("{driver}", driver);
        out.push_str(&format!("  {command:<64} # {what}\n"));
    }
    out.push_str(&if zh {
        format!(
            "  编辑 .github/workflows/cardfile.yml 或 .gitlab-ci.yml：把 {CARDFILE_GIT} 换成 cardfile 源码的 git 地址。\n  编辑器补全：安装 Taplo / Even Better TOML（.taplo.toml 已配置）。删除示例 records/customers/example.toml。"
        )
    } else {
        format!(
            "  Edit .github/workflows/cardfile.yml or .gitlab-ci.yml: replace {CARDFILE_GIT} with the git URL of cardfile.\n  Editor completion: install Taplo / Even Better TOML (.taplo.toml is set up). Delete the example, records/customers/example.toml."
        )
    });
    out
}
