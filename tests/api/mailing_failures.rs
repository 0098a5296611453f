//! A mailing that ended with failures says so, by reason, and sends again
//! what was given up, once, when asked; what was refused for good stays.

use std::time::Duration;

use crate::support::app::eventually;
use crate::support::pages::text_of;
use crate::support::press::{create_release, press_app, send_to_tag};
use crate::support::smtp::{Script, TestSmtp};

#[tokio::test]
async fn a_mailing_with_failures_reports_them_and_retrying_sends_the_given_up_once() {
    // Arrange: one reporter deferred once (given up at once), one refused.
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |s| {
        s.outbox_max_attempts = 1;
        s.jobs_tick_ms = 50;
    })
    .await;
    let reporters = app.add_reporters(3).await;
    smtp.script(&reporters[0], Script::DeferTimes(1));
    smtp.script(&reporters[1], Script::Reject);
    let release = create_release(&owner, "Water is a right", "").await;

    // Act
    let mailing = send_to_tag(&owner, &release, "press").await;
    eventually("the mailing ends", Duration::from_secs(20), || async {
        text_of(&owner.page(&mailing).await.1).contains("Sent, but 2 mails were not delivered")
    })
    .await;
    let page = text_of(&owner.page(&mailing).await.1);

    // Assert
    assert!(
        page.contains("1 refused for good by the receiving server")
            && page.contains("1 given up after the server kept deferring it")
            && page.contains("Send the mails given up again"),
        "{page}"
    );

    // Act: the cause is fixed; the given-up mail goes again, twice asked.
    assert_eq!(
        owner.post(&format!("{mailing}/retry"), &[]).await.status(),
        303
    );
    eventually(
        "the retried mail is delivered",
        Duration::from_secs(20),
        || async {
            smtp.count_for(&reporters[0]) == 1
                && text_of(&owner.page(&mailing).await.1)
                    .contains("Sent, but one mail was not delivered")
        },
    )
    .await;
    assert_eq!(
        owner.post(&format!("{mailing}/retry"), &[]).await.status(),
        303
    );
    app.wait_for_mailings().await;

    // Assert: once each, and the refused address left alone.
    assert_eq!(smtp.count_for(&reporters[0]), 1);
    assert_eq!(smtp.count_for(&reporters[1]), 0);
    assert_eq!(smtp.count_for(&reporters[2]), 1);
    let page = text_of(&owner.page(&mailing).await.1);
    assert!(!page.contains("Send the mails given up again"), "{page}");
}
