//! The contacts as a sheet (CSV safe to open in a spreadsheet, or XLSX),
//! with the column names the import recognizes, so an export can be
//! imported again.

use std::collections::HashMap;

use diesel::QueryResult;

use super::db;
use super::search::Filter;
use crate::db::DbConn;
use crate::export::{Cell, Sheet};

const HEADERS: [&str; 13] = [
    "email",
    "name",
    "phone",
    "outlet",
    "role",
    "country",
    "language",
    "tags",
    "notes",
    "do not contact",
    "suppressed",
    "created (UTC)",
    "updated (UTC)",
];

/// Every contact matching `filter` (all of them for an empty filter).
pub fn sheet(conn: &mut DbConn, coalition_id: &str, filter: &Filter) -> QueryResult<Sheet> {
    let contacts = db::all(conn, coalition_id, filter)?;
    let mut tags: HashMap<String, Vec<String>> = HashMap::new();
    for (id, tag) in db::all_tags(conn, coalition_id)? {
        tags.entry(id).or_default().push(tag);
    }
    let reasons = crate::suppressions::all_reasons(conn, coalition_id)?;
    let mut sheet = Sheet::new(HEADERS);
    for c in contacts {
        sheet.push(vec![
            Cell::text(&c.email),
            Cell::text(&c.name),
            Cell::maybe(c.phone.as_deref()),
            Cell::maybe(c.outlet.as_deref()),
            Cell::maybe(c.role.as_deref()),
            Cell::maybe(c.country.as_deref()),
            Cell::maybe(c.language.as_deref()),
            Cell::text(tags.remove(&c.id).unwrap_or_default().join(", ")),
            Cell::maybe(c.notes.as_deref()),
            Cell::text(if c.do_not_contact { "yes" } else { "no" }),
            Cell::maybe(reasons.get(&c.email_key).map(|r| r.as_str())),
            Cell::Time(Some(c.created_at)),
            Cell::Time(Some(c.updated_at)),
        ]);
    }
    Ok(sheet)
}
