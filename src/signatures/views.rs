//! The coordinator's pages of signatures.

use std::collections::HashMap;

use maud::{Markup, html};

use super::moderation::{ListFilter, ListPage};
use super::{Signature, Status};
use crate::i18n::{Lang, t, t_args, t_markup};
use crate::statements::Statement;
use crate::web::access::Access;
use crate::web::forms::csrf_field;
use crate::web::layout::coordinator;

fn statement_url(access: &Access, statement: &Statement) -> String {
    let slug = access.coalition_slug();
    format!("/c/{slug}/statements/{}", statement.id)
}

fn shown(s: &Signature) -> &str {
    s.display_name.as_deref().unwrap_or(&s.name)
}

fn flags(lang: Lang, s: &Signature, duplicate: bool) -> Markup {
    html! {
        @if duplicate { span.flag.flag-duplicate title=(t(lang, "signatures-flag-duplicate-title")) { (t(lang, "signatures-flag-duplicate")) } " " }
        @if s.domain_matches { span.flag.flag-domain title=(t(lang, "signatures-flag-domain-title")) { (t(lang, "signatures-flag-domain")) } " " }
        @if s.source == super::Source::Import { span.flag { (t(lang, "signatures-flag-imported")) } " " }
        @if s.source == super::Source::Invitation { span.flag { (t(lang, "signatures-flag-invited")) } " " }
        @if s.reconsent_revision_id.is_some() { span.flag { (t(lang, "signatures-flag-reconsent")) } " " }
        @if s.kind == super::Kind::Organization && !s.authorized && s.source != super::Source::Import { span.flag.flag-warning { (t(lang, "signatures-flag-not-authorized")) } }
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

/// What the last action did, from the address it redirected to.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
    #[serde(default)]
    count: usize,
}

impl Done {
    fn message(&self, lang: Lang) -> Option<String> {
        let id = match self.done.as_str() {
            "approved" => "signatures-done-approved",
            "rejected" => "signatures-done-rejected",
            "imported" => "signatures-done-imported",
            "deleted" => "signatures-done-deleted",
            _ => return None,
        };
        Some(t_args(lang, id, &[("count", self.count.into())]))
    }
}

pub fn list(
    access: &Access,
    statement: &Statement,
    filter: &ListFilter,
    page: &ListPage,
    done: &Done,
) -> Markup {
    let here = format!("{}/signatures", statement_url(access, statement));
    let editor = access.can(crate::coalitions::Role::Editor);
    let lang = access.lang;
    let statuses = std::iter::once(("", t(lang, "signatures-all-states")))
        .chain(Status::ALL.iter().map(|s| (s.as_str(), s.label(lang))));
    let flag_options = [
        ("", t(lang, "signatures-any-flag")),
        ("duplicate", t(lang, "signatures-duplicates")),
        ("domain", t(lang, "signatures-domain-matches")),
        ("imported", t(lang, "signatures-flag-imported")),
        ("reconsent", t(lang, "signatures-flag-reconsent")),
    ];
    let sorts = [
        ("", t(lang, "signatures-sort-newest")),
        ("oldest", t(lang, "signatures-sort-oldest")),
        ("name", t(lang, "signatures-sort-list-order")),
    ];
    coordinator(
        access,
        &t(lang, "signatures-title"),
        html! {
            p.breadcrumbs { a href=(statement_url(access, statement)) { (t(lang, "statement-back")) } }
            h1 { (t(lang, "signatures-title")) }
            @if let Some(message) = done.message(lang) { p.notice role="status" { (message) } }
            p.actions {
                a href={ (here) ".csv" } { (t(lang, "dashboard-export-csv")) } " · "
                a href={ (here) ".xlsx" } { (t(lang, "dashboard-export-xlsx")) } " · "
                a href={ (here) ".json" } { (t(lang, "signatures-export-json")) } " · "
                a href={ "/s/" (statement.slug) "/letter" } { (t(lang, "signatures-letter")) }
                @if editor { " · " a href={ (here) "/import" } { (t(lang, "signatures-import")) } }
                " · " a href={ (statement_url(access, statement)) "/invitations" } { (t(lang, "dashboard-invitations")) }
            }
            form.filters method="get" action=(here) {
                div.field { label for="status" { (t(lang, "signatures-state")) } select id="status" name="status" { @for (v, l) in statuses { option value=(v) selected[v == filter.status] { (l) } } } }
                div.field { label for="flag" { (t(lang, "signatures-flag")) } select id="flag" name="flag" { @for (v, l) in flag_options { option value=(v) selected[v == filter.flag] { (l) } } } }
                div.field { label for="q" { (t(lang, "signatures-search")) } input id="q" name="q" type="search" value=(filter.q); }
                div.field { label for="sort" { (t(lang, "signatures-sort")) } select id="sort" name="sort" { @for (v, l) in sorts { option value=(v) selected[v == filter.sort] { (l) } } } }
                button type="submit" { (t(lang, "signatures-show")) }
            }
            form method="post" action={ (here) "/moderate" } {
                (csrf_field(&access.csrf))
                div.table-scroll {
                    table.signatures {
                        thead { tr {
                            @if editor { th { span.visually-hidden { (t(lang, "signatures-select")) } } }
                            th { (t(lang, "signatures-name")) } th { (t(lang, "signatures-country")) } th { (t(lang, "signatures-email")) } th { (t(lang, "signatures-state")) } th { (t(lang, "signatures-signed")) } th { (t(lang, "signatures-revision")) } th { (t(lang, "signatures-flags")) }
                        } }
                        tbody {
                            @for s in &page.rows {
                                tr {
                                    @if editor { td { input type="checkbox" name="id" value=(s.id) aria-label=(t_args(lang, "signatures-select-one", &[("name", shown(s).into())])); } }
                                    td {
                                        a href={ (here) "/" (s.id) } { (shown(s)) }
                                        @if s.display_name.is_some() { br; span.muted { (t_args(lang, "signatures-entered", &[("name", s.name.as_str().into())])) } }
                                    }
                                    td { (s.country.as_deref().unwrap_or("")) }
                                    td { (s.email) }
                                    td {
                                        span class={ "badge state-" (s.status.as_str()) } {
                                            @if let Some(kept) = s.merged_into.as_ref().and_then(|id| page.merged_into.get(id)) {
                                                (t_args(lang, "signatures-merged-into", &[("name", kept.as_str().into())]))
                                            } @else { (s.status.label(lang)) }
                                        }
                                        @if s.listed { " · " (t(lang, "signatures-listed")) }
                                    }
                                    td { (access.time(s.created_at)) }
                                    td { (s.revision_id.as_deref().map(|_| "✓").unwrap_or("")) }
                                    td { (flags(lang, s, page.duplicates.contains(&s.id))) }
                                }
                            }
                        }
                    }
                }
                @if page.rows.is_empty() { p { (t(lang, "signatures-none")) } }
                @if editor && !page.rows.is_empty() {
                    fieldset.actions {
                        legend { (t(lang, "signatures-with-selected")) }
                        input type="hidden" name="status" value=(filter.status);
                        input type="hidden" name="flag" value=(filter.flag);
                        input type="hidden" name="q" value=(filter.q);
                        div.field.checkbox { input type="checkbox" id="all" name="all" value="on"; label for="all" { (t(lang, "signatures-select-all")) } }
                        div.field.checkbox { input type="checkbox" id="notify" name="notify" value="on"; label for="notify" { (t(lang, "signatures-notify")) } }
                        button type="submit" name="action" value="approve" { (t(lang, "signatures-approve")) }
                        button type="submit" name="action" value="reject" { (t(lang, "signatures-reject")) }
                        button.danger type="submit" name="action" value="delete" { (t(lang, "signatures-delete")) }
                    }
                }
            }
            @if let Some(next) = &page.next { p { a rel="next" href={ (here) "?" (query(filter, next)) } { (t(lang, "signatures-next-page")) } } }
        },
    )
}

pub fn detail(
    access: &Access,
    statement: &Statement,
    s: &Signature,
    duplicates: &[Signature],
    kept: Option<&Signature>,
    revisions: &HashMap<String, i32>,
) -> Markup {
    let here = format!("{}/signatures/{}", statement_url(access, statement), s.id);
    let editor = access.can(crate::coalitions::Role::Editor);
    let lang = access.lang;
    let stamp =
        |t: Option<chrono::NaiveDateTime>| t.map(|t| access.time(t)).unwrap_or_else(|| "—".into());
    let revision = |id: &Option<String>| {
        id.as_ref().and_then(|id| revisions.get(id)).map_or_else(
            || "—".to_owned(),
            |n| t_args(lang, "signature-revision", &[("number", (*n).into())]),
        )
    };
    let source = match s.source.as_str() {
        "form" => t(lang, "signature-source-form"),
        "invitation" => t(lang, "signature-source-invitation"),
        "import" => t(lang, "signature-source-import"),
        other => other.to_owned(),
    };
    let state = [("state", s.status.label(lang).into())];
    let state = if s.listed {
        t_args(lang, "signature-state-listed", &state)
    } else {
        t_args(lang, "signature-state-not-listed", &state)
    };
    coordinator(
        access,
        shown(s),
        html! {
            p.breadcrumbs { a href={ (statement_url(access, statement)) "/signatures" } { (t(lang, "dashboard-all-signatures")) } }
            h1 { (shown(s)) }
            h2 { (t(lang, "signature-how")) }
            dl.facts {
                dt { (t(lang, "signatures-state")) } dd { (state) }
                dt { (t(lang, "signature-source")) } dd { (source) }
                dt { (t(lang, "signatures-signed")) } dd { (stamp(Some(s.created_at))) }
                dt { (t(lang, "signature-confirmed")) } dd { (stamp(s.confirmed_at)) }
                dt { (t(lang, "signature-text-signed")) } dd { (revision(&s.revision_id)) @if s.reconsent_revision_id.is_some() { " — " (t_args(lang, "signature-reconsent", &[("revision", revision(&s.reconsent_revision_id).into())])) } }
                dt { (t(lang, "signature-authorized")) } dd { @if s.authorized { (t(lang, "signature-authorized-yes")) } @else { (t(lang, "signature-authorized-no")) } }
                dt { (t(lang, "signatures-domain-matches-heading")) } dd { @if s.domain_matches { (t(lang, "signature-yes")) } @else { (t(lang, "signature-no")) } }
                dt { (t(lang, "signature-approved")) } dd { @if let Some(by) = &s.approved_by { (t_args(lang, "signature-approved-by", &[("name", by.as_str().into()), ("date", stamp(s.approved_at).into())])) } @else { "—" } }
                @if let (Some(at), None) = (s.withdrawn_at, &s.merged_into) { dt { (t(lang, "signature-withdrawn")) } dd { (stamp(Some(at))) } }
                @if let Some(into) = &s.merged_into { dt { (t(lang, "signature-merged")) } dd { (t_markup(lang, "signature-merged-into", &[], &[("link", html! { a href={ (statement_url(access, statement)) "/signatures/" (into) } { @if let Some(k) = kept { (shown(k)) } @else { (t(lang, "signature-merged-other")) } } })])) } }
            }
            h2 { (t(lang, "signature-as-entered")) }
            dl.facts {
                dt { (t(lang, "signatures-name")) } dd { (s.name) }
                @if let Some(c) = &s.country { dt { (t(lang, "signatures-country")) } dd { (c) } }
                @if let Some(w) = &s.website { dt { (t(lang, "signature-website")) } dd { (w) } }
                @if let Some(n) = &s.signer_name { dt { (t(lang, "signature-signer")) } dd { (n) @if let Some(t) = &s.signer_title { ", " (t) } } }
                @if let Some(a) = &s.affiliation { dt { (t(lang, "signature-affiliation")) } dd { (a) } }
                @if let Some(c) = &s.city { dt { (t(lang, "signature-city")) } dd { (c) } }
                dt { (t(lang, "signatures-email")) } dd { (s.email) @if let Some(p) = &s.pending_email { " " (t_args(lang, "signature-email-changing", &[("email", p.as_str().into())])) } }
                @if let Some(c) = &s.comment { dt { (t(lang, "signature-comment")) } dd.comment-body { (c) } }
            }
            @if editor {
                h2 { (t(lang, "signature-display-name")) }
                form method="post" action={ (here) "/display-name" } {
                    (csrf_field(&access.csrf))
                    div.field {
                        label for="display_name" { (t(lang, "signature-display-name-label")) }
                        p.hint id="display_name-hint" { (t(lang, "signature-display-name-hint")) }
                        input id="display_name" name="display_name" value=(s.display_name.as_deref().unwrap_or("")) aria-describedby="display_name-hint";
                    }
                    button type="submit" { (t(lang, "signature-display-name-submit")) }
                }
                @if statement.list_order() == crate::statements::ListOrder::Manual {
                    h2 { (t(lang, "signature-position-heading")) }
                    form method="post" action={ (here) "/position" } {
                        (csrf_field(&access.csrf))
                        div.field {
                            label for="position" { (t(lang, "signature-position")) }
                            input id="position" name="position" type="number" min="0" value=(s.manual_position.map(|p| p.to_string()).unwrap_or_default());
                        }
                        button type="submit" { (t(lang, "signature-position-submit")) }
                    }
                }
            }
            @if !duplicates.is_empty() {
                h2 { (t(lang, "signature-duplicates")) }
                ul {
                    @for d in duplicates {
                        li {
                            a href={ (statement_url(access, statement)) "/signatures/" (d.id) } { (shown(d)) } " — " (d.email) ", " (d.status.label(lang)) ", " (access.day(d.created_at))
                            @if editor && d.merged_into.is_none() && s.merged_into.is_none() {
                                " "
                                form.inline method="post" action={ (here) "/merge" } {
                                    (csrf_field(&access.csrf))
                                    input type="hidden" name="other" value=(d.id);
                                    button type="submit" { (t(lang, "signature-merge")) }
                                }
                            }
                        }
                    }
                }
                p.muted { (t(lang, "signature-merge-note")) }
            }
        },
    )
}
