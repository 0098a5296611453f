//! Folding text for comparison: the one place that decides which ways of
//! typing a word count as the same word.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text as search compares it: Unicode NFKD with the combining marks
/// removed, lower case, the apostrophe, quote and dash variants turned into
/// `'`, `"` and `-`, every run of whitespace one space, none at either end.
///
/// So "Migración", "MIGRACION" and "migracion" fold alike, "RUMIÑAHUI"
/// finds "Rumiñahui", and "Women’s" finds "Women's". Because accents are
/// removed, "n" also finds "ñ" ("Munoz" finds "Muñoz"): people type names
/// without the accents their keyboards lack, and a search that misses them
/// would look broken; the rare extra match is cheap to skip by eye.
/// Other punctuation is kept, so an address still reads as one.
pub fn search_fold(input: &str) -> String {
    let folded: String = input
        .chars()
        .map(plain_punctuation)
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        // Compatibility forms may decompose into the typographic variants
        // themselves (U+2011 NON-BREAKING HYPHEN into U+2010).
        .map(plain_punctuation)
        .collect();
    collapse_whitespace(&folded)
}

/// A key for matching words typed in different ways: [`search_fold`], and
/// then every character that is not a letter or digit a space ("Correo
/// electrónico" and "correo-electronico" both become "correo electronico").
pub fn fold(input: &str) -> String {
    let words: String = search_fold(input)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    collapse_whitespace(&words)
}

/// The ASCII form of the apostrophes, quotes and dashes that word
/// processors put in for the ones people type.
fn plain_punctuation(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' | '\u{2BC}'
        | '\u{FF07}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        other => other,
    }
}

pub(super) fn collapse_whitespace(input: &str) -> String {
    input.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accents_case_and_typographic_punctuation_fold_away() {
        assert_eq!(search_fold("  Migración\u{a0}Sur "), "migracion sur");
        assert_eq!(search_fold("RUMIÑAHUI"), search_fold("Rumiñahui"));
        assert_eq!(search_fold("Rumin\u{303}ahui"), "ruminahui");
        assert_eq!(
            search_fold("Women’s ‘Voice’ ´n` “Now”"),
            "women's 'voice' 'n' \"now\""
        );
        assert_eq!(
            search_fold("Norte–Sur — a‐b −1 x\u{2011}y"),
            "norte-sur - a-b -1 x-y"
        );
        assert_eq!(search_fold("ﬁnanzas Ｍéxico"), "finanzas mexico");
    }

    #[test]
    fn word_keys_drop_punctuation_too() {
        assert_eq!(fold("Correo electrónico"), "correo electronico");
        assert_eq!(fold("correo-electronico"), "correo electronico");
        assert_eq!(fold("Women’s"), fold("Women's"));
    }

    proptest! {
        #[test]
        fn folding_twice_changes_nothing(text in "\\PC{0,40}") {
            let once = search_fold(&text);
            prop_assert_eq!(search_fold(&once), once.clone());
            prop_assert_eq!(fold(&once), fold(&text));
        }

        #[test]
        /// Letters that change case one for one (unlike "ß", "ı", "ς" or "ῲ",
        /// whose capitals fold back to other letters).
        fn case_does_not_matter(text in "[a-zA-ZÀ-ÖØ-Þà-öø-ÿА-яα-ρσ-ω0-9 '’-]{0,40}") {
            prop_assert_eq!(search_fold(&text.to_uppercase()), search_fold(&text.to_lowercase()));
        }

        #[test]
        fn a_folded_part_is_found_in_the_folded_whole(
            before in "[a-zA-ZñÑáÉü’' -]{0,12}",
            part in "[a-zA-ZñÑáÉü’']{1,12}",
            after in "[a-zA-ZñÑáÉü’' -]{0,12}",
        ) {
            let whole = search_fold(&format!("{before}{part}{after}"));
            prop_assert!(whole.contains(&search_fold(&part)));
        }

        #[test]
        fn the_folded_text_has_no_marks_capitals_or_curly_quotes_left(text in "\\PC{0,40}") {
            let folded = search_fold(&text);
            prop_assert!(!folded.chars().any(|c| is_combining_mark(c) || !c.to_lowercase().eq([c])));
            prop_assert!(!folded.contains(['’', '‘', '“', '”', '–', '—']));
            prop_assert!(!folded.contains("  ") && folded.trim() == folded);
        }
    }
}
