//! A server killed with SIGKILL in the middle of a send: the next process
//! sends the rest at once, and mail goes twice only where a connection had
//! a message under way.

use std::process::{Child, Stdio};
use std::time::Duration;

use crate::support::app::{TestApp, eventually, spawn_app_with_smtp};
use crate::support::outbox::enqueue_bulk;
use crate::support::smtp::TestSmtp;

/// SMTP connections of the server under test.
const CONNECTIONS: usize = 4;

/// A server process, killed and reaped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Server {
    fn start(app: &TestApp, smtp: &TestSmtp, instance: &str, lease_seconds: u32) -> Self {
        let child = app
            .command(&["serve"])
            .env("UNDERSIGNED_LISTEN", "127.0.0.1:0")
            .env("UNDERSIGNED_SMTP_URL", smtp.url())
            .env("UNDERSIGNED_SMTP_POOL_SIZE", CONNECTIONS.to_string())
            .env("UNDERSIGNED_INSTANCE_NAME", instance)
            .env(
                "UNDERSIGNED_OUTBOX_LEASE_SECONDS",
                lease_seconds.to_string(),
            )
            .env("UNDERSIGNED_OUTBOX_POLL_MS", "50")
            .env("UNDERSIGNED_LOG_LEVEL", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        Self(child)
    }

    /// SIGKILL: nothing of the process runs after it.
    fn kill(mut self) {
        self.0.kill().expect("killed");
        self.0.wait().expect("reaped");
    }
}

/// An app whose own worker is stopped, with `count` mails queued for the
/// server processes to send, and an SMTP server slow enough that a kill
/// finds messages under way.
async fn app_with_queued_mail(count: usize) -> (TestApp, TestSmtp, Vec<String>) {
    let smtp = TestSmtp::start();
    let app = spawn_app_with_smtp(smtp.clone()).await;
    app.stop_background();
    smtp.answer_after(Duration::from_millis(100));
    let recipients = enqueue_bulk(&app, count).await;
    (app, smtp, recipients)
}

/// Kills the first server once it has sent a few messages, starts
/// `instance` with `lease_seconds`, and checks that every mail arrived,
/// at most one per connection twice.
async fn kill_and_restart(instance: &str, lease_seconds: u32, wait: Duration) {
    let (app, smtp, recipients) = app_with_queued_mail(160).await;
    let first = Server::start(&app, &smtp, "crash-test", lease_seconds);
    let sink = smtp.clone();
    eventually("the first server sends", Duration::from_secs(30), || {
        let sink = sink.clone();
        async move { sink.received_count() >= 12 }
    })
    .await;
    first.kill();
    let under_way = smtp.in_flight();

    let _second = Server::start(&app, &smtp, instance, lease_seconds);
    eventually("the second server sends the rest", wait, || async {
        app.queued_mail().await == 0
    })
    .await;
    eventually("the last answers are in", Duration::from_secs(5), || {
        let sink = smtp.clone();
        async move { sink.in_flight() == 0 }
    })
    .await;

    let copies = smtp.copies();
    let doubles: usize = recipients
        .iter()
        .map(|r| {
            let copies = copies.get(r).copied().unwrap_or(0);
            assert!(copies >= 1, "{r} got nothing");
            copies - 1
        })
        .sum();
    assert!(
        doubles <= CONNECTIONS,
        "{doubles} mails went twice, with {CONNECTIONS} connections ({under_way} messages under way at the kill)"
    );
}

#[tokio::test]
async fn a_restarted_instance_takes_back_its_mail_at_once_and_sends_twice_only_what_was_under_way()
{
    // The lease is a minute: finishing well inside it shows the claims
    // were taken back at the start, not waited out.
    kill_and_restart("crash-test", 60, Duration::from_secs(30)).await;
}

#[tokio::test]
async fn the_mail_of_an_instance_that_is_gone_is_taken_over_once_its_short_lease_runs_out() {
    // Another instance: the dead one's claims last until their lease (3 s)
    // runs out, unrenewed, and are then taken over. (On SQLite, where one
    // server serves a database, any server takes them back at its start.)
    kill_and_restart("another-instance", 3, Duration::from_secs(30)).await;
}
