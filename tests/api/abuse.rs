//! Abuse control on the public forms: the honeypot, the hourly limits per
//! IP address and per email address, and the daily cap of mails to one
//! address; every limit comes from the settings.

use crate::support::app::{TestApp, spawn_app, spawn_app_with_settings};
use crate::support::coordinators::location;
use crate::support::outbox::{queued, queued_to};
use crate::support::signatures::signatures_of;
use crate::support::signers::{SLUG, SignOnForm, open_statement, post_form, sign};

const RATE_LIMITED: &str = "Too many sign-ons from here or for this address.";
const MAIL_CAP: &str = "Too many messages were sent to this address today.";

async fn resend(app: &TestApp, email: &str) -> reqwest::Response {
    post_form(
        app,
        &format!("/s/{SLUG}/resend"),
        &[
            ("email".to_owned(), email.to_owned()),
            ("lang".to_owned(), "en".to_owned()),
        ],
    )
    .await
}

#[tokio::test]
async fn a_submission_with_the_hidden_homepage_field_filled_does_nothing_but_looks_accepted() {
    // Arrange
    let app = spawn_app().await;
    let (_, statement) = open_statement(&app, &[]).await;
    let person = sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;

    // Act
    let bot = sign(
        &app,
        &SignOnForm::organization("Cheap Pills", "bot@spam.example")
            .with("homepage", "http://spam.example"),
    )
    .await;

    // Assert
    assert_eq!(bot.status(), person.status());
    assert_eq!(location(&bot), location(&person));
    let stored = signatures_of(&app, &statement).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].name, "Agua Viva");
    assert!(queued_to(&app, "bot@spam.example").await.is_empty());
}

#[tokio::test]
async fn sign_ons_from_one_ip_address_beyond_the_hourly_limit_get_429_with_a_clear_message() {
    // Arrange
    let app = spawn_app_with_settings(|s| {
        s.signon_per_ip_per_hour = 2;
        s.signon_per_address_per_hour = 100;
    })
    .await;
    let (_, statement) = open_statement(&app, &[]).await;
    for (name, email) in [
        ("Agua Viva", "ana@aguaviva.example"),
        ("Ríos Libres", "ben@rios.example"),
    ] {
        let accepted = sign(&app, &SignOnForm::organization(name, email)).await;
        assert_eq!(accepted.status(), 303);
    }

    // Act
    let third = sign(
        &app,
        &SignOnForm::organization("Lagos Vivos", "carla@lagos.example"),
    )
    .await;
    let status = third.status();
    let page = third.text().await.expect("body");

    // Assert
    assert_eq!(status, 429);
    assert!(page.contains(RATE_LIMITED), "{page}");
    assert!(
        page.contains("value=\"Lagos Vivos\""),
        "what was typed is kept"
    );
    assert_eq!(signatures_of(&app, &statement).await.len(), 2);
    assert!(queued_to(&app, "carla@lagos.example").await.is_empty());
}

#[tokio::test]
async fn sign_ons_for_one_address_beyond_the_hourly_limit_get_429_while_other_addresses_pass() {
    // Arrange
    let app = spawn_app_with_settings(|s| {
        s.signon_per_ip_per_hour = 100;
        s.signon_per_address_per_hour = 2;
        s.mails_per_address_per_day = 100;
    })
    .await;
    let (_, statement) = open_statement(&app, &[]).await;
    let ana = SignOnForm::organization("Agua Viva", "ana@aguaviva.example");
    for _ in 0..2 {
        assert_eq!(sign(&app, &ana).await.status(), 303);
    }

    // Act
    let third = sign(&app, &ana.clone().with("email", "ANA@aguaviva.example")).await;
    let status = third.status();
    let page = third.text().await.expect("body");
    let other = sign(
        &app,
        &SignOnForm::organization("Ríos Libres", "ben@rios.example"),
    )
    .await;

    // Assert
    assert_eq!(status, 429);
    assert!(page.contains(RATE_LIMITED), "{page}");
    assert_eq!(
        queued(&app, "ana@aguaviva.example", "confirm-signature")
            .await
            .len(),
        2
    );
    assert_eq!(other.status(), 303);
    assert_eq!(signatures_of(&app, &statement).await.len(), 2);
}

#[tokio::test]
async fn the_daily_mail_cap_stops_further_confirmation_mails_to_an_address_with_a_clear_message() {
    // Arrange
    let app = spawn_app_with_settings(|s| {
        s.signon_per_address_per_hour = 100;
        s.mails_per_address_per_day = 2;
    })
    .await;
    open_statement(&app, &[]).await;
    let ana = SignOnForm::organization("Agua Viva", "ana@aguaviva.example");
    for _ in 0..2 {
        assert_eq!(sign(&app, &ana).await.status(), 303);
    }

    // Act
    let third = sign(&app, &ana).await;
    let status = third.status();
    let page = third.text().await.expect("body");
    let resent = resend(&app, "ana@aguaviva.example").await;
    let resent_status = resent.status();
    let resent_page = resent.text().await.expect("body");

    // Assert
    assert_eq!(status, 429);
    assert!(page.contains(MAIL_CAP), "{page}");
    assert_eq!(resent_status, 429);
    assert!(resent_page.contains(MAIL_CAP));
    assert_eq!(
        queued(&app, "ana@aguaviva.example", "confirm-signature")
            .await
            .len(),
        2
    );
}

#[tokio::test]
async fn requests_for_a_fresh_link_beyond_the_hourly_limit_get_429() {
    // Arrange
    let app = spawn_app_with_settings(|s| s.resend_per_ip_per_hour = 1).await;
    open_statement(&app, &[]).await;
    sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let first = resend(&app, "ana@aguaviva.example").await;

    // Act
    let second = resend(&app, "ana@aguaviva.example").await;
    let status = second.status();
    let page = second.text().await.expect("body");

    // Assert
    assert_eq!(first.status(), 200);
    assert_eq!(status, 429);
    assert!(page.contains(RATE_LIMITED));
    assert_eq!(
        queued(&app, "ana@aguaviva.example", "confirm-signature")
            .await
            .len(),
        2,
        "the sign-on and the one fresh link"
    );
}
