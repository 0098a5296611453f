//! Tests of the strings of stored facts (`events.ftl`): each resolves in
//! every language on its own, and each id the code stores is defined.

use super::*;

const EVENTS: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../../locales/en/events.ftl")),
    (Lang::Es, include_str!("../../locales/es/events.ftl")),
];

/// A value for every variable the stored facts use.
fn event_arguments() -> HashMap<&'static str, FluentValue<'static>> {
    let mut args = every_argument();
    for (name, value) in [
        ("already", 1.into()),
        ("before", "agua viva".into()),
        ("changes", "deadline none".into()),
        ("dropped-email", "b@example.org".into()),
        ("dropped-name", "Agua".into()),
        ("entered", "agua viva".into()),
        ("error", "permission denied".into()),
        ("headline", "Water".into()),
        ("invited", 3.into()),
        ("kept-email", "a@example.org".into()),
        ("kept-name", "Agua Viva".into()),
        ("kind", "material".into()),
        ("list", "Press".into()),
        ("names", "Agua Viva, Ríos".into()),
        ("note", "typos".into()),
        ("path", "/var/mail/1.eml".into()),
        ("position", 2.into()),
        ("reply", "451 try later".into()),
        ("seconds", 30.into()),
        ("server", "smtp.example.org:587".into()),
        ("shown", "Agua Viva".into()),
        ("subject", "News".into()),
        ("what", "“Water” (revision 2)".into()),
    ] {
        args.insert(name, value);
    }
    args
}

#[test]
fn every_stored_fact_resolves_in_every_language_without_falling_back() {
    for (lang, source) in EVENTS {
        // Arrange
        let parsed = FluentResource::try_new(source.to_owned());

        // Act
        let unresolved: Vec<_> = message_ids(source)
            .into_iter()
            .filter(|id| {
                LOCALES
                    .lookup_single_language(&lang.langid(), id, Some(&event_arguments()))
                    .is_err()
            })
            .collect();

        // Assert
        assert!(
            parsed.is_ok(),
            "{}/events.ftl has syntax errors",
            lang.code()
        );
        assert!(unresolved.is_empty(), "{}: {unresolved:?}", lang.code());
    }
}

/// The ids that `Phrase::new` is called with as a literal.
fn stored_ids(dir: &std::path::Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("the source folder") {
        let path = entry.expect("a source entry").path();
        if path.is_dir() {
            stored_ids(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let code = std::fs::read_to_string(&path).expect("a source file");
            for (at, _) in code.match_indices("Phrase::new(\"") {
                let rest = &code[at + "Phrase::new(\"".len()..];
                found.extend(rest.split_once('"').map(|(id, _)| id.to_owned()));
            }
        }
    }
}

#[test]
fn every_fact_the_code_stores_has_its_message() {
    // Arrange
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut ids = Vec::new();
    stored_ids(&src, &mut ids);
    let built = ["pause", "resume", "cancel"]
        .map(|verb| format!("audit-mailing-{verb}"))
        .into_iter()
        .chain(["add", "remove"].map(|verb| format!("audit-contact-list-{verb}")))
        .chain(
            ["deadline", "publish", "list-public"]
                .map(|setting| format!("audit-setting-{setting}-none")),
        );
    let scanned = ids.len();
    ids.extend(built);

    // Act
    let args = event_arguments();
    let missing: Vec<_> = ids
        .iter()
        .filter(|id| {
            Lang::ALL.iter().any(|lang| {
                LOCALES
                    .lookup_single_language(&lang.langid(), id, Some(&args))
                    .is_err()
            })
        })
        .collect();

    // Assert
    assert!(scanned > 40, "the scan found only {scanned}");
    assert!(missing.is_empty(), "{missing:?}");
}

/// The action codes (4th argument) and object types (5th) of every call to
/// `audit::record` in `dir`, as written: a string literal keeps its quotes.
fn recorded(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
    // Split so that this file's own source does not read as a call.
    const CALL: &str = concat!("audit::", "record(");
    for entry in std::fs::read_dir(dir).expect("the source folder") {
        let path = entry.expect("a source entry").path();
        if path.is_dir() {
            recorded(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let code = std::fs::read_to_string(&path).expect("a source file");
            for (at, _) in code.match_indices(CALL) {
                let args = arguments(&code[at + CALL.len()..]);
                found.push((args[3].clone(), args[4].clone()));
            }
        }
    }
}

/// The top-level arguments of a call whose `(` has just been read.
fn arguments(call: &str) -> Vec<String> {
    let (mut args, mut current) = (Vec::new(), String::new());
    let (mut depth, mut in_string, mut escaped) = (0_usize, false, false);
    for c in call.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            _ if in_string => {}
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                args.push(current.trim().to_owned());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        args.push(current.trim().to_owned());
    }
    args
}

#[test]
fn every_action_and_object_the_audit_log_records_has_its_name() {
    // Arrange
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut calls = Vec::new();
    recorded(&src, &mut calls);
    // The actions built at run time, with every value they can take. A new
    // one fails below until its values are listed here.
    let built = [
        (
            r#"&format!("mailing.{}", control.verb())"#,
            vec!["mailing.pause", "mailing.resume", "mailing.cancel"],
        ),
        (
            r#"&format!("signature.{verb}")"#,
            vec!["signature.approved", "signature.rejected"],
        ),
        (
            r#"&format!("contact-list.{}", change.verb())"#,
            vec!["contact-list.add", "contact-list.remove"],
        ),
    ];
    let literal = |arg: &str| {
        arg.strip_prefix('"')
            .and_then(|a| a.strip_suffix('"'))
            .map(str::to_owned)
    };
    let mut actions = Vec::new();
    let mut objects = Vec::new();
    let mut unlisted = Vec::new();
    for (action, object) in &calls {
        match (
            literal(action),
            built.iter().find(|(call, _)| call == action),
        ) {
            (Some(code), _) => actions.push(code),
            (None, Some((_, codes))) => actions.extend(codes.iter().map(|c| (*c).to_owned())),
            (None, None) => unlisted.push(action.clone()),
        }
        match literal(object) {
            Some(object) => objects.push(object),
            None => unlisted.push(object.clone()),
        }
    }

    // Act: the ids the audit page looks up, with dots as dashes.
    let ids: Vec<String> = actions
        .iter()
        .map(|code| format!("audit-action-{}", code.replace('.', "-")))
        .chain(objects.iter().map(|o| format!("audit-object-{o}")))
        .collect();
    let missing: Vec<String> = Lang::ALL
        .iter()
        .flat_map(|lang| {
            ids.iter()
                .filter(|id| {
                    LOCALES
                        .lookup_single_language::<&str>(&lang.langid(), id, None)
                        .is_err()
                })
                .map(|id| format!("{}: {id}", lang.code()))
        })
        .collect();

    // Assert
    assert!(
        calls.len() > 40,
        "the scan found only {} calls",
        calls.len()
    );
    assert!(
        unlisted.is_empty(),
        "list the values these can take in `built`: {unlisted:?}"
    );
    assert!(missing.is_empty(), "{missing:?}");
}
