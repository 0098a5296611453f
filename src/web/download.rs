//! Exports sent as files to download, in each spreadsheet format.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::export::Sheet;
use crate::web::error::WebError;

/// The formats every export of rows is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    Csv,
    Xlsx,
}

impl SheetFormat {
    fn extension(self) -> &'static str {
        match self {
            SheetFormat::Csv => "csv",
            SheetFormat::Xlsx => "xlsx",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            SheetFormat::Csv => "text/csv; charset=utf-8",
            SheetFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }
}

/// `sheet` as an attachment named `{stem}.csv` or `{stem}.xlsx`. A sheet
/// of many rows takes a while to write, so it is written off the thread
/// that serves requests.
pub async fn sheet(
    sheet: Sheet,
    format: SheetFormat,
    stem: &str,
) -> Result<HttpResponse, WebError> {
    let body = web::block(move || match format {
        SheetFormat::Csv => sheet.to_csv().map_err(WebError::unexpected),
        SheetFormat::Xlsx => sheet.to_xlsx().map_err(WebError::unexpected),
    })
    .await??;
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{stem}.{}\"", format.extension()),
        ))
        .body(body))
}
