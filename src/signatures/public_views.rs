//! Pages of the signer's side, in the language of the statement version.

use maud::{Markup, html};

use super::Signature;
use super::form::SignForm;
use super::public::Signable;
use crate::i18n::{CountryCode, Lang, countries_sorted, country_name, t, t_args};
use crate::web::forms::{self, FieldErrors, Input, error_summary};
use crate::web::layout::{Head, document, headed_in};

fn frame(target: &Signable, title: &str, body: Markup) -> Markup {
    let head = Head {
        lang: Some(target.version.language.clone()),
        ..Head::default()
    };
    let header = html! {
        header.site.public {
            a.brand href={ "/s/" (target.statement.slug) "/" (target.version.language) } { (target.version.title) }
        }
    };
    document(title, head, header, body)
}

/// How the signature will read on the list.
fn listing_line(signature: &Signature, lang: Lang) -> String {
    let country = signature
        .country
        .as_deref()
        .and_then(CountryCode::parse)
        .map(|c| country_name(&c, lang).to_owned());
    let parts: Vec<String> = [
        signature.affiliation.clone(),
        signature.city.clone(),
        country,
    ]
    .into_iter()
    .flatten()
    .collect();
    let name = signature.display_name.as_deref().unwrap_or(&signature.name);
    if parts.is_empty() {
        name.to_owned()
    } else {
        format!("{name}, {}", parts.join(", "))
    }
}

fn country_select(lang: Lang, selected: &str, errors: &FieldErrors) -> Markup {
    html! {
        div.field {
            label for="country" { (t(lang, "field-country")) }
            select id="country" name="country" autocomplete="country" aria-invalid=[errors.get("country").map(|_| "true")] {
                option value="" { (t(lang, "field-country-none")) }
                @for (code, name) in countries_sorted(lang) {
                    option value=(code.as_str()) selected[code.as_str().eq_ignore_ascii_case(selected)] { (name) }
                }
            }
            @if let Some(message) = errors.get("country") { p.field-error id="country-error" { (message) } }
        }
    }
}

/// The fields of a sign-on, for the public form and the manage page.
fn fields(target: &Signable, form: &SignForm, errors: &FieldErrors, kind: super::Kind) -> Markup {
    let lang = target.lang();
    let text = Input::TEXT;
    let optional = Input {
        required: false,
        ..Input::TEXT
    };
    html! {
        input type="hidden" name="kind" value=(kind.as_str());
        input type="hidden" name="lang" value=(target.version.language);
        div.honeypot aria-hidden="true" {
            label for="homepage" { "Homepage" }
            input id="homepage" name="homepage" type="text" tabindex="-1" autocomplete="off";
        }
        @match kind {
            super::Kind::Organization => {
                (forms::input("organization", &t(lang, "field-organization"), &form.organization, errors, Input { autocomplete: Some("organization"), ..text }))
                (country_select(lang, &form.country, errors))
                (forms::input("website", &t(lang, "field-website"), &form.website, errors, Input { kind: "text", autocomplete: Some("url"), ..optional }))
                (forms::input("signer_name", &t(lang, "field-signer-name"), &form.signer_name, errors, Input { autocomplete: Some("name"), ..text }))
                (forms::input("signer_title", &t(lang, "field-signer-title"), &form.signer_title, errors, Input { autocomplete: Some("organization-title"), ..text }))
            }
            super::Kind::Individual => {
                (forms::input("name", &t(lang, "field-name"), &form.name, errors, Input { autocomplete: Some("name"), ..text }))
                (forms::input("affiliation", &t(lang, "field-affiliation"), &form.affiliation, errors, optional))
                (forms::input("city", &t(lang, "field-city"), &form.city, errors, Input { autocomplete: Some("address-level2"), ..optional }))
                (country_select(lang, &form.country, errors))
            }
        }
        (forms::input("email", &t(lang, "field-email"), &form.email, errors, Input { kind: "email", hint: Some(&t(lang, "field-email-hint")), autocomplete: Some("email"), required: true }))
        @if kind == super::Kind::Organization {
            (forms::checkbox("authorized", &t(lang, "field-authorized"), form.authorized.is_some(), errors))
        }
    }
}

pub fn sign_form(
    target: &Signable,
    form: &SignForm,
    errors: &FieldErrors,
    problem: Option<String>,
) -> Markup {
    let lang = target.lang();
    let kind = form.kind(target.default_kind());
    let other = match kind {
        super::Kind::Organization if target.allows(super::Kind::Individual) => {
            Some(("individual", t(lang, "sign-as-individual")))
        }
        super::Kind::Individual if target.allows(super::Kind::Organization) => {
            Some(("organization", t(lang, "sign-as-organization")))
        }
        _ => None,
    };
    let heading = t_args(
        lang,
        "sign-heading",
        &[("title", target.version.title.clone().into())],
    );
    frame(
        target,
        &heading,
        html! {
            h1 { (heading) }
            p { (t(lang, "sign-intro")) }
            @if let Some((value, label)) = other {
                p { a href={ "/s/" (target.statement.slug) "/sign?lang=" (target.version.language) "&kind=" (value) } { (label) } }
            }
            @if let Some(problem) = problem { div.error-summary role="alert" { p { (problem) } } }
            (error_summary(lang, errors))
            form method="post" action={ "/s/" (target.statement.slug) "/sign" } {
                (fields(target, form, errors, kind))
                (forms::textarea("comment", &t(lang, "field-comment"), &form.comment, errors, 3, Some(&t(lang, "field-comment-hint"))))
                button.primary type="submit" { (t(lang, "sign-submit")) }
            }
        },
    )
}

pub fn closed(target: &Signable) -> Markup {
    let lang = target.lang();
    frame(
        target,
        &target.version.title,
        html! {
            h1 { (target.version.title) }
            p.notice { (t(lang, "sign-closed")) }
        },
    )
}

pub fn sent(target: &Signable) -> Markup {
    let lang = target.lang();
    frame(
        target,
        &t(lang, "sign-sent-heading"),
        html! {
            h1 { (t(lang, "sign-sent-heading")) }
            p { (t(lang, "sign-sent-body")) }
            p.muted { (t(lang, "sign-sent-spam")) }
        },
    )
}

pub fn message(target: &Signable, heading: &str, body: &str) -> Markup {
    frame(
        target,
        heading,
        html! {
            h1 { (heading) }
            p { (body) }
        },
    )
}

pub fn confirm_form(target: &Signable, signature: &Signature, token: &str) -> Markup {
    let lang = target.lang();
    frame(
        target,
        &t(lang, "confirm-heading"),
        html! {
            h1 { (t(lang, "confirm-heading")) }
            p { (t(lang, "confirm-statement")) ": " a href={ "/s/" (target.statement.slug) "/" (target.version.language) } { (target.version.title) } }
            p { (t(lang, "confirm-intro")) }
            p.preview-line { strong { (listing_line(signature, lang)) } }
            form method="post" action={ "/confirm/" (token) } {
                button.primary type="submit" { (t(lang, "confirm-button")) }
            }
        },
    )
}

fn manage_block(lang: Lang, manage: &str) -> Markup {
    html! {
        p { (t(lang, "manage-link-intro")) }
        p { a href=(manage) { (t(lang, "manage-link")) } }
    }
}

pub fn confirmed(target: &Signable, signature: &Signature, manage: &str) -> Markup {
    let lang = target.lang();
    frame(
        target,
        &t(lang, "confirm-done-heading"),
        html! {
            h1 { (t(lang, "confirm-done-heading")) }
            p.preview-line { strong { (listing_line(signature, lang)) } }
            p { @if target.statement.requires_approval { (t(lang, "confirm-done-approval")) } @else { (t(lang, "confirm-done-listed")) } }
            (manage_block(lang, manage))
        },
    )
}

pub fn already_confirmed(target: &Signable, signature: &Signature, manage: &str) -> Markup {
    already_confirmed_with(target, signature, manage, "confirm-already-heading")
}

pub fn already_confirmed_with(
    target: &Signable,
    signature: &Signature,
    manage: &str,
    heading_key: &str,
) -> Markup {
    let lang = target.lang();
    frame(
        target,
        &t(lang, heading_key),
        html! {
            h1 { (t(lang, heading_key)) }
            p.preview-line { strong { (listing_line(signature, lang)) } }
            (manage_block(lang, manage))
        },
    )
}

pub fn expired(target: &Signable) -> Markup {
    let lang = target.lang();
    frame(
        target,
        &t(lang, "confirm-expired-heading"),
        html! {
            h1 { (t(lang, "confirm-expired-heading")) }
            p { (t(lang, "confirm-fresh-intro")) }
            form method="post" action={ "/s/" (target.statement.slug) "/resend" } {
                input type="hidden" name="lang" value=(target.version.language);
                (forms::input("email", &t(lang, "field-email"), "", &FieldErrors::default(), Input::EMAIL))
                button type="submit" { (t(lang, "resend-submit")) }
            }
        },
    )
}

/// The 404 answer for a mailed link that is not (or no longer) valid, in
/// the language of the request.
pub fn unknown_link_response() -> actix_web::HttpResponse {
    crate::web::layout::response_in_request_language(
        actix_web::http::StatusCode::NOT_FOUND,
        unknown_link,
    )
}

fn unknown_link(lang: Lang) -> Markup {
    let heading = t(lang, "confirm-unknown-heading");
    headed_in(
        lang,
        &heading,
        &heading,
        html! { p { (t(lang, "confirm-unknown-body")) } },
    )
}

pub fn manage(
    target: &Signable,
    signature: &Signature,
    token: &str,
    form: &SignForm,
    errors: &FieldErrors,
    notice: Option<String>,
) -> Markup {
    let lang = target.lang();
    let kind = signature.kind;
    let action = format!("/m/{}/{token}", signature.id);
    frame(
        target,
        &t(lang, "manage-heading"),
        html! {
            h1 { (t(lang, "manage-heading")) }
            p { (t(lang, "confirm-statement")) ": " a href={ "/s/" (target.statement.slug) "/" (target.version.language) } { (target.version.title) } }
            p.preview-line { strong { (listing_line(signature, lang)) } }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            (error_summary(lang, errors))
            form method="post" action=(action) {
                (fields(target, form, errors, kind))
                button type="submit" { (t(lang, "manage-save")) }
            }
            section.danger {
                h2 { (t(lang, "manage-withdraw-heading")) }
                p { (t(lang, "manage-withdraw-body")) }
                form method="post" action={ (action) "/withdraw" } {
                    button.danger type="submit" { (t(lang, "manage-withdraw-button")) }
                }
            }
        },
    )
}

pub fn email_change(target: &Signable, signature: &Signature, token: &str) -> Markup {
    let lang = target.lang();
    frame(
        target,
        &t(lang, "email-change-heading"),
        html! {
            h1 { (t(lang, "email-change-heading")) }
            p.preview-line { strong { (signature.pending_email.as_deref().unwrap_or_default()) } }
            form method="post" action={ "/email/" (token) } {
                button.primary type="submit" { (t(lang, "email-change-button")) }
            }
        },
    )
}

pub fn reconsent(target: &Signable, question: &super::reconsent::Question, token: &str) -> Markup {
    let lang = target.lang();
    let old = question
        .signed
        .as_ref()
        .map(|r| r.body.as_str())
        .unwrap_or_default();
    let parts = crate::text::word_diff(old, &question.asked.body);
    let action = format!("/r/{}/{token}", question.signature.id);
    frame(
        target,
        &t(lang, "reconsent-heading"),
        html! {
            h1 { (t(lang, "reconsent-heading")) }
            p.preview-line { strong { (listing_line(&question.signature, lang)) } }
            p { (t(lang, "reconsent-intro")) }
            (crate::text::render_diff(&parts))
            div.actions {
                form method="post" action=(action) {
                    input type="hidden" name="answer" value="confirm";
                    button.primary type="submit" { (t(lang, "reconsent-confirm")) }
                }
                form method="post" action=(action) {
                    input type="hidden" name="answer" value="withdraw";
                    button.danger type="submit" { (t(lang, "reconsent-withdraw")) }
                }
            }
        },
    )
}

/// The form of a personal invitation, pre-filled; its script reports that a
/// person (not a mail scanner) opened it.
pub fn invited_form(
    target: &Signable,
    action: &str,
    form: &SignForm,
    errors: &FieldErrors,
) -> Markup {
    let lang = target.lang();
    let heading = t_args(
        lang,
        "invited-heading",
        &[("title", target.version.title.clone().into())],
    );
    frame(
        target,
        &heading,
        html! {
            h1 { (heading) }
            p { (t(lang, "invited-intro")) }
            details {
                summary { (target.version.title) }
                div.statement-text { (target.revision.html()) }
            }
            (error_summary(lang, errors))
            form method="post" action=(action) data-opened={ (action) "/opened" } {
                (fields(target, form, errors, super::Kind::Organization))
                (forms::textarea("comment", &t(lang, "field-comment"), &form.comment, errors, 3, Some(&t(lang, "field-comment-hint"))))
                button.primary type="submit" { (t(lang, "sign-submit")) }
            }
            form method="post" action={ (action) "/decline" } {
                button type="submit" { (t(lang, "invited-decline")) }
            }
            script src=(*crate::web::assets::OPENED_SCRIPT_PATH) defer {}
        },
    )
}
