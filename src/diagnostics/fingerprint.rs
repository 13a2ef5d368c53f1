//! Stable fingerprints of diagnostics, by which GitLab and code-scanning tools follow one
//! problem from commit to commit.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::Report;

/// One fingerprint per diagnostic of `report`, in order: the SHA-256, in hex, of the code, the
/// file's path from the repository root (`prefix` is the records directory's), the offending
/// text (the text the span covers, or the message for a problem with the whole file) and how
/// many diagnostics with the same three came before it in the file. The line is not part of
/// it, so an edit above a problem leaves its fingerprint as it was; the count keeps two equal
/// problems of one file (the same misspelt key in two orders) apart.
pub fn fingerprints(report: &Report<'_>, prefix: &str) -> Vec<String> {
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let text = report.text(&d.file);
            let offending = d.span.clone().filter(|s| !s.is_empty()).and_then(|s| text.get(s)).unwrap_or(&d.message);
            let n = seen.entry((d.code.as_str(), &d.file, offending)).or_insert(0);
            let occurrence = *n;
            *n += 1;
            let mut hash = Sha256::new();
            for part in [d.code.as_str(), prefix, &d.file, "\0", offending, "\0", &occurrence.to_string()] {
                hash.update(part.as_bytes());
            }
            hash.update(b"\0");
            hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::diagnostics::{Code, Diagnostic};

    fn unknown_key(text: &str, key: &str, nth: usize) -> Diagnostic {
        let start = text.match_indices(key).nth(nth).map(|(i, _)| i).unwrap_or(0);
        Diagnostic::new(Code::UnknownKey, "customers/a.toml", start..start + key.len(), format!("unknown key `{key}`"))
    }

    fn of(text: &str, diagnostics: &[Diagnostic], prefix: &str) -> Vec<String> {
        let texts = BTreeMap::from([("customers/a.toml".to_string(), text.to_string())]);
        fingerprints(&Report { diagnostics, texts: &texts, files_read: 1 }, prefix)
    }

    #[test]
    fn a_line_added_above_leaves_the_fingerprint_alone() {
        let before = "name = \"A\"\namout = 5\n";
        let after = "# a comment\nname = \"A\"\n\namout = 5\n";
        let a = of(before, &[unknown_key(before, "amout", 0)], "records/");
        let b = of(after, &[unknown_key(after, "amout", 0)], "records/");
        assert_eq!(a, b);
        assert_eq!(a[0].len(), 64);
        assert!(a[0].bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn code_file_text_and_repeats_each_change_it() {
        let text = "amout = 5\n[[order]]\namout = 6\nnmae = 1\n";
        let both = [unknown_key(text, "amout", 0), unknown_key(text, "amout", 1), unknown_key(text, "nmae", 0)];
        let prints = of(text, &both, "records/");
        assert_ne!(prints[0], prints[1], "the same key twice in one file");
        assert_ne!(prints[0], prints[2], "another key");
        assert_ne!(prints, of(text, &both, "team/records/"), "another file");
        let mut wrong_type = both[0].clone();
        wrong_type.code = Code::WrongType;
        assert_ne!(of(text, &[wrong_type], "records/")[0], prints[0], "another code");
    }

    #[test]
    fn a_problem_with_the_whole_file_is_told_apart_by_its_message() {
        let a = Diagnostic::whole_file(Code::Misplaced, "customers/a.toml", "one thing");
        let b = Diagnostic::whole_file(Code::Misplaced, "customers/a.toml", "another");
        let prints = of("", &[a, b], "");
        assert_ne!(prints[0], prints[1]);
    }
}
