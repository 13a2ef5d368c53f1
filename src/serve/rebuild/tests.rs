//! The kept builder against fresh full builds, after each of a series of edits.

use std::fs;
use std::path::Path;

use super::*;

/// One change to the records.
type Step = Box<dyn Fn(&Path)>;

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// What a fresh full build of the records serves.
fn full(config: &ServeConfig) -> Content {
    let today = config.today.unwrap();
    let project = Project::load(&config.records, today);
    if project.counts().errors > 0 {
        return Content::Errors(Arc::new(pages::errors_page(Some(&project.loaded), None)));
    }
    let options = project.site_options(config.redact, None).unwrap();
    let files = project.render(None, options).unwrap();
    Content::Site(Arc::new(files.into_iter().map(|(p, b)| (p, Arc::from(b))).collect()))
}

/// What the kept builder serves once the rebuild is finished: all its parts in one, or its
/// error page.
fn kept(builder: &mut Builder) -> Content {
    let mut first = None;
    let mut later: Vec<Arc<super::super::Files>> = Vec::new();
    let finished = builder.build(&|| false, &mut |part| {
        match part {
            Part::First(content) => first = Some(content),
            Part::Then(index, files) => {
                assert_eq!(index, later.len(), "the later parts come in order");
                later.push(files);
            }
        }
        true
    });
    assert!(finished);
    match first.unwrap() {
        Content::Site(pages) => {
            assert_eq!(later.len(), SITE_PARTS - 1);
            let all = || std::iter::once(&pages).chain(later.iter());
            let whole: super::super::Files =
                all().flat_map(|f| f.iter()).map(|(p, b)| (p.clone(), b.clone())).collect();
            assert_eq!(whole.len(), all().map(|f| f.len()).sum::<usize>(), "no file is in two parts");
            assert!(pages.keys().any(|p| p.starts_with("customers/") && p != "customers/index.html"));
            Content::Site(Arc::new(whole))
        }
        errors => {
            assert!(later.is_empty(), "nothing follows the error page");
            errors
        }
    }
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn after_each_edit_the_kept_build_serves_what_a_full_build_serves() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("records");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("records"), &root);
    let config = ServeConfig {
        records: root.clone(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25),
        out: None,
        redact: false,
        port: 0,
        no_history: true,
    };
    let mut builder = Builder::new(config.clone());
    let suzhou = "customers/east/suzhou";
    let steps: Vec<(&str, Step)> = vec![
        ("nothing changed", Box::new(|_| {})),
        // Other customers' pages link to this one by name.
        (
            "a referrer renamed",
            Box::new(move |r| edit(r, &format!("{suzhou}/wujiang-precision.toml"), "name = \"", "name = \"新")),
        ),
        (
            "a big order (every class may move)",
            Box::new(|r| {
                let path = r.join("customers/north/ma-jun.toml");
                let text = fs::read_to_string(&path).unwrap();
                fs::write(&path, format!("{text}\n[[order]]\ndate = 2026-11-20\namount = 9000000\n")).unwrap();
            }),
        ),
        ("a member renamed", Box::new(|r| edit(r, "team.toml", "name = \"张伟\"", "name = \"张大伟\""))),
        ("the settings changed", Box::new(|r| edit(r, "cardfile.toml", "company = \"", "company = \"新"))),
        ("a file broken", Box::new(|r| edit(r, "customers/north/ma-jun.toml", "owner = \"", "owner = \"nobody-"))),
        ("the file fixed", Box::new(|r| edit(r, "customers/north/ma-jun.toml", "owner = \"nobody-", "owner = \""))),
        (
            "a customer removed",
            Box::new(|r| fs::remove_file(r.join("customers/west/xian-weihe-precision.toml")).unwrap()),
        ),
        (
            "a customer added",
            Box::new(|r| {
                fs::write(r.join("customers/west/new-one.toml"), "name = \"新客户\"\nowner = \"zhang\"\n").unwrap()
            }),
        ),
    ];
    for (what, step) in steps {
        step(&root);
        let kept = kept(&mut builder);
        let fresh = full(&config);
        assert!(matches!(fresh, Content::Site(_)) || what == "a file broken", "{what}: the fixture itself fails");
        if let (Content::Site(a), Content::Site(b)) = (&kept, &fresh) {
            let differ: std::collections::BTreeSet<&String> =
                a.keys().chain(b.keys()).filter(|p| a.get(*p) != b.get(*p)).collect();
            assert!(differ.is_empty(), "{what}: pages differ from a full build: {differ:?}");
        }
        assert!(kept == fresh, "{what}: the kept build serves another content than a full build");
    }
    let (rendered, reused) = builder.memo.counts();
    assert!(reused > 0 && rendered > 0, "pages were reused ({reused}) and rendered ({rendered})");
}
