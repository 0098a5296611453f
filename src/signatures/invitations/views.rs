use maud::{Markup, html};

use super::{Invitation, Invitee, State};
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
    let slug = access
        .membership
        .as_ref()
        .map(|m| m.coalition.slug.as_str())
        .unwrap_or_default();
    let here = format!("/c/{slug}/statements/{}/invitations", statement.id);
    let editor = access.can(crate::coalitions::Role::Editor);
    let count = |state: State| {
        invitations
            .iter()
            .filter(|i| State::parse(&i.status) == Some(state))
            .count()
    };
    coordinator(
        access,
        "Invitations to sign",
        html! {
            p.breadcrumbs { a href={ "/c/" (slug) "/statements/" (statement.id) } { "Back to the statement" } }
            h1 { "Invitations to sign" }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            @if !problems.is_empty() {
                div.error-summary role="alert" { ul { @for p in problems { li { (p) } } } }
            }
            ul.counts {
                li { (count(State::Invited)) " invited" } li { (count(State::Opened)) " opened the form" }
                li { (count(State::Signed)) " signed" } li { (count(State::Declined)) " declined" }
            }
            @if editor {
                h2 { "Invite organizations" }
                form method="post" action=(here) {
                    (csrf_field(&access.csrf))
                    div.field {
                        label for="list" { "One organization per line" }
                        p.hint id="list-hint" { "email, organization, country code (optional), contact name (optional) — or a CSV with a header line. Addresses that asked not to be mailed are skipped." }
                        textarea id="list" name="list" rows="8" aria-describedby="list-hint" {}
                    }
                    button type="submit" { "Send invitations" }
                }
                @if !earlier.is_empty() {
                    h2 { "Signatories of your earlier statements" }
                    form method="post" action={ (here) "/earlier" } {
                        (csrf_field(&access.csrf))
                        fieldset {
                            legend { "Choose whom to invite" }
                            @for (i, e) in earlier.iter().enumerate() {
                                div.field.checkbox {
                                    input type="checkbox" id={ "earlier-" (i) } name="email" value=(e.email);
                                    label for={ "earlier-" (i) } { (e.organization) " — " (e.email) }
                                }
                            }
                        }
                        button type="submit" { "Invite the chosen" }
                    }
                }
                form method="post" action={ (here) "/remind" } {
                    (csrf_field(&access.csrf))
                    button type="submit" { "Send one reminder to those who have not answered" }
                }
            }
            h2 { "Sent" }
            div.table-scroll {
                table {
                    thead { tr { th { "Organization" } th { "Email" } th { "State" } th { "Invited" } th { "Reminded" } } }
                    tbody {
                        @for i in invitations {
                            tr {
                                td { (i.organization) }
                                td { (i.email) }
                                td { (State::parse(&i.status).map_or("", State::as_str)) }
                                td { (i.created_at.format("%Y-%m-%d")) }
                                td { (i.reminded_at.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default()) }
                            }
                        }
                    }
                }
            }
        },
    )
}
