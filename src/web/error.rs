//! # Error policy
//!
//! - Queries (`db.rs` of each area) return diesel's `QueryResult`.
//! - Operations (`mod.rs` of each area) return a typed error of their area,
//!   built with `thiserror`, that says what went wrong in the user's terms.
//! - `anyhow` is used only in start-up, the command line and background jobs,
//!   where the error is reported, not matched on.
//! - HTTP handlers return [`WebError`], the one `ResponseError`: not found is
//!   404, bad input is 400/422 with the form shown again and the message next
//!   to the field (handlers render that page themselves), a missing right is
//!   403, a database that does not answer is 503 (the person can try again
//!   in a moment; [`WebError::unexpected`] sorts it out of the rest), and
//!   anything else unexpected is 500 with the detail in the log and a plain
//!   page for the person.
//! - No `unwrap()` or `expect()` outside tests and start-up.
//! - Every message a person sees says what happened and what to do next.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use super::layout;
use crate::i18n::{Lang, t};

/// The one error type that HTTP handlers return.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("the form's CSRF token is missing or wrong")]
    CsrfFailed,
    /// The database did not answer: no connection within the pool's wait,
    /// or one lost mid-request.
    #[error("the database is unavailable: {0:#}")]
    Unavailable(anyhow::Error),
    #[error(transparent)]
    Unexpected(anyhow::Error),
}

impl From<anyhow::Error> for WebError {
    fn from(error: anyhow::Error) -> Self {
        Self::unexpected(error)
    }
}

impl WebError {
    /// Wraps any unexpected error, keeping its detail for the log; an
    /// error that says the database is out of reach becomes
    /// [`WebError::Unavailable`].
    pub fn unexpected(error: impl Into<anyhow::Error>) -> Self {
        let error = error.into();
        if is_outage(&error) {
            Self::Unavailable(error)
        } else {
            Self::Unexpected(error)
        }
    }
}

/// Whether `error`, or an error it wraps, means the database cannot be
/// reached (as opposed to a query that failed).
fn is_outage(error: &anyhow::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    error.chain().any(|cause| {
        cause.is::<diesel::r2d2::PoolError>()
            || matches!(
                cause.downcast_ref::<crate::db::GroupCommitError>(),
                Some(crate::db::GroupCommitError::Unavailable(_))
            )
            || matches!(
                cause.downcast_ref::<Error>(),
                Some(Error::DatabaseError(
                    DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                    _
                ))
            )
    })
}

impl From<diesel::result::Error> for WebError {
    fn from(error: diesel::result::Error) -> Self {
        match error {
            diesel::result::Error::NotFound => Self::NotFound,
            other => Self::unexpected(other),
        }
    }
}

impl From<diesel::r2d2::PoolError> for WebError {
    fn from(error: diesel::r2d2::PoolError) -> Self {
        Self::unexpected(error)
    }
}

impl From<actix_web::error::BlockingError> for WebError {
    fn from(error: actix_web::error::BlockingError) -> Self {
        Self::unexpected(error)
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Forbidden | Self::CsrfFailed => StatusCode::FORBIDDEN,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Unexpected(error) => {
                tracing::error!(error = format!("{error:#}"), "request failed");
            }
            Self::Unavailable(error) => {
                tracing::warn!(error = format!("{error:#}"), "the database is unavailable");
            }
            _ => {}
        }
        let status = self.status_code();
        // An error never sees its request: the page is written in English
        // here and marked, and the error-page middleware writes it again in
        // the language of the request it answers.
        let lang = Lang::En;
        let message = match self {
            Self::BadRequest(message) => ErrorMessage::Given(message.clone()),
            Self::CsrfFailed => ErrorMessage::Key("error-page-csrf"),
            Self::Unavailable(_) => ErrorMessage::Key("error-page-unavailable"),
            _ => ErrorMessage::ForStatus,
        };
        let page = layout::error_page(lang, status, &message.text(lang, status));
        let mut response = HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(page.into_string());
        response.extensions_mut().insert(message);
        response
    }
}

/// What an error page says, kept on the response so that the page can be
/// written again in the language of the request.
#[derive(Debug, Clone)]
pub enum ErrorMessage {
    /// Written by the handler, already in the person's language.
    Given(String),
    /// A message id.
    Key(&'static str),
    /// The usual sentence for the status.
    ForStatus,
}

impl ErrorMessage {
    pub fn text(&self, lang: Lang, status: StatusCode) -> String {
        match self {
            Self::Given(message) => message.clone(),
            Self::Key(key) => t(lang, key),
            Self::ForStatus => layout::status_message(lang, status),
        }
    }
}
