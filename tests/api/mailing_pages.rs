//! A mailing's page as its script keeps it current (the lines of the log
//! and the buttons), and the mailings table naming each audience.
//!
//! Every request here is sent once: a 500 fails the test.

use diesel::prelude::*;
use serde_json::Value;
use undersigned::db::schema::{coalitions, mailings, outbox};
use undersigned::i18n::{Lang, local_time};

use crate::support::app::TestApp;
use crate::support::coordinators::{COALITION_SLUG, Session, location};
use crate::support::press::{Contact, JOE, press_app, release_form};
use crate::support::smtp::{Script, TestSmtp};

const PRESS: &str = "/c/clean-water-coalition/press";
const ZONE: chrono_tz::Tz = chrono_tz::Tz::America__Mexico_City;

async fn get_once(session: &Session, path: &str) -> reqwest::Response {
    session
        .client
        .get(format!("{}{path}", session.address))
        .send()
        .await
        .expect("request sent")
}

async fn page_once(session: &Session, path: &str) -> String {
    let response = get_once(session, path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    response.text().await.expect("body")
}

async fn json_once(session: &Session, path: &str) -> Value {
    let response = get_once(session, path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    serde_json::from_str(&response.text().await.expect("body")).expect("JSON")
}

/// A form POST with the session's CSRF token, expected to redirect;
/// returns where to.
async fn post_once(session: &Session, path: &str, form: &[(&str, &str)]) -> String {
    let mut fields = form.to_vec();
    fields.push(("csrf", &session.csrf));
    let response = session
        .client
        .post(format!("{}{path}", session.address))
        .form(&fields)
        .send()
        .await
        .expect("request sent");
    assert_eq!(response.status(), 303, "POST {path}");
    location(&response)
}

async fn new_release(owner: &Session) -> String {
    post_once(
        owner,
        &format!("{PRESS}/new"),
        &release_form("Water is a right", ""),
    )
    .await
}

/// A mailing of a new release to `audience`, for a time far ahead: it
/// stays scheduled. Returns the mailing's path.
async fn schedule(owner: &Session, audience: &[(&str, &str)]) -> String {
    let release = new_release(owner).await;
    let mut form = audience.to_vec();
    form.extend([
        ("when", "at"),
        ("send_at", "2099-01-01T09:00"),
        ("send_zone", "UTC"),
    ]);
    post_once(owner, &format!("{release}/send"), &form).await
}

async fn set_coalition_zone(app: &TestApp, zone: chrono_tz::Tz) {
    app.with_conn(move |c| {
        diesel::update(coalitions::table.filter(coalitions::slug.eq(COALITION_SLUG)))
            .set(coalitions::time_zone.eq(zone.name()))
            .execute(c)
            .expect("zone set")
    })
    .await;
}

async fn sent_at(app: &TestApp, recipient: &str) -> chrono::NaiveDateTime {
    let recipient = recipient.to_owned();
    app.with_conn(move |c| {
        outbox::table
            .filter(outbox::recipient.eq(recipient))
            .filter(outbox::mailing_id.is_not_null())
            .select(outbox::sent_at)
            .first::<Option<chrono::NaiveDateTime>>(c)
            .expect("the delivery")
            .expect("a sending time")
    })
    .await
}

/// The text of the cell `name` in the log row of `recipient`.
fn cell<'a>(page: &'a str, recipient: &str, name: &str) -> &'a str {
    let row = format!("<tr data-recipient=\"{recipient}\">");
    let row = &page[page
        .find(&row)
        .unwrap_or_else(|| panic!("a row for {recipient}: {page}"))..];
    let row = &row[..row.find("</tr>").expect("the row ends")];
    let open = format!("data-cell=\"{name}\">");
    let start = row
        .find(&open)
        .unwrap_or_else(|| panic!("a {name} cell: {row}"))
        + open.len();
    &row[start..start + row[start..].find("</td>").expect("the cell ends")]
}

fn line<'a>(json: &'a Value, recipient: &str) -> &'a Value {
    json["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["recipient"] == recipient)
        .unwrap_or_else(|| panic!("a line for {recipient}: {json}"))
}

/// Maud writes `"`, `<`, `>` and `&` as entities; the assertions read text.
fn text(page: &str) -> String {
    page.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn the_progress_json_carries_the_pages_log_lines_as_the_table_shows_them() {
    // Arrange
    let smtp = TestSmtp::start();
    smtp.script("gone@news.example", Script::Reject);
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    set_coalition_zone(&app, ZONE).await;
    app.add_contacts(&[
        Contact {
            email: "gone@news.example",
            name: "Gone",
            tags: &["press"],
        },
        JOE,
    ])
    .await;
    let release = new_release(&owner).await;
    let mailing = post_once(
        &owner,
        &format!("{release}/send"),
        &[("tag", "press"), ("when", "now")],
    )
    .await;

    // Act
    app.wait_for_mailings().await;
    let progress = json_once(&owner, &format!("{mailing}/progress")).await;
    let page = page_once(&owner, &mailing).await;
    let second_page = json_once(
        &owner,
        &format!("{mailing}/progress?after=gone%40news.example"),
    )
    .await;

    // Assert
    let at = sent_at(&app, "joe@news.example").await;
    let joe = line(&progress, "joe@news.example");
    assert_eq!(joe["state"], "sent");
    assert_eq!(joe["state_label"], "Sent");
    assert_eq!(joe["attempts"], 1);
    assert_eq!(joe["sent_at"], local_time::date_time(Lang::En, ZONE, at));
    let gone = line(&progress, "gone@news.example");
    assert_eq!(gone["state"], "bounced");
    assert_eq!(gone["state_label"], "Bounced (address suppressed)");
    assert!(
        gone["reply"].as_str().is_some_and(|r| r.contains("550")),
        "{gone}"
    );
    assert_eq!(gone["sent_at"], "");
    for (recipient, json) in [("joe@news.example", joe), ("gone@news.example", gone)] {
        for name in ["state_label", "reply", "sent_at"] {
            assert_eq!(
                text(cell(&page, recipient, name)),
                json[name].as_str().expect("text"),
                "{recipient}'s {name} reads the same on the page"
            );
        }
        assert_eq!(
            cell(&page, recipient, "attempts"),
            json["attempts"].to_string()
        );
    }
    let later: Vec<&str> = second_page["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["recipient"].as_str())
        .collect();
    assert_eq!(later, ["joe@news.example"], "only the lines of that page");
    assert_eq!(progress["active"], false);
    assert_eq!(progress["open"], false);
}

#[tokio::test]
async fn the_progress_json_labels_and_times_lines_in_the_coordinators_language() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp), |_| {}).await;
    set_coalition_zone(&app, ZONE).await;
    app.add_contacts(&[JOE]).await;
    let release = new_release(&owner).await;
    let mailing = post_once(
        &owner,
        &format!("{release}/send"),
        &[("tag", "press"), ("when", "now")],
    )
    .await;
    app.wait_for_mailings().await;

    // Act
    post_once(&owner, "/account/language", &[("language", "es")]).await;
    let progress = json_once(&owner, &format!("{mailing}/progress")).await;

    // Assert
    let at = sent_at(&app, "joe@news.example").await;
    let joe = line(&progress, "joe@news.example");
    assert_eq!(joe["state_label"], "Enviado");
    assert_eq!(joe["sent_at"], local_time::date_time(Lang::Es, ZONE, at));
}

/// Sends a new release now to the reporters; returns the mailing's path.
async fn send_now(owner: &Session) -> String {
    let release = new_release(owner).await;
    let form = [("tag", "press"), ("when", "now")];
    post_once(owner, &format!("{release}/send"), &form).await
}

async fn set_mailing_status(app: &TestApp, path: &str, status: &'static str) {
    let id = path.rsplit('/').next().expect("a mailing id").to_owned();
    app.with_conn(move |c| {
        diesel::update(mailings::table.find(id))
            .set(mailings::status.eq(status))
            .execute(c)
            .expect("status set")
    })
    .await;
}

#[tokio::test]
async fn only_a_mailing_with_something_left_offers_to_pause_resume_or_cancel() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp), |_| {}).await;
    app.add_reporters(2).await;
    let scheduled = schedule(&owner, &[("tag", "press")]).await;
    let cancelled = schedule(&owner, &[("tag", "press")]).await;
    post_once(&owner, &format!("{cancelled}/cancel"), &[]).await;
    let finished = send_now(&owner).await;
    let paused_too_late = send_now(&owner).await;
    app.wait_for_mailings().await;
    // A pause that lands after the last mail went: nothing is left to
    // resume or cancel, and the mailing reads as sent.
    set_mailing_status(&app, &paused_too_late, "paused").await;

    // Act
    let waiting_page = page_once(&owner, &scheduled).await;
    let waiting = json_once(&owner, &format!("{scheduled}/progress")).await;
    let mut closed = Vec::new();
    for path in [&finished, &cancelled, &paused_too_late] {
        let page = page_once(&owner, path).await;
        let json = json_once(&owner, &format!("{path}/progress")).await;
        closed.push((path, page, json));
    }

    // Assert
    assert!(
        waiting_page.contains(&format!("action=\"{scheduled}/cancel\"")),
        "a scheduled mailing can be cancelled: {waiting_page}"
    );
    assert!(
        waiting_page.contains("id=\"mailing-controls\""),
        "{waiting_page}"
    );
    assert_eq!(waiting["open"], true);
    for (path, page, json) in &closed {
        for control in ["pause", "resume", "cancel"] {
            assert!(
                !page.contains(&format!("action=\"{path}/{control}\"")),
                "no {control} on {path}: {page}"
            );
        }
        assert!(!page.contains("id=\"mailing-controls\""), "{page}");
        assert_eq!(json["open"], false, "{path}: {json}");
        assert_eq!(json["active"], false, "{path}: {json}");
    }
    let statuses: Vec<&Value> = closed.iter().map(|(_, _, json)| &json["status"]).collect();
    assert_eq!(statuses, ["sent", "cancelled", "sent"]);
}

#[tokio::test]
async fn the_mailings_tables_name_each_audience_and_mark_what_was_deleted() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    app.add_reporters(1).await;
    let list_path = post_once(
        &owner,
        &format!("/c/{COALITION_SLUG}/contacts/lists"),
        &[("name", "Water desks"), ("tags", "water")],
    )
    .await;
    let list = list_path.rsplit('/').next().expect("a list id").to_owned();
    let statement_path = post_once(
        &owner,
        &format!("/c/{COALITION_SLUG}/statements/new"),
        &[
            ("title", "Water for all"),
            ("language", "en"),
            ("body", "We call for clean water."),
        ],
    )
    .await;
    let statement = statement_path.rsplit('/').next().expect("a statement id");
    let release = new_release(&owner).await;
    let mailing = post_once(
        &owner,
        &format!("{release}/send"),
        &[
            ("list", list.as_str()),
            ("tag", "press"),
            ("signatories", statement),
            ("when", "at"),
            ("send_at", "2099-01-01T09:00"),
            ("send_zone", "UTC"),
        ],
    )
    .await;

    // Act
    let index = text(&page_once(&owner, PRESS).await);
    let overview = text(&page_once(&owner, &release).await);
    post_once(&owner, &format!("{list_path}/delete"), &[]).await;
    // Statements cannot be deleted from the pages; the table must still
    // cope with an id that no longer names one.
    let id = mailing.rsplit('/').next().expect("a mailing id").to_owned();
    app.with_conn(move |c| {
        let audience = format!(r#"{{"lists":["{list}"],"signatories_of":"no-longer-there"}}"#);
        diesel::update(mailings::table.find(id))
            .set(mailings::audience.eq(audience))
            .execute(c)
            .expect("audience changed")
    })
    .await;
    let deleted = text(&page_once(&owner, PRESS).await);
    post_once(&owner, "/account/language", &[("language", "es")]).await;
    let in_spanish = text(&page_once(&owner, &release).await);

    // Assert
    for page in [&index, &overview] {
        assert!(page.contains("<th>Audience</th>"), "{page}");
        assert!(
            page.contains("Lists: Water desks · Tags: press · Signatories of \"Water for all\""),
            "{page}"
        );
    }
    assert!(
        deleted.contains("Lists: (deleted list) · (deleted statement)"),
        "{deleted}"
    );
    assert!(in_spanish.contains("<th>Audiencia</th>"), "{in_spanish}");
    assert!(
        in_spanish.contains("Listas: (lista eliminada) · (declaración eliminada)"),
        "{in_spanish}"
    );
}
