//! Behind a reverse proxy: the client's address comes from the forwarding
//! headers of a trusted proxy only, and every per-address limit counts the
//! real client.

use crate::support::app::{TestApp, spawn_app_with_settings};
use crate::support::coordinators::{OWNER_EMAIL, PASSWORD, browser};
use crate::support::signers::{SLUG, SignOnForm, open_statement};

/// A sign-on sent with `header: value`, as a proxy would pass it on.
async fn sign_through(app: &TestApp, form: &SignOnForm, header: (&str, &str)) -> u16 {
    browser()
        .post(app.url(&format!("/s/{SLUG}/sign")))
        .header(header.0, header.1)
        .form(form.fields())
        .send()
        .await
        .expect("request sent")
        .status()
        .as_u16()
}

fn organization(i: usize) -> SignOnForm {
    SignOnForm::organization(&format!("Org {i}"), &format!("org{i}@example.org"))
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_sign_on_limit() {
    // Arrange
    let app = spawn_app_with_settings(|s| {
        s.trusted_proxies = vec!["127.0.0.1".into()];
        s.signon_per_ip_per_hour = 2;
        s.signon_per_address_per_hour = 100;
    })
    .await;
    open_statement(&app, &[]).await;
    let first_client = ("x-forwarded-for", "203.0.113.1");
    for i in 0..2 {
        assert_eq!(
            sign_through(&app, &organization(i), first_client).await,
            303
        );
    }

    // Act
    let third_from_first = sign_through(&app, &organization(2), first_client).await;
    let forged_first_hop = sign_through(
        &app,
        &organization(3),
        ("x-forwarded-for", "198.51.100.50, 203.0.113.1"),
    )
    .await;
    let second_client = sign_through(
        &app,
        &organization(4),
        ("forwarded", "for=\"[2001:db8::7]:4711\";proto=https"),
    )
    .await;

    // Assert
    assert_eq!(third_from_first, 429, "the first client reached its limit");
    assert_eq!(
        forged_first_hop, 429,
        "a hop the client wrote itself does not make it someone else"
    );
    assert_eq!(second_client, 303, "another client is counted apart");
}

#[tokio::test]
async fn without_a_trusted_proxy_forwarding_headers_are_ignored() {
    // Arrange
    let app = spawn_app_with_settings(|s| {
        s.signon_per_ip_per_hour = 2;
        s.signon_per_address_per_hour = 100;
    })
    .await;
    open_statement(&app, &[]).await;
    for i in 0..2 {
        let header = ("x-forwarded-for", format!("203.0.113.{i}"));
        assert_eq!(
            sign_through(&app, &organization(i), (header.0, &header.1)).await,
            303
        );
    }

    // Act
    let spoofed = sign_through(&app, &organization(2), ("x-forwarded-for", "203.0.113.99")).await;

    // Assert
    assert_eq!(spoofed, 429, "the peer's address is the only one believed");
}

#[tokio::test]
async fn failed_logins_behind_a_trusted_proxy_lock_out_that_client_only() {
    // Arrange
    let app = spawn_app_with_settings(|s| s.trusted_proxies = vec!["127.0.0.0/8".into()]).await;
    app.setup_first_account().await;
    let login_from = |client: &'static str, email: String, password: &'static str| {
        let app = &app;
        async move {
            browser()
                .post(app.url("/login"))
                .header("x-forwarded-for", client)
                .form(&[
                    ("email", email.as_str()),
                    ("password", password),
                    ("next", ""),
                ])
                .send()
                .await
                .expect("request sent")
                .status()
                .as_u16()
        }
    };
    for i in 0..20 {
        let failed = login_from("203.0.113.1", format!("nobody{i}@example.org"), "wrong").await;
        assert_eq!(failed, 422);
    }

    // Act
    let locked = login_from("203.0.113.1", OWNER_EMAIL.into(), PASSWORD).await;
    let elsewhere = login_from("198.51.100.2", OWNER_EMAIL.into(), PASSWORD).await;

    // Assert
    assert_eq!(locked, 429, "the client that failed twenty times waits");
    assert_eq!(elsewhere, 303, "a coordinator elsewhere still logs in");
}
