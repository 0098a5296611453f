//! UI strings from the Fluent files in `locales/`, embedded in the binary.
//!
//! Each language folder may hold several files: `main.ftl` for the public
//! pages, which every language must have, and `coordinator.ftl` for the
//! coordinator pages, which falls back to English message by message. The
//! macro reads the folders when this file is compiled, so a new file is
//! picked up once this crate is rebuilt (`touch src/i18n/messages.rs`
//! if cargo sees nothing else changed).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex, PoisonError};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
use maud::{Markup, html};

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

/// A localized UI string, or `None` when no language has `key`.
///
/// For ids built from stored codes (an audit entry's action): a code
/// without a message, from an older or newer version, is the caller's to
/// show as it is, so it is neither logged nor an error here.
pub fn try_t(lang: Lang, key: &str) -> Option<String> {
    LOCALES.try_lookup(&lang.langid(), key)
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

/// A localized sentence with markup inside, such as a link or a bold
/// number: each of `parts` fills the Fluent argument of its name, so the
/// whole sentence is translated and a language may move the part. The text
/// around the parts is escaped as usual; `args` are plain arguments.
pub fn t_markup(
    lang: Lang,
    key: &str,
    args: &[(&str, FluentValue<'_>)],
    parts: &[(&str, Markup)],
) -> Markup {
    let mut all = args.to_vec();
    for (index, (name, _)) in parts.iter().enumerate() {
        all.push((name, format!("{PART_START}{index}{PART_END}").into()));
    }
    let text = t_args(lang, key, &all);
    html! {
        @for piece in pieces(&text) {
            @match piece {
                Piece::Text(text) => (text),
                Piece::Part(index) => {
                    @if let Some((_, part)) = parts.get(index) { (part) }
                }
            }
        }
    }
}

/// Private-use characters around the number of a markup part in the
/// formatted text. A plain argument that holds them can at worst repeat
/// one of the page's own parts.
const PART_START: char = '\u{E000}';
const PART_END: char = '\u{E001}';

enum Piece<'a> {
    Text(&'a str),
    Part(usize),
}

fn pieces(mut text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    while let Some(start) = text.find(PART_START) {
        let after = &text[start + PART_START.len_utf8()..];
        let Some(end) = after.find(PART_END) else {
            break;
        };
        let Ok(index) = after[..end].parse() else {
            break;
        };
        pieces.push(Piece::Text(&text[..start]));
        pieces.push(Piece::Part(index));
        text = &after[end + PART_END.len_utf8()..];
    }
    pieces.push(Piece::Text(text));
    pieces
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

    mod coordinator;
    mod events;

    /// The public strings, which every language must have.
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
            // The coordinator pages'
            ("added", 4.into()),
            ("added-text", "Added text".into()),
            ("already", 1.into()),
            ("bad", "1".into()),
            ("coalition", "River Alliance".into()),
            ("current", 3.into()),
            ("day", 22.into()),
            ("days", 30.into()),
            ("description", "reads everything".into()),
            ("email", "ana@example.org".into()),
            ("from", "draft".into()),
            ("good", "2".into()),
            ("headline", "Water is a right".into()),
            ("invited", 5.into()),
            ("kb", 256.into()),
            ("language", "en".into()),
            ("line", 2.into()),
            ("link", "link".into()),
            ("lists", "Reporters, Editors".into()),
            ("log-in", "log in".into()),
            ("min", 10.into()),
            ("minutes", 15.into()),
            ("month", 11.into()),
            ("name", "Ana".into()),
            ("new", 2.into()),
            ("new-link", "Ask for a new link".into()),
            ("old", 1.into()),
            ("open", 0.into()),
            ("organization", "River Alliance".into()),
            ("reason", "Service Unavailable".into()),
            ("reasons", "1 unsubscribed, 1 bounced".into()),
            ("sender", "River Alliance".into()),
            ("removed", 2.into()),
            ("removed-text", "removed text".into()),
            ("revision", "revision 2".into()),
            ("role", "editor".into()),
            ("state", "invited".into()),
            ("status", 503.into()),
            ("suppressed", 0.into()),
            ("time", "24 November 2026, 09:00 CET (Europe/Berlin)".into()),
            ("to", "closed".into()),
            ("total", 6.into()),
            // The contacts pages'
            ("column", "Correo".into()),
            ("created", 3.into()),
            ("done", 2.into()),
            ("field", "Email".into()),
            ("megabytes", 20.into()),
            ("rejected", 1.into()),
            ("tags", "climate, water".into()),
            ("updated", 2.into()),
            ("value", "Atlantis".into()),
            ("why", "the same address is on line 2".into()),
            ("zone", "America/Mexico_City".into()),
        ])
    }

    /// Each locale folder's files, by file name, read at test time so that
    /// a new folder is checked without changing this test.
    fn locale_files() -> std::collections::BTreeMap<String, Vec<(String, String)>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales");
        let mut folders = std::collections::BTreeMap::new();
        for folder in std::fs::read_dir(&root).expect("the locales folder") {
            let folder = folder.expect("a locale folder").path();
            let code = folder
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            let mut files: Vec<(String, String)> = std::fs::read_dir(&folder)
                .expect("a locale folder")
                .map(|f| f.expect("a locale file").path())
                .map(|path| {
                    let name = path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .unwrap_or_default();
                    let text = std::fs::read_to_string(&path).expect("a locale file");
                    (name.to_owned(), text)
                })
                .collect();
            files.sort();
            folders.insert(code, files);
        }
        folders
    }

    #[test]
    fn every_locale_has_the_files_and_message_ids_of_english_and_no_other() {
        // Arrange
        let folders = locale_files();
        let english = &folders["en"];
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();

        // Act, Assert
        assert_eq!(
            folders.keys().map(String::as_str).collect::<Vec<_>>(),
            {
                let mut sorted = codes.clone();
                sorted.sort_unstable();
                sorted
            },
            "one folder per language of Lang::ALL"
        );
        assert!(english.len() >= 2, "main.ftl and coordinator.ftl");
        for (code, files) in &folders {
            let names: Vec<&String> = files.iter().map(|(name, _)| name).collect();
            let english_names: Vec<&String> = english.iter().map(|(name, _)| name).collect();
            assert_eq!(names, english_names, "{code} has the files of en");
            for ((name, text), (_, english_text)) in files.iter().zip(english) {
                let ids = message_ids(text);
                let english_ids = message_ids(english_text);
                let missing: Vec<_> = english_ids.difference(&ids).collect();
                let extra: Vec<_> = ids.difference(&english_ids).collect();
                assert!(missing.is_empty(), "{code}/{name} lacks {missing:?}");
                assert!(
                    extra.is_empty(),
                    "{code}/{name} has ids en lacks: {extra:?}"
                );
            }
        }
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
    fn an_explicit_lookup_tells_a_missing_key_from_a_message() {
        // Arrange, Act
        let missing = try_t(Lang::Es, "no-such-key");
        let present = try_t(Lang::Es, "signed-by");

        // Assert
        assert_eq!(missing, None);
        assert_eq!(present.as_deref(), Some("Firmado por"));
    }

    #[test]
    fn a_missing_key_comes_back_as_itself() {
        // Arrange
        let key = "no-such-key";

        // Act
        let text = t(Lang::Es, key);

        // Assert
        assert_eq!(text, "no-such-key");
    }
}
