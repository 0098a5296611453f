//! Digests of new signatures for coordinators who ask for them.

use diesel::prelude::*;
use undersigned::db::schema::{digest_subscriptions, signatures};
use undersigned::signatures::digest;

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::{COALITION_SLUG, OWNER_EMAIL};
use crate::support::outbox::{mail_context, queued, queued_with_purpose};
use crate::support::signatures::signatures_path;
use crate::support::signers::{SignOnForm, open_statement, sign, sign_and_confirm};

async fn send_due(app: &TestApp) -> usize {
    let context = mail_context(&app.address);
    app.with_conn(move |c| digest::send_due(c, &context).expect("digests"))
        .await
}

async fn frequency(app: &TestApp, coordinator: &str, statement: &str) -> String {
    let (coordinator, id) = (coordinator.to_owned(), statement.to_owned());
    app.with_conn(move |c| digest::frequency_of(c, &coordinator, &id).expect("frequency"))
        .await
}

#[tokio::test]
async fn a_due_digest_mails_the_names_confirmed_since_the_last_one_once() {
    // Arrange
    let app = spawn_app().await;
    let (_, statement) = open_statement(&app, &[]).await;
    let early = sign_and_confirm(
        &app,
        &SignOnForm::organization("Early Bird", "early@bird.example"),
    )
    .await;
    let (coordinator, id) = (app.coordinator_id(OWNER_EMAIL).await, statement.clone());
    app.with_conn(move |c| {
        digest::set(c, &coordinator, &id, Some(digest::Frequency::Hourly)).expect("set")
    })
    .await;
    for (name, email) in [
        ("Agua Viva", "ana@aguaviva.example"),
        ("Ríos Libres", "ben@rios.example"),
    ] {
        sign_and_confirm(&app, &SignOnForm::organization(name, email)).await;
    }
    sign(
        &app,
        &SignOnForm::organization("Lagos Vivos", "carla@lagos.example"),
    )
    .await;
    let now = undersigned::db::now();
    app.with_conn(move |c| {
        diesel::update(signatures::table.find(early))
            .set(signatures::confirmed_at.eq(now - chrono::Duration::hours(3)))
            .execute(c)
            .expect("early confirmation back-dated");
        diesel::update(digest_subscriptions::table)
            .set(digest_subscriptions::last_sent_at.eq(now - chrono::Duration::hours(2)))
            .execute(c)
            .expect("last digest back-dated")
    })
    .await;

    // Act
    let sent = send_due(&app).await;
    let again = send_due(&app).await;

    // Assert
    assert!(sent <= 1, "the scheduled job may have sent it first");
    assert_eq!(again, 0, "the next one is an hour away");
    let mails = queued(&app, OWNER_EMAIL, "signature-digest").await;
    assert_eq!(mails.len(), 1);
    let text = &mails[0].text_body;
    assert!(text.contains("Agua Viva, Mexico"), "{text}");
    assert!(text.contains("Ríos Libres, Mexico"));
    assert!(
        !text.contains("Early Bird"),
        "confirmed before the last digest"
    );
    assert!(!text.contains("Lagos Vivos"), "not confirmed");
    assert!(text.contains(&format!("{}{}", app.address, signatures_path(&statement))));
}

#[tokio::test]
async fn the_digest_form_saves_the_choice_and_nothing_is_sent_before_it_is_due() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let form = format!("/c/{COALITION_SLUG}/statements/{statement}/digest");
    let coordinator = app.coordinator_id(OWNER_EMAIL).await;

    // Act
    let subscribed = owner.post(&form, &[("frequency", "daily")]).await;
    let chosen = frequency(&app, &coordinator, &statement).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let sent = send_due(&app).await;
    let stopped = owner.post(&form, &[("frequency", "none")]).await;

    // Assert
    assert_eq!(
        (subscribed.status().as_u16(), stopped.status().as_u16()),
        (303, 303)
    );
    assert_eq!(chosen, "daily");
    assert_eq!(sent, 0, "a day has not passed");
    assert!(
        queued_with_purpose(&app, "signature-digest")
            .await
            .is_empty()
    );
    assert_eq!(frequency(&app, &coordinator, &statement).await, "none");
}

async fn back_date_digests(app: &TestApp) {
    let now = undersigned::db::now();
    app.with_conn(move |c| {
        diesel::update(digest_subscriptions::table)
            .set(digest_subscriptions::last_sent_at.eq(now - chrono::Duration::days(2)))
            .execute(c)
            .expect("last digest back-dated")
    })
    .await;
}

#[tokio::test]
async fn a_digest_speaks_the_coordinators_language_else_the_coalitions() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let spanish_coalition = owner
        .post(
            &format!("/c/{COALITION_SLUG}/settings"),
            &[("language", "es"), ("time_zone", "America/Mexico_City")],
        )
        .await;
    assert_eq!(spanish_coalition.status(), 303);
    let (coordinator, id) = (app.coordinator_id(OWNER_EMAIL).await, statement.clone());
    app.with_conn(move |c| {
        digest::set(c, &coordinator, &id, Some(digest::Frequency::Daily)).expect("set")
    })
    .await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    back_date_digests(&app).await;

    // Act
    send_due(&app).await;
    let chosen = owner.post("/account/language", &[("language", "en")]).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Ríos Libres", "ben@rios.example"),
    )
    .await;
    back_date_digests(&app).await;
    send_due(&app).await;

    // Assert
    assert_eq!(chosen.status(), 303);
    let mails = queued(&app, OWNER_EMAIL, "signature-digest").await;
    assert_eq!(mails.len(), 2);
    let spanish = &mails[0];
    assert!(
        spanish.subject.starts_with("1 firma nueva"),
        "{}",
        spanish.subject
    );
    assert!(
        spanish.text_body.contains("Agua Viva, México"),
        "{}",
        spanish.text_body
    );
    assert!(spanish.text_body.contains("el último día"));
    let english = &mails[1];
    // The window was moved back over both names.
    assert!(
        english.subject.starts_with("2 new signatures:"),
        "{}",
        english.subject
    );
    assert!(english.text_body.contains("Ríos Libres, Mexico"));
}
