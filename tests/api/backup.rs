//! `backup` of a running server and `restore` into an empty directory:
//! the statement, its signature, a contact and a mailing come back, and a
//! manage link mailed before the backup still opens the signer's page.

use std::sync::Arc;

use crate::support::app::{Options, run, spawn_app, spawn_app_with};
use crate::support::database::TestDatabase;
use crate::support::press::JOE;
use crate::support::signers::{
    SLUG, SignOnForm, manage_link, open_statement, sign_and_confirm, visit,
};

#[tokio::test]
async fn a_backup_of_a_running_server_restores_into_an_empty_directory_with_links_working() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let manage = manage_link(&app, "ana@aguaviva.example").await;
    app.add_contacts(&[JOE]).await;
    let archives = tempfile::tempdir().expect("a folder");
    let archive = archives.path().join("undersigned.tar.gz");

    // Act
    let (backed_up, out, err) =
        run(&mut app.command(&["backup", archive.to_str().expect("a path")]));

    // Assert
    assert!(backed_up, "{err}");
    if app.db.is_postgres() {
        assert!(out.contains("pg_dump --format=custom"), "{out}");
        assert!(out.contains("secret key: included"), "{out}");
        return;
    }
    assert!(out.contains("database: a consistent copy"), "{out}");
    let db = Arc::new(TestDatabase::create());
    let data_dir = Arc::new(tempfile::tempdir().expect("an empty data directory"));
    let (restored, out, err) = run(
        std::process::Command::new(env!("CARGO_BIN_EXE_undersigned"))
            .args(["restore", archive.to_str().expect("a path")])
            .env("UNDERSIGNED_DATABASE_URL", db.url())
            .env("UNDERSIGNED_DATA_DIR", data_dir.path())
            .env("UNDERSIGNED_CONFIG", data_dir.path().join("none.toml")),
    );
    assert!(restored, "{err}");
    assert!(out.contains("secret key: restored"), "{out}");
    let again = run(
        std::process::Command::new(env!("CARGO_BIN_EXE_undersigned"))
            .args(["restore", archive.to_str().expect("a path")])
            .env("UNDERSIGNED_DATABASE_URL", db.url())
            .env("UNDERSIGNED_DATA_DIR", data_dir.path())
            .env("UNDERSIGNED_CONFIG", data_dir.path().join("none.toml")),
    );
    assert!(
        !again.0 && again.2.contains("empty data directory"),
        "{}",
        again.2
    );
    drop(app);
    let copy = spawn_app_with(Options {
        smtp: None,
        db: Some(db),
        data_dir: Some(data_dir),
    })
    .await;
    let (status, page) = visit(&copy, &format!("/s/{SLUG}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Agua Viva"),
        "the signature is listed: {page}"
    );
    let (status, page) = visit(&copy, &manage).await;
    assert_eq!(
        status, 200,
        "the manage link mailed before the backup opens: {page}"
    );
    assert!(page.contains("Agua Viva"));
    let contacts: i64 = copy
        .with_conn(|c| {
            use diesel::prelude::*;
            undersigned::db::schema::contacts::table
                .count()
                .get_result(c)
                .expect("count")
        })
        .await;
    assert_eq!(contacts, 1);
}
