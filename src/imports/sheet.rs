//! Tables as coalitions keep them, read into rows of text cells: a CSV
//! file (`,` `;` or tab, UTF-8 with or without a byte-order mark, or
//! Windows-1252 as older Excel saves it), an XLSX or ODS workbook (its
//! first sheet), or a block pasted into a form. Every import reads through
//! here; what the columns mean is the importing area's business.

use std::io::Cursor;

use calamine::{Data, Reader};

/// Rows one import may hold.
pub const MAX_ROWS: usize = 100_000;
/// Bytes one file may have.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than the limit")]
    TooLarge,
    #[error("the file has more rows than the limit")]
    TooManyRows,
    #[error("line {0} cannot be read")]
    Unreadable(u64),
    #[error("the workbook cannot be opened")]
    Workbook,
}

/// One row: the line (or spreadsheet row) it starts on, and its cells.
pub type Record = (u64, Vec<String>);

/// Whether the bytes are an XLSX or ODS workbook (a ZIP archive).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The rows of an uploaded file, whatever its kind. Empty rows are left
/// out; the first row is not set apart, since a pasted list may have no
/// header.
pub fn read_file(bytes: &[u8]) -> Result<Vec<Record>, FileProblem> {
    if bytes.len() > MAX_BYTES {
        return Err(FileProblem::TooLarge);
    }
    if is_workbook(bytes) {
        return read_workbook(bytes);
    }
    read_text(&decode(bytes))
}

/// The text of a file: UTF-8 when it is valid UTF-8 (a byte-order mark
/// dropped), else Windows-1252, the encoding Excel uses for "CSV" on
/// Spanish and English Windows.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text).to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The separator of a text table: whichever of tab, `;` and `,` its first
/// line has most of (tab first: a block copied from a spreadsheet).
pub fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|d| (first.matches(char::from(*d)).count(), *d == b'\t'))
        .filter(|d| first.contains(char::from(*d)))
        .unwrap_or(b',')
}

/// The rows of a CSV or tab-separated text, each with the line it starts
/// on. Quoted fields may hold separators and line breaks.
pub fn read_text(text: &str) -> Result<Vec<Record>, FileProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    // Lines are counted here from byte offsets: the reader's own count
    // lags after a "\r\n" line end, and its position may point at the
    // line ends (blank lines included) before the record.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0, 1);
    for record in reader.records() {
        let record = record
            .map_err(|e| FileProblem::Unreadable(e.position().map_or(0, csv::Position::line)))?;
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        let upto = start.min(bytes.len()).max(counted_to);
        line += bytes[counted_to..upto]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        counted_to = upto;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        // A header line and MAX_ROWS rows below it.
        if records.len() > MAX_ROWS {
            return Err(FileProblem::TooManyRows);
        }
        records.push((line, record.iter().map(str::to_owned).collect()));
    }
    if records.is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(records)
}

/// The first sheet of an XLSX or ODS workbook; numbers and dates as the
/// text they show.
fn read_workbook(bytes: &[u8]) -> Result<Vec<Record>, FileProblem> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|_| FileProblem::Workbook)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(FileProblem::Empty)?
        .map_err(|_| FileProblem::Workbook)?;
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let mut records = Vec::new();
    for (index, row) in range.rows().enumerate() {
        let cells: Vec<String> = std::iter::repeat_n(String::new(), first_column)
            .chain(row.iter().map(cell_text))
            .collect();
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        // A header line and MAX_ROWS rows below it.
        if records.len() > MAX_ROWS {
            return Err(FileProblem::TooManyRows);
        }
        records.push((first_row + index as u64 + 1, cells));
    }
    if records.is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(records)
}

/// Rows written out as tab-separated text (quoted where needed), to keep
/// a workbook's rows as text: read again, it is the cells copied from a
/// spreadsheet, so a sheet without a header line keeps its columns.
pub fn to_text(records: &[Record]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .flexible(true)
        .from_writer(Vec::new());
    for (_, cells) in records {
        // Writing to memory cannot fail.
        let _ = writer.write_record(cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

impl FileProblem {
    /// What went wrong and what to do, in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{t, t_args};
        match self {
            Self::Empty => t(lang, "import-file-empty"),
            Self::Workbook => t(lang, "import-file-workbook"),
            Self::TooLarge => t_args(
                lang,
                "import-file-too-large",
                &[("megabytes", (MAX_BYTES / 1024 / 1024).into())],
            ),
            Self::TooManyRows => t_args(
                lang,
                "import-file-too-many-rows",
                &[("max", MAX_ROWS.into())],
            ),
            Self::Unreadable(line) => {
                t_args(lang, "import-file-unreadable", &[("line", (*line).into())])
            }
        }
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_semicolon_file_with_a_bom_and_a_quoted_line_break_is_read() {
        let text = "\u{feff}correo;nombre;notas\r\nana@example.org;Ana;\"first line\nsecond; line\"\r\n\r\nben@example.org;Ben;\r\n";

        let records = read_file(text.as_bytes()).expect("readable");

        assert_eq!(records[0].1, ["correo", "nombre", "notas"]);
        assert_eq!(records.len(), 3);
        assert_eq!(records[1].1[2], "first line\nsecond; line");
        assert_eq!(records[2].0, 5);
    }

    #[test]
    fn windows_1252_text_keeps_its_accents() {
        let bytes = b"organizaci\xf3n;pa\xeds\r\nAsociaci\xf3n Pop No\x92j;Guatemala\r\n";

        let records = read_file(bytes).expect("readable");

        assert_eq!(records[0].1, ["organización", "país"]);
        assert_eq!(records[1].1, ["Asociación Pop No\u{2019}j", "Guatemala"]);
    }

    #[test]
    fn a_pasted_block_from_a_spreadsheet_is_split_at_its_tabs_only() {
        let text = "Sin Fronteras, I.A.P.\tMéxico\nRed Jesuita con Migrantes\tGuatemala\n";

        let records = read_text(text).expect("readable");

        assert_eq!(records[0].1, ["Sin Fronteras, I.A.P.", "México"]);
        assert_eq!(records[1].1, ["Red Jesuita con Migrantes", "Guatemala"]);
    }

    #[test]
    fn nothing_to_read_is_named_as_such() {
        assert_eq!(
            read_file(b"\xef\xbb\xbf \r\n ; \n"),
            Err(FileProblem::Empty)
        );
        assert_eq!(read_file(b"PK\x03\x04garbage"), Err(FileProblem::Workbook));
    }
}
