//! Starting a mailing happens once per form: the same form sent again (a
//! double click, a retry after no answer, the back button) leads to the
//! mailing it started, and a release goes again to people who received it
//! only when the coordinator says so.

use diesel::prelude::*;
use undersigned::db::schema::{mailings, outbox};

use crate::support::app::TestApp;
use crate::support::coordinators::{COALITION_SLUG, Session, location};
use crate::support::pages::hidden;
use crate::support::press::{create_release, press_app};

const REPORTERS: usize = 3;

/// The send form of `release` for contacts tagged "press", as shown.
async fn send_form(owner: &Session, release: &str) -> String {
    let (status, page) = owner.page(&format!("{release}/send?tag=press")).await;
    assert_eq!(status, 200);
    page
}

async fn post_send(owner: &Session, release: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![("tag", "press"), ("when", "now")];
    form.extend_from_slice(fields);
    owner.post(&format!("{release}/send"), &form).await
}

async fn counts(app: &TestApp) -> (i64, i64) {
    app.with_conn(|c| {
        let started = mailings::table.count().get_result(c).expect("mailings");
        let mails = outbox::table
            .filter(outbox::mailing_id.is_not_null())
            .count()
            .get_result(c)
            .expect("mails");
        (started, mails)
    })
    .await
}

#[tokio::test]
async fn the_same_send_form_posted_twice_starts_one_mailing_and_leads_to_it() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    app.add_reporters(REPORTERS).await;
    let release = create_release(&owner, "Water is a right", "").await;
    let page = send_form(&owner, &release).await;
    let key = hidden(&page, "start_key").expect("the form's one-time key");

    // Act: a double click, then the back button and the same form again.
    let fields = [("start_key", key.as_str())];
    let (first, second) = tokio::join!(
        post_send(&owner, &release, &fields),
        post_send(&owner, &release, &fields),
    );
    let third = post_send(&owner, &release, &fields).await;

    // Assert
    for response in [&first, &second, &third] {
        assert_eq!(response.status(), 303);
    }
    assert_eq!(location(&first), location(&second));
    assert_eq!(location(&first), location(&third));
    assert_eq!(counts(&app).await, (1, REPORTERS as i64));
}

#[tokio::test]
async fn a_release_goes_again_to_those_who_received_it_only_when_asked() {
    // Arrange: sent once to the tag.
    let (app, owner) = press_app(None, |_| {}).await;
    app.add_reporters(REPORTERS).await;
    let release = create_release(&owner, "Water is a right", "").await;
    let key = hidden(&send_form(&owner, &release).await, "start_key").expect("key");
    assert_eq!(
        post_send(&owner, &release, &[("start_key", &key)])
            .await
            .status(),
        303
    );

    // Act: a new form for the same audience, sent without saying "again".
    let page = send_form(&owner, &release).await;
    let fresh = hidden(&page, "start_key").expect("a new key");
    let refused = post_send(&owner, &release, &[("start_key", &fresh)]).await;
    let (status, refusal) = (refused.status(), refused.text().await.expect("body"));

    // Assert: nothing new started, and the form says why beside the box.
    assert_ne!(fresh, key);
    assert!(page.contains("name=\"again\""), "{page}");
    assert_eq!(status, 422);
    assert!(
        crate::support::pages::text_of(&refusal).contains(
            "3 of these recipients already received this release. Tick \"Send it again\""
        ),
        "{refusal}"
    );
    assert_eq!(counts(&app).await, (1, REPORTERS as i64));

    // Act: the same form, with "send it again" ticked.
    let again = post_send(&owner, &release, &[("start_key", &fresh), ("again", "yes")]).await;

    // Assert
    assert_eq!(again.status(), 303);
    assert_eq!(counts(&app).await, (2, 2 * REPORTERS as i64));
}

#[tokio::test]
async fn the_same_update_form_posted_twice_starts_one_mailing() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    app.add_reporters(REPORTERS).await;
    let statement = app
        .create_statement(
            &owner,
            COALITION_SLUG,
            "Water is a right",
            "en",
            "We call on…",
        )
        .await;
    let path = format!("/c/{COALITION_SLUG}/statements/{statement}/update");
    let (_, page) = owner.page(&format!("{path}?tag=press")).await;
    let key = hidden(&page, "start_key").expect("the form's one-time key");
    let form = [
        ("subject", "Our statement is published"),
        ("body", "Thank you for **signing**."),
        ("tag", "press"),
        ("when", "now"),
        ("action", "send"),
        ("start_key", key.as_str()),
    ];

    // Act
    let (first, second) = tokio::join!(owner.post(&path, &form), owner.post(&path, &form));

    // Assert
    assert_eq!(
        (first.status().as_u16(), second.status().as_u16()),
        (303, 303)
    );
    assert_eq!(location(&first), location(&second));
    assert_eq!(counts(&app).await, (1, REPORTERS as i64));
}
