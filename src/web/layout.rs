//! The page layouts: one document for every page, a coordinator frame with
//! navigation, and the error pages.

use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};

use super::access::Access;
use super::forms::csrf_field;
use crate::i18n::{Lang, t, t_args};

/// What goes into the document head besides the title.
#[derive(Default)]
pub struct Head {
    pub lang: Option<String>,
    pub extra: Option<Markup>,
    /// The name after the page title; the product's when none is given,
    /// the coalition's on its public pages.
    pub site: Option<String>,
}

impl Head {
    /// The head of a coordinator-side page in `lang`. `<html lang>` names
    /// the language the strings really come in: English until `lang` has
    /// its own coordinator.ftl, since its `coordinator-language` falls back
    /// to English with the rest.
    pub fn coordinator(lang: Lang) -> Self {
        Self {
            lang: Some(t(lang, "coordinator-language")),
            ..Self::default()
        }
    }
}

/// Wraps a page body in the document every page shares.
pub fn document(title: &str, head: Head, header: Markup, body: Markup) -> Markup {
    let lang = Lang::for_content(head.lang.as_deref().unwrap_or("en"));
    html! {
        (DOCTYPE)
        html lang=(head.lang.as_deref().unwrap_or("en")) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (head.site.as_deref().unwrap_or("Undersigned")) }
                link rel="stylesheet" href=(*super::assets::STYLESHEET_PATH);
                @if let Some(extra) = head.extra { (extra) }
            }
            body {
                a.skip-link href="#main" { (t(lang, "skip-to-content")) }
                (header)
                main id="main" { (body) }
            }
        }
    }
}

/// A plain page with the site header.
pub fn layout(title: &str, body: Markup) -> Markup {
    document(title, Head::default(), site_header(), body)
}

/// A plain page with the site header in the coordinator UI language: the
/// pages coordinators see before they are signed in, and error pages.
pub fn layout_in(lang: Lang, title: &str, body: Markup) -> Markup {
    let header = html! {
        header.site {
            a.brand href="/" { "Undersigned" }
            (super::language::switcher(lang))
        }
    };
    document(title, Head::coordinator(lang), header, body)
}

/// A page of [`layout_in`]: its `heading` first, then `body`.
pub fn headed_in(lang: Lang, title: &str, heading: &str, body: Markup) -> Markup {
    layout_in(
        lang,
        title,
        html! {
            h1 { (heading) }
            (body)
        },
    )
}

fn site_header() -> Markup {
    html! {
        header.site {
            a.brand href="/" { "Undersigned" }
        }
    }
}

/// A [`coordinator`] page whose first heading is its title.
pub fn headed(access: &Access, title: &str, body: Markup) -> Markup {
    coordinator(
        access,
        title,
        html! {
            h1 { (title) }
            (body)
        },
    )
}

/// A coordinator page: navigation for the current coalition, the coalition
/// switcher and the account menu.
pub fn coordinator(access: &Access, title: &str, body: Markup) -> Markup {
    let lang = access.lang;
    let header = html! {
        header.site.coordinator {
            a.brand href="/c" { "Undersigned" }
            @if let Some(m) = &access.membership {
                nav aria-label=(t(lang, "nav-coalition")) {
                    a href={ "/c/" (m.coalition.slug) } { (m.coalition.name) }
                    a href={ "/c/" (m.coalition.slug) "/press" } { (t(lang, "nav-press")) }
                    a href={ "/c/" (m.coalition.slug) "/contacts" } { (t(lang, "nav-contacts")) }
                    a href={ "/c/" (m.coalition.slug) "/members" } { (t(lang, "nav-members")) }
                    @if m.role == crate::identity::Role::Owner {
                        a href={ "/c/" (m.coalition.slug) "/audit" } { (t(lang, "nav-audit-log")) }
                        a href={ "/c/" (m.coalition.slug) "/settings" } { (t(lang, "nav-settings")) }
                    }
                }
            }
            nav.account aria-label=(t(lang, "nav-account")) {
                a href="/c" { (t(lang, "nav-switch-coalition")) }
                a href="/account" { (access.coordinator.name) }
                form.inline method="post" action="/account/logout" {
                    (csrf_field(&access.csrf))
                    button.link type="submit" { (t(lang, "nav-log-out")) }
                }
            }
        }
    };
    document(title, Head::coordinator(lang), header, body)
}

/// The page shown for an error status; it never carries internal detail.
pub fn error_page(lang: Lang, status: StatusCode, message: &str) -> Markup {
    let reason = status.canonical_reason().unwrap_or(status.as_str());
    let heading = t_args(
        lang,
        "error-page-heading",
        &[
            ("status", status.as_u16().into()),
            ("reason", reason.into()),
        ],
    );
    headed_in(
        lang,
        &heading,
        &heading,
        html! {
            p { (message) }
            p { a href="/" { (t(lang, "error-page-start")) } }
        },
    )
}

/// What a person is told for a status, with what to do next.
pub fn status_message(lang: Lang, status: StatusCode) -> String {
    match status.as_u16() {
        404 => t(lang, "error-page-not-found"),
        403 => t(lang, "error-page-forbidden"),
        400 | 405 | 413 | 415 => t(lang, "error-page-bad-request"),
        429 => t(lang, "error-page-too-many"),
        _ => t(lang, "error-page-unexpected"),
    }
}

/// A page whose words depend only on the language, kept on its response
/// so that the error-page middleware writes it in the request's language
/// (for handlers that answer without looking at the request).
#[derive(Clone, Copy)]
pub struct InRequestLanguage(pub fn(Lang) -> Markup);

/// `page` in English with `status`, written again in the request's
/// language on its way out.
pub fn response_in_request_language(
    status: StatusCode,
    page: fn(Lang) -> Markup,
) -> actix_web::HttpResponse {
    let mut response = html_response(status, page(Lang::En));
    response.extensions_mut().insert(InRequestLanguage(page));
    response
}

/// A full HTML response.
pub fn html_response(status: StatusCode, page: Markup) -> actix_web::HttpResponse {
    actix_web::HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.into_string())
}

/// A 303 redirect, the answer to a successful form.
pub fn see_other(location: &str) -> actix_web::HttpResponse {
    actix_web::HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location.to_owned()))
        .finish()
}
