//! The private preview of a draft: who can read it, partners' comments and
//! their honeypot, and replacing the link.

use undersigned::statements;

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::{OWNER_NAME, browser, location};
use crate::support::signers::visit;
use crate::support::statements::{TITLE, draft, edit, statement_path};

#[tokio::test]
async fn a_draft_is_not_public_but_its_preview_link_shows_it() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;

    // Act
    let page = visit(&app, "/s/water-for-all").await.0;
    let json = visit(&app, "/s/water-for-all.json").await.0;
    let letter = visit(&app, "/s/water-for-all/letter").await.0;
    let preview_path = app.preview_path(&owner, &id).await;
    let preview = browser()
        .get(app.url(&preview_path))
        .send()
        .await
        .expect("sent");
    let robots = preview
        .headers()
        .get("x-robots-tag")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let preview_status = preview.status();
    let preview_page = preview.text().await.expect("body");

    // Assert
    assert_eq!((page, json, letter), (404, 404, 404));
    assert_eq!(preview_status, 200);
    assert!(preview_page.contains(TITLE));
    assert!(preview_page.contains("clean water in every town"));
    assert!(preview_page.contains("Draft preview"));
    assert!(robots.contains("noindex"));
}

async fn comment(app: &TestApp, preview: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    browser()
        .post(app.url(&format!("{preview}/comments")))
        .form(fields)
        .send()
        .await
        .expect("sent")
}

/// The revision number shown beside the comment written by `name`.
fn revision_of_comment(page: &str, name: &str) -> Option<u32> {
    let start = page.find(&format!("<strong>{name}</strong>"))?;
    let rest = &page[start..];
    let marker = "on revision ";
    let at = rest.find(marker)? + marker.len();
    rest[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

#[tokio::test]
async fn partners_comments_reach_coordinators_with_their_revision_and_never_the_public() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    let preview = app.preview_path(&owner, &id).await;

    // Act
    let first = comment(
        &app,
        &preview,
        &[
            ("name", "Pat Partner"),
            ("organization", "Rivers United"),
            ("comment", "Please name the rivers."),
            ("lang", "en"),
            ("website", ""),
        ],
    )
    .await;
    let saved = edit(
        &owner,
        &id,
        "en",
        &[
            ("title", TITLE),
            ("body", "We call for clean rivers."),
            ("note", ""),
        ],
    )
    .await;
    let second = comment(
        &app,
        &preview,
        &[
            ("name", "Quinn"),
            ("organization", "Lakes Forum"),
            ("comment", "Much better now."),
            ("lang", "en"),
        ],
    )
    .await;
    let (status, comments) = owner
        .page(&format!("{}/comments", statement_path(&id)))
        .await;
    assert_eq!(app.set_status(&owner, &id, "open").await, 303);
    let (_, public_page) = visit(&app, "/s/water-for-all").await;
    let (_, json) = visit(&app, "/s/water-for-all.json").await;

    // Assert
    assert_eq!(first.status(), 303);
    assert!(location(&first).contains("commented=1"));
    assert_eq!(saved.status(), 303);
    assert_eq!(second.status(), 303);
    assert_eq!(status, 200);
    assert!(comments.contains("Rivers United"));
    assert!(comments.contains("Please name the rivers."));
    assert_eq!(revision_of_comment(&comments, "Pat Partner"), Some(1));
    assert_eq!(revision_of_comment(&comments, "Quinn"), Some(2));
    for text in ["Please name the rivers.", "Much better now.", "Pat Partner"] {
        assert!(!public_page.contains(text), "{text} is on the public page");
        assert!(!json.contains(text), "{text} is in the JSON");
    }
}

#[tokio::test]
async fn a_coordinator_marks_a_comment_resolved() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    let preview = app.preview_path(&owner, &id).await;
    comment(
        &app,
        &preview,
        &[
            ("name", "Pat"),
            ("organization", "Rivers United"),
            ("comment", "A typo."),
            ("lang", "en"),
        ],
    )
    .await;
    let comments_path = format!("{}/comments", statement_path(&id));
    let (_, before) = owner.page(&comments_path).await;
    let marker = format!("{comments_path}/");
    let start = before.find(&marker).expect("a resolve button");
    let action = before[start..]
        .split('"')
        .next()
        .expect("action")
        .to_owned();

    // Act
    let resolved = owner.post(&action, &[]).await;
    let again = owner.post(&action, &[]).await;
    let (_, after) = owner.page(&comments_path).await;
    let (_, dashboard) = owner.page(&statement_path(&id)).await;

    // Assert
    assert!(action.ends_with("/resolve"), "{action}");
    assert!(before.contains("Mark resolved"));
    assert_eq!(resolved.status(), 303);
    assert_eq!(
        again.status(),
        404,
        "a resolved comment cannot be resolved again"
    );
    assert!(after.contains(&format!("Resolved by {OWNER_NAME}")));
    assert!(!after.contains("Mark resolved"));
    assert!(dashboard.contains("(0 open)"));
}

#[tokio::test]
async fn the_honeypot_field_drops_a_bots_comment() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    let preview = app.preview_path(&owner, &id).await;

    // Act
    let response = comment(
        &app,
        &preview,
        &[
            ("name", "Bot"),
            ("organization", "Spam Inc"),
            ("comment", "Buy now"),
            ("lang", "en"),
            ("website", "https://spam.example"),
        ],
    )
    .await;
    let stored = {
        let id = id.clone();
        app.with_conn(move |c| statements::comments(c, &id).expect("comments").len())
            .await
    };
    let (_, page) = owner
        .page(&format!("{}/comments", statement_path(&id)))
        .await;

    // Assert
    assert_eq!(response.status(), 303, "the bot is told nothing");
    assert_eq!(stored, 0);
    assert!(!page.contains("Buy now"));
}

#[tokio::test]
async fn replacing_the_preview_link_makes_the_old_one_not_found() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    let old = app.preview_path(&owner, &id).await;
    let before = visit(&app, &old).await.0;

    // Act
    let replaced = owner
        .post(&format!("{}/preview-link", statement_path(&id)), &[])
        .await;
    let new = app.preview_path(&owner, &id).await;
    let old_after = visit(&app, &old).await.0;
    let new_after = visit(&app, &new).await.0;
    let old_comment = comment(
        &app,
        &old,
        &[
            ("name", "Pat"),
            ("organization", "Org"),
            ("comment", "Hello"),
            ("lang", "en"),
        ],
    )
    .await;

    // Assert
    assert_eq!(before, 200);
    assert_eq!(replaced.status(), 303);
    assert_ne!(old, new);
    assert_eq!(old_after, 404);
    assert_eq!(new_after, 200);
    assert_eq!(old_comment.status(), 404);
}
