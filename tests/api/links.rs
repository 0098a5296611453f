//! Every link the app mails only shows a page when opened: mail scanners
//! and link previews fetch links, so a GET must never confirm, change,
//! withdraw, sign, decline or unsubscribe anything.

use crate::support::app::spawn_app;
use crate::support::coordinators::COALITION_SLUG;
use crate::support::outbox::{latest_link, queued};
use crate::support::signatures::{invitations_of, signatures_of, snapshot};
use crate::support::signers::{
    SignOnForm, confirmation_link, manage_link, open_statement, post_form, sign, sign_and_confirm,
    visit,
};
use crate::support::statements::{TITLE, edit};

#[tokio::test]
async fn opening_every_emailed_link_changes_no_row() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let ana = SignOnForm::organization("Agua Viva", "ana@aguaviva.example");
    sign_and_confirm(&app, &ana).await;
    let manage = manage_link(&app, "ana@aguaviva.example").await;
    post_form(
        &app,
        &manage,
        ana.with("email", "ana@nueva.example").fields(),
    )
    .await;
    let email_change =
        latest_link(&app, "ana@nueva.example", "confirm-email-change", "/email/").await;
    let revised = edit(
        &owner,
        &statement,
        "en",
        &[
            ("title", TITLE),
            ("body", "We call for clean water in every village."),
            ("note", ""),
            ("kind", "material"),
            ("pending", "hide"),
            ("base", "1"),
        ],
    )
    .await;
    assert_eq!(revised.status(), 303);
    let reconsent = latest_link(&app, "ana@aguaviva.example", "reconsent", "/r/").await;
    sign(
        &app,
        &SignOnForm::organization("Ríos Libres", "ben@rios.example"),
    )
    .await;
    let confirm = confirmation_link(&app, "ben@rios.example").await;
    let invited = owner
        .post(
            &format!("/c/{COALITION_SLUG}/statements/{statement}/invitations"),
            &[("list", "carla@lagos.example, Lagos Vivos, CL, Carla Díaz")],
        )
        .await;
    assert_eq!(invited.status(), 200);
    let invitation = latest_link(&app, "carla@lagos.example", "sign-invitation", "/i/").await;
    let unsubscribe = latest_link(&app, "carla@lagos.example", "sign-invitation", "/u/").await;
    app.wait_for_outbox_to_settle().await;
    let before = snapshot(&app).await;

    // Act
    let mut statuses = Vec::new();
    for link in [
        &confirm,
        &manage,
        &email_change,
        &reconsent,
        &invitation,
        &unsubscribe,
    ] {
        statuses.push((link.clone(), visit(&app, link).await.0));
    }
    app.wait_for_outbox_to_settle().await;
    let after = snapshot(&app).await;

    // Assert
    assert!(
        statuses.iter().all(|(_, status)| *status == 200),
        "{statuses:#?}"
    );
    assert_eq!(after, before);
    let signatures = signatures_of(&app, &statement).await;
    let status_of = |email: &str| {
        signatures
            .iter()
            .find(|s| s.email == email)
            .map(|s| (s.status.as_str().to_owned(), s.listed))
    };
    assert_eq!(
        status_of("ben@rios.example"),
        Some(("pending_email".into(), false))
    );
    assert_eq!(
        status_of("ana@aguaviva.example"),
        Some(("confirmed".into(), false)),
        "still hidden until Ana answers, still at her old address"
    );
    assert_eq!(
        invitations_of(&app, &statement).await[0].status.as_str(),
        "invited"
    );
    assert_eq!(
        queued(&app, "ben@rios.example", "signature-confirmed")
            .await
            .len(),
        0
    );
}
