//! Choosing a release's audience and sending it: now, at a time, or at the
//! embargo.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};

use super::mailings::{self, Audience, When};
use super::routes::{ctx, load, rendering, statements};
use super::{Release, views};
use crate::i18n::{local_time, t, t_args};
use crate::web::access::Access;
use crate::web::access::{Editor, Viewer};
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::ReleasePath;
use crate::web::{AppState, blocking, blocking_outcome};

pub fn configure_coalition(cfg: &mut web::ServiceConfig) {
    cfg.service(send_form).service(send);
}

/// The audience in a query or form: repeated `list` and `tag`, one
/// `signatories`; anything not of this coalition is dropped.
pub(super) fn audience_from(
    pairs: &[(String, String)],
    statements: &[(String, String)],
) -> Audience {
    let mut audience = Audience::default();
    for (key, value) in pairs {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "list" => audience.lists.push(value.to_owned()),
            "tag" => audience.tags.push(value.to_owned()),
            "signatories" if statements.iter().any(|(id, _)| id == value) => {
                audience.signatories_of = Some(value.to_owned());
            }
            _ => {}
        }
    }
    audience
}

/// The lists and tags of the coalition and what `audience` reaches.
pub(super) async fn choices(
    state: &AppState,
    access: &Access,
    audience: Audience,
) -> Result<
    (
        Vec<crate::contacts::ListSummary>,
        Vec<(String, i64)>,
        Option<mailings::Resolved>,
    ),
    WebError,
> {
    let coalition = access.member()?.coalition.id.clone();
    blocking(state, move |c| {
        let resolved = if audience.is_empty() {
            None
        } else {
            Some(mailings::resolve(c, &coalition, &audience)?)
        };
        Ok::<_, diesel::result::Error>((
            crate::contacts::lists(c, &coalition)?,
            crate::contacts::tags(c, &coalition)?,
            resolved,
        ))
    })
    .await
}

async fn render_send(
    state: &AppState,
    access: &Access,
    release: &Release,
    audience: Audience,
    schedule: &Schedule,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let statements = statements(state, access).await?;
    let (lists, tags, resolved) = choices(state, access, audience.clone()).await?;
    let repeated = match &resolved {
        Some(resolved) => {
            let (target, reached) = (release.clone(), resolved.clone());
            blocking(state, move |c| {
                mailings::already_received(c, &target, &reached)
            })
            .await?
        }
        None => 0,
    };
    let headline = rendering(state, release.clone(), None)
        .await?
        .revision
        .headline;
    let choice = views::AudienceChoice {
        lists: &lists,
        tags: &tags,
        statements: &statements,
        chosen: &audience,
        resolved: resolved.as_ref(),
        schedule,
        repeated,
    };
    Ok(html_response(
        status,
        views::send_page(access, release, &headline, &choice, &errors),
    ))
}

#[get("/press/{release}/send")]
async fn send_form(
    access: Viewer,
    state: web::Data<AppState>,
    path: web::Path<ReleasePath>,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let release = load(&state, &access, path.into_inner().release).await?;
    let audience = audience_from(&query, &statements(&state, &access).await?);
    render_send(
        &state,
        &access,
        &release,
        audience,
        &Schedule::fresh(access.zone()),
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// The "when" fields as typed, to show them again.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    /// `now`, `embargo` or `at`.
    pub when: String,
    /// The local time of `at`.
    pub at: String,
    /// The zone `at` is typed in.
    pub zone: String,
    /// The form's one-time key: sent twice, it starts one mailing.
    pub start_key: String,
}

fn new_start_key() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

impl Schedule {
    /// An empty form, typed in `zone` (the coalition's).
    pub fn fresh(zone: chrono_tz::Tz) -> Self {
        Self {
            when: "now".into(),
            at: String::new(),
            zone: zone.name().to_owned(),
            start_key: new_start_key(),
        }
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let start_key = get("start_key").trim().to_owned();
        Self {
            when: get("when"),
            at: get("send_at"),
            zone: get("send_zone"),
            start_key: if start_key.is_empty() {
                new_start_key()
            } else {
                start_key
            },
        }
    }

    /// When, with the form's one-time key.
    pub fn start(&self, when: When) -> mailings::Start<'_> {
        mailings::Start {
            when,
            key: Some(&self.start_key),
        }
    }

    /// When, from the form: now, at the embargo, or at a local time in a
    /// zone.
    /// An empty zone means `default_zone` (the coalition's).
    pub fn when(
        &self,
        lang: crate::i18n::Lang,
        default_zone: chrono_tz::Tz,
    ) -> Result<When, (&'static str, String)> {
        match self.when.as_str() {
            "embargo" => Ok(When::AtEmbargo),
            "at" => {
                let zone = local_time::zone_or(&self.zone, default_zone)
                    .map_err(|e| ("send_zone", t(lang, e.message_id())))?;
                local_time::to_utc(&self.at, zone)
                    .map(When::At)
                    .map_err(|e| ("send_at", t(lang, e.message_id())))
            }
            _ => Ok(When::Now),
        }
    }
}

/// Leads to the page of the mailing `mailing_id` of the coalition in use.
pub(super) fn to_mailing(access: &Access, mailing_id: &str) -> HttpResponse {
    see_other(&format!(
        "/c/{}/mailings/{mailing_id}",
        access.coalition_slug()
    ))
}

/// Where a form already sent once leads: to the mailing its first sending
/// started, if it started one.
pub(super) async fn started_by(
    state: &AppState,
    access: &Access,
    schedule: &Schedule,
) -> Result<Option<HttpResponse>, WebError> {
    let (coalition, key) = (
        access.member()?.coalition.id.clone(),
        schedule.start_key.clone(),
    );
    let started = blocking(state, move |c| mailings::started_by(c, &coalition, &key)).await?;
    Ok(started.map(|mailing| to_mailing(access, &mailing.id)))
}

#[post("/press/{release}/send")]
async fn send(
    access: Editor,
    state: web::Data<AppState>,
    path: web::Path<ReleasePath>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let release = load(&state, &access, path.into_inner().release).await?;
    let schedule = Schedule::from_pairs(&form);
    if let Some(started) = started_by(&state, &access, &schedule).await? {
        return Ok(started);
    }
    let audience = audience_from(&form, &statements(&state, &access).await?);
    let mut errors = FieldErrors::default();
    let when = match schedule.when(access.lang, access.zone()) {
        Ok(When::AtEmbargo) if release.embargo_at.is_none() => {
            errors.add("send_at", t(access.lang, "mailing-no-embargo"));
            None
        }
        Ok(when) => Some(when),
        Err((field, message)) => {
            errors.add(field, message);
            None
        }
    };
    let again = form.iter().any(|(k, v)| k == "again" && v == "yes");
    if !again && errors.is_empty() {
        let (coalition, target, chosen) = (
            access.member()?.coalition.id.clone(),
            release.clone(),
            audience.clone(),
        );
        let repeated = blocking(&state, move |c| {
            let reached = mailings::resolve(c, &coalition, &chosen)?;
            mailings::already_received(c, &target, &reached)
        })
        .await?;
        // The same form sent a moment ago may have reached them: it
        // committed its mailing with the recipients' mail.
        if repeated > 0
            && let Some(started) = started_by(&state, &access, &schedule).await?
        {
            return Ok(started);
        }
        if repeated > 0 {
            errors.add(
                "again",
                t_args(
                    access.lang,
                    "press-send-again-required",
                    &[("count", repeated.into())],
                ),
            );
        }
    }
    let when = when.filter(|_| errors.is_empty());
    let Some(when) = when else {
        return render_send(
            &state,
            &access,
            &release,
            audience,
            &schedule,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let (actor, st, target, chosen, form_state) = (
        access.coordinator.clone(),
        state.clone(),
        release.clone(),
        audience.clone(),
        schedule.clone(),
    );
    let sent = blocking_outcome(&state, move |c| {
        let revision = super::current(c, &target)?;
        let start = form_state.start(when);
        mailings::send_release(c, ctx(&st), &target, &revision, &chosen, start, &actor)
    })
    .await?;
    match sent {
        Ok(mailing) => Ok(to_mailing(&access, &mailing.id)),
        Err(super::PressError::NoAudience) => {
            errors.add("list", t(access.lang, "mailing-no-audience"));
            render_send(
                &state,
                &access,
                &release,
                audience,
                &schedule,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(error) => Err(WebError::unexpected(error)),
    }
}
