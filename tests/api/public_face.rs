//! A coalition as it appears to the outside: the sender name, reply
//! address and footer of its mail, its logo and website on its public
//! pages, and its newsroom with an Atom feed.

use diesel::prelude::*;
use undersigned::db::schema::{coalitions, press_releases};

use crate::support::coordinators::{COALITION_SLUG, Session, location};
use crate::support::mailbox::{header, html_part, text_part};
use crate::support::press::{JOE, create_release, press_app, release_form, send_to_tag};
use crate::support::smtp::{TestSmtp, mails_for};

const SETTINGS: &str = "/c/clean-water-coalition/settings";

/// A 64×32 PNG: the signature and the header chunk are all that is read.
const PNG: [u8; 33] = [
    0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0,
    64, 0, 0, 0, 32, 8, 6, 0, 0, 0, 0, 0, 0, 0,
];

async fn save_face(owner: &Session, fields: &[(&str, &str)]) -> reqwest::Response {
    owner.post(&format!("{SETTINGS}/face"), fields).await
}

async fn upload_logo(owner: &Session, bytes: &[u8]) -> reqwest::Response {
    owner
        .post_file(
            &format!("{SETTINGS}/logo"),
            "logo",
            ("logo.png", "image/png"),
            bytes,
        )
        .await
}

#[tokio::test]
async fn a_release_comes_from_the_coalitions_name_with_replies_to_its_press_contact_and_its_footer()
{
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    app.add_contacts(&[JOE]).await;
    let saved = save_face(
        &owner,
        &[
            ("sender_name", "Red Agua Limpia"),
            ("reply_to", ""),
            (
                "mail_footer",
                "Clean Water Coalition\r\nCalle 1, Ciudad de México",
            ),
            ("website", "cleanwater.example"),
        ],
    )
    .await;
    let release = create_release(&owner, "Water is a right", "").await;

    // Act
    send_to_tag(&owner, &release, "press").await;
    app.wait_for_mailings().await;

    // Assert
    assert_eq!(saved.status(), 303);
    let mails = mails_for(&smtp, "joe@news.example");
    assert_eq!(mails.len(), 1);
    let eml = &mails[0];
    // Kept for reading and for a spam filter's verdict (README, Mail).
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/mail-samples");
    std::fs::create_dir_all(&samples).expect("the samples folder");
    std::fs::write(samples.join("release.eml"), eml).expect("the sample is saved");
    let from = header(eml, "From").expect("From");
    assert!(
        from.starts_with("\"Red Agua Limpia\" <") || from.starts_with("Red Agua Limpia <"),
        "{from}"
    );
    assert!(
        from.ends_with("<statements@undersigned.test>"),
        "the address stays the server's own: {from}"
    );
    assert_eq!(
        header(eml, "Reply-To"),
        Some("ana@coalition.example"),
        "replies go to the first press contact"
    );
    let text = text_part(eml).expect("a text part");
    assert!(
        text.contains("Clean Water Coalition\r\nCalle 1, Ciudad de México"),
        "the footer, line by line: {text}"
    );
    let html = html_part(eml).expect("an HTML part");
    assert!(html.contains("Calle 1, Ciudad de México"), "{html}");
}

#[tokio::test]
async fn the_coalitions_reply_address_and_then_the_releases_own_take_the_replies() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    app.add_contacts(&[JOE]).await;
    save_face(&owner, &[("reply_to", "Prensa@CleanWater.example")]).await;
    let first = create_release(&owner, "First release", "").await;
    let mut own = release_form("Second release", "");
    own.push(("reply_to", "editor@cleanwater.example"));
    let second = owner.post("/c/clean-water-coalition/press/new", &own).await;
    let second = location(&second);

    // Act
    send_to_tag(&owner, &first, "press").await;
    send_to_tag(&owner, &second, "press").await;
    app.wait_for_mailings().await;

    // Assert
    let mails = mails_for(&smtp, "joe@news.example");
    let reply_to = |headline: &str| {
        let eml = mails
            .iter()
            .find(|m| header(m, "Subject").is_some_and(|s| s.contains(headline)))
            .unwrap_or_else(|| panic!("the mail of {headline}"));
        header(eml, "Reply-To").map(str::to_owned)
    };
    assert_eq!(
        reply_to("First release").as_deref(),
        Some("prensa@cleanwater.example")
    );
    assert_eq!(
        reply_to("Second release").as_deref(),
        Some("editor@cleanwater.example")
    );
}

#[tokio::test]
async fn bad_settings_are_named_beside_their_fields_and_nothing_is_stored() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;

    // Act
    let response = save_face(
        &owner,
        &[
            ("sender_name", "Red Agua"),
            ("reply_to", "prensa at cleanwater"),
            ("website", "javascript:alert(1)"),
        ],
    )
    .await;

    // Assert
    assert_eq!(response.status(), 422);
    let page = response.text().await.expect("body");
    assert!(page.contains("id=\"reply_to-error\""), "{page}");
    assert!(page.contains("id=\"website-error\""), "{page}");
    assert!(
        page.contains("prensa at cleanwater"),
        "what was typed is kept"
    );
    let stored: (String, String) = app
        .with_conn(|c| {
            coalitions::table
                .filter(coalitions::slug.eq(COALITION_SLUG))
                .select((coalitions::sender_name, coalitions::website))
                .first(c)
                .expect("the coalition")
        })
        .await;
    assert_eq!(stored, (String::new(), String::new()));
}

#[tokio::test]
async fn a_logo_is_shown_on_the_public_pages_and_served_as_the_picture_it_is() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    save_face(&owner, &[("website", "https://www.cleanwater.example/")]).await;

    // Act
    let uploaded = upload_logo(&owner, &PNG).await;
    let svg = upload_logo(
        &owner,
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    )
    .await;
    let large = upload_logo(&owner, &vec![0u8; 300 * 1024]).await;

    // Assert
    assert_eq!(uploaded.status(), 303);
    assert_eq!(svg.status(), 422, "an SVG may carry scripts");
    assert!(
        svg.text()
            .await
            .expect("body")
            .contains("id=\"logo-error\"")
    );
    assert_eq!(large.status(), 422);
    let newsroom = app.get("/newsroom/clean-water-coalition").await;
    assert_eq!(newsroom.status(), 200);
    let page = newsroom.text().await.expect("body");
    let src = page
        .split("img class=\"logo\" src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("a logo in {page}"))
        .to_owned();
    assert!(
        page.contains("href=\"https://www.cleanwater.example/\""),
        "{page}"
    );
    assert!(page.contains(">cleanwater.example<"), "{page}");
    let logo = app.get(&src).await;
    assert_eq!(logo.status(), 200);
    assert_eq!(logo.headers()["content-type"], "image/png");
    assert_eq!(logo.headers()["x-content-type-options"], "nosniff");
    assert_eq!(logo.bytes().await.expect("bytes").as_ref(), PNG.as_slice());
    let removed = owner.post(&format!("{SETTINGS}/logo/remove"), &[]).await;
    assert_eq!(removed.status(), 303);
    assert_eq!(app.get(&src).await.status(), 404);
}

#[tokio::test]
async fn the_newsroom_lists_a_release_only_once_its_embargo_has_lifted_and_its_feed_holds_it() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    let statement = app
        .create_statement(
            &owner,
            COALITION_SLUG,
            "Water is a right",
            "en",
            "We ask for water.",
        )
        .await;
    app.set_status(&owner, &statement, "open").await;
    let release = create_release(
        &owner,
        "Ministers receive the statement",
        "2099-01-01T09:00",
    )
    .await;
    let draft = create_release(&owner, "Not yet published", "").await;
    let published = owner.post(&format!("{release}/publish"), &[]).await;
    assert_eq!(published.status(), 303);

    // Act
    let (_, during_embargo) = page(&app, "/newsroom/clean-water-coalition").await;
    let feed_during = app
        .get("/newsroom/clean-water-coalition/feed.atom")
        .await
        .text()
        .await
        .expect("feed");
    app.with_conn(|c| {
        diesel::update(press_releases::table)
            .filter(press_releases::embargo_at.is_not_null())
            .set(
                press_releases::embargo_at
                    .eq(undersigned::db::now() - chrono::Duration::minutes(1)),
            )
            .execute(c)
            .expect("the embargo lifts")
    })
    .await;
    let (_, lifted) = page(&app, "/newsroom/clean-water-coalition").await;
    let feed = app.get("/newsroom/clean-water-coalition/feed.atom").await;

    // Assert
    assert!(!during_embargo.contains("Ministers receive the statement"));
    assert!(
        during_embargo.contains("Water is a right"),
        "open statements are listed"
    );
    assert!(
        during_embargo.contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Clean Water Coalition newsroom\" href=\"/newsroom/clean-water-coalition/feed.atom\">"
        ),
        "{during_embargo}"
    );
    assert!(!feed_during.contains("Ministers receive the statement"));
    assert!(lifted.contains("Ministers receive the statement"));
    assert!(
        !lifted.contains("Not yet published"),
        "{draft} was never sent or published"
    );
    let at = |words: &str| lifted.find(words).unwrap_or_else(|| panic!("{words}"));
    assert!(
        at("Ministers receive the statement") < at("Water is a right"),
        "newest first"
    );
    assert_eq!(feed.status(), 200);
    assert!(
        feed.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.starts_with("application/atom+xml"))
    );
    let feed = atom_syndication::Feed::read_from(feed.bytes().await.expect("bytes").as_ref())
        .expect("the feed parses");
    let entry = feed
        .entries()
        .iter()
        .find(|e| e.title().as_str() == "Ministers receive the statement")
        .expect("the release's entry");
    assert_eq!(
        entry.links()[0].href(),
        format!("{}/press/ministers-receive-the-statement", app.address)
    );
    assert_eq!(
        entry.summary().map(|s| s.as_str()),
        Some("Joint statement delivered to the ministers")
    );
    assert!(entry.published().is_some());
    let (_, web_version) = page(&app, "/press/ministers-receive-the-statement").await;
    assert!(
        web_version.contains("href=\"/newsroom/clean-water-coalition\""),
        "the web version leads to the newsroom: {web_version}"
    );
    assert!(
        web_version
            .contains("<title>Ministers receive the statement · Clean Water Coalition</title>")
    );
}

#[tokio::test]
async fn press_leads_to_the_newsroom_of_the_only_coalition() {
    // Arrange
    let (app, _owner) = press_app(None, |_| {}).await;

    // Act
    let response = app.get("/press").await;

    // Assert
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/newsroom/clean-water-coalition");
}

#[tokio::test]
async fn the_release_preview_warns_when_the_signatory_count_would_print_zero_or_nothing() {
    // Arrange
    let (app, owner) = press_app(None, |_| {}).await;
    let statement = app
        .create_statement(
            &owner,
            COALITION_SLUG,
            "Water is a right",
            "en",
            "We ask for water.",
        )
        .await;
    let unlinked = create_release(&owner, "Unlinked", "").await;
    let mut form = release_form("Linked", "");
    form.retain(|(k, _)| *k != "statement");
    form.push(("statement", &statement));
    let linked = location(
        &owner
            .post("/c/clean-water-coalition/press/new", &form)
            .await,
    );

    // Act
    let (_, unlinked_page) = owner.page(&unlinked).await;
    let (_, linked_page) = owner.page(&linked).await;

    // Assert
    assert!(
        unlinked_page.contains("links no statement"),
        "{unlinked_page}"
    );
    assert!(linked_page.contains("prints 0 today"), "{linked_page}");
}

async fn page(app: &crate::support::app::TestApp, path: &str) -> (reqwest::StatusCode, String) {
    let response = app.get(path).await;
    let status = response.status();
    assert_eq!(status, 200, "{path}");
    (status, response.text().await.expect("body"))
}
