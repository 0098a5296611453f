//! Reading an upload from the request: a file sent as multipart form data
//! (its CSRF token in the query string, checked by the access guard), or
//! text pasted in an urlencoded form.

use actix_web::{HttpMessage, HttpRequest, web};
use futures_util::StreamExt;

use super::{FileProblem, MAX_BYTES, decode};
use crate::web::upload::UploadProblem;

/// Largest pasted form read; bigger lists are uploaded as a file.
const PASTE_LIMIT: usize = 2 * 1024 * 1024;

async fn read_limited<S, E>(stream: S, limit: usize) -> Result<Vec<u8>, FileProblem>
where
    S: futures_util::Stream<Item = Result<web::Bytes, E>> + Unpin,
{
    crate::web::upload::read_limited(stream, limit)
        .await
        .map_err(|problem| match problem {
            UploadProblem::TooLarge => FileProblem::TooLarge,
            UploadProblem::Unreadable => FileProblem::Unreadable(0),
        })
}

/// The text of the file, or of the paste box when no file was chosen.
pub async fn text(req: &HttpRequest, payload: web::Payload) -> Result<String, FileProblem> {
    if req.content_type() == "application/x-www-form-urlencoded" {
        let body = read_limited(payload, PASTE_LIMIT).await?;
        let fields: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&body).map_err(|_| FileProblem::Unreadable(0))?;
        let pasted = fields.into_iter().find(|(k, _)| k == "csv").map(|(_, v)| v);
        return decode(pasted.unwrap_or_default().into_bytes());
    }
    let mut multipart = actix_multipart::Multipart::new(req.headers(), payload);
    let (mut file, mut pasted) = (Vec::new(), Vec::new());
    while let Some(field) = multipart.next().await {
        let field = field.map_err(|_| FileProblem::Unreadable(0))?;
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = read_limited(field, MAX_BYTES).await?;
        match name.as_str() {
            "file" => file = bytes,
            "csv" => pasted = bytes,
            _ => {}
        }
    }
    decode(if file.is_empty() { pasted } else { file })
}
