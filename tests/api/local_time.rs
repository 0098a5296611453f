//! A coalition's language and time zone: times typed in local time, stored
//! in UTC, shown back in the coalition's zone with the zone named.

use undersigned::coalitions;

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::{COALITION_SLUG, Session, location};
use crate::support::pages::field_error;
use crate::support::statements::{draft, statement_path};

fn stamp(at: Option<chrono::NaiveDateTime>) -> Option<String> {
    at.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
}

async fn set_coalition(owner: &Session, language: &str, zone: &str) -> reqwest::Response {
    owner
        .post(
            &format!("/c/{COALITION_SLUG}/settings"),
            &[("language", language), ("time_zone", zone)],
        )
        .await
}

async fn coalition(app: &TestApp) -> coalitions::Coalition {
    app.with_conn(|c| {
        coalitions::find_by_slug(c, COALITION_SLUG)
            .expect("query")
            .expect("the coalition exists")
    })
    .await
}

#[tokio::test]
async fn a_deadline_typed_in_mexico_city_is_kept_in_utc_and_shown_back_as_typed() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    assert_eq!(
        set_coalition(&owner, "es", "America/Mexico_City")
            .await
            .status(),
        303
    );

    // Act
    let saved = app
        .save_settings(
            &owner,
            &id,
            &[
                ("deadline_at", "2026-12-10T09:00"),
                ("time_zone", "America/Mexico_City"),
            ],
        )
        .await;
    let stored = app.statement(&id).await.deadline_at;
    let (_, form) = owner
        .page(&format!("{}/settings", statement_path(&id)))
        .await;
    let (_, dashboard) = owner.page(&statement_path(&id)).await;

    // Assert
    assert_eq!(saved.status(), 303);
    assert_eq!(stamp(stored).as_deref(), Some("2026-12-10 15:00"));
    assert!(form.contains("value=\"2026-12-10T09:00\""), "{form}");
    assert!(form.contains("value=\"America/Mexico_City\""));
    assert!(dashboard.contains("10 Dec 2026, 09:00 CST"), "{dashboard}");
    assert!(!dashboard.contains("15:00"));
}

#[tokio::test]
async fn a_time_typed_in_another_zone_is_converted_and_shown_in_the_coalitions() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    set_coalition(&owner, "en", "America/Guatemala").await;

    // Act
    let saved = app
        .save_settings(
            &owner,
            &id,
            &[
                ("publish_at", "2026-12-10T09:00"),
                ("time_zone", "America/New_York"),
            ],
        )
        .await;
    let stored = app.statement(&id).await.publish_at;
    let (_, form) = owner
        .page(&format!("{}/settings", statement_path(&id)))
        .await;

    // Assert
    assert_eq!(saved.status(), 303);
    assert_eq!(stamp(stored).as_deref(), Some("2026-12-10 14:00"));
    assert!(form.contains("value=\"2026-12-10T08:00\""), "{form}");
    assert!(form.contains("value=\"America/Guatemala\""));
}

#[tokio::test]
async fn a_local_time_the_clocks_skip_or_repeat_is_refused_beside_its_field() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = draft(&app).await;
    set_coalition(&owner, "en", "America/New_York").await;
    app.save_settings(&owner, &id, &[("deadline_at", "2027-01-10T12:00")])
        .await;

    // Act
    let skipped = app
        .save_settings(&owner, &id, &[("deadline_at", "2027-03-14T02:30")])
        .await;
    let (skipped_status, skipped_page) = (skipped.status(), skipped.text().await.expect("body"));
    let repeated = app
        .save_settings(&owner, &id, &[("list_public_at", "2027-11-07T01:30")])
        .await;
    let (repeated_status, repeated_page) =
        (repeated.status(), repeated.text().await.expect("body"));
    let unknown = app
        .save_settings(&owner, &id, &[("time_zone", "Mars/Olympus")])
        .await;
    let (unknown_status, unknown_page) = (unknown.status(), unknown.text().await.expect("body"));
    let statement = app.statement(&id).await;

    // Assert
    assert_eq!(skipped_status, 422);
    let skipped_error =
        field_error(&skipped_page, "deadline_at").expect("an error beside the field");
    assert!(skipped_error.contains("does not exist"), "{skipped_error}");
    assert!(
        skipped_page.contains("value=\"2027-03-14T02:30\""),
        "the typed time stays"
    );
    assert_eq!(repeated_status, 422);
    let repeated_error =
        field_error(&repeated_page, "list_public_at").expect("an error beside the field");
    assert!(repeated_error.contains("happens twice"), "{repeated_error}");
    assert_eq!(unknown_status, 422);
    assert!(field_error(&unknown_page, "time_zone").is_some());
    assert_eq!(
        stamp(statement.deadline_at).as_deref(),
        Some("2027-01-10 17:00"),
        "nothing refused was stored"
    );
    assert_eq!(statement.list_public_at, None);
}

#[tokio::test]
async fn owners_set_the_coalitions_language_and_zone_and_bad_values_are_refused() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;

    // Act
    let saved = set_coalition(&owner, "es", "America/El_Salvador").await;
    let after = coalition(&app).await;
    let (_, page) = owner.page(&location(&saved)).await;
    let bad = set_coalition(&owner, "xx", "Nowhere/Town").await;
    let (bad_status, bad_page) = (bad.status(), bad.text().await.expect("body"));
    let (_, home) = owner.page(&format!("/c/{COALITION_SLUG}")).await;
    let (_, new_release) = owner.page(&format!("/c/{COALITION_SLUG}/press/new")).await;

    // Assert
    assert_eq!(saved.status(), 303);
    assert_eq!(after.language, "es");
    assert_eq!(after.time_zone, "America/El_Salvador");
    assert!(page.contains("Settings saved."), "{page}");
    assert_eq!(bad_status, 422);
    assert!(field_error(&bad_page, "language").is_some());
    assert!(field_error(&bad_page, "time_zone").is_some());
    let unchanged = coalition(&app).await;
    assert_eq!(unchanged.time_zone, "America/El_Salvador");
    assert!(home.contains("Times are shown in America/El_Salvador"));
    assert!(
        new_release.contains("<option value=\"es\" selected>"),
        "a new release starts in the coalition's language"
    );
    assert!(new_release.contains(
        "id=\"embargo_zone\" name=\"embargo_zone\" type=\"text\" value=\"America/El_Salvador\""
    ));
}

#[tokio::test]
async fn a_coalition_starts_in_the_zone_and_language_of_the_person_who_creates_it() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;

    // Act
    let created = owner
        .client
        .post(format!("{}/c", owner.address))
        .header("Accept-Language", "es-MX")
        .form(&[
            ("name", "Red Migrante"),
            ("time_zone", "America/Tegucigalpa"),
            ("csrf", owner.csrf.as_str()),
        ])
        .send()
        .await
        .expect("request sent");
    let stored = app
        .with_conn(|c| {
            coalitions::find_by_slug(c, "red-migrante")
                .expect("query")
                .expect("the coalition exists")
        })
        .await;
    let refused = owner
        .post("/c", &[("name", "Otra Red"), ("time_zone", "Atlantis")])
        .await;
    let (refused_status, refused_page) = (refused.status(), refused.text().await.expect("body"));

    // Assert
    assert_eq!(created.status(), 303);
    assert_eq!(stored.time_zone, "America/Tegucigalpa");
    assert_eq!(stored.language, "es");
    assert_eq!(refused_status, 422);
    assert!(field_error(&refused_page, "time_zone").is_some());
    assert!(
        refused_page.contains("value=\"Otra Red\""),
        "the typed name stays"
    );
}
