//! A press officer's fixtures: contacts stored as an import leaves them,
//! releases made through the form and mailings sent to a tag, and the
//! outbox rows of mailings as the worker leaves them.

use std::time::Duration;

use diesel::prelude::*;
use undersigned::db::schema::{contact_tags, contacts, outbox, suppressions};

use super::app::{Options, TestApp, eventually, spawn_app_configured};
use super::coordinators::{Session, location};
use super::smtp::TestSmtp;

const PRESS: &str = "/c/clean-water-coalition/press";

/// A coalition's contact, written straight to the table the way an import leaves it.
pub struct Contact<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub tags: &'a [&'a str],
}

/// Joe Reporter, tagged "press": the contact most release tests mail.
pub const JOE: Contact<'static> = Contact {
    email: "joe@news.example",
    name: "Joe Reporter",
    tags: &["press"],
};

impl TestApp {
    pub async fn add_contacts(&self, new: &[Contact<'_>]) {
        let coalition = self.coalition_id().await;
        let rows: Vec<(String, String, String, Vec<String>)> = new
            .iter()
            .map(|c| {
                (
                    undersigned::db::new_id(),
                    c.email.to_owned(),
                    c.name.to_owned(),
                    c.tags.iter().map(|t| (*t).to_owned()).collect(),
                )
            })
            .collect();
        self.with_conn(move |c| {
            let now = undersigned::db::now();
            undersigned::db::transaction(c, |c| {
                for (id, email, name, tags) in &rows {
                    diesel::insert_into(contacts::table)
                        .values((
                            contacts::id.eq(id),
                            contacts::coalition_id.eq(&coalition),
                            contacts::email.eq(email),
                            contacts::email_key.eq(email.to_lowercase()),
                            contacts::name.eq(name),
                            contacts::do_not_contact.eq(false),
                            contacts::created_at.eq(now),
                            contacts::updated_at.eq(now),
                        ))
                        .execute(c)?;
                    for tag in tags {
                        diesel::insert_into(contact_tags::table)
                            .values((
                                contact_tags::contact_id.eq(id),
                                contact_tags::coalition_id.eq(&coalition),
                                contact_tags::tag.eq(tag),
                            ))
                            .execute(c)?;
                    }
                }
                Ok::<_, diesel::result::Error>(())
            })
            .expect("contacts stored")
        })
        .await;
    }

    /// `count` contacts tagged "press"; returns their addresses.
    pub async fn add_reporters(&self, count: usize) -> Vec<String> {
        let addresses: Vec<String> = (0..count)
            .map(|i| format!("reporter{i}@news.example"))
            .collect();
        let contacts: Vec<Contact<'_>> = addresses
            .iter()
            .map(|email| Contact {
                email,
                name: "Reporter",
                tags: &["press"],
            })
            .collect();
        self.add_contacts(&contacts).await;
        addresses
    }

    pub async fn suppression_reason(&self, email: &str) -> Option<String> {
        let email = email.to_owned();
        self.with_conn(move |c| {
            suppressions::table
                .filter(suppressions::email.eq(email))
                .select(suppressions::reason)
                .first::<String>(c)
                .optional()
                .expect("suppressions read")
        })
        .await
    }

    /// Outbox rows of mailings, by status.
    pub async fn mailing_rows(&self, status: &str) -> i64 {
        let status = status.to_owned();
        self.with_conn(move |c| {
            outbox::table
                .filter(outbox::mailing_id.is_not_null())
                .filter(outbox::status.eq(status))
                .count()
                .get_result(c)
                .expect("count")
        })
        .await
    }

    /// Waits until the mail worker holds no mail of any mailing: what it
    /// had claimed is sent or given back.
    pub async fn wait_for_the_worker_to_let_go(&self) {
        eventually("the worker lets go of the mailings", WAIT, || async {
            self.with_conn(|c| {
                outbox::table
                    .filter(outbox::mailing_id.is_not_null())
                    .filter(outbox::locked_by.is_not_null())
                    .count()
                    .get_result::<i64>(c)
                    .expect("count")
            })
            .await
                == 0
        })
        .await;
    }

    /// Waits until every mail of every mailing is sent or failed for good.
    pub async fn wait_for_mailings(&self) {
        eventually("the mailings finish", WAIT, || async {
            self.mailing_rows("queued").await == 0
        })
        .await;
    }
}

pub fn release_form<'a>(headline: &'a str, embargo: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("headline", headline),
        ("subheadline", "Joint statement delivered to the ministers"),
        ("dateline", "Mexico City"),
        ("release_date", "24 November 2026"),
        (
            "body",
            "Today **{{signatories}}** organizations signed.\n\n> Water is life.",
        ),
        (
            "contacts",
            "Ana Núñez | +52 55 1234 5678 | ana@coalition.example",
        ),
        (
            "about",
            "The Clean Water Coalition brings together 40 organizations.",
        ),
        ("statement", ""),
        ("embargo", embargo),
        ("embargo_zone", "Europe/Berlin"),
    ]
}

/// Creates a release; returns its path under the coalition.
pub async fn create_release(owner: &Session, headline: &str, embargo: &str) -> String {
    let response = owner
        .post(&format!("{PRESS}/new"), &release_form(headline, embargo))
        .await;
    assert_eq!(response.status(), 303, "the release is created");
    location(&response)
}

/// Sends a release now to contacts tagged `tag`; returns the mailing's path.
pub async fn send_to_tag(owner: &Session, release: &str, tag: &str) -> String {
    let response = owner
        .post(&format!("{release}/send"), &[("tag", tag), ("when", "now")])
        .await;
    assert_eq!(response.status(), 303, "the mailing starts");
    location(&response)
}

pub async fn press_app(
    smtp: Option<TestSmtp>,
    change: impl FnOnce(&mut undersigned::config::Settings),
) -> (TestApp, Session) {
    let app = spawn_app_configured(
        Options {
            smtp,
            db: None,
            data_dir: None,
        },
        change,
    )
    .await;
    let owner = app.setup_first_account().await;
    (app, owner)
}

/// How long a mailing may take to get where a test waits for it.
pub const WAIT: Duration = Duration::from_secs(30);
