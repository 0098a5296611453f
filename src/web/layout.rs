//! The page layout shared by every HTML page, and the error pages.

use actix_web::http::StatusCode;
use maud::{DOCTYPE, Markup, html};

/// Wraps a page body in the document every page shares.
pub fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Undersigned" }
                link rel="stylesheet" href=(super::assets::STYLESHEET_PATH);
            }
            body {
                header.site {
                    a.brand href="/" { "Undersigned" }
                }
                main id="main" { (body) }
            }
        }
    }
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
