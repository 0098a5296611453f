//! `/metrics`: off unless a token is set, refused without it, and carrying
//! the series an operator watches.

use std::time::Duration;

use crate::support::app::{TestApp, eventually, spawn_app, spawn_app_with_settings};
use crate::support::press::{create_release, send_to_tag};
use crate::support::signers::{SignOnForm, open_statement, sign};

const TOKEN: &str = "scrape-me-7f3a9c2e51d04b8b";

async fn scrape(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(format!("{}/metrics", app.address));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request sent")
}

#[tokio::test]
async fn metrics_are_off_unless_a_token_is_set_and_refused_without_it() {
    let off = spawn_app().await;
    assert_eq!(scrape(&off, Some(TOKEN)).await.status(), 404);

    let on = spawn_app_with_settings(|s| s.metrics_token = Some(TOKEN.into())).await;
    let anonymous = scrape(&on, None).await;
    assert_eq!(anonymous.status(), 401);
    assert_eq!(
        anonymous.headers()["www-authenticate"],
        "Bearer realm=\"metrics\""
    );
    assert_eq!(
        scrape(&on, Some("scrape-me-wrong-token-0000"))
            .await
            .status(),
        401
    );
    let scraped = scrape(&on, Some(TOKEN)).await;
    assert_eq!(scraped.status(), 200);
    assert!(
        scraped.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/plain; version=0.0.4")
    );
}

#[tokio::test]
async fn metrics_carry_requests_sign_ons_deliveries_the_outbox_mailings_the_pool_and_the_log() {
    // Arrange: a sign-on delivered, and a mailing held back by the rate.
    let app = spawn_app_with_settings(|s| {
        s.metrics_token = Some(TOKEN.into());
        s.mail_rate_per_second = 1;
    })
    .await;
    let (owner, _) = open_statement(&app, &[]).await;
    let signed = sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    assert_eq!(signed.status(), 303);
    app.add_reporters(20).await;
    let release = create_release(&owner, "Water is a right", "").await;
    let mailing = send_to_tag(&owner, &release, "press").await;
    let mailing_id = mailing.rsplit('/').next().expect("mailing id").to_owned();

    // Act: counters are the whole test process's, so the wait is for this
    // app's own outbox, read from its database at each scrape.
    let queued =
        format!("undersigned_mailing_messages{{mailing=\"{mailing_id}\",state=\"queued\"}}");
    eventually(
        "the confirmation is delivered and the mailing under way",
        Duration::from_secs(10),
        || async {
            let text = scrape(&app, Some(TOKEN)).await.text().await.expect("body");
            // The delivery counter is the process's, shared with other
            // tests; the outbox reading is this app's own.
            text.contains("undersigned_outbox_messages{state=\"sent\",priority=\"transactional\"}")
                && text.contains(&queued)
        },
    )
    .await;
    let text = scrape(&app, Some(TOKEN)).await.text().await.expect("body");

    // Assert
    for series in [
        "undersigned_http_requests_total{method=\"POST\",route=\"/s/{slug}/sign\",status=\"303\"}",
        "undersigned_http_request_duration_seconds_bucket{method=\"POST\",route=\"/s/{slug}/sign\",le=\"0.005\"}",
        "undersigned_signons_total{outcome=\"confirmation_sent\"}",
        "undersigned_outbox_messages{state=\"sent\",priority=\"transactional\"}",
        "undersigned_outbox_messages{state=\"queued\",priority=\"bulk\"}",
        "undersigned_db_pool_connections{state=\"in_use\"}",
        "undersigned_db_pool_connections{state=\"idle\"}",
        "undersigned_db_pool_max_connections",
    ] {
        assert!(text.contains(series), "{series} missing from:\n{text}");
    }
    assert!(
        !text.contains("/s/water-for-all"),
        "a raw path is never a label"
    );
    if !app.db.is_postgres() {
        assert!(text.contains("undersigned_sqlite_wal_bytes"), "{text}");
    }
}
