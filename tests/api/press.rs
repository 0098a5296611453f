//! Press releases and mailings: the structured release and its revisions,
//! previews and test sends, audiences with suppression, embargo marks and
//! the web version, one-click unsubscribe, bounces, pause/resume/cancel,
//! schedules, a restart in the middle of a send, and updates to signatories.

use chrono::Timelike;
use diesel::prelude::*;
use undersigned::db::schema::{contacts, outbox};

use undersigned::coalitions::Role;

use crate::support::app::{Options, eventually, spawn_app, spawn_app_with};
use crate::support::coordinators::{COALITION_SLUG, OWNER_EMAIL, OWNER_NAME, PASSWORD, location};
use crate::support::mailbox::header;
use crate::support::mailbox::{html_part, text_part};
use crate::support::press::{
    Contact, JOE, WAIT, create_release, press_app, release_form, send_to_tag,
};
use crate::support::signatures::organization;
use crate::support::smtp::mails_for;
use crate::support::smtp::{Script, TestSmtp};

const PRESS: &str = "/c/clean-water-coalition/press";
/// A count of mails as the database gives it.
fn count(mails: usize) -> i64 {
    i64::try_from(mails).expect("a small count")
}

#[tokio::test]
async fn a_release_keeps_each_revision_and_shows_it() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    let release = create_release(&owner, "212 organizations call water a right", "").await;

    // Act
    let mut edited = release_form("213 organizations call water a right", "");
    edited.push(("note", "one more signatory"));
    let saved = owner.post(&format!("{release}/edit"), &edited).await;
    let (_, overview) = owner.page(&release).await;
    let (_, first) = owner.page(&format!("{release}/revisions/1")).await;

    // Assert
    assert_eq!(saved.status(), 303);
    assert!(overview.contains("Revision 2"), "{overview}");
    assert!(overview.contains("one more signatory"));
    assert!(overview.contains("213 organizations call water a right"));
    assert!(first.contains("212 organizations call water a right"));
    let (_, second) = owner.page(&format!("{release}/revisions/2")).await;
    assert!(second.contains("Changes since revision 1"), "{second}");
    assert!(
        second.contains("<del>212</del>") || second.contains("212</del>"),
        "the diff shows the change"
    );
    assert!(
        crate::support::pages::text_of(&overview)
            .contains("Ana Núñez | +52 55 1234 5678 | ana@coalition.example")
    );
    assert!(
        overview.contains("href=\"tel:+525512345678\""),
        "{overview}"
    );
    assert!(
        overview.contains("href=\"mailto:ana@coalition.example\""),
        "{overview}"
    );
    drop(app);
}

#[tokio::test]
async fn a_bad_release_form_says_what_is_wrong_beside_each_field_and_stores_nothing() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    let mut form = release_form("", "2026-11-24T09:00");
    form.retain(|(k, _)| *k != "contacts" && *k != "embargo_zone");
    form.push(("contacts", "Ana Núñez | not an address"));
    form.push(("embargo_zone", "Mars/Olympus"));

    // Act
    let response = owner.post(&format!("{PRESS}/new"), &form).await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 422);
    assert!(page.contains("id=\"headline-error\""), "{page}");
    assert!(page.contains("id=\"contacts-error\""));
    assert!(page.contains("Line 1 should read Name | phone | email"));
    assert!(page.contains("id=\"embargo_zone-error\""));
    assert!(
        page.contains("Ana Núñez | not an address"),
        "what was typed is kept"
    );
    let releases: i64 = app
        .with_conn(|c| {
            undersigned::db::schema::press_releases::table
                .count()
                .get_result(c)
                .expect("count")
        })
        .await;
    assert_eq!(releases, 0);
}

#[tokio::test]
async fn a_test_send_reaches_only_the_coordinator_marked_as_a_test() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    app.add_contacts(&[JOE]).await;
    let release = create_release(&owner, "Water is a right", "2099-01-01T09:00").await;

    // Act
    let response = owner.post(&format!("{release}/test"), &[]).await;

    // Assert
    assert_eq!(response.status(), 303);
    let mine = app.mails_to(OWNER_EMAIL).await;
    assert_eq!(mine.len(), 1);
    assert!(
        mine[0].contains(&format!("Dear {OWNER_NAME},")),
        "{}",
        mine[0]
    );
    let (_, preview) = owner.page(&format!("{release}/mail")).await;
    assert!(
        preview.contains("EMBARGOED UNTIL 1 January 2099"),
        "the preview shows the subject"
    );
    let frame = owner.get(&format!("{release}/mail.html")).await;
    let policy = frame.headers()["content-security-policy"]
        .to_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        policy.starts_with("sandbox"),
        "the HTML part runs nothing: {policy}"
    );
    assert!(
        frame
            .text()
            .await
            .expect("html")
            .contains("Water is a right")
    );
    assert!(mine[0].contains("EMBARGOED UNTIL 1 January 2099, 09:00 CET (Europe/Berlin)"));
    assert!(
        app.mails_to("joe@news.example").await.is_empty(),
        "no contact is mailed by a test"
    );
}

#[tokio::test]
async fn the_send_page_counts_recipients_and_those_skipped_by_suppression() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    app.add_contacts(&[
        Contact {
            email: "a@news.example",
            name: "A",
            tags: &["press"],
        },
        Contact {
            email: "b@news.example",
            name: "B",
            tags: &["press", "tv"],
        },
        Contact {
            email: "Gone@News.example",
            name: "Gone",
            tags: &["press"],
        },
        Contact {
            email: "other@news.example",
            name: "Other",
            tags: &["radio"],
        },
        Contact {
            email: "bounced@news.example",
            name: "Bounced",
            tags: &["tv"],
        },
        Contact {
            email: "never@news.example",
            name: "Never",
            tags: &["press"],
        },
        // Kept from an old list, never deliverable.
        Contact {
            email: "desk at news.example",
            name: "Desk",
            tags: &["press"],
        },
    ])
    .await;
    let coalition = app.coalition_id().await;
    app.with_conn(move |c| {
        for (email, reason) in [
            (
                "gone@news.example",
                undersigned::suppressions::Reason::Unsubscribed,
            ),
            (
                "bounced@news.example",
                undersigned::suppressions::Reason::Bounced,
            ),
        ] {
            undersigned::suppressions::add(c, &coalition, email, reason, None).expect("suppressed");
        }
        // Marked do-not-contact by hand, never put on the suppression list.
        diesel::update(contacts::table.filter(contacts::email.eq("never@news.example")))
            .set(contacts::do_not_contact.eq(true))
            .execute(c)
            .expect("marked");
    })
    .await;
    let release = create_release(&owner, "Water is a right", "").await;

    // Act
    let (status, page) = owner
        .page(&format!("{release}/send?tag=press&tag=tv"))
        .await;

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("2 addresses will receive it."), "{page}");
    let text = crate::support::pages::text_of(&page);
    assert!(
        text.contains(
            "4 skipped because they unsubscribed, bounced, must not be contacted or are not valid addresses."
        ),
        "{text}"
    );
    assert!(
        text.contains("By reason: 1 unsubscribed, 1 bounced, 1 do-not-contact, 1 invalid address."),
        "{text}"
    );
    assert_eq!(
        app.mailing_rows("queued").await,
        0,
        "counting sends nothing"
    );
}

#[tokio::test]
async fn each_contact_gets_one_personal_well_formed_mail_with_the_embargo_marked() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    app.add_contacts(&[
        JOE,
        Contact {
            email: "ana@radio.example",
            name: "Ana Locutora",
            tags: &["press"],
        },
    ])
    .await;
    let release = create_release(&owner, "Water is a right", "2099-01-01T09:00").await;

    // Act
    let mailing = send_to_tag(&owner, &release, "press").await;
    app.wait_for_mailings().await;

    // Assert
    let mails = mails_for(&smtp, "joe@news.example");
    assert_eq!(mails.len(), 1, "one mail for Joe");
    let eml = &mails[0];
    assert!(
        header(eml, "Subject").is_some_and(|s| s.contains("EMBARGOED UNTIL 1 January 2099")),
        "{eml}"
    );
    assert!(eml.contains("multipart/alternative"));
    let unsubscribe = header(eml, "List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        unsubscribe.starts_with(&format!("<{}/u/", app.address)),
        "{unsubscribe}"
    );
    assert_eq!(
        header(eml, "List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    let text = text_part(eml).expect("a text part");
    let html = html_part(eml).expect("an HTML part");
    assert!(
        text.starts_with("EMBARGOED UNTIL 1 January 2099, 09:00 CET (Europe/Berlin)\r\n"),
        "{text}"
    );
    assert!(
        !text.contains("](")
            && !text
                .lines()
                .any(|l| l.starts_with("# ") || l.starts_with("## "))
            && text.contains("Water is a right\r\n===="),
        "no Markdown syntax in the text part: {text}"
    );
    assert!(
        text.lines()
            .all(|line| line.chars().count() <= 78 || line.contains("http")),
        "lines wrapped for mail readers: {text}"
    );
    let at = |words: &str| {
        text.find(words)
            .unwrap_or_else(|| panic!("{words} in {text}"))
    };
    assert!(
        at("Media contacts\r\nAna Núñez | +52 55 1234 5678 | ana@coalition.example")
            < at("Water is a right"),
        "the media contacts come first, one per line: {text}"
    );
    assert!(
        text.contains("MEXICO CITY, 24 November 2026 — Today"),
        "the dateline runs into the first paragraph: {text}"
    );
    assert!(
        at("\r\n###\r\n") > at("About Clean Water Coalition"),
        "{text}"
    );
    assert!(
        html.contains("<a href=\"tel:+525512345678\"")
            && html.contains("mailto:ana@coalition.example"),
        "{html}"
    );
    assert!(html.contains("EMBARGOED UNTIL 1 January 2099"));
    assert!(text.contains("Dear Joe Reporter,"));
    assert!(
        html.contains("<blockquote>"),
        "the body's Markdown is rendered: {html}"
    );
    assert!(text.contains("Unsubscribe"));
    assert!(!text.contains("FOR IMMEDIATE RELEASE"));
    assert_eq!(mails_for(&smtp, "ana@radio.example").len(), 1);
    let (_, log) = owner.page(&mailing).await;
    assert!(log.contains("joe@news.example"));
    assert!(
        log.contains("250"),
        "the server's answer is in the log: {log}"
    );
    let csv = owner
        .get(&format!("{mailing}/log.csv"))
        .await
        .text()
        .await
        .expect("csv");
    assert!(
        csv.lines()
            .any(|l| l.starts_with("joe@news.example,Joe Reporter,Sent,1,")),
        "{csv}"
    );
}

#[tokio::test]
async fn a_release_sent_after_its_embargo_is_for_immediate_release() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    app.add_contacts(&[JOE]).await;
    let release = create_release(&owner, "Water is a right", "2020-01-01T09:00").await;

    // Act
    send_to_tag(&owner, &release, "press").await;
    app.wait_for_mailings().await;

    // Assert
    let eml = &mails_for(&smtp, "joe@news.example")[0];
    let text = text_part(eml).expect("text");
    assert!(text.starts_with("FOR IMMEDIATE RELEASE\r\n"), "{text}");
    assert!(!eml.contains("EMBARGOED"));
}

#[tokio::test]
async fn sending_a_release_again_warns_how_many_already_received_it() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    app.add_contacts(&[
        JOE,
        Contact {
            email: "ana@radio.example",
            name: "Ana",
            tags: &["press", "radio"],
        },
        Contact {
            email: "ben@radio.example",
            name: "Ben",
            tags: &["radio"],
        },
    ])
    .await;
    let release = create_release(&owner, "Water is a right", "").await;
    let (_, before) = owner.page(&format!("{release}/send?tag=radio")).await;

    // Act
    send_to_tag(&owner, &release, "press").await;
    app.wait_for_mailings().await;
    let (status, again) = owner.page(&format!("{release}/send?tag=radio")).await;

    let ana = app
        .with_conn(|c| {
            contacts::table
                .filter(contacts::email.eq("ana@radio.example"))
                .select(contacts::id)
                .first::<String>(c)
                .expect("Ana")
        })
        .await;
    let (_, contact_page) = owner
        .page(&format!("/c/{COALITION_SLUG}/contacts/{ana}"))
        .await;

    // Assert
    let history = crate::support::pages::text_of(&contact_page);
    assert!(
        history.contains("Mailings received") && history.contains("Water is a right Sent"),
        "the contact's page lists the release and its delivery: {history}"
    );
    assert!(!before.contains("already received"), "{before}");
    assert_eq!(status, 200);
    assert!(
        crate::support::pages::text_of(&again)
            .contains("One recipient of this audience already received this release"),
        "{again}"
    );
}

#[tokio::test]
async fn the_web_version_appears_only_once_sent_and_the_embargo_has_lifted() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    app.add_contacts(&[JOE]).await;
    let release = create_release(&owner, "Water is a right", "2099-01-01T09:00").await;
    let slug = "/press/water-is-a-right";
    let before_sending = app.get(slug).await.status();
    send_to_tag(&owner, &release, "press").await;

    // Act
    let during_embargo = app.get(slug).await.status();
    let lifted = owner
        .post(
            &format!("{release}/edit"),
            &release_form("Water is a right", "2020-01-01T09:00"),
        )
        .await;
    let after = app.get(slug).await;

    // Assert
    assert_eq!(before_sending, 404);
    assert_eq!(during_embargo, 404, "hidden while embargoed");
    assert_eq!(lifted.status(), 303);
    assert_eq!(after.status(), 200);
    let page = after.text().await.expect("body");
    assert!(page.contains("Water is a right"));
    assert!(page.contains("<blockquote>"));
}

#[tokio::test]
async fn a_one_click_post_unsubscribes_a_get_does_not_and_later_mailings_skip_the_address() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    app.add_contacts(&[
        JOE,
        Contact {
            email: "ana@radio.example",
            name: "Ana",
            tags: &["press"],
        },
    ])
    .await;
    let first = create_release(&owner, "First release", "").await;
    send_to_tag(&owner, &first, "press").await;
    app.wait_for_mailings().await;
    let eml = mails_for(&smtp, "joe@news.example").remove(0);
    let url = header(&eml, "List-Unsubscribe")
        .expect("header")
        .trim_matches(['<', '>'])
        .to_owned();

    // Act
    let shown = reqwest::get(&url).await.expect("GET");
    let after_get = app.suppression_reason("joe@news.example").await;
    let posted = reqwest::Client::new()
        .post(&url)
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .expect("POST");
    let second = create_release(&owner, "Second release", "").await;
    send_to_tag(&owner, &second, "press").await;
    app.wait_for_mailings().await;

    // Assert
    assert_eq!(shown.status(), 200);
    assert_eq!(after_get, None, "a GET changes nothing");
    assert_eq!(posted.status(), 200);
    assert_eq!(
        app.suppression_reason("joe@news.example").await.as_deref(),
        Some("unsubscribed")
    );
    assert_eq!(
        mails_for(&smtp, "joe@news.example").len(),
        1,
        "no second release for Joe"
    );
    assert_eq!(mails_for(&smtp, "ana@radio.example").len(), 2);
}

#[tokio::test]
async fn a_5xx_at_rcpt_bounces_and_suppresses_the_address() {
    // Arrange
    let smtp = TestSmtp::start();
    smtp.script("gone@news.example", Script::Reject);
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    app.add_contacts(&[
        Contact {
            email: "gone@news.example",
            name: "Gone",
            tags: &["press"],
        },
        JOE,
    ])
    .await;
    let release = create_release(&owner, "Water is a right", "").await;

    // Act
    let mailing = send_to_tag(&owner, &release, "press").await;
    app.wait_for_mailings().await;
    let again = create_release(&owner, "Another release", "").await;
    send_to_tag(&owner, &again, "press").await;
    app.wait_for_mailings().await;

    // Assert
    assert_eq!(
        app.suppression_reason("gone@news.example").await.as_deref(),
        Some("bounced")
    );
    let (_, log) = owner.page(&mailing).await;
    assert!(log.contains("Bounced (address suppressed)"), "{log}");
    assert!(log.contains("550"));
    assert_eq!(
        smtp.rcpt_attempts("gone@news.example"),
        1,
        "never tried again"
    );
    assert_eq!(mails_for(&smtp, "joe@news.example").len(), 2);
}

#[tokio::test]
async fn a_send_interrupted_by_a_restart_mails_every_address_exactly_once() {
    // Arrange: the mail server answers ten messages and holds the next.
    let smtp = TestSmtp::start();
    smtp.hold_after(10);
    let (app, owner) = press_app(Some(smtp.clone()), |s| s.mail_rate_per_second = 40).await;
    let addresses = app.add_reporters(120).await;
    let release = create_release(&owner, "Water is a right", "").await;
    send_to_tag(&owner, &release, "press").await;
    eventually("ten answered and the next held", WAIT, || async {
        smtp.received_count() == 10 && smtp.in_flight() > 0
    })
    .await;

    // Act: the mail worker stops mid-send, as at a SIGTERM, and finishes
    // the messages in flight once the server answers; then the app starts
    // again on the same database.
    app.stop_background();
    smtp.release();
    let (db, data_dir, _) = app.stop().await;
    let before_restart = smtp.received_count();
    let app = spawn_app_with(Options {
        smtp: Some(smtp.clone()),
        db: Some(db),
        data_dir: Some(data_dir),
    })
    .await;
    app.wait_for_mailings().await;

    // Assert
    assert!(
        before_restart > 10 && before_restart < 120,
        "the restart came mid-send ({before_restart})"
    );
    for address in &addresses {
        assert_eq!(mails_for(&smtp, address).len(), 1, "{address} mailed once");
    }
}

#[tokio::test]
async fn pausing_holds_the_rest_resuming_sends_it_and_cancelling_drops_it() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |s| s.mail_rate_per_second = 10).await;
    let addresses = app.add_reporters(60).await;
    let release = create_release(&owner, "Water is a right", "").await;
    let mailing = send_to_tag(&owner, &release, "press").await;
    eventually("sending starts", WAIT, || async {
        smtp.received_count() > 0
    })
    .await;

    // Act: pause
    assert_eq!(
        owner.post(&format!("{mailing}/pause"), &[]).await.status(),
        303
    );
    app.wait_for_the_worker_to_let_go().await;
    let paused_at = smtp.received_count();
    let held = app.mailing_rows("held").await;

    // Assert: what is not sent is held, where the worker does not take it
    assert!(held > 0, "the rest is held");
    assert_eq!(app.mailing_rows("sent").await, count(paused_at));
    assert_eq!(count(paused_at) + held, count(addresses.len()));
    let (_, page) = owner.page(&mailing).await;
    assert!(page.contains("Paused"));
    assert_eq!(
        smtp.received_count(),
        paused_at,
        "nothing sent while paused"
    );

    // Act: resume
    assert_eq!(
        owner.post(&format!("{mailing}/resume"), &[]).await.status(),
        303
    );

    // Assert: sending goes on
    eventually("resuming sends more", WAIT, || async {
        smtp.received_count() > paused_at
    })
    .await;

    // Act: cancel
    assert_eq!(
        owner.post(&format!("{mailing}/cancel"), &[]).await.status(),
        303
    );
    app.wait_for_the_worker_to_let_go().await;
    let after_cancel = smtp.received_count();

    // Assert: the rest never goes, since none of it is left to send
    let cancelled = app.mailing_rows("cancelled").await;
    assert!(cancelled > 0, "the rest is cancelled");
    assert_eq!(app.mailing_rows("sent").await, count(after_cancel));
    assert_eq!(count(after_cancel) + cancelled, count(addresses.len()));
    assert!(after_cancel < addresses.len());
    for address in &addresses {
        assert!(mails_for(&smtp, address).len() <= 1);
    }
}

#[tokio::test]
async fn a_scheduled_mailing_waits_for_its_time() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |s| s.jobs_tick_ms = 100).await;
    app.add_contacts(&[JOE]).await;
    let release = create_release(&owner, "Water is a right", "").await;
    let at = (chrono::Utc::now() + chrono::Duration::seconds(2))
        .naive_utc()
        .with_nanosecond(0)
        .expect("a whole second");

    // Act
    let response = owner
        .post(
            &format!("{release}/send"),
            &[
                ("tag", "press"),
                ("when", "at"),
                ("send_at", &at.format("%Y-%m-%dT%H:%M:%S").to_string()),
                ("send_zone", "UTC"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    eventually("the mailing is sent", WAIT, || async {
        smtp.count_for("joe@news.example") == 1
    })
    .await;
    app.wait_for_mailings().await;

    // Assert
    let (written, sent) = app
        .with_conn(|c| {
            outbox::table
                .filter(outbox::recipient.eq("joe@news.example"))
                .select((outbox::created_at, outbox::sent_at))
                .first::<(chrono::NaiveDateTime, Option<chrono::NaiveDateTime>)>(c)
                .expect("the mailing's row")
        })
        .await;
    assert!(
        written >= at,
        "nothing is written before its time ({written} < {at})"
    );
    assert!(sent.is_some_and(|sent| sent >= at), "sent at {sent:?}");
    assert_eq!(mails_for(&smtp, "joe@news.example").len(), 1);
    let (_, page) = owner.page(&location(&response)).await;
    assert!(page.contains("Sent"), "{page}");
}

#[tokio::test]
async fn an_update_reaches_the_confirmed_signatories_only() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    let statement = app
        .create_statement(
            &owner,
            COALITION_SLUG,
            "Water is a right",
            "en",
            "We call on…",
        )
        .await;
    let confirmed = organization("Agua Viva", Some("MX"));
    let mut pending = organization("Not Yet", Some("MX"));
    pending.status = undersigned::signatures::Status::PendingEmail;
    pending.confirmed_at = None;
    let (to, not_to) = (confirmed.email.clone(), pending.email.clone());
    app.add_signatures(&statement, vec![confirmed, pending])
        .await;
    let path = format!("/c/{COALITION_SLUG}/statements/{statement}/update");

    // Act
    let response = owner
        .post(
            &path,
            &[
                ("subject", "Our statement is published"),
                ("body", "Thank you for **signing**."),
                ("signatories", &statement),
                ("when", "now"),
                ("action", "send"),
            ],
        )
        .await;
    app.wait_for_mailings().await;

    // Assert
    assert_eq!(response.status(), 303);
    let mails = mails_for(&smtp, &to);
    assert_eq!(mails.len(), 1);
    let text = text_part(&mails[0]).expect("text");
    assert!(text.contains("Thank you for signing."), "{text}");
    assert!(header(&mails[0], "List-Unsubscribe").is_some());
    assert!(
        mails_for(&smtp, &not_to).is_empty(),
        "an unconfirmed signature is not mailed"
    );
}

#[tokio::test]
async fn another_coalitions_coordinator_cannot_see_or_send_a_release() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let release = create_release(&owner, "Water is a right", "").await;
    app.add_coordinator(
        "Sam",
        "sam@other.example",
        Some(PASSWORD),
        "Other Coalition",
        Role::Owner,
    )
    .await;
    let stranger = app.login("sam@other.example", PASSWORD).await;

    // Act
    let (seen, _) = stranger.page(&release).await;
    let sent = stranger
        .post(
            &format!("{release}/send"),
            &[("tag", "press"), ("when", "now")],
        )
        .await;

    // Assert
    assert!(seen == 403 || seen == 404, "{seen}");
    assert!(sent.status() == 403 || sent.status() == 404);
}
