use std::sync::Arc;
use std::time::Duration;

use undersigned::config::Settings;
use undersigned::mail::{self, OutgoingMail, Status};

use crate::support::app::{
    Options, TestApp, eventually, spawn_app, spawn_app_configured, spawn_app_with_smtp,
};
use crate::support::database::require_postgres;
use crate::support::outbox::{context, mail_to};
use crate::support::smtp::{Script, TestSmtp};

async fn enqueue(app: &TestApp, mail: OutgoingMail) -> mail::Enqueued {
    app.with_conn(move |c| mail::enqueue(c, &context(), &mail).expect("enqueued"))
        .await
}

async fn status(app: &TestApp, id: &str) -> (Status, Option<String>) {
    let id = id.to_owned();
    app.with_conn(move |c| mail::status_of(c, &id).expect("status"))
        .await
}

#[tokio::test]
async fn a_mail_enqueued_in_a_rolled_back_transaction_is_never_sent() {
    let smtp = TestSmtp::start();
    let app = spawn_app_with_smtp(smtp.clone()).await;

    app.with_conn(|c| {
        let rolled_back: Result<(), diesel::result::Error> = undersigned::db::transaction(c, |c| {
            mail::enqueue(c, &context(), &mail_to("ghost@example.org", "1")).expect("enqueued");
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(rolled_back.is_err());
    })
    .await;
    enqueue(&app, mail_to("real@example.org", "2")).await;
    app.wait_for_outbox_to_settle().await;

    assert_eq!(smtp.count_for("real@example.org"), 1);
    assert_eq!(smtp.count_for("ghost@example.org"), 0);
}

#[tokio::test]
async fn enqueueing_the_same_mail_twice_stores_and_sends_it_once() {
    let smtp = TestSmtp::start();
    let app = spawn_app_with_smtp(smtp.clone()).await;

    let first = enqueue(&app, mail_to("Twice@Example.org", "42")).await;
    let second = enqueue(&app, mail_to("twice@example.org", "42")).await;
    app.wait_for_outbox_to_settle().await;

    assert!(first.newly_queued);
    assert!(!second.newly_queued);
    assert_eq!(first.id, second.id);
    assert_eq!(smtp.received().len(), 1);
}

#[tokio::test]
async fn a_temporary_failure_is_retried_and_then_delivered() {
    let smtp = TestSmtp::start();
    smtp.script("grey@example.org", Script::DeferTimes(2));
    let app = spawn_app_with_smtp(smtp.clone()).await;

    let queued = enqueue(&app, mail_to("grey@example.org", "1")).await;
    app.wait_for_outbox_to_settle().await;

    let (state, reply) = status(&app, &queued.id).await;
    assert_eq!(state, Status::Sent);
    assert!(
        reply.expect("reply").starts_with("250"),
        "the accepting reply is kept"
    );
    assert_eq!(smtp.rcpt_attempts("grey@example.org"), 3);
    assert_eq!(smtp.count_for("grey@example.org"), 1);
}

#[tokio::test]
async fn mail_waits_out_an_smtp_outage_however_many_attempts_and_goes_once_the_server_is_back() {
    // Arrange: the SMTP server's port, with nothing listening yet.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let app = spawn_app_configured(
        Options {
            smtp: None,
            db: None,
            data_dir: None,
        },
        |s| {
            s.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
            s.smtp_timeout_seconds = 1;
            s.outbox_max_attempts = 2;
            s.outbox_retry_base_ms = 10;
        },
    )
    .await;

    // Act: more attempts than the most a refusal gets.
    let queued = enqueue(&app, mail_to("out@example.org", "outage")).await;
    let attempts = || {
        let id = queued.id.clone();
        app.with_conn(move |c| {
            use diesel::prelude::*;
            use undersigned::db::schema::outbox;
            outbox::table
                .find(id)
                .select((outbox::attempts, outbox::status))
                .first::<(i32, String)>(c)
                .expect("row")
        })
    };
    eventually(
        "a few attempts on the unreachable server",
        Duration::from_secs(20),
        || async { attempts().await.0 >= 4 },
    )
    .await;

    // Assert: still waiting, not given up.
    assert_eq!(attempts().await.1, "queued");

    // Act: the server comes up.
    let smtp = TestSmtp::start_on(port);

    // Assert
    eventually(
        "the mail goes once the server answers",
        Duration::from_secs(60),
        || async { status(&app, &queued.id).await.0 == Status::Sent },
    )
    .await;
    assert_eq!(smtp.count_for("out@example.org"), 1);
}

#[tokio::test]
async fn a_permanent_failure_is_marked_failed_with_the_reply_kept() {
    let smtp = TestSmtp::start();
    smtp.script("nobody@example.org", Script::Reject);
    let app = spawn_app_with_smtp(smtp.clone()).await;

    let queued = enqueue(&app, mail_to("nobody@example.org", "1")).await;
    app.wait_for_outbox_to_settle().await;

    let (state, reply) = status(&app, &queued.id).await;
    let reply = reply.expect("reply kept");
    assert_eq!(state, Status::Failed);
    assert!(
        reply.contains("550") && reply.contains("No such mailbox"),
        "{reply}"
    );
    assert_eq!(
        smtp.rcpt_attempts("nobody@example.org"),
        1,
        "a 5xx is not retried"
    );
}

#[tokio::test]
async fn a_mail_is_multipart_alternative_with_date_message_id_and_sender() {
    let smtp = TestSmtp::start();
    let app = spawn_app_with_smtp(smtp.clone()).await;

    enqueue(&app, mail_to("reader@example.org", "1")).await;
    app.wait_for_outbox_to_settle().await;

    let received = smtp.received();
    let data = &received.first().expect("one message").data;
    assert!(
        data.contains("Content-Type: multipart/alternative"),
        "{data}"
    );
    assert!(data.contains("Content-Type: text/plain; charset=utf-8"));
    assert!(data.contains("Content-Type: text/html; charset=utf-8"));
    assert!(data.contains("\r\nDate: "));
    assert!(data.contains("\r\nMessage-ID: <") && data.contains("@undersigned.test>"));
    assert!(data.contains("From: Undersigned <statements@undersigned.test>"));
    assert!(data.contains("X-Undersigned-Test: yes"));
}

#[tokio::test]
async fn without_smtp_each_mail_is_written_as_an_eml_file() {
    let app = spawn_app().await;

    let queued = enqueue(&app, mail_to("file@example.org", "1")).await;
    app.wait_for_outbox_to_settle().await;

    let path = app
        .data_dir
        .path()
        .join("mail")
        .join(format!("{}.eml", queued.id));
    let eml = std::fs::read_to_string(&path).expect("the .eml file exists");
    assert!(
        eml.contains("To: =?utf-8?b?") || eml.contains("To: \"Ana"),
        "{eml}"
    );
    assert!(eml.contains("Subject: Test message from Undersigned"));
    assert_eq!(status(&app, &queued.id).await.0, Status::Sent);
}

#[tokio::test]
async fn mail_pending_at_a_restart_is_sent_exactly_once() {
    let smtp = TestSmtp::start();
    let app = spawn_app_with_smtp(smtp.clone()).await;
    let recipients: Vec<String> = (0..150).map(|i| format!("r{i}@example.org")).collect();
    let mails: Vec<OutgoingMail> = recipients.iter().map(|r| mail_to(r, "restart")).collect();
    app.with_conn(move |c| {
        for mail in &mails {
            mail::enqueue(c, &context(), mail).expect("enqueued");
        }
    })
    .await;

    eventually("sending starts", Duration::from_secs(10), || async {
        smtp.received_count() > 0
    })
    .await;
    let app = app.restart().await;
    app.wait_for_outbox_to_settle().await;

    for recipient in &recipients {
        assert_eq!(smtp.count_for(recipient), 1, "{recipient}");
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL (UNDERSIGNED_TEST_POSTGRES_URL)"]
async fn two_workers_on_one_postgres_database_send_each_row_once() {
    // Leases of 3 s, and a server slow enough that one claim takes longer
    // to send: the worker sending it renews its lease, so the other never
    // takes its rows.
    require_postgres();
    let smtp = TestSmtp::start();
    smtp.answer_after(Duration::from_millis(50));
    let short_lease = |s: &mut Settings| s.outbox_lease_seconds = 3;
    let first = spawn_app_configured(
        Options {
            smtp: Some(smtp.clone()),
            db: None,
            data_dir: None,
        },
        short_lease,
    )
    .await;
    let second = spawn_app_configured(
        Options {
            smtp: Some(smtp.clone()),
            db: Some(Arc::clone(&first.db)),
            data_dir: None,
        },
        short_lease,
    )
    .await;
    let recipients: Vec<String> = (0..300).map(|i| format!("w{i}@example.org")).collect();
    let mails: Vec<OutgoingMail> = recipients
        .iter()
        .map(|r| mail_to(r, "two-workers"))
        .collect();

    first
        .with_conn(move |c| {
            for mail in &mails {
                mail::enqueue(c, &context(), mail).expect("enqueued");
            }
        })
        .await;
    first.wait_for_outbox_to_settle().await;
    second.wait_for_outbox_to_settle().await;

    assert_eq!(smtp.received().len(), recipients.len());
    for recipient in &recipients {
        assert_eq!(smtp.count_for(recipient), 1, "{recipient}");
    }
}
