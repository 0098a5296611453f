//! A database that stops answering: pages say so with a 503 in the layout
//! after the pool's short wait, never a 500 after half a minute, and the
//! server answers again by itself once the database is back.

use std::time::Duration;

use diesel::connection::SimpleConnection;

use crate::helpers::{TestApp, TestDatabase, eventually, spawn_app};
use crate::signers::{SLUG, open_statement};

/// Refuses new connections to the app's PostgreSQL database and ends the
/// open ones (`out`), or lets connections in again.
fn set_outage(app: &TestApp, out: bool) {
    let TestDatabase::Postgres { admin_url, name } = &*app.db else {
        unreachable!("only run on PostgreSQL")
    };
    let mut admin = undersigned::db::connect_postgres(admin_url).expect("admin connection");
    let sql = if out {
        format!(
            "ALTER DATABASE {name} ALLOW_CONNECTIONS false; \
             SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}';"
        )
    } else {
        format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true;")
    };
    admin.batch_execute(&sql).expect("outage switched");
}

#[tokio::test]
async fn while_the_database_is_out_pages_answer_503_and_the_server_recovers_by_itself() {
    // Arrange
    let app = spawn_app().await;
    if !app.db.is_postgres() {
        eprintln!("skipped: set UNDERSIGNED_TEST_POSTGRES_URL to run this test");
        return;
    }
    open_statement(&app, &[]).await;
    let page = format!("/s/{SLUG}?lang=es");
    assert_eq!(app.get(&page).await.status(), 200);

    // Act
    set_outage(&app, true);
    let during = app
        .client
        .get(format!("{}{page}", app.address))
        .header("accept-language", "es")
        .timeout(Duration::from_secs(15))
        .send()
        .await
        .expect("an answer while the database is out");
    let (status, body) = (during.status(), during.text().await.expect("body"));
    let ready = app.get("/readyz").await.status();

    // Assert
    assert_eq!(status, 503, "{body}");
    assert!(
        body.contains("La base de datos no responde en este momento")
            && !body.contains("Service Unavailable"),
        "{body}"
    );
    assert_eq!(ready, 503);

    // Act: the database is back.
    set_outage(&app, false);

    // Assert: no restart needed, and never a 500 on the way.
    eventually(
        "the page answers again",
        Duration::from_secs(20),
        || async {
            let status = app.get(&page).await.status();
            assert!(status == 200 || status == 503, "{status}");
            status == 200
        },
    )
    .await;
}
