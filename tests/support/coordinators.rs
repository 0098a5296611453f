//! Coordinators: the first account, logins, sessions with their CSRF
//! token, members and invitations, and the redirects and cookies the app
//! answers them with.

use std::sync::Arc;

use diesel::prelude::*;
use reqwest::StatusCode;
use reqwest::cookie::Jar;
use undersigned::accounts::{self, Email, Password};
use undersigned::coalitions::Role;
use undersigned::db::schema::{coalitions, coordinators};

use super::app::{TestApp, header_of};
use super::pages::csrf_in;

pub const OWNER_NAME: &str = "Olivia Owner";
pub const OWNER_EMAIL: &str = "olivia@example.org";
pub const PASSWORD: &str = "correct horse battery staple";
pub const COALITION: &str = "Clean Water Coalition";
pub const COALITION_SLUG: &str = "clean-water-coalition";
pub const SESSION_COOKIE: &str = "undersigned_session";

/// A browser: its own cookie store, and redirects left for the test to see.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("http client")
}

/// A browser that carries `cookie` as its session cookie.
pub fn browser_with_session(address: &str, cookie: &str) -> reqwest::Client {
    let jar = Jar::default();
    let url = address.parse::<reqwest::Url>().expect("app address");
    jar.add_cookie_str(&format!("{SESSION_COOKIE}={cookie}; Path=/"), &url);
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(Arc::new(jar))
        .build()
        .expect("http client")
}

/// A signed-in coordinator's browser, with the CSRF token of its session.
pub struct Session {
    pub client: reqwest::Client,
    pub address: String,
    /// The raw value of the session cookie.
    pub cookie: String,
    pub csrf: String,
}

impl Session {
    /// Reads the CSRF token from the account page of a signed-in browser.
    pub async fn from_client(client: reqwest::Client, address: &str, cookie: String) -> Self {
        let response = client
            .get(format!("{address}/account"))
            .send()
            .await
            .expect("request sent");
        assert_eq!(response.status(), 200, "the session should be signed in");
        let page = response.text().await.expect("body");
        Self {
            client,
            address: address.to_owned(),
            cookie,
            csrf: csrf_in(&page).expect("a CSRF token on the account page"),
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request sent")
    }

    /// The status and body of a GET.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    /// A form POST carrying the session's CSRF token.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let mut fields: Vec<(&str, &str)> = form.to_vec();
        fields.push(("csrf", &self.csrf));
        self.post_raw(path, &fields).await
    }

    /// A multipart POST of one file `name` of `content_type` in the field
    /// `field`, the session's CSRF token in the query string as the app
    /// reads it for uploads.
    pub async fn post_file(
        &self,
        path: &str,
        field: &str,
        (name, content_type): (&str, &str),
        bytes: &[u8],
    ) -> reqwest::Response {
        let boundary = "test-upload-boundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n\
             Content-Type: {content_type}\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.client
            .post(format!("{}{path}?csrf={}", self.address, self.csrf))
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .expect("request sent")
    }

    /// A form POST with exactly these fields (no CSRF token added).
    pub async fn post_raw(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .form(form)
            .send()
            .await
            .expect("request sent")
    }
}

/// The value of the session cookie a response sets, if any.
pub fn session_cookie_set_by(response: &reqwest::Response) -> Option<String> {
    set_cookie_header(response).and_then(|header| {
        header
            .split(';')
            .next()
            .and_then(|pair| pair.trim().strip_prefix(&format!("{SESSION_COOKIE}=")))
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
    })
}

/// The whole `Set-Cookie` header for the session cookie, if any.
pub fn set_cookie_header(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{SESSION_COOKIE}=")))
        .map(str::to_owned)
}

/// Where a redirect leads, or empty when there is none.
pub fn location(response: &reqwest::Response) -> String {
    header_of(response, reqwest::header::LOCATION)
}

impl TestApp {
    /// The id of [`COALITION`], the first account's coalition.
    pub async fn coalition_id(&self) -> String {
        self.with_conn(|c| {
            coalitions::table
                .filter(coalitions::slug.eq(COALITION_SLUG))
                .select(coalitions::id)
                .first::<String>(c)
                .expect("the coalition")
        })
        .await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Opens the setup link and creates the first coordinator, owner of
    /// [`COALITION`]; returns the signed-in session.
    pub async fn setup_first_account(&self) -> Session {
        let client = browser();
        let link = self.setup_link.clone().expect("a setup link");
        let response = client
            .post(&link)
            .form(&[
                ("name", OWNER_NAME),
                ("email", OWNER_EMAIL),
                ("password", PASSWORD),
                ("coalition", COALITION),
            ])
            .send()
            .await
            .expect("request sent");
        assert_eq!(response.status(), 303, "the setup form is accepted");
        let cookie = session_cookie_set_by(&response).expect("a session cookie");
        Session::from_client(client, &self.address, cookie).await
    }

    /// POSTs the login form from a new browser.
    pub async fn try_login(
        &self,
        email: &str,
        password: &str,
    ) -> (reqwest::Client, reqwest::Response) {
        let client = browser();
        let response = client
            .post(self.url("/login"))
            .form(&[("email", email), ("password", password), ("next", "")])
            .send()
            .await
            .expect("request sent");
        (client, response)
    }

    /// Logs in through the form; panics unless it succeeds.
    pub async fn login(&self, email: &str, password: &str) -> Session {
        let (client, response) = self.try_login(email, password).await;
        assert_eq!(response.status(), 303, "{email} logs in");
        let cookie = session_cookie_set_by(&response).expect("a session cookie");
        Session::from_client(client, &self.address, cookie).await
    }

    /// A coordinator made through the library, member of `coalition` (created
    /// when missing) with `role`. Without a password no hash is computed.
    pub async fn add_coordinator(
        &self,
        name: &str,
        email: &str,
        password: Option<&str>,
        coalition: &str,
        role: Role,
    ) -> String {
        let (name, email, coalition) = (name.to_owned(), email.to_owned(), coalition.to_owned());
        let password = password.map(|p| Password::parse(p).expect("a long enough password"));
        self.with_conn(move |c| {
            let email = Email::parse(&email).expect("an email address");
            undersigned::coalitions::add_user(c, &name, &email, password.as_ref(), &coalition, role)
                .expect("user added")
                .0
                .id
        })
        .await
    }

    pub async fn coordinator_id(&self, email: &str) -> String {
        let email = Email::parse(email).expect("an email address");
        self.with_conn(move |c| {
            accounts::find_by_email(c, &email)
                .expect("query")
                .expect("the coordinator exists")
                .id
        })
        .await
    }

    /// A session started through the library: a signed-in browser without
    /// the cost of hashing a password.
    pub async fn session_for(&self, coordinator_id: &str) -> Session {
        let id = coordinator_id.to_owned();
        let cookie = self
            .with_conn(move |c| accounts::start_session(c, &id).expect("session"))
            .await;
        let client = browser_with_session(&self.address, &cookie);
        Session::from_client(client, &self.address, cookie).await
    }

    /// Invites `email` with `role` as `owner`, then accepts the mailed link
    /// from a new browser by creating the account; returns its session.
    pub async fn invite_and_accept(
        &self,
        owner: &Session,
        email: &str,
        name: &str,
        role: &str,
    ) -> Session {
        let response = owner
            .post(
                &format!("/c/{COALITION_SLUG}/members/invite"),
                &[("email", email), ("role", role)],
            )
            .await;
        assert_eq!(response.status(), 303, "the invitation is sent");
        let link = self.link_mailed_to(email, "/invitations/").await;
        let client = browser();
        let response = client
            .post(self.url(&link))
            .form(&[("name", name), ("password", PASSWORD)])
            .send()
            .await
            .expect("request sent");
        assert_eq!(response.status(), 303, "the invitation is accepted");
        let cookie = session_cookie_set_by(&response).expect("a session cookie");
        Session::from_client(client, &self.address, cookie).await
    }
}

pub async fn stored_hash(app: &TestApp, email: &str) -> Option<String> {
    let email = email.to_owned();
    app.with_conn(move |c| {
        coordinators::table
            .filter(coordinators::email.eq(email))
            .select(coordinators::password_hash)
            .first::<Option<String>>(c)
            .expect("the coordinator exists")
    })
    .await
}

pub async fn speak(session: &Session, language: &str) {
    let chosen = session
        .post("/account/language", &[("language", language)])
        .await;
    assert_eq!(chosen.status(), 303);
}
