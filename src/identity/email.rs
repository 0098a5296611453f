//! Email addresses as typed in a form or a file, parsed once into the one
//! form every cap, limit, duplicate check and suppression is keyed on.
//!
//! RFC 5321 allows spellings that deliver to the same mailbox yet compare
//! as different strings (`"cap"@x`, `"c\ap"@x`, `cap@X`, `cap@[192.0.2.1]`),
//! which would let one mailbox pass for many. Real signers and journalists
//! use none of them, so only the plain form is accepted: a dot-atom local
//! part, and a domain name that IDNA turns into its ASCII form.

/// Longest address a mail server must accept (RFC 5321 4.5.3.1, path less
/// the angle brackets).
const MAX_ADDRESS: usize = 254;
const MAX_LOCAL_PART: usize = 64;
const MAX_DOMAIN: usize = 253;
const MAX_LABEL: usize = 63;

/// A canonical email address: trimmed, lower case, a dot-atom local part
/// and an internet domain name in its ASCII (IDNA) form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// The canonical form of `input`, or `None` when it is not a plain,
    /// deliverable internet address.
    pub fn parse(input: &str) -> Option<Self> {
        let lower = input.trim().to_lowercase();
        let (local, domain) = lower.rsplit_once('@')?;
        if !is_dot_atom(local) || local.chars().count() > MAX_LOCAL_PART {
            return None;
        }
        let domain = ascii_domain(domain)?;
        let email = format!("{local}@{domain}");
        let deliverable = email.len() <= MAX_ADDRESS && email.parse::<lettre::Address>().is_ok();
        deliverable.then_some(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// RFC 5322 dot-atom with UTF-8 allowed (RFC 6531): no quotes, no
/// backslashes, no comments, no empty atoms.
fn is_dot_atom(local: &str) -> bool {
    !local.is_empty()
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom.chars().all(|c| {
                    c.is_ascii_alphanumeric()
                        || "!#$%&'*+-/=?^_`{|}~".contains(c)
                        || (!c.is_ascii() && !c.is_control() && !c.is_whitespace())
                })
        })
}

/// The domain in IDNA ASCII form, when it is a name that mail can reach: at
/// least two labels of letters, digits and inner hyphens, and a top-level
/// label that is not a number. Address literals (`[192.0.2.1]`) are refused.
fn ascii_domain(domain: &str) -> Option<String> {
    if domain.starts_with('[') || domain.ends_with('.') {
        return None;
    }
    let ascii = match url::Host::parse(domain).ok()? {
        url::Host::Domain(ascii) => ascii,
        url::Host::Ipv4(_) | url::Host::Ipv6(_) => return None,
    };
    let labels: Vec<&str> = ascii.split('.').collect();
    let valid_labels = labels.iter().all(|label| {
        (1..=MAX_LABEL).contains(&label.len())
            && label
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    });
    let top = labels.last()?;
    let named_top = !top.chars().all(|c| c.is_ascii_digit());
    (labels.len() >= 2 && valid_labels && named_top && ascii.len() <= MAX_DOMAIN).then_some(ascii)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn canonical(input: &str) -> Option<String> {
        Email::parse(input).map(|e| e.as_str().to_owned())
    }

    #[test]
    fn a_plain_address_is_trimmed_and_lower_cased() {
        assert_eq!(
            canonical("  Ana.Nunez+press@Agua-Viva.ORG "),
            Some("ana.nunez+press@agua-viva.org".into())
        );
    }

    #[test]
    fn an_international_domain_is_kept_in_its_ascii_form() {
        assert_eq!(
            canonical("ana@München.de"),
            Some("ana@xn--mnchen-3ya.de".into())
        );
        assert_eq!(
            canonical("ana@xn--mnchen-3ya.de"),
            canonical("ana@münchen.de")
        );
    }

    #[test]
    fn spellings_that_reach_the_same_mailbox_are_refused() {
        for input in [
            "\"cap\"@victim.example",
            "\"\\cap\"@victim.example",
            "\"c\\ap\"@victim.example",
            "cap(comment)@victim.example",
            "x@[127.0.0.1]",
            "x@[IPv6:::1]",
            "x@127.0.0.1",
            "x@localhost",
            "x@victim.example.",
            "x@-victim.example",
            "x@victim..example",
            ".cap@victim.example",
            "cap.@victim.example",
            "c..ap@victim.example",
            "cap @victim.example",
            "cap@victim.123",
            "",
            "@victim.example",
            "cap@",
        ] {
            assert_eq!(canonical(input), None, "{input:?}");
        }
    }

    #[test]
    fn overlong_parts_are_refused() {
        let local = "a".repeat(65);
        assert_eq!(canonical(&format!("{local}@e.org")), None);
        let label = "a".repeat(64);
        assert_eq!(canonical(&format!("x@{label}.org")), None);
        let long = format!("x@{}.org", vec!["a".repeat(60); 5].join("."));
        assert_eq!(canonical(&long), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn parsing_never_panics_and_its_output_is_a_fixed_point(input in "\\PC{0,80}") {
            if let Some(email) = Email::parse(&input) {
                prop_assert_eq!(Email::parse(email.as_str()), Some(email.clone()));
                prop_assert!(!email.as_str().contains(['"', '\\', '[', ']', ' ']));
            }
        }

        #[test]
        fn addresses_shaped_like_real_ones_parse_to_one_form(
            local in "[a-zA-Z0-9][a-zA-Z0-9._+-]{0,20}[a-zA-Z0-9]",
            domain in "[a-zA-Z][a-zA-Z0-9-]{0,10}[a-zA-Z0-9]\\.(org|MX|com\\.gt)",
        ) {
            prop_assume!(!local.contains(".."));
            // "xn--" starts a punycode label, which must decode.
            prop_assume!(!domain.to_ascii_lowercase().starts_with("xn--"));
            let typed = format!(" {local}@{domain} ");
            let email = Email::parse(&typed);
            prop_assert!(email.is_some(), "{typed}");
            prop_assert_eq!(
                email.map(|e| e.as_str().to_owned()),
                Some(format!("{local}@{domain}").to_lowercase())
            );
        }
    }
}
