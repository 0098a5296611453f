//! Coalitions and their members: invitations by mail, roles, removal, the
//! last owner, and coordinators in several coalitions.

use undersigned::coalitions::{self, Role};

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::{
    COALITION, COALITION_SLUG, OWNER_EMAIL, PASSWORD, browser, location,
};

async fn role_of(app: &TestApp, coordinator_id: &str) -> Option<Role> {
    let id = coordinator_id.to_owned();
    app.with_conn(move |c| {
        coalitions::membership(c, COALITION_SLUG, &id)
            .expect("query")
            .map(|m| m.role)
    })
    .await
}

#[tokio::test]
async fn an_invitation_link_creates_the_account_with_its_role_and_then_dies() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;

    // Act
    let response = owner
        .post(
            &format!("/c/{COALITION_SLUG}/members/invite"),
            &[("email", "eva@example.org"), ("role", "editor")],
        )
        .await;
    let link = app.link_mailed_to("eva@example.org", "/invitations/").await;
    let client = browser();
    let page = client.get(app.url(&link)).send().await.expect("sent");
    let page_status = page.status();
    let page_text = page.text().await.expect("body");
    let accepted = client
        .post(app.url(&link))
        .form(&[("name", "Eva Editor"), ("password", PASSWORD)])
        .send()
        .await
        .expect("sent");
    let landing = location(&accepted);
    let dashboard = client.get(app.url(&landing)).send().await.expect("sent");
    let again = browser().get(app.url(&link)).send().await.expect("sent");
    let (_, members) = owner.page(&format!("/c/{COALITION_SLUG}/members")).await;

    // Assert
    assert_eq!(response.status(), 303);
    assert_eq!(page_status, 200);
    assert!(page_text.contains("Create your account for eva@example.org"));
    assert_eq!(accepted.status(), 303);
    assert_eq!(landing, format!("/c/{COALITION_SLUG}"));
    assert_eq!(dashboard.status(), 200, "the new account is signed in");
    assert_eq!(again.status(), 404, "the link works once");
    assert!(members.contains("eva@example.org"));
    let eva = app.coordinator_id("eva@example.org").await;
    assert_eq!(role_of(&app, &eva).await, Some(Role::Editor));
}

#[tokio::test]
async fn a_signed_in_coordinator_accepts_an_invitation_into_a_second_coalition() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    app.add_coordinator(
        "Bea",
        "bea@example.org",
        Some(PASSWORD),
        "River Alliance",
        Role::Owner,
    )
    .await;
    let bea = app.login("bea@example.org", PASSWORD).await;
    let before = bea.get("/c").await.status();
    owner
        .post(
            &format!("/c/{COALITION_SLUG}/members/invite"),
            &[("email", "bea@example.org"), ("role", "viewer")],
        )
        .await;
    let link = app.link_mailed_to("bea@example.org", "/invitations/").await;

    // Act
    let (_, invitation) = bea.page(&link).await;
    let accepted = bea.post_raw(&link, &[]).await;
    let list = bea.get("/c").await;
    let list_status = list.status();
    let list_page = list.text().await.expect("body");
    let (status, coalition_page) = bea.page(&format!("/c/{COALITION_SLUG}")).await;
    let only_one = owner.get("/c").await;

    // Assert
    assert_eq!(before, 303, "one coalition: /c goes straight to it");
    assert!(invitation.contains("You are logged in as bea@example.org"));
    assert_eq!(accepted.status(), 303);
    assert_eq!(location(&accepted), format!("/c/{COALITION_SLUG}"));
    assert_eq!(list_status, 200, "several coalitions: /c lists them");
    assert!(list_page.contains(COALITION));
    assert!(list_page.contains("River Alliance"));
    assert_eq!(status, 200);
    assert!(
        !coalition_page.contains("New statement"),
        "a viewer is offered no editing"
    );
    assert_eq!(only_one.status(), 303);
    assert_eq!(location(&only_one), format!("/c/{COALITION_SLUG}"));
}

#[tokio::test]
async fn a_withdrawn_invitation_link_stops_working() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    owner
        .post(
            &format!("/c/{COALITION_SLUG}/members/invite"),
            &[("email", "late@example.org"), ("role", "viewer")],
        )
        .await;
    let link = app
        .link_mailed_to("late@example.org", "/invitations/")
        .await;
    let (_, members) = owner.page(&format!("/c/{COALITION_SLUG}/members")).await;
    let marker = format!("/c/{COALITION_SLUG}/invitations/");
    let start = members.find(&marker).expect("a withdraw button");
    let revoke = members[start..]
        .split('"')
        .next()
        .expect("the form's action")
        .to_owned();

    // Act
    let withdrawn = owner.post(&revoke, &[]).await;
    let page = browser().get(app.url(&link)).send().await.expect("sent");
    let accept = browser()
        .post(app.url(&link))
        .form(&[("name", "Late"), ("password", PASSWORD)])
        .send()
        .await
        .expect("sent");

    // Assert
    assert_eq!(withdrawn.status(), 303);
    assert_eq!(page.status(), 404);
    assert_eq!(accept.status(), 404);
}

#[tokio::test]
async fn an_owner_changes_a_members_role_and_a_removed_member_loses_access() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let member = app
        .add_coordinator("Max", "max@example.org", None, COALITION, Role::Viewer)
        .await;
    let session = app.session_for(&member).await;
    let base = format!("/c/{COALITION_SLUG}/members/{member}");

    // Act
    let promoted = owner
        .post(&format!("{base}/role"), &[("role", "editor")])
        .await;
    let role_after_promotion = role_of(&app, &member).await;
    let removed = owner.post(&format!("{base}/remove"), &[]).await;

    // Assert
    assert_eq!(promoted.status(), 303);
    assert_eq!(role_after_promotion, Some(Role::Editor));
    assert_eq!(removed.status(), 303);
    assert_eq!(role_of(&app, &member).await, None);
    assert_eq!(
        session.get(&format!("/c/{COALITION_SLUG}")).await.status(),
        404
    );
}

#[tokio::test]
async fn the_last_owner_can_be_neither_demoted_nor_removed() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let me = app.coordinator_id(OWNER_EMAIL).await;
    let base = format!("/c/{COALITION_SLUG}/members/{me}");

    // Act
    let demoted = owner
        .post(&format!("{base}/role"), &[("role", "viewer")])
        .await;
    let demoted_status = demoted.status();
    let message = demoted.text().await.expect("body");
    let removed = owner.post(&format!("{base}/remove"), &[]).await.status();
    let still_owner = role_of(&app, &me).await;
    let second = app
        .add_coordinator("Second", "second@example.org", None, COALITION, Role::Owner)
        .await;
    let demoted_with_a_second_owner = owner
        .post(&format!("{base}/role"), &[("role", "editor")])
        .await
        .status();

    // Assert
    assert_eq!(demoted_status, 400);
    assert!(message.contains("at least one owner"), "{message}");
    assert_eq!(removed, 400);
    assert_eq!(still_owner, Some(Role::Owner));
    assert_eq!(demoted_with_a_second_owner, 303);
    assert_eq!(role_of(&app, &me).await, Some(Role::Editor));
    assert_eq!(role_of(&app, &second).await, Some(Role::Owner));
}

#[tokio::test]
async fn inviting_a_current_member_is_refused_next_to_the_email_field() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;

    // Act
    let response = owner
        .post(
            &format!("/c/{COALITION_SLUG}/members/invite"),
            &[("email", OWNER_EMAIL), ("role", "editor")],
        )
        .await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 422);
    assert!(
        crate::support::pages::field_error(&page, "email")
            .expect("an error next to the email")
            .contains("already a member")
    );
    assert!(app.mails_to(OWNER_EMAIL).await.is_empty());
}
