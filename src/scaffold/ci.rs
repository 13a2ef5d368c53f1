//! The repository files around the records: git ignore, CI for GitHub and GitLab, the
//! pre-commit hook and the editor (Taplo) configuration.

/// Where CI installs cardfile from: the team replaces it with the URL of cardfile's source.
pub const CARDFILE_GIT: &str = "https://git.example.com/EDIT-ME/cardfile.git";

/// `.gitignore`: the built site is not committed.
pub const GITIGNORE: &str = "# The site cardfile builds; CI builds and publishes it.\nsite/\npublic/\n";

/// The version of cardfile the CI files install (this one): the tag `v{VERSION}` of the
/// source at [`CARDFILE_GIT`], and the key of the cached binary.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `.github/workflows/cardfile.yml`.
pub fn github_workflow() -> String {
    let install = r#"      # cardfile is compiled once per version and runner, then restored from the cache in seconds.
      - name: Cache cardfile
        id: cardfile-cache
        uses: actions/cache@v4
        with:
          path: ~/.cargo/bin/cardfile
          key: cardfile-${{ runner.os }}-${{ runner.arch }}-${{ env.CARDFILE_VERSION }}
      - name: Install cardfile
        if: steps.cardfile-cache.outputs.cache-hit != 'true'
        run: cargo install --locked --git "$CARDFILE_GIT" --tag "v$CARDFILE_VERSION" cardfile"#;
    format!(
        r#"# cardfile on GitHub Actions: check every pull request (annotating the changed files), write
# what it changes for the customers into the run's summary, and build the site on the default
# branch and publish it to GitHub Pages. The whole history is fetched (fetch-depth: 0): the
# site shows each customer's history, and the summary compares with the target branch.
# Turn Pages on under Settings → Pages → Source: GitHub Actions.
# Privacy: the Pages of a public repository are public. Keep customer data on private Pages,
# or add --redact to `cardfile build` below.
name: cardfile

on:
  pull_request:
  push:

env:
  # >>> EDIT ME: the git URL of cardfile's source, to install it from. <<<
  CARDFILE_GIT: {CARDFILE_GIT}
  # The version to install (the tag v{VERSION} there). The compiled binary is cached under it:
  # change it to upgrade.
  CARDFILE_VERSION: "{VERSION}"

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
{install}
      - name: Check the records
        run: cardfile check --format github
      - name: What this pull request changes for the customers
        if: always()
        run: cardfile diff "origin/$GITHUB_BASE_REF" --format markdown >> "$GITHUB_STEP_SUMMARY"

  site:
    if: github.event_name == 'push' && github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pages: write
      id-token: write
    concurrency:
      group: pages
      cancel-in-progress: false
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - id: pages
        uses: actions/configure-pages@v5
{install}
      - name: Check and build the site
        run: cardfile build --base-url "${{{{ steps.pages.outputs.base_url }}}}"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site
      - id: deployment
        uses: actions/deploy-pages@v4
"#
    )
}

/// `.gitlab-ci.yml`.
pub fn gitlab_ci() -> String {
    format!(
        r#"# cardfile on GitLab CI: check every merge request (its problems in the merge request's Code
# Quality widget, what it changes for the customers as an artifact) and publish the site from
# the default branch with GitLab Pages. GIT_DEPTH: 0 fetches the whole history, which the site
# and the summary read.
# Privacy: restrict Pages to project members (Settings → General → Visibility → Pages), or add
# --redact to `cardfile build` below.

variables:
  # >>> EDIT ME: the git URL of cardfile's source, to install it from. <<<
  CARDFILE_GIT: "{CARDFILE_GIT}"
  # The version to install (the tag v{VERSION} there). The compiled binary is cached under it:
  # change it to upgrade.
  CARDFILE_VERSION: "{VERSION}"
  GIT_DEPTH: "0"

default:
  image: rust:latest
  # cardfile is compiled once per version, then restored from the cache in seconds.
  cache:
    key: cardfile-$CARDFILE_VERSION
    paths:
      - .cardfile-bin/
  before_script:
    - test -x .cardfile-bin/bin/cardfile || cargo install --locked --root .cardfile-bin --git "$CARDFILE_GIT" --tag "v$CARDFILE_VERSION" cardfile
    - export PATH="$CI_PROJECT_DIR/.cardfile-bin/bin:$PATH"

# On merge requests, and on the default branch, whose report the merge requests' Code Quality
# widget compares with. The report is kept even when the check fails (when: always): that is
# the run that matters. The second check prints the problems in the job's log and fails it.
check:
  stage: test
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - cardfile check --format gitlab > gl-code-quality-report.json || true
    - cardfile check
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json

diff:
  stage: test
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - cardfile diff "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format markdown > cardfile-diff.md
  artifacts:
    when: always
    expose_as: "cardfile diff"
    paths:
      - cardfile-diff.md

pages:
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - cardfile build --out public --base-url "$CI_PAGES_URL"
  artifacts:
    paths:
      - public
"#
    )
}

/// `.githooks/pre-commit`.
pub const PRE_COMMIT: &str = r#"#!/bin/sh
# Checks the records before every commit. Turn it on once per clone, with the merge driver
# for customer files (.gitattributes), by running `cardfile git-setup`, or:
#   git config core.hooksPath .githooks
#   git config merge.cardfile.name "cardfile customer records"
#   git config merge.cardfile.driver "cardfile merge %O %A %B %P"
# Skip it for one commit with `git commit --no-verify`.
cd "$(git rev-parse --show-toplevel)" || exit 1
if ! command -v cardfile >/dev/null 2>&1; then
    echo "pre-commit: cardfile is not installed, so the records were not checked" >&2
    exit 0
fi
exec cardfile check
"#;

/// `.taplo.toml`: the schemas for Taplo and Even Better TOML.
pub const TAPLO: &str = r#"# Editor support for the records: completion, hover help and errors as you type, in any
# editor using Taplo (VS Code: the "Even Better TOML" extension). The schemas are written by
# `cardfile schema --out .cardfile/schema`; run it again after upgrading cardfile.

[[rule]]
include = ["records/customers/**/*.toml"]
[rule.schema]
path = ".cardfile/schema/customer.json"

[[rule]]
include = ["records/team.toml"]
[rule.schema]
path = ".cardfile/schema/team.json"

[[rule]]
include = ["records/cardfile.toml"]
[rule.schema]
path = ".cardfile/schema/settings.json"
"#;
