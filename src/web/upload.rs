//! Reading request bodies and uploaded files with a size limit, so that a
//! large upload is refused as it arrives instead of filling memory.

use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadProblem {
    /// More than the limit arrived.
    TooLarge,
    /// The body or a part of it could not be read.
    Unreadable,
}

/// Every byte of `stream`, or [`UploadProblem::TooLarge`] as soon as more
/// than `limit` arrive.
pub async fn read_limited<S, E>(mut stream: S, limit: usize) -> Result<Vec<u8>, UploadProblem>
where
    S: futures_util::Stream<Item = Result<web::Bytes, E>> + Unpin,
{
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| UploadProblem::Unreadable)?;
        if bytes.len() + chunk.len() > limit {
            return Err(UploadProblem::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// The file sent as the multipart field `name` (empty when none was
/// chosen); other fields are read past.
pub async fn file_field(
    req: &HttpRequest,
    payload: web::Payload,
    name: &str,
    limit: usize,
) -> Result<Vec<u8>, UploadProblem> {
    let mut multipart = actix_multipart::Multipart::new(req.headers(), payload);
    let mut file = Vec::new();
    while let Some(field) = multipart.next().await {
        let field = field.map_err(|_| UploadProblem::Unreadable)?;
        let this = field.name() == Some(name);
        let bytes = read_limited(field, limit).await?;
        if this {
            file = bytes;
        }
    }
    Ok(file)
}
