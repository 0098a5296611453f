//! Coordinator accounts: the first account from the setup link, the
//! library's `add_user` and the `user add` command, and password hashes.

use std::io::Write;
use std::process::{Command, Stdio};

use diesel::prelude::*;
use undersigned::accounts::{Email, Password};
use undersigned::coalitions::{self, Role};
use undersigned::db::schema::coordinators;

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::stored_hash;
use crate::support::coordinators::{
    COALITION, COALITION_SLUG, OWNER_EMAIL, OWNER_NAME, PASSWORD, browser,
};
use crate::support::pages::field_error;

async fn coordinator_count(app: &TestApp) -> i64 {
    app.with_conn(|c| coordinators::table.count().get_result(c).expect("count"))
        .await
}

async fn role_in(app: &TestApp, slug: &str, email: &str) -> Option<Role> {
    let id = app.coordinator_id(email).await;
    let slug = slug.to_owned();
    app.with_conn(move |c| {
        coalitions::membership(c, &slug, &id)
            .expect("query")
            .map(|m| m.role)
    })
    .await
}

#[tokio::test]
async fn the_setup_page_creates_the_first_coordinator_as_owner_of_a_first_coalition() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let owner = app.setup_first_account().await;
    let (status, page) = owner.page(&format!("/c/{COALITION_SLUG}")).await;

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains(COALITION));
    assert!(page.contains(OWNER_NAME));
    assert_eq!(
        role_in(&app, COALITION_SLUG, OWNER_EMAIL).await,
        Some(Role::Owner)
    );
}

#[tokio::test]
async fn the_setup_link_dies_once_the_first_account_exists() {
    // Arrange
    let app = spawn_app().await;
    let link = app.setup_link.clone().expect("setup link");
    app.setup_first_account().await;

    // Act
    let page = browser().get(&link).send().await.expect("request sent");
    let second = browser()
        .post(&link)
        .form(&[
            ("name", "Mallory"),
            ("email", "mallory@example.org"),
            ("password", "another long password"),
            ("coalition", "Another Coalition"),
        ])
        .send()
        .await
        .expect("request sent");

    // Assert
    assert_eq!(page.status(), 404);
    assert_eq!(second.status(), 404);
    assert!(
        second
            .text()
            .await
            .expect("body")
            .contains("This setup link is not valid")
    );
    assert_eq!(coordinator_count(&app).await, 1);
}

#[tokio::test]
async fn a_short_password_is_refused_with_a_message_next_to_the_field() {
    // Arrange
    let app = spawn_app().await;
    let link = app.setup_link.clone().expect("setup link");

    // Act
    let response = browser()
        .post(&link)
        .form(&[
            ("name", OWNER_NAME),
            ("email", OWNER_EMAIL),
            ("password", "too-short"),
            ("coalition", COALITION),
        ])
        .send()
        .await
        .expect("request sent");
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 422);
    let message = field_error(&page, "password").expect("an error next to the password");
    assert!(message.contains("at least 10 characters"), "{message}");
    assert_eq!(coordinator_count(&app).await, 0);
    assert_eq!(
        browser().get(&link).send().await.expect("sent").status(),
        200,
        "the link still works after a refused form"
    );
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_hashes() {
    // Arrange
    let app = spawn_app().await;

    // Act
    app.setup_first_account().await;
    let hash = stored_hash(&app, OWNER_EMAIL)
        .await
        .expect("a password hash");

    // Assert
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains(PASSWORD));
}

#[tokio::test]
async fn add_user_creates_a_member_in_a_new_coalition_and_updates_an_existing_account() {
    // Arrange
    let app = spawn_app().await;
    let email = Email::parse("carla@example.org").expect("email");
    let password = Password::parse("carla's long password").expect("password");

    // Act
    let (created, changed) = app
        .with_conn(move |c| {
            let created = undersigned::coalitions::add_user(
                c,
                "Carla",
                &email,
                Some(&password),
                "River Alliance",
                Role::Editor,
            )
            .expect("user added");
            let changed = undersigned::coalitions::add_user(
                c,
                "Carla",
                &email,
                None,
                "River Alliance",
                Role::Owner,
            )
            .expect("user updated");
            (created, changed)
        })
        .await;
    let hash = stored_hash(&app, "carla@example.org").await;
    let login = app
        .try_login("carla@example.org", "carla's long password")
        .await
        .1;

    // Assert
    assert!(created.1, "the first call creates the account");
    assert!(!changed.1, "the second call finds it");
    assert_eq!(created.0.id, changed.0.id);
    assert_eq!(
        role_in(&app, "river-alliance", "carla@example.org").await,
        Some(Role::Owner)
    );
    assert!(hash.expect("a hash").starts_with("$argon2id$"));
    assert_eq!(login.status(), 303);
}

#[tokio::test]
async fn the_user_add_command_creates_a_coordinator_who_can_log_in() {
    // Arrange
    let app = spawn_app().await;
    let data_dir = tempfile::tempdir().expect("data dir");
    let database_url = app.db.url();

    // Act
    let output = tokio::task::spawn_blocking(move || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_undersigned"))
            .args([
                "user",
                "add",
                "--email",
                "cli@example.org",
                "--coalition",
                "Command Line Coalition",
                "--name",
                "Cli User",
                "--role",
                "editor",
            ])
            .env("UNDERSIGNED_DATABASE_URL", &database_url)
            .env("UNDERSIGNED_DATA_DIR", data_dir.path())
            .env("UNDERSIGNED_CONFIG", data_dir.path().join("none.toml"))
            .env("UNDERSIGNED_LOG_LEVEL", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"a password from stdin\n")
            .expect("password written");
        child.wait_with_output().expect("the binary finishes")
    })
    .await
    .expect("command task");
    let session = app.login("cli@example.org", "a password from stdin").await;
    let (status, _) = session.page("/c/command-line-coalition").await;

    // Assert
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("created cli@example.org as editor of Command Line Coalition"),
        "{stdout}"
    );
    assert_eq!(status, 200);
    assert_eq!(
        role_in(&app, "command-line-coalition", "cli@example.org").await,
        Some(Role::Editor)
    );
}
