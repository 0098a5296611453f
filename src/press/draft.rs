//! A release as the coordinator types it: the form's fields, checked one
//! by one into a [`Draft`], and the press contacts' `Name | phone | email`
//! lines.

use serde::{Deserialize, Serialize};

use super::{Embargo, Release, Revision};
use crate::i18n::local_time::LocalTimeError;
use crate::text::TextError;

/// One press contact of a release, shown as `Name | phone | email`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PressContact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

impl PressContact {
    /// The phone number as a `tel:` address takes it: digits, and a
    /// leading `+`.
    pub fn tel(&self) -> String {
        let digits: String = self.phone.chars().filter(char::is_ascii_digit).collect();
        if self.phone.trim_start().starts_with('+') {
            format!("+{digits}")
        } else {
            digits
        }
    }

    pub fn line(&self) -> String {
        [&self.name, &self.phone, &self.email]
            .into_iter()
            .filter(|part| !part.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// Parses `Name | phone | email` (the phone may be left out).
    fn parse(line: &str) -> Option<Self> {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let (name, phone, email) = match parts.as_slice() {
            [name, email] => (*name, "", *email),
            [name, phone, email] => (*name, *phone, *email),
            _ => return None,
        };
        let email = crate::accounts::Email::parse(email)?;
        let name = crate::text::normalize_line(name, 120).ok()?;
        let phone = crate::text::normalize_line(phone, 40).unwrap_or_default();
        Some(Self {
            name,
            phone,
            email: email.as_str().to_owned(),
        })
    }
}

/// A release as typed in the form, checked field by field.
#[derive(Debug, Clone)]
pub struct Draft {
    pub headline: String,
    pub subheadline: String,
    pub dateline: String,
    pub release_date: String,
    pub contacts: Vec<PressContact>,
    pub body: String,
    pub about: String,
    pub note: String,
    pub statement_id: Option<String>,
    pub embargo: Option<Embargo>,
    pub language: crate::i18n::Lang,
    /// Where replies go; empty for the coalition's address or the first
    /// press contact's.
    pub reply_to: String,
}

/// The form's fields as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DraftForm {
    #[serde(default)]
    pub headline: String,
    #[serde(default)]
    pub subheadline: String,
    #[serde(default)]
    pub dateline: String,
    #[serde(default)]
    pub release_date: String,
    #[serde(default)]
    pub contacts: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub statement: String,
    #[serde(default)]
    pub reply_to: String,
    #[serde(default)]
    pub embargo: String,
    #[serde(default)]
    pub embargo_zone: String,
    #[serde(default)]
    pub save_about: Option<String>,
    /// `en` or `es`; empty takes English.
    #[serde(default)]
    pub language: String,
}

/// What is wrong with a draft: the field and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftError {
    pub field: &'static str,
    pub problem: DraftProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    Text(TextError),
    Required,
    ContactLine(usize),
    Embargo(LocalTimeError),
    UnknownStatement,
    UnknownLanguage,
    ReplyTo,
}

impl DraftForm {
    /// Parses the form; `statements` are the ids the coalition owns.
    pub fn parse(&self, statements: &[String]) -> Result<Draft, Vec<DraftError>> {
        let mut errors = Vec::new();
        let mut line = |field: &'static str, value: &str, max: usize, required: bool| {
            match crate::text::normalize_optional_line(value, max) {
                Ok(Some(v)) => v,
                Ok(None) => {
                    if required {
                        errors.push(DraftError {
                            field,
                            problem: DraftProblem::Required,
                        });
                    }
                    String::new()
                }
                Err(e) => {
                    errors.push(DraftError {
                        field,
                        problem: DraftProblem::Text(e),
                    });
                    String::new()
                }
            }
        };
        let headline = line("headline", &self.headline, 200, true);
        let subheadline = line("subheadline", &self.subheadline, 300, false);
        let dateline = line("dateline", &self.dateline, 120, false);
        let release_date = line("release_date", &self.release_date, 60, false);
        let note = line("note", &self.note, 300, false);
        let mut text = |field: &'static str, value: &str, required: bool| {
            if value.trim().is_empty() {
                if required {
                    errors.push(DraftError {
                        field,
                        problem: DraftProblem::Required,
                    });
                }
                return String::new();
            }
            crate::text::normalize_markdown(value, 100_000).unwrap_or_else(|e| {
                errors.push(DraftError {
                    field,
                    problem: DraftProblem::Text(e),
                });
                String::new()
            })
        };
        let body = text("body", &self.body, true);
        let about = text("about", &self.about, false);
        let mut contacts = Vec::new();
        for (i, raw) in self.contacts.lines().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            match PressContact::parse(raw) {
                Some(c) => contacts.push(c),
                None => errors.push(DraftError {
                    field: "contacts",
                    problem: DraftProblem::ContactLine(i + 1),
                }),
            }
        }
        let statement_id = match self.statement.trim() {
            "" => None,
            id if statements.iter().any(|s| s == id) => Some(id.to_owned()),
            _ => {
                errors.push(DraftError {
                    field: "statement",
                    problem: DraftProblem::UnknownStatement,
                });
                None
            }
        };
        let embargo = match self.embargo.trim() {
            "" => None,
            local => match Embargo::parse(local, &self.embargo_zone) {
                Ok(e) => Some(e),
                Err(e) => {
                    errors.push(DraftError {
                        field: if e == LocalTimeError::UnknownZone {
                            "embargo_zone"
                        } else {
                            "embargo"
                        },
                        problem: DraftProblem::Embargo(e),
                    });
                    None
                }
            },
        };
        let reply_to = match self.reply_to.trim() {
            "" => String::new(),
            typed => match crate::accounts::Email::parse(typed) {
                Some(email) => email.as_str().to_owned(),
                None => {
                    errors.push(DraftError {
                        field: "reply_to",
                        problem: DraftProblem::ReplyTo,
                    });
                    String::new()
                }
            },
        };
        let language = match self.language.trim() {
            "" => Some(crate::i18n::Lang::En),
            code => crate::i18n::Lang::parse(code),
        };
        if language.is_none() {
            errors.push(DraftError {
                field: "language",
                problem: DraftProblem::UnknownLanguage,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Draft {
            headline,
            subheadline,
            dateline,
            release_date,
            contacts,
            body,
            about,
            note,
            statement_id,
            embargo,
            language: language.unwrap_or(crate::i18n::Lang::En),
            reply_to,
        })
    }

    /// The form filled from a stored release, to edit it; an embargo not
    /// set yet would be typed in `zone`.
    pub fn from_stored(release: &Release, revision: &Revision, zone: chrono_tz::Tz) -> Self {
        let embargo = release.embargo();
        Self {
            headline: revision.headline.clone(),
            subheadline: revision.subheadline.clone(),
            dateline: revision.dateline.clone(),
            release_date: revision.release_date.clone(),
            contacts: revision
                .contacts()
                .iter()
                .map(PressContact::line)
                .collect::<Vec<_>>()
                .join("\n"),
            body: revision.body.clone(),
            about: revision.about.clone(),
            note: String::new(),
            statement: release.statement_id.clone().unwrap_or_default(),
            embargo: embargo.map(|e| e.local_input()).unwrap_or_default(),
            embargo_zone: embargo.map_or(zone, |e| e.zone).name().to_owned(),
            save_about: None,
            language: release.language.clone(),
            reply_to: release.reply_to.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_needs_a_headline_and_a_body_and_nothing_else() {
        let minimal = DraftForm {
            headline: "Water is a right".into(),
            body: "We call for clean water.".into(),
            ..DraftForm::default()
        };
        let empty = DraftForm::default();

        assert!(minimal.parse(&[]).is_ok());
        let fields: Vec<_> = empty
            .parse(&[])
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["headline", "body"]);
    }

    #[test]
    fn press_contact_lines_read_with_or_without_a_phone() {
        let full = PressContact::parse("Ana Núñez | +52 55 1234 5678 | ana@example.org").unwrap();
        let short = PressContact::parse("Ana Núñez | ana@example.org").unwrap();

        assert_eq!(
            full.line(),
            "Ana Núñez | +52 55 1234 5678 | ana@example.org"
        );
        assert_eq!(short.line(), "Ana Núñez | ana@example.org");
        assert!(PressContact::parse("Ana Núñez").is_none());
        assert!(PressContact::parse("Ana | 555 | not-an-address").is_none());
    }
}
