//! Paths of the site's pages. Every path derived from record data goes through here, so no
//! id or region can name a file outside the output directory.

use crate::records::valid_id;

/// The longest region (in bytes) whose page name spells it out in hexadecimal.
const HEX_MAX: usize = 100;

/// A region's page name, different for different regions: the region itself when it is a
/// plain lower-case slug (but not `index`, the list's own page, nor one starting with `r-` or
/// `h-`); else `r-` and its UTF-8 bytes in hexadecimal (`华东` → `r-e58d8ee4b89c`), so any text
/// (Chinese, slashes, dots) is safe; a region longer than 100 bytes gets `h-` and a 64-bit
/// hash (the site's writer refuses two pages with one path, should two ever meet).
pub fn region_slug(region: &str) -> String {
    let reserved = region == "index" || region.starts_with("r-") || region.starts_with("h-");
    if valid_id(region) && !reserved {
        return region.to_string();
    }
    if region.len() <= HEX_MAX {
        let hex: String = region.bytes().map(|b| format!("{b:02x}")).collect();
        return format!("r-{hex}");
    }
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let hash = region.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("h-{hash:016x}")
}

/// A customer's or member's page path under `dir`: `dir/<id>.<ext>`. Ids are validated
/// when loaded; anything else is refused rather than turned into a path.
pub fn id_path(dir: &str, id: &str, ext: &str) -> Option<String> {
    valid_id(id).then(|| format!("{dir}/{id}.{ext}"))
}

/// The anchor of the `index`-th entry (in file order) of a list of a customer's page:
/// `interaction-3`. The search index links to the same anchors.
pub fn anchor(list: &str, index: usize) -> String {
    format!("{list}-{index}")
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
        assert_eq!(slug, "r-e58d8ee4b89c2f2e2e2f2e2e2f657463");
        assert!(crate::render::safe_relative(&format!("regions/{slug}.html")));
        assert_ne!(region_slug("华东"), region_slug("华南"));
        let long = "长".repeat(40);
        assert!(region_slug(&long).starts_with("h-") && region_slug(&long).len() == 18);
    }

    #[test]
    fn region_names_never_collide_with_each_other_or_the_list() {
        // `index` is the list's page; a region spelled like another's page name gets its own.
        let regions = ["index", "r-e58d8ee4b89c", "华东", "h-1", "east", "East", "r-", ""];
        let slugs: std::collections::BTreeSet<String> = regions.iter().map(|r| region_slug(r)).collect();
        assert_eq!(slugs.len(), regions.len(), "{slugs:?}");
        assert!(!slugs.contains("index"));
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
