use maud::{Markup, html};

use crate::web::layout::layout;

pub fn setup_valid() -> Markup {
    layout(
        "Set up Undersigned",
        html! {
            h1 { "Set up Undersigned" }
            p { "This one-time link creates the first coordinator account. It stops working once that account exists." }
        },
    )
}

pub fn setup_invalid() -> Markup {
    layout(
        "Setup link not valid",
        html! {
            h1 { "This setup link is not valid" }
            p { "It has been used already, or it has expired. If no coordinator account exists yet, restart the server: it prints a fresh link." }
        },
    )
}
