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

/// The key two signatures share when they may be the same organization:
/// its name reduced by [`organization_key`]. The country is not part of
/// it, because one side often leaves it out; [`countries_agree`] decides.
pub fn dedupe_key(name: &str) -> String {
    organization_key(name)
}

/// Whether two signatures with the same [`dedupe_key`] are taken for one
/// organization: their countries are equal, or at least one is unknown.
/// Two different countries name two organizations ("Agua Viva, MX" and
/// "Agua Viva, AR").
pub fn countries_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Of signatures that share a [`dedupe_key`] (id and country), those that
/// another of them may duplicate: one with the same country or with none,
/// or, for one without a country, any other.
pub fn agreeing(group: &[(String, Option<String>)]) -> Vec<&str> {
    let mut by_country: std::collections::HashMap<Option<&str>, usize> =
        std::collections::HashMap::new();
    for (_, country) in group {
        *by_country.entry(country.as_deref()).or_default() += 1;
    }
    let unknown = by_country.get(&None).copied().unwrap_or(0);
    group
        .iter()
        .filter(|(_, country)| match country.as_deref() {
            None => group.len() > 1,
            known => unknown > 0 || by_country.get(&known).copied().unwrap_or(0) > 1,
        })
        .map(|(id, _)| id.as_str())
        .collect()
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
    fn a_missing_country_agrees_with_any_but_two_countries_differ() {
        assert!(countries_agree(Some("MX"), None));
        assert!(countries_agree(None, None));
        assert!(countries_agree(Some("MX"), Some("MX")));
        assert!(!countries_agree(Some("MX"), Some("AR")));
    }

    #[test]
    fn in_a_group_only_signatures_that_agree_on_the_country_are_flagged() {
        let row = |id: &str, c: Option<&str>| (id.to_owned(), c.map(str::to_owned));

        let two_countries = [row("mx", Some("MX")), row("ar", Some("AR"))];
        let one_unknown = [row("mx", Some("MX")), row("ar", Some("AR")), row("x", None)];
        let pair = [
            row("a", Some("MX")),
            row("b", Some("MX")),
            row("ar", Some("AR")),
        ];

        assert!(agreeing(&two_countries).is_empty());
        assert_eq!(agreeing(&one_unknown), ["mx", "ar", "x"]);
        assert_eq!(agreeing(&pair), ["a", "b"]);
        assert!(agreeing(&[row("alone", None)]).is_empty());
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
