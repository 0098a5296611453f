use maud::{Markup, html};

use super::routes::LoginForm;
use crate::i18n::{Lang, t, t_markup};
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input, csrf_field, error_summary};
use crate::web::layout::{headed, headed_in};

pub fn login(lang: Lang, form: &LoginForm, problem: Option<String>) -> Markup {
    let errors = FieldErrors::default();
    headed_in(
        lang,
        &t(lang, "login-title"),
        &t(lang, "login-title"),
        html! {
            @if let Some(problem) = problem {
                div.error-summary role="alert" { p { (problem) } }
            }
            form method="post" action="/login" {
                input type="hidden" name="next" value=(form.next);
                (forms::input("email", &t(lang, "account-email-address"), &form.email, &errors, Input::EMAIL))
                (forms::input("password", &t(lang, "account-password"), "", &errors,
                    Input { kind: "password", hint: None, autocomplete: Some("current-password"), required: true }))
                button type="submit" { (t(lang, "login-submit")) }
            }
            p { a href="/password/forgot" { (t(lang, "login-forgot")) } }
        },
    )
}

pub fn account(access: &Access, errors: &FieldErrors, changed: bool) -> Markup {
    account_page(access, errors, changed, false)
}

/// The account page right after its language was changed.
pub fn account_language_saved(access: &Access) -> Markup {
    account_page(access, &FieldErrors::default(), false, true)
}

fn account_page(
    access: &Access,
    errors: &FieldErrors,
    changed: bool,
    language_saved: bool,
) -> Markup {
    let lang = access.lang;
    let chosen = access.coordinator.language.as_deref().unwrap_or_default();
    headed(
        access,
        &t(lang, "account-title"),
        html! {
            dl {
                dt { (t(lang, "account-name")) } dd { (access.coordinator.name) }
                dt { (t(lang, "account-email")) } dd { (access.coordinator.email) }
            }
            h2 { (t(lang, "account-language")) }
            @if language_saved {
                p.notice role="status" { (t(lang, "account-language-saved")) }
            }
            form method="post" action="/account/language" {
                (csrf_field(&access.csrf))
                label for="language" { (t(lang, "account-language-label")) }
                select id="language" name="language" {
                    option value="" selected[chosen.is_empty()] { (t(lang, "account-language-browser")) }
                    @for choice in Lang::ALL {
                        option value=(choice.code()) lang=(choice.code()) selected[chosen == choice.code()] { (choice.native_name()) }
                    }
                }
                button type="submit" { (t(lang, "account-language-submit")) }
            }
            h2 { (t(lang, "account-change-password")) }
            @if changed {
                p.notice role="status" { (t(lang, "account-password-changed")) }
            }
            (error_summary(lang, errors))
            form method="post" action="/account/password" {
                (csrf_field(&access.csrf))
                (forms::input("current", &t(lang, "account-current-password"), "", errors,
                    Input { kind: "password", hint: None, autocomplete: Some("current-password"), required: true }))
                (forms::input("new", &t(lang, "account-new-password"), "", errors, forms::new_password(&t(lang, "account-password-hint"))))
                button type="submit" { (t(lang, "account-change-password-submit")) }
            }
        },
    )
}

pub fn forgot(lang: Lang, sent: bool) -> Markup {
    let errors = FieldErrors::default();
    headed_in(
        lang,
        &t(lang, "forgot-title"),
        &t(lang, "forgot-title"),
        html! {
            @if sent {
                p.notice role="status" { (t(lang, "forgot-sent")) }
                p { a href="/login" { (t(lang, "forgot-back-to-log-in")) } }
            } @else {
                p { (t(lang, "forgot-intro")) }
                form method="post" action="/password/forgot" {
                    (forms::input("email", &t(lang, "account-email-address"), "", &errors, Input::EMAIL))
                    button type="submit" { (t(lang, "forgot-submit")) }
                }
            }
        },
    )
}

pub fn reset_form(lang: Lang, token: &str, errors: &FieldErrors) -> Markup {
    headed_in(
        lang,
        &t(lang, "reset-title"),
        &t(lang, "reset-title"),
        html! {
            (error_summary(lang, errors))
            form method="post" action={ "/password/reset/" (token) } {
                (forms::input("password", &t(lang, "account-new-password"), "", errors, forms::new_password(&t(lang, "account-password-hint"))))
                button type="submit" { (t(lang, "reset-submit")) }
            }
        },
    )
}

pub fn reset_invalid(lang: Lang) -> Markup {
    headed_in(
        lang,
        &t(lang, "reset-invalid-title"),
        &t(lang, "reset-invalid-heading"),
        html! {
            p { (t_markup(lang, "reset-invalid-body", &[], &[("new-link", html! { a href="/password/forgot" { (t(lang, "reset-invalid-new-link")) } })])) }
        },
    )
}

pub fn forgot_limited(lang: Lang) -> Markup {
    let title = t(lang, "forgot-title");
    headed_in(
        lang,
        &title,
        &title,
        html! { div.error-summary role="alert" { p { (t(lang, "forgot-limited")) } } },
    )
}
