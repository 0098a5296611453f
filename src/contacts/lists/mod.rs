//! Saved lists: a named selection of contacts, either every contact with
//! any of some tags (kept as the tags, so it follows later tagging) or
//! contacts picked by hand on the contacts page.

pub mod routes;
mod views;

use diesel::QueryResult;

use super::db;
use super::fields::{self, Problem};
use super::search::{Filter, Page, Within};
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::Phrase;

/// A saved list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedList {
    pub id: String,
    pub name: String,
    /// Empty for a hand-picked list.
    pub tags: Vec<String>,
}

impl SavedList {
    pub fn is_hand_picked(&self) -> bool {
        self.tags.is_empty()
    }

    fn within(&self) -> Within {
        if self.is_hand_picked() {
            Within::HandPicked(self.id.clone())
        } else {
            Within::AnyTag(self.tags.clone())
        }
    }
}

/// Why a list could not be made or changed.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error("the name is missing or unusable")]
    Name(Problem),
    #[error("the tags are unusable")]
    Tags(Problem),
    #[error("another list has this name")]
    NameTaken,
    #[error("a list selected by tags cannot take contacts by hand")]
    NotHandPicked,
    #[error("no such list")]
    NotFound,
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

pub fn find_list(
    conn: &mut DbConn,
    coalition_id: &str,
    id: &str,
) -> QueryResult<Option<SavedList>> {
    Ok(
        db::find_list(conn, coalition_id, id)?.map(|stored| SavedList {
            tags: super::split_tags(&stored.tags),
            id: stored.id,
            name: stored.name,
        }),
    )
}

/// Saves a list: by the tags typed, or to fill by hand when none are.
pub fn create_list(
    conn: &mut DbConn,
    coalition_id: &str,
    actor: &Actor<'_>,
    name: &str,
    tags: &str,
) -> Result<String, ListError> {
    let name = fields::name(name).map_err(ListError::Name)?;
    let tags = fields::tags(tags).map_err(ListError::Tags)?;
    crate::db::transaction(conn, |conn| {
        if db::list_name_taken(conn, coalition_id, &name)? {
            return Err(ListError::NameTaken);
        }
        let id = crate::db::new_id();
        db::insert_list(conn, coalition_id, &id, &name, &tags.join(","))?;
        let summary = if tags.is_empty() {
            Phrase::new("audit-contact-list-create-by-hand").text("list", &name)
        } else {
            Phrase::new("audit-contact-list-create-by-tags")
                .text("list", &name)
                .text("tags", tags.join(", "))
        };
        audit::record(
            conn,
            coalition_id,
            actor,
            "contact-list.create",
            "contact-list",
            &id,
            &summary,
        )?;
        Ok(id)
    })
}

pub fn delete_list(
    conn: &mut DbConn,
    coalition_id: &str,
    actor: &Actor<'_>,
    id: &str,
) -> Result<(), ListError> {
    crate::db::transaction(conn, |conn| {
        let list = db::find_list(conn, coalition_id, id)?.ok_or(ListError::NotFound)?;
        db::delete_list(conn, coalition_id, id)?;
        let summary = Phrase::new("audit-contact-list-delete").text("list", &list.name);
        audit::record(
            conn,
            coalition_id,
            actor,
            "contact-list.delete",
            "contact-list",
            id,
            &summary,
        )?;
        Ok(())
    })
}

/// What is done to the members of a hand-picked list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberChange {
    /// Puts contacts of the coalition on the list.
    Add,
    /// Takes contacts off the list.
    Remove,
}

impl MemberChange {
    fn verb(self) -> &'static str {
        match self {
            Self::Add => "add",
            Self::Remove => "remove",
        }
    }
}

/// Changes who is on a hand-picked list; returns how many contacts were
/// added (those not on it yet) or removed (those that were on it).
pub fn change_members(
    conn: &mut DbConn,
    coalition_id: &str,
    actor: &Actor<'_>,
    list_id: &str,
    contact_ids: &[String],
    change: MemberChange,
) -> Result<usize, ListError> {
    crate::db::transaction(conn, |conn| {
        let list = find_list(conn, coalition_id, list_id)?.ok_or(ListError::NotFound)?;
        if !list.is_hand_picked() {
            return Err(ListError::NotHandPicked);
        }
        let changed = match change {
            MemberChange::Add => {
                let own = db::own_ids(conn, coalition_id, contact_ids)?;
                db::add_members(conn, list_id, &own)?
            }
            MemberChange::Remove => db::remove_members(conn, list_id, contact_ids)?,
        };
        audit::record(
            conn,
            coalition_id,
            actor,
            &format!("contact-list.{}", change.verb()),
            "contact-list",
            list_id,
            &Phrase::new(&format!("audit-contact-list-{}", change.verb()))
                .count("count", changed)
                .text("list", &list.name),
        )?;
        Ok(changed)
    })
}

/// One page of a list's members, narrowed by `filter` as on the contacts
/// page.
pub fn members(
    conn: &mut DbConn,
    coalition_id: &str,
    list: &SavedList,
    filter: &Filter,
) -> QueryResult<Page> {
    let filter = Filter {
        within: Some(list.within()),
        ..filter.clone()
    };
    super::contact::search(conn, coalition_id, &filter)
}
