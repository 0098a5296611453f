//! The one import pipeline of signatures and contacts. A file or a pasted
//! block is read into rows (`sheet`) and kept in the database (`uploads`,
//! through `receive`); its columns are mapped to the area's fields
//! (`columns`); each row is planned (`plan`) and shown in a preview
//! (`views`); the apply makes the plan again inside one transaction, in
//! the background, with its progress on a page (`run`). What a row means
//! is the importing area's business: it names its fields, checks a row
//! into its values and writes them.

pub mod columns;
pub mod plan;
pub mod receive;
pub mod run;
pub mod sheet;
pub mod terminal;
pub mod uploads;
pub mod views;

pub use columns::{Column, Mapping, MappingProblem};
pub use plan::{Plan, PlannedRow, Reason, Row, Rules, Verdict, plan};
pub use sheet::{FileProblem, MAX_BYTES, MAX_ROWS, Record};
pub use uploads::{Progress, Running, State, Upload};

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    pub created: usize,
    pub updated: usize,
    pub rejected: usize,
}

/// The text of an uploaded file, kept until it is imported: CSV or a
/// pasted block as it came (in UTF-8), a workbook's first sheet written
/// out as tab-separated text.
pub fn decode(bytes: Vec<u8>) -> Result<String, FileProblem> {
    let text = if sheet::is_workbook(&bytes) {
        sheet::to_text(&sheet::read_file(&bytes)?)
    } else {
        if bytes.len() > MAX_BYTES {
            return Err(FileProblem::TooLarge);
        }
        sheet::decode(&bytes)
    };
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(text)
}

/// The header and the records of a table with a header line, each record
/// with the line it starts on.
pub fn with_header(text: &str) -> Result<(Vec<String>, Vec<Record>), FileProblem> {
    let mut records = sheet::read_text(text)?.into_iter();
    let headers: Vec<String> = records
        .next()
        .map(|(_, cells)| cells.iter().map(|h| h.trim().to_owned()).collect())
        .unwrap_or_default();
    if headers.iter().all(String::is_empty) {
        return Err(FileProblem::Empty);
    }
    Ok((headers, records.collect()))
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
                        Just("ana@example.org"), Just("'=1+1"), Just("ñ"), Just("PK\u{3}\u{4}"),
                    ],
                    0..80,
                ).prop_map(|pieces| pieces.concat()),
            ],
            bytes in proptest::collection::vec(any::<u8>(), 0..200),
        ) {
            let lines = text.matches('\n').count() as u64 + 1;
            if let Ok((headers, records)) = with_header(&text) {
                prop_assert!(!headers.iter().all(String::is_empty));
                prop_assert!(records.iter().all(|(line, _)| *line >= 1 && *line <= lines));
            }
            if let Ok(records) = sheet::read_file(text.as_bytes()) {
                prop_assert!(records.iter().all(|(line, _)| *line >= 1 && *line <= lines));
            }
            let _ = sheet::read_file(&bytes);
            if let Ok(decoded) = decode(bytes) {
                let _ = with_header(&decoded);
            }
        }
    }

    #[test]
    fn a_file_that_is_not_utf8_is_read_as_windows_1252_and_blank_is_empty() {
        assert_eq!(decode(vec![b'a', 0xf1, b'b']).as_deref(), Ok("añb"));
        assert_eq!(
            decode(b"\xef\xbb\xbf  \n".to_vec()),
            Err(FileProblem::Empty)
        );
    }
}
