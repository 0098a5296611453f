//! A database that stops answering: pages say so with a 503 in the layout
//! after the pool's short wait, never a 500 after half a minute, and the
//! server answers again by itself once the database is back.

use std::time::Duration;

use diesel::connection::SimpleConnection;

use crate::support::app::{Options, TestApp, eventually, spawn_app, spawn_app_configured};
use crate::support::database::{TestDatabase, require_postgres};
use crate::support::outbox::enqueue_bulk;
use crate::support::signers::{SLUG, open_statement};
use crate::support::smtp::TestSmtp;

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
#[ignore = "needs PostgreSQL (UNDERSIGNED_TEST_POSTGRES_URL)"]
async fn while_the_database_is_out_pages_answer_503_and_the_server_recovers_by_itself() {
    // Arrange
    require_postgres();
    let app = spawn_app().await;
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

#[tokio::test]
#[ignore = "needs PostgreSQL (UNDERSIGNED_TEST_POSTGRES_URL)"]
async fn mail_sent_while_the_database_is_out_is_recorded_once_it_is_back_and_none_goes_twice() {
    // Arrange: a slow mail server, and a lease short enough that the
    // outage outlasts it.
    require_postgres();
    let smtp = TestSmtp::start();
    smtp.answer_after(Duration::from_millis(50));
    let app = spawn_app_configured(
        Options {
            smtp: Some(smtp.clone()),
            db: None,
            data_dir: None,
        },
        |s| s.outbox_lease_seconds = 3,
    )
    .await;
    let recipients = enqueue_bulk(&app, 200).await;
    let sink = smtp.clone();
    eventually("sending starts", Duration::from_secs(20), || {
        let sink = sink.clone();
        async move { sink.received_count() >= 10 }
    })
    .await;

    // Act: the database is out for longer than a lease.
    set_outage(&app, true);
    // What is tested: the 3 s lease runs out by the clock while the database is away.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let sent_during = smtp.received().len();
    set_outage(&app, false);

    // Assert: everything goes, each once, with no restart.
    eventually("the rest is sent", Duration::from_secs(60), || async {
        app.queued_mail().await == 0
    })
    .await;
    let copies = smtp.copies();
    for recipient in &recipients {
        assert_eq!(
            copies.get(recipient),
            Some(&1),
            "{recipient} ({sent_during} sent before the database came back)"
        );
    }
}
