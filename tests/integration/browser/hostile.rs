//! The hostile records of the browser tests: every text field of every kind of record holds
//! markup, script URLs, template syntax, CSS escapes, a right-to-left override and characters
//! outside the Basic Multilingual Plane; ids and dates stay valid, so the tree builds.

use crate::TempDir;

/// The script every hostile payload tries to run: it marks the document.
pub const PWN: &str = "document.documentElement.setAttribute('data-pwned','1')";

/// The payloads of the hostile-text test, each marked with `field` so a failure can be traced.
fn hostile(field: &str) -> String {
    let payloads = [
        format!("<script>{PWN}</script>"),
        format!("<img src=x onerror=\"{PWN}\">"),
        format!("\"><svg onload=\"{PWN}\">"),
        format!("'><svg/onload={PWN}>"),
        format!("</title><script>{PWN}</script>"),
        format!("</textarea></style></script><script>{PWN}</script><!--"),
        format!("[x](javascript:{PWN}) [y](JaVaScRiPt:{PWN}) ![z](x\" onerror=\"{PWN})"),
        format!("<a href=\"javascript:{PWN}\">a</a> <details open ontoggle=\"{PWN}\">"),
        "\\3c script\\3e \\22 x\\27 ;}</style><style>*{background:url(//example.invalid/x)} {{ 7*7 }} {% raw %}".into(),
        "\u{202E}gnp.exe 😀 𠀀 &amp; &lt;b&gt;".into(),
    ];
    format!("{field}: {}", payloads.join(" "))
}

/// [`hostile`] as a TOML string (a JSON string is a valid TOML basic string).
fn h(field: &str) -> String {
    serde_json::to_string(&hostile(field)).unwrap_or_default()
}

/// A records tree whose every text field is hostile: two owners, an active customer with
/// everything, a lost one and an archived one.
pub fn hostile_records(dir: &TempDir) {
    dir.write(
        "records/cardfile.toml",
        &format!("company = {}\n\n[[holiday]]\nname = {}\ndate = 2026-12-01\n", h("company"), h("holiday")),
    );
    dir.write(
        "records/team.toml",
        &format!(
            "[[member]]\nid = \"mallory\"\nname = {}\nemail = {}\nregion = {}\n\n\
             [[member]]\nid = \"trudy\"\nname = {}\n",
            h("member name"),
            h("member email"),
            h("member region"),
            h("other member name")
        ),
    );
    let customer = |name: &str, extra: &str| {
        format!(
            "name = {}\nowner = \"mallory\"\nregion = {}\ntags = [{}, {}]\nsince = 2024-01-10\n\
             credit_limit = 1000\nphone = {}\nemail = {}\nwechat = {}\naddress = {}\nnotes = {}\n{extra}\n\
             [[contact]]\nname = {}\ntitle = {}\nphone = {}\nemail = {}\nwechat = {}\nbirthday = \"11-28\"\n\n\
             [[interaction]]\ndate = 2026-11-02\nkind = \"visit\"\nby = \"trudy\"\nsummary = {}\nnext = 2026-11-27\n\n\
             [[order]]\ndate = 2025-09-01\nref = {}\nproduct = {}\namount = 5000\ncost = 3000\n\
             due = 2025-10-01\npaid = 2025-10-01\n\n\
             [[order]]\ndate = 2026-09-01\nref = {}\nproduct = {}\namount = 4000\ncost = 3100\ndue = 2026-10-01\n\n\
             [[complaint]]\nopened = 2026-11-20\nsummary = {}\nseverity = \"high\"\nby = \"trudy\"\n\n\
             [[complaint]]\nopened = 2026-06-01\nsummary = {}\nresolved = 2026-06-03\nresolution = {}\n\n\
             [[contract]]\nkind = {}\nstart = 2025-12-10\nend = 2026-12-10\n\n\
             [[opportunity]]\nopened = 2026-10-01\ntitle = {}\namount = 9000\nstage = \"quoted\"\n",
            h(name),
            h("region"),
            h("tag one"),
            h("tag two"),
            h("phone"),
            h("email"),
            h("wechat"),
            h("address"),
            h("notes"),
            h("contact name"),
            h("contact title"),
            h("contact phone"),
            h("contact email"),
            h("contact wechat"),
            h("interaction summary"),
            h("paid order ref"),
            h("paid order product"),
            h("open order ref"),
            h("open order product"),
            h("complaint summary"),
            h("resolved complaint summary"),
            h("complaint resolution"),
            h("contract kind"),
            h("opportunity title"),
        )
    };
    dir.write("records/customers/evil/evil-co.toml", &customer("customer name", ""));
    let loss = format!("\n[loss]\ndate = 2026-10-15\nreason = \"other\"\nnotes = {}\n", h("loss notes"));
    dir.write("records/customers/evil/lost-co.toml", &customer("lost customer name", &loss));
    dir.write("records/customers/evil/gone-co.toml", &customer("archived customer name", "archived = true\n"));
}
