//! Exports: the signatures (CSV, XLSX and JSON, with where each signature
//! came from), the contacts and a mailing's delivery log (CSV and XLSX),
//! each opening cleanly in a spreadsheet.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use undersigned::export::neutralize;

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::{OWNER_NAME, Session};
use crate::support::press::{create_release, send_to_tag};
use crate::support::signatures::signatures_path;
use crate::support::signatures::{csv_rows, moderate};
use crate::support::signers::{SignOnForm, open_statement, sign_and_confirm};

const FORMULAS: [&str; 3] = ["=HYPERLINK(\"http://x\")", "+1", "@x"];

/// A statement needing approval with three approved signatures named like
/// spreadsheet formulas; the first signer writes from the website's domain.
async fn approved_formulas(app: &TestApp) -> (Session, String) {
    let (owner, statement) = open_statement(app, &[("requires_approval", "on")]).await;
    let mut ids = Vec::new();
    for (i, name) in FORMULAS.iter().enumerate() {
        let email = if i == 0 {
            "ana@formula.example".to_owned()
        } else {
            format!("signer{i}@mail.example")
        };
        let form = SignOnForm::organization(name, &email).with("website", "www.formula.example");
        ids.push(sign_and_confirm(app, &form).await);
    }
    let mut fields: Vec<(&str, &str)> = ids.iter().map(|id| ("id", id.as_str())).collect();
    fields.push(("action", "approve"));
    let approved = moderate(&owner, &statement, &fields).await;
    assert_eq!(approved.status(), 303);
    (owner, statement)
}

#[tokio::test]
async fn the_csv_export_turns_formulas_into_text() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = approved_formulas(&app).await;

    // Act
    let (content_type, rows) = csv_rows(&owner, &statement).await;

    // Assert
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let mut names: Vec<&str> = rows.iter().map(|r| r["name"].as_str()).collect();
    names.sort();
    let mut expected: Vec<String> = FORMULAS.iter().map(|f| format!("'{f}")).collect();
    expected.sort();
    assert_eq!(names, expected);
    assert!(rows.iter().all(|r| r["entered_name"].starts_with('\'')));
}

#[tokio::test]
async fn the_csv_export_has_the_provenance_of_each_signature() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = approved_formulas(&app).await;

    // Act
    let (_, rows) = csv_rows(&owner, &statement).await;

    // Assert
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert!(!row["confirmed_at (UTC)"].is_empty(), "{row:?}");
        assert_eq!(row["revision"], "1");
        assert_eq!(row["authorized_to_sign"], "true");
        assert_eq!(row["approved_by"], OWNER_NAME);
        assert_eq!(row["status"], "approved");
        assert_eq!(row["added_by_coordinator"], "false");
        assert_eq!(row["source"], "form");
    }
    let matches: HashMap<&str, &str> = rows
        .iter()
        .map(|r| {
            (
                r["email"].as_str(),
                r["email_domain_matches_website"].as_str(),
            )
        })
        .collect();
    assert_eq!(matches["ana@formula.example"], "true");
    assert_eq!(matches["signer1@mail.example"], "false");
}

#[tokio::test]
async fn the_json_export_has_the_same_signatures_and_provenance() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = approved_formulas(&app).await;

    // Act
    let response = owner
        .get(&format!("{}.json", signatures_path(&statement)))
        .await;
    let status = response.status();
    let json: serde_json::Value =
        serde_json::from_str(&response.text().await.expect("body")).expect("JSON");

    // Assert
    assert_eq!(status, 200);
    assert_eq!(json["statement"], crate::support::signers::SLUG);
    let signatures = json["signatures"].as_array().expect("a list");
    assert_eq!(signatures.len(), 3);
    let ana = signatures
        .iter()
        .find(|s| s["email"] == "ana@formula.example")
        .expect("Ana's signature");
    assert_eq!(ana["entered_name"], FORMULAS[0]);
    assert_eq!(ana["revision"], "1");
    assert_eq!(ana["authorized_to_sign"], true);
    assert_eq!(ana["email_domain_matches_website"], true);
    assert_eq!(ana["approved_by"], OWNER_NAME);
    assert_eq!(ana["added_by_coordinator"], false);
    assert!(ana["confirmed_at"].as_str().is_some_and(|t| !t.is_empty()));
}

const TWO_LINES: &str = "first line\nsecond line";

/// Where each export is, without its extension: a statement's signatures,
/// the contacts and a mailing's delivery log. Each holds a value named
/// like a formula; the signature and the contact have a note on two lines
/// and the contact a phone number that looks like a number.
async fn one_of_each(app: &TestApp) -> (Session, [String; 3]) {
    let (owner, statement) = open_statement(app, &[]).await;
    let form = SignOnForm::organization("=1+1", "ana@agua.example").with("comment", TWO_LINES);
    sign_and_confirm(app, &form).await;
    let contacts = "/c/clean-water-coalition/contacts";
    let contact = owner
        .post(
            &format!("{contacts}/new"),
            &[
                ("email", "joe@news.example"),
                ("name", "=1+1"),
                ("phone", "+52 55 1234 5678"),
                ("notes", TWO_LINES),
                ("tags", "press"),
            ],
        )
        .await;
    assert_eq!(contact.status(), 303, "the contact is created");
    let release = create_release(&owner, "Water is a right", "").await;
    let mailing = send_to_tag(&owner, &release, "press").await;
    app.wait_for_mailings().await;
    let stems = [
        signatures_path(&statement),
        format!("{contacts}/export"),
        format!("{mailing}/log"),
    ];
    (owner, stems)
}

/// A download: its content type, its Content-Disposition and its bytes.
async fn download(owner: &Session, path: &str) -> (String, String, Vec<u8>) {
    let response = owner.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let header = |name| crate::support::app::header_of(&response, name);
    let (content_type, disposition) = (
        header(reqwest::header::CONTENT_TYPE),
        header(reqwest::header::CONTENT_DISPOSITION),
    );
    let body = response.bytes().await.expect("body").to_vec();
    (content_type, disposition, body)
}

/// The CSV export at `stem.csv`, its byte-order mark removed, and its cells.
async fn csv_cells(owner: &Session, stem: &str) -> (String, Vec<Vec<String>>) {
    let (_, _, body) = download(owner, &format!("{stem}.csv")).await;
    let text = String::from_utf8(body).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let cells = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("a row").iter().map(str::to_owned).collect())
        .collect();
    (text.to_owned(), cells)
}

/// The first sheet of the XLSX export at `stem.xlsx`, and its formulas.
async fn xlsx_sheet(owner: &Session, stem: &str) -> (Vec<Vec<Data>>, Vec<String>) {
    let (_, _, body) = download(owner, &format!("{stem}.xlsx")).await;
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(body)).expect("XLSX");
    let name = workbook.sheet_names().first().cloned().expect("a sheet");
    let range = workbook.worksheet_range(&name).expect("the sheet");
    let formulas = workbook.worksheet_formula(&name).expect("its formulas");
    let rows = range.rows().map(<[Data]>::to_vec).collect();
    let formulas = formulas.used_cells().map(|(_, _, f)| f.clone()).collect();
    (rows, formulas)
}

/// A cell as the CSV writes it: times to the second, in UTC.
fn as_csv(cell: &Data) -> String {
    match cell {
        Data::DateTime(time) => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .expect("Excel's epoch");
            let seconds = (time.as_f64() * 86_400.0).round() as i64;
            (epoch + chrono::Duration::seconds(seconds))
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        }
        Data::Float(n) => format!("{n}"),
        other => neutralize(&other.to_string()),
    }
}

#[tokio::test]
async fn every_csv_export_starts_with_a_byte_order_mark_and_ends_its_lines_with_crlf() {
    // Arrange
    let app = spawn_app().await;
    let (owner, stems) = one_of_each(&app).await;

    for stem in &stems {
        // Act
        let (content_type, disposition, body) = download(&owner, &format!("{stem}.csv")).await;
        let (text, cells) = csv_cells(&owner, stem).await;

        // Assert
        assert_eq!(content_type, "text/csv; charset=utf-8", "{stem}");
        assert!(
            disposition.starts_with("attachment; filename=\""),
            "{disposition}"
        );
        assert!(disposition.ends_with(".csv\""), "{disposition}");
        assert!(body.starts_with("\u{feff}".as_bytes()), "{stem}");
        assert!(cells.len() >= 2, "a header and a row: {text:?}");
        assert!(text.ends_with("\r\n"), "{text:?}");
        assert_eq!(
            text.matches("\r\n").count(),
            cells.len(),
            "one CRLF ends each line, none inside a cell: {text:?}"
        );
    }
    for stem in &stems[..2] {
        let (text, cells) = csv_cells(&owner, stem).await;
        assert!(
            cells.iter().flatten().any(|cell| cell == TWO_LINES),
            "the note on two lines reads back: {text:?}"
        );
    }
}

#[tokio::test]
async fn each_xlsx_export_reads_back_with_the_cells_of_its_csv() {
    // Arrange
    let app = spawn_app().await;
    let (owner, stems) = one_of_each(&app).await;

    for stem in &stems {
        // Act
        let (content_type, disposition, _) = download(&owner, &format!("{stem}.xlsx")).await;
        let (_, csv) = csv_cells(&owner, stem).await;
        let (xlsx, formulas) = xlsx_sheet(&owner, stem).await;

        // Assert
        assert_eq!(
            content_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert!(disposition.ends_with(".xlsx\""), "{disposition}");
        let xlsx: Vec<Vec<String>> = xlsx
            .iter()
            .map(|row| row.iter().map(as_csv).collect())
            .collect();
        assert_eq!(xlsx, csv, "{stem}");
        assert!(formulas.is_empty(), "{formulas:?}");
    }
}

#[tokio::test]
async fn the_xlsx_exports_hold_times_as_dates_and_every_typed_value_as_text() {
    // Arrange
    let app = spawn_app().await;
    let (owner, stems) = one_of_each(&app).await;

    for (stem, time_column) in
        stems
            .iter()
            .zip(["signed_at (UTC)", "created (UTC)", "Sent at (UTC)"])
    {
        // Act
        let (sheet, _) = xlsx_sheet(&owner, stem).await;

        // Assert
        let headers: Vec<String> = sheet[0].iter().map(ToString::to_string).collect();
        let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
        let row = &sheet[1];
        assert!(
            matches!(&row[column(time_column)], Data::DateTime(t) if t.is_datetime()),
            "{stem}: {row:?}"
        );
        let name = if stem.ends_with("/log") {
            "Name"
        } else {
            "name"
        };
        assert_eq!(row[column(name)], Data::String("=1+1".into()), "{stem}");
    }
    let (contacts, _) = xlsx_sheet(&owner, &stems[1]).await;
    assert!(contacts[1].contains(&Data::String("+52 55 1234 5678".into())));
}
