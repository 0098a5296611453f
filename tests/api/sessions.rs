//! Sessions and passwords: login and logout, the session cookie, password
//! changes, throttled logins and password reset by mail.

use diesel::prelude::*;
use futures_util::future::join_all;
use undersigned::coalitions::Role;
use undersigned::db::schema::outbox;

use crate::support::app::spawn_app;
use crate::support::coordinators::{
    COALITION, COALITION_SLUG, OWNER_EMAIL, PASSWORD, browser, browser_with_session, location,
    session_cookie_set_by, set_cookie_header, stored_hash,
};
use crate::support::pages::field_error;

#[tokio::test]
async fn logging_in_with_the_right_password_starts_a_session_and_a_wrong_one_does_not() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;

    // Act
    let (_, wrong) = app.try_login(OWNER_EMAIL, "not the password at all").await;
    let wrong_cookie = session_cookie_set_by(&wrong);
    let wrong_status = wrong.status();
    let wrong_page = wrong.text().await.expect("body");
    let (client, right) = app.try_login(OWNER_EMAIL, PASSWORD).await;
    let coalitions = client
        .get(app.url("/c"))
        .send()
        .await
        .expect("request sent");

    // Assert
    assert_eq!(wrong_status, 422);
    assert!(wrong_page.contains("The email address or the password is not right"));
    assert!(wrong_cookie.is_none());
    assert_eq!(right.status(), 303);
    assert_eq!(location(&right), "/c");
    assert_eq!(coalitions.status(), 303, "one coalition: straight to it");
    assert_eq!(location(&coalitions), format!("/c/{COALITION_SLUG}"));
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_lax_and_not_secure_over_http() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;

    // Act
    let (_, response) = app.try_login(OWNER_EMAIL, PASSWORD).await;
    let header = set_cookie_header(&response).expect("a session cookie");
    let attributes: Vec<String> = header
        .split(';')
        .skip(1)
        .map(|a| a.trim().to_ascii_lowercase())
        .collect();

    // Assert
    assert!(attributes.iter().any(|a| a == "httponly"), "{header}");
    assert!(attributes.iter().any(|a| a == "samesite=lax"), "{header}");
    assert!(!attributes.iter().any(|a| a == "secure"), "{header}");
    assert!(attributes.iter().any(|a| a == "path=/"), "{header}");
}

#[tokio::test]
async fn logging_out_ends_the_session_even_for_a_copy_of_the_cookie() {
    // Arrange
    let app = spawn_app().await;
    let session = app.setup_first_account().await;
    let copy = browser_with_session(&app.address, &session.cookie);
    let before = copy
        .get(app.url("/account"))
        .send()
        .await
        .expect("sent")
        .status();

    // Act
    let logout = session.post("/account/logout", &[]).await;
    let after = copy.get(app.url("/account")).send().await.expect("sent");

    // Assert
    assert_eq!(before, 200);
    assert_eq!(logout.status(), 303);
    assert_eq!(location(&logout), "/login");
    assert_eq!(after.status(), 303);
    assert!(location(&after).starts_with("/login"));
    assert_eq!(session.get("/account").await.status(), 303);
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions_but_keeps_the_current_one() {
    // Arrange
    let app = spawn_app().await;
    let current = app.setup_first_account().await;
    let other = app.login(OWNER_EMAIL, PASSWORD).await;
    let new_password = "a brand new passphrase";

    // Act
    let response = current
        .post(
            "/account/password",
            &[("current", PASSWORD), ("new", new_password)],
        )
        .await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("Your password was changed"));
    assert_eq!(current.get("/account").await.status(), 200);
    assert_eq!(other.get("/account").await.status(), 303);
    assert_eq!(app.try_login(OWNER_EMAIL, PASSWORD).await.1.status(), 422);
    assert_eq!(
        app.try_login(OWNER_EMAIL, new_password).await.1.status(),
        303
    );
}

#[tokio::test]
async fn a_password_change_needs_the_current_password_and_a_long_new_one() {
    // Arrange
    let app = spawn_app().await;
    let session = app.setup_first_account().await;
    let before = stored_hash(&app, OWNER_EMAIL).await;

    // Act
    let wrong_current = session
        .post(
            "/account/password",
            &[
                ("current", "not my password"),
                ("new", "a long new password"),
            ],
        )
        .await;
    let (wrong_status, wrong_page) = (
        wrong_current.status(),
        wrong_current.text().await.expect("body"),
    );
    let short = session
        .post(
            "/account/password",
            &[("current", PASSWORD), ("new", "short")],
        )
        .await;
    let (short_status, short_page) = (short.status(), short.text().await.expect("body"));

    // Assert
    assert_eq!(wrong_status, 422);
    assert!(field_error(&wrong_page, "current").is_some());
    assert_eq!(short_status, 422);
    assert!(
        field_error(&short_page, "new")
            .expect("an error next to the new password")
            .contains("at least 10 characters")
    );
    assert_eq!(stored_hash(&app, OWNER_EMAIL).await, before);
}

fn minutes_to_wait(page: &str) -> Option<i64> {
    let marker = "Try again in ";
    let start = page.find(marker)? + marker.len();
    let digits: String = page[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let minutes = digits.parse().ok()?;
    page[start + digits.len()..]
        .starts_with(" minute")
        .then_some(minutes)
}

#[tokio::test]
async fn five_failed_logins_from_one_address_lock_it_out_of_the_account_even_with_the_right_password()
 {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;
    app.add_coordinator(
        "Other",
        "other@example.org",
        Some(PASSWORD),
        COALITION,
        Role::Editor,
    )
    .await;
    let mut failures = Vec::new();
    for _ in 0..5 {
        failures.push(
            app.try_login(OWNER_EMAIL, "a wrong password")
                .await
                .1
                .status(),
        );
    }

    // Act
    let (_, locked) = app.try_login(OWNER_EMAIL, PASSWORD).await;
    let locked_status = locked.status();
    let locked_cookie = session_cookie_set_by(&locked);
    let page = locked.text().await.expect("body");
    let other = app.try_login("other@example.org", PASSWORD).await.1;

    // Assert
    assert!(failures.iter().all(|s| *s == 422), "{failures:?}");
    assert_eq!(locked_status, 429);
    assert!(locked_cookie.is_none());
    let minutes = minutes_to_wait(&page).expect("how long to wait");
    assert!((1..=15).contains(&minutes), "{minutes}");
    assert_eq!(other.status(), 303, "another account from the same address");
}

#[tokio::test]
async fn twenty_failed_logins_from_one_address_lock_out_that_address() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;
    let attempts = (0..20).map(|i| {
        let app = &app;
        async move {
            app.try_login(&format!("nobody{i}@example.org"), "a wrong password")
                .await
                .1
                .status()
        }
    });
    let failures = join_all(attempts).await;

    // Act
    let (_, locked) = app.try_login(OWNER_EMAIL, PASSWORD).await;
    let status = locked.status();
    let page = locked.text().await.expect("body");

    // Assert
    assert!(failures.iter().all(|s| *s == 422), "{failures:?}");
    assert_eq!(status, 429);
    assert!(minutes_to_wait(&page).is_some(), "{page}");
}

#[tokio::test]
async fn a_mailed_password_reset_link_sets_a_new_password_once_and_ends_old_sessions() {
    // Arrange
    let app = spawn_app().await;
    let old_session = app.setup_first_account().await;
    let new_password = "the password after the reset";
    let forgot = browser()
        .post(app.url("/password/forgot"))
        .form(&[("email", OWNER_EMAIL)])
        .send()
        .await
        .expect("sent");
    assert_eq!(forgot.status(), 200);
    let link = app.link_mailed_to(OWNER_EMAIL, "/password/reset/").await;

    // Act
    let client = browser();
    let form = client.get(app.url(&link)).send().await.expect("sent");
    let short = client
        .post(app.url(&link))
        .form(&[("password", "short")])
        .send()
        .await
        .expect("sent");
    let reset = client
        .post(app.url(&link))
        .form(&[("password", new_password)])
        .send()
        .await
        .expect("sent");
    let reset_location = location(&reset);
    let reset_cookie = session_cookie_set_by(&reset);
    let again = browser().get(app.url(&link)).send().await.expect("sent");
    let again_post = browser()
        .post(app.url(&link))
        .form(&[("password", "yet another password")])
        .send()
        .await
        .expect("sent");

    // Assert
    assert_eq!(form.status(), 200);
    assert_eq!(short.status(), 422, "a short password keeps the link");
    assert_eq!(reset.status(), 303);
    assert_eq!(reset_location, "/c");
    assert!(reset_cookie.is_some(), "the reset logs the coordinator in");
    assert_eq!(again.status(), 404);
    assert!(
        again
            .text()
            .await
            .expect("body")
            .contains("not valid any more")
    );
    assert_eq!(again_post.status(), 404);
    assert_eq!(old_session.get("/account").await.status(), 303);
    assert_eq!(
        app.try_login(OWNER_EMAIL, new_password).await.1.status(),
        303
    );
    assert_eq!(app.try_login(OWNER_EMAIL, PASSWORD).await.1.status(), 422);
}

#[tokio::test]
async fn the_reset_form_does_not_reveal_whether_an_address_has_an_account() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;
    let ask = |email: &'static str| {
        let url = app.url("/password/forgot");
        async move {
            let response = browser()
                .post(url)
                .form(&[("email", email)])
                .send()
                .await
                .expect("sent");
            (response.status(), response.text().await.expect("body"))
        }
    };

    // Act
    let known = ask(OWNER_EMAIL).await;
    let unknown = ask("nobody@example.org").await;
    app.wait_for_outbox_to_settle().await;
    let recipients: Vec<String> = app
        .with_conn(|c| {
            outbox::table
                .select(outbox::recipient)
                .load(c)
                .expect("outbox")
        })
        .await;

    // Assert
    assert_eq!(known.0, 200);
    assert_eq!(known, unknown, "the same answer for both addresses");
    assert!(known.1.contains("If an account exists for that address"));
    assert_eq!(recipients, vec![OWNER_EMAIL.to_owned()]);
    assert!(app.mails_to("nobody@example.org").await.is_empty());
}
