//! Loading a records directory: find the files, decode and parse them in parallel, read
//! them into domain types, and check the rules that span files. Records are only read.

mod cache;
pub mod choices;
mod customer;
pub mod dates;
mod entries;
pub mod file;
pub mod identity;
mod keeping;
pub mod keys;
mod load;
pub mod model;
pub mod numbers;
pub mod reader;
pub mod settings;
mod source;
mod team;
pub mod tree;
mod validate;

pub use validate::placeholder;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use sha2::Digest as _;

pub use cache::ParseCache;
pub use load::{FileKind, Found};
pub use model::Records;

use crate::diagnostics::{self, Code, Diagnostic};
use crate::records::settings::{Settings, read_settings};
use reader::{Ctx, Table};

/// Whether `id` matches `^[a-z0-9][a-z0-9-]{0,63}$`.
pub fn valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes[0] != b'-'
        && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

/// The id no customer or member may have although it matches the rule: `index`, the name of
/// the site's list pages (`customers/index.html`, `cards/index.html`), SPEC 1.
pub const RESERVED_ID: &str = "index";

/// Whether `id` names a device on Windows (`con`, `prn`, `aux`, `nul`, `com1`…`com9`,
/// `lpt1`…`lpt9`): a file `con.toml` cannot be checked out there, extension or not.
pub fn windows_device_name(id: &str) -> bool {
    let numbered = |prefix: &str| {
        id.strip_prefix(prefix).is_some_and(|n| n.len() == 1 && n.bytes().all(|b| (b'1'..=b'9').contains(&b)))
    };
    ["con", "prn", "aux", "nul"].contains(&id) || numbered("com") || numbered("lpt")
}

/// Everything loaded from a records directory.
pub struct Loaded {
    /// The settings (defaults where cardfile.toml is silent or absent).
    pub settings: Settings,
    /// The team and the customers.
    pub records: Records,
    /// Every problem found, in printing order.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of each file a diagnostic points into.
    pub texts: BTreeMap<String, String>,
    /// How many record files were read.
    pub files_read: usize,
}

/// What one file turned into.
#[derive(Clone)]
enum Content {
    Settings(Box<Settings>),
    Team(Vec<model::Member>),
    Customer(Arc<model::Customer>),
    Nothing,
}

#[derive(Clone)]
struct Parsed {
    rel: String,
    kind: FileKind,
    text: String,
    content: Content,
    diagnostics: Vec<Diagnostic>,
}

/// Loads and validates the records under `root`, as of `today`.
pub fn load(root: &Path, today: NaiveDate) -> Loaded {
    load_with(root, today, &BTreeMap::new())
}

/// Like [`load`], with the text of some files replaced or added in memory: `overlay` maps a
/// path relative to `root` (`/`-separated, e.g. `customers/acme.toml`) to the file's text.
/// Commands that write records validate their changes this way before touching the disk.
pub fn load_with(root: &Path, today: NaiveDate, overlay: &BTreeMap<String, String>) -> Loaded {
    let (mut found, diagnostics) = load::discover(root);
    load::add_overlay(root, &mut found, overlay.keys());
    load_found(root, found, diagnostics, today, overlay, false)
}

/// Like [`load`], with each customer's [`model::Customer::source`]: for a command that keys
/// what it makes from each record (the site's pages), at the cost of hashing every file.
pub fn load_hashed(root: &Path, today: NaiveDate) -> Loaded {
    let (found, diagnostics) = load::discover(root);
    load_found(root, found, diagnostics, today, &BTreeMap::new(), true)
}

/// The record files under `root` (settings, team, customers) with their text, by path
/// relative to `root`; files that cannot be read are left out (`check` names them).
pub fn texts_on_disk(root: &Path) -> BTreeMap<String, String> {
    let (found, _) = load::discover(root);
    found
        .iter()
        .filter_map(|f| load::read(f).ok().map(|bytes| (f.rel.clone(), source::decode(&f.rel, &bytes).text)))
        .collect()
}

/// Loads records that are not on disk: `files` maps a path relative to the records
/// directory (`customers/acme.toml`, `team.toml`) to its text, as read from a git revision.
/// Paths that are not record files are ignored.
pub fn load_texts(files: &BTreeMap<String, String>, today: NaiveDate) -> Loaded {
    let root = Path::new("");
    let mut found = Vec::new();
    load::add_overlay(root, &mut found, files.keys());
    for (rel, kind) in [("cardfile.toml", FileKind::Settings), ("team.toml", FileKind::Team)] {
        if files.contains_key(rel) {
            found.push(Found { rel: rel.to_string(), path: root.join(rel), kind });
        }
    }
    found.sort_by(|a, b| a.rel.split('/').cmp(b.rel.split('/')));
    load_found(root, found, Vec::new(), today, files, false)
}

fn load_found(
    root: &Path,
    found: Vec<Found>,
    diagnostics: Vec<Diagnostic>,
    today: NaiveDate,
    overlay: &BTreeMap<String, String>,
    hashed: bool,
) -> Loaded {
    let parse = |f: &Found| parse_file(f, today, overlay.get(&f.rel), hashed);
    assemble(root, found, diagnostics, today, overlay, parse)
}

/// Turns the files found into what was loaded: each parsed by `parse` (in parallel), then
/// the rules that span files.
fn assemble(
    root: &Path,
    found: Vec<Found>,
    mut diagnostics: Vec<Diagnostic>,
    today: NaiveDate,
    overlay: &BTreeMap<String, String>,
    parse: impl Fn(&Found) -> Parsed + Sync + Send,
) -> Loaded {
    let files_read = found.len();
    let readable: BTreeMap<String, std::path::PathBuf> =
        found.iter().map(|f| (f.rel.clone(), f.path.clone())).collect();
    // A team.toml that exists but cannot be read (a directory, say) has its own diagnostic.
    let team_found =
        found.iter().any(|f| f.kind == FileKind::Team) || diagnostics.iter().any(|d| d.file == "team.toml");
    let parsed: Vec<Parsed> = found.par_iter().map(parse).collect();

    let mut settings = None;
    let mut members = None;
    let mut customers = Vec::new();
    let mut texts = BTreeMap::new();
    for p in parsed {
        // Texts are kept only where a diagnostic may point; the rest are read again if a
        // rule that spans files points into them (few), which keeps memory small.
        if !p.diagnostics.is_empty() {
            texts.insert(p.rel.clone(), p.text);
        }
        diagnostics.extend(p.diagnostics);
        match p.content {
            Content::Settings(s) => settings = Some(*s),
            Content::Team(t) => members = Some(t),
            Content::Customer(c) => customers.push(c),
            Content::Nothing => {
                if let FileKind::Customer(id) = p.kind {
                    customers.push(Arc::new(validate::placeholder(&id, &p.rel)));
                }
            }
        }
    }
    // A team.toml that exists but cannot be read has its own diagnostics; it is not missing.
    if !team_found && root.is_dir() {
        diagnostics.push(
            Diagnostic::whole_file(Code::MissingTeam, "team.toml", "team.toml is missing: no one can own a customer")
                .with_help("create team.toml with one [[member]] (id, name) per person"),
        );
    }
    let has_team = members.is_some();
    let mut records = Records { members: members.unwrap_or_default(), customers };
    validate::cross_file(&mut records, has_team, today, &mut diagnostics);
    diagnostics::sort(&mut diagnostics);
    diagnostics::cap_repeats(&mut diagnostics);
    let referenced: std::collections::BTreeSet<&str> = diagnostics
        .iter()
        .flat_map(|d| std::iter::once(d.file.as_str()).chain(d.labels.iter().map(|l| l.file.as_str())))
        .collect();
    texts.retain(|rel, _| referenced.contains(rel.as_str()));
    // Only the record files found are read again, through the one reading function: a
    // refused link, a directory or a misplaced file is never opened (its text stays empty).
    for rel in referenced {
        if !texts.contains_key(rel) {
            let text = match (overlay.get(rel), readable.get(rel)) {
                (Some(text), _) => text.clone(),
                (None, Some(path)) => {
                    file::read_record_file(path).map(|b| source::decode(rel, &b).text).unwrap_or_default()
                }
                (None, None) => String::new(),
            };
            texts.insert(rel.to_string(), text);
        }
    }
    Loaded { settings: settings.unwrap_or_default(), records, diagnostics, texts, files_read }
}

/// The per-file diagnostics of one customer file's `text` (`rel` names it, its stem is the
/// id), as `check` finds them before any rule that spans files (team members, ids, referrals).
/// The merge driver checks its result with it.
pub fn check_customer_text(rel: &str, text: &str, today: NaiveDate) -> Vec<Diagnostic> {
    let stem = rel.rsplit('/').next().unwrap_or(rel).trim_end_matches(".toml");
    let found = Found { rel: rel.to_string(), path: rel.into(), kind: FileKind::Customer(stem.to_string()) };
    parse_file(&found, today, Some(&text.to_string()), false).diagnostics
}

/// Reads and parses one file (`overlaid`: its text in memory instead); with `hashed`, a
/// customer gets its [`model::Customer::source`].
fn parse_file(found: &Found, today: NaiveDate, overlaid: Option<&String>, hashed: bool) -> Parsed {
    let mut parsed = Parsed {
        rel: found.rel.clone(),
        kind: found.kind.clone(),
        text: String::new(),
        content: Content::Nothing,
        diagnostics: Vec::new(),
    };
    let read = match overlaid {
        Some(text) => Ok(text.as_bytes().to_vec()),
        None => load::read(found),
    };
    match read {
        Ok(bytes) => parse_bytes(found, today, &bytes, hashed.then(|| content_hash(&bytes))),
        Err(d) => {
            parsed.diagnostics.push(*d);
            parsed
        }
    }
}

/// A hash of a file's bytes: the first 128 bits of their SHA-256, so that no crafted text can
/// pass for another.
pub fn content_hash(bytes: &[u8]) -> u128 {
    let digest = sha2::Sha256::digest(bytes);
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    u128::from_be_bytes(first)
}

/// Decodes, parses and reads one file's bytes (a customer gets `source` as its
/// [`model::Customer::source`]); the text is kept when it has diagnostics.
fn parse_bytes(found: &Found, today: NaiveDate, bytes: &[u8], source: Option<u128>) -> Parsed {
    let mut parsed = Parsed {
        rel: found.rel.clone(),
        kind: found.kind.clone(),
        text: String::new(),
        content: Content::Nothing,
        diagnostics: Vec::new(),
    };
    let decoded = source::decode(&found.rel, bytes);
    parsed.text = decoded.text;
    if !decoded.fatal.is_empty() {
        parsed.diagnostics = decoded.fatal;
        return parsed;
    }
    let table = match tree::parse(&parsed.text) {
        Ok(table) => table,
        Err(errors) => {
            parsed.diagnostics = errors
                .iter()
                .map(|e| {
                    let span = e.span().unwrap_or(0..0);
                    Diagnostic::new(Code::Syntax, &found.rel, span, format!("TOML syntax: {}", e.message().trim_end()))
                })
                .collect();
            return parsed;
        }
    };
    let mut cx = Ctx::new(&found.rel);
    let top = Table::new(&table, 0..0, "the settings");
    parsed.content = match &found.kind {
        FileKind::Settings => Content::Settings(Box::new(read_settings(&mut cx, &top))),
        FileKind::Team => Content::Team(team::read_team(&mut cx, &Table::new(&table, 0..0, "team.toml"))),
        FileKind::Customer(id) => {
            let top = Table::new(&table, 0..0, "the customer");
            let mut customer = customer::read_customer(&mut cx, &top, id, today);
            customer.source = source;
            top.finish(&mut cx);
            Content::Customer(Arc::new(customer))
        }
    };
    parsed.diagnostics = cx.diagnostics;
    // The text is kept only where a diagnostic points (a rule that spans files reads the few
    // others again): all texts of 10,000 customers held until the last is parsed are 53 MB.
    if parsed.diagnostics.is_empty() {
        parsed.text = String::new();
    }
    parsed
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::{Code, check_customer_text, load_texts, valid_id, windows_device_name};

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    /// Each diagnostic of `code` as (the text at its span, its replacement).
    fn fixes(text: &str, diagnostics: &[super::Diagnostic], code: Code) -> Vec<(String, Option<String>)> {
        diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| (text[d.span.clone().unwrap_or(0..0)].to_string(), d.replacement.clone()))
            .collect()
    }

    #[test]
    fn a_near_spelling_is_given_as_the_replacement_of_the_span() {
        let text = "name = \"Acme\"\nowner = \"li\"\nrelatinship = \"basic\"\nzzzzzz = 1\n\n[[interaction]]\ndate = 2026-01-02\nkind = \"visti\"\nsummary = \"x\"\n[[interaction]]\ndate = 2026-01-03\nkind = \"phone\"\nsummary = \"x\"\n";
        let found = check_customer_text("customers/acme.toml", text, day());
        assert_eq!(
            fixes(text, &found, Code::UnknownKey),
            [("relatinship".to_string(), Some("relationship".to_string())), ("zzzzzz".to_string(), None)]
        );
        assert_eq!(
            fixes(text, &found, Code::NotAllowed),
            [("\"visti\"".to_string(), Some("\"visit\"".to_string())), ("\"phone\"".to_string(), None)]
        );
    }

    #[test]
    fn an_owner_near_a_member_id_is_given_its_replacement() {
        let team = "[[member]]\nid = \"li\"\nname = \"Li\"\n[[member]]\nid = \"wang\"\nname = \"Wang\"\n";
        let acme = "name = \"Acme\"\nowner = \"wnag\"\n";
        let bolt = "name = \"Bolt\"\nowner = \"someone-else\"\n";
        let files = BTreeMap::from([
            ("team.toml".to_string(), team.to_string()),
            ("customers/acme.toml".to_string(), acme.to_string()),
            ("customers/bolt.toml".to_string(), bolt.to_string()),
        ]);
        let loaded = load_texts(&files, day());
        let of = |file: &str| {
            let d: Vec<super::Diagnostic> = loaded.diagnostics.iter().filter(|d| d.file == file).cloned().collect();
            fixes(&files[file], &d, Code::UnknownMember)
        };
        assert_eq!(of("customers/acme.toml"), [("\"wnag\"".to_string(), Some("\"wang\"".to_string()))]);
        assert_eq!(of("customers/bolt.toml"), [("\"someone-else\"".to_string(), None)]);
    }

    #[test]
    fn ids_follow_the_rule() {
        assert!(valid_id("acme"));
        assert!(valid_id("0-a"));
        assert!(valid_id(&"a".repeat(64)));
        assert!(!valid_id(&"a".repeat(65)));
        assert!(!valid_id("-acme"));
        assert!(!valid_id("Acme"));
        assert!(!valid_id("acme_1"));
        assert!(!valid_id(""));
        assert!(!valid_id("华东"));
    }

    #[test]
    fn windows_device_names_are_known() {
        for id in ["con", "aux", "nul", "prn", "com1", "com9", "lpt1", "lpt9"] {
            assert!(windows_device_name(id), "{id}");
        }
        for id in ["com0", "com10", "lpt", "console", "acme", "nul-co"] {
            assert!(!windows_device_name(id), "{id}");
        }
    }
}
