use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Cursor, Kind, NewSignature, Status};
use crate::db::DbConn;
use crate::db::schema::signatures;

/// A name on the public list.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = signatures)]
pub struct Listed {
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
    pub country: Option<String>,
    pub affiliation: Option<String>,
    pub city: Option<String>,
    pub list_key: String,
    pub confirmed_at: Option<NaiveDateTime>,
    pub revision_id: Option<String>,
}

impl Listed {
    /// The name as shown: the coordinator's correction, or as typed.
    pub fn shown_name(&self) -> &str {
        self.display_name.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = signatures)]
pub struct PlacementRow {
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
    pub country: Option<String>,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub manual_position: Option<i32>,
    pub list_key: String,
}

pub fn insert(
    conn: &mut DbConn,
    statement_id: &str,
    s: &NewSignature,
    listed: bool,
    list_key: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let id = crate::db::new_id();
    diesel::insert_into(signatures::table)
        .values((
            signatures::id.eq(&id),
            signatures::statement_id.eq(statement_id),
            signatures::kind.eq(s.kind.as_str()),
            signatures::name.eq(&s.name),
            signatures::country.eq(s.country.as_ref().map(|c| c.as_str().to_owned())),
            signatures::website.eq(&s.website),
            signatures::affiliation.eq(&s.affiliation),
            signatures::city.eq(&s.city),
            signatures::signer_name.eq(&s.signer_name),
            signatures::signer_title.eq(&s.signer_title),
            signatures::email.eq(&s.email),
            signatures::status.eq(s.status.as_str()),
            signatures::source.eq(s.source.as_str()),
            signatures::listed.eq(listed),
            signatures::list_key.eq(list_key),
            signatures::revision_id.eq(&s.revision_id),
            signatures::created_at.eq(now),
            signatures::confirmed_at.eq(s.confirmed_at),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn placements(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<PlacementRow>> {
    signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .select(PlacementRow::as_select())
        .load(conn)
}

pub fn set_list_key(conn: &mut DbConn, id: &str, key: &str) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set(signatures::list_key.eq(key))
        .execute(conn)
}

pub fn count_listed(conn: &mut DbConn, statement_id: &str, kind: Kind) -> QueryResult<i64> {
    signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .filter(signatures::listed.eq(true))
        .filter(signatures::kind.eq(kind.as_str()))
        .count()
        .get_result(conn)
}

pub fn page(
    conn: &mut DbConn,
    statement_id: &str,
    kind: Kind,
    after: Option<&Cursor>,
    limit: i64,
) -> QueryResult<Vec<Listed>> {
    let mut query = signatures::table
        .filter(signatures::statement_id.eq(statement_id.to_owned()))
        .filter(signatures::listed.eq(true))
        .filter(signatures::kind.eq(kind.as_str()))
        .into_boxed();
    if let Some(cursor) = after {
        query = query.filter(
            signatures::list_key
                .gt(cursor.key.clone())
                .or(signatures::list_key
                    .eq(cursor.key.clone())
                    .and(signatures::id.gt(cursor.id.clone()))),
        );
    }
    query
        .order((signatures::list_key, signatures::id))
        .limit(limit)
        .select(Listed::as_select())
        .load(conn)
}

pub fn counts_by_status(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<(String, i64)>> {
    signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .group_by(signatures::status)
        .select((signatures::status, diesel::dsl::count_star()))
        .load(conn)
}

#[derive(QueryableByName)]
struct DayCount {
    #[diesel(sql_type = diesel::sql_types::Text)]
    day: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

pub fn confirmations_per_day(
    conn: &mut DbConn,
    statement_id: &str,
    since: NaiveDateTime,
) -> QueryResult<Vec<(String, i64)>> {
    use diesel::sql_types::{Text, Timestamp};
    let (first, second) = match conn {
        DbConn::Postgres(_) => ("$1", "$2"),
        DbConn::Sqlite(_) => ("?", "?"),
    };
    let sql = format!(
        "SELECT substr(CAST(confirmed_at AS TEXT), 1, 10) AS day, COUNT(*) AS n FROM signatures \
         WHERE statement_id = {first} AND confirmed_at >= {second} AND status IN ('{}', '{}') \
         GROUP BY substr(CAST(confirmed_at AS TEXT), 1, 10) ORDER BY day",
        Status::Confirmed.as_str(),
        Status::Approved.as_str(),
    );
    let rows: Vec<DayCount> = diesel::sql_query(sql)
        .bind::<Text, _>(statement_id)
        .bind::<Timestamp, _>(since)
        .load(conn)?;
    Ok(rows.into_iter().map(|r| (r.day, r.n)).collect())
}
