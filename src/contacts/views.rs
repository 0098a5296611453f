//! The contacts page (search, filters, selection for a list) and the
//! contact form.

use maud::{Markup, html};

use super::fields::Field;
use super::lists::SavedList;
use super::search::{Filter, Page};
use super::{ContactForm, Listed};
use crate::i18n::{Lang, countries_sorted, t, t_args};
use crate::suppressions::Reason;
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input, action_button, csrf_field, error_summary};
use crate::web::layout::{coordinator, headed};

/// `/c/{slug}/contacts`.
pub fn base(access: &Access) -> String {
    let slug = access.coalition_slug();
    format!("/c/{slug}/contacts")
}

/// A suppression reason in words.
pub fn reason_label(lang: Lang, reason: Reason) -> String {
    t(lang, &format!("contacts-reason-{}", reason.as_str()))
}

/// The "suppressed (…)" badge of a contact whose address is not mailed.
pub fn badge(lang: Lang, listed: &Listed) -> Markup {
    let reason = listed.suppressed.or(listed
        .contact
        .do_not_contact
        .then_some(Reason::DoNotContact));
    html! {
        @if let Some(reason) = reason {
            span.badge.suppressed { (t_args(lang, "contacts-suppressed", &[("reason", reason_label(lang, reason).into())])) }
        }
    }
}

fn filters(lang: Lang, action: &str, filter: &Filter, tags: &[(String, i64)]) -> Markup {
    html! {
        form.filters method="get" action=(action) role="search" {
            div.field { label for="q" { (t(lang, "contacts-search")) } input id="q" name="q" type="search" value=(filter.q); }
            div.field {
                label for="tag" { (Field::Tags.label(lang)) }
                select id="tag" name="tag" {
                    option value="" { (t(lang, "contacts-any")) }
                    @for (tag, count) in tags { option value=(tag) selected[*tag == filter.tag] { (tag) " (" (count) ")" } }
                }
            }
            div.field { label for="outlet" { (Field::Outlet.label(lang)) } input id="outlet" name="outlet" type="search" value=(filter.outlet); }
            div.field {
                label for="country" { (Field::Country.label(lang)) }
                select id="country" name="country" {
                    option value="" { (t(lang, "contacts-any")) }
                    @for (code, name) in countries_sorted(lang) { option value=(code.as_str()) selected[code.as_str() == filter.country] { (name) } }
                }
            }
            div.field { label for="language" { (Field::Language.label(lang)) } input id="language" name="language" type="search" value=(filter.language) size="6"; }
            button type="submit" { (t(lang, "contacts-filter")) }
        }
    }
}

/// The table of a page of contacts, with a checkbox per row when `select`.
pub fn table(lang: Lang, base: &str, page: &Page, select: bool) -> Markup {
    html! {
        div.table-scroll {
            table.contacts {
                thead { tr {
                    @if select { th { span.visually-hidden { (t(lang, "contacts-select")) } } }
                    th { (Field::Name.label(lang)) } th { (Field::Email.label(lang)) } th { (Field::Outlet.label(lang)) }
                    th { (Field::Role.label(lang)) } th { (Field::Country.label(lang)) } th { (Field::Language.label(lang)) }
                    th { (Field::Tags.label(lang)) } th { (t(lang, "contacts-status")) }
                } }
                tbody {
                    @for l in &page.contacts {
                        @let c = &l.contact;
                        tr {
                            @if select {
                                td {
                                    input type="checkbox" id={ "pick-" (c.id) } name="contact" value=(c.id);
                                    label.visually-hidden for={ "pick-" (c.id) } { (t_args(lang, "contacts-select-one", &[("name", c.name.as_str().into())])) }
                                }
                            }
                            td { a href={ (base) "/" (c.id) } { (c.name) } }
                            td { (c.email) }
                            td { (c.outlet.as_deref().unwrap_or_default()) }
                            td { (c.role.as_deref().unwrap_or_default()) }
                            td { (c.country.as_deref().unwrap_or_default()) }
                            td { (c.language.as_deref().unwrap_or_default()) }
                            td { (l.tags.join(", ")) }
                            td { (badge(lang, l)) }
                        }
                    }
                }
            }
        }
    }
}

/// "Next page" and "First page" links that keep the filter.
pub fn pager(lang: Lang, here: &str, filter: &Filter, page: &Page) -> Markup {
    let query = filter.query();
    let joiner = if query.is_empty() { "" } else { "&" };
    html! {
        nav.pager aria-label=(t(lang, "contacts-pages")) {
            @if !filter.after.is_empty() { a href={ (here) "?" (query) } { (t(lang, "contacts-first-page")) } " " }
            @if let Some(next) = &page.next { a href={ (here) "?" (query) (joiner) "after=" (next) } { (t(lang, "contacts-next-page")) } }
        }
    }
}

fn add_to_list(lang: Lang, lists: &[SavedList]) -> Markup {
    html! {
        fieldset.add-to-list {
            legend { (t(lang, "contacts-add-to-list")) }
            div.field {
                label for="list" { (t(lang, "contacts-existing-list")) }
                select id="list" name="list" {
                    option value="" { (t(lang, "contacts-new-list-option")) }
                    @for l in lists.iter().filter(|l| l.is_hand_picked()) { option value=(l.id) { (l.name) } }
                }
            }
            div.field { label for="new_list" { (t(lang, "contacts-new-list-name")) } input id="new_list" name="new_list" type="text"; }
            button type="submit" { (t(lang, "contacts-add-selected")) }
        }
    }
}

pub fn list(
    access: &Access,
    filter: &Filter,
    page: &Page,
    tags: &[(String, i64)],
    lists: &[SavedList],
    problem: Option<&str>,
) -> Markup {
    let lang = access.lang;
    let base = base(access);
    let editor = access.can(crate::coalitions::Role::Editor);
    let query = filter.query();
    // The exports hold the contacts the page shows.
    let export = |extension: &str| {
        if query.is_empty() {
            format!("{base}/export.{extension}")
        } else {
            format!("{base}/export.{extension}?{query}")
        }
    };
    headed(
        access,
        &t(lang, "contacts-title"),
        html! {
            p.actions {
                @if editor { a.button href={ (base) "/new" } { (t(lang, "contacts-new")) } " " a.button.secondary href={ (base) "/import" } { (t(lang, "contacts-import")) } " " }
                a.button.secondary href=(export("csv")) { (t(lang, "contacts-export")) } " "
                a.button.secondary href=(export("xlsx")) { (t(lang, "contacts-export-xlsx")) } " "
                a href={ (base) "/lists" } { (t(lang, "contacts-lists")) }
            }
            (filters(lang, &base, filter, tags))
            @if let Some(problem) = problem { div.error-summary role="alert" { p { (problem) } } }
            p role="status" { (t_args(lang, "contacts-count", &[("count", page.total.into())])) }
            @if page.contacts.is_empty() {
                p { (t(lang, if filter.is_narrowed() { "contacts-none-found" } else { "contacts-none" })) }
            } @else if editor {
                form method="post" action={ (base) "/lists/add" } {
                    (csrf_field(&access.csrf))
                    (table(lang, &base, page, true))
                    (add_to_list(lang, lists))
                }
            } @else {
                (table(lang, &base, page, false))
            }
            (pager(lang, &base, filter, page))
        },
    )
}

fn optional(hint: Option<&str>) -> Input<'_> {
    Input {
        required: false,
        hint,
        ..Input::TEXT
    }
}

fn country_options(lang: Lang) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), t(lang, "contacts-no-country"))];
    options.extend(
        countries_sorted(lang)
            .iter()
            .map(|(code, name)| (code.as_str().to_owned(), name.clone())),
    );
    options
}

/// The form for a new contact (`listed` is `None`) or an existing one.
pub fn form(
    access: &Access,
    listed: Option<&Listed>,
    typed: &ContactForm,
    errors: &FieldErrors,
    notice: Option<&str>,
    history: Option<&super::History>,
) -> Markup {
    let lang = access.lang;
    let base = base(access);
    let (title, action) = match listed {
        Some(l) => (l.contact.name.clone(), format!("{base}/{}", l.contact.id)),
        None => (t(lang, "contacts-new-title"), format!("{base}/new")),
    };
    let editor = access.can(crate::coalitions::Role::Editor);
    coordinator(
        access,
        &title,
        html! {
            p.breadcrumbs { a href=(base) { (t(lang, "contacts-back")) } }
            h1 { (title) }
            @if let Some(l) = listed { p { (badge(lang, l)) } }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            (error_summary(lang, errors))
            form method="post" action=(action) {
                (csrf_field(&access.csrf))
                (forms::input("name", &Field::Name.label(lang), &typed.name, errors, Input::TEXT))
                (forms::input("email", &Field::Email.label(lang), &typed.email, errors, Input { kind: "email", ..Input::TEXT }))
                (forms::input("phone", &Field::Phone.label(lang), &typed.phone, errors, Input { kind: "tel", ..optional(None) }))
                (forms::input("outlet", &Field::Outlet.label(lang), &typed.outlet, errors, optional(None)))
                (forms::input("role", &Field::Role.label(lang), &typed.role, errors, optional(None)))
                (forms::select("country", &Field::Country.label(lang), &country_options(lang), &typed.country, errors))
                (forms::input("language", &Field::Language.label(lang), &typed.language, errors, optional(Some(&t(lang, "contacts-language-hint")))))
                (forms::input("tags", &Field::Tags.label(lang), &typed.tags, errors, optional(Some(&t(lang, "contacts-tags-hint")))))
                (forms::textarea("notes", &Field::Notes.label(lang), &typed.notes, errors, 4, None))
                (forms::checkbox("do_not_contact", &t(lang, "contacts-do-not-contact-box"), typed.do_not_contact.is_some(), errors))
                @if editor { button type="submit" { (t(lang, "contacts-save")) } }
            }
            @if let Some(history) = history { (history_section(access, history)) }
            @if let (Some(l), true) = (listed, editor) {
                h2 { (t(lang, "contacts-delete-heading")) }
                p { (t(lang, "contacts-delete-hint")) }
                (action_button(&format!("{base}/{}/delete", l.contact.id), &access.csrf, &t(lang, "contacts-delete"), &[]))
            }
        },
    )
}

/// The mailings a contact received, and whether and why its address is
/// no longer mailed.
fn history_section(access: &Access, history: &super::History) -> Markup {
    let lang = access.lang;
    let mailings = format!("/c/{}/mailings", access.coalition_slug());
    html! {
        h2 { (t(lang, "contacts-history-heading")) }
        @if let Some(s) = &history.suppression {
            p {
                (t_args(lang, "contacts-suppressed-since", &[("time", access.time(s.since).into()), ("reason", reason_label(lang, s.reason).into())]))
                @if let Some(detail) = &s.detail { " (" (detail) ")" }
            }
        }
        @if history.received.is_empty() {
            p { (t(lang, "contacts-history-none")) }
        } @else {
            div.table-scroll {
                table {
                    thead { tr { th { (t(lang, "contacts-history-subject")) } th { (t(lang, "contacts-history-state")) } th { (t(lang, "contacts-history-when")) } } }
                    tbody {
                        @for r in &history.received {
                            tr {
                                td { a href={ (mailings) "/" (r.mailing_id) } { (r.subject) } }
                                td { (r.state.label(lang)) }
                                td { (access.time(r.at)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
