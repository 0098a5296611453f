//! Text typed by people: normalization at the edge, folding for search, safe Markdown, the
//! canonical form whose hash identifies a statement revision, word diffs
//! between revisions, and URL slugs.

mod diff;
mod fold;
mod markdown;
mod plain;
mod slugs;

pub use diff::{DiffPart, diff_as_text, diff_stats, render_diff, word_diff};
pub use fold::{fold, search_fold};
pub use markdown::{
    MAX_MARKDOWN_DEPTH, markdown_excerpt, markdown_too_deep, render_markdown, sanitize_mail_html,
};
pub use plain::{WRAP, markdown_to_plain};
pub use slugs::{first_free_slug, is_valid_slug, slugify};

/// Generators and URL checks for property tests of other renderers.
#[cfg(test)]
pub(crate) use markdown::tests as markdown_properties;

use fold::collapse_whitespace;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// Why a piece of typed text was refused. Display messages are plain English
/// sentences for logs; the UI maps the variant to localized strings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("The text is empty.")]
    Empty,
    #[error("The text is longer than {max} characters.")]
    TooLong { max: usize },
    #[error("The text contains control characters.")]
    ControlCharacters,
    #[error("The text nests quotes, lists or tags more than {max} levels deep.")]
    TooDeep { max: usize },
}

/// One line of typed text (a name, a title): Unicode NFC, every run of
/// whitespace (spaces, tabs, NBSP, line breaks) collapsed to one ASCII space,
/// trimmed, and at most `max_chars` characters after all that.
///
/// Control characters other than whitespace are refused, and so are the bidi
/// embedding, override and isolate characters (U+202A..U+202E,
/// U+2066..U+2069), which can make a name display as something else.
pub fn normalize_line(input: &str, max_chars: usize) -> Result<String, TextError> {
    if input.chars().any(|c| is_forbidden(c, char::is_whitespace)) {
        return Err(TextError::ControlCharacters);
    }
    let line = collapse_whitespace(&nfc(input));
    check_length(line, max_chars)
}

/// Like [`normalize_line`], for optional fields: nothing but whitespace is
/// `Ok(None)` rather than an error.
pub fn normalize_optional_line(input: &str, max_chars: usize) -> Result<Option<String>, TextError> {
    match normalize_line(input, max_chars) {
        Ok(line) => Ok(Some(line)),
        Err(TextError::Empty) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Multi-line text (a Markdown body, a comment): Unicode NFC, line ends
/// "\r\n" and "\r" turned into "\n", trailing whitespace of each line removed,
/// leading and trailing blank lines removed, and at most `max_chars`
/// characters after all that.
///
/// Leading indentation and tabs are kept because Markdown gives them meaning;
/// other control characters and the bidi controls refused by
/// [`normalize_line`] are refused here too.
pub fn normalize_text(input: &str, max_chars: usize) -> Result<String, TextError> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r');
    if input.chars().any(|c| is_forbidden(c, allowed)) {
        return Err(TextError::ControlCharacters);
    }
    let text = tidy_lines(&nfc(input));
    check_length(text, max_chars)
}

/// A Markdown body: [`normalize_text`], and refused when it nests deeper
/// than [`MAX_MARKDOWN_DEPTH`], which no real text does and which would
/// make every rendering of it slow.
pub fn normalize_markdown(input: &str, max_chars: usize) -> Result<String, TextError> {
    let text = normalize_text(input, max_chars)?;
    if markdown_too_deep(&text) {
        return Err(TextError::TooDeep {
            max: MAX_MARKDOWN_DEPTH,
        });
    }
    Ok(text)
}

/// The canonical text of a statement revision, whose SHA-256 identifies it.
///
/// Defined as `T + "\n\n" + B` where
/// - `T` is the title in Unicode NFC with every run of Unicode whitespace
///   (`char::is_whitespace`) replaced by one U+0020 and none at either end,
///   so it never holds a line break and the split point is unambiguous;
/// - `B` is the body in Unicode NFC with "\r\n" and then "\r" replaced by
///   "\n", trailing Unicode whitespace removed from every line, and leading
///   and trailing empty lines removed (no final "\n"); indentation is kept.
///
/// Nothing is refused or shortened here: validation happens before storage.
/// Stored hashes depend on this definition, so it must never change.
pub fn canonical_text(title: &str, body: &str) -> String {
    let title = collapse_whitespace(&nfc(title));
    let body = tidy_lines(&nfc(body));
    format!("{title}\n\n{body}")
}

/// Lowercase hex SHA-256 of the UTF-8 bytes of [`canonical_text`].
pub fn content_hash(title: &str, body: &str) -> String {
    hex::encode(Sha256::digest(canonical_text(title, body).as_bytes()))
}

fn nfc(input: &str) -> String {
    input.nfc().collect()
}

/// Control characters (Unicode Cc) not let through by `allowed`, and the
/// bidi formatting characters that can reorder what a reader sees.
fn is_forbidden(c: char, allowed: impl Fn(char) -> bool) -> bool {
    let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    bidi || (c.is_control() && !allowed(c))
}

fn tidy_lines(input: &str) -> String {
    let unix = input.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = unix.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

fn check_length(text: String, max_chars: usize) -> Result<String, TextError> {
    if text.is_empty() {
        Err(TextError::Empty)
    } else if text.chars().count() > max_chars {
        Err(TextError::TooLong { max: max_chars })
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_trimmed_and_its_whitespace_collapsed() {
        let input = "  a \t b\nc \u{a0}";

        let line = normalize_line(input, 100);

        assert_eq!(line, Ok("a b c".to_string()));
    }

    #[test]
    fn a_line_is_composed_to_nfc() {
        let decomposed = "Caf\u{65}\u{301}";

        let line = normalize_line(decomposed, 100);

        assert_eq!(line, Ok("Caf\u{e9}".to_string()));
    }

    #[test]
    fn a_line_with_a_bell_or_a_bidi_override_is_refused() {
        for input in ["ring\u{7}", "evil\u{202E}txt.exe", "a\u{2066}b"] {
            let result = normalize_line(input, 100);

            assert_eq!(result, Err(TextError::ControlCharacters), "{input:?}");
        }
    }

    #[test]
    fn line_length_is_counted_in_characters_not_bytes() {
        let ten = "ñ".repeat(10);

        assert_eq!(normalize_line(&ten, 10), Ok(ten.clone()));
        assert_eq!(
            normalize_line(&format!("{ten}ñ"), 10),
            Err(TextError::TooLong { max: 10 })
        );
    }

    #[test]
    fn a_blank_line_is_empty_unless_optional() {
        assert_eq!(normalize_line("  \t ", 10), Err(TextError::Empty));
        assert_eq!(normalize_optional_line("  \t ", 10), Ok(None));
        assert_eq!(normalize_optional_line(" x ", 10), Ok(Some("x".into())));
    }

    #[test]
    fn text_keeps_paragraphs_and_indentation_but_not_trailing_space() {
        let input = "\r\n\r\nFirst line  \r\nsecond\r\n\r\n    code\ttab\r\n\r\n";

        let text = normalize_text(input, 1000);

        assert_eq!(text, Ok("First line\nsecond\n\n    code\ttab".to_string()));
    }

    #[test]
    fn text_with_old_mac_line_ends_becomes_unix() {
        assert_eq!(normalize_text("a\rb", 10), Ok("a\nb".to_string()));
    }

    #[test]
    fn text_with_a_nul_or_vertical_tab_is_refused() {
        for input in ["a\0b", "a\u{b}b", "a\u{202A}b"] {
            assert_eq!(normalize_text(input, 10), Err(TextError::ControlCharacters));
        }
    }

    #[test]
    fn text_of_blank_lines_is_empty_and_long_text_too_long() {
        assert_eq!(normalize_text(" \n\t\n", 10), Err(TextError::Empty));
        assert_eq!(
            normalize_text("abc\ndef", 6),
            Err(TextError::TooLong { max: 6 })
        );
    }

    #[test]
    fn normalizing_twice_changes_nothing() {
        for input in generated_inputs() {
            if let Ok(line) = normalize_line(&input, 1000) {
                assert_eq!(normalize_line(&line, 1000), Ok(line.clone()));
                assert!(!line.contains("  ") && line.trim() == line);
            }
            if let Ok(text) = normalize_text(&input, 1000) {
                assert_eq!(normalize_text(&text, 1000), Ok(text.clone()));
                assert!(!text.contains('\r'));
            }
        }
    }

    #[test]
    fn line_ends_and_trailing_spaces_do_not_change_the_hash() {
        let unix = content_hash("Title", "One.\n\nTwo.");

        assert_eq!(content_hash("Title", "One.  \r\n\r\nTwo.\r\n"), unix);
        assert_eq!(content_hash(" Title ", "\nOne.\t\n\nTwo.\n\n"), unix);
        assert_eq!(content_hash("Title", "One.\r\rTwo."), unix);
    }

    #[test]
    fn a_changed_word_changes_the_hash() {
        let before = content_hash("Title", "We demand clean water.");

        let after = content_hash("Title", "We demand cheap water.");

        assert_ne!(before, after);
    }

    #[test]
    fn title_and_body_cannot_trade_text_to_collide() {
        let split_early = canonical_text("A", "B\n\nC");

        let split_late = canonical_text("A\n\nB", "C");

        assert_ne!(split_early, split_late);
        assert_eq!(split_late, "A B\n\nC");
    }

    #[test]
    fn the_canonical_form_and_hash_of_a_known_revision_are_pinned() {
        let (title, body) = ("Agua para todos\u{a0}", "Cafe\u{301}  \r\n\r\n- uno\r\n");

        assert_eq!(
            canonical_text(title, body),
            "Agua para todos\n\nCaf\u{e9}\n\n- uno"
        );
        assert_eq!(content_hash(title, body), PINNED_HASH);
    }

    /// Checked with `printf 'Agua para todos\n\nCaf\xc3\xa9\n\n- uno' | sha256sum`.
    /// If this fails, hashes already stored no longer match their revisions.
    const PINNED_HASH: &str = "2801bd21699521b92f5478f988764f05c6793c58d663c7c57d6ecf29511d43ec";

    /// Deterministic strings built from pieces that stress the normalizers.
    fn generated_inputs() -> Vec<String> {
        let pieces = [
            " ", "\t", "\n", "\r\n", "\r", "\u{a0}", "a", "ñ", "e\u{301}", "\u{7}", "\u{202E}",
            "x y", "  ", "\n\n",
        ];
        let mut inputs = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    inputs.push([a, b, c].concat());
                }
            }
        }
        inputs
    }
}
