use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Deserialize;

use super::{Acceptance, CoalitionError, NewCoalition, Role, views};
use crate::accounts::{self, Email, NewAccount, Password};
use crate::i18n::{Lang, local_time, t};
use crate::web::access::{self, Access};
use crate::web::access::{Owner, SignedIn, Viewer};
use crate::web::error::WebError;
use crate::web::forms::FieldErrors;
use crate::web::layout::{html_response, see_other};
use crate::web::paths::{InvitationPath, MemberPath};
use crate::web::{AppState, blocking, blocking_outcome, request_lang};

/// Public routes: accepting an invitation.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(invitation_page).service(invitation_accept);
    super::face::routes::configure(cfg);
}

/// `/c` itself, behind the account guard.
pub fn configure_account(cfg: &mut web::ServiceConfig) {
    cfg.service(coalition_list).service(coalition_create);
}

/// Routes under `/c/{coalition}`, behind the coalition guard.
pub fn configure_coalition(cfg: &mut web::ServiceConfig) {
    cfg.service(members_page)
        .service(settings_page)
        .service(settings_save)
        .service(invite)
        .service(change_role)
        .service(remove_member)
        .service(revoke_invitation);
    super::face::routes::configure_coalition(cfg);
}

#[get("")]
async fn coalition_list(
    access: SignedIn,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let id = access.coordinator.id.clone();
    let memberships = blocking(&state, move |c| super::memberships_of(c, &id)).await?;
    if let [only] = memberships.as_slice() {
        return Ok(see_other(&format!("/c/{}", only.coalition.slug)));
    }
    Ok(html_response(
        StatusCode::OK,
        views::coalition_list(
            &access,
            &memberships,
            &CreateForm::default(),
            &FieldErrors::default(),
        ),
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub time_zone: String,
}

#[post("")]
async fn coalition_create(
    access: SignedIn,
    state: web::Data<AppState>,
    form: web::Form<CreateForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let lang = access.lang;
    let mut errors = FieldErrors::default();
    let coordinator = access.coordinator.clone();
    let id = coordinator.id.clone();
    let zone = local_time::zone_or(&form.time_zone, chrono_tz::Tz::UTC)
        .map_err(|e| errors.add("time_zone", t(lang, e.message_id())))
        .ok();
    let new = NewCoalition::parse(&form.name)
        .map_err(|_| errors.add("name", t(lang, "coalitions-error-name")))
        .ok();
    let outcome = match (new, zone) {
        (Some(new), Some(zone)) => {
            let new = new.with_locale(lang, zone);
            Some(blocking_outcome(&state, move |c| super::create(c, &new, &coordinator)).await?)
        }
        _ => None,
    };
    match outcome {
        Some(Ok(coalition)) => return Ok(see_other(&format!("/c/{}", coalition.slug))),
        Some(Err(CoalitionError::NameTaken)) => {
            errors.add("name", t(access.lang, "coalitions-error-name-taken"))
        }
        Some(Err(error)) => return Err(WebError::unexpected(error)),
        None => {}
    }
    let memberships = blocking(&state, move |c| super::memberships_of(c, &id)).await?;
    Ok(html_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::coalition_list(&access, &memberships, &form, &errors),
    ))
}

async fn render_members(
    state: &AppState,
    access: &Access,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let coalition_id = access.member()?.coalition.id.clone();
    let (members, invitations) = blocking(state, move |c| {
        Ok::<_, diesel::result::Error>((
            super::members(c, &coalition_id)?,
            super::pending_invitations(c, &coalition_id)?,
        ))
    })
    .await?;
    Ok(html_response(
        status,
        views::members(access, &members, &invitations, &errors),
    ))
}

#[get("/members")]
async fn members_page(
    access: Viewer,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    render_members(&state, &access, FieldErrors::default(), StatusCode::OK).await
}

#[derive(Debug, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

#[post("/members/invite")]
async fn invite(
    access: Owner,
    state: web::Data<AppState>,
    form: web::Form<InviteForm>,
) -> Result<HttpResponse, WebError> {
    let mut errors = FieldErrors::default();
    let email = Email::parse(&form.email);
    let role = Role::parse(&form.role);
    if email.is_none() {
        errors.add("email", t(access.lang, "account-error-email"));
    }
    if role.is_none() {
        errors.add("role", t(access.lang, "members-error-role"));
    }
    let (Some(email), Some(role)) = (email, role) else {
        return render_members(&state, &access, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let membership = access.member()?.clone();
    let (inviter, context, lang) = (access.coordinator.clone(), state.mail.clone(), access.lang);
    let outcome = blocking_outcome(&state, move |c| {
        super::invite(c, &context, &membership, &inviter, &email, role, lang)
    })
    .await?;
    match outcome {
        Ok(_) => Ok(see_other(&format!(
            "/c/{}/members",
            access.member()?.coalition.slug
        ))),
        Err(CoalitionError::AlreadyMember) => {
            errors.add("email", t(access.lang, "members-error-already-member"));
            render_members(&state, &access, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(error) => Err(WebError::unexpected(error)),
    }
}

#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

fn member_change_outcome(
    access: &Access,
    outcome: Result<(), CoalitionError>,
) -> Result<HttpResponse, WebError> {
    match outcome {
        Ok(()) => Ok(see_other(&format!(
            "/c/{}/members",
            access.member()?.coalition.slug
        ))),
        Err(CoalitionError::LastOwner) => Err(WebError::BadRequest(t(
            access.lang,
            "members-error-last-owner",
        ))),
        Err(CoalitionError::Database(diesel::result::Error::NotFound)) => Err(WebError::NotFound),
        Err(error) => Err(WebError::unexpected(error)),
    }
}

#[post("/members/{member}/role")]
async fn change_role(
    access: Owner,
    state: web::Data<AppState>,
    path: web::Path<MemberPath>,
    form: web::Form<RoleForm>,
) -> Result<HttpResponse, WebError> {
    let MemberPath { member: member_id } = path.into_inner();
    let role = Role::parse(&form.role)
        .ok_or_else(|| WebError::BadRequest(t(access.lang, "members-error-role")))?;
    let (membership, actor) = (access.member()?.clone(), access.coordinator.clone());
    let outcome = blocking_outcome(&state, move |c| {
        super::change_role(c, &membership, &actor, &member_id, role)
    })
    .await?;
    member_change_outcome(&access, outcome)
}

#[post("/members/{member}/remove")]
async fn remove_member(
    access: Owner,
    state: web::Data<AppState>,
    path: web::Path<MemberPath>,
) -> Result<HttpResponse, WebError> {
    let MemberPath { member: member_id } = path.into_inner();
    let (membership, actor) = (access.member()?.clone(), access.coordinator.clone());
    let outcome = blocking_outcome(&state, move |c| {
        super::remove_member(c, &membership, &actor, &member_id)
    })
    .await?;
    member_change_outcome(&access, outcome)
}

#[post("/invitations/{invitation}/revoke")]
async fn revoke_invitation(
    access: Owner,
    state: web::Data<AppState>,
    path: web::Path<InvitationPath>,
) -> Result<HttpResponse, WebError> {
    let InvitationPath {
        invitation: invitation_id,
    } = path.into_inner();
    let (membership, actor) = (access.member()?.clone(), access.coordinator.clone());
    let outcome = blocking_outcome(&state, move |c| {
        super::revoke_invitation(c, &membership, &actor, &invitation_id)
    })
    .await?;
    match outcome {
        Err(CoalitionError::InvalidInvitation) => Err(WebError::NotFound),
        other => member_change_outcome(&access, other),
    }
}

/// The coordinator signed in on this browser, if any (public pages).
async fn signed_in(
    req: &HttpRequest,
    state: &AppState,
) -> Result<Option<accounts::Coordinator>, WebError> {
    let Some(raw) = req
        .cookie(access::SESSION_COOKIE)
        .map(|c| c.value().to_owned())
    else {
        return Ok(None);
    };
    let found = blocking(state, move |c| accounts::session_coordinator(c, &raw)).await?;
    Ok(found.map(|(_, coordinator)| coordinator))
}

/// An invitation link that opens a valid invitation, and who is signed
/// in on this browser.
struct Opened {
    lang: Lang,
    token: String,
    invitation: super::Invitation,
    coalition: super::Coalition,
    me: Option<accounts::Coordinator>,
}

/// Opens the invitation of a link; the answer is the page that says the
/// link is not valid when it opens none.
async fn open(
    req: &HttpRequest,
    state: &AppState,
    token: String,
) -> Result<Result<Opened, HttpResponse>, WebError> {
    let lang = request_lang(req);
    let raw = token.clone();
    let found = blocking(state, move |c| super::open_invitation(c, &raw)).await?;
    let Some((invitation, coalition)) = found else {
        return Ok(Err(html_response(
            StatusCode::NOT_FOUND,
            views::invitation_invalid(lang),
        )));
    };
    let me = signed_in(req, state).await?;
    Ok(Ok(Opened {
        lang,
        token,
        invitation,
        coalition,
        me,
    }))
}

#[get("/invitations/{token}")]
async fn invitation_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let opened = match open(&req, &state, token.into_inner()).await? {
        Ok(opened) => opened,
        Err(invalid) => return Ok(invalid),
    };
    let email = opened.invitation.email.clone();
    let has_account = blocking(&state, move |c| {
        Email::parse(&email)
            .map(|e| accounts::find_by_email(c, &e))
            .transpose()
            .map(|a| a.flatten().is_some())
    })
    .await?;
    Ok(html_response(
        StatusCode::OK,
        views::invitation(
            opened.lang,
            &opened.token,
            &opened.invitation,
            &opened.coalition,
            opened.me.as_ref(),
            has_account,
            &FieldErrors::default(),
            "",
        ),
    ))
}

#[derive(Debug, Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
}

#[post("/invitations/{token}")]
async fn invitation_accept(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<AcceptForm>,
) -> Result<HttpResponse, WebError> {
    let Opened {
        lang,
        token,
        invitation,
        coalition,
        me,
    } = match open(&req, &state, token.into_inner()).await? {
        Ok(opened) => opened,
        Err(invalid) => return Ok(invalid),
    };
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let new_account = if me.is_some() {
        None
    } else {
        let name = crate::text::normalize_line(&form.name, 120)
            .map_err(|_| errors.add("name", t(lang, "account-error-name")))
            .ok();
        let password = Password::parse(&form.password)
            .map_err(|e| errors.add("password", accounts::routes::password_message(lang, e)))
            .ok();
        match (name, password, Email::parse(&invitation.email)) {
            (Some(name), Some(password), Some(email)) => Some(NewAccount {
                name,
                email,
                password,
            }),
            _ => {
                return Ok(html_response(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    views::invitation(
                        lang,
                        &token,
                        &invitation,
                        &coalition,
                        None,
                        false,
                        &errors,
                        &form.name,
                    ),
                ));
            }
        }
    };
    let existing = me.clone();
    let outcome = blocking_outcome(&state, move |c| {
        let acceptance = match (&existing, &new_account) {
            (Some(coordinator), _) => Acceptance::Existing(coordinator),
            (None, Some(account)) => Acceptance::NewAccount(account),
            (None, None) => return Err(CoalitionError::InvalidInvitation),
        };
        let (coordinator, coalition) = super::accept_invitation(c, &token, acceptance)?;
        let session = if existing.is_none() {
            Some(accounts::start_session(c, &coordinator.id)?)
        } else {
            None
        };
        Ok((coalition, session))
    })
    .await?;
    match outcome {
        Ok((coalition, session)) => {
            let mut response = see_other(&format!("/c/{}", coalition.slug));
            if let Some(session) = session {
                let _ = response.add_cookie(&access::session_cookie(&session, state.https()));
            }
            Ok(response)
        }
        Err(CoalitionError::Account(accounts::AccountError::EmailTaken)) => Ok(html_response(
            StatusCode::CONFLICT,
            views::invitation_log_in_first(lang, &invitation.email),
        )),
        Err(CoalitionError::InvalidInvitation) => Ok(html_response(
            StatusCode::NOT_FOUND,
            views::invitation_invalid(lang),
        )),
        Err(CoalitionError::OtherAddress) => Ok(html_response(
            StatusCode::FORBIDDEN,
            views::invitation_other_address(lang, &invitation.email),
        )),
        Err(error) => Err(WebError::unexpected(error)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub time_zone: String,
}

impl SettingsForm {
    pub fn of(coalition: &super::Coalition) -> Self {
        Self {
            language: coalition.lang().code().to_owned(),
            time_zone: coalition.zone().name().to_owned(),
        }
    }
}

#[derive(Debug, Deserialize)]
struct SettingsQuery {
    saved: Option<String>,
}

/// What the settings page says after a save.
fn saved_notice(lang: Lang, saved: Option<&str>) -> Option<String> {
    let id = match saved? {
        "face" => "face-saved",
        "logo" => "logo-saved",
        "logo-removed" => "logo-removed",
        _ => "coalition-settings-saved",
    };
    Some(t(lang, id))
}

#[get("/settings")]
async fn settings_page(
    access: Owner,
    state: web::Data<AppState>,
    query: web::Query<SettingsQuery>,
) -> Result<HttpResponse, WebError> {
    let coalition = &access.member()?.coalition;
    let notice = saved_notice(access.lang, query.saved.as_deref());
    settings_response(
        &state,
        &access,
        StatusCode::OK,
        (
            &SettingsForm::of(coalition),
            &super::FaceForm::of(coalition),
        ),
        &FieldErrors::default(),
        notice.as_deref(),
    )
    .await
}

/// The settings page with the two forms as given (`locale`, `face`), the
/// errors beside their fields and a notice, and the current logo.
pub(super) async fn settings_response(
    state: &AppState,
    access: &Access,
    status: StatusCode,
    (locale, face): (&SettingsForm, &super::FaceForm),
    errors: &FieldErrors,
    notice: Option<&str>,
) -> Result<HttpResponse, WebError> {
    let coalition = access.member()?.coalition.clone();
    let masthead = blocking(state, move |c| super::masthead(c, &coalition)).await?;
    Ok(html_response(
        status,
        views::settings(
            access,
            &views::SettingsPage {
                locale,
                face,
                logo: masthead.logo.as_deref(),
                errors,
                notice,
            },
        ),
    ))
}

#[post("/settings")]
async fn settings_save(
    access: Owner,
    state: web::Data<AppState>,
    form: web::Form<SettingsForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let lang = access.lang;
    let mut errors = FieldErrors::default();
    let language = Lang::parse(&form.language);
    if language.is_none() {
        errors.add("language", t(lang, "coalition-language-error"));
    }
    let zone = local_time::parse_zone(&form.time_zone)
        .map_err(|e| errors.add("time_zone", t(lang, e.message_id())))
        .ok();
    let (Some(language), Some(zone)) = (language, zone) else {
        let face = super::FaceForm::of(&access.member()?.coalition);
        return settings_response(
            &state,
            &access,
            StatusCode::UNPROCESSABLE_ENTITY,
            (&form, &face),
            &errors,
            None,
        )
        .await;
    };
    let coalition = access.member()?.coalition.clone();
    let actor = access.coordinator.clone();
    let slug = coalition.slug.clone();
    blocking(&state, move |c| {
        super::set_locale(c, &coalition, &actor, language, zone)
    })
    .await?;
    Ok(see_other(&format!("/c/{slug}/settings?saved=1")))
}
