use maud::{Markup, html};

use super::db::PAGE;
use super::{Entry, Filter};
use crate::web::access::Access;
use crate::web::layout::coordinator;

pub fn audit(access: &Access, filter: &Filter, entries: &[Entry], actions: &[String]) -> Markup {
    let Some(membership) = &access.membership else {
        return html! {};
    };
    let base = format!("/c/{}/audit", membership.coalition.slug);
    let next = (entries.len() as i64 == PAGE)
        .then(|| entries.last().map(|e| e.id.clone()))
        .flatten();
    coordinator(
        access,
        "Audit log",
        html! {
            h1 { "Audit log" }
            form.filters method="get" action=(base) {
                div.field {
                    label for="action" { "Action" }
                    select id="action" name="action" {
                        option value="" { "All actions" }
                        @for a in actions { option value=(a) selected[*a == filter.action] { (a) } }
                    }
                }
                div.field { label for="actor" { "Who" } input id="actor" name="actor" type="search" value=(filter.actor); }
                div.field { label for="object" { "Object id or type" } input id="object" name="object" type="search" value=(filter.object); }
                div.field { label for="q" { "Text" } input id="q" name="q" type="search" value=(filter.q); }
                button type="submit" { "Filter" }
            }
            @if entries.is_empty() {
                p { "No entries match." }
            } @else {
                table.audit {
                    thead { tr { th { "When (UTC)" } th { "Who" } th { "Action" } th { "What" } th { "Object" } } }
                    tbody {
                        @for e in entries {
                            tr {
                                td { time datetime={ (e.created_at.format("%Y-%m-%dT%H:%M:%SZ")) } { (e.created_at.format("%Y-%m-%d %H:%M")) } }
                                td { (e.actor_name) }
                                td { code { (e.action) } }
                                td { (e.summary) }
                                td { (e.object_type) " " span.muted { (e.object_id.chars().take(8).collect::<String>()) } }
                            }
                        }
                    }
                }
            }
            @if let Some(before) = next {
                p {
                    a href={ (base) "?action=" (filter.action) "&actor=" (filter.actor) "&object=" (filter.object) "&q=" (filter.q) "&before=" (before) } { "Older entries" }
                }
            }
        },
    )
}
