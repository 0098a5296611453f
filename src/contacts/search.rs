//! Finding contacts: a search over name, address and outlet, filters by
//! tag, outlet, country and language, and keyset pages.

use serde::Deserialize;

/// What the contacts page asks for; empty fields match everything.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filter {
    /// Words in the name, address or outlet.
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub tag: String,
    #[serde(default)]
    pub outlet: String,
    /// An ISO 3166 code.
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub language: String,
    /// The id of the last contact of the previous page.
    #[serde(default)]
    pub after: String,
    /// The members of a saved list, set by its page, never by the query.
    #[serde(skip)]
    pub within: Option<Within>,
}

/// A saved list's selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Within {
    HandPicked(String),
    AnyTag(Vec<String>),
}

impl Filter {
    /// The query string of this filter without its page, to build links.
    pub fn query(&self) -> String {
        let pairs = [
            ("q", &self.q),
            ("tag", &self.tag),
            ("outlet", &self.outlet),
            ("country", &self.country),
            ("language", &self.language),
        ];
        let kept: Vec<(&str, &str)> = pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (*k, v.trim()))
            .collect();
        serde_urlencoded::to_string(kept).unwrap_or_default()
    }

    pub fn is_narrowed(&self) -> bool {
        !self.query().is_empty()
    }
}

/// Contacts shown on one page.
pub const PAGE_SIZE: i64 = 50;

/// One page of contacts and where the next begins.
#[derive(Debug, Clone)]
pub struct Page {
    pub contacts: Vec<super::Listed>,
    /// Contacts matching the filter on all pages.
    pub total: i64,
    /// The `after` value of the next page, when there is one.
    pub next: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_links_with_its_fields_but_not_its_page() {
        let filter = Filter {
            q: " ana ".into(),
            tag: "climate".into(),
            after: "some-id".into(),
            ..Filter::default()
        };

        assert_eq!(filter.query(), "q=ana&tag=climate");
        assert!(filter.is_narrowed());
        assert!(!Filter::default().is_narrowed());
    }
}
