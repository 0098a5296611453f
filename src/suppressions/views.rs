use maud::{Markup, html};

use crate::i18n::{Lang, t, t_args, t_markup};
use crate::web::layout::headed_in;

pub fn confirm(lang: Lang, email: &str, action: &str) -> Markup {
    headed_in(
        lang,
        &t(lang, "unsubscribe-title"),
        &t(lang, "unsubscribe-heading"),
        html! {
            p { (t_markup(lang, "unsubscribe-body", &[], &[("email", html! { strong { (email) } })])) }
            form method="post" action=(action) {
                button type="submit" { (t(lang, "unsubscribe-submit")) }
            }
        },
    )
}

pub fn done(lang: Lang, email: &str) -> Markup {
    headed_in(
        lang,
        &t(lang, "unsubscribed-title"),
        &t(lang, "unsubscribed-heading"),
        html! { p { (t_args(lang, "unsubscribed-body", &[("email", email.into())])) } },
    )
}
