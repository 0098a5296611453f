//! What the statement pages and operations need from the sign-on list. The
//! list is kept by the signatures area, which sits above this one and reads
//! statements; it hands these operations in at start-up as app data, so a
//! statement never reaches up into it.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::QueryResult;

use super::{ChangeKind, Draft, Saved, Statement, StatementError, Version};
use crate::db::DbConn;
use crate::identity::Coordinator;
use crate::web::AppState;

/// An edit to save as a revision of one language version.
pub struct Edit {
    pub statement: Statement,
    pub version: Version,
    pub author: Coordinator,
    pub draft: Draft,
    /// Editorial or material; `None` while the statement is a draft.
    pub kind: Option<ChangeKind>,
    /// What happens to signers asked to consent again: the form's value.
    pub pending: String,
    /// The revision the edit started from.
    pub base: i32,
}

/// The list's figures on a statement's dashboard.
pub struct Summary {
    /// Signatures per state: the state's name in the coordinator's
    /// language, and how many.
    pub counts: Vec<(String, i64)>,
    /// Confirmations per day since the day asked for.
    pub per_day: Vec<(NaiveDate, i64)>,
    /// How often this coordinator gets a digest of new signatures.
    pub digest: String,
}

/// The operations, as the signatures area provides them.
#[derive(Clone, Copy)]
pub struct SignOnList {
    /// Sorts a statement's list again, in the caller's transaction, after
    /// its list order or its language changed.
    pub rekey: fn(&mut DbConn, &str) -> QueryResult<()>,
    /// Saves an edit, and after a material change asks the signers to
    /// consent to the new text, all in one transaction.
    pub revise: fn(&mut DbConn, &AppState, Edit) -> Result<Saved, StatementError>,
    /// The dashboard's figures of a statement's list for a coordinator
    /// reading in `lang`, counting confirmations since a moment.
    pub summary:
        fn(&mut DbConn, &str, &str, crate::i18n::Lang, NaiveDateTime) -> QueryResult<Summary>,
}
