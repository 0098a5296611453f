//! Coordinator pages of statements.

use chrono::{Duration, NaiveDateTime};
use maud::{Markup, html};

use super::routes::{EditForm, SettingsForm, TextForm};
use super::{Comment, ListOrder, Revision, Signers, Statement, Status, Summary, Version, chart};
use crate::db::DbConn;
use crate::i18n::{Lang, t, t_args, t_markup};
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input, action_button, csrf_field, error_summary};
use crate::web::layout::{coordinator, headed};

fn base(access: &Access) -> String {
    access
        .membership
        .as_ref()
        .map(|m| format!("/c/{}", m.coalition.slug))
        .unwrap_or_default()
}

fn statement_base(access: &Access, statement: &Statement) -> String {
    format!("{}/statements/{}", base(access), statement.id)
}

fn can_edit(access: &Access) -> bool {
    access.can(crate::coalitions::Role::Editor)
}

/// A stored word of a statement (its status, who may sign, the order of
/// its list, a revision's kind of change) in words of `lang`; `what` is the
/// start of the message ids, such as `statement-status`.
pub(super) fn word(lang: Lang, what: &str, stored: &str) -> String {
    t(lang, &format!("{what}-{stored}"))
}

fn status_badge(lang: Lang, statement: &Statement) -> Markup {
    let status = statement.status_at(crate::db::now());
    html! { span class={ "badge status-" (status.as_str()) } { (word(lang, "statement-status", status.as_str())) } }
}

pub fn statement_list(access: &Access, statements: &[(Statement, String)]) -> Markup {
    let base = base(access);
    let lang = access.lang;
    headed(
        access,
        &t(lang, "statements-title"),
        html! {
            (zone_notice(access))
            @if can_edit(access) {
                p { a.button href={ (base) "/statements/new" } { (t(lang, "statements-new")) } }
            }
            @if statements.is_empty() {
                p { (t(lang, "statements-none")) }
            } @else {
                table {
                    thead { tr { th { (t(lang, "statements-column-title")) } th { (t(lang, "statements-column-status")) } th { (t(lang, "statements-column-listed")) } th { (t(lang, "statements-column-language")) } th { (t(lang, "statements-column-created")) } } }
                    tbody {
                        @for (s, title) in statements {
                            tr {
                                td { a href={ (base) "/statements/" (s.id) } { (title) } }
                                td { (status_badge(lang, s)) }
                                td { (s.listed_total()) }
                                td { (s.language) }
                                td { (access.day(s.created_at)) }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// Which zone the times are in, with the way to change it for owners.
fn zone_notice(access: &Access) -> Markup {
    let lang = access.lang;
    let zone = access.zone().name();
    html! {
        @if access.can(crate::coalitions::Role::Owner) {
            p.muted { (t_markup(lang, "coalition-zone-notice-owner", &[("zone", zone.into())], &[("link", html! { a href={ (base(access)) "/settings" } { (t(lang, "coalition-zone-change")) } })])) }
        } @else {
            p.muted { (t_args(lang, "coalition-zone-notice", &[("zone", zone.into())])) }
        }
    }
}

pub fn new_statement(access: &Access, form: &TextForm, errors: &FieldErrors) -> Markup {
    let lang = access.lang;
    headed(
        access,
        &t(lang, "statements-new"),
        html! {
            (error_summary(lang, errors))
            form method="post" action={ (base(access)) "/statements/new" } {
                (csrf_field(&access.csrf))
                (forms::input("title", &t(lang, "statement-field-title"), &form.title, errors, Input::TEXT))
                (forms::input("language", &t(lang, "statement-field-language"), &form.language, errors,
                    Input { hint: Some(&t(lang, "statement-field-language-hint")), ..Input::TEXT }))
                (forms::textarea("body", &t(lang, "statement-field-body"), &form.body, errors, 16,
                    Some(&t(lang, "statement-field-body-hint"))))
                button type="submit" { (t(lang, "statement-save-draft")) }
            }
        },
    )
}

/// What the statement dashboard shows.
pub struct DashboardData {
    pub versions: Vec<(Version, Vec<Revision>)>,
    pub list: Summary,
    pub open_comments: usize,
}

impl DashboardData {
    /// Reads the statement's part; `list` gives the sign-on list's figures
    /// since a moment.
    pub fn load(
        conn: &mut DbConn,
        statement_id: &str,
        list: impl FnOnce(&mut DbConn, NaiveDateTime) -> diesel::QueryResult<Summary>,
    ) -> diesel::QueryResult<Self> {
        let versions = super::versions(conn, statement_id)?
            .into_iter()
            .map(|v| super::revisions(conn, &v.id).map(|r| (v, r)))
            .collect::<Result<_, _>>()?;
        let since = crate::db::now() - Duration::days(29);
        Ok(Self {
            versions,
            list: list(conn, since)?,
            open_comments: super::comments(conn, statement_id)?
                .iter()
                .filter(|(c, _, _)| c.resolved_at.is_none())
                .count(),
        })
    }
}

pub fn dashboard(
    access: &Access,
    base_url: &str,
    statement: &Statement,
    data: &DashboardData,
    preview: &str,
    errors: &FieldErrors,
) -> Markup {
    dashboard_with_translation(
        access,
        base_url,
        statement,
        data,
        preview,
        &TextForm::default(),
        errors,
    )
}

pub fn dashboard_with_translation(
    access: &Access,
    base_url: &str,
    statement: &Statement,
    data: &DashboardData,
    preview: &str,
    translation: &TextForm,
    errors: &FieldErrors,
) -> Markup {
    let here = statement_base(access, statement);
    let title = data
        .versions
        .iter()
        .find(|(v, _)| v.language == statement.language)
        .map(|(v, _)| v.title.clone())
        .unwrap_or_default();
    let public_url = format!("{base_url}/s/{}", statement.slug);
    let preview_url = format!("{base_url}/preview/{}/{preview}", statement.id);
    let embed = format!(
        "<iframe src=\"{base_url}/s/{}/embed\" title=\"{}\" width=\"320\" height=\"160\" style=\"border:0\"></iframe>",
        statement.slug,
        title.replace('"', "&quot;")
    );
    let now = crate::db::now();
    let status = statement.status_at(now);
    let today = now.date();
    let lang = access.lang;
    let stamp = |at: chrono::NaiveDateTime| access.time(at);
    coordinator(
        access,
        &title,
        html! {
            p.breadcrumbs { a href=(base(access)) { (t(lang, "statements-title")) } }
            h1 { (title) " " (status_badge(lang, statement)) }
            @if can_edit(access) {
                div.actions {
                    @match status {
                        Status::Draft => (action_button(&format!("{here}/status"), &access.csrf, &t(lang, "dashboard-open"), &[("to", "open")])),
                        Status::Open => (action_button(&format!("{here}/status"), &access.csrf, &t(lang, "dashboard-close"), &[("to", "closed")])),
                        Status::Closed => (action_button(&format!("{here}/status"), &access.csrf, &t(lang, "dashboard-reopen"), &[("to", "open")])),
                    }
                    a.button href={ (here) "/settings" } { (t(lang, "dashboard-settings")) }
                }
            }
            section {
                h2 { (t(lang, "dashboard-status")) }
                dl.facts {
                    dt { (t(lang, "dashboard-public-page")) }
                    dd {
                        @if statement.is_public(now) { (t(lang, "dashboard-public")) }
                        @else if let Some(at) = statement.publish_at { (t_args(lang, "dashboard-published", &[("date", stamp(at).into())])) }
                        @else { (t(lang, "dashboard-not-public")) }
                    }
                    @if let Some(deadline) = statement.deadline_at { dt { (t(lang, "dashboard-deadline")) } dd { (stamp(deadline)) } }
                    @if let Some(at) = statement.list_public_at { dt { (t(lang, "dashboard-list-public-from")) } dd { (stamp(at)) } }
                    dt { (t(lang, "dashboard-signers")) } dd { (word(lang, "signers", statement.signers.as_str())) }
                    dt { (t(lang, "dashboard-approval")) } dd { @if statement.requires_approval { (t(lang, "dashboard-approval-each")) } @else { (t(lang, "dashboard-approval-none")) } }
                    dt { (t(lang, "dashboard-list-order")) } dd { (word(lang, "list-order", statement.list_order.as_str())) }
                }
            }
            section {
                h2 { (t(lang, "dashboard-signatures")) }
                p.actions {
                    a href={ (here) "/signatures" } { (t(lang, "dashboard-all-signatures")) } " · "
                    a href={ (here) "/signatures?status=confirmed" } { (t(lang, "dashboard-to-review")) } " · "
                    a href={ (here) "/invitations" } { (t(lang, "dashboard-invitations")) } " · "
                    a href={ (here) "/update" } { (t(lang, "update-send")) } " · "
                    a href={ (here) "/signatures.csv" } { (t(lang, "dashboard-export-csv")) } " · "
                    a href={ (here) "/signatures.xlsx" } { (t(lang, "dashboard-export-xlsx")) }
                }
                form.inline.digest method="post" action={ (here) "/digest" } {
                    (csrf_field(&access.csrf))
                    label for="frequency" { (t(lang, "dashboard-digest")) " " }
                    select id="frequency" name="frequency" {
                        @for value in ["none", "hourly", "daily"] {
                            option value=(value) selected[data.list.digest == value] { (word(lang, "digest", value)) }
                        }
                    }
                    " "
                    button type="submit" { (t(lang, "dashboard-digest-save")) }
                }
                ul.counts {
                    li { (t_markup(lang, "dashboard-listed", &[], &[("count", html! { strong { (statement.listed_total()) } })])) }
                    @for (status, n) in &data.list.counts { li { (t_args(lang, "dashboard-count", &[("count", (*n).into()), ("status", status.as_str().into())])) } }
                }
                figure {
                    (chart::per_day(lang, &data.list.per_day, today, 30))
                    figcaption { (t(lang, "dashboard-chart-caption")) }
                }
            }
            section {
                h2 { (t(lang, "dashboard-share")) }
                dl.share {
                    dt { (t(lang, "dashboard-public-link")) } dd { a href=(public_url) { (public_url) } }
                    dt { (t(lang, "dashboard-preview-link")) }
                    dd {
                        a href=(preview_url) { (preview_url) }
                        @if can_edit(access) { (action_button(&format!("{here}/preview-link"), &access.csrf, &t(lang, "dashboard-replace-preview-link"), &[])) }
                    }
                    dt { label for="embed" { (t(lang, "dashboard-embed")) } }
                    dd { textarea id="embed" readonly rows="3" { (embed) } }
                }
                p { (t_markup(lang, "dashboard-comments", &[("open", data.open_comments.into())], &[("link", html! { a href={ (here) "/comments" } { (t(lang, "comments-heading")) } })])) }
            }
            section {
                h2 { (t(lang, "dashboard-versions")) }
                @for (version, revisions) in &data.versions {
                    h3 { (version.language) ": " (version.title) }
                    p {
                        @if can_edit(access) { a href={ (here) "/edit/" (version.language) } { (t(lang, "dashboard-edit")) } " · " }
                        a href={ (here) "/revisions/" (version.language) } { (t(lang, "dashboard-all-revisions")) }
                    }
                    ul.revisions {
                        @for r in revisions.iter().take(5) {
                            li { (revision_line(access, r, version.language != statement.language)) }
                        }
                    }
                }
                @if can_edit(access) {
                    details.add-translation open[!errors.is_empty()] {
                    summary { (t(lang, "translation-add")) }
                    (error_summary(lang, errors))
                    form method="post" action={ (here) "/translations" } {
                        (csrf_field(&access.csrf))
                        (forms::input("language", &t(lang, "statement-field-language"), &translation.language, errors, Input { hint: Some(&t(lang, "translation-language-hint")), ..Input::TEXT }))
                        (forms::input("title", &t(lang, "statement-field-title"), &translation.title, errors, Input::TEXT))
                        (forms::textarea("body", &t(lang, "statement-field-body"), &translation.body, errors, 10, None))
                        button type="submit" { (t(lang, "translation-submit")) }
                    }
                    }
                }
            }
        },
    )
}

/// One revision in a list; `translation` says whether its version is a
/// translation, whose first revision is noted as such.
fn revision_line(access: &Access, r: &Revision, translation: bool) -> Markup {
    let lang = access.lang;
    html! {
        (t_args(lang, "revision-number", &[("number", r.number.into())])) " · " (word(lang, "change-kind", r.change_kind.as_str())) " · " (r.author_name) " · "
        time datetime=(r.created_at.format("%Y-%m-%dT%H:%M:%SZ")) { (access.time(r.created_at)) }
        @if !r.note.is_empty() { " · " em { (r.note) } }
        @else if r.number == 1 && translation { " · " em { (t(lang, "revision-note-translation")) } }
        @else if r.number == 1 { " · " em { (t(lang, "revision-note-first-draft")) } }
        " · " code title=(t(lang, "revision-hash")) { (&r.content_hash[..12]) }
    }
}

fn options<T: Copy>(
    all: &[T],
    text: impl Fn(T) -> (&'static str, String),
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| text(*v))
        .map(|(a, b)| (a.to_owned(), b))
        .collect()
}

pub fn settings(
    access: &Access,
    statement: &Statement,
    form: &SettingsForm,
    errors: &FieldErrors,
) -> Markup {
    let here = statement_base(access, statement);
    let draft = statement.stored_status() == Status::Draft;
    let lang = access.lang;
    let signers = options(Signers::ALL, |s| {
        (
            s.as_str(),
            match s {
                Signers::Organizations => t(lang, "settings-signers-organizations"),
                Signers::Individuals => t(lang, "settings-signers-individuals"),
                Signers::Both => t(lang, "settings-signers-both"),
            },
        )
    });
    let orders = options(ListOrder::ALL, |o| {
        (
            o.as_str(),
            match o {
                ListOrder::Alphabetical => t(lang, "settings-order-alphabetical"),
                ListOrder::Country => t(lang, "settings-order-country"),
                ListOrder::Time => t(lang, "settings-order-time"),
                ListOrder::Manual => t(lang, "settings-order-manual"),
            },
        )
    });
    fn when(hint: &str) -> Input<'_> {
        Input {
            kind: "datetime-local",
            hint: Some(hint),
            autocomplete: None,
            required: false,
        }
    }
    let slug_hint = if draft {
        t(lang, "settings-address-hint-draft")
    } else {
        t(lang, "settings-address-hint-open")
    };
    coordinator(
        access,
        &t(lang, "settings-title"),
        html! {
            p.breadcrumbs { a href=(here) { (t(lang, "statement-back")) } }
            h1 { (t(lang, "settings-heading")) }
            (error_summary(lang, errors))
            form method="post" action={ (here) "/settings" } {
                (csrf_field(&access.csrf))
                (forms::input("slug", &t(lang, "settings-address"), &form.slug, errors, Input {
                    hint: Some(&slug_hint),
                    ..Input::TEXT
                }))
                (forms::input("language", &t(lang, "settings-language"), &form.language, errors, Input { hint: Some(&t(lang, "settings-language-hint")), ..Input::TEXT }))
                (forms::select("signers", &t(lang, "dashboard-signers"), &signers, &form.signers, errors))
                (forms::checkbox("requires_approval", &t(lang, "settings-requires-approval"), form.requires_approval.is_some(), errors))
                (forms::select("list_order", &t(lang, "settings-list-order"), &orders, &form.list_order, errors))
                (forms::input("deadline_at", &t(lang, "settings-deadline"), &form.deadline_at, errors, when(&t(lang, "settings-deadline-hint"))))
                (forms::input("publish_at", &t(lang, "settings-publish-at"), &form.publish_at, errors, when(&t(lang, "settings-publish-at-hint"))))
                (forms::input("list_public_at", &t(lang, "settings-list-public-at"), &form.list_public_at, errors, when(&t(lang, "settings-list-public-at-hint"))))
                (forms::zone_field("time_zone", &t(lang, "time-zone"), &form.time_zone, errors, &t(lang, "time-zone-hint"), false))
                button type="submit" { (t(lang, "settings-submit")) }
            }
        },
    )
}

pub fn edit(
    access: &Access,
    statement: &Statement,
    version: &Version,
    current: i32,
    form: &EditForm,
    errors: &FieldErrors,
) -> Markup {
    let here = statement_base(access, statement);
    let open = statement.stored_status() != Status::Draft;
    let lang = access.lang;
    coordinator(
        access,
        &t(lang, "edit-title"),
        html! {
            p.breadcrumbs { a href=(here) { (t(lang, "statement-back")) } }
            h1 { (t_args(lang, "edit-heading", &[("language", version.language.as_str().into())])) }
            p.muted { (t_args(lang, "edit-next-revision", &[("number", (current + 1).into())])) }
            (error_summary(lang, errors))
            form method="post" action={ (here) "/edit/" (version.language) } {
                (csrf_field(&access.csrf))
                input type="hidden" name="base" value=(form.base.unwrap_or(current));
                (forms::input("title", &t(lang, "statement-field-title"), &form.title, errors, Input::TEXT))
                (forms::textarea("body", &t(lang, "statement-field-body"), &form.body, errors, 20, None))
                (forms::input("note", &t(lang, "edit-note"), &form.note, errors, Input { required: false, ..Input::TEXT }))
                @if open {
                    fieldset aria-describedby=[errors.get("kind").map(|_| "kind-error")] {
                        legend { (t(lang, "edit-kind")) }
                        div.field.radio {
                            input type="radio" id="kind-editorial" name="kind" value="editorial" checked[form.kind == "editorial"];
                            label for="kind-editorial" { (t(lang, "edit-kind-editorial")) }
                        }
                        div.field.radio {
                            input type="radio" id="kind-material" name="kind" value="material" checked[form.kind == "material"];
                            label for="kind-material" { (t(lang, "edit-kind-material")) }
                        }
                        @if let Some(message) = errors.get("kind") { p.field-error id="kind-error" { (message) } }
                    }
                    fieldset {
                        legend { (t(lang, "edit-pending")) }
                        div.field.radio {
                            input type="radio" id="pending-stay" name="pending" value="stay" checked[form.pending != "hide"];
                            label for="pending-stay" { (t(lang, "edit-pending-stay")) }
                        }
                        div.field.radio {
                            input type="radio" id="pending-hide" name="pending" value="hide" checked[form.pending == "hide"];
                            label for="pending-hide" { (t(lang, "edit-pending-hide")) }
                        }
                    }
                }
                button type="submit" { (t(lang, "edit-submit")) }
            }
        },
    )
}

pub fn revisions(
    access: &Access,
    statement: &Statement,
    version: &Version,
    revisions: &[Revision],
) -> Markup {
    let here = statement_base(access, statement);
    let latest = revisions.first().map_or(1, |r| r.number);
    let previous = (latest - 1).max(1);
    let lang = access.lang;
    coordinator(
        access,
        &t(lang, "revisions-title"),
        html! {
            p.breadcrumbs { a href=(here) { (t(lang, "statement-back")) } }
            h1 { (t_args(lang, "revisions-heading", &[("language", version.language.as_str().into())])) }
            form.filters method="get" action={ (here) "/diff/" (version.language) } {
                div.field {
                    label for="from" { (t(lang, "revisions-compare")) }
                    select id="from" name="from" { @for r in revisions { option value=(r.number) selected[r.number == previous] { (r.number) } } }
                }
                div.field {
                    label for="to" { (t(lang, "revisions-with")) }
                    select id="to" name="to" { @for r in revisions { option value=(r.number) selected[r.number == latest] { (r.number) } } }
                }
                button type="submit" { (t(lang, "revisions-submit")) }
            }
            ul.revisions {
                @for r in revisions {
                    li {
                        (revision_line(access, r, version.language != statement.language))
                        @if r.number > 1 { " · " a href={ (here) "/diff/" (version.language) "?from=" (r.number - 1) "&to=" (r.number) } { (t(lang, "revisions-changes")) } }
                    }
                }
            }
        },
    )
}

pub fn diff(
    access: &Access,
    statement: &Statement,
    version: &Version,
    old: &Revision,
    new: &Revision,
) -> Markup {
    let here = statement_base(access, statement);
    let title_parts = crate::text::word_diff(&old.title, &new.title);
    let body_parts = crate::text::word_diff(&old.body, &new.body);
    let (added, removed) = crate::text::diff_stats(&body_parts);
    let lang = access.lang;
    coordinator(
        access,
        &t(lang, "diff-title"),
        html! {
            p.breadcrumbs { a href={ (here) "/revisions/" (version.language) } { (t(lang, "diff-all-revisions")) } }
            h1 { (t_args(lang, "diff-heading", &[("old", old.number.into()), ("new", new.number.into())])) }
            p.muted { (t_markup(lang, "diff-summary", &[("added", added.into()), ("removed", removed.into())], &[("added-text", html! { ins { (t(lang, "diff-added-text")) } }), ("removed-text", html! { del { (t(lang, "diff-removed-text")) } })])) }
            h2 { (t(lang, "diff-title-heading")) }
            (crate::text::render_diff(&title_parts))
            h2 { (t(lang, "diff-text-heading")) }
            (crate::text::render_diff(&body_parts))
        },
    )
}

pub fn comments(
    access: &Access,
    statement: &Statement,
    comments: &[(Comment, String, i32)],
) -> Markup {
    let here = statement_base(access, statement);
    let lang = access.lang;
    coordinator(
        access,
        &t(lang, "comments-title"),
        html! {
            p.breadcrumbs { a href=(here) { (t(lang, "statement-back")) } }
            h1 { (t(lang, "comments-heading")) }
            p.muted { (t(lang, "comments-intro")) }
            @if comments.is_empty() { p { (t(lang, "comments-none")) } }
            @for (c, language, number) in comments {
                article.comment.resolved[c.resolved_at.is_some()] {
                    header {
                        (t_markup(lang, "comments-byline", &[
                            ("organization", c.organization.as_str().into()),
                            ("number", (*number).into()),
                            ("language", language.as_str().into()),
                            ("date", access.time(c.created_at).into()),
                        ], &[("name", html! { strong { (c.name) } })]))
                    }
                    p.comment-body { (c.body) }
                    @if let Some(at) = c.resolved_at {
                        p.muted { (t_args(lang, "comments-resolved-by", &[("name", c.resolved_by.as_deref().unwrap_or("").into()), ("date", access.day(at).into())])) }
                    } @else if can_edit(access) {
                        (action_button(&format!("{here}/comments/{}/resolve", c.id), &access.csrf, &t(lang, "comments-resolve"), &[]))
                    }
                }
            }
        },
    )
}
