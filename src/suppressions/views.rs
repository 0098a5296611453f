use maud::{Markup, html};

use crate::web::layout::layout;

pub fn confirm(email: &str, action: &str) -> Markup {
    layout(
        "Unsubscribe",
        html! {
            h1 { "Stop these messages?" }
            p { "The address " strong { (email) } " will receive no more invitations or releases from this coalition." }
            form method="post" action=(action) {
                button type="submit" { "Unsubscribe" }
            }
        },
    )
}

pub fn done(email: &str) -> Markup {
    layout(
        "Unsubscribed",
        html! {
            h1 { "You are unsubscribed" }
            p { (email) " will not be mailed again by this coalition." }
        },
    )
}
