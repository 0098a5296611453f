//! Consent to a materially changed text: the mail with the diff, the list
//! meanwhile ("stay" or "hide"), and the signer's answer on the link.

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::{Session, location};
use crate::support::outbox::{latest_link, queued};
use crate::support::signatures::signature;
use crate::support::signers::{
    SignOnForm, listed, open_statement, post_form, public_json, sign_and_confirm, visit,
};
use crate::support::statements::{TITLE, edit, statement_path};

const ANA: &str = "ana@aguaviva.example";
const NEW_BODY: &str = "We call for clean water in every village.";

/// An open statement with Agua Viva (Ana) and Ríos Libres listed under
/// revision 1; returns the owner, the statement and Agua Viva's id.
async fn signed_statement(app: &TestApp) -> (Session, String, String) {
    let (owner, statement) = open_statement(app, &[]).await;
    let id = sign_and_confirm(app, &SignOnForm::organization("Agua Viva", ANA)).await;
    sign_and_confirm(
        app,
        &SignOnForm::organization("Ríos Libres", "ben@rios.example").with("country", "AR"),
    )
    .await;
    (owner, statement, id)
}

/// Saves revision 2 as a material change with `pending` ("stay" or "hide").
async fn material_change(owner: &Session, statement: &str, pending: &str) {
    let saved = edit(
        owner,
        statement,
        "en",
        &[
            ("title", TITLE),
            ("body", NEW_BODY),
            ("note", "villages, not towns"),
            ("kind", "material"),
            ("pending", pending),
            ("base", "1"),
        ],
    )
    .await;
    assert_eq!(saved.status(), 303, "revision 2 is saved");
    assert!(location(&saved).starts_with(&statement_path(statement)));
}

#[tokio::test]
async fn a_material_revision_mails_every_earlier_signer_the_diff_and_a_link() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement, _) = signed_statement(&app).await;

    // Act
    material_change(&owner, &statement, "stay").await;

    // Assert
    for email in [ANA, "ben@rios.example"] {
        let mails = queued(&app, email, "reconsent").await;
        assert_eq!(mails.len(), 1, "{email} is asked once");
        let text = &mails[0].text_body;
        assert!(text.contains("every [-town-]{+village+}."), "{text}");
        assert!(text.contains(&format!("{}/r/", app.address)), "{text}");
    }
}

#[tokio::test]
async fn an_editorial_revision_asks_nobody() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement, _) = signed_statement(&app).await;

    // Act
    let saved = edit(
        &owner,
        &statement,
        "en",
        &[
            ("title", TITLE),
            ("body", "We call for clean water in every town!"),
            ("note", "punctuation"),
            ("kind", "editorial"),
            ("base", "1"),
        ],
    )
    .await;

    // Assert
    assert_eq!(saved.status(), 303);
    assert!(queued(&app, ANA, "reconsent").await.is_empty());
    assert_eq!(
        listed(&app).await,
        ["Agua Viva, Mexico", "Ríos Libres, Argentina"]
    );
}

#[tokio::test]
async fn with_stay_the_signers_stay_listed_marked_with_the_revision_they_signed() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement, _) = signed_statement(&app).await;

    // Act
    material_change(&owner, &statement, "stay").await;
    let names = listed(&app).await;
    let json = public_json(&app).await;

    // Assert
    assert_eq!(
        names,
        [
            "Agua Viva, Mexico (signed revision 1)",
            "Ríos Libres, Argentina (signed revision 1)"
        ]
    );
    assert_eq!(json["revision"], 2);
    assert_eq!(json["organizations"][0]["revision"], 1);
    assert_eq!(json["organizations"][0]["awaiting_consent_to_revision"], 2);
    assert_eq!(app.statement(&statement).await.listed_total(), 2);
}

#[tokio::test]
async fn confirming_on_the_link_makes_the_new_revision_the_one_signed() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement, id) = signed_statement(&app).await;
    material_change(&owner, &statement, "stay").await;
    let link = latest_link(&app, ANA, "reconsent", "/r/").await;
    let (shown, page) = visit(&app, &link).await;

    // Act
    let answered = post_form(&app, &link, &[("answer".into(), "confirm".into())]).await;
    let status = answered.status();
    let answer_page = answered.text().await.expect("body");

    // Assert
    assert_eq!(shown, 200);
    assert!(page.contains("village"), "the page shows the change");
    assert_eq!(status, 200);
    assert!(answer_page.contains("Your signature now stands for the new text"));
    assert_eq!(
        listed(&app).await,
        [
            "Agua Viva, Mexico",
            "Ríos Libres, Argentina (signed revision 1)"
        ]
    );
    let json = public_json(&app).await;
    assert_eq!(json["organizations"][0]["revision"], 2);
    let stored = signature(&app, &id).await;
    assert_eq!(stored.reconsent_revision_id, None);
    assert_eq!(
        visit(&app, &link).await.0,
        404,
        "an answered question is not asked again"
    );
}

#[tokio::test]
async fn with_hide_the_signers_leave_the_list_until_they_confirm() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement, _) = signed_statement(&app).await;

    // Act
    material_change(&owner, &statement, "hide").await;
    let hidden = listed(&app).await;
    let hidden_count = app.statement(&statement).await.listed_total();
    let mail = &queued(&app, ANA, "reconsent").await[0];
    let link = latest_link(&app, ANA, "reconsent", "/r/").await;
    post_form(&app, &link, &[("answer".into(), "confirm".into())]).await;

    // Assert
    assert!(hidden.is_empty(), "{hidden:?}");
    assert_eq!(hidden_count, 0);
    assert!(mail.text_body.contains("not shown on the list"));
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
    assert_eq!(app.statement(&statement).await.listed_total(), 1);
}

#[tokio::test]
async fn withdrawing_from_the_reconsent_page_withdraws_the_signature() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement, id) = signed_statement(&app).await;
    material_change(&owner, &statement, "stay").await;
    let link = latest_link(&app, ANA, "reconsent", "/r/").await;

    // Act
    let answered = post_form(&app, &link, &[("answer".into(), "withdraw".into())]).await;
    let status = answered.status();
    let page = answered.text().await.expect("body");

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("Your signature is withdrawn"));
    assert_eq!(
        listed(&app).await,
        ["Ríos Libres, Argentina (signed revision 1)"]
    );
    assert_eq!(signature(&app, &id).await.status.as_str(), "withdrawn");
    assert_eq!(app.statement(&statement).await.listed_total(), 1);
    post_form(&app, &link, &[("answer".into(), "confirm".into())]).await;
    assert_eq!(
        listed(&app).await,
        ["Ríos Libres, Argentina (signed revision 1)"],
        "confirming afterwards does not bring a withdrawn signature back"
    );
}
