//! Facts the product stores (audit entries, the product's words in a
//! delivery log, import verdicts) are kept as a message and its values and
//! read in the language of whoever looks at them.

use crate::support::app::{Options, TestApp, spawn_app, spawn_app_configured};
use crate::support::audit::insert_raw_entry;
use crate::support::coordinators::speak;
use crate::support::coordinators::{COALITION_SLUG, Session};
use crate::support::pages::text_of;
use crate::support::press::{JOE, create_release, press_app, send_to_tag};
use crate::support::signers::{SignOnForm, open_statement, sign_and_confirm};
use crate::support::smtp::{Script, TestSmtp};

async fn audit_text(owner: &Session, query: &str) -> String {
    let (status, page) = owner
        .page(&format!("/c/{COALITION_SLUG}/audit{query}"))
        .await;
    assert_eq!(status, 200);
    text_of(&page)
}

#[tokio::test]
async fn one_audit_entry_reads_in_spanish_to_a_spanish_reader_and_in_english_to_an_english_one() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    speak(&owner, "es").await;
    app.create_statement(
        &owner,
        COALITION_SLUG,
        "Ríos libres",
        "es",
        "Los ríos son de todos.",
    )
    .await;
    let editor = app
        .invite_and_accept(&owner, "edgar@example.org", "Edgar Editor", "editor")
        .await;
    drop(editor);
    let edgar = app.coordinator_id("edgar@example.org").await;
    let changed = owner
        .post(
            &format!("/c/{COALITION_SLUG}/members/{edgar}/role"),
            &[("role", "viewer")],
        )
        .await;
    assert_eq!(changed.status(), 303);

    // Act
    let spanish = audit_text(&owner, "").await;
    speak(&owner, "en").await;
    let english = audit_text(&owner, "").await;

    // Assert
    assert!(
        spanish.contains("creó el borrador “Ríos libres”"),
        "{spanish}"
    );
    assert!(
        spanish.contains("cambió el rol de edgar@example.org de edición a lectura"),
        "{spanish}"
    );
    assert!(!spanish.contains("created the draft"));
    assert!(
        english.contains("created the draft “Ríos libres”"),
        "{english}"
    );
    assert!(
        english.contains("changed the role of edgar@example.org from editor to viewer"),
        "{english}"
    );
    assert!(!english.contains("creó"));
    assert!(
        !english.contains("audit-"),
        "no message id shows: {english}"
    );
}

#[tokio::test]
async fn the_text_filter_finds_typed_values_but_not_message_ids_or_value_names() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    app.create_statement(
        &owner,
        COALITION_SLUG,
        "Ríos libres",
        "en",
        "Rivers for all.",
    )
    .await;

    // Act
    let by_title = audit_text(&owner, "?q=R%C3%ADos+LIBRES").await;
    let by_value_name = audit_text(&owner, "?q=title").await;
    let by_message_id = audit_text(&owner, "?q=statement-create").await;

    // Assert
    assert!(
        by_title.contains("created the draft “Ríos libres”"),
        "{by_title}"
    );
    assert!(
        !by_value_name.contains("created the draft"),
        "{by_value_name}"
    );
    assert!(
        !by_message_id.contains("created the draft"),
        "{by_message_id}"
    );
}

#[tokio::test]
async fn an_entry_stored_as_an_english_sentence_before_is_still_shown_as_it_is() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    speak(&owner, "es").await;
    insert_raw_entry(
        &app,
        ("statement.status", "statement", "legacy"),
        "closed the statement at its deadline {old}",
    )
    .await;

    // Act
    let page = audit_text(&owner, "").await;
    let found = audit_text(&owner, "?q=deadline").await;

    // Assert
    assert!(
        page.contains("closed the statement at its deadline {old}"),
        "{page}"
    );
    assert!(found.contains("closed the statement at its deadline {old}"));
}

#[tokio::test]
async fn an_import_preview_gives_its_verdicts_in_spanish_to_a_spanish_reader() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Ríos Libres", "ben@rios.example"),
    )
    .await;
    speak(&owner, "es").await;
    let list = "organización,país,correo\n\
                Agua Viva,MX,ana@aguaviva.example\n\
                Correo Malo,MX,no-es-correo\n\
                País Malo,Atlántida,x@malo.example\n\
                Agua Viva Otra,MX,ana@aguaviva.example\n\
                Ya Firmó,MX,ben@rios.example\n";

    // Act
    let response =
        crate::support::signatures::import(&owner, &statement, list, "list", "preview").await;
    let status = response.status();
    let page = response.text().await.expect("body");
    let unreadable =
        crate::support::signatures::import(&owner, &statement, " \n", "list", "preview").await;
    let unreadable_status = unreadable.status();
    let unreadable = text_of(&unreadable.text().await.expect("body"));

    // Assert
    assert_eq!(status, 200);
    assert_eq!(
        crate::support::pages::report_rows(&page),
        [
            "2 | Agua Viva | México | ana@aguaviva.example | se importará",
            "3 | Correo Malo | México | no-es-correo | rechazada: “no-es-correo” no es una dirección de correo",
            "4 | País Malo | Atlántida | x@malo.example | rechazada: “Atlántida” no es un código ni un nombre de país",
            "5 | Agua Viva Otra | México | ana@aguaviva.example | se une a la línea 2, que tiene la misma dirección",
            "6 | Ya Firmó | México | ben@rios.example | rechazada: esta dirección ya firmó",
        ]
    );
    assert_eq!(unreadable_status, 422);
    assert!(
        unreadable.contains("El archivo está vacío."),
        "{unreadable}"
    );
}

/// A Spanish-speaking owner's mailing of one release to one contact.
async fn mailing_read_in_spanish(app: &TestApp, owner: &Session) -> (String, String) {
    app.add_contacts(&[JOE]).await;
    speak(owner, "es").await;
    let release = create_release(owner, "Water is a right", "").await;
    let mailing = send_to_tag(owner, &release, "press").await;
    app.wait_for_mailings().await;
    let (status, page) = owner.page(&mailing).await;
    assert_eq!(status, 200);
    let csv = owner
        .get(&format!("{mailing}/log.csv"))
        .await
        .text()
        .await
        .expect("csv");
    (text_of(&page), csv)
}

#[tokio::test]
async fn the_products_own_words_in_a_delivery_log_read_in_spanish() {
    // Arrange: no SMTP server, so each mail is written to a file.
    let (app, owner) = press_app(None, |_| {}).await;

    // Act
    let (page, csv) = mailing_read_in_spanish(&app, &owner).await;

    // Assert
    assert!(page.contains("guardado en "), "{page}");
    assert!(!page.contains("written to"), "{page}");
    assert!(!page.contains("mail-reply"), "{page}");
    let csv = csv
        .strip_prefix('\u{feff}')
        .expect("the log starts with a byte-order mark");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("Correo,Nombre,Estado,Intentos,Respuesta del servidor,Enviado (UTC)")
    );
    let joe = lines.next().expect("a line for Joe");
    assert!(
        joe.starts_with("joe@news.example,Joe Reporter,Enviado,1,guardado en "),
        "{csv}"
    );
}

#[tokio::test]
async fn a_mail_given_up_says_so_in_spanish_around_the_systems_own_words() {
    // Arrange: a server that defers the recipient, and one attempt only.
    let smtp = TestSmtp::start();
    smtp.script("joe@news.example", Script::DeferTimes(100));
    let app = spawn_app_configured(
        Options {
            smtp: Some(smtp),
            db: None,
            data_dir: None,
        },
        |settings| settings.outbox_max_attempts = 1,
    )
    .await;
    let owner = app.setup_first_account().await;

    // Act
    let (page, _) = mailing_read_in_spanish(&app, &owner).await;

    // Assert
    assert!(
        page.contains(
            "se dejó de intentar tras 1 intento; última respuesta: 451 4.3.0 Greylisted, try again later"
        ),
        "{page}"
    );
}

#[tokio::test]
async fn a_translations_first_revision_is_named_in_the_readers_language() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let id = app
        .create_statement(
            &owner,
            COALITION_SLUG,
            "Water for all",
            "en",
            "Clean water.",
        )
        .await;
    let statement = format!("/c/{COALITION_SLUG}/statements/{id}");
    let added = owner
        .post(
            &format!("{statement}/translations"),
            &[
                ("language", "es"),
                ("title", "Agua para todos"),
                ("body", "Agua limpia."),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);

    // Act
    let (_, english) = owner.page(&format!("{statement}/revisions/es")).await;
    let (_, original) = owner.page(&format!("{statement}/revisions/en")).await;
    speak(&owner, "es").await;
    let (_, spanish) = owner.page(&format!("{statement}/revisions/es")).await;

    // Assert
    let notes = |page: &str| text_of(page);
    assert!(
        notes(&english).contains("· translation ·"),
        "{}",
        notes(&english)
    );
    assert!(notes(&original).contains("· first draft ·"));
    assert!(
        notes(&spanish).contains("· traducción ·"),
        "{}",
        notes(&spanish)
    );
}

#[tokio::test]
async fn unusable_lines_of_an_invitation_list_are_named_in_spanish() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    speak(&owner, "es").await;

    // Act
    let response = owner
        .post(
            &format!("/c/{COALITION_SLUG}/statements/{statement}/invitations"),
            &[(
                "list",
                "ana@aguaviva.example, Agua Viva, Atlántida\nsin-correo, Ríos\n",
            )],
        )
        .await;
    let status = response.status();
    let page = text_of(&response.text().await.expect("body"));

    // Assert
    assert_eq!(status, 422);
    assert!(
        page.contains("línea 1: el país no es un código ISO como MX o GT"),
        "{page}"
    );
    assert!(page.contains("línea 2: no tiene una dirección de correo válida"));
}
