//! Exports of a statement's signatures with every provenance field, as a
//! sheet (CSV safe to open in a spreadsheet) and JSON.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde::{Serialize, Serializer};

use super::db::{self, Signature};
use crate::db::DbConn;
use crate::export::{Cell, Sheet};

/// One exported signature.
#[derive(Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub entered_name: String,
    pub kind: String,
    pub country: String,
    pub website: String,
    pub affiliation: String,
    pub city: String,
    pub signer_name: String,
    pub signer_title: String,
    pub email: String,
    pub status: String,
    pub listed: bool,
    pub source: String,
    pub added_by_coordinator: bool,
    #[serde(serialize_with = "stamp")]
    pub signed_at: NaiveDateTime,
    #[serde(serialize_with = "maybe_stamp")]
    pub confirmed_at: Option<NaiveDateTime>,
    pub revision: String,
    pub awaiting_consent_to_revision: String,
    pub authorized_to_sign: bool,
    pub email_domain_matches_website: bool,
    pub approved_by: String,
    #[serde(serialize_with = "maybe_stamp")]
    pub approved_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "maybe_stamp")]
    pub withdrawn_at: Option<NaiveDateTime>,
    pub merged_into: String,
    pub comment: String,
}

/// Times in JSON read as in the CSV: `2026-03-08 09:30:05`, in UTC.
fn stamp<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&t.format("%Y-%m-%d %H:%M:%S"))
}

fn maybe_stamp<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => stamp(t, s),
        None => s.serialize_str(""),
    }
}

fn row(s: Signature, revisions: &HashMap<String, i32>) -> Row {
    let number = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| revisions.get(id))
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    Row {
        name: s.display_name.clone().unwrap_or_else(|| s.name.clone()),
        added_by_coordinator: s.source == super::Source::Import,
        revision: number(&s.revision_id),
        awaiting_consent_to_revision: number(&s.reconsent_revision_id),
        entered_name: s.name,
        kind: s.kind.as_str().to_owned(),
        country: s.country.unwrap_or_default(),
        website: s.website.unwrap_or_default(),
        affiliation: s.affiliation.unwrap_or_default(),
        city: s.city.unwrap_or_default(),
        signer_name: s.signer_name.unwrap_or_default(),
        signer_title: s.signer_title.unwrap_or_default(),
        email: s.email,
        status: s.status.as_str().to_owned(),
        listed: s.listed,
        source: s.source.as_str().to_owned(),
        signed_at: s.created_at,
        confirmed_at: s.confirmed_at,
        authorized_to_sign: s.authorized,
        email_domain_matches_website: s.domain_matches,
        approved_by: s.approved_by.unwrap_or_default(),
        approved_at: s.approved_at,
        withdrawn_at: s.withdrawn_at,
        merged_into: s.merged_into.unwrap_or_default(),
        comment: s.comment.unwrap_or_default(),
    }
}

/// Every signature of a statement, in list order.
pub fn rows(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<Row>> {
    let revisions = crate::statements::revision_numbers(conn, statement_id)?;
    Ok(db::all(conn, statement_id)?
        .into_iter()
        .map(|s| row(s, &revisions))
        .collect())
}

type Column = (&'static str, fn(&Row) -> Cell);

/// The sheet's columns: the JSON's names, the times' saying their zone.
const COLUMNS: [Column; 25] = [
    ("name", |r| Cell::text(&r.name)),
    ("entered_name", |r| Cell::text(&r.entered_name)),
    ("kind", |r| Cell::text(&r.kind)),
    ("country", |r| Cell::text(&r.country)),
    ("website", |r| Cell::text(&r.website)),
    ("affiliation", |r| Cell::text(&r.affiliation)),
    ("city", |r| Cell::text(&r.city)),
    ("signer_name", |r| Cell::text(&r.signer_name)),
    ("signer_title", |r| Cell::text(&r.signer_title)),
    ("email", |r| Cell::text(&r.email)),
    ("status", |r| Cell::text(&r.status)),
    ("listed", |r| Cell::text(r.listed.to_string())),
    ("source", |r| Cell::text(&r.source)),
    ("added_by_coordinator", |r| {
        Cell::text(r.added_by_coordinator.to_string())
    }),
    ("signed_at (UTC)", |r| Cell::Time(Some(r.signed_at))),
    ("confirmed_at (UTC)", |r| Cell::Time(r.confirmed_at)),
    ("revision", |r| Cell::text(&r.revision)),
    ("awaiting_consent_to_revision", |r| {
        Cell::text(&r.awaiting_consent_to_revision)
    }),
    ("authorized_to_sign", |r| {
        Cell::text(r.authorized_to_sign.to_string())
    }),
    ("email_domain_matches_website", |r| {
        Cell::text(r.email_domain_matches_website.to_string())
    }),
    ("approved_by", |r| Cell::text(&r.approved_by)),
    ("approved_at (UTC)", |r| Cell::Time(r.approved_at)),
    ("withdrawn_at (UTC)", |r| Cell::Time(r.withdrawn_at)),
    ("merged_into", |r| Cell::text(&r.merged_into)),
    ("comment", |r| Cell::text(&r.comment)),
];

/// The rows as a sheet with a header line, for CSV and XLSX.
pub fn sheet(rows: &[Row]) -> Sheet {
    let mut sheet = Sheet::new(COLUMNS.map(|(header, _)| header));
    for r in rows {
        sheet.push(COLUMNS.iter().map(|(_, cell)| cell(r)).collect());
    }
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> Row {
        let empty = String::new;
        Row {
            name: name.to_owned(),
            entered_name: name.to_owned(),
            kind: "organization".into(),
            country: empty(),
            website: empty(),
            affiliation: empty(),
            city: empty(),
            signer_name: empty(),
            signer_title: empty(),
            email: empty(),
            status: "confirmed".into(),
            listed: true,
            source: "form".into(),
            added_by_coordinator: false,
            signed_at: NaiveDateTime::default(),
            confirmed_at: None,
            revision: empty(),
            awaiting_consent_to_revision: empty(),
            authorized_to_sign: true,
            email_domain_matches_website: false,
            approved_by: empty(),
            approved_at: None,
            withdrawn_at: None,
            merged_into: empty(),
            comment: empty(),
        }
    }

    #[test]
    fn the_sheet_has_a_column_for_every_field_of_the_json_in_its_order() {
        let json = serde_json::to_value(row("A")).expect("JSON");
        let fields: Vec<&str> = json
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let columns: Vec<&str> = COLUMNS
            .iter()
            .map(|(header, _)| header.trim_end_matches(" (UTC)"))
            .collect();

        assert_eq!(columns, fields);
    }
}
