//! Who may ask the preview for anything: only this machine's browser, by the names of the
//! loopback address. A page on another site that rebinds its own name to 127.0.0.1 (DNS
//! rebinding) reaches the port but sends its own name as `Host`, and is refused; script on
//! another origin that asks the live-reload endpoint says where it comes from (`Origin`,
//! `Sec-Fetch-Site`), and is refused too. No response carries CORS headers, so a browser
//! never lets another origin read one.

/// Why a request is refused: its status and a one-line explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The status code (403 or 405).
    pub status: u16,
    /// The explanation, one line.
    pub message: String,
}

impl Refusal {
    fn forbidden(message: String) -> Refusal {
        Refusal { status: 403, message }
    }
}

/// The `Host` values the preview answers on `port`: the loopback address by its three
/// names, with the port (and without it too when the port is HTTP's default, 80, as a
/// browser then sends it).
pub fn allowed_hosts(port: u16) -> Vec<String> {
    let mut hosts: Vec<String> = ["127.0.0.1", "localhost", "[::1]"].iter().map(|h| format!("{h}:{port}")).collect();
    if port == 80 {
        hosts.extend(["127.0.0.1", "localhost", "[::1]"].iter().map(|h| h.to_string()));
    }
    hosts
}

/// Whether `host` (a `Host` header or a URL's authority) names the loopback address on `port`.
pub fn host_allowed(host: &str, port: u16) -> bool {
    allowed_hosts(port).iter().any(|h| h.eq_ignore_ascii_case(host))
}

/// Whether an `Origin` is one of the preview's own (`http://` and an allowed host).
pub fn origin_allowed(origin: &str, port: u16) -> bool {
    origin.strip_prefix("http://").is_some_and(|host| host_allowed(host, port))
}

/// What a request says about itself, as far as the checks need it.
#[derive(Debug, Default, Clone, Copy)]
pub struct Asked<'a> {
    /// The method.
    pub method: &'a str,
    /// The `Host` header (`None` when missing or not text).
    pub host: Option<&'a str>,
    /// The authority of an absolute request target (`GET http://name/ HTTP/1.1`).
    pub authority: Option<&'a str>,
    /// The `Origin` header.
    pub origin: Option<&'a str>,
    /// The `Sec-Fetch-Site` header.
    pub fetch_site: Option<&'a str>,
    /// Whether the path is the live-reload endpoint (script-driven, so also checked for
    /// where the asking page comes from).
    pub live_reload: bool,
}

/// Checks a request before anything is looked up: `Ok` to answer it, else the refusal.
pub fn check(asked: &Asked<'_>, port: u16) -> Result<(), Refusal> {
    let Some(host) = asked.host else {
        return Err(Refusal::forbidden(format!(
            "refused: the request names no Host; the preview answers only http://127.0.0.1:{port}/"
        )));
    };
    for name in std::iter::once(host).chain(asked.authority) {
        if !host_allowed(name, port) {
            return Err(Refusal::forbidden(format!(
                "refused: Host \"{}\" is not this machine's preview; open http://127.0.0.1:{port}/ \
                 (a page of another site must not read it)",
                crate::terminal::escape(name)
            )));
        }
    }
    if asked.method != "GET" && asked.method != "HEAD" {
        return Err(Refusal { status: 405, message: "refused: the preview answers only GET and HEAD".to_string() });
    }
    if asked.live_reload {
        if let Some(origin) = asked.origin.filter(|o| !origin_allowed(o, port)) {
            return Err(Refusal::forbidden(format!(
                "refused: the live-reload endpoint answers only the preview's own pages, not \"{}\"",
                crate::terminal::escape(origin)
            )));
        }
        if asked.fetch_site.is_some_and(|s| s != "same-origin" && s != "none") {
            return Err(Refusal::forbidden(
                "refused: the live-reload endpoint answers only the preview's own pages".to_string(),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORT: u16 = 8765;

    fn get(host: Option<&str>) -> Asked<'_> {
        Asked { method: "GET", host, ..Asked::default() }
    }

    #[test]
    fn only_the_loopback_names_with_the_port_are_served() {
        for host in ["127.0.0.1:8765", "localhost:8765", "LocalHost:8765", "[::1]:8765"] {
            assert_eq!(check(&get(Some(host)), PORT), Ok(()), "{host}");
        }
        for host in [
            "attacker.example:8765",
            "attacker.example",
            "127.0.0.1.attacker.example:8765",
            "127.0.0.1.attacker.example",
            "localhost.attacker.example:8765",
            "127.0.0.1",
            "127.0.0.1:8766",
            "127.0.0.1:8765.attacker.example",
            "[::1]",
            "[::1]:8766",
            "::1:8765",
            "[::ffff:127.0.0.1]:8765",
            "[0:0:0:0:0:0:0:1]:8765",
            "127.1:8765",
            "",
        ] {
            let refused = check(&get(Some(host)), PORT).expect_err(host);
            assert_eq!(refused.status, 403, "{host}");
            assert!(!refused.message.contains('\n'), "{host}: one line");
        }
        let refused = check(&get(None), PORT).expect_err("no Host");
        assert_eq!(refused.status, 403);
    }

    #[test]
    fn port_80_is_also_served_without_the_port() {
        assert_eq!(check(&get(Some("127.0.0.1")), 80), Ok(()));
        assert_eq!(check(&get(Some("localhost")), 80), Ok(()));
        assert!(check(&get(Some("attacker.example")), 80).is_err());
    }

    #[test]
    fn an_absolute_target_must_name_the_preview_too() {
        let asked = Asked { authority: Some("attacker.example:8765"), ..get(Some("127.0.0.1:8765")) };
        assert_eq!(check(&asked, PORT).map_err(|r| r.status), Err(403));
        let asked = Asked { authority: Some("127.0.0.1:8765"), ..get(Some("127.0.0.1:8765")) };
        assert_eq!(check(&asked, PORT), Ok(()));
    }

    #[test]
    fn only_get_and_head() {
        for method in ["GET", "HEAD"] {
            assert_eq!(check(&Asked { method, ..get(Some("127.0.0.1:8765")) }, PORT), Ok(()));
        }
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get"] {
            let refused = check(&Asked { method, ..get(Some("127.0.0.1:8765")) }, PORT).expect_err(method);
            assert_eq!(refused.status, 405, "{method}");
        }
    }

    #[test]
    fn the_live_reload_endpoint_checks_where_the_page_comes_from() {
        let reload = Asked { live_reload: true, ..get(Some("127.0.0.1:8765")) };
        assert_eq!(check(&reload, PORT), Ok(()), "no Origin: a script element of our page");
        for origin in ["http://127.0.0.1:8765", "http://localhost:8765", "http://[::1]:8765"] {
            assert_eq!(check(&Asked { origin: Some(origin), ..reload }, PORT), Ok(()), "{origin}");
        }
        for origin in ["http://attacker.example", "https://127.0.0.1:8765", "http://127.0.0.1:1", "null"] {
            let refused = check(&Asked { origin: Some(origin), ..reload }, PORT).expect_err(origin);
            assert_eq!(refused.status, 403, "{origin}");
        }
        for site in ["same-origin", "none"] {
            assert_eq!(check(&Asked { fetch_site: Some(site), ..reload }, PORT), Ok(()), "{site}");
        }
        for site in ["cross-site", "same-site"] {
            assert!(check(&Asked { fetch_site: Some(site), ..reload }, PORT).is_err(), "{site}");
        }
        let page = Asked { origin: Some("http://attacker.example"), ..get(Some("127.0.0.1:8765")) };
        assert_eq!(check(&page, PORT), Ok(()), "a page is checked by Host only");
    }
}
