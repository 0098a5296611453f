//! How duplicates are recognized: organization names compared without case,
//! accents, punctuation or legal-form suffixes, and websites by domain.

/// Legal-form words that do not tell two organizations apart.
const LEGAL_FORMS: &[&str] = &[
    "ac",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "ev",
    "gmbh",
    "ggmbh",
    "sa",
    "sl",
    "sc",
    "sas",
    "srl",
    "ong",
    "ngo",
    "asbl",
    "vzw",
    "bv",
    "nv",
    "ab",
    "plc",
    "corp",
    "co",
    "cic",
    "cio",
    "ltda",
    "iap",
    "abp",
    "oy",
];

/// The organization name reduced to what identifies it: lower case, no
/// accents, no punctuation, no legal-form suffixes ("A.C.", "Inc.", "e.V.").
pub fn organization_key(name: &str) -> String {
    let folded = crate::text::fold(name);
    // "A.C." and "e.V." become single letters; join runs of one-letter words
    // so that they read as the suffix they were.
    let mut words: Vec<String> = Vec::new();
    let mut letters = String::new();
    for word in folded.split_whitespace() {
        if word.chars().count() == 1 {
            letters.push_str(word);
            continue;
        }
        if !letters.is_empty() {
            words.push(std::mem::take(&mut letters));
        }
        words.push(word.to_owned());
    }
    if !letters.is_empty() {
        words.push(letters);
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL_FORMS.contains(&w.as_str()))
    {
        words.pop();
    }
    if words.len() > 1 && words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    words.join(" ")
}

/// The key two signatures share when they are likely the same organization.
pub fn dedupe_key(name: &str, country: Option<&str>) -> String {
    format!("{}|{}", organization_key(name), country.unwrap_or(""))
}

/// What the coordinator's search looks in: the organization's name as
/// entered and as shown, the signer's name and the address, each folded
/// with [`crate::text::search_fold`] and on a line of its own, so that a
/// search (which never holds a line break) cannot match across two fields.
/// Never empty, so an empty key marks a row stored before keys existed.
pub fn search_key(
    name: &str,
    display_name: Option<&str>,
    signer_name: Option<&str>,
    email: &str,
) -> String {
    [
        name,
        display_name.unwrap_or(""),
        signer_name.unwrap_or(""),
        email,
    ]
    .map(crate::text::search_fold)
    .join("\n")
}

/// The domain of a website as typed ("www.Example.org/about" → "example.org"),
/// or `None` when it is not a web address: only `http` and `https` (or no
/// scheme), a host name with a dot, and no user name or password.
pub fn website_domain(website: &str) -> Option<String> {
    let trimmed = website.trim();
    if trimmed.is_empty() {
        return None;
    }
    let lower = trimmed.to_ascii_lowercase();
    let with_scheme = if lower.starts_with("https://") || lower.starts_with("http://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let url = url::Url::parse(&with_scheme).ok()?;
    if !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let url::Host::Domain(host) = url.host()? else {
        return None;
    };
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    host.contains('.').then(|| host.to_owned())
}

/// Whether the signer's address is at the organization's own domain (or a
/// subdomain of it): a strong sign they belong to it.
pub fn email_matches_domain(email: &str, domain: &str) -> bool {
    let Some((_, email_domain)) = email.rsplit_once('@') else {
        return false;
    };
    let email_domain = email_domain.to_lowercase();
    email_domain == domain || email_domain.ends_with(&format!(".{domain}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accent_case_punctuation_and_suffix_variants_share_a_key() {
        let variants = [
            "Centro de Estudios Hídricos A.C.",
            "centro de estudios hidricos, a. c.",
            "CENTRO DE ESTUDIOS HÍDRICOS AC",
            "Centro de Estudios Hidricos",
        ];

        let keys: Vec<String> = variants.iter().map(|v| organization_key(v)).collect();

        assert!(
            keys.iter().all(|k| k == "centro de estudios hidricos"),
            "{keys:?}"
        );
    }

    #[test]
    fn common_legal_forms_are_ignored() {
        assert_eq!(
            organization_key("Wasserwacht Berlin e.V."),
            organization_key("Wasserwacht Berlin")
        );
        assert_eq!(
            organization_key("Clean Taps Initiative, Inc."),
            organization_key("clean taps initiative")
        );
        assert_eq!(
            organization_key("The Water Trust Ltd"),
            organization_key("Water Trust")
        );
        assert_ne!(
            organization_key("Water Trust"),
            organization_key("Water Fund")
        );
    }

    #[test]
    fn the_country_is_part_of_the_duplicate_key() {
        assert_ne!(
            dedupe_key("Agua Viva", Some("MX")),
            dedupe_key("Agua Viva", Some("AR"))
        );
    }

    #[test]
    fn websites_are_compared_by_domain() {
        assert_eq!(
            website_domain("https://www.Example.org/about").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            website_domain("example.org").as_deref(),
            Some("example.org")
        );
        assert_eq!(website_domain("not a site"), None);
        for hostile in [
            "javascript://example.org/%0aalert(1)",
            "JavaScript://example.org",
            "ftp://example.org",
            "ftp:example.org",
            "mailto:ana@example.org",
            "data:text/html,x",
            "https://user:pw@example.org",
            "http://127.0.0.1/",
            "https://[::1]/",
        ] {
            assert_eq!(website_domain(hostile), None, "{hostile}");
        }
        assert!(email_matches_domain("ana@example.org", "example.org"));
        assert!(email_matches_domain("ana@mail.example.org", "example.org"));
        assert!(!email_matches_domain("ana@gmail.com", "example.org"));
        assert!(!email_matches_domain("ana@badexample.org", "example.org"));
    }
}
