use maud::{Markup, html};

use super::{Coalition, Invitation, Member, Membership, Role};
use crate::accounts::Coordinator;
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input, action_button, csrf_field, error_summary};
use crate::web::layout::{coordinator, layout};

fn role_options() -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().to_owned(),
                format!("{} — {}", r.as_str(), r.description()),
            )
        })
        .collect()
}

pub fn coalition_list(
    access: &Access,
    memberships: &[Membership],
    typed: &str,
    errors: &FieldErrors,
) -> Markup {
    coordinator(
        access,
        "Your coalitions",
        html! {
            h1 { "Your coalitions" }
            @if memberships.is_empty() {
                p { "You are not a member of any coalition yet. Create one, or ask an owner to invite you." }
            } @else {
                ul.cards {
                    @for m in memberships {
                        li { a href={ "/c/" (m.coalition.slug) } { (m.coalition.name) } " " span.muted { "(" (m.role.as_str()) ")" } }
                    }
                }
            }
            h2 { "Create a coalition" }
            (error_summary(errors))
            form method="post" action="/c" {
                (csrf_field(&access.csrf))
                (forms::input("name", "Name", typed, errors, Input::TEXT))
                button type="submit" { "Create coalition" }
            }
        },
    )
}

pub fn members(
    access: &Access,
    members: &[Member],
    invitations: &[Invitation],
    errors: &FieldErrors,
) -> Markup {
    let Some(membership) = &access.membership else {
        return html! {};
    };
    let base = format!("/c/{}", membership.coalition.slug);
    let owner = membership.role == Role::Owner;
    coordinator(
        access,
        "Members",
        html! {
            h1 { "Members of " (membership.coalition.name) }
            table {
                thead { tr { th { "Name" } th { "Email" } th { "Role" } @if owner { th { "Change" } } } }
                tbody {
                    @for m in members {
                        tr {
                            td { (m.name) }
                            td { (m.email) }
                            td { (m.role) }
                            @if owner {
                                td {
                                    form.inline method="post" action={ (base) "/members/" (m.coordinator_id) "/role" } {
                                        (csrf_field(&access.csrf))
                                        label.visually-hidden for={ "role-" (m.coordinator_id) } { "Role of " (m.name) }
                                        select id={ "role-" (m.coordinator_id) } name="role" {
                                            @for r in Role::ALL {
                                                option value=(r.as_str()) selected[r.as_str() == m.role] { (r.as_str()) }
                                            }
                                        }
                                        button type="submit" { "Change role" }
                                    }
                                    (action_button(&format!("{base}/members/{}/remove", m.coordinator_id), &access.csrf, "Remove", &[]))
                                }
                            }
                        }
                    }
                }
            }
            @if !invitations.is_empty() {
                h2 { "Pending invitations" }
                ul {
                    @for i in invitations {
                        li {
                            (i.email) " as " (i.role) " "
                            @if owner { (action_button(&format!("{base}/invitations/{}/revoke", i.id), &access.csrf, "Withdraw", &[])) }
                        }
                    }
                }
            }
            @if owner {
                h2 { "Invite someone" }
                (error_summary(errors))
                form method="post" action={ (base) "/members/invite" } {
                    (csrf_field(&access.csrf))
                    (forms::input("email", "Email address", "", errors, Input { kind: "email", ..Input::TEXT }))
                    (forms::select("role", "Role", &role_options(), "editor", errors))
                    button type="submit" { "Send invitation" }
                }
            }
        },
    )
}

pub fn invitation(
    token: &str,
    invitation: &Invitation,
    coalition: &Coalition,
    me: Option<&Coordinator>,
    has_account: bool,
    errors: &FieldErrors,
    typed_name: &str,
) -> Markup {
    let action = format!("/invitations/{token}");
    layout(
        "Join a coalition",
        html! {
            h1 { "Join " (coalition.name) }
            p { "You are invited as " strong { (invitation.role) } " of " (coalition.name) " on Undersigned." }
            @match me {
                Some(me) if me.email.eq_ignore_ascii_case(&invitation.email) => {
                    p { "You are logged in as " (me.email) "." }
                    form method="post" action=(action) {
                        button type="submit" { "Accept the invitation" }
                    }
                }
                Some(me) => {
                    p { "You are logged in as " (me.email) ", but the invitation was sent to " (invitation.email) ". Log out, then open the link again." }
                }
                None if has_account => {
                    p { "An account exists for " (invitation.email) ". "
                        a href={ "/login?next=" (action) } { "Log in" } " to accept the invitation." }
                }
                None => {
                    p { "Create your account for " (invitation.email) " to accept." }
                    (error_summary(errors))
                    form method="post" action=(action) {
                        (forms::input("name", "Your name", typed_name, errors, Input { autocomplete: Some("name"), ..Input::TEXT }))
                        (forms::input("password", "Password", "", errors,
                            Input { kind: "password", hint: Some("At least 10 characters."), autocomplete: Some("new-password"), required: true }))
                        button type="submit" { "Create account and join" }
                    }
                }
            }
        },
    )
}

pub fn invitation_invalid() -> Markup {
    layout(
        "Invitation not valid",
        html! {
            h1 { "This invitation is not valid any more" }
            p { "It has been used, withdrawn, or it has expired (invitations last seven days). Ask the coalition's owner for a new one." }
        },
    )
}

pub fn invitation_log_in_first(email: &str) -> Markup {
    layout(
        "Log in to accept",
        html! {
            h1 { "Log in to accept" }
            p { "An account exists for " (email) ". Log in with it, then open the invitation link again." }
            p { a href="/login" { "Log in" } }
        },
    )
}

pub fn invitation_other_address(email: &str) -> Markup {
    layout(
        "Invitation for another address",
        html! {
            h1 { "This invitation is for another address" }
            p { "It was sent to " (email) ". Log out, then open the link again to create that account or log in with it." }
        },
    )
}
