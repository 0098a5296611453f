//! The saved-list pages.

use maud::{Markup, html};

use super::SavedList;
use crate::contacts::ListSummary;
use crate::contacts::search::{Filter, Page};
use crate::contacts::views::{base, pager, table};
use crate::i18n::{Lang, t, t_args};
use crate::web::access::Access;
use crate::web::forms::{self, FieldErrors, Input, action_button, csrf_field, error_summary};
use crate::web::layout::coordinator;

fn kind(lang: Lang, list: &SavedList) -> String {
    if list.is_hand_picked() {
        t(lang, "contacts-list-hand-picked")
    } else {
        t_args(
            lang,
            "contacts-list-tags",
            &[("tags", list.tags.join(", ").into())],
        )
    }
}

pub fn lists(
    access: &Access,
    summaries: &[ListSummary],
    saved: &[SavedList],
    tags: &[(String, i64)],
    typed: (&str, &str),
    errors: &FieldErrors,
) -> Markup {
    let lang = access.lang;
    let base = base(access);
    let editor = access.can(crate::coalitions::Role::Editor);
    let tags_hint = t(lang, "contacts-list-tags-hint");
    coordinator(
        access,
        &t(lang, "contacts-lists"),
        html! {
            p.breadcrumbs { a href=(base) { (t(lang, "contacts-back")) } }
            h1 { (t(lang, "contacts-lists")) }
            @if summaries.is_empty() {
                p { (t(lang, "contacts-lists-none")) }
            } @else {
                table {
                    thead { tr { th { (t(lang, "contacts-list-name")) } th { (t(lang, "contacts-list-kind")) } th { (t(lang, "contacts-list-members")) } } }
                    tbody {
                        @for s in summaries {
                            tr {
                                td { a href={ (base) "/lists/" (s.id) } { (s.name) } }
                                td { (saved.iter().find(|l| l.id == s.id).map(|l| kind(lang, l)).unwrap_or_default()) }
                                td { (s.members) }
                            }
                        }
                    }
                }
            }
            @if editor {
                h2 { (t(lang, "contacts-list-create")) }
                (error_summary(lang, errors))
                form method="post" action={ (base) "/lists" } {
                    (csrf_field(&access.csrf))
                    (forms::input("name", &t(lang, "contacts-list-name"), typed.0, errors, Input::TEXT))
                    (forms::input("tags", &t(lang, "contacts-list-by-tags-label"), typed.1, errors, Input { required: false, hint: Some(&tags_hint), ..Input::TEXT }))
                    @if !tags.is_empty() {
                        p.hint { (t(lang, "contacts-tags-in-use")) " " @for (i, (tag, count)) in tags.iter().enumerate() { @if i > 0 { ", " } (tag) " (" (count) ")" } }
                    }
                    button type="submit" { (t(lang, "contacts-list-create-submit")) }
                }
            }
        },
    )
}

pub fn list(access: &Access, list: &SavedList, filter: &Filter, page: &Page) -> Markup {
    let lang = access.lang;
    let base = base(access);
    let here = format!("{base}/lists/{}", list.id);
    let editor = access.can(crate::coalitions::Role::Editor);
    let removable = editor && list.is_hand_picked();
    coordinator(
        access,
        &list.name,
        html! {
            p.breadcrumbs { a href={ (base) "/lists" } { (t(lang, "contacts-lists")) } }
            h1 { (list.name) }
            p { (kind(lang, list)) }
            p role="status" { (t_args(lang, "contacts-count", &[("count", page.total.into())])) }
            @if page.contacts.is_empty() {
                p { (t(lang, if list.is_hand_picked() { "contacts-list-empty-hand" } else { "contacts-list-empty-tags" })) }
            } @else if removable {
                form method="post" action={ (here) "/remove" } {
                    (csrf_field(&access.csrf))
                    (table(lang, &base, page, true))
                    button type="submit" { (t(lang, "contacts-list-remove-selected")) }
                }
            } @else {
                (table(lang, &base, page, false))
            }
            (pager(lang, &here, filter, page))
            @if editor {
                h2 { (t(lang, "contacts-list-delete-heading")) }
                (action_button(&format!("{here}/delete"), &access.csrf, &t(lang, "contacts-list-delete"), &[]))
            }
        },
    )
}
