//! What `cardfile init` and `cardfile new` write: a team's repository and a new customer's
//! file, as in-memory files (the commands write them).

mod ci;
mod customer;
mod editor;
mod examples;
mod git;
mod settings_file;

use chrono::NaiveDate;

pub use ci::CARDFILE_GIT;
pub use customer::{NewCustomer, new_customer};
pub use git::{DRIVER_CONFIG, GITATTRIBUTES, driver_lines};
pub use settings_file::settings_file;

use crate::render::html::templates::{ASSETS, BUILT_IN};

/// A file to write, relative to the repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Its path, `/`-separated.
    pub path: String,
    /// Its text.
    pub text: String,
    /// Whether it is a script to make executable.
    pub executable: bool,
}

impl File {
    fn new(path: &str, text: impl Into<String>) -> File {
        File { path: path.to_string(), text: text.into(), executable: false }
    }
}

/// The files of a new repository in `language` (`en` or `zh-CN`), dated relative to `today`;
/// with `templates`, the built-in templates under `records/templates/` too.
pub fn repository(language: &str, today: NaiveDate, templates: bool) -> Vec<File> {
    let pretty = |v: serde_json::Value| format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
    let mut files = vec![
        File::new("records/cardfile.toml", settings_file(language)),
        File::new("records/team.toml", examples::team(language)),
        File::new("records/customers/example.toml", examples::customer(language, today)),
        File::new(".gitignore", ci::GITIGNORE),
        File::new(".gitattributes", git::GITATTRIBUTES),
        File::new("README.md", git::readme(language)),
        File::new(".github/workflows/cardfile.yml", ci::github_workflow()),
        File::new(".gitlab-ci.yml", ci::gitlab_ci()),
        File { executable: true, ..File::new(".githooks/pre-commit", ci::PRE_COMMIT) },
        File::new(".taplo.toml", ci::TAPLO),
        File::new(".cardfile/schema/customer.json", pretty(crate::schema::customer_schema())),
        File::new(".cardfile/schema/team.json", pretty(crate::schema::team_schema())),
        File::new(".cardfile/schema/settings.json", pretty(crate::schema::settings_schema())),
    ];
    if templates {
        for (name, text) in BUILT_IN.iter().chain(ASSETS) {
            files.push(File::new(&format!("records/templates/{name}"), *text));
        }
    }
    files
}

#[cfg(test)]
mod tests;
