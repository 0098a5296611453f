//! The sign-on form: what a signer typed, parsed once into a [`SignOn`],
//! with a message next to each field that is not right.

use serde::Deserialize;

use super::Kind;
use super::signing::SignOn;
use crate::i18n::{CountryCode, Lang, t};
use crate::web::forms::FieldErrors;

const NAME_CHARS: usize = 200;
const SHORT_CHARS: usize = 120;
const COMMENT_CHARS: usize = 2000;

/// The form as posted; every field is text until parsed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct SignForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub signer_name: String,
    #[serde(default)]
    pub signer_title: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub authorized: Option<String>,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub affiliation: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub lang: String,
    /// Hidden from people; bots fill it.
    #[serde(default)]
    pub homepage: String,
}

impl SignForm {
    /// The form filled with a stored signature (the manage page).
    pub fn from_signature(s: &super::Signature) -> Self {
        let kind = if s.kind == Kind::Individual {
            Kind::Individual
        } else {
            Kind::Organization
        };
        let (organization, name) = match kind {
            Kind::Organization => (s.name.clone(), String::new()),
            Kind::Individual => (String::new(), s.name.clone()),
        };
        Self {
            kind: kind.as_str().into(),
            organization,
            name,
            country: s.country.clone().unwrap_or_default(),
            website: s.website.clone().unwrap_or_default(),
            signer_name: s.signer_name.clone().unwrap_or_default(),
            signer_title: s.signer_title.clone().unwrap_or_default(),
            email: s.pending_email.clone().unwrap_or_else(|| s.email.clone()),
            authorized: s.authorized.then(|| "on".into()),
            comment: s.comment.clone().unwrap_or_default(),
            affiliation: s.affiliation.clone().unwrap_or_default(),
            city: s.city.clone().unwrap_or_default(),
            lang: s.language.clone(),
            homepage: String::new(),
        }
    }

    pub fn kind(&self, default: Kind) -> Kind {
        match self.kind.as_str() {
            "individual" => Kind::Individual,
            "organization" => Kind::Organization,
            _ => default,
        }
    }

    /// Parses the form for a statement that takes `allowed` kinds.
    pub fn parse(&self, lang: Lang, kind: Kind, language: &str) -> Result<SignOn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut line = |field: &'static str, text: &str, max: usize| -> Option<String> {
            crate::text::normalize_line(text, max)
                .map_err(|e| errors.add(field, crate::statements::text_error(lang, &e)))
                .ok()
        };
        let email = crate::accounts::Email::parse(&self.email);
        let (name, signer_name, signer_title) = match kind {
            Kind::Organization => (
                line("organization", &self.organization, NAME_CHARS),
                line("signer_name", &self.signer_name, SHORT_CHARS),
                line("signer_title", &self.signer_title, SHORT_CHARS),
            ),
            Kind::Individual => (line("name", &self.name, SHORT_CHARS), None, None),
        };
        let mut optional =
            |field: &'static str, text: &str, max: usize| -> Option<Option<String>> {
                crate::text::normalize_optional_line(text, max)
                    .map_err(|e| errors.add(field, crate::statements::text_error(lang, &e)))
                    .ok()
            };
        let affiliation = optional("affiliation", &self.affiliation, NAME_CHARS);
        let city = optional("city", &self.city, SHORT_CHARS);
        let website = optional("website", &self.website, 300);
        let comment = crate::text::normalize_text(&self.comment, COMMENT_CHARS)
            .map(Some)
            .or_else(|e| {
                if e == crate::text::TextError::Empty {
                    Ok(None)
                } else {
                    Err(e)
                }
            })
            .map_err(|e| errors.add("comment", crate::statements::text_error(lang, &e)))
            .ok();
        if email.is_none() {
            errors.add("email", t(lang, "error-email"));
        }
        let country = match self.country.trim() {
            "" => Some(None),
            code => CountryCode::parse(code).map(Some),
        };
        if country.is_none() {
            errors.add("country", t(lang, "error-country"));
        }
        let website = website.map(|w| w.filter(|w| !w.is_empty()));
        if let Some(Some(site)) = &website
            && super::normalize::website_domain(site).is_none()
        {
            errors.add("website", t(lang, "error-website"));
        }
        let authorized = self.authorized.is_some();
        if kind == Kind::Organization && !authorized {
            errors.add("authorized", t(lang, "error-authorized"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        match (name, email, country, website, affiliation, city, comment) {
            (
                Some(name),
                Some(email),
                Some(country),
                Some(website),
                Some(affiliation),
                Some(city),
                Some(comment),
            ) => Ok(SignOn {
                kind,
                name,
                country,
                website: if kind == Kind::Organization {
                    website
                } else {
                    None
                },
                affiliation: if kind == Kind::Individual {
                    affiliation
                } else {
                    None
                },
                city: if kind == Kind::Individual { city } else { None },
                signer_name,
                signer_title,
                email: email.as_str().to_owned(),
                authorized,
                comment,
                language: language.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}
