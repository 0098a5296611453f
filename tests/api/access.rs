//! Who may do what: the authorization matrix over every mounted coordinator
//! route and the role its handler declares, deny by default, and CSRF on
//! every state-changing coordinator request.

use reqwest::StatusCode;
use undersigned::accounts::Email;
use undersigned::audit::Actor;
use undersigned::coalitions::{self, Role};
use undersigned::config::Settings;
use undersigned::contacts;
use undersigned::mail::MailContext;
use undersigned::press;
use undersigned::signatures;
use undersigned::statements::{self, NewComment};

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::{COALITION, COALITION_SLUG, Session, browser, location};
use crate::support::outbox::mail_context;
use crate::support::signatures::organization;

/// A mounted coordinator route and the role its handler's extractor names
/// (any signed-in coordinator, counted as a viewer, on the account pages).
struct Rule {
    method: String,
    pattern: String,
    role: Role,
}

/// The routes of the coalition scope (`true`) or of the account pages,
/// read from the source by `support/routes.rs`.
fn rules(in_coalition: bool) -> Vec<Rule> {
    crate::support::routes::coordinator_routes()
        .into_iter()
        .filter(|route| (route.scope == "/c/{coalition}") == in_coalition)
        .map(|route| Rule {
            role: match route.roles.first().map(String::as_str) {
                Some("Owner") => Role::Owner,
                Some("Editor") => Role::Editor,
                _ => Role::Viewer,
            },
            method: route.method,
            pattern: route.pattern,
        })
        .collect()
}

/// Everyone the matrix asks, with the ids the routes need.
struct Fixture {
    app: TestApp,
    owner: String,
    editor: String,
    viewer: String,
    outsider: String,
    statement: String,
}

async fn fixture() -> Fixture {
    let app = spawn_app().await;
    let add = |name: &'static str, coalition: &'static str, role| {
        let app = &app;
        async move {
            app.add_coordinator(name, &format!("{name}@example.org"), None, coalition, role)
                .await
        }
    };
    let owner = add("owner", COALITION, Role::Owner).await;
    let editor = add("editor", COALITION, Role::Editor).await;
    let viewer = add("viewer", COALITION, Role::Viewer).await;
    let outsider = add("outsider", "Other Coalition", Role::Owner).await;
    let session = app.session_for(&owner).await;
    let statement = app
        .create_statement(
            &session,
            COALITION_SLUG,
            "Water for all",
            "en",
            "We call for clean water.",
        )
        .await;
    Fixture {
        app,
        owner,
        editor,
        viewer,
        outsider,
        statement,
    }
}

impl Fixture {
    /// The rule's path with every parameter filled by a real, fresh id, so
    /// that an allowed request finds what it acts on.
    async fn path_for(&self, rule: &Rule) -> String {
        let mut path = rule
            .pattern
            .replace("{coalition}", COALITION_SLUG)
            .replace("{statement}", &self.statement)
            .replace("{lang}", "en");
        if path.contains("{member}") {
            path = path.replace("{member}", &self.fresh_member().await);
        }
        if path.contains("{invitation}") {
            path = path.replace("{invitation}", &self.fresh_invitation().await);
        }
        if path.contains("{comment}") {
            path = path.replace("{comment}", &self.fresh_comment().await);
        }
        if path.contains("{signature}") {
            path = path.replace("{signature}", &self.fresh_signature().await);
        }
        if path.contains("{release}") {
            path = path.replace("{release}", &self.fresh_release().await.0);
        }
        if path.contains("{mailing}") {
            path = path.replace("{mailing}", &self.fresh_release().await.1);
        }
        path = path.replace("{number}", "1");
        if path.contains("{contact}") {
            path = path.replace("{contact}", &self.fresh_contact().await);
        }
        if path.contains("{list}") {
            path = path.replace("{list}", &self.fresh_contact_list().await);
        }
        if path.contains("{upload}") {
            path = path.replace("{upload}", &self.fresh_upload().await);
        }
        assert!(
            !path.contains('{'),
            "{}: teach this test a real value for the new path parameter",
            rule.pattern
        );
        if rule.pattern.ends_with("/diff/{lang}") {
            path.push_str("?from=1&to=1");
        }
        path
    }

    async fn fresh_member(&self) -> String {
        let email = format!("{}@example.org", uuid::Uuid::new_v4().simple());
        self.app
            .add_coordinator("Member", &email, None, COALITION, Role::Viewer)
            .await
    }

    async fn fresh_invitation(&self) -> String {
        let (owner, base_url) = (self.owner.clone(), self.app.address.clone());
        let id = self
            .app
            .with_conn(move |c| {
                let context = mail_context(&base_url);
                let membership = coalitions::membership(c, COALITION_SLUG, &owner)
                    .expect("query")
                    .expect("owner's membership");
                let inviter = undersigned::accounts::find(c, &owner)
                    .expect("query")
                    .expect("owner");
                let email = Email::parse(&format!("{}@example.org", uuid::Uuid::new_v4().simple()))
                    .expect("email");
                coalitions::invite(
                    c,
                    &context,
                    &membership,
                    &inviter,
                    &email,
                    Role::Viewer,
                    undersigned::i18n::Lang::En,
                )
                .expect("invitation")
                .id
            })
            .await;
        // The mail worker writes while it sends; let it finish first (see
        // the report on deferred SQLite transactions).
        self.app.wait_for_outbox_to_settle().await;
        id
    }

    async fn fresh_comment(&self) -> String {
        let id = self.statement.clone();
        self.app
            .with_conn(move |c| {
                let statement = statements::find_any(c, &id)
                    .expect("query")
                    .expect("statement");
                let version = statements::version(c, &id, "en")
                    .expect("query")
                    .expect("version");
                let revision = statements::current_revision(c, &version).expect("revision");
                let name = uuid::Uuid::new_v4().simple().to_string();
                let comment = NewComment {
                    name: name.clone(),
                    organization: "Partner".into(),
                    body: "A comment.".into(),
                };
                statements::add_comment(c, &statement, &revision, &comment).expect("comment");
                statements::comments(c, &id)
                    .expect("comments")
                    .into_iter()
                    .find(|(comment, _, _)| comment.name == name)
                    .expect("the new comment")
                    .0
                    .id
            })
            .await
    }

    async fn fresh_signature(&self) -> String {
        let id = self.statement.clone();
        let name = format!("Signatory {}", uuid::Uuid::new_v4().simple());
        self.app
            .with_conn(move |c| {
                let statement = statements::find_any(c, &id)
                    .expect("query")
                    .expect("statement");
                signatures::insert(c, &statement, &organization(&name, Some("MX")))
                    .expect("signature")
            })
            .await
    }

    /// A press release of the coalition and a mailing of it scheduled far
    /// ahead, so no rule's request sends anything.
    async fn fresh_release(&self) -> (String, String) {
        let owner = self.owner.clone();
        let base_url = self.app.address.clone();
        self.app
            .with_conn(move |c| {
                let coordinator = undersigned::accounts::find(c, &owner)
                    .expect("query")
                    .expect("owner");
                let membership = coalitions::membership(c, COALITION_SLUG, &owner)
                    .expect("query")
                    .expect("owner's membership");
                let form = press::DraftForm {
                    headline: format!("Release {}", uuid::Uuid::new_v4().simple()),
                    body: "We call for clean water.".into(),
                    ..press::DraftForm::default()
                };
                let draft = form.parse(&[]).expect("a valid draft");
                let release =
                    press::create(c, &membership.coalition.id, &coordinator, &draft, false)
                        .expect("release");
                let revision = press::current(c, &release).expect("revision");
                let settings = Settings {
                    mail_from: "statements@undersigned.test".into(),
                    secret_key: Some("a test key of at least thirty-two characters".into()),
                    ..Settings::default()
                };
                let context = MailContext::new(&settings, base_url).expect("mail context");
                let secret = settings.secret_key().expect("secret");
                let audience = press::Audience {
                    tags: vec!["press".into()],
                    ..press::Audience::default()
                };
                let later = undersigned::db::now() + chrono::Duration::days(365);
                let mailing = press::mailings::send_release(
                    c,
                    press::mailings::Ctx {
                        mail: &context,
                        secret: &secret,
                    },
                    &release,
                    &revision,
                    &audience,
                    press::mailings::When::At(later),
                    &coordinator,
                )
                .expect("mailing");
                (release.id, mailing.id)
            })
            .await
    }

    async fn fresh_contact(&self) -> String {
        let coalition = self.app.coalition_id().await;
        let email = format!("{}@press.example", uuid::Uuid::new_v4().simple());
        self.app
            .with_conn(move |c| {
                let form = contacts::ContactForm {
                    name: "Journalist".into(),
                    email,
                    ..Default::default()
                };
                let draft = contacts::Draft::try_from(&form).expect("a valid contact");
                contacts::create(c, &coalition, &Actor::System, &draft).expect("contact")
            })
            .await
    }

    async fn fresh_contact_list(&self) -> String {
        let coalition = self.app.coalition_id().await;
        let name = format!("List {}", uuid::Uuid::new_v4().simple());
        self.app
            .with_conn(move |c| {
                contacts::create_list(c, &coalition, &Actor::System, &name, "").expect("list")
            })
            .await
    }

    /// An uploaded contacts file, kept by the running app.
    async fn fresh_upload(&self) -> String {
        let session = self.app.session_for(&self.owner).await;
        let response = session
            .post(
                &format!("/c/{COALITION_SLUG}/contacts/import"),
                &[("csv", "email,name\nana@press.example,Ana\n")],
            )
            .await;
        assert_eq!(response.status(), 303, "the upload is kept");
        location(&response)
            .rsplit('/')
            .next()
            .expect("an upload id")
            .to_owned()
    }

    /// A plausible form for a POST route; authorization, not validation, is
    /// what the matrix checks, so 400 and 422 count as allowed too.
    fn form_for(&self, rule: &Rule) -> Vec<(&'static str, String)> {
        let fresh = uuid::Uuid::new_v4().simple().to_string();
        match rule.pattern.rsplit('/').next().unwrap_or_default() {
            "invite" => vec![
                ("email", format!("{fresh}@example.org")),
                ("role", "viewer".into()),
            ],
            "role" => vec![("role", "editor".into())],
            "new" => vec![
                ("title", format!("Statement {fresh}")),
                ("language", "en".into()),
                ("body", "Text.".into()),
            ],
            "settings" => vec![
                ("slug", "water-for-all".into()),
                ("language", "en".into()),
                ("signers", "organizations".into()),
                ("list_order", "alphabetical".into()),
                ("time_zone", "UTC".into()),
            ],
            "{lang}" => vec![
                ("title", "Water for all".into()),
                ("body", format!("We call for clean water. {fresh}")),
                ("note", "matrix".into()),
                ("kind", "editorial".into()),
            ],
            "translations" => vec![
                ("language", "es".into()),
                ("title", "Agua para todos".into()),
                ("body", "Pedimos agua limpia.".into()),
            ],
            "status" => vec![("to", "open".into())],
            "c" => vec![("name", format!("Coalition {fresh}"))],
            "password" => vec![
                ("current", "not the password".into()),
                ("new", "a long new password".into()),
            ],
            "digest" => vec![("frequency", "daily".into())],
            "moderate" => vec![("action", "approve".into())],
            "import" => vec![
                ("csv", format!("organization\nImported {fresh}\n")),
                ("mode", "list".into()),
                ("step", "preview".into()),
            ],
            "invitations" => vec![("list", format!("{fresh}@example.org, Invited {fresh}"))],
            "display-name" => vec![("display_name", format!("Shown {fresh}"))],
            "position" => vec![("position", "1".into())],
            _ => Vec::new(),
        }
    }

    /// Sends the rule's request, as `who` (anonymous when `None`) with a
    /// fresh session and a valid CSRF token.
    async fn send(&self, rule: &Rule, who: Option<&str>) -> reqwest::Response {
        let path = self.path_for(rule).await;
        let (client, csrf) = match who {
            Some(id) => {
                let session: Session = self.app.session_for(id).await;
                (session.client, session.csrf)
            }
            None => (browser(), String::new()),
        };
        let url = self.app.url(&path);
        if rule.method == "GET" {
            return client.get(url).send().await.expect("sent");
        }
        let mut form = self.form_for(rule);
        form.push(("csrf", csrf));
        let response = client.post(url).form(&form).send().await.expect("sent");
        self.app.wait_for_outbox_to_settle().await;
        response
    }
}

fn allowed(status: StatusCode) -> bool {
    !matches!(status.as_u16(), 403 | 404) && !status.is_server_error()
}

#[tokio::test]
async fn every_coordinator_route_admits_exactly_the_roles_its_rule_names() {
    // Arrange
    let f = fixture().await;
    let members = [
        (Role::Viewer, f.viewer.clone()),
        (Role::Editor, f.editor.clone()),
        (Role::Owner, f.owner.clone()),
    ];
    let mut wrong = Vec::new();

    // Act
    let (coalition_rules, account_rules) = (rules(true), rules(false));
    for rule in &coalition_rules {
        let name = format!("{} {}", rule.method, rule.pattern);
        let anonymous = f.send(rule, None).await;
        if anonymous.status() != 303 || !location(&anonymous).starts_with("/login") {
            wrong.push(format!("{name}: anonymous got {}", anonymous.status()));
        }
        let outsider = f.send(rule, Some(&f.outsider)).await.status();
        if outsider != 404 {
            wrong.push(format!(
                "{name}: a member of another coalition got {outsider}"
            ));
        }
        for (role, id) in &members {
            let status = f.send(rule, Some(id)).await.status();
            let expected_allowed = *role >= rule.role;
            if expected_allowed && !allowed(status) {
                wrong.push(format!("{name}: {role:?} is refused with {status}"));
            }
            if !expected_allowed && status != 403 {
                wrong.push(format!("{name}: {role:?} got {status}, not 403"));
            }
        }
    }
    for rule in &account_rules {
        let name = format!("{} {}", rule.method, rule.pattern);
        let anonymous = f.send(rule, None).await;
        if anonymous.status() != 303 || !location(&anonymous).starts_with("/login") {
            wrong.push(format!("{name}: anonymous got {}", anonymous.status()));
        }
        let viewer = f.send(rule, Some(&f.viewer)).await.status();
        if !allowed(viewer) {
            wrong.push(format!(
                "{name}: a signed-in viewer is refused with {viewer}"
            ));
        }
    }

    // Assert
    assert!(coalition_rules.len() >= 80 && account_rules.len() >= 6);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_declared_roles_keep_writes_from_viewers_and_members_and_the_audit_log_for_owners() {
    // Arrange
    let owners_only = |r: &Rule| {
        r.pattern.contains("/members/")
            || r.pattern.starts_with("/c/{coalition}/invitations/")
            || r.pattern.ends_with("/audit")
            || r.pattern == "/c/{coalition}/settings"
    };
    // How often a coordinator is mailed is their own setting, not the
    // coalition's data.
    let personal = |r: &Rule| r.pattern.ends_with("/digest");

    let coalition_rules = rules(true);

    // Act
    let writable_by_viewers: Vec<&str> = coalition_rules
        .iter()
        .filter(|r| r.method == "POST" && r.role < Role::Editor && !personal(r))
        .map(|r| r.pattern.as_str())
        .collect();
    let owners_routes_open_to_others: Vec<&str> = coalition_rules
        .iter()
        .filter(|r| owners_only(r) && r.role != Role::Owner)
        .map(|r| r.pattern.as_str())
        .collect();

    // Assert
    assert!(writable_by_viewers.is_empty(), "{writable_by_viewers:?}");
    assert!(
        owners_routes_open_to_others.is_empty(),
        "{owners_routes_open_to_others:?}"
    );
    assert!(coalition_rules.iter().any(owners_only));
}

#[tokio::test]
async fn a_path_or_method_no_handler_serves_is_not_found_for_everyone() {
    // Arrange
    let f = fixture().await;
    let statement = format!("/c/{COALITION_SLUG}/statements/{}", f.statement);
    let requests = [
        ("GET", format!("/c/{COALITION_SLUG}/made-up")),
        ("POST", format!("/c/{COALITION_SLUG}/made-up")),
        ("GET", format!("{statement}/made-up")),
        ("POST", format!("{statement}/delete")),
        ("DELETE", statement.clone()),
        ("PUT", format!("/c/{COALITION_SLUG}/members")),
    ];
    let mut wrong = Vec::new();

    // Act
    for who in [None, Some(&f.outsider), Some(&f.viewer), Some(&f.owner)] {
        let (client, csrf) = match who {
            Some(id) => {
                let session = f.app.session_for(id).await;
                (session.client, session.csrf)
            }
            None => (browser(), String::new()),
        };
        for (method, path) in &requests {
            let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
            let status = client
                .request(method.clone(), f.app.url(path))
                .form(&[("csrf", csrf.as_str())])
                .send()
                .await
                .expect("sent")
                .status();
            if status != 404 {
                wrong.push(format!("{method} {path} as {who:?}: {status}"));
            }
        }
    }

    // Assert
    assert!(wrong.is_empty(), "{wrong:#?}");
}

async fn statement_count(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    app.with_conn(|c| {
        undersigned::db::schema::statements::table
            .count()
            .get_result(c)
            .expect("count")
    })
    .await
}

#[tokio::test]
async fn every_coordinator_post_refuses_a_missing_a_wrong_or_a_cross_origin_token() {
    // Arrange
    let f = fixture().await;
    let owner = f.app.session_for(&f.owner).await;
    let all_rules: Vec<Rule> = rules(true).into_iter().chain(rules(false)).collect();
    let posts: Vec<&Rule> = all_rules.iter().filter(|r| r.method == "POST").collect();
    let mut wrong = Vec::new();

    // Act
    for rule in &posts {
        let path = f.path_for(rule).await;
        let form = f.form_for(rule);
        let url = f.app.url(&path);
        let without = owner
            .client
            .post(&url)
            .form(&form)
            .send()
            .await
            .expect("sent");
        let mut forged = form.clone();
        forged.push(("csrf", "forged-token".into()));
        let wrong_token = owner
            .client
            .post(&url)
            .form(&forged)
            .send()
            .await
            .expect("sent");
        let mut valid = form.clone();
        valid.push(("csrf", owner.csrf.clone()));
        let cross_origin = owner
            .client
            .post(&url)
            .header("Origin", "https://evil.example")
            .form(&valid)
            .send()
            .await
            .expect("sent");
        for (what, response) in [
            ("no token", without),
            ("a wrong token", wrong_token),
            ("another site's Origin", cross_origin),
        ] {
            if response.status() != 403 {
                wrong.push(format!(
                    "POST {} with {what}: {}",
                    rule.pattern,
                    response.status()
                ));
            }
        }
    }
    let same_origin = owner
        .client
        .post(f.app.url(&format!("/c/{COALITION_SLUG}/statements/new")))
        .header("Origin", f.app.address.clone())
        .form(&[
            ("title", "Same origin"),
            ("language", "en"),
            ("body", "Text."),
            ("csrf", owner.csrf.as_str()),
        ])
        .send()
        .await
        .expect("sent");

    // Assert
    assert!(posts.iter().any(|r| r.pattern == "/account/logout"));
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(
        owner.get("/account").await.status(),
        200,
        "logout was refused"
    );
    assert_eq!(
        same_origin.status(),
        303,
        "the right token from this site works"
    );
    assert_eq!(statement_count(&f.app).await, 2);
}

#[tokio::test]
async fn public_forms_refuse_a_post_from_another_site() {
    // Arrange
    let app = spawn_app().await;
    let link = app.setup_link.clone().expect("setup link");
    let evil = |url: String| {
        browser()
            .post(url)
            .header("Origin", "https://evil.example")
            .form(&[
                ("email", "someone@example.org"),
                ("password", "long enough password"),
            ])
            .send()
    };

    // Act
    let login = evil(app.url("/login")).await.expect("sent").status();
    let forgot = evil(app.url("/password/forgot"))
        .await
        .expect("sent")
        .status();
    let setup = evil(link.clone()).await.expect("sent").status();

    // Assert
    assert_eq!(
        (login, forgot, setup),
        (
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN
        )
    );
    assert_eq!(
        browser().get(&link).send().await.expect("sent").status(),
        200
    );
}

/// Words of the English coordinator pages (from `en/coordinator.ftl`) that
/// a Spanish page must not show. None of them is in the fixture's content.
const ENGLISH_WORDS: &[&str] = &[
    "Log out",
    "Switch coalition",
    "Audit log",
    "Members",
    "Settings",
    "Save",
    "Cancel",
    "Delete",
    "Send",
    "Edit",
    "Back to",
    "Status",
    "Language",
    "Time zone",
    "Deadline",
    "Signatures",
    "Contacts",
    "Press releases",
    "Search",
    "Import",
    "Export",
    "Invite",
    "Revision",
    "Comments",
    "Times are shown",
    "Choose",
    "Enter",
    "Your",
    "the",
    "of",
    "and",
];

/// Whether `text` holds `word` as a whole word ("Edit", not "Editar").
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let apart = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        apart(before) && apart(after)
    })
}

/// The visible text of a page: tags, scripts and styles taken out.
fn visible_text(page: &str) -> String {
    let mut text = String::new();
    let mut rest = page;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        text.push(' ');
        let after = &rest[start..];
        let skip_to = ["<script", "<style", "<datalist"]
            .iter()
            .find(|open| after.starts_with(*open))
            .and_then(|open| after.find(&format!("</{}>", &open[1..])))
            .unwrap_or(0);
        let Some(end) = after[skip_to..].find('>') else {
            break;
        };
        rest = &after[skip_to + end + 1..];
    }
    text.push_str(rest);
    crate::support::pages::unescape(&text)
}

/// What is English on each coordinator HTML page, as `session`
/// sees it with `accept_language`.
async fn english_on_every_page(
    f: &Fixture,
    session: &Session,
    accept_language: &str,
) -> Vec<String> {
    let mut wrong = Vec::new();
    let all_rules = rules(true).into_iter().chain(rules(false));
    for rule in all_rules.filter(|r| r.method == "GET") {
        let path = f.path_for(&rule).await;
        let response = session
            .client
            .get(f.app.url(&path))
            .header("Accept-Language", accept_language)
            .send()
            .await
            .expect("sent");
        let status = response.status();
        let html = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        let page = response.text().await.expect("body");
        if !html {
            continue;
        }
        // An editor's page of an owners' route is the 403 page, in Spanish too.
        if status.is_server_error() || status == 404 {
            wrong.push(format!("{path}: {status}"));
        }
        // The release's mail, inside the page or on its own, is in the
        // release's language (English here); `language.rs` sends a
        // Spanish one.
        if path.ends_with("/mail.html") {
            continue;
        }
        if !page.contains("<html lang=\"es\"") {
            wrong.push(format!("{path}: not <html lang=\"es\">"));
        }
        if path.ends_with("/mail") {
            continue;
        }
        let text = visible_text(&page);
        for word in ENGLISH_WORDS.iter().filter(|w| contains_word(&text, w)) {
            wrong.push(format!("{path}: {word:?}"));
        }
    }
    wrong
}

#[tokio::test]
async fn every_coordinator_page_speaks_spanish_to_a_spanish_speaking_coordinator() {
    // Arrange
    let f = fixture().await;
    let chooser = f.app.session_for(&f.owner).await;
    let chosen = chooser
        .post("/account/language", &[("language", "es")])
        .await;
    assert_eq!(chosen.status(), 303);
    let browser_only = f.app.session_for(&f.editor).await;
    f.fresh_release().await;
    f.fresh_contact().await;
    f.fresh_contact_list().await;

    // Act
    let by_choice = english_on_every_page(&f, &chooser, "en-US,en;q=0.9").await;
    let by_browser = english_on_every_page(&f, &browser_only, "es-MX,es;q=0.9,en;q=0.5").await;

    // Assert
    assert!(by_choice.is_empty(), "{by_choice:#?}");
    assert!(by_browser.is_empty(), "{by_browser:#?}");
}
