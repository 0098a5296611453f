//! Files a coordinator uploads to import contacts or signatures, and the
//! import's preview applied as shown.

use std::time::Duration;

use super::app::eventually;
use super::coordinators::{Session, location};
use super::pages::hidden;

/// Uploads `csv` to the contacts at `base` of a coalition.
pub async fn upload_to(owner: &Session, base: &str, csv: &str) -> String {
    upload_file(owner, base, "list.csv", csv.as_bytes()).await
}

/// Uploads the bytes of a file named `name`; returns the preview's path.
pub async fn upload_file(owner: &Session, base: &str, name: &str, bytes: &[u8]) -> String {
    let response = owner
        .post_file(
            &format!("{base}/import"),
            "file",
            (name, "application/octet-stream"),
            bytes,
        )
        .await;
    assert_eq!(response.status(), 303, "the file is taken");
    location(&response)
}

/// Applies the import previewed at `preview_path` with `query` (the
/// mapping and other choices) as that preview shows it, and waits for it
/// to end.
pub async fn apply_as_shown(owner: &Session, preview_path: &str, query: &str) -> serde_json::Value {
    let (_, page) = owner.page(&format!("{preview_path}{query}")).await;
    let mut fields: Vec<(String, String)> = (0..20)
        .map(|i| format!("col{i}"))
        .chain(["mode".to_owned()])
        .filter_map(|name| hidden(&page, &name).map(|v| (name, v)))
        .collect();
    fields.push((
        "plan".into(),
        hidden(&page, "plan").expect("the plan's fingerprint"),
    ));
    let form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let response = owner.post(preview_path, &form).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), format!("{preview_path}/progress"));
    wait_for_import(owner, preview_path).await
}

/// Waits until the import has ended; returns its progress then.
pub async fn wait_for_import(owner: &Session, preview_path: &str) -> serde_json::Value {
    let progress = || async {
        let (_, json) = owner.page(&format!("{preview_path}/progress.json")).await;
        serde_json::from_str::<serde_json::Value>(&json).expect("JSON")
    };
    eventually("the import ends", Duration::from_secs(10), || async {
        progress().await["state"] != "running"
    })
    .await;
    progress().await
}

/// An XLSX workbook with `rows` on its first sheet, as Excel saves one.
pub fn xlsx_of(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (
                u32::try_from(r).expect("row"),
                u16::try_from(c).expect("col"),
            );
            sheet.write_string(r, c, *cell).expect("a cell");
        }
    }
    book.save_to_buffer().expect("an XLSX file")
}

/// An ODS spreadsheet with `rows`, as LibreOffice saves one.
pub fn ods_of(rows: &[&[&str]]) -> Vec<u8> {
    use std::io::Write;
    let rows: String = rows
        .iter()
        .map(|row| {
            let cells: String = row
                .iter()
                .map(|cell| {
                    format!("<table:table-cell office:value-type=\"string\"><text:p>{cell}</text:p></table:table-cell>")
                })
                .collect();
            format!("<table:table-row>{cells}</table:table-row>")
        })
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Hoja1\">{rows}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).expect("an entry");
        zip.write_all(text.as_bytes()).expect("written");
    }
    zip.finish().expect("an ODS file").into_inner()
}
