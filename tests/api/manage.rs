//! The signer's private manage link: correcting details, changing the
//! address (only once the new one is confirmed) and withdrawing.

use crate::support::app::spawn_app;
use crate::support::outbox::{latest_link, queued};
use crate::support::signatures::{coordinator_rows, row_of, signature, snapshot};
use crate::support::signers::{
    SignOnForm, listed, manage_link, open_statement, post_form, press, sign_and_confirm, visit,
};

const ANA: &str = "ana@aguaviva.example";

#[tokio::test]
async fn correcting_details_through_the_manage_link_updates_the_public_list() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;
    let form = SignOnForm::organization("Agua Vivaa", ANA);
    let id = sign_and_confirm(&app, &form).await;
    let link = manage_link(&app, ANA).await;
    let (shown, page) = visit(&app, &link).await;

    // Act
    let response = post_form(
        &app,
        &link,
        form.with("organization", "Agua Viva")
            .with("country", "AR")
            .fields(),
    )
    .await;
    let status = response.status();
    let saved = response.text().await.expect("body");

    // Assert
    assert_eq!(shown, 200);
    assert!(
        page.contains("value=\"Agua Vivaa\""),
        "the form is pre-filled"
    );
    assert_eq!(status, 200);
    assert!(saved.contains("Your changes are saved."), "{saved}");
    assert_eq!(listed(&app).await, ["Agua Viva, Argentina"]);
    let stored = signature(&app, &id).await;
    assert_eq!(
        (
            stored.name.as_str(),
            stored.country.as_deref(),
            stored.status.as_str()
        ),
        ("Agua Viva", Some("AR"), "confirmed")
    );
}

#[tokio::test]
async fn a_new_address_takes_effect_only_after_the_link_sent_to_it_is_pressed() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;
    let form = SignOnForm::organization("Agua Viva", ANA);
    let id = sign_and_confirm(&app, &form).await;
    let link = manage_link(&app, ANA).await;

    // Act
    let response = post_form(
        &app,
        &link,
        form.with("email", "ana@nueva.example").fields(),
    )
    .await;
    let page = response.text().await.expect("body");
    let meanwhile = signature(&app, &id).await;
    let change = latest_link(&app, "ana@nueva.example", "confirm-email-change", "/email/").await;
    let before_press = snapshot(&app).await;
    let (shown, change_page) = visit(&app, &change).await;
    let after_look = snapshot(&app).await;
    let pressed = press(&app, &change).await;

    // Assert
    assert!(
        page.contains("We sent a link to your new address"),
        "{page}"
    );
    assert_eq!(
        meanwhile.email, ANA,
        "the old address holds until confirmed"
    );
    assert_eq!(
        meanwhile.pending_email.as_deref(),
        Some("ana@nueva.example")
    );
    assert_eq!(shown, 200);
    assert!(change_page.contains(&format!("action=\"{change}\"")));
    assert_eq!(after_look, before_press, "opening the link changes nothing");
    assert_eq!(pressed.status(), 200);
    let changed = signature(&app, &id).await;
    assert_eq!(changed.email, "ana@nueva.example");
    assert_eq!(changed.pending_email, None);
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
}

#[tokio::test]
async fn withdrawing_removes_the_name_at_once_and_coordinators_still_see_it_as_withdrawn() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let id = sign_and_confirm(&app, &SignOnForm::organization("Agua Viva", ANA)).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Ríos Libres", "ben@rios.example"),
    )
    .await;
    let link = manage_link(&app, ANA).await;

    // Act
    let response = press(&app, &format!("{link}/withdraw")).await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("Your signature is withdrawn"));
    assert_eq!(listed(&app).await, ["Ríos Libres, Mexico"]);
    assert_eq!(app.statement(&statement).await.listed_total(), 1);
    let stored = signature(&app, &id).await;
    assert_eq!(stored.status.as_str(), "withdrawn");
    assert!(stored.withdrawn_at.is_some());
    let rows = coordinator_rows(&owner, &statement, "").await;
    assert!(
        row_of(&rows, "Agua Viva").contains("withdrawn"),
        "{rows:#?}"
    );
    assert_eq!(
        visit(&app, &link).await.0,
        404,
        "the manage link is retired"
    );
}

#[tokio::test]
async fn an_address_used_by_another_signature_cannot_be_taken() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;
    let form = SignOnForm::organization("Agua Viva", ANA);
    let id = sign_and_confirm(&app, &form).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Ríos Libres", "ben@rios.example"),
    )
    .await;
    let link = manage_link(&app, ANA).await;

    // Act
    let response = post_form(&app, &link, form.with("email", "ben@rios.example").fields()).await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 422);
    assert_eq!(
        crate::support::pages::field_error(&page, "email").as_deref(),
        Some("Another signature of this statement uses this address.")
    );
    assert_eq!(signature(&app, &id).await.email, ANA);
    assert!(
        queued(&app, "ben@rios.example", "confirm-email-change")
            .await
            .is_empty()
    );
}
