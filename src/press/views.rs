//! The coordinator's press pages: releases, their form, previews and the
//! audience chooser.

use maud::{Markup, PreEscaped, html};

use super::mailings::{AudienceNames, Resolved, Skip};
use super::render::{COUNT_PLACEHOLDER, LINK_PLACEHOLDER, Rendering};
use super::{DraftForm, Mailing, Release, Revision};
use crate::i18n::{Lang, t, t_args};
use crate::mail::Rendered;
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input, csrf_field};
use crate::web::layout::{coordinator, headed};

pub(super) fn base(access: &Access) -> String {
    let slug = access.coalition_slug();
    format!("/c/{slug}/press")
}

fn editor(access: &Access) -> bool {
    access.can(crate::coalitions::Role::Editor)
}

pub fn index(
    access: &Access,
    releases: &[(Release, String)],
    mailings: &[Mailing],
    names: &AudienceNames,
) -> Markup {
    let lang = access.lang;
    let base = base(access);
    headed(
        access,
        &t(lang, "press-title"),
        html! {
            @if editor(access) { p { a.button href={ (base) "/new" } { (t(lang, "press-new")) } } }
            @if releases.is_empty() {
                p { (t(lang, "press-none")) }
            } @else {
                table {
                    thead { tr { th { (t(lang, "press-headline")) } th { (t(lang, "press-embargo")) } th { (t(lang, "press-web-version")) } } }
                    tbody {
                        @for (release, headline) in releases {
                            tr {
                                td { a href={ (base) "/" (release.id) } { (headline) } }
                                td { (release.embargo().map(|e| e.display_in(lang)).unwrap_or_else(|| t(lang, "press-no-embargo"))) }
                                td { (web_state(lang, release)) }
                            }
                        }
                    }
                }
            }
            h2 { (t(lang, "mailings-title")) }
            (super::mailings::views::table(access, mailings, names))
        },
    )
}

fn web_state(lang: Lang, release: &Release) -> String {
    let now = crate::db::now();
    if release.web_version_is_public(now) {
        t(lang, "press-web-public")
    } else if release.released_at.is_some() {
        t(lang, "press-web-at-embargo")
    } else {
        t(lang, "press-web-not-yet")
    }
}

/// The new-release and edit form.
pub fn form(
    access: &Access,
    action: &str,
    form: &DraftForm,
    statements: &[(String, String)],
    errors: &FieldErrors,
) -> Markup {
    let lang = access.lang;
    let language_options: Vec<(String, String)> = crate::i18n::Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .collect();
    let mut statement_options = vec![(String::new(), t(lang, "press-no-statement"))];
    statement_options.extend(statements.iter().cloned());
    let optional = Input {
        required: false,
        ..Input::TEXT
    };
    let placeholders = t_args(
        lang,
        "press-body-hint",
        &[
            ("count", COUNT_PLACEHOLDER.into()),
            ("link", LINK_PLACEHOLDER.into()),
        ],
    );
    let title = t(lang, "press-form-title");
    let reply_hint = match access.member().map(|m| m.coalition.reply_to.as_str()) {
        Ok(address) if !address.is_empty() => t_args(
            lang,
            "press-reply-to-hint-coalition",
            &[("email", address.into())],
        ),
        _ => t(lang, "press-reply-to-hint-contact"),
    };
    coordinator(
        access,
        &title,
        html! {
            p.breadcrumbs { a href=(base(access)) { (t(lang, "press-title")) } }
            h1 { (title) }
            (forms::error_summary(lang, errors))
            form method="post" action=(action) {
                (csrf_field(&access.csrf))
                (forms::select("language", &t(lang, "press-language"), &language_options, &form.language, errors))
                (forms::input("headline", &t(lang, "press-headline"), &form.headline, errors, Input::TEXT))
                (forms::input("subheadline", &t(lang, "press-subheadline"), &form.subheadline, errors, optional))
                (forms::input("dateline", &t(lang, "press-dateline"), &form.dateline, errors, Input { hint: Some(&t(lang, "press-dateline-hint")), ..optional }))
                (forms::input("release_date", &t(lang, "press-release-date"), &form.release_date, errors, optional))
                (forms::textarea("body", &t(lang, "press-body"), &form.body, errors, 14, Some(&placeholders)))
                (forms::textarea("contacts", &t(lang, "press-contacts"), &form.contacts, errors, 3, Some(&t(lang, "press-contacts-hint"))))
                (forms::input("reply_to", &t(lang, "press-reply-to"), &form.reply_to, errors, Input { kind: "email", hint: Some(&reply_hint), autocomplete: Some("email"), ..optional }))
                (forms::textarea("about", &t(lang, "press-about"), &form.about, errors, 4, Some(&t(lang, "press-about-hint"))))
                (forms::checkbox("save_about", &t(lang, "press-save-about"), form.save_about.is_some(), errors))
                (forms::select("statement", &t(lang, "press-statement"), &statement_options, &form.statement, errors))
                fieldset {
                    legend { (t(lang, "press-embargo")) }
                    p.hint { (t(lang, "press-embargo-hint")) }
                    (forms::input("embargo", &t(lang, "press-embargo-time"), &form.embargo, errors, Input { kind: "datetime-local", ..optional }))
                    (forms::zone_field("embargo_zone", &t(lang, "time-zone"), &form.embargo_zone, errors, &t(lang, "press-embargo-zone-hint"), false))
                }
                (forms::input("note", &t(lang, "press-note"), &form.note, errors, optional))
                button type="submit" { (t(lang, "press-save")) }
            }
        },
    )
}

/// The release as its web version shows it (also the coordinator's
/// preview), with the words around it in the release's language: the
/// media contacts on top, the headline, the body with its dateline run in,
/// the About section and the end mark.
pub fn release_body(rendering: &Rendering) -> Markup {
    let lang = rendering.release.lang();
    let revision = &rendering.revision;
    let contacts = revision.contacts();
    let mark = match rendering.embargo_at(crate::db::now()) {
        Some(time) => t_args(lang, "press-embargoed-until", &[("time", time.into())]),
        None => t(lang, "press-immediate-release"),
    };
    html! {
        article.release {
            p.release-mark { strong { (mark) } }
            @if !contacts.is_empty() {
                section.press-contacts {
                    h2 { (t(lang, "press-media-contacts")) }
                    ul {
                        @for c in &contacts {
                            li {
                                (c.name)
                                @if !c.phone.is_empty() { " | " a href={ "tel:" (c.tel()) } { (c.phone) } }
                                " | " a href={ "mailto:" (c.email) } { (c.email) }
                            }
                        }
                    }
                }
            }
            h1 { (revision.headline) }
            @if !revision.subheadline.is_empty() { p.subheadline { em { (revision.subheadline) } } }
            (rendering.body_html)
            @if !revision.about.is_empty() {
                h2 { (t_args(lang, "press-about-heading", &[("coalition", rendering.coalition.name.as_str().into())])) }
                (rendering.about_html)
            }
            p.end-mark { "###" }
            @if let Some(statement) = &rendering.statement {
                p { a href=(statement.link) { (statement.title) } }
            }
        }
    }
}

pub fn overview(
    access: &Access,
    rendering: &Rendering,
    revisions: &[Revision],
    mailings: &[Mailing],
    names: &AudienceNames,
    notice: Option<&str>,
) -> Markup {
    let lang = access.lang;
    let release = &rendering.release;
    let here = format!("{}/{}", base(access), release.id);
    let now = crate::db::now();
    coordinator(
        access,
        &rendering.revision.headline,
        html! {
            p.breadcrumbs { a href=(base(access)) { (t(lang, "press-title")) } }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            p.status {
                @match release.embargo() {
                    Some(e) if !e.has_lifted(now) => strong { (t_args(lang, "press-embargoed-until", &[("time", e.display_in(lang).into())])) },
                    Some(e) => { (t_args(lang, "press-embargo-lifted", &[("time", e.display_in(lang).into())])) },
                    None => { (t(lang, "press-no-embargo")) },
                }
                " · " (web_state(lang, release))
                @if release.web_version_is_public(now) { " · " a href={ "/press/" (release.slug) } { "/press/" (release.slug) } }
            }
            @if editor(access) {
                nav.actions {
                    a.button href={ (here) "/edit" } { (t(lang, "press-edit")) }
                    a.button href={ (here) "/mail" } { (t(lang, "press-preview-mail")) }
                    (forms::action_button(&format!("{here}/test"), &access.csrf, &t(lang, "press-test-send"), &[]))
                    a.button href={ (here) "/send" } { (t(lang, "press-send")) }
                    @if release.released_at.is_none() {
                        (forms::action_button(&format!("{here}/publish"), &access.csrf, &t(lang, "press-publish"), &[]))
                    }
                }
            }
            (placeholder_warnings(lang, rendering))
            section.preview aria-label=(t(lang, "press-web-preview")) { (release_body(rendering)) }
            h2 { (t(lang, "mailings-title")) }
            (super::mailings::views::table(access, mailings, names))
            h2 { (t(lang, "press-revisions")) }
            ol.revisions reversed {
                @for r in revisions {
                    li { a href={ (here) "/revisions/" (r.number) } { (t_args(lang, "press-revision", &[("number", r.number.into())])) } " — " (r.headline) " · " (access.time(r.created_at)) @if !r.note.is_empty() { " · " (r.note) } }
                }
            }
        },
    )
}

/// What the statement placeholders of the body will print, when that is
/// nothing or a count of zero.
fn placeholder_warnings(lang: Lang, rendering: &Rendering) -> Markup {
    let body = &rendering.revision.body;
    let (count, link) = (
        body.contains(COUNT_PLACEHOLDER),
        body.contains(LINK_PLACEHOLDER),
    );
    let warning = match &rendering.statement {
        None if count || link => Some(t_args(
            lang,
            "press-warning-no-statement",
            &[
                ("count", COUNT_PLACEHOLDER.into()),
                ("link", LINK_PLACEHOLDER.into()),
            ],
        )),
        Some(statement) if count && statement.listed == 0 => Some(t_args(
            lang,
            "press-warning-zero-signatories",
            &[
                ("count", COUNT_PLACEHOLDER.into()),
                ("title", statement.title.as_str().into()),
            ],
        )),
        _ => None,
    };
    html! {
        @if let Some(warning) = warning { p.notice.warning role="alert" { (warning) } }
    }
}

/// One revision as it read, with what changed since the one before.
pub fn revision(access: &Access, rendering: &Rendering, previous: Option<&Revision>) -> Markup {
    let lang = access.lang;
    let here = format!("{}/{}", base(access), rendering.release.id);
    coordinator(
        access,
        &rendering.revision.headline,
        html! {
            p.breadcrumbs { a href=(here) { (t(lang, "press-back")) } }
            p { (t_args(lang, "press-revision", &[("number", rendering.revision.number.into())])) }
            @if let Some(previous) = previous {
                section.diff {
                    h2 { (t_args(lang, "press-changes-since", &[("number", previous.number.into())])) }
                    (crate::text::render_diff(&crate::text::word_diff(&previous.as_text(), &rendering.revision.as_text())))
                }
            }
            (release_body(rendering))
        },
    )
}

/// Both parts of the mail as a recipient would get it now.
pub fn mail_preview(access: &Access, release: &Release, mail: &Rendered) -> Markup {
    let lang = access.lang;
    let here = format!("{}/{}", base(access), release.id);
    coordinator(
        access,
        &t(lang, "press-preview-mail"),
        html! {
            p.breadcrumbs { a href=(here) { (t(lang, "press-back")) } }
            h1 { (t(lang, "press-preview-mail")) }
            p { strong { (t(lang, "press-mail-subject")) } " " (mail.subject) }
            h2 { (t(lang, "press-mail-html")) }
            iframe.mail-preview src={ (here) "/mail.html" } title=(t(lang, "press-mail-html")) sandbox="" {}
            h2 { (t(lang, "press-mail-text")) }
            pre.mail-text { (mail.text) }
        },
    )
}

/// The HTML part alone, for the sandboxed frame of the preview.
pub fn mail_html(mail: &Rendered) -> PreEscaped<String> {
    PreEscaped(mail.html.clone())
}

pub struct AudienceChoice<'a> {
    pub lists: &'a [crate::contacts::ListSummary],
    pub tags: &'a [(String, i64)],
    pub statements: &'a [(String, String)],
    pub chosen: &'a super::Audience,
    pub resolved: Option<&'a Resolved>,
    /// The "when" fields as typed.
    pub schedule: &'a super::send_routes::Schedule,
    /// How many of the recipients an earlier mailing of the same release
    /// reached: they would get it again.
    pub repeated: usize,
}

/// The audience chooser with what it reaches, and the send/schedule form.
pub fn send_page(
    access: &Access,
    release: &Release,
    headline: &str,
    choice: &AudienceChoice<'_>,
    errors: &FieldErrors,
) -> Markup {
    let lang = access.lang;
    let here = format!("{}/{}", base(access), release.id);
    let title = t_args(lang, "press-send-title", &[("headline", headline.into())]);
    coordinator(
        access,
        &title,
        html! {
            p.breadcrumbs { a href=(here) { (t(lang, "press-back")) } }
            h1 { (title) }
            (forms::error_summary(lang, errors))
            @if let Some(problem) = errors.get("list") { p.field-error role="alert" { (problem) } }
            form method="get" action={ (here) "/send" } {
                (audience_fields(lang, choice))
                button type="submit" { (t(lang, "audience-count")) }
            }
            @if let Some(resolved) = choice.resolved {
                (reach(lang, resolved))
                @if choice.repeated > 0 {
                    div.warning role="alert" { p { (t_args(lang, "press-send-repeated", &[("count", choice.repeated.into())])) } }
                }
                @if !resolved.recipients.is_empty() {
                    (when_form(access, &format!("{here}/send"), choice, release.embargo().map(|e| e.display_in(lang)), errors))
                }
            }
        },
    )
}

pub(super) fn audience_fields(lang: Lang, choice: &AudienceChoice<'_>) -> Markup {
    html! {
        fieldset {
            legend { (t(lang, "audience-lists")) }
            @if choice.lists.is_empty() { p.hint { (t(lang, "audience-no-lists")) } }
            @for list in choice.lists {
                div.field.checkbox {
                    input type="checkbox" id={ "list-" (list.id) } name="list" value=(list.id) checked[choice.chosen.lists.contains(&list.id)];
                    label for={ "list-" (list.id) } { (list.name) " (" (list.members) ")" }
                }
            }
        }
        fieldset {
            legend { (t(lang, "audience-tags")) }
            @if choice.tags.is_empty() { p.hint { (t(lang, "audience-no-tags")) } }
            @for (tag, count) in choice.tags {
                div.field.checkbox {
                    input type="checkbox" id={ "tag-" (tag) } name="tag" value=(tag) checked[choice.chosen.tags.contains(tag)];
                    label for={ "tag-" (tag) } { (tag) " (" (count) ")" }
                }
            }
        }
        @if !choice.statements.is_empty() {
            div.field {
                label for="signatories" { (t(lang, "audience-signatories")) }
                select id="signatories" name="signatories" {
                    option value="" { (t(lang, "audience-no-signatories")) }
                    @for (id, title) in choice.statements {
                        option value=(id) selected[choice.chosen.signatories_of.as_ref() == Some(id)] { (title) }
                    }
                }
            }
        }
    }
}

pub(super) fn reach(lang: Lang, resolved: &Resolved) -> Markup {
    html! {
        p.reach role="status" {
            strong { (t_args(lang, "audience-reach", &[("count", resolved.recipients.len().into())])) }
            " "
            (t_args(lang, "audience-suppressed", &[("count", resolved.suppressed.into())]))
            @if !resolved.skipped.is_empty() {
                " "
                (t_args(lang, "audience-skipped-by-reason", &[("reasons", skipped_reasons(lang, resolved).into())]))
            }
        }
    }
}

/// "1 unsubscribed, 2 do-not-contact": the skipped addresses by reason.
fn skipped_reasons(lang: Lang, resolved: &Resolved) -> String {
    resolved
        .skipped
        .iter()
        .map(|(skip, count)| {
            let reason = match skip {
                Skip::Suppressed(reason) => crate::contacts::reason_label(lang, *reason),
                Skip::InvalidAddress => t(lang, "audience-skipped-invalid"),
            };
            format!("{count} {reason}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Now, at the embargo (when there is one), or at a local time in a zone.
pub(super) fn schedule_fields(
    lang: Lang,
    schedule: &super::send_routes::Schedule,
    embargo: Option<&str>,
    errors: &FieldErrors,
) -> Markup {
    let chosen = |value: &str| schedule.when == value;
    let later = chosen("at") || (chosen("embargo") && embargo.is_some());
    html! {
        input type="hidden" name="start_key" value=(schedule.start_key);
        div.field.radio { input type="radio" id="when-now" name="when" value="now" checked[!later]; label for="when-now" { (t(lang, "mailing-when-now")) } }
        @if let Some(embargo) = embargo {
            div.field.radio { input type="radio" id="when-embargo" name="when" value="embargo" checked[chosen("embargo")]; label for="when-embargo" { (t_args(lang, "mailing-when-embargo", &[("time", embargo.into())])) } }
        }
        div.field.radio { input type="radio" id="when-at" name="when" value="at" checked[chosen("at")]; label for="when-at" { (t(lang, "mailing-when-at")) } }
        (forms::input("send_at", &t(lang, "mailing-send-at"), &schedule.at, errors, Input { kind: "datetime-local", required: false, hint: Some(&t(lang, "mailing-send-at-hint")), autocomplete: None }))
        (forms::zone_field("send_zone", &t(lang, "time-zone"), &schedule.zone, errors, &t(lang, "time-zone-hint"), false))
    }
}

/// Send now, at a time, or at the embargo, with the audience carried along.
pub(super) fn when_form(
    access: &Access,
    action: &str,
    choice: &AudienceChoice<'_>,
    embargo: Option<String>,
    errors: &FieldErrors,
) -> Markup {
    let lang = access.lang;
    let (audience, schedule) = (choice.chosen, choice.schedule);
    html! {
        form method="post" action=(action) {
            (csrf_field(&access.csrf))
            @for list in &audience.lists { input type="hidden" name="list" value=(list); }
            @for tag in &audience.tags { input type="hidden" name="tag" value=(tag); }
            @if let Some(s) = &audience.signatories_of { input type="hidden" name="signatories" value=(s); }
            fieldset {
                legend { (t(lang, "mailing-when")) }
                (schedule_fields(lang, schedule, embargo.as_deref(), errors))
            }
            @if choice.repeated > 0 || errors.get("again").is_some() {
                div.field {
                    @if let Some(problem) = errors.get("again") { p.field-error id="again-error" { (problem) } }
                    div.field.checkbox {
                        input type="checkbox" id="again" name="again" value="yes" aria-describedby=[errors.get("again").map(|_| "again-error")];
                        label for="again" { (t_args(lang, "press-send-again", &[("count", choice.repeated.into())])) }
                    }
                }
            }
            button type="submit" { (t(lang, "mailing-confirm-send")) }
        }
    }
}
