use maud::{Markup, html};

use super::routes::{CreateForm, SettingsForm};
use super::{Coalition, FaceForm, Invitation, Member, Membership, Role};
use crate::accounts::Coordinator;
use crate::i18n::{Lang, t, t_args, t_markup};
use crate::web::access::Access;
use crate::web::assets::ZONE_SCRIPT_PATH;
use crate::web::forms::{self, FieldErrors, Input, action_button, csrf_field, error_summary};
use crate::web::layout::{coordinator, headed, headed_in};

/// A stored role (`owner`, `editor`, `viewer`) in words of `lang`.
fn role_name(lang: Lang, role: &str) -> String {
    t(lang, &format!("role-{role}"))
}

fn role_options(lang: Lang) -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().to_owned(),
                t_args(
                    lang,
                    "role-option",
                    &[
                        ("role", role_name(lang, r.as_str()).into()),
                        (
                            "description",
                            t(lang, &format!("role-description-{}", r.as_str())).into(),
                        ),
                    ],
                ),
            )
        })
        .collect()
}

pub fn coalition_list(
    access: &Access,
    memberships: &[Membership],
    typed: &CreateForm,
    errors: &FieldErrors,
) -> Markup {
    let lang = access.lang;
    headed(
        access,
        &t(lang, "coalitions-title"),
        html! {
            @if memberships.is_empty() {
                p { (t(lang, "coalitions-none")) }
            } @else {
                ul.cards {
                    @for m in memberships {
                        li { a href={ "/c/" (m.coalition.slug) } { (m.coalition.name) } " " span.muted { (t_args(lang, "coalitions-role", &[("role", role_name(lang, m.role.as_str()).into())])) } }
                    }
                }
            }
            h2 { (t(lang, "coalitions-create")) }
            (error_summary(lang, errors))
            form method="post" action="/c" {
                (csrf_field(&access.csrf))
                (forms::input("name", &t(lang, "coalitions-name"), &typed.name, errors, Input::TEXT))
                (forms::zone_field("time_zone", &t(lang, "coalition-zone"), &typed.time_zone, errors, &t(lang, "coalition-zone-new-hint"), true))
                button type="submit" { (t(lang, "coalitions-create-submit")) }
            }
            script src=(*ZONE_SCRIPT_PATH) defer {}
        },
    )
}

pub fn members(
    access: &Access,
    members: &[Member],
    invitations: &[Invitation],
    errors: &FieldErrors,
) -> Markup {
    let Some(membership) = &access.membership else {
        return html! {};
    };
    let base = format!("/c/{}", membership.coalition.slug);
    let owner = membership.role == Role::Owner;
    let lang = access.lang;
    coordinator(
        access,
        &t(lang, "members-title"),
        html! {
            h1 { (t_args(lang, "members-heading", &[("coalition", membership.coalition.name.as_str().into())])) }
            table {
                thead { tr { th { (t(lang, "members-name")) } th { (t(lang, "members-email")) } th { (t(lang, "members-role")) } @if owner { th { (t(lang, "members-change")) } } } }
                tbody {
                    @for m in members {
                        tr {
                            td { (m.name) }
                            td { (m.email) }
                            td { (role_name(lang, m.role.as_str())) }
                            @if owner {
                                td {
                                    form.inline method="post" action={ (base) "/members/" (m.coordinator_id) "/role" } {
                                        (csrf_field(&access.csrf))
                                        label.visually-hidden for={ "role-" (m.coordinator_id) } { (t_args(lang, "members-role-of", &[("name", m.name.as_str().into())])) }
                                        select id={ "role-" (m.coordinator_id) } name="role" {
                                            @for r in Role::ALL {
                                                option value=(r.as_str()) selected[r == m.role] { (role_name(lang, r.as_str())) }
                                            }
                                        }
                                        button type="submit" { (t(lang, "members-change-role")) }
                                    }
                                    (action_button(&format!("{base}/members/{}/remove", m.coordinator_id), &access.csrf, &t(lang, "members-remove"), &[]))
                                }
                            }
                        }
                    }
                }
            }
            @if !invitations.is_empty() {
                h2 { (t(lang, "members-pending")) }
                ul {
                    @for i in invitations {
                        li {
                            (t_args(lang, "members-invitation", &[("email", i.email.as_str().into()), ("role", role_name(lang, i.role.as_str()).into())])) " "
                            @if owner { (action_button(&format!("{base}/invitations/{}/revoke", i.id), &access.csrf, &t(lang, "members-withdraw"), &[])) }
                        }
                    }
                }
            }
            @if owner {
                h2 { (t(lang, "members-invite")) }
                (error_summary(lang, errors))
                form method="post" action={ (base) "/members/invite" } {
                    (csrf_field(&access.csrf))
                    (forms::input("email", &t(lang, "members-invite-email"), "", errors, Input { kind: "email", ..Input::TEXT }))
                    (forms::select("role", &t(lang, "members-invite-role"), &role_options(lang), "editor", errors))
                    button type="submit" { (t(lang, "members-invite-submit")) }
                }
            }
        },
    )
}

#[expect(
    clippy::too_many_arguments,
    reason = "the page shows each of these; a struct would only carry them"
)]
pub fn invitation(
    lang: Lang,
    token: &str,
    invitation: &Invitation,
    coalition: &Coalition,
    me: Option<&Coordinator>,
    has_account: bool,
    errors: &FieldErrors,
    typed_name: &str,
) -> Markup {
    let action = format!("/invitations/{token}");
    let coalition_name = || coalition.name.as_str().into();
    let email = || invitation.email.as_str().into();
    headed_in(
        lang,
        &t(lang, "join-title"),
        &t_args(lang, "join-heading", &[("coalition", coalition_name())]),
        html! {
            p { (t_markup(lang, "join-invited-as", &[("coalition", coalition_name())], &[("role", html! { strong { (role_name(lang, invitation.role.as_str())) } })])) }
            @match me {
                Some(me) if me.email.eq_ignore_ascii_case(&invitation.email) => {
                    p { (t_args(lang, "join-logged-in-as", &[("email", me.email.as_str().into())])) }
                    form method="post" action=(action) {
                        button type="submit" { (t(lang, "join-accept")) }
                    }
                }
                Some(me) => {
                    p { (t_args(lang, "join-logged-in-as-other", &[("email", me.email.as_str().into()), ("invited", email())])) }
                }
                None if has_account => {
                    p { (t_markup(lang, "join-has-account", &[("email", email())], &[("log-in", html! { a href={ "/login?next=" (action) } { (t(lang, "join-log-in")) } })])) }
                }
                None => {
                    p { (t_args(lang, "join-create-account", &[("email", email())])) }
                    (error_summary(lang, errors))
                    form method="post" action=(action) {
                        (forms::input("name", &t(lang, "account-your-name"), typed_name, errors, Input { autocomplete: Some("name"), ..Input::TEXT }))
                        (forms::input("password", &t(lang, "account-password"), "", errors,
                            forms::new_password(&t(lang, "join-password-hint"))))
                        button type="submit" { (t(lang, "join-submit")) }
                    }
                }
            }
        },
    )
}

pub fn invitation_invalid(lang: Lang) -> Markup {
    headed_in(
        lang,
        &t(lang, "join-invalid-title"),
        &t(lang, "join-invalid-heading"),
        html! { p { (t(lang, "join-invalid-body")) } },
    )
}

pub fn invitation_log_in_first(lang: Lang, email: &str) -> Markup {
    let title = t(lang, "join-log-in-first-title");
    headed_in(
        lang,
        &title,
        &title,
        html! {
            p { (t_args(lang, "join-log-in-first-body", &[("email", email.into())])) }
            p { a href="/login" { (t(lang, "join-log-in")) } }
        },
    )
}

pub fn invitation_other_address(lang: Lang, email: &str) -> Markup {
    headed_in(
        lang,
        &t(lang, "join-other-address-title"),
        &t(lang, "join-other-address-heading"),
        html! { p { (t_args(lang, "join-other-address-body", &[("email", email.into())])) } },
    )
}

/// What the settings page shows.
pub struct SettingsPage<'a> {
    pub locale: &'a SettingsForm,
    pub face: &'a FaceForm,
    /// The address of the current logo, if there is one.
    pub logo: Option<&'a str>,
    pub errors: &'a FieldErrors,
    pub notice: Option<&'a str>,
}

/// The coalition's settings, for its owners: language and time zone, how
/// its mail and public pages present it, and its logo.
pub fn settings(access: &Access, page: &SettingsPage<'_>) -> Markup {
    let lang = access.lang;
    let Some(membership) = &access.membership else {
        return html! {};
    };
    let coalition = &membership.coalition;
    let (form, face, errors) = (page.locale, page.face, page.errors);
    let here = format!("/c/{}/settings", coalition.slug);
    let languages: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .collect();
    let optional = |hint| Input {
        hint: Some(hint),
        required: false,
        ..Input::TEXT
    };
    let sender_hint = t_args(
        lang,
        "face-sender-name-hint",
        &[("coalition", coalition.name.as_str().into())],
    );
    let (reply_hint, website_hint) = (t(lang, "face-reply-to-hint"), t(lang, "face-website-hint"));
    coordinator(
        access,
        &t(lang, "coalition-settings-title"),
        html! {
            h1 { (t_args(lang, "coalition-settings-heading", &[("coalition", coalition.name.as_str().into())])) }
            @if let Some(notice) = page.notice { p.notice role="status" { (notice) } }
            (error_summary(lang, errors))
            section aria-labelledby="locale-heading" {
                h2 id="locale-heading" { (t(lang, "coalition-settings-locale")) }
                p { (t(lang, "coalition-settings-intro")) }
                form method="post" action=(here) {
                    (csrf_field(&access.csrf))
                    (forms::select("language", &t(lang, "coalition-language"), &languages, &form.language, errors))
                    p.hint { (t(lang, "coalition-language-hint")) }
                    (forms::zone_field("time_zone", &t(lang, "coalition-zone"), &form.time_zone, errors, &t(lang, "coalition-zone-hint"), false))
                    button type="submit" { (t(lang, "coalition-settings-submit")) }
                }
            }
            section aria-labelledby="face-heading" {
                h2 id="face-heading" { (t(lang, "face-heading")) }
                p { (t(lang, "face-intro")) }
                form method="post" action={ (here) "/face" } {
                    (csrf_field(&access.csrf))
                    (forms::input("sender_name", &t(lang, "face-sender-name"), &face.sender_name, errors,
                        optional(&sender_hint)))
                    (forms::input("reply_to", &t(lang, "face-reply-to"), &face.reply_to, errors,
                        Input { kind: "email", autocomplete: Some("email"), ..optional(&reply_hint) }))
                    (forms::textarea("mail_footer", &t(lang, "face-footer"), &face.mail_footer, errors, 3, Some(&t(lang, "face-footer-hint"))))
                    (forms::input("website", &t(lang, "face-website"), &face.website, errors,
                        Input { autocomplete: Some("url"), ..optional(&website_hint) }))
                    button type="submit" { (t(lang, "face-submit")) }
                }
            }
            section aria-labelledby="logo-heading" {
                h2 id="logo-heading" { (t(lang, "logo-heading")) }
                @if let Some(logo) = page.logo {
                    p { img.logo-preview src=(logo) alt=(t_args(lang, "logo-alt", &[("coalition", coalition.name.as_str().into())])); }
                    (action_button(&format!("{here}/logo/remove"), &access.csrf, &t(lang, "logo-remove"), &[]))
                }
                form method="post" enctype="multipart/form-data" action={ (here) "/logo?csrf=" (access.csrf) } {
                    div.field {
                        label for="logo" { (t(lang, "logo-file")) }
                        p.hint id="logo-hint" { (t_args(lang, "logo-hint", &[("kb", ((super::face::MAX_LOGO_BYTES / 1024) as i64).into())])) }
                        input type="file" id="logo" name="logo" accept="image/png,image/jpeg,image/gif,image/webp" required
                            aria-invalid=[errors.get("logo").is_some().then_some("true")] aria-describedby="logo-hint logo-error";
                        (forms::field_error("logo", errors))
                    }
                    button type="submit" { (t(lang, "logo-submit")) }
                }
            }
        },
    )
}
