//! Rows of an export written for spreadsheets. Each export (signatures,
//! contacts, a mailing's delivery log) computes its rows once as a
//! [`Sheet`]; this module writes them as CSV that Excel opens as it is.

use chrono::NaiveDateTime;

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A value someone typed, or a word of the product's: always text.
    Text(String),
    /// A count the product keeps.
    Number(i64),
    /// A stored time, in UTC; empty when there is none.
    Time(Option<NaiveDateTime>),
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    /// An optional value, empty when absent.
    pub fn maybe(value: Option<&str>) -> Cell {
        Cell::text(value.unwrap_or_default())
    }

    /// How a time reads in CSV; the header of its column names the zone.
    fn stamp(time: NaiveDateTime) -> String {
        time.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// A header line and rows of cells, one per header.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new<H: Into<String>>(headers: impl IntoIterator<Item = H>) -> Sheet {
        Sheet {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.headers.len(), "one cell per column");
        self.rows.push(row);
    }

    /// CSV as Excel opens it without asking: UTF-8 with a byte-order mark
    /// (without one Excel reads Windows-1252, and "Asociación" becomes
    /// "AsociaciÃ³n") and CRLF line ends. Every text cell is neutralized.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer("\u{feff}".as_bytes().to_vec());
        writer.write_record(&self.headers)?;
        for row in &self.rows {
            writer.write_record(row.iter().map(|cell| match cell {
                Cell::Text(text) => neutralize(text),
                Cell::Number(n) => n.to_string(),
                Cell::Time(time) => time.map(Cell::stamp).unwrap_or_default(),
            }))?;
        }
        writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
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

    fn sample() -> Sheet {
        let mut sheet = Sheet::new(["name", "attempts", "sent (UTC)"]);
        let sent = chrono::NaiveDate::from_ymd_opt(2026, 3, 8)
            .and_then(|d| d.and_hms_milli_opt(9, 30, 5, 750))
            .expect("a valid time");
        sheet.push(vec![
            Cell::text("Asociación\n\"Pop No’j\""),
            Cell::Number(2),
            Cell::Time(Some(sent)),
        ]);
        sheet.push(vec![Cell::text("=1+1"), Cell::Number(0), Cell::Time(None)]);
        sheet
    }

    #[test]
    fn csv_starts_with_a_byte_order_mark_and_ends_lines_with_crlf() {
        let csv = String::from_utf8(sample().to_csv().expect("CSV")).expect("UTF-8");

        assert_eq!(
            csv,
            "\u{feff}name,attempts,sent (UTC)\r\n\
             \"Asociación\n\"\"Pop No’j\"\"\",2,2026-03-08 09:30:05\r\n\
             '=1+1,0,\r\n"
        );
    }

    #[test]
    fn the_header_line_is_written_without_rows_too() {
        let csv = Sheet::new(["name"]).to_csv().expect("CSV");

        assert_eq!(csv, "\u{feff}name\r\n".as_bytes());
    }
}
