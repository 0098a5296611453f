use maud::{Markup, html};

use super::{Invitation, Invitee, State};
use crate::i18n::{t, t_args};
use crate::statements::Statement;
use crate::web::access::Access;
use crate::web::forms::csrf_field;
use crate::web::layout::coordinator;

pub fn page(
    access: &Access,
    statement: &Statement,
    invitations: &[Invitation],
    earlier: &[Invitee],
    notice: Option<&str>,
    problems: &[String],
) -> Markup {
    let slug = access.coalition_slug();
    let here = format!("/c/{slug}/statements/{}/invitations", statement.id);
    let editor = access.can(crate::coalitions::Role::Editor);
    let count = |state: State| invitations.iter().filter(|i| i.status == state).count();
    let lang = access.lang;
    let counted = |state: State| {
        t_args(
            lang,
            "invitations-count",
            &[
                ("count", count(state).into()),
                ("state", state.label(lang).into()),
            ],
        )
    };
    coordinator(
        access,
        &t(lang, "invitations-title"),
        html! {
            p.breadcrumbs { a href={ "/c/" (slug) "/statements/" (statement.id) } { (t(lang, "statement-back")) } }
            h1 { (t(lang, "invitations-title")) }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            @if !problems.is_empty() {
                div.error-summary role="alert" { ul { @for p in problems { li { (p) } } } }
            }
            ul.counts {
                li { (counted(State::Invited)) } li { (counted(State::Opened)) }
                li { (counted(State::Signed)) } li { (counted(State::Declined)) }
            }
            @if editor {
                h2 { (t(lang, "invitations-invite")) }
                form method="post" action=(here) {
                    (csrf_field(&access.csrf))
                    div.field {
                        label for="list" { (t(lang, "invitations-list")) }
                        p.hint id="list-hint" { (t(lang, "invitations-list-hint")) }
                        textarea id="list" name="list" rows="8" aria-describedby="list-hint" {}
                    }
                    button type="submit" { (t(lang, "invitations-send")) }
                }
                @if !earlier.is_empty() {
                    h2 { (t(lang, "invitations-earlier")) }
                    form method="post" action={ (here) "/earlier" } {
                        (csrf_field(&access.csrf))
                        fieldset {
                            legend { (t(lang, "invitations-choose")) }
                            @for (i, e) in earlier.iter().enumerate() {
                                div.field.checkbox {
                                    input type="checkbox" id={ "earlier-" (i) } name="email" value=(e.email);
                                    label for={ "earlier-" (i) } { (t_args(lang, "invitations-earlier-one", &[("organization", e.organization.as_str().into()), ("email", e.email.as_str().into())])) }
                                }
                            }
                        }
                        button type="submit" { (t(lang, "invitations-invite-chosen")) }
                    }
                }
                form method="post" action={ (here) "/remind" } {
                    (csrf_field(&access.csrf))
                    button type="submit" { (t(lang, "invitations-remind")) }
                }
            }
            h2 { (t(lang, "invitations-sent")) }
            div.table-scroll {
                table {
                    thead { tr { th { (t(lang, "invitations-organization")) } th { (t(lang, "invitations-email")) } th { (t(lang, "invitations-state")) } th { (t(lang, "invitations-invited")) } th { (t(lang, "invitations-reminded")) } } }
                    tbody {
                        @for i in invitations {
                            tr {
                                td { (i.organization) }
                                td { (i.email) }
                                td { (i.status.label(lang)) }
                                td { (access.day(i.created_at)) }
                                td { (i.reminded_at.map(|at| access.day(at)).unwrap_or_default()) }
                            }
                        }
                    }
                }
            }
        },
    )
}
