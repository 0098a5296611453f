//! Importing contacts from CSV: the columns are recognized by their
//! English or Spanish names and the coordinator may map each otherwise;
//! the plan says per row whether it creates a contact, updates the one
//! with the same address, or is rejected and why. Applying re-makes the
//! plan inside one transaction (`apply.rs`), so an import completes or
//! changes nothing.
//!
//! An update fills the cells the file has and adds its tags; it never
//! empties a field, drops a tag or lifts a do-not-contact mark, so a
//! suppressed address imported again stays suppressed.

mod apply;
mod mapping;
mod plan;
mod receive;
pub mod routes;
pub mod terminal;
mod uploads;
mod views;

pub use apply::{ImportError, Report, apply};
pub use mapping::{Mapping, MappingProblem};
pub use plan::{Plan, PlannedRow, Rejection, Verdict, plan};
pub use uploads::{Progress, Running, State, Upload};

/// Rows one import may hold.
pub const MAX_ROWS: usize = 100_000;
/// Bytes one file may have.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    #[error("the file is larger than the limit")]
    TooLarge,
    #[error("the file has more rows than the limit")]
    TooManyRows,
    #[error("line {0} cannot be read")]
    Unreadable(u64),
}

impl FileProblem {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{t, t_args};
        match self {
            Self::Empty => t(lang, "contacts-import-empty"),
            Self::NotUtf8 => t(lang, "contacts-import-not-utf8"),
            Self::TooLarge => t_args(
                lang,
                "contacts-import-too-large",
                &[("megabytes", (MAX_BYTES / 1024 / 1024).into())],
            ),
            Self::TooManyRows => t_args(
                lang,
                "contacts-import-too-many-rows",
                &[("max", MAX_ROWS.into())],
            ),
            Self::Unreadable(line) => t_args(
                lang,
                "contacts-import-unreadable",
                &[("line", (*line).into())],
            ),
        }
    }
}

/// The text of an uploaded file: UTF-8, with or without a byte-order mark.
pub fn decode(bytes: Vec<u8>) -> Result<String, FileProblem> {
    if bytes.len() > MAX_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let text = String::from_utf8(bytes).map_err(|_| FileProblem::NotUtf8)?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(text)
}

/// One row of the file: the line it starts on and its cells.
pub type Record = (u64, Vec<String>);

/// The header and the records of a CSV text, each record with the line it
/// starts on. The separator is whichever of `,` `;` and tab the header
/// line has most of; quoted fields may hold separators and line breaks.
pub fn read(text: &str) -> Result<(Vec<String>, Vec<Record>), FileProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.matches(char::from(*d)).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| FileProblem::Unreadable(1))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(FileProblem::Empty);
    }
    let mut records = Vec::new();
    // Lines are counted here from byte offsets: the reader's own count
    // lags by one after a "\r\n" line end.
    let (mut counted_to, mut line) = (0, 1);
    for record in reader.records() {
        let record = record
            .map_err(|e| FileProblem::Unreadable(e.position().map_or(0, csv::Position::line)))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if records.len() >= MAX_ROWS {
            return Err(FileProblem::TooManyRows);
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let upto = (start + 1).min(text.len()).max(counted_to);
        line += text.as_bytes()[counted_to..upto]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        counted_to = upto;
        records.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok((headers, records))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn any_text_or_bytes_are_read_without_panicking(
            text in prop_oneof![
                "\\PC{0,400}",
                proptest::collection::vec(
                    prop_oneof![
                        Just(","), Just(";"), Just("\t"), Just("\""), Just("\n"), Just("\r\n"),
                        Just("\r"), Just("\u{feff}"), Just("email"), Just("nombre"), Just(" "),
                        Just("ana@example.org"), Just("'=1+1"), Just("ñ"),
                    ],
                    0..80,
                ).prop_map(|pieces| pieces.concat()),
            ],
            bytes in proptest::collection::vec(any::<u8>(), 0..200),
        ) {
            if let Ok((headers, records)) = read(&text) {
                prop_assert!(!headers.iter().all(String::is_empty));
                let lines = text.matches('\n').count() as u64 + 1;
                prop_assert!(records.iter().all(|(line, _)| *line >= 1 && *line <= lines));
            }
            if let Ok(decoded) = decode(bytes) {
                let _ = read(&decoded);
            }
        }
    }

    #[test]
    fn a_semicolon_file_with_a_bom_and_a_quoted_line_break_is_read() {
        let text = "\u{feff}correo;nombre;notas\r\nana@example.org;Ana;\"first line\nsecond; line\"\r\nben@example.org;Ben;\r\n";

        let (headers, records) = read(text).expect("readable");

        assert_eq!(headers, ["correo", "nombre", "notas"]);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].1[2], "first line\nsecond; line");
        assert_eq!(records[1].0, 4);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_named_as_such() {
        assert_eq!(decode(vec![b'a', 0xff, b'b']), Err(FileProblem::NotUtf8));
        assert_eq!(
            decode(b"\xef\xbb\xbf  \n".to_vec()),
            Err(FileProblem::Empty)
        );
    }
}
