//! Unicode collation (ICU4X with CLDR tailorings), so that lists of names
//! read in the order a reader of the language expects: accents and case do
//! not scatter names, and Spanish "ñ" follows "n".

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_locale::Locale;
use unicode_normalization::UnicodeNormalization;

/// Collators by normalized locale tag. Building one loads and resolves
/// tailoring data, far more work than a comparison, so each is built once.
static COLLATORS: LazyLock<Mutex<HashMap<String, Arc<CollatorBorrowed<'static>>>>> =
    LazyLock::new(Default::default);

/// A sort key for `text` under the collation of the language `language_tag`
/// (any BCP 47 tag, e.g. "es", "de", "fr"; unknown or invalid tags get the
/// root collation).
///
/// The key is the lowercase hex of the ICU sort key bytes, so plain
/// byte-wise string comparison (SQLite `BINARY`, PostgreSQL `COLLATE "C"`)
/// orders exactly like [`compare`]. Strength is tertiary: "Émile" and
/// "emile" sort next to each other, yet the order stays total. The text is
/// NFC-normalized first.
///
/// Keys change when CLDR, Unicode or ICU4X change, so stored keys must be
/// recomputable from the text they were made from.
pub fn sort_key(text: &str, language_tag: &str) -> String {
    let mut key = Vec::new();
    let Ok(()) = collator(language_tag).write_sort_key_to(&nfc(text), &mut key);
    hex::encode(key)
}

/// Compares two strings with the collation of `language_tag`, with the same
/// settings as [`sort_key`].
pub fn compare(a: &str, b: &str, language_tag: &str) -> Ordering {
    collator(language_tag).compare(&nfc(a), &nfc(b))
}

fn nfc(text: &str) -> String {
    text.nfc().collect()
}

fn collator(language_tag: &str) -> Arc<CollatorBorrowed<'static>> {
    let locale = Locale::try_from_str(language_tag).unwrap_or(Locale::UNKNOWN);
    let mut collators = COLLATORS.lock().unwrap_or_else(PoisonError::into_inner);
    collators
        .entry(locale.to_string())
        .or_insert_with(|| Arc::new(build(&locale)))
        .clone()
}

fn build(locale: &Locale) -> CollatorBorrowed<'static> {
    let mut options = CollatorOptions::default();
    options.strength = Some(Strength::Tertiary);
    Collator::try_new(CollatorPreferences::from(locale), options)
        .or_else(|error| {
            tracing::warn!(%locale, %error, "no collation data; using the root collation");
            Collator::try_new(CollatorPreferences::default(), options)
        })
        // The root collation is compiled in; a test builds it.
        .expect("compiled data has the root collation")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_by_key<'a>(words: &[&'a str], language_tag: &str) -> Vec<&'a str> {
        let mut sorted = words.to_vec();
        sorted.sort_by_cached_key(|word| sort_key(word, language_tag));
        sorted
    }

    const WORDS: [&str; 9] = [
        "Zeta", "émile", "Émile", "Emile", "ábaco", "Abeja", "Ñandú", "Nube", "Oso",
    ];

    #[test]
    fn names_that_differ_only_in_accents_or_case_sort_together() {
        // Arrange, Act
        let sorted = sorted_by_key(&WORDS, "es");

        // Assert
        assert_eq!(
            sorted,
            [
                "ábaco", "Abeja", "Emile", "émile", "Émile", "Nube", "Ñandú", "Oso", "Zeta"
            ]
        );
    }

    #[test]
    fn english_sorts_n_with_tilde_among_the_other_ns() {
        // Arrange, Act
        let sorted = sorted_by_key(&WORDS, "en");

        // Assert
        assert_eq!(
            sorted,
            [
                "ábaco", "Abeja", "Emile", "émile", "Émile", "Ñandú", "Nube", "Oso", "Zeta"
            ]
        );
    }

    #[test]
    fn sort_keys_order_exactly_like_comparison() {
        // Arrange
        let words = [
            "",
            "a",
            "A",
            "á",
            "ab",
            "Ab",
            "b",
            "n",
            "ñ",
            "Ñandú",
            "Nube",
            "nube",
            "Müller",
            "Mueller",
            "Muller",
            "straße",
            "strasse",
            "Ørsted",
            "Oslo",
            "東京",
            "Zoë",
            "1 de mayo",
            "10 Downing",
            "e\u{301}mile",
            "émile",
            "Œuvre",
            "  spaced",
        ];

        for language_tag in ["es", "en", "de", "fr", "sv", "und"] {
            for a in words {
                for b in words {
                    // Act
                    let by_key = sort_key(a, language_tag).cmp(&sort_key(b, language_tag));
                    let by_collator = compare(a, b, language_tag);

                    // Assert
                    assert_eq!(by_key, by_collator, "{a:?} vs {b:?} in {language_tag}");
                }
            }
        }
    }

    #[test]
    fn sort_keys_are_lowercase_hex() {
        // Arrange, Act
        let key = sort_key("Ñandú", "es");

        // Assert
        assert!(!key.is_empty());
        assert!(key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
    }

    #[test]
    fn canonically_equivalent_texts_get_the_same_key() {
        // Arrange
        let composed = "\u{e9}mile";
        let decomposed = "e\u{301}mile";

        // Act, Assert
        assert_eq!(sort_key(composed, "fr"), sort_key(decomposed, "fr"));
    }

    #[test]
    fn invalid_and_unknown_tags_use_the_root_collation() {
        // Arrange
        let root = sort_key("Ñandú", "und");

        // Act
        let invalid = sort_key("Ñandú", "not a tag!");
        let unknown = sort_key("Ñandú", "zz");

        // Assert
        assert_eq!(invalid, root);
        assert_eq!(unknown, root);
        assert_ne!(sort_key("Ñandú", "es"), root);
    }
}
