//! Coordinator pages of statements.

use chrono::{Duration, NaiveDate};
use maud::{Markup, html};

use super::routes::{EditForm, NewForm, SettingsForm, TranslationForm};
use super::{Comment, ListOrder, Revision, Signers, Statement, Status, Version, chart};
use crate::db::DbConn;
use crate::signatures;
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input, action_button, csrf_field, error_summary};
use crate::web::layout::coordinator;

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

fn status_badge(statement: &Statement) -> Markup {
    let status = statement.status_at(crate::db::now());
    html! { span class={ "badge status-" (status.as_str()) } { (status.as_str()) } }
}

pub fn statement_list(access: &Access, statements: &[(Statement, String)]) -> Markup {
    let base = base(access);
    coordinator(
        access,
        "Statements",
        html! {
            h1 { "Statements" }
            @if can_edit(access) {
                p { a.button href={ (base) "/statements/new" } { "New statement" } }
            }
            @if statements.is_empty() {
                p { "No statements yet." }
            } @else {
                table {
                    thead { tr { th { "Title" } th { "Status" } th { "Listed" } th { "Language" } th { "Created" } } }
                    tbody {
                        @for (s, title) in statements {
                            tr {
                                td { a href={ (base) "/statements/" (s.id) } { (title) } }
                                td { (status_badge(s)) }
                                td { (s.listed_total()) }
                                td { (s.language) }
                                td { (s.created_at.format("%Y-%m-%d")) }
                            }
                        }
                    }
                }
            }
        },
    )
}

pub fn new_statement(access: &Access, form: &NewForm, errors: &FieldErrors) -> Markup {
    coordinator(
        access,
        "New statement",
        html! {
            h1 { "New statement" }
            (error_summary(errors))
            form method="post" action={ (base(access)) "/statements/new" } {
                (csrf_field(&access.csrf))
                (forms::input("title", "Title", &form.title, errors, Input::TEXT))
                (forms::input("language", "Language", &form.language, errors,
                    Input { hint: Some("A language code: en, es, fr, pt-BR…"), ..Input::TEXT }))
                (forms::textarea("body", "Text (Markdown)", &form.body, errors, 16,
                    Some("Paragraphs, **bold**, *italics*, lists, > quotes and [links](https://example.org).")))
                button type="submit" { "Save draft" }
            }
        },
    )
}

/// What the statement dashboard shows.
pub struct DashboardData {
    pub versions: Vec<(Version, Vec<Revision>)>,
    pub counts: Vec<(signatures::Status, i64)>,
    pub per_day: Vec<(NaiveDate, i64)>,
    pub open_comments: usize,
    /// How often this coordinator gets a digest of new signatures.
    pub digest: String,
}

impl DashboardData {
    pub fn load(
        conn: &mut DbConn,
        statement_id: &str,
        coordinator_id: &str,
    ) -> diesel::QueryResult<Self> {
        let versions = super::versions(conn, statement_id)?
            .into_iter()
            .map(|v| super::revisions(conn, &v.id).map(|r| (v, r)))
            .collect::<Result<_, _>>()?;
        let since = crate::db::now() - Duration::days(29);
        Ok(Self {
            versions,
            counts: signatures::counts_by_status(conn, statement_id)?,
            per_day: signatures::confirmations_per_day(conn, statement_id, since)?,
            open_comments: super::comments(conn, statement_id)?
                .iter()
                .filter(|(c, _, _)| c.resolved_at.is_none())
                .count(),
            digest: signatures::digest::frequency_of(conn, coordinator_id, statement_id)?,
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
        &TranslationForm::default(),
        errors,
    )
}

pub fn dashboard_with_translation(
    access: &Access,
    base_url: &str,
    statement: &Statement,
    data: &DashboardData,
    preview: &str,
    translation: &TranslationForm,
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
    coordinator(
        access,
        &title,
        html! {
            p.breadcrumbs { a href=(base(access)) { "Statements" } }
            h1 { (title) " " (status_badge(statement)) }
            @if can_edit(access) {
                div.actions {
                    @match status {
                        Status::Draft => (action_button(&format!("{here}/status"), &access.csrf, "Open for signatures", &[("to", "open")])),
                        Status::Open => (action_button(&format!("{here}/status"), &access.csrf, "Close", &[("to", "closed")])),
                        Status::Closed => (action_button(&format!("{here}/status"), &access.csrf, "Reopen", &[("to", "open")])),
                    }
                    a.button href={ (here) "/settings" } { "Settings" }
                }
            }
            section {
                h2 { "Status" }
                dl.facts {
                    dt { "Public page" }
                    dd {
                        @if statement.is_public(now) { "public" }
                        @else if let Some(at) = statement.publish_at { "published " (at.format("%Y-%m-%d %H:%M UTC")) }
                        @else { "not public while a draft" }
                    }
                    @if let Some(deadline) = statement.deadline_at { dt { "Deadline" } dd { (deadline.format("%Y-%m-%d %H:%M UTC")) } }
                    @if let Some(at) = statement.list_public_at { dt { "List public from" } dd { (at.format("%Y-%m-%d %H:%M UTC")) } }
                    dt { "Who may sign" } dd { (statement.signers) }
                    dt { "Approval" } dd { @if statement.requires_approval { "each signature is approved before it is listed" } @else { "confirmed signatures are listed" } }
                    dt { "List order" } dd { (statement.list_order) }
                }
            }
            section {
                h2 { "Signatures" }
                p.actions {
                    a href={ (here) "/signatures" } { "All signatures" } " · "
                    a href={ (here) "/signatures?status=confirmed" } { "To review" } " · "
                    a href={ (here) "/invitations" } { "Invitations" } " · "
                    a href={ (here) "/signatures.csv" } { "Export CSV" }
                }
                form.inline.digest method="post" action={ (here) "/digest" } {
                    (csrf_field(&access.csrf))
                    label for="frequency" { "Mail me new signatures " }
                    select id="frequency" name="frequency" {
                        @for (value, label) in [("none", "never"), ("hourly", "every hour"), ("daily", "every day")] {
                            option value=(value) selected[data.digest == value] { (label) }
                        }
                    }
                    " "
                    button type="submit" { "Save" }
                }
                ul.counts {
                    li { strong { (statement.listed_total()) } " listed" }
                    @for (s, n) in &data.counts { li { (n) " " (s.label()) } }
                }
                figure {
                    (chart::per_day(&data.per_day, today, 30))
                    figcaption { "Confirmed sign-ons per day, last 30 days" }
                }
            }
            section {
                h2 { "Share" }
                dl.share {
                    dt { "Public link" } dd { a href=(public_url) { (public_url) } }
                    dt { "Preview link (private: partners read the draft and comment)" }
                    dd {
                        a href=(preview_url) { (preview_url) }
                        @if can_edit(access) { (action_button(&format!("{here}/preview-link"), &access.csrf, "Replace the preview link", &[])) }
                    }
                    dt { label for="embed" { "Embed snippet" } }
                    dd { textarea id="embed" readonly rows="3" { (embed) } }
                }
                p { a href={ (here) "/comments" } { "Partners' comments" } " (" (data.open_comments) " open)" }
            }
            section {
                h2 { "Versions and revisions" }
                @for (version, revisions) in &data.versions {
                    h3 { (version.language) ": " (version.title) }
                    p {
                        @if can_edit(access) { a href={ (here) "/edit/" (version.language) } { "Edit" } " · " }
                        a href={ (here) "/revisions/" (version.language) } { "All revisions and diffs" }
                    }
                    ul.revisions {
                        @for r in revisions.iter().take(5) {
                            li { (revision_line(r)) }
                        }
                    }
                }
                @if can_edit(access) {
                    details.add-translation open[!errors.is_empty()] {
                    summary { "Add a translation" }
                    (error_summary(errors))
                    form method="post" action={ (here) "/translations" } {
                        (csrf_field(&access.csrf))
                        (forms::input("language", "Language", &translation.language, errors, Input { hint: Some("es, fr, pt-BR…"), ..Input::TEXT }))
                        (forms::input("title", "Title", &translation.title, errors, Input::TEXT))
                        (forms::textarea("body", "Text (Markdown)", &translation.body, errors, 10, None))
                        button type="submit" { "Add translation" }
                    }
                    }
                }
            }
        },
    )
}

fn revision_line(r: &Revision) -> Markup {
    html! {
        "Revision " (r.number) " · " (r.change_kind) " · " (r.author_name) " · "
        time datetime=(r.created_at.format("%Y-%m-%dT%H:%M:%SZ")) { (r.created_at.format("%Y-%m-%d %H:%M")) }
        @if !r.note.is_empty() { " · " em { (r.note) } }
        " · " code title="SHA-256 of the canonical text" { (&r.content_hash[..12]) }
    }
}

fn options<T: Copy>(
    all: &[T],
    text: impl Fn(T) -> (&'static str, &'static str),
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| text(*v))
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
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
    let signers = options(Signers::ALL, |s| {
        (
            s.as_str(),
            match s {
                Signers::Organizations => "Organizations",
                Signers::Individuals => "Individuals",
                Signers::Both => "Both, as two lists",
            },
        )
    });
    let orders = options(ListOrder::ALL, |o| {
        (
            o.as_str(),
            match o {
                ListOrder::Alphabetical => "Alphabetical",
                ListOrder::Country => "By country, then name",
                ListOrder::Time => "By signing time",
                ListOrder::Manual => "Manual order",
            },
        )
    });
    let when = |hint| Input {
        kind: "datetime-local",
        hint: Some(hint),
        autocomplete: None,
        required: false,
    };
    coordinator(
        access,
        "Statement settings",
        html! {
            p.breadcrumbs { a href=(here) { "Back to the statement" } }
            h1 { "Settings" }
            (error_summary(errors))
            form method="post" action={ (here) "/settings" } {
                (csrf_field(&access.csrf))
                (forms::input("slug", "Address", &form.slug, errors, Input {
                    hint: Some(if draft { "The public page is /s/ followed by this. It can change while the statement is a draft." } else { "Fixed now that the statement is open." }),
                    ..Input::TEXT
                }))
                (forms::input("language", "Main language", &form.language, errors, Input { hint: Some("en, es, pt-BR…; fixed once open."), ..Input::TEXT }))
                (forms::select("signers", "Who may sign", &signers, &form.signers, errors))
                (forms::checkbox("requires_approval", "A coordinator approves each confirmed signature before it is listed", form.requires_approval.is_some(), errors))
                (forms::select("list_order", "Order of the list", &orders, &form.list_order, errors))
                (forms::input("deadline_at", "Deadline (UTC)", &form.deadline_at, errors, when("The statement closes itself then. Empty: no deadline.")))
                (forms::input("publish_at", "Publish time (UTC)", &form.publish_at, errors, when("Before it, only the preview link shows the page. Empty: public as soon as it opens.")))
                (forms::input("list_public_at", "Show the list from (UTC)", &form.list_public_at, errors, when("Keeps the names hidden until then, for example until a press conference.")))
                button type="submit" { "Save settings" }
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
    coordinator(
        access,
        "Edit statement",
        html! {
            p.breadcrumbs { a href=(here) { "Back to the statement" } }
            h1 { "Edit the " (version.language) " version" }
            p.muted { "Saving creates revision " (current + 1) ". Earlier revisions are kept." }
            (error_summary(errors))
            form method="post" action={ (here) "/edit/" (version.language) } {
                (csrf_field(&access.csrf))
                input type="hidden" name="base" value=(form.base.unwrap_or(current));
                (forms::input("title", "Title", &form.title, errors, Input::TEXT))
                (forms::textarea("body", "Text (Markdown)", &form.body, errors, 20, None))
                (forms::input("note", "What changed (a short note)", &form.note, errors, Input { required: false, ..Input::TEXT }))
                @if open {
                    fieldset aria-describedby=[errors.get("kind").map(|_| "kind-error")] {
                        legend { "Kind of change" }
                        div.field.radio {
                            input type="radio" id="kind-editorial" name="kind" value="editorial" checked[form.kind == "editorial"];
                            label for="kind-editorial" { "Editorial: a typo or wording; the meaning and the signatures stay" }
                        }
                        div.field.radio {
                            input type="radio" id="kind-material" name="kind" value="material" checked[form.kind == "material"];
                            label for="kind-material" { "Material: the meaning changed; earlier signers will be asked to confirm again" }
                        }
                        @if let Some(message) = errors.get("kind") { p.field-error id="kind-error" { (message) } }
                    }
                    fieldset {
                        legend { "After a material change, until earlier signers answer" }
                        div.field.radio {
                            input type="radio" id="pending-stay" name="pending" value="stay" checked[form.pending != "hide"];
                            label for="pending-stay" { "they stay listed, marked with the revision they signed" }
                        }
                        div.field.radio {
                            input type="radio" id="pending-hide" name="pending" value="hide" checked[form.pending == "hide"];
                            label for="pending-hide" { "they leave the list until they confirm the new text" }
                        }
                    }
                }
                button type="submit" { "Save revision" }
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
    coordinator(
        access,
        "Revisions",
        html! {
            p.breadcrumbs { a href=(here) { "Back to the statement" } }
            h1 { "Revisions of the " (version.language) " version" }
            form.filters method="get" action={ (here) "/diff/" (version.language) } {
                div.field {
                    label for="from" { "Compare revision" }
                    select id="from" name="from" { @for r in revisions { option value=(r.number) selected[r.number == previous] { (r.number) } } }
                }
                div.field {
                    label for="to" { "with revision" }
                    select id="to" name="to" { @for r in revisions { option value=(r.number) selected[r.number == latest] { (r.number) } } }
                }
                button type="submit" { "Show the differences" }
            }
            ul.revisions {
                @for r in revisions {
                    li {
                        (revision_line(r))
                        @if r.number > 1 { " · " a href={ (here) "/diff/" (version.language) "?from=" (r.number - 1) "&to=" (r.number) } { "changes" } }
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
    coordinator(
        access,
        "Differences",
        html! {
            p.breadcrumbs { a href={ (here) "/revisions/" (version.language) } { "All revisions" } }
            h1 { "Revision " (old.number) " → " (new.number) }
            p.muted { (added) " words added, " (removed) " removed. " ins { "Added text" } " and " del { "removed text" } " are marked." }
            h2 { "Title" }
            (crate::text::render_diff(&title_parts))
            h2 { "Text" }
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
    coordinator(
        access,
        "Comments",
        html! {
            p.breadcrumbs { a href=(here) { "Back to the statement" } }
            h1 { "Partners' comments" }
            p.muted { "Left through the preview link. They are never public." }
            @if comments.is_empty() { p { "No comments yet." } }
            @for (c, language, number) in comments {
                article.comment.resolved[c.resolved_at.is_some()] {
                    header {
                        strong { (c.name) } ", " (c.organization) " · on revision " (number) " (" (language) ") · "
                        (c.created_at.format("%Y-%m-%d %H:%M"))
                    }
                    p.comment-body { (c.body) }
                    @if let Some(at) = c.resolved_at {
                        p.muted { "Resolved by " (c.resolved_by.as_deref().unwrap_or("")) " on " (at.format("%Y-%m-%d")) }
                    } @else if can_edit(access) {
                        (action_button(&format!("{here}/comments/{}/resolve", c.id), &access.csrf, "Mark resolved", &[]))
                    }
                }
            }
        },
    )
}
