//! Exports of a statement's signatures with every provenance field, as CSV
//! (safe to open in a spreadsheet) and JSON.

use std::collections::HashMap;

use diesel::QueryResult;
use serde::Serialize;

use super::db::{self, Signature};
use crate::db::DbConn;

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
    pub signed_at: String,
    pub confirmed_at: String,
    pub revision: String,
    pub awaiting_consent_to_revision: String,
    pub authorized_to_sign: bool,
    pub email_domain_matches_website: bool,
    pub approved_by: String,
    pub approved_at: String,
    pub withdrawn_at: String,
    pub merged_into: String,
    pub comment: String,
}

fn stamp(t: Option<chrono::NaiveDateTime>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default()
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
        added_by_coordinator: s.source == super::Source::Import.as_str(),
        revision: number(&s.revision_id),
        awaiting_consent_to_revision: number(&s.reconsent_revision_id),
        entered_name: s.name,
        kind: s.kind,
        country: s.country.unwrap_or_default(),
        website: s.website.unwrap_or_default(),
        affiliation: s.affiliation.unwrap_or_default(),
        city: s.city.unwrap_or_default(),
        signer_name: s.signer_name.unwrap_or_default(),
        signer_title: s.signer_title.unwrap_or_default(),
        email: s.email,
        status: s.status,
        listed: s.listed,
        source: s.source,
        signed_at: stamp(Some(s.created_at)),
        confirmed_at: stamp(s.confirmed_at),
        authorized_to_sign: s.authorized,
        email_domain_matches_website: s.domain_matches,
        approved_by: s.approved_by.unwrap_or_default(),
        approved_at: stamp(s.approved_at),
        withdrawn_at: stamp(s.withdrawn_at),
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

/// A cell that a spreadsheet would run as a formula gets a leading
/// apostrophe, so it is shown as the text it is. Spreadsheets that trim
/// cells on import ("trim spaces" in LibreOffice) read past leading
/// whitespace and control characters, so the check does too.
pub fn neutralize(cell: &str) -> String {
    if is_formula_like(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Whether a spreadsheet could read the cell as a formula: its first
/// character that is not whitespace or a control character starts one, or
/// it begins with a tab or a carriage return.
pub fn is_formula_like(cell: &str) -> bool {
    cell.starts_with(['\t', '\r'])
        || cell
            .trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
            .starts_with(['=', '+', '-', '@'])
}

/// The rows as CSV with a header line; every text cell neutralized.
pub fn to_csv(rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // The writer buffers, so its output stays empty for a while; whether
    // the header is written is remembered rather than read back.
    let mut header_written = false;
    for r in rows {
        let value = serde_json::to_value(r).unwrap_or_default();
        if let serde_json::Value::Object(map) = value {
            if !header_written {
                writer.write_record(map.keys())?;
                header_written = true;
            }
            writer.write_record(map.values().map(|v| match v {
                serde_json::Value::String(s) => neutralize(s),
                other => other.to_string(),
            }))?;
        }
    }
    if rows.is_empty() {
        writer.write_record(["name"])?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralized() {
        for dangerous in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            " =6*7",
            "\u{a0}\u{3000}=6*7",
            "\n\u{1}+1",
        ] {
            assert!(neutralize(dangerous).starts_with('\''), "{dangerous:?}");
        }
        assert_eq!(neutralize("Agua Viva"), "Agua Viva");
    }

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
            signed_at: empty(),
            confirmed_at: empty(),
            revision: empty(),
            awaiting_consent_to_revision: empty(),
            authorized_to_sign: true,
            email_domain_matches_website: false,
            approved_by: empty(),
            approved_at: empty(),
            withdrawn_at: empty(),
            merged_into: empty(),
            comment: empty(),
        }
    }

    #[test]
    fn the_header_line_is_written_once() {
        let csv = to_csv(&[row("A"), row("B"), row("C")]).expect("CSV");
        let text = String::from_utf8(csv).expect("UTF-8");

        assert_eq!(text.lines().count(), 4, "{text}");
        assert_eq!(
            text.lines().filter(|l| l.contains("entered_name")).count(),
            1
        );
    }
}
