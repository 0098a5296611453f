//! The contacts as CSV, safe to open in a spreadsheet, with the column
//! names the import recognizes, so an export can be imported again.

use std::collections::HashMap;

use super::db;
use super::search::Filter;
use crate::db::DbConn;
use crate::signatures::export::neutralize;

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
    "created",
    "updated",
];

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
    #[error(transparent)]
    Csv(#[from] csv::Error),
}

/// Every contact matching `filter` (all of them for an empty filter).
pub fn to_csv(
    conn: &mut DbConn,
    coalition_id: &str,
    filter: &Filter,
) -> Result<Vec<u8>, ExportError> {
    let contacts = db::all(conn, coalition_id, filter)?;
    let mut tags: HashMap<String, Vec<String>> = HashMap::new();
    for (id, tag) in db::all_tags(conn, coalition_id)? {
        tags.entry(id).or_default().push(tag);
    }
    let reasons = crate::suppressions::all_reasons(conn, coalition_id)?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADERS)?;
    let text = |v: &Option<String>| v.as_deref().map(neutralize).unwrap_or_default();
    let stamp = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M:%S").to_string();
    for c in contacts {
        writer.write_record([
            neutralize(&c.email),
            neutralize(&c.name),
            text(&c.phone),
            text(&c.outlet),
            text(&c.role),
            text(&c.country),
            text(&c.language),
            neutralize(&tags.remove(&c.id).unwrap_or_default().join(", ")),
            text(&c.notes),
            if c.do_not_contact { "yes" } else { "no" }.to_owned(),
            reasons
                .get(&c.email_key)
                .map(|r| r.as_str())
                .unwrap_or_default()
                .to_owned(),
            stamp(c.created_at),
            stamp(c.updated_at),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Csv(csv::Error::from(e.into_error())))
}
