//! The audit log: who did what to which object, readable and filterable by
//! owners only.

use undersigned::audit::{self, Filter};

use crate::support::app::{TestApp, spawn_app};
use crate::support::audit::insert_raw_entry;
use crate::support::coordinators::{COALITION_SLUG, OWNER_EMAIL, Session, speak};
use crate::support::pages::{table_cells, text_of, unescape};

/// One row of the audit table as an owner reads it.
#[derive(Debug)]
struct Row {
    actor: String,
    action: String,
    summary: String,
    object: String,
}

fn rows(page: &str) -> Vec<Row> {
    table_cells(page)
        .into_iter()
        .map(|cells| Row {
            actor: unescape(cells[1]),
            action: unescape(cells[2]),
            summary: unescape(cells[3]),
            object: unescape(cells[4].split(" <span").next().unwrap_or_default()),
        })
        .collect()
}

async fn audit_rows(owner: &Session, query: &str) -> Vec<Row> {
    let (status, page) = owner
        .page(&format!("/c/{COALITION_SLUG}/audit{query}"))
        .await;
    assert_eq!(status, 200);
    rows(&page)
}

/// An owner, an editor who joined by invitation, and a statement the editor
/// revised and the owner opened.
async fn history(app: &TestApp) -> (Session, Session, String) {
    let owner = app.setup_first_account().await;
    let editor = app
        .invite_and_accept(&owner, "edgar@example.org", "Edgar Editor", "editor")
        .await;
    let id = app
        .create_statement(
            &owner,
            COALITION_SLUG,
            "Rivers are commons",
            "en",
            "Rivers belong to everyone.",
        )
        .await;
    let edit = editor
        .post(
            &format!("/c/{COALITION_SLUG}/statements/{id}/edit/en"),
            &[
                ("title", "Rivers are commons"),
                ("body", "Rivers belong to everyone, now and later."),
                ("note", "sharpened the demands"),
            ],
        )
        .await;
    assert_eq!(edit.status(), 303);
    assert_eq!(app.set_status(&owner, &id, "open").await, 303);
    (owner, editor, id)
}

#[tokio::test]
async fn statement_and_member_changes_are_recorded_with_who_what_and_object() {
    // Arrange
    let app = spawn_app().await;
    let (owner, _editor, statement_id) = history(&app).await;
    let edgar = app.coordinator_id("edgar@example.org").await;
    let role_change = owner
        .post(
            &format!("/c/{COALITION_SLUG}/members/{edgar}/role"),
            &[("role", "viewer")],
        )
        .await;
    assert_eq!(role_change.status(), 303);

    // Act
    let all = audit_rows(&owner, "").await;
    let about_statement = {
        let id = statement_id.clone();
        let owner_id = app.coordinator_id(OWNER_EMAIL).await;
        app.with_conn(move |c| {
            let coalition = undersigned::coalitions::membership(c, COALITION_SLUG, &owner_id)
                .expect("query")
                .expect("membership")
                .coalition;
            audit::search(
                c,
                &coalition.id,
                &Filter {
                    object: id,
                    ..Filter::default()
                },
            )
            .expect("entries")
        })
        .await
    };

    // Assert
    let find = |action: &str| {
        all.iter()
            .find(|r| r.action == action)
            .unwrap_or_else(|| panic!("an entry {action} in {all:#?}"))
    };
    assert!(find("Member invited").summary.contains("edgar@example.org"));
    assert!(find("Member invited").actor.contains(OWNER_EMAIL));
    assert!(find("Invitation accepted").actor.contains("Edgar Editor"));
    assert!(find("Statement created").actor.contains(OWNER_EMAIL));
    let revise = find("Statement revised");
    assert!(revise.actor.contains("Edgar Editor <edgar@example.org>"));
    assert!(revise.summary.contains("sharpened the demands"));
    assert_eq!(revise.object, "statement");
    assert!(
        find("Statement opened or closed")
            .summary
            .contains("opened")
    );
    let role = find("Member role changed");
    assert!(
        role.summary.contains("from editor to viewer"),
        "{}",
        role.summary
    );
    let mut actions: Vec<&str> = about_statement.iter().map(|e| e.action.as_str()).collect();
    actions.sort_unstable();
    assert_eq!(
        actions,
        ["statement.create", "statement.revise", "statement.status"]
    );
    assert!(
        about_statement
            .iter()
            .all(|e| e.object_type == "statement" && e.object_id == statement_id)
    );
}

#[tokio::test]
async fn an_owner_filters_the_audit_log_by_action_actor_and_text() {
    // Arrange
    let app = spawn_app().await;
    let (owner, _editor, _) = history(&app).await;

    // Act
    let by_action = audit_rows(&owner, "?action=statement.revise").await;
    let by_actor = audit_rows(&owner, "?actor=edgar").await;
    let by_text = audit_rows(&owner, "?q=SHARPENED").await;
    let nothing = audit_rows(&owner, "?q=no+such+words").await;

    // Assert
    assert_eq!(by_action.len(), 1);
    assert_eq!(by_action[0].action, "Statement revised");
    assert!(!by_actor.is_empty());
    assert!(
        by_actor.iter().all(|r| r.actor.contains("Edgar")),
        "{by_actor:#?}"
    );
    assert!(by_actor.iter().any(|r| r.action == "Invitation accepted"));
    assert!(by_actor.iter().any(|r| r.action == "Statement revised"));
    assert_eq!(by_text.len(), 1);
    assert!(by_text[0].summary.contains("sharpened the demands"));
    assert!(nothing.is_empty());
}

#[tokio::test]
async fn an_editor_may_not_read_the_audit_log() {
    // Arrange
    let app = spawn_app().await;
    let (_owner, editor, _) = history(&app).await;

    // Act
    let response = editor.get(&format!("/c/{COALITION_SLUG}/audit")).await;
    let (_, dashboard) = editor.page(&format!("/c/{COALITION_SLUG}")).await;

    // Assert
    assert_eq!(response.status(), 403);
    assert!(
        !dashboard.contains("Audit log"),
        "no link to a page they cannot open"
    );
}

#[tokio::test]
async fn a_spanish_reader_finds_actions_and_objects_named_in_spanish_in_the_table_and_the_menu() {
    // Arrange
    let app = spawn_app().await;
    let (owner, _editor, _) = history(&app).await;
    speak(&owner, "es").await;

    // Act
    let (_, page) = owner.page(&format!("/c/{COALITION_SLUG}/audit")).await;
    let all = rows(&page);
    let by_action = audit_rows(&owner, "?action=statement.revise").await;

    // Assert
    let text = text_of(&page);
    for code in ["statement.revise", "statement.create", "member.invite"] {
        assert!(!text.contains(code), "{code} shows in {text}");
    }
    let revise = all
        .iter()
        .find(|r| r.action == "Nueva versión de declaración")
        .unwrap_or_else(|| panic!("a revision in {all:#?}"));
    assert_eq!(revise.object, "declaración");
    assert!(all.iter().any(|r| r.action == "Creación de declaración"));
    assert!(all.iter().any(|r| r.action == "Invitación a la coalición"));
    assert!(
        page.contains(r#"<option value="statement.revise">Nueva versión de declaración</option>"#),
        "the menu filters by the code and shows the name: {page}"
    );
    assert_eq!(by_action.len(), 1);
    assert_eq!(by_action[0].action, "Nueva versión de declaración");
}

#[tokio::test]
async fn an_action_or_object_without_a_name_is_shown_as_its_code() {
    // Arrange: an entry of a kind this build has no words for.
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    speak(&owner, "es").await;
    insert_raw_entry(
        &app,
        ("petition.sign", "petition", "future"),
        "signed the petition",
    )
    .await;

    // Act
    let (_, page) = owner.page(&format!("/c/{COALITION_SLUG}/audit")).await;
    let all = rows(&page);

    // Assert
    let future = all
        .iter()
        .find(|r| r.summary == "signed the petition")
        .unwrap_or_else(|| panic!("the entry in {all:#?}"));
    assert_eq!(future.action, "petition.sign");
    assert_eq!(future.object, "petition");
    assert!(page.contains(r#"<option value="petition.sign">petition.sign</option>"#));
    assert!(!page.contains("audit-action-"), "no message id shows");
}
