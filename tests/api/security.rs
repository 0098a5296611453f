//! Findings of an outside black-box test, one test each: what a hostile
//! coordinator, signer or third-party site tried, and what must hold.

use crate::support::app::spawn_app;
use crate::support::contacts::upload_to;
use crate::support::coordinators::{COALITION_SLUG, OWNER_EMAIL, PASSWORD, browser, location};
use crate::support::mailbox::{header, html_part};
use crate::support::outbox::queued_to;
use crate::support::pages::field_error;
use crate::support::press::{JOE, press_app, release_form, send_to_tag};
use crate::support::signatures::{csv_rows, organization};
use crate::support::signers::{SLUG, SignOnForm, open_statement, sign, sign_and_confirm};
use crate::support::smtp::{TestSmtp, mails_for};
use crate::support::statements::TITLE;
use undersigned::coalitions::Role;

/// The payload that reached sent mail: an HTML block that the sanitizer
/// unwraps, leaving Markdown links to be read by a second Markdown pass.
const HIDDEN_LINKS: &str =
    "<span>\n[Click](javascript:alert(document.domain)) ![i](javascript:alert(2))\n</span>";

/// Every `href` and `src` value in `html`, lower-cased.
fn urls_in(html: &str) -> Vec<String> {
    let lower = html.to_lowercase();
    ["href=\"", "src=\""]
        .iter()
        .flat_map(|attribute| {
            lower
                .match_indices(attribute)
                .map(|(at, _)| {
                    let value = &lower[at + attribute.len()..];
                    value[..value.find('"').unwrap_or(value.len())].to_owned()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn assert_only_allowed_urls(html: &str) {
    for url in urls_in(html) {
        assert!(
            ["https:", "http:", "mailto:", "tel:", "#"]
                .iter()
                .any(|scheme| url.starts_with(scheme)),
            "{url} in {html}"
        );
    }
}

#[tokio::test]
async fn a_release_body_cannot_put_a_script_link_into_the_sent_mail() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    app.add_contacts(&[JOE]).await;
    let mut form = release_form("Water is a right", "");
    for (name, value) in &mut form {
        if *name == "body" || *name == "about" {
            *value = HIDDEN_LINKS;
        }
    }
    let response = owner
        .post("/c/clean-water-coalition/press/new", &form)
        .await;
    assert_eq!(response.status(), 303, "the release is created");
    let release = crate::support::coordinators::location(&response);

    // Act
    send_to_tag(&owner, &release, "press").await;
    app.wait_for_mailings().await;

    // Assert
    let mails = mails_for(&smtp, "joe@news.example");
    assert_eq!(mails.len(), 1);
    let html = html_part(&mails[0]).expect("an HTML part");
    assert_only_allowed_urls(&html);
    assert!(html.contains("Click"), "the text stays: {html}");
    assert!(
        html.contains(&format!("href=\"{}/u/", app.address)),
        "the unsubscribe link stays: {html}"
    );
}

#[tokio::test]
async fn an_update_to_signatories_cannot_put_a_script_link_into_the_sent_mail() {
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
    let signer = organization("Agua Viva", Some("MX"));
    let to = signer.email.clone();
    app.add_signatures(&statement, vec![signer]).await;
    let variants = [
        HIDDEN_LINKS,
        "<span>\n[a](data:text/html;base64,PHNjcmlwdD4=) [b](vbscript:msgbox(1))\n</span>",
        "<span>\n[c](&#106;avascript:alert(1)) [d](JaVaScRiPt:alert(1))\n</span>",
        "<span>\n[e](java\tscript:alert(1)) <a href=\"java&#x09;script:alert(1)\">f</a>\n</span>",
    ]
    .join("\n\n");

    // Act
    let response = owner
        .post(
            &format!("/c/{COALITION_SLUG}/statements/{statement}/update"),
            &[
                ("subject", "Our statement is published"),
                ("body", variants.as_str()),
                ("signatories", statement.as_str()),
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
    let html = html_part(&mails[0]).expect("an HTML part");
    assert_only_allowed_urls(&html);
}

#[tokio::test]
async fn a_comment_with_a_formula_behind_a_space_is_exported_as_text() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let form = SignOnForm::organization("Agua Viva", "ana@agua.example").with("comment", " =6*7");
    sign_and_confirm(&app, &form).await;

    // Act
    let (_, rows) = csv_rows(&owner, &statement).await;

    // Assert
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["comment"], "' =6*7");
}

#[tokio::test]
async fn login_never_redirects_to_another_site_or_fails_on_a_hostile_next() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;

    for next in [
        "/\t/evil.example/x",
        "/c\r\nX: 1",
        "//evil.example",
        "/\\evil.example",
    ] {
        // Act
        let response = browser()
            .post(app.url("/login"))
            .form(&[
                ("email", OWNER_EMAIL),
                ("password", PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .expect("request sent");

        // Assert
        assert_eq!(response.status(), 303, "{next:?}");
        assert_eq!(location(&response), "/c", "{next:?}");
    }
}

#[tokio::test]
async fn equivalent_spellings_of_one_address_share_its_caps_and_odd_forms_are_refused() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;

    // Act
    let mut refused = Vec::new();
    for email in [
        "\"cap\"@victim.example",
        "\"\\cap\"@victim.example",
        "\"c\\ap\"@victim.example",
        "x@[127.0.0.1]",
    ] {
        let response = sign(&app, &SignOnForm::organization("Agua Viva", email)).await;
        let status = response.status();
        let page = response.text().await.expect("body");
        refused.push((email, status, field_error(&page, "email")));
    }
    let signed = sign(
        &app,
        &SignOnForm::organization("Agua Viva", "Cap@Victim.EXAMPLE"),
    )
    .await;

    // Assert
    for (email, status, error) in refused {
        assert_eq!(status, 422, "{email}");
        assert!(
            error.is_some_and(|e| e.contains("without quotes")),
            "{email} is refused beside the field"
        );
    }
    assert_eq!(signed.status(), 303);
    assert_eq!(queued_to(&app, "cap@victim.example").await.len(), 1);
}

#[tokio::test]
async fn the_website_field_takes_only_web_addresses() {
    // Arrange
    let app = spawn_app().await;
    open_statement(&app, &[]).await;

    for website in [
        "javascript://example.org/%0aalert(1)",
        "ftp://example.org",
        "mailto:a@example.org",
    ] {
        // Act
        let form =
            SignOnForm::organization("Agua Viva", "ana@agua.example").with("website", website);
        let response = sign(&app, &form).await;
        let status = response.status();
        let page = response.text().await.expect("body");

        // Assert
        assert_eq!(status, 422, "{website}");
        assert!(field_error(&page, "website").is_some(), "{website}");
    }
}

#[tokio::test]
async fn public_forms_refuse_posts_from_another_site_but_one_click_unsubscribe_works() {
    // Arrange
    let smtp = TestSmtp::start();
    let (app, owner) = press_app(Some(smtp.clone()), |_| {}).await;
    let statement = app
        .create_statement(&owner, COALITION_SLUG, TITLE, "en", "We call on…")
        .await;
    assert_eq!(app.set_status(&owner, &statement, "open").await, 303);
    let form = SignOnForm::organization("Agua Viva", "ana@agua.example");
    let resend = [("email", "ana@agua.example"), ("lang", "en")];
    let (sign_path, resend_path) = (format!("/s/{SLUG}/sign"), format!("/s/{SLUG}/resend"));
    let post_with = |path: &str, header: (&'static str, String)| {
        browser().post(app.url(path)).header(header.0, header.1)
    };
    app.add_contacts(&[JOE]).await;
    let release = crate::support::press::create_release(&owner, "Water is a right", "").await;
    send_to_tag(&owner, &release, "press").await;
    app.wait_for_mailings().await;
    let eml = mails_for(&smtp, "joe@news.example").remove(0);
    let unsubscribe = header(&eml, "List-Unsubscribe")
        .expect("List-Unsubscribe")
        .trim_matches(['<', '>'])
        .to_owned();

    // Act
    let signed_from_origin = post_with(&sign_path, ("origin", "https://evil.example".into()))
        .form(form.fields())
        .send()
        .await
        .expect("sent");
    let signed_from_referer = post_with(&sign_path, ("referer", "https://evil.example/x".into()))
        .form(form.fields())
        .send()
        .await
        .expect("sent");
    let resent = post_with(&resend_path, ("origin", "null".into()))
        .form(&resend)
        .send()
        .await
        .expect("sent");
    let signed_here = post_with(&sign_path, ("origin", app.address.clone()))
        .form(form.fields())
        .send()
        .await
        .expect("sent");
    let unsubscribed = reqwest::Client::new()
        .post(&unsubscribe)
        .header("origin", "https://mail.provider.example")
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .expect("sent");

    // Assert
    assert_eq!(signed_from_origin.status(), 403);
    assert_eq!(signed_from_referer.status(), 403);
    assert_eq!(resent.status(), 403);
    assert_eq!(signed_here.status(), 303, "a post from our own page passes");
    assert_eq!(queued_to(&app, "ana@agua.example").await.len(), 1);
    assert!(
        unsubscribed.status().is_success(),
        "{}",
        unsubscribed.status()
    );
    assert!(app.suppression_reason("joe@news.example").await.is_some());
}

/// A browser whose connections come from `ip`, one of the loopback addresses.
fn browser_from(ip: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .local_address(std::net::IpAddr::from(ip))
        .build()
        .expect("http client")
}

#[tokio::test]
async fn wrong_passwords_from_one_address_do_not_lock_the_owner_out_from_another() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;
    let login = |client: reqwest::Client, password: &'static str| {
        let url = app.url("/login");
        async move {
            client
                .post(url)
                .form(&[("email", OWNER_EMAIL), ("password", password), ("next", "")])
                .send()
                .await
                .expect("request sent")
                .status()
        }
    };
    let stranger = browser_from([127, 0, 0, 2]);
    for _ in 0..5 {
        assert_eq!(login(stranger.clone(), "a wrong guess").await, 422);
    }

    // Act
    let stranger_again = login(stranger.clone(), PASSWORD).await;
    let owner = login(browser_from([127, 0, 0, 3]), PASSWORD).await;

    // Assert
    assert_eq!(stranger_again, 429, "the guessing address is throttled");
    assert_eq!(owner, 303, "the owner, elsewhere, gets in");
}

#[tokio::test]
async fn asking_for_a_reset_answers_alike_and_leaves_the_owners_pending_link_working() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;
    let ask = |email: &'static str| {
        let url = app.url("/password/forgot");
        async move {
            let started = std::time::Instant::now();
            let response = browser()
                .post(url)
                .form(&[("email", email)])
                .send()
                .await
                .expect("request sent");
            let status = response.status();
            (
                status,
                response.text().await.expect("body"),
                started.elapsed(),
            )
        }
    };
    let (status, _, _) = ask(OWNER_EMAIL).await;
    assert_eq!(status, 200);
    let owners_link = app.link_mailed_to(OWNER_EMAIL, "/password/reset/").await;

    // Act
    let known = ask(OWNER_EMAIL).await;
    let unknown = ask("nobody@example.org").await;
    let reset = browser()
        .post(app.url(&owners_link))
        .form(&[("password", "the password after the reset")])
        .send()
        .await
        .expect("request sent");

    // Assert
    assert_eq!(known.1, unknown.1, "the same page either way");
    // Both answers are held to one fixed moment after the request, whatever
    // each did; neither can leave earlier.
    for (_, _, elapsed) in [&known, &unknown] {
        assert!(
            *elapsed >= std::time::Duration::from_millis(300),
            "{elapsed:?}"
        );
    }
    assert_eq!(
        reset.status(),
        303,
        "a later request did not revoke the link"
    );
}

#[tokio::test]
async fn import_uploads_outlive_a_restart_and_never_evict_another_coalitions() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let theirs = "/c/another-coalition/contacts";
    app.add_coordinator(
        "Other",
        "other@example.org",
        Some(PASSWORD),
        "Another Coalition",
        Role::Owner,
    )
    .await;
    let other = app.login("other@example.org", PASSWORD).await;
    let csv = "email,name\nana@radio.example,Ana\n";
    let ours = upload_to(&owner, "/c/clean-water-coalition/contacts", csv).await;

    // Act
    for _ in 0..30 {
        upload_to(&other, theirs, csv).await;
    }
    let app = app.restart().await;
    let owner = app.login(OWNER_EMAIL, PASSWORD).await;
    let (after_restart, _) = owner.page(&ours).await;
    let (seen_by_other, _) = app
        .login("other@example.org", PASSWORD)
        .await
        .page(&ours)
        .await;

    // Assert
    assert_eq!(after_restart, 200, "the preview is still there");
    assert_eq!(seen_by_other, 404, "another coalition cannot see it");
    let kept: i64 = app
        .with_conn(|c| {
            use diesel::prelude::*;
            undersigned::db::schema::import_uploads::table
                .count()
                .get_result(c)
                .expect("count")
        })
        .await;
    assert!(kept <= 5, "each coalition keeps a few uploads: {kept}");
}

#[tokio::test]
async fn markdown_nested_past_the_limit_is_refused_beside_the_field_and_never_rendered_on_a_view() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let deep = format!("{}x", "> ".repeat(49_999));
    let release = release_form("Water is a right", "")
        .into_iter()
        .map(|(name, value)| (name, if name == "body" { deep.as_str() } else { value }))
        .collect::<Vec<_>>();

    // Act
    let statement_form = owner
        .post(
            &format!("/c/{COALITION_SLUG}/statements/new"),
            &[("title", "Deep"), ("language", "en"), ("body", &deep)],
        )
        .await;
    let statement_status = statement_form.status();
    let statement_page = statement_form.text().await.expect("body");
    let release_form = owner
        .post(&format!("/c/{COALITION_SLUG}/press/new"), &release)
        .await;
    let release_status = release_form.status();
    let release_page = release_form.text().await.expect("body");
    let update = owner
        .post(
            &format!("/c/{COALITION_SLUG}/statements/{statement}/update"),
            &[
                ("subject", "Deep"),
                ("body", &format!("{}x", "> ".repeat(40))),
                ("signatories", statement.as_str()),
                ("when", "now"),
                ("action", "send"),
            ],
        )
        .await;
    let update_status = update.status();
    let update_page = update.text().await.expect("body");

    // Assert
    for (status, page, field) in [
        (statement_status, &statement_page, "body"),
        (release_status, &release_page, "body"),
        (update_status, &update_page, "body"),
    ] {
        assert_eq!(status, 422);
        assert!(
            field_error(page, field).is_some_and(|e| e.contains("more than 32 levels deep")),
            "{field}: {:?}",
            field_error(page, field)
        );
    }
    let stored: Vec<Option<String>> = app
        .with_conn(|c| {
            use diesel::prelude::*;
            use undersigned::db::schema::revisions;
            revisions::table
                .select(revisions::body_html)
                .load(c)
                .expect("revisions")
        })
        .await;
    assert_eq!(stored.len(), 1, "only the open statement was stored");
    assert!(
        stored[0]
            .as_deref()
            .is_some_and(|html| html.contains("<p>")),
        "its body was rendered once, when it was saved: {stored:?}"
    );
}

#[tokio::test]
async fn a_deep_body_stored_before_the_limit_is_rendered_once_at_start_as_plain_text() {
    // Arrange
    let app = spawn_app().await;
    let (_, statement) = open_statement(&app, &[]).await;
    let deep = format!("{}x", "> ".repeat(49_999));
    app.with_conn(move |c| {
        use diesel::prelude::*;
        use undersigned::db::schema::revisions;
        diesel::update(revisions::table)
            .set((
                revisions::body.eq(deep),
                revisions::body_html.eq(None::<String>),
            ))
            .execute(c)
            .expect("an old row")
    })
    .await;
    let _ = statement;

    // Act
    let app = app.restart().await;
    let (status, page) = crate::support::signers::visit(&app, &format!("/s/{SLUG}")).await;

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("&gt; &gt; &gt;"), "shown as the text it is");
    assert!(!page.contains("<blockquote>"));
}
