//! Rows of an export written for spreadsheets. Each export (signatures,
//! contacts, a mailing's delivery log) computes its rows once as a
//! [`Sheet`]; this module writes them as CSV or XLSX that Excel opens as
//! they are.

use chrono::{NaiveDateTime, Timelike};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The widest a column is made to fit its cells, in characters, so that
/// one long comment does not push the other columns out of sight.
const MAX_COLUMN_CHARS: usize = 50;

/// The most characters an XLSX cell holds; Excel refuses a longer one.
const MAX_CELL_CHARS: usize = 32_767;

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A value someone typed, or a word of the product's: always text.
    Text(String),
    /// A count the product keeps.
    Number(i32),
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

    /// How many characters wide the cell reads: its longest line.
    fn chars(&self) -> usize {
        match self {
            Cell::Text(text) => text.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Cell::Number(n) => n.to_string().len(),
            Cell::Time(Some(_)) => "2026-03-08 09:30:05".len(),
            Cell::Time(None) => 0,
        }
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

    /// The same rows as an XLSX workbook of one sheet: a bold header row
    /// that stays in view, columns as wide as their cells, times as dates.
    /// Text is written as string cells, which a spreadsheet never runs as
    /// formulas, so it needs no neutralizing: `=1+1` stays `=1+1`.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let worksheet = workbook.add_worksheet();
        let bold = Format::new().set_bold();
        let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
        for ((col, header), chars) in (0..).zip(&self.headers).zip(self.widths()) {
            worksheet.write_string_with_format(0, col, header, &bold)?;
            let chars = u32::try_from(chars.min(MAX_COLUMN_CHARS)).unwrap_or(0);
            worksheet.set_column_width(col, chars + 1)?;
        }
        for (row, cells) in (1..).zip(&self.rows) {
            for (col, cell) in (0..).zip(cells) {
                match cell {
                    Cell::Text(text) => {
                        worksheet.write_string(row, col, fit(text))?;
                    }
                    Cell::Number(n) => {
                        worksheet.write_number(row, col, f64::from(*n))?;
                    }
                    // Whole seconds, as the CSV has them: Excel would round
                    // a fraction up to the next second on display.
                    Cell::Time(Some(time)) => {
                        let time = time.with_nanosecond(0).unwrap_or(*time);
                        worksheet.write_datetime_with_format(row, col, time, &date)?;
                    }
                    Cell::Time(None) => {}
                }
            }
        }
        worksheet.set_freeze_panes(1, 0)?;
        workbook.save_to_buffer()
    }

    /// How many characters wide each column's widest cell reads, its
    /// header counted a little wider for being bold.
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self
            .headers
            .iter()
            .map(|h| h.chars().count() * 11 / 10)
            .collect();
        for row in &self.rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars());
            }
        }
        widths
    }
}

/// Text cut to what an XLSX cell holds; no value the product stores is
/// that long, but a sheet that fails for one cell would help no one.
fn fit(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
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
    fn xlsx_has_a_bold_header_and_the_rows_as_strings_numbers_and_dates() {
        use calamine::{Data, Reader, Xlsx};

        let bytes = sample().to_xlsx().expect("XLSX");
        let mut workbook: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("readable");
        let range = workbook.worksheet_range("Sheet1").expect("a sheet");
        let styles = workbook.worksheet_style("Sheet1").expect("its styles");

        let rows: Vec<&[Data]> = range.rows().collect();
        assert_eq!(
            rows[0],
            [Data::from("name"), "attempts".into(), "sent (UTC)".into()]
        );
        assert_eq!(rows[1][0], Data::from("Asociación\n\"Pop No’j\""));
        assert_eq!(rows[1][1], Data::Float(2.0));
        assert!(matches!(&rows[1][2], Data::DateTime(t) if t.is_datetime()));
        assert_eq!(rows[2][..2], [Data::from("=1+1"), Data::Float(0.0)]);
        assert_eq!(rows[2][2], Data::Empty);
        let bold = |pos| {
            styles
                .get(pos)
                .and_then(|s| s.font.as_ref())
                .is_some_and(|f| f.is_bold())
        };
        assert!(bold((0, 0)) && bold((0, 2)));
        assert!(!bold((1, 0)));
    }

    #[test]
    fn a_cell_longer_than_excel_holds_is_cut_to_fit() {
        let long = "ñ".repeat(MAX_CELL_CHARS + 10);

        assert_eq!(fit(&long).chars().count(), MAX_CELL_CHARS);
        assert_eq!(fit("Agua Viva"), "Agua Viva");
        let mut sheet = Sheet::new(["comment"]);
        sheet.push(vec![Cell::text(long)]);
        assert!(sheet.to_xlsx().is_ok());
    }

    #[test]
    fn the_header_line_is_written_without_rows_too() {
        let csv = Sheet::new(["name"]).to_csv().expect("CSV");

        assert_eq!(csv, "\u{feff}name\r\n".as_bytes());
    }
}
