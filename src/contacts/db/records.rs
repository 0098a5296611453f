//! Queries on the contacts themselves and their tags.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::contacts::search::{Filter, Within};
use crate::db::schema::{contact_list_members, contact_tags, contacts};
use crate::db::{DbConn, like, lower};

/// A contact as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = contacts)]
pub struct Contact {
    pub id: String,
    pub coalition_id: String,
    pub email: String,
    pub email_key: String,
    pub name: String,
    pub phone: Option<String>,
    pub outlet: Option<String>,
    pub role: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub notes: Option<String>,
    pub do_not_contact: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A new contact row: its fields as an edit would set them. `None` is
/// stored as NULL, which also lets SQLite take many rows in one statement.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = contacts, treat_none_as_default_value = false)]
pub struct NewContact<'a> {
    pub id: String,
    pub coalition_id: &'a str,
    #[diesel(embed)]
    pub fields: Edit<'a>,
    pub created_at: NaiveDateTime,
}

/// Every field of an edited contact; `None` clears the field.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(
    table_name = contacts,
    treat_none_as_null = true,
    treat_none_as_default_value = false
)]
pub struct Edit<'a> {
    pub email: &'a str,
    pub email_key: String,
    pub name: &'a str,
    pub phone: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub role: Option<&'a str>,
    pub country: Option<&'a str>,
    pub language: Option<&'a str>,
    pub notes: Option<&'a str>,
    pub do_not_contact: bool,
    pub updated_at: NaiveDateTime,
    pub search_key: String,
}

/// What an imported row changes on a contact it updates: only the cells
/// that hold something (`None` leaves the stored value).
#[derive(Debug, AsChangeset)]
#[diesel(table_name = contacts)]
pub struct Fill<'a> {
    pub name: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub role: Option<&'a str>,
    pub country: Option<&'a str>,
    pub language: Option<&'a str>,
    pub notes: Option<&'a str>,
    /// Only ever `Some(true)`: an import marks, never unmarks.
    pub do_not_contact: Option<bool>,
    pub updated_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConn, coalition_id: &str, id: &str) -> QueryResult<Option<Contact>> {
    contacts::table
        .filter(contacts::coalition_id.eq(coalition_id))
        .filter(contacts::id.eq(id))
        .select(Contact::as_select())
        .first(conn)
        .optional()
}

pub fn id_for_key(conn: &mut DbConn, coalition_id: &str, key: &str) -> QueryResult<Option<String>> {
    contacts::table
        .filter(contacts::coalition_id.eq(coalition_id))
        .filter(contacts::email_key.eq(key))
        .select(contacts::id)
        .first(conn)
        .optional()
}

/// Address key to contact id, for every contact of the coalition.
pub fn keys(conn: &mut DbConn, coalition_id: &str) -> QueryResult<HashMap<String, String>> {
    let rows: Vec<(String, String)> = contacts::table
        .filter(contacts::coalition_id.eq(coalition_id))
        .select((contacts::email_key, contacts::id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

pub fn insert(conn: &mut DbConn, row: &NewContact<'_>) -> QueryResult<()> {
    diesel::insert_into(contacts::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn update(conn: &mut DbConn, id: &str, edit: &Edit<'_>) -> QueryResult<usize> {
    diesel::update(contacts::table.find(id))
        .set(edit)
        .execute(conn)
}

pub fn fill(conn: &mut DbConn, id: &str, fill: &Fill<'_>) -> QueryResult<usize> {
    diesel::update(contacts::table.find(id))
        .set(fill)
        .execute(conn)
}

/// Name, address and outlet: what a contact's search key is made of.
pub fn search_fields(
    conn: &mut DbConn,
    id: &str,
) -> QueryResult<Option<(String, String, Option<String>)>> {
    contacts::table
        .find(id)
        .select((contacts::name, contacts::email, contacts::outlet))
        .first(conn)
        .optional()
}

/// A contact without a search key: id, name, address, outlet.
pub type UnkeyedRow = (String, String, String, Option<String>);

/// Up to `limit` contacts stored before search keys existed (their key is
/// empty).
pub fn unkeyed(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<UnkeyedRow>> {
    contacts::table
        // A literal, so that the partial index `contacts_unkeyed` serves it.
        .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "contacts.search_key = ''",
        ))
        .select((
            contacts::id,
            contacts::name,
            contacts::email,
            contacts::outlet,
        ))
        .limit(limit)
        .load(conn)
}

pub fn set_search_key(conn: &mut DbConn, id: &str, key: &str) -> QueryResult<usize> {
    diesel::update(contacts::table.find(id))
        .set(contacts::search_key.eq(key))
        .execute(conn)
}

pub fn delete(conn: &mut DbConn, coalition_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(
        contacts::table
            .filter(contacts::coalition_id.eq(coalition_id))
            .filter(contacts::id.eq(id)),
    )
    .execute(conn)
}

pub fn tags_of(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<(String, String)>> {
    contact_tags::table
        .filter(contact_tags::contact_id.eq_any(ids))
        .order((contact_tags::contact_id, contact_tags::tag))
        .select((contact_tags::contact_id, contact_tags::tag))
        .load(conn)
}

/// Every tag of every contact of the coalition, for the export.
pub fn all_tags(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<(String, String)>> {
    contact_tags::table
        .filter(contact_tags::coalition_id.eq(coalition_id))
        .order((contact_tags::contact_id, contact_tags::tag))
        .select((contact_tags::contact_id, contact_tags::tag))
        .load(conn)
}

pub fn clear_tags(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(contact_tags::table.filter(contact_tags::contact_id.eq(id))).execute(conn)
}

/// Of `ids`, those that are contacts of the coalition.
pub fn own_ids(conn: &mut DbConn, coalition_id: &str, ids: &[String]) -> QueryResult<Vec<String>> {
    contacts::table
        .filter(contacts::coalition_id.eq(coalition_id))
        .filter(contacts::id.eq_any(ids))
        .select(contacts::id)
        .load(conn)
}

type Boxed<'a> = contacts::BoxedQuery<'a, <DbConn as diesel::Connection>::Backend>;

/// The contacts of the coalition that match `filter`, not yet paged.
fn matching<'a>(coalition_id: &'a str, filter: &'a Filter) -> Boxed<'a> {
    let mut query = contacts::table
        .filter(contacts::coalition_id.eq(coalition_id))
        .into_boxed();
    let q = crate::text::search_fold(&filter.q);
    if !q.is_empty() {
        query = query.filter(contacts::search_key.like(like(&q)).escape('\\'));
    }
    if !filter.outlet.trim().is_empty() {
        query = query.filter(
            lower(contacts::outlet.assume_not_null())
                .like(like(&filter.outlet))
                .escape('\\'),
        );
    }
    if !filter.tag.trim().is_empty() {
        let tagged = contact_tags::table
            .filter(contact_tags::coalition_id.eq(coalition_id))
            .filter(contact_tags::tag.eq(filter.tag.trim().to_lowercase()))
            .select(contact_tags::contact_id);
        query = query.filter(contacts::id.eq_any(tagged));
    }
    if !filter.country.trim().is_empty() {
        query = query.filter(contacts::country.eq(filter.country.trim().to_uppercase()));
    }
    if !filter.language.trim().is_empty() {
        let language = crate::contacts::fields::language(&filter.language)
            .ok()
            .flatten()
            .unwrap_or_else(|| filter.language.trim().to_owned());
        query = query.filter(contacts::language.eq(language));
    }
    match &filter.within {
        Some(Within::HandPicked(list_id)) => {
            let members = contact_list_members::table
                .filter(contact_list_members::list_id.eq(list_id))
                .select(contact_list_members::contact_id);
            query = query.filter(contacts::id.eq_any(members));
        }
        Some(Within::AnyTag(tags)) => {
            let tagged = contact_tags::table
                .filter(contact_tags::coalition_id.eq(coalition_id))
                .filter(contact_tags::tag.eq_any(tags))
                .select(contact_tags::contact_id);
            query = query.filter(contacts::id.eq_any(tagged));
        }
        None => {}
    }
    query
}

pub fn count(conn: &mut DbConn, coalition_id: &str, filter: &Filter) -> QueryResult<i64> {
    matching(coalition_id, filter).count().get_result(conn)
}

/// One page in (name, id) order, after the contact `after` when given: a
/// keyset page, as fast on the last page of 50,000 contacts as on the first.
pub fn page(
    conn: &mut DbConn,
    coalition_id: &str,
    filter: &Filter,
    after: Option<(String, String)>,
    limit: i64,
) -> QueryResult<Vec<Contact>> {
    let mut query = matching(coalition_id, filter);
    if let Some((name, id)) = after {
        query = query.filter(
            contacts::name
                .gt(name.clone())
                .or(contacts::name.eq(name).and(contacts::id.gt(id))),
        );
    }
    query
        .order((contacts::name, contacts::id))
        .limit(limit)
        .select(Contact::as_select())
        .load(conn)
}

/// Every matching contact, for the export.
pub fn all(conn: &mut DbConn, coalition_id: &str, filter: &Filter) -> QueryResult<Vec<Contact>> {
    matching(coalition_id, filter)
        .order((contacts::name, contacts::id))
        .select(Contact::as_select())
        .load(conn)
}

/// The name and id a page starts after, from the contact id in the link.
pub fn cursor(
    conn: &mut DbConn,
    coalition_id: &str,
    id: &str,
) -> QueryResult<Option<(String, String)>> {
    contacts::table
        .filter(contacts::coalition_id.eq(coalition_id))
        .filter(contacts::id.eq(id))
        .select((contacts::name, contacts::id))
        .first(conn)
        .optional()
}
