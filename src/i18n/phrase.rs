//! Sentences the product stores, kept as facts: a message id and its
//! values, written as JSON, and put into words in the reader's language
//! only when shown. An audit entry written by a Spanish-speaking
//! coordinator reads in English for an English-speaking one.
//!
//! Text stored before phrases existed is plain English; [`show_stored`] gives it
//! back as it is, so old rows stay readable.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use chrono_tz::Tz;

use fluent_templates::fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use super::{Lang, t, t_args};

/// A message id with named values, e.g.
/// `Phrase::new("audit-statement-create").text("title", "Water")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    args: BTreeMap<String, Value>,
}

/// One value of a phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
enum Value {
    /// A count, so the message can choose its plural form.
    Number(i64),
    /// Something a person typed or the world said (a title, an address, a
    /// server's reply): shown as it is in every language.
    Text(String),
    /// A stable code of the product, shown as the message it names, such as
    /// `role-owner`.
    Word { word: String },
    /// Several phrases, each put into words and joined with commas.
    List { list: Vec<Phrase> },
    /// A moment, kept in UTC and shown in the reader's zone and language.
    Time { time: NaiveDateTime },
}

impl Phrase {
    pub fn new(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            args: BTreeMap::new(),
        }
    }

    /// A value shown as it is.
    pub fn text(mut self, name: &str, value: impl std::fmt::Display) -> Self {
        self.args
            .insert(name.to_owned(), Value::Text(value.to_string()));
        self
    }

    /// A number, for the plural rules of the reader's language.
    pub fn count(mut self, name: &str, value: impl TryInto<i64>) -> Self {
        let value = value.try_into().unwrap_or(i64::MAX);
        self.args.insert(name.to_owned(), Value::Number(value));
        self
    }

    /// A code shown as the message `message_id` in the reader's language.
    pub fn word(mut self, name: &str, message_id: impl Into<String>) -> Self {
        let word = message_id.into();
        self.args.insert(name.to_owned(), Value::Word { word });
        self
    }

    /// A moment (UTC), shown in the reader's zone.
    pub fn time(mut self, name: &str, at: NaiveDateTime) -> Self {
        self.args.insert(name.to_owned(), Value::Time { time: at });
        self
    }

    /// Several phrases, joined with commas when shown.
    pub fn list(mut self, name: &str, list: Vec<Phrase>) -> Self {
        self.args.insert(name.to_owned(), Value::List { list });
        self
    }

    /// Stored text as a value: a phrase in it is shown in the reader's
    /// language, anything else as it is.
    pub fn stored(self, name: &str, stored: &str) -> Self {
        match Self::parse(stored) {
            Some(phrase) => self.list(name, vec![phrase]),
            None => self.text(name, stored),
        }
    }

    /// The JSON kept in the database.
    pub fn to_json(&self) -> String {
        // Strings and integers in maps with string keys always serialize.
        serde_json::to_string(self).unwrap_or_else(|_| self.id.clone())
    }

    /// A phrase read back from the database; `None` for anything else,
    /// such as a sentence stored before phrases existed.
    pub fn parse(stored: &str) -> Option<Self> {
        if !stored.starts_with('{') {
            return None;
        }
        serde_json::from_str(stored).ok()
    }

    /// The phrase in the reader's language, its times in `zone`.
    pub fn render(&self, lang: Lang, zone: Tz) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Value::Number(n) => FluentValue::from(*n),
                    Value::Text(text) => FluentValue::from(text.as_str()),
                    Value::Word { word } => FluentValue::from(t(lang, word)),
                    Value::Time { time } => {
                        FluentValue::from(super::local_time::date_time(lang, zone, *time))
                    }
                    Value::List { list } => FluentValue::from(
                        list.iter()
                            .map(|p| p.render(lang, zone))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                };
                (name.as_str(), value)
            })
            .collect();
        t_args(lang, &self.id, &args)
    }

    /// Whether any value typed by a person or said by the world (not the
    /// product's own words) contains `needle`, compared in lower case.
    pub fn mentions(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        self.args.values().any(|value| match value {
            Value::Text(text) => text.to_lowercase().contains(&needle),
            Value::List { list } => list.iter().any(|p| p.mentions(&needle)),
            Value::Number(_) | Value::Word { .. } | Value::Time { .. } => false,
        })
    }
}

/// Stored text for the reader: a phrase in their language with its times
/// in `zone`, or anything else (text stored before phrases existed) as it is.
pub fn show_stored(stored: &str, lang: Lang, zone: Tz) -> String {
    Phrase::parse(stored).map_or_else(|| stored.to_owned(), |phrase| phrase.render(lang, zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn december_first() -> NaiveDateTime {
        NaiveDateTime::parse_from_str("2026-12-01 18:00", "%Y-%m-%d %H:%M").expect("a time")
    }

    #[test]
    fn a_time_is_kept_in_utc_and_read_in_the_readers_zone() {
        let stored = Phrase::new("audit-setting-deadline")
            .time("time", december_first())
            .to_json();

        let mexico = show_stored(&stored, Lang::Es, Tz::America__Mexico_City);
        let utc = show_stored(&stored, Lang::En, Tz::UTC);

        assert_eq!(mexico, "fecha límite 1 dic 2026, 12:00 CST");
        assert_eq!(utc, "deadline 1 Dec 2026, 18:00 UTC");
    }

    #[test]
    fn a_phrase_survives_its_trip_through_the_database_text() {
        // Arrange
        let phrase = Phrase::new("audit-statement-create")
            .text("title", "Agua \"limpia\" {ya}")
            .count("count", 3)
            .word("role", "role-owner")
            .list(
                "changes",
                vec![Phrase::new("audit-setting-deadline").time("time", december_first())],
            );

        // Act
        let back = Phrase::parse(&phrase.to_json());

        // Assert
        assert_eq!(back, Some(phrase));
    }

    #[test]
    fn the_stored_json_names_the_message_and_its_values() {
        // Arrange
        let phrase = Phrase::new("audit-statement-create").text("title", "Agua");

        // Act
        let json = phrase.to_json();

        // Assert
        assert_eq!(
            json,
            r#"{"id":"audit-statement-create","args":{"title":"Agua"}}"#
        );
    }

    #[test]
    fn text_stored_before_phrases_is_shown_as_it_is() {
        for stored in [
            "created the draft “Water”",
            "{not json",
            r#"{"other":"shape"}"#,
            "",
        ] {
            assert_eq!(show_stored(stored, Lang::Es, Tz::UTC), stored);
        }
    }

    #[test]
    fn a_phrase_reads_in_the_readers_language_with_its_plural_and_words() {
        // Arrange
        let stored = Phrase::new("audit-member-invite")
            .text("email", "ana@example.org")
            .word("role", "role-editor")
            .to_json();

        // Act
        let english = show_stored(&stored, Lang::En, Tz::UTC);
        let spanish = show_stored(&stored, Lang::Es, Tz::UTC);

        // Assert
        assert_eq!(english, "invited ana@example.org as editor");
        assert_eq!(spanish, "invitó a ana@example.org con el rol de edición");
    }

    #[test]
    fn counts_take_the_plural_form_of_the_language() {
        let one = Phrase::new("audit-contact-list-add")
            .count("count", 1)
            .text("list", "Prensa");
        let many = Phrase::new("audit-contact-list-add")
            .count("count", 4)
            .text("list", "Prensa");

        assert_eq!(
            one.render(Lang::Es, Tz::UTC),
            "agregó 1 contacto a la lista Prensa"
        );
        assert_eq!(
            many.render(Lang::Es, Tz::UTC),
            "agregó 4 contactos a la lista Prensa"
        );
        assert_eq!(
            one.render(Lang::En, Tz::UTC),
            "added 1 contact to the list Prensa"
        );
    }

    #[test]
    fn only_values_count_as_mentions_not_the_message_id_or_words() {
        // Arrange
        let phrase = Phrase::new("audit-member-invite")
            .text("email", "Ana@Example.org")
            .word("role", "role-editor");

        // Act, Assert
        assert!(phrase.mentions("ana@ex"));
        assert!(!phrase.mentions("invite"));
        assert!(!phrase.mentions("editor"));
        assert!(!phrase.mentions("email"));
    }
}
