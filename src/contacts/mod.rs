//! Media contacts: the journalists a coalition mails its press releases to,
//! kept as a lasting asset of the coalition. Each contact has one address
//! per coalition (compared case-insensitively), tags, and a do-not-contact
//! mark that also puts the address on the coalition's suppression list.
//! Saved lists name a selection, by tags or by hand; the press area asks
//! [`audience`] for the people a mailing goes to.

mod contact;
mod db;
pub mod export;
pub mod fields;
pub mod import;
mod lists;
pub mod routes;
pub mod search;
mod views;

pub use views::reason_label;

use diesel::QueryResult;

use crate::db::DbConn;

pub use contact::{
    Contact, ContactError, ContactForm, Draft, Listed, create, delete, fill_search_keys, find,
    search, search_key, update,
};
pub use lists::{
    ListError, MemberChange, SavedList, change_members, create_list, delete_list, find_list,
    members as list_members,
};

/// A selection of contacts for a mailing: union of saved lists and tags.
///
/// `lists` holds list ids (as [`ListSummary::id`]), which survive a rename;
/// `tags` holds tags as [`tags`] returns them.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Selection {
    pub lists: Vec<String>,
    pub tags: Vec<String>,
}

/// One person a mailing goes to.
#[derive(Debug, Clone)]
pub struct AudienceMember {
    pub contact_id: String,
    pub email: String,
    pub name: String,
    pub language: Option<String>,
}

/// Contacts of the coalition in any of the lists or with any of the tags,
/// do-not-contact excluded, one per address, ordered by email_key.
///
/// A list selected by tags counts as its tags at the time of the call, so
/// a contact tagged after the list was saved is in it.
pub fn audience(
    conn: &mut DbConn,
    coalition_id: &str,
    selection: &Selection,
) -> QueryResult<Vec<AudienceMember>> {
    selected(conn, coalition_id, selection, false)
}

/// The contacts marked do-not-contact that `selection` would otherwise
/// reach: what a mailing leaves out for that reason.
pub fn held_back(
    conn: &mut DbConn,
    coalition_id: &str,
    selection: &Selection,
) -> QueryResult<Vec<AudienceMember>> {
    selected(conn, coalition_id, selection, true)
}

fn selected(
    conn: &mut DbConn,
    coalition_id: &str,
    selection: &Selection,
    do_not_contact: bool,
) -> QueryResult<Vec<AudienceMember>> {
    let mut tags: Vec<String> = selection.tags.clone();
    let mut hand_picked = Vec::new();
    for list in db::lists_by_id(conn, coalition_id, &selection.lists)? {
        match split_tags(&list.tags) {
            list_tags if list_tags.is_empty() => hand_picked.push(list.id),
            list_tags => tags.extend(list_tags),
        }
    }
    if tags.is_empty() && hand_picked.is_empty() {
        return Ok(Vec::new());
    }
    let rows = db::audience(conn, coalition_id, &hand_picked, &tags, do_not_contact)?;
    Ok(rows
        .into_iter()
        .map(|(contact_id, email, name, language)| AudienceMember {
            contact_id,
            email,
            name,
            language,
        })
        .collect())
}

/// What the coalition's mailings did with a contact's address.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// The latest mailings it received, newest first.
    pub received: Vec<crate::mail::Received>,
    pub suppression: Option<crate::suppressions::Suppression>,
}

pub fn history(conn: &mut DbConn, coalition_id: &str, email: &str) -> QueryResult<History> {
    Ok(History {
        received: crate::mail::received_by(conn, coalition_id, email)?,
        suppression: crate::suppressions::find(conn, coalition_id, email)?,
    })
}

/// A saved list, with the number of contacts it selects now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListSummary {
    pub id: String,
    pub name: String,
    /// Every contact the list selects, do-not-contact included (the
    /// mailing counts those as suppressed).
    pub members: i64,
}

/// The coalition's saved lists, by name.
pub fn lists(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<ListSummary>> {
    let mut summaries = Vec::new();
    for list in db::lists(conn, coalition_id)? {
        let members = match split_tags(&list.tags) {
            tags if tags.is_empty() => db::count_hand_picked(conn, &list.id)?,
            tags => db::count_tagged(conn, coalition_id, &tags)?,
        };
        summaries.push(ListSummary {
            id: list.id,
            name: list.name,
            members,
        });
    }
    Ok(summaries)
}

/// The coalition's saved lists with their selections, by name.
pub fn saved_lists(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<SavedList>> {
    Ok(db::lists(conn, coalition_id)?
        .into_iter()
        .map(|l| SavedList {
            tags: split_tags(&l.tags),
            id: l.id,
            name: l.name,
        })
        .collect())
}

/// Every tag in use with its number of contacts, alphabetical.
pub fn tags(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<(String, i64)>> {
    let mut tags = db::tag_counts(conn, coalition_id)?;
    tags.sort_by(|a, b| crate::i18n::compare(&a.0, &b.0, "en"));
    Ok(tags)
}

/// The tags of a tag list as stored: comma-separated, '' for a hand-picked
/// list.
fn split_tags(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}
