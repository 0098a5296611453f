//! Revisions of a statement's text: numbers, authors, notes and hashes,
//! diffs, the kind of change once open, and translations.

use sha2::{Digest, Sha256};

use crate::support::app::spawn_app;
use crate::support::coordinators::{OWNER_NAME, location};
use crate::support::pages::{field_error, tagged};
use crate::support::signatures::organization;
use crate::support::signers::visit;
use crate::support::statements::{BODY, TITLE, draft, edit, revisions, statement_path};

fn sha256_of_canonical_text(title: &str, body: &str) -> String {
    hex::encode(Sha256::digest(
        undersigned::text::canonical_text(title, body).as_bytes(),
    ))
}

#[tokio::test]
async fn each_saved_change_is_a_revision_with_number_author_note_and_hash() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    let new_body = "We call for clean and affordable water in every town.";

    // Act
    let saved = edit(
        &owner,
        &id,
        "en",
        &[
            ("title", "Water for everyone"),
            ("body", new_body),
            ("note", "added affordability"),
        ],
    )
    .await;
    let history = revisions(&app, &id, "en").await;
    let (_, page) = owner
        .page(&format!("{}/revisions/en", statement_path(&id)))
        .await;

    // Assert
    assert_eq!(saved.status(), 303);
    assert!(location(&saved).ends_with("/revisions/en"));
    let numbers: Vec<i32> = history.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [2, 1]);
    let latest = &history[0];
    assert_eq!(latest.author_name, OWNER_NAME);
    assert_eq!(latest.note, "added affordability");
    assert_eq!(
        latest.content_hash,
        sha256_of_canonical_text("Water for everyone", new_body)
    );
    assert_eq!(
        history[1].content_hash,
        sha256_of_canonical_text(TITLE, BODY)
    );
    assert!(page.contains("Revision 2"));
    assert!(page.contains("added affordability"));
    assert!(page.contains(&latest.content_hash[..12]));
    assert_eq!(app.statement(&id).await.slug, "water-for-all");
}

#[tokio::test]
async fn saving_unchanged_text_makes_no_revision() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;

    // Act
    let saved = edit(
        &owner,
        &id,
        "en",
        &[("title", TITLE), ("body", BODY), ("note", "nothing really")],
    )
    .await;
    let history = revisions(&app, &id, "en").await;

    // Assert
    assert_eq!(saved.status(), 303);
    assert_eq!(location(&saved), statement_path(&id));
    assert_eq!(history.len(), 1);
}

#[tokio::test]
async fn the_diff_between_two_revisions_marks_added_and_removed_words() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    edit(
        &owner,
        &id,
        "en",
        &[
            ("title", TITLE),
            ("body", "We demand clean water in every village."),
            ("note", ""),
        ],
    )
    .await;

    // Act
    let (status, page) = owner
        .page(&format!("{}/diff/en?from=1&to=2", statement_path(&id)))
        .await;
    let added = tagged(&page, "ins").join(" ");
    let removed = tagged(&page, "del").join(" ");

    // Assert
    assert_eq!(status, 200);
    assert!(
        added.contains("demand") && added.contains("village"),
        "{added}"
    );
    assert!(
        removed.contains("call for") && removed.contains("town"),
        "{removed}"
    );
    assert!(!added.contains("clean water") && !removed.contains("clean water"));
}

#[tokio::test]
async fn once_open_a_save_must_say_whether_the_change_is_editorial_or_material() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    assert_eq!(app.set_status(&owner, &id, "open").await, 303);
    let changed = [
        ("title", TITLE),
        ("body", "We call for clean water in every city."),
    ];

    // Act
    let unsaid = edit(&owner, &id, "en", &[changed[0], changed[1], ("note", "")]).await;
    let (unsaid_status, unsaid_page) = (unsaid.status(), unsaid.text().await.expect("body"));
    let count_after_refusal = revisions(&app, &id, "en").await.len();
    let material = edit(
        &owner,
        &id,
        "en",
        &[
            changed[0],
            changed[1],
            ("note", "city"),
            ("kind", "material"),
        ],
    )
    .await;
    let history = revisions(&app, &id, "en").await;

    // Assert
    assert_eq!(unsaid_status, 422);
    assert!(
        field_error(&unsaid_page, "kind")
            .expect("an error next to the kind of change")
            .contains("editorial")
    );
    assert_eq!(count_after_refusal, 1);
    assert_eq!(material.status(), 303);
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].change_kind.as_str(), "material");
}

#[tokio::test]
async fn a_spanish_translation_has_its_own_page_in_spanish_with_the_shared_list() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;

    // Act
    let added = owner
        .post(
            &format!("{}/translations", statement_path(&id)),
            &[
                ("language", "es"),
                ("title", "Agua para todos"),
                ("body", "Pedimos agua limpia en cada pueblo."),
            ],
        )
        .await;
    let duplicate = owner
        .post(
            &format!("{}/translations", statement_path(&id)),
            &[
                ("language", "es"),
                ("title", "Otra"),
                ("body", "Otro texto."),
            ],
        )
        .await;
    let (duplicate_status, duplicate_page) =
        (duplicate.status(), duplicate.text().await.expect("body"));
    assert_eq!(app.set_status(&owner, &id, "open").await, 303);
    app.add_signatures(&id, vec![organization("Amigos del Río", None)])
        .await;
    let (es_status, es) = visit(&app, "/s/water-for-all/es").await;
    let (_, en) = visit(&app, "/s/water-for-all").await;

    // Assert
    assert_eq!(added.status(), 303);
    assert_eq!(duplicate_status, 422);
    assert!(field_error(&duplicate_page, "language").is_some());
    assert_eq!(es_status, 200);
    assert!(es.contains("<html lang=\"es\""));
    assert!(es.contains("Agua para todos"));
    assert!(es.contains("Pedimos agua limpia en cada pueblo."));
    assert!(es.contains("Firmado por"));
    assert!(es.contains("Firmar esta declaración"));
    assert!(es.contains("1 firmante"));
    assert!(
        es.contains("href=\"/s/water-for-all/en\""),
        "a switch to English"
    );
    assert!(en.contains("Signed by"));
    assert!(
        en.contains("href=\"/s/water-for-all/es\""),
        "a switch to Spanish"
    );
    assert!(en.contains("Español"));
    assert!(es.contains("<li>Amigos del Río</li>"));
    assert!(en.contains("<li>Amigos del Río</li>"));
}
