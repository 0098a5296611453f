//! Statements as coordinators make them: drafts, addresses, settings,
//! deadlines, status changes and safe Markdown; and the helpers the preview
//! and revision tests share.

use undersigned::statements::{self};

use crate::support::app::spawn_app;
use crate::support::coordinators::COALITION_SLUG;
use crate::support::pages::field_error;
use crate::support::signers::visit;
use crate::support::statements::{BODY, TITLE};
use crate::support::statements::{draft, revisions, statement_path};

#[tokio::test]
async fn creating_a_statement_stores_a_draft_with_its_title_language_and_text() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;

    // Act
    let id = app
        .create_statement(&owner, COALITION_SLUG, TITLE, "en", BODY)
        .await;
    let (status, dashboard) = owner.page(&statement_path(&id)).await;
    let statement = app.statement(&id).await;
    let history = revisions(&app, &id, "en").await;

    // Assert
    assert_eq!(status, 200);
    assert!(dashboard.contains(TITLE));
    assert!(dashboard.contains("status-draft"));
    assert_eq!(statement.status.as_str(), "draft");
    assert_eq!(statement.language, "en");
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].title.as_str(), history[0].body.as_str()),
        (TITLE, BODY)
    );
}

#[tokio::test]
async fn a_statement_without_a_title_or_with_a_bad_language_is_refused_next_to_the_fields() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;

    // Act
    let response = owner
        .post(
            &format!("/c/{COALITION_SLUG}/statements/new"),
            &[
                ("title", "  "),
                ("language", "not a language!"),
                ("body", BODY),
            ],
        )
        .await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 422);
    assert_eq!(
        field_error(&page, "title").as_deref(),
        Some("Give the statement a title.")
    );
    assert!(field_error(&page, "language").is_some());
    assert!(page.contains(BODY), "what was typed is kept");
}

#[tokio::test]
async fn a_second_statement_with_the_same_title_gets_a_numbered_address() {
    // Arrange
    let app = spawn_app().await;
    let (owner, first) = draft(&app).await;

    // Act
    let second = app
        .create_statement(&owner, COALITION_SLUG, TITLE, "en", "Another text.")
        .await;

    // Assert
    assert_eq!(app.statement(&first).await.slug, "water-for-all");
    assert_eq!(app.statement(&second).await.slug, "water-for-all-2");
}

#[tokio::test]
async fn the_address_can_change_while_a_draft_but_not_once_open() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    let other = app
        .create_statement(&owner, COALITION_SLUG, "Rivers", "en", "Text.")
        .await;

    // Act
    let renamed = app
        .save_settings(&owner, &id, &[("slug", "clean-water-now")])
        .await
        .status();
    let taken = app
        .save_settings(&owner, &other, &[("slug", "clean-water-now")])
        .await;
    let (taken_status, taken_page) = (taken.status(), taken.text().await.expect("body"));
    assert_eq!(app.set_status(&owner, &id, "open").await, 303);
    let locked = app
        .save_settings(&owner, &id, &[("slug", "something-else")])
        .await;
    let (locked_status, locked_page) = (locked.status(), locked.text().await.expect("body"));

    // Assert
    assert_eq!(renamed, 303);
    assert_eq!(taken_status, 422);
    assert!(
        field_error(&taken_page, "slug")
            .expect("an error next to the address")
            .contains("Another statement uses this address")
    );
    assert_eq!(locked_status, 422);
    assert!(
        field_error(&locked_page, "slug")
            .expect("an error next to the address")
            .contains("cannot change once the statement is open")
    );
    assert_eq!(app.statement(&id).await.slug, "clean-water-now");
    assert_eq!(visit(&app, "/s/clean-water-now").await.0, 200);
    assert_eq!(visit(&app, "/s/something-else").await.0, 404);
}

#[tokio::test]
async fn settings_are_saved_and_shown_on_the_dashboard() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;

    // Act
    let saved = app
        .save_settings(
            &owner,
            &id,
            &[
                ("signers", "both"),
                ("requires_approval", "on"),
                ("list_order", "country"),
                ("deadline_at", "2031-03-04T05:06"),
                ("publish_at", "2031-01-01T00:00"),
                ("list_public_at", "2031-02-01T12:00"),
            ],
        )
        .await;
    let statement = app.statement(&id).await;
    let (_, dashboard) = owner.page(&statement_path(&id)).await;
    let bad = app
        .save_settings(&owner, &id, &[("deadline_at", "next tuesday")])
        .await;
    let (bad_status, bad_page) = (bad.status(), bad.text().await.expect("body"));

    // Assert
    assert_eq!(saved.status(), 303);
    assert_eq!(statement.signers.as_str(), "both");
    assert!(statement.requires_approval);
    assert_eq!(statement.list_order.as_str(), "country");
    let stamp =
        |t: Option<chrono::NaiveDateTime>| t.map(|t| t.format("%Y-%m-%dT%H:%M").to_string());
    assert_eq!(
        stamp(statement.deadline_at).as_deref(),
        Some("2031-03-04T05:06")
    );
    assert_eq!(
        stamp(statement.publish_at).as_deref(),
        Some("2031-01-01T00:00")
    );
    assert_eq!(
        stamp(statement.list_public_at).as_deref(),
        Some("2031-02-01T12:00")
    );
    assert!(dashboard.contains("4 Mar 2031, 05:06 UTC"), "{dashboard}");
    assert!(dashboard.contains("each signature is approved before it is listed"));
    assert_eq!(bad_status, 422);
    assert!(field_error(&bad_page, "deadline_at").is_some());
    assert_eq!(
        stamp(app.statement(&id).await.deadline_at).as_deref(),
        Some("2031-03-04T05:06"),
        "a refused form changes nothing"
    );
}

#[tokio::test]
async fn a_statement_past_its_deadline_reads_as_closed_and_the_job_records_it() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    assert_eq!(app.set_status(&owner, &id, "open").await, 303);
    let an_hour_ago = (undersigned::db::now() - chrono::Duration::hours(1))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let saved = app
        .save_settings(&owner, &id, &[("deadline_at", &an_hour_ago)])
        .await;
    assert_eq!(saved.status(), 303);

    // Act
    let (_, page) = visit(&app, "/s/water-for-all").await;
    let (_, json) = visit(&app, "/s/water-for-all.json").await;
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let (_, dashboard) = owner.page(&statement_path(&id)).await;
    app.with_conn(|c| statements::close_overdue(c).expect("closing"))
        .await;
    let (_, audit) = owner.page(&format!("/c/{COALITION_SLUG}/audit")).await;

    // Assert
    assert!(page.contains("This statement is closed to new signatures."));
    assert!(!page.contains("Sign this statement"));
    assert_eq!(json["status"], "closed");
    assert!(dashboard.contains("status-closed"));
    assert_eq!(app.statement(&id).await.status.as_str(), "closed");
    assert!(audit.contains("closed the statement at its deadline"));
}

#[tokio::test]
async fn a_statement_goes_from_draft_to_open_to_closed_and_back_each_step_audited() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;

    // Act
    let opened = app.set_status(&owner, &id, "open").await;
    let (_, open_page) = visit(&app, "/s/water-for-all").await;
    let closed = app.set_status(&owner, &id, "closed").await;
    let (_, closed_page) = visit(&app, "/s/water-for-all").await;
    let reopened = app.set_status(&owner, &id, "open").await;
    let (_, audit) = owner
        .page(&format!(
            "/c/{COALITION_SLUG}/audit?action=statement.status"
        ))
        .await;

    // Assert
    assert_eq!(
        (opened.as_u16(), closed.as_u16(), reopened.as_u16()),
        (303, 303, 303)
    );
    assert!(open_page.contains("Sign this statement"));
    assert!(closed_page.contains("This statement is closed to new signatures."));
    assert!(!closed_page.contains("Sign this statement"));
    assert_eq!(app.statement(&id).await.status.as_str(), "open");
    for summary in [
        "opened the statement for signatures",
        "closed the statement",
        "reopened the statement",
    ] {
        assert!(audit.contains(summary), "{summary}");
    }
}

#[tokio::test]
async fn invalid_status_transitions_are_refused() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;

    // Act
    let draft_to_closed = owner
        .post(
            &format!("{}/status", statement_path(&id)),
            &[("to", "closed")],
        )
        .await;
    let (refused, message) = (
        draft_to_closed.status(),
        draft_to_closed.text().await.expect("body"),
    );
    let status_after_refusal = app.statement(&id).await.status;
    app.set_status(&owner, &id, "open").await;
    let open_to_open = app.set_status(&owner, &id, "open").await;
    let unknown = app.set_status(&owner, &id, "archived").await;

    // Assert
    assert_eq!(refused, 400);
    assert!(
        message.contains("cannot go from draft to closed"),
        "{message}"
    );
    assert_eq!(status_after_refusal.as_str(), "draft");
    assert_eq!(open_to_open, 400);
    assert_eq!(unknown, 400);
    assert_eq!(app.statement(&id).await.status.as_str(), "open");
}

#[tokio::test]
async fn markdown_on_the_public_page_is_sanitized() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let body = "Read **this**.\n\n<script>alert('x')</script>\n\n<img src=\"https://example.org/x.png\" onerror=\"alert(1)\">\n\n[bad](javascript:alert(1)) and [good](https://example.org/more)";
    let id = app
        .create_statement(&owner, COALITION_SLUG, "Safe text", "en", body)
        .await;
    assert_eq!(app.set_status(&owner, &id, "open").await, 303);

    // Act
    let (status, page) = visit(&app, "/s/safe-text").await;

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("<strong>this</strong>"));
    assert!(!page.contains("<script"));
    assert!(!page.contains("alert('x')"));
    assert!(!page.contains("onerror"));
    assert!(!page.contains("javascript:"));
    assert!(page.contains(
        "<a href=\"https://example.org/more\" rel=\"nofollow noopener noreferrer\">good</a>"
    ));
}
