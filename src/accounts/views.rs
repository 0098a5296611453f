use maud::{Markup, html};

use super::routes::{LoginForm, SetupForm};
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input, csrf_field, error_summary};
use crate::web::layout::{coordinator, layout};

const EMAIL: Input<'static> = Input {
    kind: "email",
    hint: None,
    autocomplete: Some("email"),
    required: true,
};

fn new_password(hint: &'static str) -> Input<'static> {
    Input {
        kind: "password",
        hint: Some(hint),
        autocomplete: Some("new-password"),
        required: true,
    }
}

const PASSWORD_HINT: &str = "At least 10 characters. A few unrelated words make a strong password.";

pub fn setup_form(token: &str, form: &SetupForm, errors: &FieldErrors) -> Markup {
    layout(
        "Set up Undersigned",
        html! {
            h1 { "Set up Undersigned" }
            p { "Create the first coordinator account. You will own the first coalition and can invite the others." }
            (error_summary(errors))
            form method="post" action={ "/setup/" (token) } {
                (forms::input("name", "Your name", &form.name, errors, Input { autocomplete: Some("name"), ..Input::TEXT }))
                (forms::input("email", "Your email address", &form.email, errors, EMAIL))
                (forms::input("password", "Password", "", errors, new_password(PASSWORD_HINT)))
                (forms::input("coalition", "Name of your coalition", &form.coalition, errors,
                    Input { hint: Some("For example: Coalition for Clean Water. You can create more later."), ..Input::TEXT }))
                button type="submit" { "Create account and coalition" }
            }
        },
    )
}

pub fn setup_invalid() -> Markup {
    layout(
        "Setup link not valid",
        html! {
            h1 { "This setup link is not valid" }
            p { "It has been used already, or it has expired. If no coordinator account exists yet, restart the server: it prints a fresh link. Otherwise, " a href="/login" { "log in" } "." }
        },
    )
}

pub fn login(form: &LoginForm, problem: Option<String>) -> Markup {
    let errors = FieldErrors::default();
    layout(
        "Log in",
        html! {
            h1 { "Log in" }
            @if let Some(problem) = problem {
                div.error-summary role="alert" { p { (problem) } }
            }
            form method="post" action="/login" {
                input type="hidden" name="next" value=(form.next);
                (forms::input("email", "Email address", &form.email, &errors, EMAIL))
                (forms::input("password", "Password", "", &errors,
                    Input { kind: "password", hint: None, autocomplete: Some("current-password"), required: true }))
                button type="submit" { "Log in" }
            }
            p { a href="/password/forgot" { "Forgot your password?" } }
        },
    )
}

pub fn account(access: &Access, errors: &FieldErrors, changed: bool) -> Markup {
    coordinator(
        access,
        "Your account",
        html! {
            h1 { "Your account" }
            dl {
                dt { "Name" } dd { (access.coordinator.name) }
                dt { "Email" } dd { (access.coordinator.email) }
            }
            h2 { "Change password" }
            @if changed {
                p.notice role="status" { "Your password was changed. Every other session of this account has been logged out." }
            }
            (error_summary(errors))
            form method="post" action="/account/password" {
                (csrf_field(&access.csrf))
                (forms::input("current", "Current password", "", errors,
                    Input { kind: "password", hint: None, autocomplete: Some("current-password"), required: true }))
                (forms::input("new", "New password", "", errors, new_password(PASSWORD_HINT)))
                button type="submit" { "Change password" }
            }
        },
    )
}

pub fn forgot(sent: bool) -> Markup {
    let errors = FieldErrors::default();
    layout(
        "Reset your password",
        html! {
            h1 { "Reset your password" }
            @if sent {
                p.notice role="status" { "If an account exists for that address, a link to set a new password is on its way. It works once, for two hours." }
                p { a href="/login" { "Back to log in" } }
            } @else {
                p { "Enter the address of your account. We will send a link to set a new password." }
                form method="post" action="/password/forgot" {
                    (forms::input("email", "Email address", "", &errors, EMAIL))
                    button type="submit" { "Send the link" }
                }
            }
        },
    )
}

pub fn reset_form(token: &str, errors: &FieldErrors) -> Markup {
    layout(
        "Choose a new password",
        html! {
            h1 { "Choose a new password" }
            (error_summary(errors))
            form method="post" action={ "/password/reset/" (token) } {
                (forms::input("password", "New password", "", errors, new_password(PASSWORD_HINT)))
                button type="submit" { "Set password and log in" }
            }
        },
    )
}

pub fn reset_invalid() -> Markup {
    layout(
        "Link not valid",
        html! {
            h1 { "This link is not valid any more" }
            p { "Password links work once and for two hours. " a href="/password/forgot" { "Ask for a new link" } "." }
        },
    )
}

pub fn forgot_limited() -> Markup {
    layout(
        "Reset your password",
        html! {
            h1 { "Reset your password" }
            div.error-summary role="alert" { p { "Too many requests from here. Please try again in an hour." } }
        },
    )
}
