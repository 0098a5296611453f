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

pub use crate::sheets::{FileProblem, MAX_BYTES, MAX_ROWS, Record};

/// The text of an uploaded file, kept until it is imported: CSV as it came
/// (in UTF-8), a workbook's first sheet written out as CSV.
pub fn decode(bytes: Vec<u8>) -> Result<String, FileProblem> {
    let text = if crate::sheets::is_workbook(&bytes) {
        crate::sheets::to_csv(&crate::sheets::read_file(&bytes)?)
    } else {
        if bytes.len() > MAX_BYTES {
            return Err(FileProblem::TooLarge);
        }
        crate::sheets::decode(&bytes)
    };
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(text)
}

/// The header and the records of a CSV text, each record with the line it
/// starts on.
pub fn read(text: &str) -> Result<(Vec<String>, Vec<Record>), FileProblem> {
    let mut records = crate::sheets::read_text(text)?.into_iter();
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
    fn a_file_that_is_not_utf8_is_read_as_windows_1252_and_blank_is_empty() {
        assert_eq!(decode(vec![b'a', 0xf1, b'b']).as_deref(), Ok("añb"));
        assert_eq!(
            decode(b"\xef\xbb\xbf  \n".to_vec()),
            Err(FileProblem::Empty)
        );
    }
}
