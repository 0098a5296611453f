//! Storage stays bounded: sent mail loses its body (and the links in it)
//! after the retention time while its delivery record stays, the file
//! transport's copies go too, and spent tokens, ended sessions and old
//! login failures are deleted.

use std::time::Duration;

use diesel::prelude::*;
use undersigned::db::schema::{login_failures, outbox, outbox_bodies, sessions, tokens};

use crate::support::app::{TestApp, eventually, spawn_app_with_settings};
use crate::support::signers::{SignOnForm, open_statement, sign_and_confirm};

const EMAIL: &str = "ana@aguaviva.example";

/// Waits, for at most 20 s, until `done` holds (retention runs every 120
/// job ticks of 50 ms).
async fn wait_until(
    app: &TestApp,
    done: impl Fn(&mut undersigned::db::DbConn) -> bool + Clone + Send + 'static,
) {
    eventually("retention runs", Duration::from_secs(20), || {
        let done = done.clone();
        app.with_conn(move |c| done(c))
    })
    .await;
}

fn spent_tokens(c: &mut undersigned::db::DbConn) -> i64 {
    tokens::table
        .filter(tokens::used_at.is_not_null())
        .count()
        .get_result(c)
        .expect("count")
}

#[tokio::test]
async fn retention_blanks_sent_bodies_and_deletes_spent_tokens_ended_sessions_and_old_failures() {
    // Arrange
    let app = spawn_app_with_settings(|s| {
        s.jobs_tick_ms = 50;
        s.mail_body_retention_days = 0;
        s.spent_token_retention_days = 0;
        s.login_failure_retention_hours = 1;
    })
    .await;
    let (owner, _) = open_statement(&app, &[]).await;
    // Confirmed: its token is used.
    sign_and_confirm(&app, &SignOnForm::organization("Agua Viva", EMAIL)).await;
    app.wait_for_outbox_to_settle().await;
    let long_ago = undersigned::db::now() - chrono::Duration::days(2);
    app.with_conn(move |c| {
        diesel::update(sessions::table)
            .set(sessions::expires_at.eq(long_ago))
            .execute(c)
            .expect("the session ended");
        diesel::insert_into(login_failures::table)
            .values((
                login_failures::id.eq("old-failure"),
                login_failures::throttle_key.eq("ip:203.0.113.1"),
                login_failures::created_at.eq(long_ago),
            ))
            .execute(c)
            .expect("an old failure");
    })
    .await;
    drop(owner);
    let used_before = app.with_conn(spent_tokens).await;
    assert!(
        used_before >= 2,
        "the setup and confirmation tokens are spent"
    );

    // Act
    wait_until(&app, |c| {
        outbox::table
            .inner_join(outbox_bodies::table)
            .filter(outbox::recipient.eq(EMAIL))
            .count()
            .get_result::<i64>(c)
            .expect("count")
            == 0
    })
    .await;
    wait_until(&app, |c| {
        sessions::table.count().get_result::<i64>(c).expect("count") == 0
    })
    .await;

    // Assert
    let kept: Vec<(String, String, Option<String>)> = app
        .with_conn(|c| {
            outbox::table
                .left_join(outbox_bodies::table)
                .filter(outbox::recipient.eq(EMAIL))
                .select((
                    outbox::status,
                    outbox::message_id,
                    outbox_bodies::html_body.nullable(),
                ))
                .load(c)
                .expect("rows")
        })
        .await;
    assert!(!kept.is_empty(), "the delivery record stays");
    assert!(
        kept.iter()
            .all(|(status, id, html)| status == "sent" && !id.is_empty() && html.is_none())
    );
    let files = std::fs::read_dir(app.data_dir.path().join("mail"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(files, 0, "the .eml copies go too");
    // The job deletes spent tokens and old login failures in steps of
    // their own, so they are waited for like the rest.
    wait_until(&app, |c| spent_tokens(c) == 0).await;
    wait_until(&app, |c| {
        login_failures::table
            .filter(login_failures::id.eq("old-failure"))
            .count()
            .get_result::<i64>(c)
            .expect("count")
            == 0
    })
    .await;
}
