//! What a signer does and sees: the public form of an open statement, the
//! links mailed to them (confirm, manage), and the public list and JSON.

use super::app::TestApp;
use super::coordinators::{Session, browser};
use super::outbox::latest_link;
use super::pages::signed_by;
use super::signatures::signature_by_email;
use super::statements::{draft, open};

/// The address of the statement every test here opens.
pub const SLUG: &str = "water-for-all";

/// The first coordinator and an open statement ([`TITLE`], [`BODY`]) with
/// `changes` to its settings saved before it opens.
pub async fn open_statement(app: &TestApp, changes: &[(&str, &str)]) -> (Session, String) {
    let (owner, id) = draft(app).await;
    open(app, &owner, &id, changes).await;
    (owner, id)
}

/// The public sign-on form as a person fills it in.
#[derive(Debug, Clone)]
pub struct SignOnForm(Vec<(String, String)>);

impl SignOnForm {
    /// An organization from Mexico, signed by Ana Núñez, with every box ticked.
    pub fn organization(name: &str, email: &str) -> Self {
        Self(
            [
                ("kind", "organization"),
                ("organization", name),
                ("country", "MX"),
                ("website", ""),
                ("signer_name", "Ana Núñez"),
                ("signer_title", "Coordinator"),
                ("email", email),
                ("authorized", "on"),
                ("comment", ""),
                ("lang", "en"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        )
    }

    /// The form with `name` set to `value`.
    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.0.retain(|(k, _)| k != name);
        self.0.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The form without the field `name` (an unticked checkbox).
    pub fn without(mut self, name: &str) -> Self {
        self.0.retain(|(k, _)| k != name);
        self
    }

    pub fn fields(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// A form POST from a fresh browser to `path`.
pub async fn post_form(app: &TestApp, path: &str, form: &[(String, String)]) -> reqwest::Response {
    browser()
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .expect("request sent")
}

/// A POST without a body from a fresh browser (a button without fields).
pub async fn press(app: &TestApp, path: &str) -> reqwest::Response {
    post_form(app, path, &[]).await
}

/// A GET from a fresh browser.
pub async fn visit(app: &TestApp, path: &str) -> (u16, String) {
    let response = browser()
        .get(app.url(path))
        .send()
        .await
        .expect("request sent");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// Sends the public sign-on form of [`SLUG`].
pub async fn sign(app: &TestApp, form: &SignOnForm) -> reqwest::Response {
    post_form(app, &format!("/s/{SLUG}/sign"), form.fields()).await
}

/// Signs through the public form, reads the confirmation mail and presses
/// Confirm on its link; returns the signature's id.
pub async fn sign_and_confirm(app: &TestApp, form: &SignOnForm) -> String {
    let signed = sign(app, form).await;
    assert_eq!(
        signed.status(),
        303,
        "{} is accepted",
        form.get("organization")
    );
    let link = confirmation_link(app, form.get("email")).await;
    let confirmed = press(app, &link).await;
    assert_eq!(confirmed.status(), 200, "{link} confirms");
    signature_by_email(app, form.get("email")).await.id
}

/// The link of the latest confirmation mail to `email`.
pub async fn confirmation_link(app: &TestApp, email: &str) -> String {
    latest_link(app, email, "confirm-signature", "/confirm/").await
}

/// The private manage link, mailed to `email` once their signature is
/// confirmed.
pub async fn manage_link(app: &TestApp, email: &str) -> String {
    latest_link(app, email, "signature-confirmed", "/m/").await
}

/// The names on the public list of [`SLUG`], every section together.
pub async fn listed(app: &TestApp) -> Vec<String> {
    let (status, page) = visit(app, &format!("/s/{SLUG}")).await;
    assert_eq!(status, 200);
    signed_by(&page).into_iter().flatten().collect()
}

/// The public JSON of [`SLUG`].
pub async fn public_json(app: &TestApp) -> serde_json::Value {
    let (status, body) = visit(app, &format!("/s/{SLUG}.json")).await;
    assert_eq!(status, 200);
    serde_json::from_str(&body).expect("JSON")
}
