//! A mailing's pages: its progress and delivery log, and the form for an
//! update to a statement's signatories.

use maud::{Markup, html};

use super::Mailing;
use super::mailings::MailingStatus;
use super::views::{AudienceChoice, audience_fields, reach};
use crate::i18n::{Lang, show_stored, t, t_args};
use crate::mail::{Delivery, DeliveryState, Progress};
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input};
use crate::web::layout::coordinator;

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

pub fn table(access: &Access, mailings: &[Mailing]) -> Markup {
    let lang = access.lang;
    let base = base(access);
    html! {
        @if mailings.is_empty() {
            p { (t(lang, "mailings-none")) }
        } @else {
            table {
                thead { tr { th { (t(lang, "mailing-subject")) } th { (t(lang, "mailing-status")) } th { (t(lang, "mailing-send-at")) } th { (t(lang, "mailing-recipients")) } } }
                tbody {
                    @for m in mailings {
                        tr {
                            td { a href={ (base) "/" (m.id) } { (m.subject) } }
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

/// The live progress and the log; the page script refreshes the counts.
pub fn page(
    access: &Access,
    mailing: &Mailing,
    progress: &Progress,
    log: &[Delivery],
    next: Option<&str>,
) -> Markup {
    let lang = access.lang;
    let here = format!("{}/{}", base(access), mailing.id);
    let status = mailing.status_with(progress);
    let editor = access.can(crate::coalitions::Role::Editor);
    coordinator(
        access,
        &mailing.subject,
        html! {
            h1 { (mailing.subject) }
            div #mailing-progress data-source={ (here) "/progress" } {
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
            script src=(crate::web::assets::MAILING_SCRIPT_PATH) defer {}
            @if editor {
                nav.actions {
                    @if status == MailingStatus::Sending { (forms::action_button(&format!("{here}/pause"), &access.csrf, &t(lang, "mailing-pause"), &[])) }
                    @if status == MailingStatus::Paused { (forms::action_button(&format!("{here}/resume"), &access.csrf, &t(lang, "mailing-resume"), &[])) }
                    @if matches!(status, MailingStatus::Scheduled | MailingStatus::Sending | MailingStatus::Paused) {
                        (forms::action_button(&format!("{here}/cancel"), &access.csrf, &t(lang, "mailing-cancel"), &[]))
                    }
                }
            }
            h2 { (t(lang, "mailing-log")) }
            p {
                a href={ (here) "/log.csv" } download { (t(lang, "mailing-log-csv")) } " · "
                a href={ (here) "/log.xlsx" } download { (t(lang, "mailing-log-xlsx")) }
            }
            @if log.is_empty() { p { (t(lang, "mailing-log-empty")) } } @else {
                table.log {
                    thead { tr { th { (t(lang, "mailing-email")) } th { (t(lang, "mailing-name")) } th { (t(lang, "mailing-state")) } th { (t(lang, "mailing-attempts")) } th { (t(lang, "mailing-reply")) } } }
                    tbody {
                        @for d in log {
                            tr {
                                td { (d.recipient) }
                                td { (d.recipient_name.as_deref().unwrap_or_default()) }
                                td { (state_label(lang, d.state)) }
                                td { (d.attempts) }
                                td { (show_stored(d.reply.as_deref().unwrap_or_default(), lang, access.zone())) }
                            }
                        }
                    }
                }
                @if let Some(next) = next { p { a href={ (here) "?after=" (next) } { (t(lang, "mailing-log-next")) } } }
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
                (super::views::schedule_fields(lang, choice.schedule, None, errors))
                div.actions {
                    button type="submit" name="action" value="count" { (t(lang, "audience-count")) }
                    button type="submit" name="action" value="test" { (t(lang, "press-test-send")) }
                    button type="submit" name="action" value="send" { (t(lang, "mailing-confirm-send")) }
                }
            }
        },
    )
}
