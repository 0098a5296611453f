use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Cursor, Kind, NewSignature, Source, Status};
use crate::db::schema::{sign_invitations, signatures};
use crate::db::{DbConn, like};

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
    pub reconsent_revision_id: Option<String>,
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
            signatures::dedupe_key.eq(super::normalize::dedupe_key(&s.name)),
            signatures::search_key.eq(super::normalize::search_key(
                &s.name,
                None,
                s.signer_name.as_deref(),
                &s.email,
            )),
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

/// A signature as the coordinator and the signer's own pages see it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = signatures)]
pub struct Signature {
    pub id: String,
    pub statement_id: String,
    pub kind: Kind,
    pub name: String,
    pub display_name: Option<String>,
    pub country: Option<String>,
    pub website: Option<String>,
    pub affiliation: Option<String>,
    pub city: Option<String>,
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
    pub email: String,
    pub status: Status,
    pub source: Source,
    pub listed: bool,
    pub list_key: String,
    pub manual_position: Option<i32>,
    pub revision_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub approved_at: Option<NaiveDateTime>,
    pub approved_by: Option<String>,
    pub withdrawn_at: Option<NaiveDateTime>,
    pub comment: Option<String>,
    pub authorized: bool,
    pub dedupe_key: String,
    pub website_domain: Option<String>,
    pub domain_matches: bool,
    pub hidden_until_reconsent: bool,
    pub reconsent_revision_id: Option<String>,
    pub merged_into: Option<String>,
    pub manage_version: i32,
    pub pending_email: Option<String>,
    pub language: String,
    pub invitation_id: Option<String>,
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Signature>> {
    signatures::table
        .find(id)
        .select(Signature::as_select())
        .first(conn)
        .optional()
}

/// `signatures.email <> ''`, the predicate of the partial unique index
/// `signatures_statement_email`, as a literal. Without it in the query (or
/// with '' as a bound parameter) SQLite and PostgreSQL's generic plans may
/// not use that index, and an address lookup reads every signature of the
/// statement. A type of its own rather than `dsl::sql`, whose queries
/// diesel prepares again on every call.
#[derive(Debug, Clone, Copy, diesel::query_builder::QueryId, diesel::expression::ValidGrouping)]
struct HasEmail;

impl diesel::Expression for HasEmail {
    type SqlType = diesel::sql_types::Bool;
}

impl diesel::AppearsOnTable<signatures::table> for HasEmail {}

impl<DB: diesel::backend::Backend> diesel::query_builder::QueryFragment<DB> for HasEmail {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, DB>,
    ) -> QueryResult<()> {
        out.push_sql("signatures.email <> ''");
        Ok(())
    }
}

/// The signature of `statement_id` with this address. An empty address
/// (imports without one) identifies nobody, so it finds nothing.
pub fn find_by_email(
    conn: &mut DbConn,
    statement_id: &str,
    email: &str,
) -> QueryResult<Option<Signature>> {
    signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .filter(signatures::email.eq(email))
        .filter(HasEmail)
        .select(Signature::as_select())
        .first(conn)
        .optional()
}

/// Every address that has signed the statement, for checking an imported
/// list in one query.
pub fn signed_emails(
    conn: &mut DbConn,
    statement_id: &str,
) -> QueryResult<std::collections::HashSet<String>> {
    let emails: Vec<String> = signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .filter(HasEmail)
        .select(signatures::email)
        .load(conn)?;
    Ok(emails.into_iter().collect())
}

/// The id and status of the signature of `email` on a statement, if any.
pub fn state_by_email(
    conn: &mut DbConn,
    statement_id: &str,
    email: &str,
) -> QueryResult<Option<(String, Status)>> {
    signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .filter(signatures::email.eq(email))
        .filter(HasEmail)
        .select((signatures::id, signatures::status))
        .first(conn)
        .optional()
}

pub fn exists(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(signatures::table.find(id))).get_result(conn)
}

/// Columns a sign-on sets, for insert and for re-use of a withdrawn row.
#[derive(Debug, AsChangeset, Insertable)]
#[diesel(
    table_name = signatures,
    treat_none_as_null = true,
    treat_none_as_default_value = false
)]
pub struct SignatureRow<'a> {
    pub kind: Kind,
    pub name: &'a str,
    pub display_name: Option<&'a str>,
    pub country: Option<&'a str>,
    pub website: Option<&'a str>,
    pub affiliation: Option<&'a str>,
    pub city: Option<&'a str>,
    pub signer_name: Option<&'a str>,
    pub signer_title: Option<&'a str>,
    pub status: Status,
    pub source: Source,
    pub listed: bool,
    pub list_key: &'a str,
    pub revision_id: Option<&'a str>,
    pub confirmed_at: Option<NaiveDateTime>,
    pub approved_at: Option<NaiveDateTime>,
    pub approved_by: Option<&'a str>,
    pub withdrawn_at: Option<NaiveDateTime>,
    pub comment: Option<&'a str>,
    pub authorized: bool,
    pub dedupe_key: &'a str,
    pub search_key: &'a str,
    pub website_domain: Option<&'a str>,
    pub domain_matches: bool,
    pub hidden_until_reconsent: bool,
    pub language: &'a str,
    pub invitation_id: Option<&'a str>,
}

pub fn insert_row(
    conn: &mut DbConn,
    id: &str,
    statement_id: &str,
    email: &str,
    row: &SignatureRow<'_>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(signatures::table)
        .values((
            signatures::id.eq(id),
            signatures::statement_id.eq(statement_id),
            signatures::email.eq(email),
            signatures::created_at.eq(now),
            row,
        ))
        .execute(conn)
}

/// A new row of an import.
#[derive(Debug, Insertable)]
#[diesel(table_name = signatures, treat_none_as_default_value = false)]
pub struct NewRow<'a> {
    pub id: &'a str,
    pub statement_id: &'a str,
    pub email: &'a str,
    pub created_at: NaiveDateTime,
    #[diesel(embed)]
    pub row: SignatureRow<'a>,
}

/// Rows per insert: 31 values each, well under SQLite's and PostgreSQL's
/// bound-parameter limits.
const ROWS_PER_INSERT: usize = 500;

/// Inserts new rows many to a statement.
pub fn insert_rows(conn: &mut DbConn, rows: &[NewRow<'_>]) -> QueryResult<()> {
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        match conn {
            DbConn::Sqlite(c) => diesel::insert_into(signatures::table)
                .values(chunk)
                .execute(c)?,
            DbConn::Postgres(c) => diesel::insert_into(signatures::table)
                .values(chunk)
                .execute(c)?,
        };
    }
    Ok(())
}

pub fn replace_row(
    conn: &mut DbConn,
    id: &str,
    row: &SignatureRow<'_>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((row, signatures::created_at.eq(now)))
        .execute(conn)
}

/// Marks a pending signature confirmed (only if still pending).
pub fn mark_confirmed(
    conn: &mut DbConn,
    id: &str,
    listed: bool,
    key: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        signatures::table
            .find(id)
            .filter(signatures::status.eq(Status::PendingEmail.as_str())),
    )
    .set((
        signatures::status.eq(Status::Confirmed.as_str()),
        signatures::confirmed_at.eq(now),
        signatures::listed.eq(listed),
        signatures::list_key.eq(key),
    ))
    .execute(conn)
}

pub fn set_state(conn: &mut DbConn, id: &str, status: Status, listed: bool) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((
            signatures::status.eq(status.as_str()),
            signatures::listed.eq(listed),
        ))
        .execute(conn)
}

pub fn mark_withdrawn(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((
            signatures::status.eq(Status::Withdrawn.as_str()),
            signatures::listed.eq(false),
            signatures::withdrawn_at.eq(now),
            signatures::manage_version.eq(signatures::manage_version + 1),
        ))
        .execute(conn)
}

pub fn mark_approved(
    conn: &mut DbConn,
    id: &str,
    listed: bool,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((
            signatures::status.eq(Status::Approved.as_str()),
            signatures::listed.eq(listed),
            signatures::approved_at.eq(now),
            signatures::approved_by.eq(by),
        ))
        .execute(conn)
}

/// Details a signer may correct through their manage link.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = signatures, treat_none_as_null = true)]
pub struct Correction<'a> {
    pub name: &'a str,
    pub country: Option<&'a str>,
    pub website: Option<&'a str>,
    pub affiliation: Option<&'a str>,
    pub city: Option<&'a str>,
    pub signer_name: Option<&'a str>,
    pub signer_title: Option<&'a str>,
    pub dedupe_key: &'a str,
    pub search_key: &'a str,
    pub website_domain: Option<&'a str>,
    pub domain_matches: bool,
    pub list_key: &'a str,
}

pub fn correct(conn: &mut DbConn, id: &str, correction: &Correction<'_>) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set(correction)
        .execute(conn)
}

pub fn set_pending_email(conn: &mut DbConn, id: &str, email: Option<&str>) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set(signatures::pending_email.eq(email))
        .execute(conn)
}

pub fn set_email(
    conn: &mut DbConn,
    id: &str,
    email: &str,
    domain_matches: bool,
    search_key: &str,
) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((
            signatures::email.eq(email),
            signatures::search_key.eq(search_key),
            signatures::pending_email.eq(None::<String>),
            signatures::domain_matches.eq(domain_matches),
        ))
        .execute(conn)
}

pub fn set_display_name(
    conn: &mut DbConn,
    id: &str,
    display: Option<&str>,
    key: &str,
    search_key: &str,
) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((
            signatures::display_name.eq(display),
            signatures::list_key.eq(key),
            signatures::search_key.eq(search_key),
        ))
        .execute(conn)
}

pub fn set_manual_position(
    conn: &mut DbConn,
    id: &str,
    position: Option<i32>,
    key: &str,
) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((
            signatures::manual_position.eq(position),
            signatures::list_key.eq(key),
        ))
        .execute(conn)
}

/// Listed signatures of a version's earlier revisions (for re-consent).
pub fn signed_before(
    conn: &mut DbConn,
    statement_id: &str,
    revision_ids: &[String],
) -> QueryResult<Vec<Signature>> {
    signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .filter(signatures::revision_id.eq_any(revision_ids))
        .filter(signatures::status.eq_any([Status::Confirmed.as_str(), Status::Approved.as_str()]))
        .select(Signature::as_select())
        .load(conn)
}

pub fn set_reconsent(
    conn: &mut DbConn,
    id: &str,
    revision_id: &str,
    hide: bool,
) -> QueryResult<usize> {
    let target = signatures::table.find(id);
    let asked = (
        signatures::reconsent_revision_id.eq(revision_id),
        signatures::hidden_until_reconsent.eq(hide),
    );
    if hide {
        diesel::update(target)
            .set((asked, signatures::listed.eq(false)))
            .execute(conn)
    } else {
        diesel::update(target).set(asked).execute(conn)
    }
}

pub fn accept_reconsent(
    conn: &mut DbConn,
    id: &str,
    revision_id: &str,
    listed: bool,
) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((
            signatures::revision_id.eq(revision_id),
            signatures::reconsent_revision_id.eq(None::<String>),
            signatures::hidden_until_reconsent.eq(false),
            signatures::listed.eq(listed),
        ))
        .execute(conn)
}

pub fn set_merged(conn: &mut DbConn, id: &str, into: &str) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((
            signatures::status.eq(Status::Merged.as_str()),
            signatures::listed.eq(false),
            signatures::merged_into.eq(into),
        ))
        .execute(conn)
}

/// The signer's details that go with an address, when a merge moves it
/// from the absorbed signature to the kept one.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = signatures)]
pub struct Address<'a> {
    pub email: &'a str,
    pub signer_name: Option<&'a str>,
    pub signer_title: Option<&'a str>,
    pub language: &'a str,
    pub domain_matches: bool,
    pub search_key: &'a str,
}

/// Moves an address to signature `to` from signature `from`, which is left
/// without one (an address identifies one signature of a statement).
pub fn move_address(
    conn: &mut DbConn,
    from: &str,
    from_search_key: &str,
    to: &str,
    address: &Address<'_>,
) -> QueryResult<()> {
    diesel::update(signatures::table.find(from))
        .set((
            signatures::email.eq(""),
            signatures::search_key.eq(from_search_key),
        ))
        .execute(conn)?;
    diesel::update(signatures::table.find(to))
        .set(address)
        .execute(conn)?;
    Ok(())
}

/// The shown names of the signatures with these ids.
pub fn shown_names(
    conn: &mut DbConn,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    let rows: Vec<(String, String, Option<String>)> = signatures::table
        .filter(signatures::id.eq_any(ids))
        .select((signatures::id, signatures::name, signatures::display_name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, shown)| (id, shown.unwrap_or(name)))
        .collect())
}

pub fn set_created_at(
    conn: &mut DbConn,
    id: &str,
    at: NaiveDateTime,
    confirmed_at: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set((
            signatures::created_at.eq(at),
            signatures::confirmed_at.eq(confirmed_at),
        ))
        .execute(conn)
}

/// What the coordinator's list is filtered and sorted by.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ListFilter {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub flag: String,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub sort: String,
    /// Continue after this row ("key.id").
    #[serde(default)]
    pub after: String,
}

/// One page of the coordinator's list, with the flags of its rows.
pub struct ListPage {
    pub rows: Vec<Signature>,
    pub duplicates: std::collections::HashSet<String>,
    /// The shown name of each signature that a row of the page was merged into.
    pub merged_into: std::collections::HashMap<String, String>,
    pub next: Option<String>,
}

pub const LIST_PAGE: i64 = 100;

const LIVE: [&str; 3] = ["pending_email", "confirmed", "approved"];

type Ids = std::collections::HashSet<String>;

/// The live signatures of the statement that look like another one: the
/// same organization key with countries that agree (see
/// [`super::normalize::agreeing`]), or the same website domain. Reads
/// every live signature's keys: used only to filter by the flag.
fn possible_duplicates(conn: &mut DbConn, statement_id: &str) -> QueryResult<Ids> {
    let keys: Vec<String> = signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .filter(signatures::status.eq_any(LIVE))
        .filter(signatures::dedupe_key.ne(""))
        .group_by(signatures::dedupe_key)
        .having(diesel::dsl::count_star().gt(1))
        .select(signatures::dedupe_key)
        .load(conn)?;
    let mut flagged = agreeing_in(conn, statement_id, &keys)?;
    let domains = repeated_domains(conn, statement_id, None)?;
    flagged.extend(with_domains(conn, statement_id, &domains)?);
    Ok(flagged)
}

/// Which of `rows` look like another live signature of the statement:
/// the same flag as [`possible_duplicates`], found through the index from
/// the page's own keys and domains, so a page costs the same at any size.
fn flagged_among(conn: &mut DbConn, statement_id: &str, rows: &[Signature]) -> QueryResult<Ids> {
    let live: Vec<&Signature> = rows
        .iter()
        .filter(|r| LIVE.contains(&r.status.as_str()))
        .collect();
    let mut keys: Vec<String> = live
        .iter()
        .filter(|r| !r.dedupe_key.is_empty())
        .map(|r| r.dedupe_key.clone())
        .collect();
    keys.sort();
    keys.dedup();
    let mut flagged = agreeing_in(conn, statement_id, &keys)?;
    let mut domains: Vec<String> = live
        .iter()
        .filter_map(|r| r.website_domain.clone())
        .collect();
    domains.sort();
    domains.dedup();
    let repeated = repeated_domains(conn, statement_id, Some(&domains))?;
    flagged.extend(
        live.iter()
            .filter(|r| {
                r.website_domain
                    .as_ref()
                    .is_some_and(|d| repeated.contains(d))
            })
            .map(|r| r.id.clone()),
    );
    flagged.retain(|id| rows.iter().any(|r| &r.id == id));
    Ok(flagged)
}

/// The live signatures whose organization key is one of `keys` and whose
/// countries agree with another of the same key.
fn agreeing_in(conn: &mut DbConn, statement_id: &str, keys: &[String]) -> QueryResult<Ids> {
    let mut groups: std::collections::HashMap<String, Vec<(String, Option<String>)>> =
        std::collections::HashMap::new();
    for chunk in keys.chunks(500) {
        let rows: Vec<(String, String, Option<String>)> = signatures::table
            .filter(signatures::statement_id.eq(statement_id))
            .filter(signatures::status.eq_any(LIVE))
            .filter(signatures::dedupe_key.eq_any(chunk))
            .select((signatures::dedupe_key, signatures::id, signatures::country))
            .load(conn)?;
        for (key, id, country) in rows {
            groups.entry(key).or_default().push((id, country));
        }
    }
    Ok(groups
        .values()
        .flat_map(|group| super::normalize::agreeing(group))
        .map(str::to_owned)
        .collect())
}

/// The live signatures whose website domain is one of `domains`.
fn with_domains(conn: &mut DbConn, statement_id: &str, domains: &[String]) -> QueryResult<Ids> {
    let mut ids = Ids::new();
    for chunk in domains.chunks(500) {
        let found: Vec<String> = signatures::table
            .filter(signatures::statement_id.eq(statement_id))
            .filter(signatures::status.eq_any(LIVE))
            .filter(signatures::website_domain.eq_any(chunk))
            .select(signatures::id)
            .load(conn)?;
        ids.extend(found);
    }
    Ok(ids)
}

/// Website domains shared by more than one live signature of the
/// statement; among `among` only, when given.
fn repeated_domains(
    conn: &mut DbConn,
    statement_id: &str,
    among: Option<&[String]>,
) -> QueryResult<Vec<String>> {
    let live = signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .filter(signatures::status.eq_any(LIVE))
        .filter(signatures::website_domain.is_not_null());
    let domains: Vec<Option<String>> = match among {
        None => live
            .group_by(signatures::website_domain)
            .having(diesel::dsl::count_star().gt(1))
            .select(signatures::website_domain)
            .load(conn)?,
        Some([]) => Vec::new(),
        Some(domains) => live
            .filter(signatures::website_domain.eq_any(domains))
            .group_by(signatures::website_domain)
            .having(diesel::dsl::count_star().gt(1))
            .select(signatures::website_domain)
            .load(conn)?,
    };
    Ok(domains.into_iter().flatten().collect())
}

/// The signatures of a statement that `f` selects (its status, flag and
/// search), in no order.
fn filtered(
    statement_id: &str,
    f: &ListFilter,
    flagged: &std::collections::HashSet<String>,
) -> signatures::BoxedQuery<'static, crate::db::MultiBackend> {
    let mut query = signatures::table
        .filter(signatures::statement_id.eq(statement_id.to_owned()))
        .into_boxed();
    if let Some(status) = Status::parse(&f.status) {
        query = query.filter(signatures::status.eq(status.as_str()));
    }
    match f.flag.as_str() {
        "duplicate" => {
            let ids: Vec<String> = flagged.iter().cloned().collect();
            query = query.filter(signatures::id.eq_any(ids));
        }
        "domain" => query = query.filter(signatures::domain_matches.eq(true)),
        "imported" => query = query.filter(signatures::source.eq(super::Source::Import.as_str())),
        "reconsent" => query = query.filter(signatures::reconsent_revision_id.is_not_null()),
        _ => {}
    }
    let q = crate::text::search_fold(&f.q);
    if !q.is_empty() {
        query = query.filter(signatures::search_key.like(like(&q)).escape('\\'));
    }
    query
}

/// The ids of every signature `f` selects, on all pages; with
/// `moderatable`, only those that can be approved or rejected (confirmed,
/// approved or rejected).
pub fn selected_ids(
    conn: &mut DbConn,
    statement_id: &str,
    f: &ListFilter,
    moderatable: bool,
) -> QueryResult<Vec<String>> {
    let flagged = if f.flag == "duplicate" {
        possible_duplicates(conn, statement_id)?
    } else {
        Default::default()
    };
    let mut query = filtered(statement_id, f, &flagged);
    if moderatable {
        let states = [Status::Confirmed, Status::Approved, Status::Rejected].map(Status::as_str);
        query = query.filter(signatures::status.eq_any(states));
    }
    query
        .order(signatures::id)
        .select(signatures::id)
        .load(conn)
}

/// Ids bound in one statement: far below the parameter limits of SQLite
/// and PostgreSQL.
const IDS_PER_STATEMENT: usize = 1_000;

/// Deletes the statement's signatures `ids`, with the signatures merged
/// into them, and unlinks the invitations they answered. Returns the names
/// of the signatures deleted.
pub fn delete(conn: &mut DbConn, statement_id: &str, ids: &[String]) -> QueryResult<Vec<String>> {
    let mut names = Vec::new();
    for chunk in ids.chunks(IDS_PER_STATEMENT) {
        let mine = signatures::table
            .filter(signatures::statement_id.eq(statement_id))
            .filter(
                signatures::id
                    .eq_any(chunk)
                    .or(signatures::merged_into.eq_any(chunk)),
            );
        let (found, found_names): (Vec<String>, Vec<String>) = mine
            .select((signatures::id, signatures::name))
            .load::<(String, String)>(conn)?
            .into_iter()
            .unzip();
        diesel::update(
            sign_invitations::table.filter(sign_invitations::signature_id.eq_any(&found)),
        )
        .set(sign_invitations::signature_id.eq(None::<String>))
        .execute(conn)?;
        diesel::delete(signatures::table.filter(signatures::id.eq_any(&found))).execute(conn)?;
        names.extend(found_names);
    }
    Ok(names)
}

pub fn list(conn: &mut DbConn, statement_id: &str, f: &ListFilter) -> QueryResult<ListPage> {
    let flagged = if f.flag == "duplicate" {
        possible_duplicates(conn, statement_id)?
    } else {
        Ids::new()
    };
    let query = filtered(statement_id, f, &flagged);
    let cursor = f
        .after
        .split_once('.')
        .map(|(k, i)| (k.to_owned(), i.to_owned()));
    let query = match (f.sort.as_str(), cursor) {
        ("name", after) => {
            let q = match after {
                Some((k, i)) => query.filter(
                    signatures::list_key
                        .gt(k.clone())
                        .or(signatures::list_key.eq(k).and(signatures::id.gt(i))),
                ),
                None => query,
            };
            q.order((signatures::list_key, signatures::id))
        }
        ("oldest", after) => {
            let q = match after {
                Some((_, i)) => query.filter(signatures::id.gt(i)),
                None => query,
            };
            q.order(signatures::id)
        }
        (_, after) => {
            let q = match after {
                Some((_, i)) => query.filter(signatures::id.lt(i)),
                None => query,
            };
            q.order(signatures::id.desc())
        }
    };
    let mut rows: Vec<Signature> = query
        .limit(LIST_PAGE + 1)
        .select(Signature::as_select())
        .load(conn)?;
    let next = (rows.len() as i64 > LIST_PAGE).then(|| {
        rows.truncate(LIST_PAGE as usize);
        rows.last().map(|r| {
            format!(
                "{}.{}",
                if f.sort == "name" {
                    r.list_key.as_str()
                } else {
                    "t"
                },
                r.id
            )
        })
    });
    let duplicates = flagged_among(conn, statement_id, &rows)?;
    let kept: Vec<String> = rows.iter().filter_map(|r| r.merged_into.clone()).collect();
    let merged_into = shown_names(conn, &kept)?;
    Ok(ListPage {
        rows,
        duplicates,
        merged_into,
        next: next.flatten(),
    })
}

pub fn duplicates_of(conn: &mut DbConn, s: &Signature) -> QueryResult<Vec<Signature>> {
    let mut query = signatures::table
        .filter(signatures::statement_id.eq(s.statement_id.clone()))
        .filter(signatures::id.ne(s.id.clone()))
        .filter(signatures::merged_into.is_null())
        .into_boxed();
    query = match &s.website_domain {
        Some(domain) => query.filter(
            signatures::dedupe_key
                .eq(s.dedupe_key.clone())
                .or(signatures::website_domain.eq(domain.clone())),
        ),
        None => query.filter(signatures::dedupe_key.eq(s.dedupe_key.clone())),
    };
    let mut found: Vec<Signature> = query
        .order(signatures::created_at)
        .limit(20)
        .select(Signature::as_select())
        .load(conn)?;
    // The same name in two different countries is two organizations.
    found.retain(|d| {
        let same_site = d.website_domain.is_some() && d.website_domain == s.website_domain;
        same_site
            || (!d.dedupe_key.is_empty()
                && super::normalize::countries_agree(d.country.as_deref(), s.country.as_deref()))
    });
    Ok(found)
}

/// The search fields of up to `limit` signatures stored before search keys
/// existed (their key is empty): id, name, shown name, signer, address.
pub type UnkeyedRow = (String, String, Option<String>, Option<String>, String);

pub fn unkeyed(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<UnkeyedRow>> {
    signatures::table
        // A literal, so that the partial index `signatures_unkeyed` serves it.
        .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "signatures.search_key = ''",
        ))
        .select((
            signatures::id,
            signatures::name,
            signatures::display_name,
            signatures::signer_name,
            signatures::email,
        ))
        .limit(limit)
        .load(conn)
}

pub fn set_search_key(conn: &mut DbConn, id: &str, key: &str) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set(signatures::search_key.eq(key))
        .execute(conn)
}

pub fn all(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<Signature>> {
    signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .order((signatures::kind, signatures::list_key, signatures::id))
        .select(Signature::as_select())
        .load(conn)
}

pub fn set_invitation(conn: &mut DbConn, id: &str, invitation_id: &str) -> QueryResult<usize> {
    diesel::update(signatures::table.find(id))
        .set(signatures::invitation_id.eq(invitation_id))
        .execute(conn)
}

/// A confirmed signatory: email, signer's name, organization, language.
pub type SignatoryRow = (String, Option<String>, String, String);

pub fn confirmed_signatories(
    conn: &mut DbConn,
    statement_id: &str,
) -> QueryResult<Vec<SignatoryRow>> {
    signatures::table
        .filter(signatures::statement_id.eq(statement_id))
        .filter(
            signatures::status
                .eq_any([Status::Confirmed.as_str(), Status::Approved.as_str()])
                .or(signatures::status
                    .eq(Status::Merged.as_str())
                    .and(signatures::confirmed_at.is_not_null())),
        )
        .filter(signatures::email.ne(""))
        .order(signatures::email)
        .select((
            signatures::email,
            signatures::signer_name,
            signatures::name,
            signatures::language,
        ))
        .load(conn)
}
