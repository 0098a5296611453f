//! UI strings from the Fluent files in `locales/`, embedded in the binary.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex, PoisonError};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

use super::Lang;

static_loader! {
    static LOCALES = {
        locales: "./src/i18n/locales",
        fallback_language: "en",
        // Isolation marks around arguments would end up inside HTML
        // attributes and plain-text mail, where they only get in the way.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Keys already reported missing, so a hot page does not flood the log.
static REPORTED_MISSING: LazyLock<Mutex<HashSet<String>>> = LazyLock::new(Default::default);

impl Lang {
    fn langid(self) -> LanguageIdentifier {
        match self {
            Self::En => langid!("en"),
            Self::Es => langid!("es"),
        }
    }
}

/// A localized UI string. Missing key: returns the key itself and logs a
/// warning once.
pub fn t(lang: Lang, key: &str) -> String {
    localize(lang, key, None)
}

/// A localized UI string with Fluent arguments, e.g.
/// `t_args(Lang::En, "signatures-count", &[("count", 3.into())])`.
///
/// A key that is missing, or that cannot be formatted with these arguments,
/// returns the key itself and logs a warning once.
pub fn t_args(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| (Cow::Owned((*name).to_owned()), value.clone()))
        .collect();
    localize(lang, key, Some(&args))
}

fn localize(
    lang: Lang,
    key: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
) -> String {
    LOCALES
        .try_lookup_complete(&lang.langid(), key, args)
        .unwrap_or_else(|| {
            report_missing(lang, key);
            key.to_owned()
        })
}

fn report_missing(lang: Lang, key: &str) {
    let first_time = REPORTED_MISSING
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key.to_owned());
    if first_time {
        tracing::warn!(
            key,
            lang = lang.code(),
            "missing or unformattable UI string"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_templates::fluent_bundle::FluentResource;

    const SOURCES: [(Lang, &str); 2] = [
        (Lang::En, include_str!("locales/en/main.ftl")),
        (Lang::Es, include_str!("locales/es/main.ftl")),
    ];

    /// Message ids are the unindented lines of the form `id = ...`; comments,
    /// terms (`-term`) and continuation lines are skipped.
    fn message_ids(source: &str) -> HashSet<&str> {
        source
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once('='))
            .map(|(id, _)| id.trim())
            .collect()
    }

    /// A value for every variable the messages use; Fluent ignores the rest.
    fn every_argument() -> HashMap<&'static str, FluentValue<'static>> {
        HashMap::from([
            ("count", 2.into()),
            ("date", "1 May 2026".into()),
            ("page", 1.into()),
            ("pages", 2.into()),
            ("max", 200.into()),
            ("title", "Water".into()),
            ("number", 3.into()),
        ])
    }

    #[test]
    fn both_languages_define_the_same_message_ids() {
        // Arrange
        let [(_, english), (_, spanish)] = SOURCES;

        // Act
        let english_ids = message_ids(english);
        let spanish_ids = message_ids(spanish);

        // Assert
        assert!(
            english_ids.contains("signed-by"),
            "the id scan found nothing"
        );
        let only_english: Vec<_> = english_ids.difference(&spanish_ids).collect();
        let only_spanish: Vec<_> = spanish_ids.difference(&english_ids).collect();
        assert!(only_english.is_empty(), "missing in es: {only_english:?}");
        assert!(only_spanish.is_empty(), "missing in en: {only_spanish:?}");
    }

    #[test]
    fn every_message_parses_and_resolves_in_its_own_language() {
        for (lang, source) in SOURCES {
            // Arrange
            let parsed = FluentResource::try_new(source.to_owned());

            // Act
            let unresolved: Vec<_> = message_ids(source)
                .into_iter()
                .filter(|id| {
                    LOCALES
                        .lookup_single_language(&lang.langid(), id, Some(&every_argument()))
                        .is_err()
                })
                .collect();

            // Assert
            assert!(parsed.is_ok(), "{} has Fluent syntax errors", lang.code());
            assert!(unresolved.is_empty(), "{}: {unresolved:?}", lang.code());
        }
    }

    #[test]
    fn plain_strings_come_in_the_requested_language() {
        // Arrange, Act
        let english = t(Lang::En, "signed-by");
        let spanish = t(Lang::Es, "signed-by");

        // Assert
        assert_eq!(english, "Signed by");
        assert_eq!(spanish, "Firmado por");
    }

    #[test]
    fn signatory_counts_use_the_plural_form_of_each_language() {
        // Arrange
        let cases = [
            (Lang::En, 1, "1 signatory"),
            (Lang::En, 3, "3 signatories"),
            (Lang::Es, 1, "1 firmante"),
            (Lang::Es, 3, "3 firmantes"),
        ];

        for (lang, count, expected) in cases {
            // Act
            let text = t_args(lang, "signatures-count", &[("count", count.into())]);

            // Assert
            assert_eq!(text, expected);
        }
    }

    #[test]
    fn arguments_appear_without_unicode_isolation_marks() {
        // Arrange
        let args = [("page", 2.into()), ("pages", 7.into())];

        // Act
        let text = t_args(Lang::Es, "page-n-of-m", &args);

        // Assert
        assert_eq!(text, "Página 2 de 7");
    }

    #[test]
    fn a_missing_key_comes_back_as_itself() {
        // Arrange, Act
        let text = t(Lang::Es, "no-such-key");

        // Assert
        assert_eq!(text, "no-such-key");
    }
}
