//! Public pages are kept finished between requests, and a kept page is
//! never shown once what it shows has changed: the next request after a
//! confirm, a withdrawal, an approval, a revision, a status or a settings
//! change gets the new page, whichever instance made the change.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header;

use crate::support::app::{
    Options, TestApp, eventually, header_of, spawn_app, spawn_app_configured,
    spawn_app_with_settings,
};
use crate::support::coordinators::{COALITION_SLUG, Session, browser};
use crate::support::database::require_postgres;
use crate::support::signatures::moderate;
use crate::support::signers::{
    SLUG, SignOnForm, listed, manage_link, open_statement, press, public_json, sign_and_confirm,
    visit,
};
use crate::support::statements::{TITLE, edit, open_statement_in};

const ANA: &str = "ana@aguaviva.example";

/// The JSON's names, in order.
async fn json_names(app: &TestApp) -> Vec<String> {
    public_json(app).await["organizations"]
        .as_array()
        .expect("a list of organizations")
        .iter()
        .map(|s| s["name"].as_str().expect("a name").to_owned())
        .collect()
}

/// Every cached form of the statement, read once so that each is kept.
async fn read_every_form(app: &TestApp) -> (Vec<String>, Vec<String>, String) {
    let letter = visit(app, &format!("/s/{SLUG}/letter")).await.1;
    (listed(app).await, json_names(app).await, letter)
}

async fn withdraw(app: &TestApp, email: &str) {
    let link = manage_link(app, email).await;
    let withdrawn = press(app, &format!("{link}/withdraw")).await;
    assert_eq!(withdrawn.status(), 200);
}

#[tokio::test]
async fn a_confirmed_signature_appears_and_a_withdrawn_one_disappears_on_the_next_request() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;
    let before = read_every_form(&app).await;

    // Act
    sign_and_confirm(&app, &SignOnForm::organization("Agua Viva", ANA)).await;
    let confirmed = read_every_form(&app).await;
    withdraw(&app, ANA).await;
    let withdrawn = read_every_form(&app).await;

    // Assert
    assert!(before.0.is_empty() && before.1.is_empty());
    assert!(!before.2.contains("Agua Viva"));
    assert_eq!(confirmed.0, ["Agua Viva, Mexico"]);
    assert_eq!(confirmed.1, ["Agua Viva"]);
    assert!(confirmed.2.contains("Agua Viva"), "the letter lists it");
    assert_eq!(withdrawn, before);
}

#[tokio::test]
async fn an_approved_signature_appears_on_the_next_request() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[("requires_approval", "on")]).await;
    let id = sign_and_confirm(&app, &SignOnForm::organization("Agua Viva", ANA)).await;
    let waiting = listed(&app).await;

    // Act
    let approved = moderate(&owner, &statement, &[("id", &id), ("action", "approve")]).await;
    let after = listed(&app).await;

    // Assert
    assert!(waiting.is_empty(), "{waiting:?}");
    assert_eq!(approved.status(), 303);
    assert_eq!(after, ["Agua Viva, Mexico"]);
}

#[tokio::test]
async fn a_revision_a_status_and_a_settings_change_show_on_the_next_request() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    sign_and_confirm(&app, &SignOnForm::organization("Zócalo Verde", ANA)).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Agua Viva", "ben@aguaviva.example"),
    )
    .await;
    let first = visit(&app, &format!("/s/{SLUG}")).await.1;

    // Act
    let revised = edit(
        &owner,
        &statement,
        "en",
        &[
            ("title", TITLE),
            ("body", "We call for clean water in every city."),
            ("note", "city"),
            ("kind", "material"),
        ],
    )
    .await;
    let after_revision = visit(&app, &format!("/s/{SLUG}")).await.1;
    let alphabetical = listed(&app).await;
    let reordered = app
        .save_settings(&owner, &statement, &[("list_order", "time")])
        .await;
    let by_time = listed(&app).await;
    let closed = app.set_status(&owner, &statement, "closed").await;
    let after_closing = visit(&app, &format!("/s/{SLUG}")).await.1;

    // Assert
    assert!(!first.contains("in every city"));
    assert_eq!(revised.status(), 303);
    assert!(after_revision.contains("We call for clean water in every city."));
    let names = |listed: &[String]| -> Vec<String> {
        listed
            .iter()
            .map(|n| n.split(',').next().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(names(&alphabetical), ["Agua Viva", "Zócalo Verde"]);
    assert!(
        alphabetical
            .iter()
            .all(|n| n.contains("(signed revision 1)")),
        "signed before the material change: {alphabetical:?}"
    );
    assert_eq!(reordered.status(), 303);
    assert_eq!(names(&by_time), ["Zócalo Verde", "Agua Viva"]);
    assert_eq!(closed, 303);
    assert!(!first.contains("This statement is closed to new signatures."));
    assert!(after_closing.contains("This statement is closed to new signatures."));
}

#[tokio::test]
async fn a_spanish_statement_shows_its_new_name_and_its_closing_on_the_next_request() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = open_statement_in(&app, "Agua para todos", "es", &[]).await;
    let page = "/s/agua-para-todos";
    let (status, before) = visit(&app, page).await;

    // Act
    app.add_signatures(
        &id,
        vec![crate::support::signatures::organization(
            "Ríos Libres",
            Some("CL"),
        )],
    )
    .await;
    let signed = visit(&app, page).await.1;
    let closed = app.set_status(&owner, &id, "closed").await;
    let after_closing = visit(&app, page).await.1;

    // Assert
    assert_eq!(status, 200);
    assert!(before.contains("lang=\"es\""), "{before}");
    assert!(!before.contains("Ríos Libres"));
    assert!(signed.contains("Ríos Libres"), "{signed}");
    assert!(signed.contains("Firmado por"), "{signed}");
    assert_eq!(closed, 303);
    assert!(after_closing.contains("Esta declaración ya no admite nuevas firmas."));
}

#[tokio::test]
async fn the_newsroom_shows_a_change_of_the_coalitions_settings_on_the_next_request() {
    // Arrange
    let app = spawn_app().await;
    let (owner, _) = open_statement(&app, &[]).await;
    let newsroom = format!("/newsroom/{COALITION_SLUG}");
    let face = |website: &'static str| {
        let owner = &owner;
        async move {
            owner
                .post(
                    &format!("/c/{COALITION_SLUG}/settings/face"),
                    &[
                        ("sender_name", "Red Agua Limpia"),
                        ("reply_to", ""),
                        ("mail_footer", "Clean Water Coalition"),
                        ("website", website),
                    ],
                )
                .await
                .status()
        }
    };
    assert_eq!(face("first.example").await, 303);
    let before = visit(&app, &newsroom).await.1;

    // Act
    let saved = face("second.example").await;
    let after = visit(&app, &newsroom).await.1;

    // Assert
    assert!(before.contains(">first.example<"), "{before}");
    assert_eq!(saved, 303);
    assert!(after.contains(">second.example<"), "{after}");
    assert!(!after.contains("first.example"));
}

#[tokio::test]
async fn the_newsroom_counts_a_confirmed_signature_on_the_next_request() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;
    let newsroom = format!("/newsroom/{COALITION_SLUG}");
    let before = visit(&app, &newsroom).await.1;

    // Act
    sign_and_confirm(&app, &SignOnForm::organization("Agua Viva", ANA)).await;
    let after = visit(&app, &newsroom).await.1;

    // Assert
    assert!(!before.contains("signed by"), "{before}");
    assert!(after.contains("signed by 1"), "{after}");
}

#[tokio::test]
#[ignore = "needs PostgreSQL (UNDERSIGNED_TEST_POSTGRES_URL)"]
async fn a_change_made_through_another_instance_on_the_same_postgres_database_shows_at_once() {
    // Arrange
    require_postgres();
    let first = spawn_app().await;
    let (owner, statement) = open_statement(&first, &[("requires_approval", "on")]).await;
    let second = spawn_app_configured(
        Options {
            smtp: None,
            db: Some(Arc::clone(&first.db)),
            data_dir: Some(Arc::clone(&first.data_dir)),
        },
        |_| {},
    )
    .await;
    let owner_on_second =
        Session::from_client(owner.client.clone(), &second.address, owner.cookie.clone()).await;
    let empty = read_every_form(&first).await;

    // Act: signed and confirmed on the second, then approved there.
    let id = sign_and_confirm(&second, &SignOnForm::organization("Agua Viva", ANA)).await;
    let confirmed = read_every_form(&first).await;
    let approved = moderate(
        &owner_on_second,
        &statement,
        &[("id", &id), ("action", "approve")],
    )
    .await;
    let listed_on_first = read_every_form(&first).await;
    withdraw(&second, ANA).await;
    let withdrawn = read_every_form(&first).await;

    // Assert
    assert_eq!(confirmed, empty, "awaiting approval, it is not listed");
    assert_eq!(approved.status(), 303);
    assert_eq!(listed_on_first.0, ["Agua Viva, Mexico"]);
    assert_eq!(listed_on_first.1, ["Agua Viva"]);
    assert_eq!(withdrawn, empty);
}

#[tokio::test]
async fn once_a_change_has_settled_the_page_gives_its_date_and_answers_if_modified_since() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;
    let page = format!("/s/{SLUG}");
    let get = |since: Option<String>| {
        let mut request = browser().get(app.url(&page));
        if let Some(since) = since {
            request = request.header(header::IF_MODIFIED_SINCE, since);
        }
        async move { request.send().await.expect("sent") }
    };
    eventually("the page gives its date", Duration::from_secs(10), || {
        let response = get(None);
        async move { !header_of(&response.await, header::LAST_MODIFIED).is_empty() }
    })
    .await;
    let last_modified = header_of(&get(None).await, header::LAST_MODIFIED);

    // Act
    let unchanged = get(Some(last_modified.clone())).await;
    sign_and_confirm(&app, &SignOnForm::organization("Agua Viva", ANA)).await;
    let changed = get(Some(last_modified.clone())).await;
    let changed_status = changed.status();
    let changed_date = header_of(&changed, header::LAST_MODIFIED);
    let changed_page = changed.text().await.expect("body");

    // Assert
    assert_eq!(unchanged.status(), 304);
    assert_eq!(changed_status, 200);
    assert!(changed_page.contains("Agua Viva"));
    assert!(
        changed_date.is_empty() || changed_date != last_modified,
        "a new change gives no date, or a later one"
    );
}

#[tokio::test]
async fn without_room_for_pages_every_request_is_made_afresh() {
    // Arrange
    let app = spawn_app_with_settings(|s| s.page_cache_mib = 0).await;
    open_statement(&app, &[]).await;
    let before = read_every_form(&app).await;

    // Act
    sign_and_confirm(&app, &SignOnForm::organization("Agua Viva", ANA)).await;
    let after = read_every_form(&app).await;

    // Assert
    assert!(before.0.is_empty());
    assert_eq!(after.0, ["Agua Viva, Mexico"]);
    assert_eq!(after.1, ["Agua Viva"]);
}
