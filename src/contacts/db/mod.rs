//! Queries of the contacts area: saved lists and tags here, contacts in
//! `contacts.rs`, the multi-row writes of an import in `bulk.rs`.

mod bulk;
mod records;

use diesel::prelude::*;

pub use bulk::{NewTag, add_members, insert_contacts, insert_tags};
pub use records::*;

use crate::db::DbConn;
use crate::db::schema::{contact_list_members, contact_lists, contact_tags, contacts};

/// A saved list as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = contact_lists)]
pub struct StoredList {
    pub id: String,
    pub name: String,
    pub tags: String,
}

pub fn lists(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<StoredList>> {
    contact_lists::table
        .filter(contact_lists::coalition_id.eq(coalition_id))
        .order(contact_lists::name)
        .select(StoredList::as_select())
        .load(conn)
}

pub fn lists_by_id(
    conn: &mut DbConn,
    coalition_id: &str,
    ids: &[String],
) -> QueryResult<Vec<StoredList>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    contact_lists::table
        .filter(contact_lists::coalition_id.eq(coalition_id))
        .filter(contact_lists::id.eq_any(ids))
        .select(StoredList::as_select())
        .load(conn)
}

pub fn count_hand_picked(conn: &mut DbConn, list_id: &str) -> QueryResult<i64> {
    contact_list_members::table
        .filter(contact_list_members::list_id.eq(list_id))
        .count()
        .get_result(conn)
}

/// Contacts with any of `tags`.
pub fn count_tagged(conn: &mut DbConn, coalition_id: &str, tags: &[String]) -> QueryResult<i64> {
    contact_tags::table
        .filter(contact_tags::coalition_id.eq(coalition_id))
        .filter(contact_tags::tag.eq_any(tags))
        .select(diesel::dsl::count(contact_tags::contact_id).aggregate_distinct())
        .get_result(conn)
}

pub fn tag_counts(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<(String, i64)>> {
    contact_tags::table
        .filter(contact_tags::coalition_id.eq(coalition_id))
        .group_by(contact_tags::tag)
        .select((contact_tags::tag, diesel::dsl::count_star()))
        .load(conn)
}

/// Id, email, name and language of a mailing's recipients.
pub type Recipient = (String, String, String, Option<String>);

/// Contacts in any of the hand-picked lists or with any of the tags, not
/// marked do-not-contact, by address.
pub fn audience(
    conn: &mut DbConn,
    coalition_id: &str,
    hand_picked: &[String],
    tags: &[String],
    do_not_contact: bool,
) -> QueryResult<Vec<Recipient>> {
    let in_lists = contact_list_members::table
        .filter(contact_list_members::list_id.eq_any(hand_picked.to_vec()))
        .select(contact_list_members::contact_id);
    let tagged = contact_tags::table
        .filter(contact_tags::coalition_id.eq(coalition_id))
        .filter(contact_tags::tag.eq_any(tags.to_vec()))
        .select(contact_tags::contact_id);
    contacts::table
        .filter(contacts::coalition_id.eq(coalition_id))
        .filter(contacts::do_not_contact.eq(do_not_contact))
        .filter(
            contacts::id
                .eq_any(in_lists)
                .or(contacts::id.eq_any(tagged)),
        )
        .order(contacts::email_key)
        .select((
            contacts::id,
            contacts::email,
            contacts::name,
            contacts::language,
        ))
        .load(conn)
}

pub fn find_list(
    conn: &mut DbConn,
    coalition_id: &str,
    id: &str,
) -> QueryResult<Option<StoredList>> {
    contact_lists::table
        .filter(contact_lists::coalition_id.eq(coalition_id))
        .filter(contact_lists::id.eq(id))
        .select(StoredList::as_select())
        .first(conn)
        .optional()
}

pub fn list_name_taken(conn: &mut DbConn, coalition_id: &str, name: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        contact_lists::table
            .filter(contact_lists::coalition_id.eq(coalition_id))
            .filter(contact_lists::name.eq(name)),
    ))
    .get_result(conn)
}

pub fn insert_list(
    conn: &mut DbConn,
    coalition_id: &str,
    id: &str,
    name: &str,
    tags: &str,
) -> QueryResult<()> {
    diesel::insert_into(contact_lists::table)
        .values((
            contact_lists::id.eq(id),
            contact_lists::coalition_id.eq(coalition_id),
            contact_lists::name.eq(name),
            contact_lists::tags.eq(tags),
            contact_lists::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn delete_list(conn: &mut DbConn, coalition_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(
        contact_lists::table
            .filter(contact_lists::coalition_id.eq(coalition_id))
            .filter(contact_lists::id.eq(id)),
    )
    .execute(conn)
}

pub fn remove_members(
    conn: &mut DbConn,
    list_id: &str,
    contact_ids: &[String],
) -> QueryResult<usize> {
    diesel::delete(
        contact_list_members::table
            .filter(contact_list_members::list_id.eq(list_id))
            .filter(contact_list_members::contact_id.eq_any(contact_ids)),
    )
    .execute(conn)
}
