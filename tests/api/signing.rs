//! The public sign-on form: what it stores, what it mails, what it refuses,
//! and how a confirmation link behaves whichever way it is opened.

use diesel::prelude::*;
use undersigned::db::schema::tokens;

use crate::support::app::spawn_app;
use crate::support::coordinators::{COALITION_SLUG, location};
use crate::support::outbox::{queued, queued_to};
use crate::support::pages::field_error;
use crate::support::signatures::{signature_by_email, signatures_of, snapshot};
use crate::support::signers::{
    SLUG, SignOnForm, confirmation_link, listed, open_statement, post_form, press, public_json,
    sign, sign_and_confirm, visit,
};

#[tokio::test]
async fn signing_stores_a_pending_signature_and_queues_its_confirmation_mail_and_lists_nothing() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    let (form_status, form_page) = visit(&app, &format!("/s/{SLUG}/sign?lang=en")).await;

    // Act
    let response = sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let sent_at = location(&response);
    let (sent_status, sent_page) = visit(&app, &sent_at).await;

    // Assert
    assert_eq!(form_status, 200);
    assert!(form_page.contains(&format!("action=\"/s/{SLUG}/sign\"")));
    assert_eq!(response.status(), 303);
    assert_eq!(sent_at, format!("/s/{SLUG}/sign/sent?lang=en"));
    assert_eq!(sent_status, 200);
    assert!(sent_page.contains("Check your inbox"), "{sent_page}");
    let stored = signatures_of(&app, &id).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (
            stored[0].name.as_str(),
            stored[0].status.as_str(),
            stored[0].listed
        ),
        ("Agua Viva", "pending_email", false)
    );
    let mails = queued_to(&app, "ana@aguaviva.example").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].purpose, "confirm-signature");
    assert!(listed(&app).await.is_empty());
    assert_eq!(public_json(&app).await["count"], 0);
    assert_eq!(app.statement(&id).await.listed_total(), 0);
}

#[tokio::test]
async fn a_form_with_mistakes_is_shown_again_with_each_message_beside_its_field_and_the_typed_values()
 {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    let form = SignOnForm::organization("", "ana at aguaviva")
        .with("country", "Narnia")
        .with("website", "aguaviva.example")
        .with("signer_title", "Directora de Programas")
        .with("comment", "Cuenten con nosotras.")
        .without("authorized");

    // Act
    let response = sign(&app, &form).await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 422);
    assert_eq!(
        field_error(&page, "organization").as_deref(),
        Some("This field is required.")
    );
    assert_eq!(
        field_error(&page, "email").as_deref(),
        Some(
            "Enter an email address such as name@example.org, without quotes, spaces or an IP address."
        )
    );
    assert_eq!(
        field_error(&page, "authorized").as_deref(),
        Some("Confirm that you are authorized to sign for this organization.")
    );
    assert_eq!(
        field_error(&page, "country").as_deref(),
        Some("Choose a country from the list.")
    );
    for typed in [
        "value=\"ana at aguaviva\"",
        "value=\"aguaviva.example\"",
        "value=\"Ana Núñez\"",
        "value=\"Directora de Programas\"",
        "Cuenten con nosotras.",
    ] {
        assert!(page.contains(typed), "{typed} is kept");
    }
    assert!(signatures_of(&app, &id).await.is_empty());
    assert!(queued_to(&app, "ana at aguaviva").await.is_empty());
}

#[tokio::test]
async fn typed_names_are_stored_in_nfc_with_whitespace_collapsed() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    let decomposed = "  Cafe\u{301}   de la\u{a0}Esquina \t ";

    // Act
    let response = sign(
        &app,
        &SignOnForm::organization(decomposed, "  Ana@CafeEsquina.example ")
            .with("signer_name", "Ana   Nu\u{301}n\u{303}ez"),
    )
    .await;

    // Assert
    assert_eq!(response.status(), 303);
    let stored = &signatures_of(&app, &id).await[0];
    assert_eq!(stored.name, "Caf\u{e9} de la Esquina");
    assert_eq!(stored.signer_name.as_deref(), Some("Ana N\u{fa}\u{f1}ez"));
    assert_eq!(stored.email, "ana@cafeesquina.example");
}

#[tokio::test]
async fn control_characters_in_a_name_are_refused_beside_the_field() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;

    // Act
    let bell = sign(
        &app,
        &SignOnForm::organization("Agua\u{7}Viva", "ana@aguaviva.example"),
    )
    .await;
    let bell_status = bell.status();
    let bell_page = bell.text().await.expect("body");
    let reversed = sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example")
            .with("signer_name", "Ana \u{202e}zeñúN"),
    )
    .await;
    let reversed_status = reversed.status();
    let reversed_page = reversed.text().await.expect("body");

    // Assert
    assert_eq!(bell_status, 422);
    assert_eq!(
        field_error(&bell_page, "organization").as_deref(),
        Some("This contains characters that are not allowed.")
    );
    assert_eq!(reversed_status, 422);
    assert_eq!(
        field_error(&reversed_page, "signer_name").as_deref(),
        Some("This contains characters that are not allowed.")
    );
    assert!(signatures_of(&app, &id).await.is_empty());
}

#[tokio::test]
async fn the_confirmation_mail_names_the_signer_and_organization_but_repeats_no_other_typed_text() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;
    let form = SignOnForm::organization("Agua Viva", "ana@aguaviva.example")
        .with("signer_name", "Ana Núñez")
        .with("signer_title", "Tesorera Suplente")
        .with("website", "https://sitio-propio.example/nosotras")
        .with("comment", "Mensaje privado para la coordinación");

    // Act
    sign(&app, &form).await;
    let mails = queued(&app, "ana@aguaviva.example", "confirm-signature").await;

    // Assert
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    let everything = format!("{}\n{}\n{}", mail.subject, mail.text_body, mail.html_body);
    assert!(mail.text_body.contains("Ana Núñez"), "{}", mail.text_body);
    assert!(mail.text_body.contains("Agua Viva"));
    assert!(mail.text_body.contains("If you did not ask for this"));
    assert!(
        mail.text_body
            .contains(&format!("{}/confirm/", app.address))
    );
    for typed in ["Tesorera", "sitio-propio", "Mensaje privado"] {
        assert!(!everything.contains(typed), "{typed} must not be mailed");
    }
}

#[tokio::test]
async fn signing_on_the_spanish_page_mails_in_spanish() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = open_statement(&app, &[]).await;
    let added = owner
        .post(
            &format!("/c/{COALITION_SLUG}/statements/{id}/translations"),
            &[
                ("language", "es"),
                ("title", "Agua para todos"),
                ("body", "Pedimos agua limpia en cada pueblo."),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    let (status, page) = visit(&app, &format!("/s/{SLUG}/sign?lang=es")).await;

    // Act
    let response = sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example").with("lang", "es"),
    )
    .await;
    let mails = queued(&app, "ana@aguaviva.example", "confirm-signature").await;

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("lang=\"es\""));
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), format!("/s/{SLUG}/sign/sent?lang=es"));
    assert!(
        mails[0].subject.contains("Agua para todos"),
        "{}",
        mails[0].subject
    );
    assert_eq!(
        signature_by_email(&app, "ana@aguaviva.example")
            .await
            .language,
        "es"
    );
}

#[tokio::test]
async fn opening_a_confirmation_link_shows_a_button_and_changes_nothing() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let link = confirmation_link(&app, "ana@aguaviva.example").await;
    let before = snapshot(&app).await;

    // Act
    let (status, page) = visit(&app, &link).await;
    let (again, _) = visit(&app, &link).await;

    // Assert
    assert_eq!((status, again), (200, 200));
    assert!(page.contains(&format!("action=\"{link}\"")));
    assert!(page.contains("Agua Viva, Mexico"));
    assert_eq!(snapshot(&app).await, before);
    let stored = &signatures_of(&app, &id).await[0];
    assert_eq!(stored.status.as_str(), "pending_email");
    let unused: i64 = app
        .with_conn(|c| {
            tokens::table
                .filter(tokens::purpose.eq("confirm-signature"))
                .filter(tokens::used_at.is_null())
                .count()
                .get_result(c)
                .expect("count")
        })
        .await;
    assert_eq!(unused, 1);
}

#[tokio::test]
async fn pressing_confirm_lists_the_name_on_the_public_page() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let link = confirmation_link(&app, "ana@aguaviva.example").await;

    // Act
    let response = press(&app, &link).await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("your signature is confirmed"), "{page}");
    assert!(page.contains("/m/"), "the page gives the manage link");
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
    let stored = &signatures_of(&app, &id).await[0];
    assert_eq!(stored.status.as_str(), "confirmed");
    assert!(stored.confirmed_at.is_some());
    assert_eq!(app.statement(&id).await.listed_total(), 1);
}

#[tokio::test]
async fn confirming_twice_lists_the_signature_once_and_says_it_is_already_confirmed() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let link = confirmation_link(&app, "ana@aguaviva.example").await;

    // Act
    let second = press(&app, &link).await;
    let status = second.status();
    let page = second.text().await.expect("body");

    // Assert
    assert_eq!(status, 200);
    assert!(
        page.contains("This signature is already confirmed"),
        "{page}"
    );
    let signature_id = &signatures_of(&app, &id).await[0].id;
    assert!(page.contains(&format!("/m/{signature_id}/")));
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
    assert_eq!(app.statement(&id).await.listed_total(), 1);
    assert_eq!(
        queued(&app, "ana@aguaviva.example", "signature-confirmed")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn two_confirmations_at_once_list_the_signature_once() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let link = confirmation_link(&app, "ana@aguaviva.example").await;

    // Act
    let (first, second) = tokio::join!(press(&app, &link), press(&app, &link));
    let pages = [
        first.text().await.expect("body"),
        second.text().await.expect("body"),
    ];

    // Assert
    let confirmed = pages
        .iter()
        .filter(|p| p.contains("your signature is confirmed"))
        .count();
    let already = pages
        .iter()
        .filter(|p| p.contains("already confirmed"))
        .count();
    assert_eq!((confirmed, already), (1, 1), "{pages:#?}");
    assert_eq!(signatures_of(&app, &id).await.len(), 1);
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
    assert_eq!(app.statement(&id).await.listed_total(), 1);
    assert_eq!(
        queued(&app, "ana@aguaviva.example", "signature-confirmed")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn an_unknown_confirmation_link_says_it_is_not_valid() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;

    // Act
    let (shown, page) = visit(&app, "/confirm/not-a-real-token").await;
    let pressed = press(&app, "/confirm/not-a-real-token").await;

    // Assert
    assert_eq!(shown, 404);
    assert!(page.contains("This link is not valid"));
    assert_eq!(pressed.status(), 404);
    assert!(listed(&app).await.is_empty());
}

#[tokio::test]
async fn an_expired_link_says_so_and_the_fresh_link_it_offers_confirms() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let old = confirmation_link(&app, "ana@aguaviva.example").await;
    app.with_conn(|c| {
        diesel::update(tokens::table.filter(tokens::purpose.eq("confirm-signature")))
            .set(tokens::expires_at.eq(undersigned::db::now() - chrono::Duration::days(1)))
            .execute(c)
            .expect("expired")
    })
    .await;

    // Act
    let (shown, page) = visit(&app, &old).await;
    let pressed = press(&app, &old).await;
    let pressed_status = pressed.status();
    let resend = post_form(
        &app,
        &format!("/s/{SLUG}/resend"),
        &[
            ("email".to_owned(), "ana@aguaviva.example".to_owned()),
            ("lang".to_owned(), "en".to_owned()),
        ],
    )
    .await;
    let resend_status = resend.status();
    let resend_page = resend.text().await.expect("body");
    let fresh = confirmation_link(&app, "ana@aguaviva.example").await;
    let confirmed = press(&app, &fresh).await;

    // Assert
    assert_eq!(shown, 410);
    assert!(page.contains("This link has expired"));
    assert!(page.contains(&format!("action=\"/s/{SLUG}/resend\"")));
    assert_eq!(pressed_status, 410);
    assert_eq!(resend_status, 200);
    assert!(resend_page.contains("a fresh link is on its way"));
    assert_ne!(fresh, old);
    assert_eq!(
        queued(&app, "ana@aguaviva.example", "confirm-signature")
            .await
            .len(),
        2
    );
    assert_eq!(confirmed.status(), 200);
    assert_eq!(
        signatures_of(&app, &id).await[0].status.as_str(),
        "confirmed"
    );
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
}

#[tokio::test]
async fn signing_again_with_the_same_address_keeps_one_row_and_mails_the_manage_link() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    let first = sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let link = confirmation_link(&app, "ana@aguaviva.example").await;
    press(&app, &link).await;
    let stranger = sign(
        &app,
        &SignOnForm::organization("Ríos Libres", "ben@rios.example"),
    )
    .await;

    // Act
    let again = sign(
        &app,
        &SignOnForm::organization("Agua Viva Renamed", "Ana@AguaViva.example"),
    )
    .await;

    // Assert
    let responses = [&first, &stranger, &again].map(|r| (r.status(), location(r)));
    assert!(
        responses.iter().all(|r| *r == responses[0]),
        "the page does not tell who signed before: {responses:?}"
    );
    let stored = signatures_of(&app, &id).await;
    let ana: Vec<_> = stored
        .iter()
        .filter(|s| s.email == "ana@aguaviva.example")
        .collect();
    assert_eq!(ana.len(), 1);
    assert_eq!(ana[0].name, "Agua Viva");
    let manage = queued(&app, "ana@aguaviva.example", "already-signed").await;
    assert_eq!(manage.len(), 1);
    assert!(
        manage[0]
            .text_body
            .contains(&format!("{}/m/{}/", app.address, ana[0].id)),
        "{}",
        manage[0].text_body
    );
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
}

#[tokio::test]
async fn signing_again_before_confirming_sends_a_fresh_confirmation_not_a_second_row() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement(&app, &[]).await;
    sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let first = confirmation_link(&app, "ana@aguaviva.example").await;

    // Act
    sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let second = confirmation_link(&app, "ana@aguaviva.example").await;
    let old = press(&app, &first).await.status();
    let still_pending = signatures_of(&app, &id).await[0].status;
    let confirmed = press(&app, &second).await;

    // Assert
    assert_eq!(signatures_of(&app, &id).await.len(), 1);
    assert!(
        queued(&app, "ana@aguaviva.example", "already-signed")
            .await
            .is_empty()
    );
    assert_ne!(first, second);
    assert_eq!(old, 410, "the earlier link is replaced, so it has expired");
    assert_eq!(still_pending.as_str(), "pending_email");
    assert_eq!(confirmed.status(), 200);
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
}
