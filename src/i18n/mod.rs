//! Localization: the languages of the user interface and their strings
//! (Fluent), country names from CLDR, and Unicode collation for sorting
//! names the way readers of a language expect.
//!
//! The UI language and the language of a statement's text are separate: a
//! statement may be written in a language the interface is not translated
//! into, and [`Lang::for_content`] picks the interface language to show
//! around it.

mod collation;
mod countries;
pub mod dates;
pub mod local_time;
mod messages;
mod phrase;

pub use collation::{compare, sort_key};
pub use countries::{
    CountryCode, countries_sorted, country_codes, country_from_code_or_name, country_name,
};
pub use messages::{t, t_args, t_markup, try_t};
pub use phrase::{Phrase, show_stored};

/// A language the user interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// Every UI language, English (the fallback) first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 language subtag, e.g. for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
        }
    }

    /// Reads a language tag such as `es`, `ES`, `es-MX` or `es_AR`; only the
    /// language subtag counts, since the UI has one variant per language.
    pub fn parse(tag: &str) -> Option<Lang> {
        let language = tag.trim().split(['-', '_']).next()?;
        Self::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(language))
    }

    /// The language's name in itself, for a language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Es => "Español",
        }
    }

    /// The UI language for content written in `tag` (a BCP 47 tag such as
    /// "fr"): itself when translated, else English.
    pub fn for_content(tag: &str) -> Lang {
        Self::parse(tag).unwrap_or(Lang::En)
    }
}

/// Best UI language from an Accept-Language header value (q-values
/// respected), English when nothing matches.
///
/// Among equal q-values the earlier entry wins, as the header lists them in
/// the browser's order of preference.
pub fn negotiate(accept_language: Option<&str>) -> Lang {
    accept_language
        .into_iter()
        .flat_map(|header| header.split(','))
        .filter_map(weighted_lang)
        .reduce(|best, next| if next.1 > best.1 { next } else { best })
        .map_or(Lang::En, |(lang, _)| lang)
}

/// One Accept-Language entry, such as `es-MX;q=0.8`, as a UI language and
/// its weight. Entries with no UI language, a zero or an unreadable weight
/// are dropped.
fn weighted_lang(entry: &str) -> Option<(Lang, f32)> {
    let mut parts = entry.split(';');
    let lang = Lang::parse(parts.next()?)?;
    let q = match parts.find_map(|p| p.trim().strip_prefix("q=")) {
        Some(value) => value.trim().parse::<f32>().ok()?,
        None => 1.0,
    };
    (q > 0.0).then_some((lang, q))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_read_by_their_language_subtag_in_any_case() {
        // Arrange
        let tags = ["es", "ES", "es-MX", "es_AR", " en-GB "];

        // Act
        let parsed: Vec<_> = tags.iter().map(|tag| Lang::parse(tag)).collect();

        // Assert
        let expected = [Lang::Es, Lang::Es, Lang::Es, Lang::Es, Lang::En];
        assert_eq!(parsed, expected.map(Some));
    }

    #[test]
    fn untranslated_languages_are_not_ui_languages() {
        // Arrange
        let tags = ["fr", "", "esp", "e", "-es"];

        // Act
        let parsed: Vec<_> = tags.iter().map(|tag| Lang::parse(tag)).collect();

        // Assert
        assert_eq!(parsed, [None; 5]);
    }

    #[test]
    fn content_in_an_untranslated_language_gets_an_english_interface() {
        // Arrange, Act
        let for_french = Lang::for_content("fr");
        let for_mexican_spanish = Lang::for_content("es-MX");

        // Assert
        assert_eq!(for_french, Lang::En);
        assert_eq!(for_mexican_spanish, Lang::Es);
    }

    #[test]
    fn codes_and_native_names_match_each_language() {
        // Arrange, Act
        let described: Vec<_> = Lang::ALL
            .iter()
            .map(|lang| (lang.code(), lang.native_name()))
            .collect();

        // Assert
        assert_eq!(described, [("en", "English"), ("es", "Español")]);
    }

    #[test]
    fn negotiation_picks_the_best_weighted_ui_language() {
        // Arrange
        let cases = [
            (Some("es-MX,es;q=0.9,en;q=0.8"), Lang::Es),
            (Some("fr-FR, en;q=0.5"), Lang::En),
            (Some("de"), Lang::En),
            (None, Lang::En),
            (Some("en;q=0.1, es;q=0.9"), Lang::Es),
            (Some("es;q=0, en;q=0.2"), Lang::En),
            (Some("es;q=0.5, en;q=0.5"), Lang::Es),
            (Some(""), Lang::En),
            (Some("es;q=abc"), Lang::En),
        ];

        for (header, expected) in cases {
            // Act
            let negotiated = negotiate(header);

            // Assert
            assert_eq!(negotiated, expected, "for {header:?}");
        }
    }
}
