//! Tests of the coordinator strings: every id the code names is defined,
//! and every language has its own text for every message.

use super::*;

/// The coordinator strings in English, the reference for every language.
const COORDINATOR: &str = include_str!("../../locales/en/coordinator.ftl");

/// The stored facts' strings in English (see `events.rs`).
const EVENTS: &str = include_str!("../../locales/en/events.ftl");

/// The message ids that Rust code names as a literal in a call of `t`,
/// `t_args` or `t_markup`, such as `t(lang, "signed-by")`, with the file
/// they are in. Ids built at run time are not seen.
fn ids_named_in_code(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
    let entries = std::fs::read_dir(dir).expect("the source folder");
    for entry in entries.map(|e| e.expect("a source entry").path()) {
        if entry.is_dir() {
            ids_named_in_code(&entry, found);
        } else if entry.extension().is_some_and(|e| e == "rs") {
            let code = std::fs::read_to_string(&entry).expect("a source file");
            for id in ids_in_calls(&code) {
                found.push((id.to_owned(), entry.display().to_string()));
            }
        }
    }
}

fn ids_in_calls(code: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    for call in ["t(", "t_args(", "t_markup("] {
        for (at, _) in code.match_indices(call) {
            let before = code[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' {
                continue;
            }
            let rest = &code[at + call.len()..];
            let Some((lang, rest)) = rest.split_once(',') else {
                continue;
            };
            let is_lang = lang
                .trim()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == ':');
            let literal = rest.trim_start().strip_prefix('"');
            if let (true, Some(literal)) = (is_lang, literal) {
                ids.extend(literal.split_once('"').map(|(id, _)| id));
            }
        }
    }
    ids
}

#[test]
fn every_coordinator_message_parses_and_resolves_in_english() {
    // Arrange
    let parsed = FluentResource::try_new(COORDINATOR.to_owned());
    let ids = message_ids(COORDINATOR);

    // Act
    let unresolved: Vec<_> = ids
        .iter()
        .filter(|id| {
            LOCALES
                .lookup_single_language(&Lang::En.langid(), id, Some(&every_argument()))
                .is_err()
        })
        .collect();

    // Assert
    assert!(parsed.is_ok(), "coordinator.ftl has Fluent syntax errors");
    assert!(ids.contains("nav-log-out"), "the id scan found nothing");
    assert!(unresolved.is_empty(), "{unresolved:?}");
}

#[test]
fn coordinator_and_public_files_share_no_message_id() {
    // Arrange
    let [(_, public), _] = SOURCES;

    // Act
    let coordinator = message_ids(COORDINATOR);
    let shared: Vec<_> = message_ids(public)
        .intersection(&coordinator)
        .copied()
        .collect();

    // Assert
    assert!(shared.is_empty(), "defined twice: {shared:?}");
}

#[test]
fn every_coordinator_message_resolves_in_spanish_without_falling_back() {
    // Arrange
    let spanish = Lang::Es.langid();
    let ids = message_ids(COORDINATOR);

    // Act
    let unresolved: Vec<_> = ids
        .iter()
        .filter(|id| {
            LOCALES
                .lookup_single_language(&spanish, id, Some(&every_argument()))
                .is_err()
        })
        .collect();

    // Assert
    assert!(unresolved.is_empty(), "{unresolved:?}");
    assert_eq!(t(Lang::Es, "nav-log-out"), "Cerrar sesión");
}

#[test]
fn coordinator_pages_say_in_which_language_their_strings_are() {
    // Arrange, Act
    let english = t(Lang::En, "coordinator-language");
    let spanish = t(Lang::Es, "coordinator-language");

    // Assert
    assert_eq!(english, "en");
    assert_eq!(spanish, "es");
}

#[test]
fn every_id_the_code_names_is_defined_in_english() {
    // Arrange
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let [(_, public), _] = SOURCES;
    let defined: HashSet<&str> = message_ids(public)
        .union(&message_ids(COORDINATOR))
        .chain(&message_ids(EVENTS))
        .copied()
        .collect();
    let mut named = Vec::new();

    // Act
    ids_named_in_code(&src, &mut named);
    let undefined: Vec<_> = named
        .iter()
        .filter(|(id, _)| !defined.contains(id.as_str()))
        .collect();

    // Assert
    assert!(
        named.len() > 300,
        "the call scan found only {}",
        named.len()
    );
    assert!(undefined.is_empty(), "{undefined:?}");
}

#[test]
fn markup_parts_take_their_place_in_the_translated_sentence() {
    // Arrange
    let link = html! { a href="/login?next=/x" { "Log in" } };
    let args = [("email", "<b>eva</b>@example.org".into())];

    // Act
    let sentence = t_markup(Lang::En, "join-has-account", &args, &[("log-in", link)]);

    // Assert
    assert_eq!(
        sentence.into_string(),
        "An account exists for &lt;b&gt;eva&lt;/b&gt;@example.org. \
         <a href=\"/login?next=/x\">Log in</a> to accept the invitation."
    );
}

#[test]
fn error_headings_are_chosen_by_status_number() {
    // Arrange
    let heading = |status: u16, reason: &str| {
        t_args(
            Lang::En,
            "error-page-heading",
            &[("status", status.into()), ("reason", reason.into())],
        )
    };

    // Act, Assert
    assert_eq!(heading(404, "Not Found"), "Not Found");
    assert_eq!(heading(403, "Forbidden"), "Forbidden");
    assert_eq!(heading(503, "Service Unavailable"), "Service Unavailable");
}
