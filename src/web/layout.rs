//! The page layouts: one document for every page, a coordinator frame with
//! navigation, and the error pages.

use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};

use super::access::Access;
use super::forms::csrf_field;

/// What goes into the document head besides the title.
#[derive(Default)]
pub struct Head {
    pub lang: Option<String>,
    pub extra: Option<Markup>,
}

/// Wraps a page body in the document every page shares.
pub fn document(title: &str, head: Head, header: Markup, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(head.lang.as_deref().unwrap_or("en")) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Undersigned" }
                link rel="stylesheet" href=(super::assets::STYLESHEET_PATH);
                @if let Some(extra) = head.extra { (extra) }
            }
            body {
                a.skip-link href="#main" { "Skip to content" }
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

fn site_header() -> Markup {
    html! {
        header.site {
            a.brand href="/" { "Undersigned" }
        }
    }
}

/// A coordinator page: navigation for the current coalition, the coalition
/// switcher and the account menu.
pub fn coordinator(access: &Access, title: &str, body: Markup) -> Markup {
    let header = html! {
        header.site.coordinator {
            a.brand href="/c" { "Undersigned" }
            @if let Some(m) = &access.membership {
                nav aria-label="Coalition" {
                    a href={ "/c/" (m.coalition.slug) } { (m.coalition.name) }
                    a href={ "/c/" (m.coalition.slug) "/members" } { "Members" }
                    @if m.role == crate::coalitions::Role::Owner {
                        a href={ "/c/" (m.coalition.slug) "/audit" } { "Audit log" }
                    }
                }
            }
            nav.account aria-label="Account" {
                a href="/c" { "Switch coalition" }
                a href="/account" { (access.coordinator.name) }
                form.inline method="post" action="/account/logout" {
                    (csrf_field(&access.csrf))
                    button.link type="submit" { "Log out" }
                }
            }
        }
    };
    document(title, Head::default(), header, body)
}

/// The page shown for an error status; it never carries internal detail.
pub fn error_page(status: StatusCode, message: &str) -> Markup {
    let heading = status.canonical_reason().unwrap_or("Error");
    layout(
        heading,
        html! {
            h1 { (heading) }
            p { (message) }
            p { a href="/" { "Go to the start page" } }
        },
    )
}

/// What a person is told for a status, with what to do next.
pub fn status_message(status: StatusCode) -> &'static str {
    match status.as_u16() {
        404 => {
            "There is nothing at this address. Check the link, or start again from the home page."
        }
        403 => "You do not have permission to do this. Ask an owner of the coalition for access.",
        400 => "The request could not be understood. Go back and try again.",
        _ => "Something went wrong on our side. It has been logged; please try again in a moment.",
    }
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
