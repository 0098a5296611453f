//! The coordinator's pages of signatures.

use std::collections::HashMap;

use maud::{Markup, html};

use super::moderation::{ListFilter, ListPage};
use super::{Signature, Status};
use crate::statements::Statement;
use crate::web::access::Access;
use crate::web::forms::csrf_field;
use crate::web::layout::coordinator;

fn statement_url(access: &Access, statement: &Statement) -> String {
    let slug = access
        .membership
        .as_ref()
        .map(|m| m.coalition.slug.as_str())
        .unwrap_or_default();
    format!("/c/{slug}/statements/{}", statement.id)
}

fn shown(s: &Signature) -> &str {
    s.display_name.as_deref().unwrap_or(&s.name)
}

fn flags(s: &Signature, duplicate: bool) -> Markup {
    html! {
        @if duplicate { span.flag.flag-duplicate title="Same organization by name and country, or same website" { "possible duplicate" } " " }
        @if s.domain_matches { span.flag.flag-domain title="The email address is at the website's domain" { "domain match" } " " }
        @if s.source == super::Source::Import.as_str() { span.flag { "added by coordinator" } " " }
        @if s.source == super::Source::Invitation.as_str() { span.flag { "invited" } " " }
        @if s.reconsent_revision_id.is_some() { span.flag { "asked to re-confirm" } " " }
        @if s.kind == "organization" && !s.authorized && s.source != super::Source::Import.as_str() { span.flag.flag-warning { "not authorized" } }
    }
}

fn query(filter: &ListFilter, after: &str) -> String {
    serde_urlencoded::to_string([
        ("status", filter.status.as_str()),
        ("flag", filter.flag.as_str()),
        ("q", filter.q.as_str()),
        ("sort", filter.sort.as_str()),
        ("after", after),
    ])
    .unwrap_or_default()
}

pub fn list(
    access: &Access,
    statement: &Statement,
    filter: &ListFilter,
    page: &ListPage,
) -> Markup {
    let here = format!("{}/signatures", statement_url(access, statement));
    let editor = access.can(crate::coalitions::Role::Editor);
    let statuses = std::iter::once(("", "all states"))
        .chain(Status::ALL.iter().map(|s| (s.as_str(), s.label())));
    let flag_options = [
        ("", "any"),
        ("duplicate", "possible duplicates"),
        ("domain", "email domain matches website"),
        ("imported", "added by coordinator"),
        ("reconsent", "asked to re-confirm"),
    ];
    let sorts = [
        ("", "newest first"),
        ("oldest", "oldest first"),
        ("name", "list order"),
    ];
    coordinator(
        access,
        "Signatures",
        html! {
            p.breadcrumbs { a href=(statement_url(access, statement)) { "Back to the statement" } }
            h1 { "Signatures" }
            p.actions {
                a href={ (here) ".csv" } { "Export CSV" } " · "
                a href={ (here) ".json" } { "Export JSON" } " · "
                a href={ "/s/" (statement.slug) "/letter" } { "Printable letter" }
                @if editor { " · " a href={ (here) "/import" } { "Import a list" } }
                " · " a href={ (statement_url(access, statement)) "/invitations" } { "Invitations" }
            }
            form.filters method="get" action=(here) {
                div.field { label for="status" { "State" } select id="status" name="status" { @for (v, l) in statuses { option value=(v) selected[v == filter.status] { (l) } } } }
                div.field { label for="flag" { "Flag" } select id="flag" name="flag" { @for (v, l) in flag_options { option value=(v) selected[v == filter.flag] { (l) } } } }
                div.field { label for="q" { "Name or email" } input id="q" name="q" type="search" value=(filter.q); }
                div.field { label for="sort" { "Sort" } select id="sort" name="sort" { @for (v, l) in sorts { option value=(v) selected[v == filter.sort] { (l) } } } }
                button type="submit" { "Show" }
            }
            form method="post" action={ (here) "/moderate" } {
                (csrf_field(&access.csrf))
                div.table-scroll {
                    table.signatures {
                        thead { tr {
                            @if editor { th { span.visually-hidden { "Select" } } }
                            th { "Name" } th { "Country" } th { "Email" } th { "State" } th { "Signed" } th { "Revision" } th { "Flags" }
                        } }
                        tbody {
                            @for s in &page.rows {
                                tr {
                                    @if editor { td { input type="checkbox" name="id" value=(s.id) aria-label={ "Select " (shown(s)) }; } }
                                    td {
                                        a href={ (here) "/" (s.id) } { (shown(s)) }
                                        @if s.display_name.is_some() { br; span.muted { "entered: " (s.name) } }
                                    }
                                    td { (s.country.as_deref().unwrap_or("")) }
                                    td { (s.email) }
                                    td { span class={ "badge state-" (s.status) } { (Status::parse(&s.status).map_or("", Status::label)) } @if s.listed { " · listed" } }
                                    td { (s.created_at.format("%Y-%m-%d %H:%M")) }
                                    td { (s.revision_id.as_deref().map(|_| "✓").unwrap_or("")) }
                                    td { (flags(s, page.duplicates.contains(&s.id))) }
                                }
                            }
                        }
                    }
                }
                @if page.rows.is_empty() { p { "No signatures match." } }
                @if editor && !page.rows.is_empty() {
                    fieldset.actions {
                        legend { "With the selected signatures" }
                        div.field.checkbox { input type="checkbox" id="notify" name="notify" value="on"; label for="notify" { "Tell each signer by mail" } }
                        button type="submit" name="action" value="approve" { "Approve" }
                        button type="submit" name="action" value="reject" { "Reject" }
                    }
                }
            }
            @if let Some(next) = &page.next { p { a rel="next" href={ (here) "?" (query(filter, next)) } { "Next page" } } }
        },
    )
}

pub fn detail(
    access: &Access,
    statement: &Statement,
    s: &Signature,
    duplicates: &[Signature],
    revisions: &HashMap<String, i32>,
) -> Markup {
    let here = format!("{}/signatures/{}", statement_url(access, statement), s.id);
    let editor = access.can(crate::coalitions::Role::Editor);
    let stamp = |t: Option<chrono::NaiveDateTime>| {
        t.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_else(|| "—".into())
    };
    let revision = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| revisions.get(id))
            .map_or_else(|| "—".to_owned(), |n| format!("revision {n}"))
    };
    coordinator(
        access,
        shown(s),
        html! {
            p.breadcrumbs { a href={ (statement_url(access, statement)) "/signatures" } { "All signatures" } }
            h1 { (shown(s)) }
            h2 { "How it came in" }
            dl.facts {
                dt { "State" } dd { (Status::parse(&s.status).map_or("", Status::label)) @if s.listed { ", listed" } @else { ", not listed" } }
                dt { "Source" } dd { (match s.source.as_str() { "form" => "the public form", "invitation" => "a personal invitation", "import" => "added by a coordinator (import)", other => other }) }
                dt { "Signed" } dd { (stamp(Some(s.created_at))) }
                dt { "Address confirmed" } dd { (stamp(s.confirmed_at)) }
                dt { "Text signed" } dd { (revision(&s.revision_id)) @if s.reconsent_revision_id.is_some() { " — asked to confirm " (revision(&s.reconsent_revision_id)) } }
                dt { "Authorized to sign for the organization" } dd { @if s.authorized { "yes, stated by the signer" } @else { "not stated" } }
                dt { "Email domain matches website" } dd { @if s.domain_matches { "yes" } @else { "no" } }
                dt { "Approved" } dd { @if let Some(by) = &s.approved_by { (by) ", " (stamp(s.approved_at)) } @else { "—" } }
                @if let Some(at) = s.withdrawn_at { dt { "Withdrawn" } dd { (stamp(Some(at))) @if let Some(into) = &s.merged_into { " (merged into " a href={ (statement_url(access, statement)) "/signatures/" (into) } { "another signature" } ")" } } }
            }
            h2 { "Details as entered" }
            dl.facts {
                dt { "Name" } dd { (s.name) }
                @if let Some(c) = &s.country { dt { "Country" } dd { (c) } }
                @if let Some(w) = &s.website { dt { "Website" } dd { (w) } }
                @if let Some(n) = &s.signer_name { dt { "Signer" } dd { (n) @if let Some(t) = &s.signer_title { ", " (t) } } }
                @if let Some(a) = &s.affiliation { dt { "Affiliation" } dd { (a) } }
                @if let Some(c) = &s.city { dt { "City" } dd { (c) } }
                dt { "Email" } dd { (s.email) @if let Some(p) = &s.pending_email { " (changing to " (p) ", not yet confirmed)" } }
                @if let Some(c) = &s.comment { dt { "Comment for the coordinators" } dd.comment-body { (c) } }
            }
            @if editor {
                h2 { "Display name" }
                form method="post" action={ (here) "/display-name" } {
                    (csrf_field(&access.csrf))
                    div.field {
                        label for="display_name" { "Shown on the list as" }
                        p.hint id="display_name-hint" { "Corrects capitalization or spelling; the signer's own entry is kept. Empty shows the entry." }
                        input id="display_name" name="display_name" value=(s.display_name.as_deref().unwrap_or("")) aria-describedby="display_name-hint";
                    }
                    button type="submit" { "Save display name" }
                }
                @if statement.list_order() == crate::statements::ListOrder::Manual {
                    h2 { "Place in the manual order" }
                    form method="post" action={ (here) "/position" } {
                        (csrf_field(&access.csrf))
                        div.field {
                            label for="position" { "Position (0 first; empty: last)" }
                            input id="position" name="position" type="number" min="0" value=(s.manual_position.map(|p| p.to_string()).unwrap_or_default());
                        }
                        button type="submit" { "Save position" }
                    }
                }
            }
            @if !duplicates.is_empty() {
                h2 { "Possible duplicates" }
                ul {
                    @for d in duplicates {
                        li {
                            a href={ (statement_url(access, statement)) "/signatures/" (d.id) } { (shown(d)) } " — " (d.email) ", " (d.status) ", " (d.created_at.format("%Y-%m-%d"))
                            @if editor && d.merged_into.is_none() && s.merged_into.is_none() {
                                " "
                                form.inline method="post" action={ (here) "/merge" } {
                                    (csrf_field(&access.csrf))
                                    input type="hidden" name="other" value=(d.id);
                                    button type="submit" { "Merge these two" }
                                }
                            }
                        }
                    }
                }
                p.muted { "Merging keeps the earlier signature and its time; the later one stays in the records as merged." }
            }
        },
    )
}
