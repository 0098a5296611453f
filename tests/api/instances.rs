//! Several instances on one PostgreSQL database behind one address behave
//! as one: an import previewed on one is applied on the other, and the
//! rate limits count the requests of both against one allowance.

use std::sync::Arc;

use crate::support::app::{Options, TestApp, spawn_app_configured, spawn_app_with_settings};
use crate::support::contacts::apply_as_shown;
use crate::support::coordinators::{Session, location};
use crate::support::database::require_postgres;
use crate::support::signatures::signatures_path;
use crate::support::signers::{SignOnForm, listed, open_statement, sign};

const LIMIT: u32 = 3;

/// A second instance on the database and the data directory (so the
/// secret key) of `first`.
async fn second_instance(first: &TestApp) -> TestApp {
    spawn_app_configured(
        Options {
            smtp: None,
            db: Some(Arc::clone(&first.db)),
            data_dir: Some(Arc::clone(&first.data_dir)),
        },
        |s| s.signon_per_ip_per_hour = LIMIT,
    )
    .await
}

#[tokio::test]
#[ignore = "needs PostgreSQL (UNDERSIGNED_TEST_POSTGRES_URL)"]
async fn two_instances_on_one_postgres_database_share_an_import_preview_and_a_rate_limit() {
    // Arrange
    require_postgres();
    let first = spawn_app_with_settings(|s| s.signon_per_ip_per_hour = LIMIT).await;
    let (owner, statement) = open_statement(&first, &[]).await;
    let second = second_instance(&first).await;
    let owner_on_second =
        Session::from_client(owner.client.clone(), &second.address, owner.cookie.clone()).await;

    // Act: the list is uploaded on the first, previewed and applied on the
    // second, and its outcome read on the first again.
    let uploaded = owner
        .post(
            &format!("{}/import", signatures_path(&statement)),
            &[(
                "csv",
                "organization,country,email\nAgua Viva,MX,ana@aguaviva.example\n\
                 Lagos Vivos,Chile,carla@lagos.example\n",
            )],
        )
        .await;
    assert_eq!(uploaded.status(), 303);
    let preview = location(&uploaded);
    let progress = apply_as_shown(&owner_on_second, &preview, "?mode=list").await;
    let (status, outcome) = owner.page(&format!("{preview}/progress.json")).await;

    // Assert
    assert_eq!(progress["state"], "done", "{progress}");
    assert_eq!(status, 200);
    assert!(outcome.contains("\"done\""), "{outcome}");
    assert_eq!(
        listed(&first).await,
        ["Agua Viva, Mexico", "Lagos Vivos, Chile"]
    );

    // Act: sign-ons from one address, alternately through each instance.
    let mut statuses = Vec::new();
    for i in 0..=LIMIT {
        let instance = if i % 2 == 0 { &first } else { &second };
        let form = SignOnForm::organization(&format!("Group {i}"), &format!("g{i}@groups.example"));
        statuses.push(sign(instance, &form).await.status().as_u16());
    }

    // Assert: the allowance is one, not one per instance.
    assert_eq!(statuses, [303, 303, 303, 429]);
}
