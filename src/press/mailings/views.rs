//! A mailing's pages: its progress and delivery log, and the form for an
//! update to a statement's signatories.

use maud::{Markup, html};
use serde::Serialize;

use super::{Audience, AudienceNames, MailingStatus};
use crate::i18n::{Lang, show_stored, t, t_args};
use crate::mail::{Delivery, DeliveryState, Progress};
use crate::press::Mailing;
use crate::press::views::{AudienceChoice, audience_fields, reach};
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input};
use crate::web::layout::{coordinator, headed};

fn base(access: &Access) -> String {
    let slug = access.coalition_slug();
    format!("/c/{slug}/mailings")
}

pub fn status_label(lang: Lang, status: MailingStatus) -> String {
    t(lang, &format!("mailing-status-{}", status.as_str()))
}

fn state_label(lang: Lang, state: DeliveryState) -> String {
    state.label(lang)
}

/// One line of the delivery log as the coordinator reads it. The table
/// and the progress JSON both show these, so a line refreshed by the page
/// script reads exactly like one the server rendered.
#[derive(Debug, Clone, Serialize)]
pub struct LogLine {
    pub recipient: String,
    pub state: &'static str,
    pub state_label: String,
    pub attempts: i32,
    pub reply: String,
    /// In the coalition's time zone; empty until sent.
    pub sent_at: String,
}

impl LogLine {
    pub fn of(access: &Access, delivery: &Delivery) -> Self {
        let (lang, zone) = (access.lang, access.zone());
        Self {
            recipient: delivery.recipient.clone(),
            state: delivery.state().as_str(),
            state_label: state_label(lang, delivery.state()),
            attempts: delivery.attempts,
            reply: show_stored(
                delivery.last_response.as_deref().unwrap_or_default(),
                lang,
                zone,
            ),
            sent_at: delivery
                .sent_at
                .map(|at| access.time(at))
                .unwrap_or_default(),
        }
    }
}

/// Who a mailing went to, in words: its lists, tags and statement.
fn audience(lang: Lang, names: &AudienceNames, audience: &Audience) -> String {
    let mut parts = Vec::new();
    if !audience.lists.is_empty() {
        let lists: Vec<String> = audience
            .lists
            .iter()
            .map(|id| {
                names
                    .list(id)
                    .map_or_else(|| t(lang, "mailing-audience-deleted-list"), str::to_owned)
            })
            .collect();
        let lists = lists.join(", ");
        parts.push(t_args(
            lang,
            "mailing-audience-lists",
            &[("lists", lists.into())],
        ));
    }
    if !audience.tags.is_empty() {
        let tags = audience.tags.join(", ");
        parts.push(t_args(
            lang,
            "mailing-audience-tags",
            &[("tags", tags.into())],
        ));
    }
    if let Some(id) = &audience.signatories_of {
        parts.push(match names.statement(id) {
            Some(title) => t_args(
                lang,
                "mailing-audience-signatories",
                &[("title", title.to_owned().into())],
            ),
            None => t(lang, "mailing-audience-deleted-statement"),
        });
    }
    parts.join(" · ")
}

pub fn table(access: &Access, mailings: &[Mailing], names: &AudienceNames) -> Markup {
    let lang = access.lang;
    let base = base(access);
    html! {
        @if mailings.is_empty() {
            p { (t(lang, "mailings-none")) }
        } @else {
            table {
                thead { tr { th { (t(lang, "mailing-subject")) } th { (t(lang, "mailing-audience")) } th { (t(lang, "mailing-status")) } th { (t(lang, "mailing-send-at")) } th { (t(lang, "mailing-recipients")) } } }
                tbody {
                    @for m in mailings {
                        tr {
                            td { a href={ (base) "/" (m.id) } { (m.subject) } }
                            td { (audience(lang, names, &m.audience())) }
                            td { (status_label(lang, m.status())) }
                            td { (m.send_at.map(|at| access.time(at)).unwrap_or_default()) }
                            td { (m.recipients) }
                        }
                    }
                }
            }
        }
    }
}

/// One page of the delivery log: its lines, and the addresses it starts
/// after and the next page starts after (both ready for a query string).
pub struct LogPage<'a> {
    pub lines: &'a [Delivery],
    pub after: Option<&'a str>,
    pub next: Option<&'a str>,
}

/// The pause, resume and cancel buttons that apply now; none once nothing
/// is left to hold back.
fn controls(access: &Access, here: &str, status: MailingStatus) -> Markup {
    let lang = access.lang;
    html! {
        nav.actions #mailing-controls {
            @if status == MailingStatus::Sending { (forms::action_button(&format!("{here}/pause"), &access.csrf, &t(lang, "mailing-pause"), &[])) }
            @if status == MailingStatus::Paused { (forms::action_button(&format!("{here}/resume"), &access.csrf, &t(lang, "mailing-resume"), &[])) }
            (forms::action_button(&format!("{here}/cancel"), &access.csrf, &t(lang, "mailing-cancel"), &[]))
        }
    }
}

/// What a finished mailing did not deliver, by reason, and the way to send
/// again what was given up once its cause is fixed.
fn failures(access: &Access, here: &str, progress: &Progress, editor: bool) -> Markup {
    let lang = access.lang;
    let count = |n: i64| [("count", n.into())];
    html! {
        div.warning #mailing-failures role="status" {
            p { strong { (t_args(lang, "mailing-sent-with-failures", &count(progress.failed + progress.bounced))) } }
            ul {
                @if progress.bounced > 0 { li { (t_args(lang, "mailing-failures-bounced", &count(progress.bounced))) } }
                @if progress.failed > 0 { li { (t_args(lang, "mailing-failures-given-up", &count(progress.failed))) } }
            }
            @if editor && progress.failed > 0 {
                p.hint { (t(lang, "mailing-retry-hint")) }
                (forms::action_button(&format!("{here}/retry"), &access.csrf, &t(lang, "mailing-retry-failed"), &[]))
            }
        }
    }
}

fn log_table(access: &Access, lines: &[Delivery]) -> Markup {
    let lang = access.lang;
    html! {
        table.log #mailing-log {
            thead { tr { th { (t(lang, "mailing-email")) } th { (t(lang, "mailing-name")) } th { (t(lang, "mailing-state")) } th { (t(lang, "mailing-attempts")) } th { (t(lang, "mailing-reply")) } th { (t(lang, "mailing-sent-at")) } } }
            tbody {
                @for d in lines {
                    @let line = LogLine::of(access, d);
                    tr data-recipient=(line.recipient) {
                        td { (line.recipient) }
                        td { (d.recipient_name.as_deref().unwrap_or_default()) }
                        td data-cell="state_label" { (line.state_label) }
                        td data-cell="attempts" { (line.attempts) }
                        td data-cell="reply" { (line.reply) }
                        td data-cell="sent_at" { (line.sent_at) }
                    }
                }
            }
        }
    }
}

/// The live progress and the log; the page script refreshes the counts,
/// the lines of this page and the buttons.
pub fn page(access: &Access, mailing: &Mailing, progress: &Progress, log: &LogPage<'_>) -> Markup {
    let lang = access.lang;
    let here = format!("{}/{}", base(access), mailing.id);
    let status = mailing.status_with(progress);
    let source = match log.after {
        Some(after) => format!("{here}/progress?after={after}"),
        None => format!("{here}/progress"),
    };
    let editor = access.can(crate::coalitions::Role::Editor);
    headed(
        access,
        &mailing.subject,
        html! {
            div #mailing-progress data-source=(source) {
                p { (t(lang, "mailing-status")) ": " strong data-field="status" { (status_label(lang, status)) }
                    @if let Some(at) = mailing.send_at { " · " (t(lang, "mailing-send-at")) " " (access.time(at)) } }
                progress max=(progress.total().max(1)) value=(progress.total() - progress.remaining()) data-field="done" {}
                ul.counts {
                    @for state in DeliveryState::ALL {
                        li { (state_label(lang, state)) ": " span data-field=(state.as_str()) { (progress.get(state)) } }
                    }
                    li { (t(lang, "mailing-suppressed")) ": " (mailing.suppressed) }
                }
            }
            script src=(*crate::web::assets::MAILING_SCRIPT_PATH) defer {}
            @if editor && mailing.is_open(progress) { (controls(access, &here, status)) }
            @if status == MailingStatus::Sent && progress.failed + progress.bounced > 0 {
                (failures(access, &here, progress, editor))
            }
            h2 { (t(lang, "mailing-log")) }
            p {
                a href={ (here) "/log.csv" } download { (t(lang, "mailing-log-csv")) } " · "
                a href={ (here) "/log.xlsx" } download { (t(lang, "mailing-log-xlsx")) }
            }
            @if log.lines.is_empty() { p { (t(lang, "mailing-log-empty")) } } @else {
                (log_table(access, log.lines))
                @if let Some(next) = log.next { p { a href={ (here) "?after=" (next) } { (t(lang, "mailing-log-next")) } } }
            }
        },
    )
}

/// The update form for a statement's signatories (and any press list).
pub struct UpdateForm<'a> {
    pub subject: &'a str,
    pub body: &'a str,
}

pub fn update_page(
    access: &Access,
    statement_id: &str,
    title: &str,
    form: &UpdateForm<'_>,
    choice: &AudienceChoice<'_>,
    errors: &FieldErrors,
    notice: Option<&str>,
) -> Markup {
    let lang = access.lang;
    let slug = access.coalition_slug();
    let here = format!("/c/{slug}/statements/{statement_id}/update");
    let heading = t_args(lang, "update-title", &[("title", title.into())]);
    coordinator(
        access,
        &heading,
        html! {
            p.breadcrumbs { a href={ "/c/" (slug) "/statements/" (statement_id) } { (t(lang, "statement-back")) } }
            h1 { (heading) }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            (forms::error_summary(lang, errors))
            form method="post" action=(here) {
                (forms::csrf_field(&access.csrf))
                (forms::input("subject", &t(lang, "mailing-subject"), form.subject, errors, Input::TEXT))
                (forms::textarea("body", &t(lang, "update-body"), form.body, errors, 10, Some(&t(lang, "update-body-hint"))))
                @if let Some(problem) = errors.get("list") { p.field-error role="alert" { (problem) } }
                (audience_fields(lang, choice))
                @if let Some(resolved) = choice.resolved { (reach(lang, resolved)) }
                (crate::press::views::schedule_fields(lang, choice.schedule, None, errors))
                div.actions {
                    button type="submit" name="action" value="count" { (t(lang, "audience-count")) }
                    button type="submit" name="action" value="test" { (t(lang, "press-test-send")) }
                    button type="submit" name="action" value="send" { (t(lang, "mailing-confirm-send")) }
                }
            }
        },
    )
}
