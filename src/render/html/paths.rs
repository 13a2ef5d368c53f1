//! Paths of the site's pages. Every path derived from record data goes through here, so no
//! id or region can name a file outside the output directory.

use crate::records::valid_id;

/// A region's page name: the region itself when it is a plain lower-case slug, else a
/// stable hash of it (`r-1a2b3c4d`), so any text (Chinese, slashes, dots) is safe.
pub fn region_slug(region: &str) -> String {
    if valid_id(region) {
        return region.to_string();
    }
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let hash = region.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("r-{hash:08x}")
}

/// A customer's or member's page path under `dir`: `dir/<id>.<ext>`. Ids are validated
/// when loaded; anything else is refused rather than turned into a path.
pub fn id_path(dir: &str, id: &str, ext: &str) -> Option<String> {
    valid_id(id).then(|| format!("{dir}/{id}.{ext}"))
}

/// The prefix that leads from a page at `path` back to the site's root (`""`, `"../"`).
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_become_safe_stable_slugs() {
        assert_eq!(region_slug("east"), "east");
        let slug = region_slug("华东/../../etc");
        assert!(slug.starts_with("r-") && slug.len() == 10, "{slug}");
        assert_eq!(slug, region_slug("华东/../../etc"));
        assert_ne!(region_slug("华东"), region_slug("华南"));
    }

    #[test]
    fn only_valid_ids_become_paths() {
        assert_eq!(id_path("customers", "acme", "html").as_deref(), Some("customers/acme.html"));
        assert_eq!(id_path("customers", "../x", "html"), None);
        assert_eq!(id_path("customers", "a/b", "html"), None);
    }

    #[test]
    fn root_prefix_counts_directories() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("customers/acme.html"), "../");
    }
}
