use maud::{Markup, html};

use super::db::PAGE;
use super::{Entry, Filter};
use crate::i18n::{Lang, compare, show_stored, t, try_t};
use crate::web::access::Access;
use crate::web::layout::headed;

pub fn audit(access: &Access, filter: &Filter, entries: &[Entry], actions: &[String]) -> Markup {
    let Some(membership) = &access.membership else {
        return html! {};
    };
    let base = format!("/c/{}/audit", membership.coalition.slug);
    let next = (entries.len() as i64 == PAGE)
        .then(|| entries.last().map(|e| e.id.clone()))
        .flatten();
    let lang = access.lang;
    headed(
        access,
        &t(lang, "audit-title"),
        html! {
            form.filters method="get" action=(base) {
                div.field {
                    label for="action" { (t(lang, "audit-action")) }
                    select id="action" name="action" {
                        option value="" { (t(lang, "audit-all-actions")) }
                        @for (code, name) in named_actions(lang, actions) {
                            option value=(code) selected[code == filter.action] { (name) }
                        }
                    }
                }
                div.field { label for="actor" { (t(lang, "audit-who")) } input id="actor" name="actor" type="search" value=(filter.actor); }
                div.field { label for="object" { (t(lang, "audit-object-filter")) } input id="object" name="object" type="search" value=(filter.object); }
                div.field { label for="q" { (t(lang, "audit-text")) } input id="q" name="q" type="search" value=(filter.q); }
                button type="submit" { (t(lang, "audit-filter")) }
            }
            @if entries.is_empty() {
                p { (t(lang, "audit-none")) }
            } @else {
                table.audit {
                    thead { tr { th { (t(lang, "audit-when")) } th { (t(lang, "audit-who")) } th { (t(lang, "audit-action")) } th { (t(lang, "audit-what")) } th { (t(lang, "audit-object")) } } }
                    tbody {
                        @for e in entries {
                            tr {
                                td { time datetime={ (e.created_at.format("%Y-%m-%dT%H:%M:%SZ")) } { (e.created_at.format("%Y-%m-%d %H:%M")) } }
                                td { (e.actor_name) }
                                td { (action_name(lang, &e.action)) }
                                td { (show_stored(&e.summary, lang, access.zone())) }
                                td { (object_name(lang, &e.object_type)) " " span.muted { (e.object_id.chars().take(8).collect::<String>()) } }
                            }
                        }
                    }
                }
            }
            @if let Some(before) = next {
                p {
                    a href={ (base) "?action=" (filter.action) "&actor=" (filter.actor) "&object=" (filter.object) "&q=" (filter.q) "&before=" (before) } { (t(lang, "audit-older")) }
                }
            }
        },
    )
}

/// The actions of the filter's menu with their names, in the reader's
/// alphabetical order of the names.
fn named_actions(lang: Lang, actions: &[String]) -> Vec<(&str, String)> {
    let mut named: Vec<(&str, String)> = actions
        .iter()
        .map(|code| (code.as_str(), action_name(lang, code)))
        .collect();
    named.sort_by(|a, b| compare(&a.1, &b.1, lang.code()));
    named
}

/// What an action code such as `statement.revise` names, in words; a code
/// with no message (newer or older than this build) is shown as it is.
fn action_name(lang: Lang, code: &str) -> String {
    named(lang, "audit-action-", code)
}

/// What an object type such as `statement` names, in words, or the type
/// as it is.
fn object_name(lang: Lang, object_type: &str) -> String {
    named(lang, "audit-object-", object_type)
}

/// The words of a stored code under `prefix`, or the code as it is.
fn named(lang: Lang, prefix: &str, code: &str) -> String {
    // Fluent ids have no dots: `contact-list.add` is `audit-action-contact-list-add`.
    let id = format!("{prefix}{}", code.replace('.', "-"));
    try_t(lang, &id).unwrap_or_else(|| code.to_owned())
}
