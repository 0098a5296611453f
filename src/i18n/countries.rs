//! Countries as ISO 3166-1 alpha-2 codes, named in each UI language from
//! CLDR and sorted with that language's collation.

use std::sync::LazyLock;

use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_locale::Locale;
use icu_locale::subtags::Region;

use super::{Lang, collation};

static CODES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    isocountry::CountryCode::iter_alpha2()
        .map(|country| country.alpha2())
        .collect()
});

/// The names of every country in one language, built on first use.
struct Names {
    /// Parallel to [`country_codes`].
    by_code: Vec<String>,
    sorted: Vec<(CountryCode, String)>,
}

static NAMES: [LazyLock<Names>; 2] = [
    LazyLock::new(|| Names::build(Lang::En)),
    LazyLock::new(|| Names::build(Lang::Es)),
];

/// Every ISO 3166-1 alpha-2 code, upper case, sorted by code.
pub fn country_codes() -> &'static [&'static str] {
    &CODES
}

/// A country, as an ISO 3166-1 alpha-2 code such as `DE`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CountryCode(String);

impl CountryCode {
    /// Reads an assigned ISO 3166-1 alpha-2 code in any case, ignoring
    /// surrounding whitespace.
    pub fn parse(input: &str) -> Option<CountryCode> {
        let code = input.trim().to_ascii_uppercase();
        CODES
            .binary_search(&code.as_str())
            .is_ok()
            .then_some(CountryCode(code))
    }

    /// The upper-case code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The country's name in `lang` from CLDR, e.g. `DE` is "Alemania" in
/// Spanish and "Germany" in English. Where CLDR has no name, the English
/// ISO name is used, then the code.
pub fn country_name(code: &CountryCode, lang: Lang) -> &'static str {
    let names = &names(lang).by_code;
    CODES
        .binary_search(&code.as_str())
        .ok()
        .and_then(|index| names.get(index))
        // Unreachable: a CountryCode only holds codes from CODES.
        .map_or("", String::as_str)
}

/// All countries as (code, name), sorted by name with the collation of
/// `lang`, for `<select>` lists. Built once per language.
pub fn countries_sorted(lang: Lang) -> &'static [(CountryCode, String)] {
    &names(lang).sorted
}

/// A country from its ISO code or its name in any UI language, accents and
/// case ignored ("de", "Alemania", "mexico"), for lists kept in spreadsheets.
pub fn country_from_code_or_name(text: &str) -> Option<CountryCode> {
    CountryCode::parse(text).or_else(|| BY_FOLDED_NAME.get(&crate::text::fold(text)).cloned())
}

/// Every country's name in every UI language, folded, to its code; built on
/// first use, since an import looks up a country on every row. Where two
/// languages share a folded name, the first language's country wins.
static BY_FOLDED_NAME: LazyLock<std::collections::HashMap<String, CountryCode>> =
    LazyLock::new(|| {
        let mut map = std::collections::HashMap::new();
        for lang in Lang::ALL {
            for (code, name) in countries_sorted(lang) {
                map.entry(crate::text::fold(name))
                    .or_insert_with(|| code.clone());
            }
        }
        map
    });

fn names(lang: Lang) -> &'static Names {
    match lang {
        Lang::En => &NAMES[0],
        Lang::Es => &NAMES[1],
    }
}

impl Names {
    fn build(lang: Lang) -> Names {
        let cldr = display_names(lang);
        // Same source and order as CODES, so indexes line up.
        let by_code: Vec<String> = isocountry::CountryCode::iter_alpha2()
            .map(|country| {
                cldr.as_ref()
                    .and_then(|cldr| cldr_name(cldr, country.alpha2()))
                    .unwrap_or(country.name())
                    .to_owned()
            })
            .collect();
        let mut sorted: Vec<(CountryCode, String)> = CODES
            .iter()
            .zip(&by_code)
            .map(|(code, name)| (CountryCode((*code).to_owned()), name.clone()))
            .collect();
        sorted.sort_by(|(_, a), (_, b)| collation::compare(a, b, lang.code()));
        Names { by_code, sorted }
    }
}

fn display_names(lang: Lang) -> Option<RegionDisplayNames> {
    let locale = Locale::try_from_str(lang.code()).ok()?;
    RegionDisplayNames::try_new(locale.into(), DisplayNamesOptions::default())
        .inspect_err(|error| tracing::warn!(lang = lang.code(), %error, "no CLDR region names"))
        .ok()
}

fn cldr_name<'a>(names: &'a RegionDisplayNames, code: &str) -> Option<&'a str> {
    names.of(Region::try_from_str(code).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str) -> CountryCode {
        CountryCode::parse(input).expect("a valid test code")
    }

    fn sorted_names(lang: Lang) -> Vec<&'static str> {
        countries_sorted(lang)
            .iter()
            .map(|(_, name)| name.as_str())
            .collect()
    }

    fn position(names: &[&str], name: &str) -> usize {
        names
            .iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| panic!("{name} is not in the list"))
    }

    #[test]
    fn country_codes_are_parsed_in_any_case_and_trimmed() {
        // Arrange, Act
        let parsed = [" de", "DE", "mx "].map(CountryCode::parse);

        // Assert
        let codes = parsed.map(|code| code.map(|c| c.as_str().to_owned()));
        assert_eq!(codes, ["DE", "DE", "MX"].map(|c| Some(c.to_owned())));
    }

    #[test]
    fn unassigned_empty_and_alpha3_codes_are_rejected() {
        // Arrange, Act
        let parsed = ["XX", "", "DEU", "D", "ÄB"].map(CountryCode::parse);

        // Assert
        assert_eq!(parsed, [None, None, None, None, None]);
    }

    #[test]
    fn every_iso_code_is_listed_once_in_code_order() {
        // Arrange, Act
        let codes = country_codes();

        // Assert
        assert!(codes.len() >= 245, "only {} codes", codes.len());
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(codes.contains(&"PS") && codes.contains(&"TW"));
    }

    #[test]
    fn country_names_come_from_cldr_in_each_language() {
        // Arrange
        let cases = [
            ("DE", Lang::Es, "Alemania"),
            ("DE", Lang::En, "Germany"),
            ("MX", Lang::Es, "México"),
            ("MX", Lang::En, "Mexico"),
            ("US", Lang::En, "United States"),
        ];

        for (input, lang, expected) in cases {
            // Act
            let name = country_name(&code(input), lang);

            // Assert
            assert_eq!(name, expected);
        }
    }

    #[test]
    fn every_country_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            // Arrange, Act
            let unnamed: Vec<_> = countries_sorted(lang)
                .iter()
                .filter(|(code, name)| name.is_empty() || name == code.as_str())
                .collect();

            // Assert
            assert!(unnamed.is_empty(), "{unnamed:?}");
        }
    }

    #[test]
    fn english_country_list_sorts_accented_initials_among_plain_letters() {
        // Arrange, Act
        let names = sorted_names(Lang::En);

        // Assert
        assert!(position(&names, "Afghanistan") < position(&names, "Åland Islands"));
        assert!(position(&names, "Åland Islands") < position(&names, "Albania"));
        assert!(position(&names, "Côte d’Ivoire") < position(&names, "Croatia"));
    }

    #[test]
    fn spanish_country_list_is_in_spanish_alphabetical_order() {
        // Arrange, Act
        let names = sorted_names(Lang::Es);

        // Assert
        assert!(position(&names, "Alemania") < position(&names, "Argentina"));
        assert!(position(&names, "Austria") < position(&names, "Bélgica"));
        assert!(position(&names, "Bélgica") < position(&names, "Brasil"));
        assert!(position(&names, "Nicaragua") < position(&names, "Omán"));
        assert_eq!(names.len(), country_codes().len());
    }
}
