//! Digests: coordinators who ask for it get one mail per hour or per day
//! with the signatures confirmed since the last one.

use actix_web::{HttpResponse, post, web};
use chrono::Duration;
use diesel::prelude::*;
use serde::Deserialize;

use crate::db::schema::{coordinators, digest_subscriptions, signatures, statements};
use crate::db::{DbConn, text_enum};
use crate::i18n::{CountryCode, Lang, country_name};
use crate::mail::{self, MailContext, OutgoingMail, Priority};
use crate::web::access::Viewer;
use crate::web::error::WebError;
use crate::web::layout::see_other;
use crate::web::paths::StatementPath;
use crate::web::{AppState, blocking};

text_enum!(
    /// How often a digest goes out.
    Frequency { Hourly => "hourly", Daily => "daily" }
);

impl Frequency {
    /// The time between two digests, and its word in the mail.
    fn period(self) -> (Duration, &'static str) {
        match self {
            Self::Hourly => (Duration::hours(1), "hour"),
            Self::Daily => (Duration::days(1), "day"),
        }
    }
}

/// A coordinator's choice for a statement; `None` for no digest.
pub fn set(
    conn: &mut DbConn,
    coordinator_id: &str,
    statement_id: &str,
    frequency: Option<Frequency>,
) -> QueryResult<()> {
    crate::db::transaction(conn, |conn| {
        diesel::delete(
            digest_subscriptions::table
                .filter(digest_subscriptions::coordinator_id.eq(coordinator_id))
                .filter(digest_subscriptions::statement_id.eq(statement_id)),
        )
        .execute(conn)?;
        if let Some(frequency) = frequency {
            diesel::insert_into(digest_subscriptions::table)
                .values((
                    digest_subscriptions::coordinator_id.eq(coordinator_id),
                    digest_subscriptions::statement_id.eq(statement_id),
                    digest_subscriptions::frequency.eq(frequency),
                    digest_subscriptions::last_sent_at.eq(crate::db::now()),
                ))
                .execute(conn)?;
        }
        Ok(())
    })
}

pub fn frequency_of(
    conn: &mut DbConn,
    coordinator_id: &str,
    statement_id: &str,
) -> QueryResult<String> {
    Ok(digest_subscriptions::table
        .filter(digest_subscriptions::coordinator_id.eq(coordinator_id))
        .filter(digest_subscriptions::statement_id.eq(statement_id))
        .select(digest_subscriptions::frequency)
        .first::<Frequency>(conn)
        .optional()?
        .map_or("none", Frequency::as_str)
        .to_owned())
}

type Due = (
    String,
    String,
    Frequency,
    chrono::NaiveDateTime,
    String,
    String,
    String,
    Option<String>,
);

/// Sends every digest that is due; returns how many mails were queued.
pub fn send_due(conn: &mut DbConn, context: &MailContext) -> Result<usize, DigestError> {
    let now = crate::db::now();
    let subscriptions: Vec<Due> = digest_subscriptions::table
        .inner_join(coordinators::table)
        .inner_join(statements::table)
        .select((
            digest_subscriptions::coordinator_id,
            digest_subscriptions::statement_id,
            digest_subscriptions::frequency,
            digest_subscriptions::last_sent_at,
            coordinators::email,
            coordinators::name,
            statements::language,
            coordinators::language,
        ))
        .load(conn)?;
    let mut sent = 0;
    for (coordinator_id, statement_id, frequency, last, email, name, language, chosen) in
        subscriptions
    {
        let (every, word) = frequency.period();
        if last + every > now {
            continue;
        }
        crate::db::transaction(conn, |conn| -> Result<(), DigestError> {
            let names: Vec<(String, Option<String>, Option<String>)> = signatures::table
                .filter(signatures::statement_id.eq(&statement_id))
                .filter(signatures::confirmed_at.gt(last))
                .filter(signatures::confirmed_at.le(now))
                .order(signatures::confirmed_at)
                .select((
                    signatures::name,
                    signatures::display_name,
                    signatures::country,
                ))
                .limit(500)
                .load(conn)?;
            diesel::update(
                digest_subscriptions::table
                    .filter(digest_subscriptions::coordinator_id.eq(&coordinator_id))
                    .filter(digest_subscriptions::statement_id.eq(&statement_id)),
            )
            .set(digest_subscriptions::last_sent_at.eq(now))
            .execute(conn)?;
            if names.is_empty() {
                return Ok(());
            }
            let Some(statement) = crate::statements::find_any(conn, &statement_id)? else {
                return Ok(());
            };
            let title = crate::statements::title_in(conn, &statement, &language)?;
            let coalition = crate::coalitions::find(conn, &statement.coalition_id)?;
            // The language of the coordinator's pages, else the coalition's.
            let lang = chosen
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or_else(|| coalition.lang());
            let slug = coalition.slug;
            let lines: Vec<String> = names
                .iter()
                .map(|(n, d, c)| {
                    let shown = d.as_deref().unwrap_or(n);
                    match c.as_deref() {
                        Some(c) => match CountryCode::parse(c) {
                            Some(code) => format!("{shown}, {}", country_name(&code, lang)),
                            None => format!("{shown}, {c}"),
                        },
                        None => shown.to_owned(),
                    }
                })
                .collect();
            let content = mail::templates::render_localized(
                "signature-digest",
                lang.code(),
                &serde_json::json!({
                    "name": name,
                    "title": title,
                    "count": names.len(),
                    "names": lines,
                    "link": format!("{}/c/{slug}/statements/{statement_id}/signatures", context.base_url),
                    "period": word,
                }),
            )?;
            mail::enqueue(
                conn,
                context,
                &OutgoingMail {
                    purpose: "signature-digest".into(),
                    // One digest per window, named by where it starts.
                    subject_id: format!("{statement_id}:{}", last.format("%Y%m%d%H%M%S%6f")),
                    to: email.clone(),
                    to_name: Some(name.clone()),
                    content,
                    headers: Vec::new(),
                    priority: Priority::Bulk,
                    sender: mail::Sender::default(),
                },
            )?;
            sent += 1;
            Ok(())
        })?;
    }
    Ok(sent)
}

#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    #[error(transparent)]
    Template(#[from] mail::templates::TemplateError),
    #[error(transparent)]
    Mail(#[from] mail::EnqueueError),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

#[derive(Debug, Deserialize)]
pub struct DigestForm {
    #[serde(default)]
    frequency: String,
}

#[post("/statements/{statement}/digest")]
pub async fn subscribe(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<StatementPath>,
    form: web::Form<DigestForm>,
) -> Result<HttpResponse, WebError> {
    let statement =
        crate::statements::routes::load(&state, &access, path.into_inner().statement).await?;
    let (coordinator, id, frequency) = (
        access.coordinator.id.clone(),
        statement.id.clone(),
        Frequency::parse(&form.into_inner().frequency),
    );
    blocking(&state, move |c| set(c, &coordinator, &id, frequency)).await?;
    let slug = access.member()?.coalition.slug.clone();
    Ok(see_other(&format!("/c/{slug}/statements/{}", statement.id)))
}
