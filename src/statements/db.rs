use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{ChangeKind, Draft, ListOrder, NewComment, Settings, Signers, Status};
use crate::accounts::Coordinator;
use crate::db::DbConn;
use crate::db::schema::{comments, revisions, statement_versions, statements};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = statements)]
pub struct Statement {
    pub id: String,
    pub coalition_id: String,
    pub slug: String,
    pub language: String,
    pub status: Status,
    pub signers: Signers,
    pub requires_approval: bool,
    pub list_order: ListOrder,
    pub deadline_at: Option<NaiveDateTime>,
    pub publish_at: Option<NaiveDateTime>,
    pub list_public_at: Option<NaiveDateTime>,
    pub preview_version: i32,
    pub listed_organizations: i32,
    pub listed_individuals: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub opened_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
}

/// One language version of a statement.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = statement_versions)]
pub struct Version {
    pub id: String,
    pub statement_id: String,
    pub language: String,
    pub title: String,
    pub current_revision: i32,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = revisions)]
pub struct Revision {
    pub id: String,
    pub version_id: String,
    pub number: i32,
    pub title: String,
    pub body: String,
    pub note: String,
    pub change_kind: ChangeKind,
    pub content_hash: String,
    pub author_name: String,
    pub created_at: NaiveDateTime,
    /// `body` rendered and sanitized when the revision was saved.
    pub body_html: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = comments)]
pub struct Comment {
    pub id: String,
    pub name: String,
    pub organization: String,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub resolved_at: Option<NaiveDateTime>,
    pub resolved_by: Option<String>,
}

pub fn insert_statement(
    conn: &mut DbConn,
    coalition_id: &str,
    slug: &str,
    language: &str,
) -> QueryResult<Statement> {
    let now = crate::db::now();
    let id = crate::db::new_id();
    diesel::insert_into(statements::table)
        .values((
            statements::id.eq(&id),
            statements::coalition_id.eq(coalition_id),
            statements::slug.eq(slug),
            statements::language.eq(language),
            statements::status.eq(Status::Draft.as_str()),
            statements::signers.eq(super::Signers::Organizations.as_str()),
            statements::requires_approval.eq(false),
            statements::list_order.eq(super::ListOrder::Alphabetical.as_str()),
            statements::preview_version.eq(1),
            statements::listed_organizations.eq(0),
            statements::listed_individuals.eq(0),
            statements::created_at.eq(now),
            statements::updated_at.eq(now),
        ))
        .execute(conn)?;
    statements::table
        .find(&id)
        .select(Statement::as_select())
        .first(conn)
}

pub fn insert_version(
    conn: &mut DbConn,
    statement_id: &str,
    language: &str,
    title: &str,
) -> QueryResult<Version> {
    let version = Version {
        id: crate::db::new_id(),
        statement_id: statement_id.to_owned(),
        language: language.to_owned(),
        title: title.to_owned(),
        current_revision: 1,
        created_at: crate::db::now(),
    };
    diesel::insert_into(statement_versions::table)
        .values((
            statement_versions::id.eq(&version.id),
            statement_versions::statement_id.eq(statement_id),
            statement_versions::language.eq(language),
            statement_versions::title.eq(title),
            statement_versions::current_revision.eq(1),
            statement_versions::created_at.eq(version.created_at),
        ))
        .execute(conn)?;
    Ok(version)
}

pub fn insert_revision(
    conn: &mut DbConn,
    version_id: &str,
    number: i32,
    draft: &Draft,
    kind: ChangeKind,
    author: &Coordinator,
) -> QueryResult<usize> {
    diesel::insert_into(revisions::table)
        .values((
            revisions::id.eq(crate::db::new_id()),
            revisions::version_id.eq(version_id),
            revisions::number.eq(number),
            revisions::title.eq(&draft.title),
            revisions::body.eq(&draft.body),
            revisions::note.eq(&draft.note),
            revisions::change_kind.eq(kind.as_str()),
            revisions::content_hash.eq(crate::text::content_hash(&draft.title, &draft.body)),
            revisions::author_id.eq(&author.id),
            revisions::author_name.eq(&author.name),
            revisions::created_at.eq(crate::db::now()),
            revisions::body_html.eq(crate::text::render_markdown(&draft.body).into_string()),
        ))
        .execute(conn)
}

/// Revisions saved before their rendering was stored: (id, body).
pub fn unrendered_revisions(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<(String, String)>> {
    revisions::table
        .filter(revisions::body_html.is_null())
        .select((revisions::id, revisions::body))
        .limit(limit)
        .load(conn)
}

pub fn store_rendering(conn: &mut DbConn, id: &str, html: &str) -> QueryResult<usize> {
    diesel::update(revisions::table.filter(revisions::id.eq(id)))
        .set(revisions::body_html.eq(html))
        .execute(conn)
}

pub fn slug_exists(conn: &mut DbConn, slug: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        statements::table.filter(statements::slug.eq(slug)),
    ))
    .get_result(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Statement>> {
    statements::table
        .find(id)
        .select(Statement::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Statement>> {
    statements::table
        .filter(statements::slug.eq(slug))
        .select(Statement::as_select())
        .first(conn)
        .optional()
}

/// Statements of a coalition, newest first, with the primary version's title.
pub fn list_for_coalition(
    conn: &mut DbConn,
    coalition_id: &str,
) -> QueryResult<Vec<(Statement, String)>> {
    statements::table
        .inner_join(statement_versions::table)
        .filter(statements::coalition_id.eq(coalition_id))
        .filter(statement_versions::language.eq(statements::language))
        .order(statements::created_at.desc())
        .select((Statement::as_select(), statement_versions::title))
        .load(conn)
}

pub fn versions(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<Version>> {
    statement_versions::table
        .filter(statement_versions::statement_id.eq(statement_id))
        .order(statement_versions::created_at)
        .select(Version::as_select())
        .load(conn)
}

pub fn version(
    conn: &mut DbConn,
    statement_id: &str,
    language: &str,
) -> QueryResult<Option<Version>> {
    statement_versions::table
        .filter(statement_versions::statement_id.eq(statement_id))
        .filter(statement_versions::language.eq(language))
        .select(Version::as_select())
        .first(conn)
        .optional()
}

pub fn revision(conn: &mut DbConn, version_id: &str, number: i32) -> QueryResult<Revision> {
    revisions::table
        .filter(revisions::version_id.eq(version_id))
        .filter(revisions::number.eq(number))
        .select(Revision::as_select())
        .first(conn)
}

pub fn revisions(conn: &mut DbConn, version_id: &str) -> QueryResult<Vec<Revision>> {
    revisions::table
        .filter(revisions::version_id.eq(version_id))
        .order(revisions::number.desc())
        .select(Revision::as_select())
        .load(conn)
}

pub fn set_current_revision(
    conn: &mut DbConn,
    version_id: &str,
    number: i32,
    title: &str,
) -> QueryResult<usize> {
    diesel::update(statement_versions::table.find(version_id))
        .set((
            statement_versions::current_revision.eq(number),
            statement_versions::title.eq(title),
        ))
        .execute(conn)
}

pub fn touch(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(statements::table.find(id))
        .set(statements::updated_at.eq(crate::db::now()))
        .execute(conn)
}

pub fn rename_primary_version(
    conn: &mut DbConn,
    statement_id: &str,
    from: &str,
    to: &str,
) -> QueryResult<usize> {
    diesel::update(
        statement_versions::table
            .filter(statement_versions::statement_id.eq(statement_id))
            .filter(statement_versions::language.eq(from)),
    )
    .set(statement_versions::language.eq(to))
    .execute(conn)
}

pub fn update_settings(conn: &mut DbConn, id: &str, s: &Settings) -> QueryResult<usize> {
    diesel::update(statements::table.find(id))
        .set((
            statements::slug.eq(&s.slug),
            statements::language.eq(&s.language),
            statements::signers.eq(s.signers.as_str()),
            statements::requires_approval.eq(s.requires_approval),
            statements::list_order.eq(s.list_order.as_str()),
            statements::deadline_at.eq(s.deadline_at),
            statements::publish_at.eq(s.publish_at),
            statements::list_public_at.eq(s.list_public_at),
            statements::updated_at.eq(crate::db::now()),
        ))
        .execute(conn)
}

pub fn set_status(
    conn: &mut DbConn,
    id: &str,
    status: Status,
    now: NaiveDateTime,
    clear_deadline: bool,
) -> QueryResult<usize> {
    let target = statements::table.find(id);
    let changed = match status {
        Status::Open => diesel::update(target)
            .set((
                statements::status.eq(status.as_str()),
                statements::opened_at.eq(now),
                statements::updated_at.eq(now),
            ))
            .execute(conn)?,
        _ => diesel::update(target)
            .set((
                statements::status.eq(status.as_str()),
                statements::closed_at.eq(now),
                statements::updated_at.eq(now),
            ))
            .execute(conn)?,
    };
    if clear_deadline {
        diesel::update(statements::table.find(id))
            .set(statements::deadline_at.eq(None::<NaiveDateTime>))
            .execute(conn)?;
    }
    Ok(changed)
}

pub fn overdue(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vec<Statement>> {
    statements::table
        .filter(statements::status.eq(Status::Open.as_str()))
        .filter(statements::deadline_at.le(now))
        .select(Statement::as_select())
        .load(conn)
}

pub fn bump_preview_version(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(statements::table.find(id))
        .set(statements::preview_version.eq(statements::preview_version + 1))
        .execute(conn)
}

pub fn insert_comment(
    conn: &mut DbConn,
    statement_id: &str,
    revision_id: &str,
    c: &NewComment,
) -> QueryResult<()> {
    diesel::insert_into(comments::table)
        .values((
            comments::id.eq(crate::db::new_id()),
            comments::statement_id.eq(statement_id),
            comments::revision_id.eq(revision_id),
            comments::name.eq(&c.name),
            comments::organization.eq(&c.organization),
            comments::body.eq(&c.body),
            comments::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Comments of a statement with the language and number of the revision
/// each was made on, newest first.
pub fn comments(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<(Comment, String, i32)>> {
    comments::table
        .inner_join(revisions::table.inner_join(statement_versions::table))
        .filter(comments::statement_id.eq(statement_id))
        .order(comments::created_at.desc())
        .select((
            Comment::as_select(),
            statement_versions::language,
            revisions::number,
        ))
        .load(conn)
}

pub fn resolve_comment(
    conn: &mut DbConn,
    statement_id: &str,
    id: &str,
    by: &str,
) -> QueryResult<usize> {
    diesel::update(
        comments::table
            .filter(comments::statement_id.eq(statement_id))
            .filter(comments::id.eq(id))
            .filter(comments::resolved_at.is_null()),
    )
    .set((
        comments::resolved_at.eq(crate::db::now()),
        comments::resolved_by.eq(by),
    ))
    .execute(conn)
}

/// Stores the counts of listed signatures (kept by `signatures`).
pub fn set_listed_counts(
    conn: &mut DbConn,
    id: &str,
    organizations: i64,
    individuals: i64,
) -> QueryResult<()> {
    let clamp = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    diesel::update(statements::table.find(id))
        .set((
            statements::listed_organizations.eq(clamp(organizations)),
            statements::listed_individuals.eq(clamp(individuals)),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn revision_by_id(conn: &mut DbConn, id: &str) -> QueryResult<Option<Revision>> {
    revisions::table
        .find(id)
        .select(Revision::as_select())
        .first(conn)
        .optional()
}

pub fn revision_numbers(
    conn: &mut DbConn,
    statement_id: &str,
) -> QueryResult<std::collections::HashMap<String, i32>> {
    let rows: Vec<(String, i32)> = revisions::table
        .inner_join(statement_versions::table)
        .filter(statement_versions::statement_id.eq(statement_id))
        .select((revisions::id, revisions::number))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

pub fn current_revision_number(conn: &mut DbConn, version_id: &str) -> QueryResult<i32> {
    statement_versions::table
        .find(version_id)
        .select(statement_versions::current_revision)
        .first(conn)
}

/// A coalition's statements that are not drafts, with the title and body
/// of the current revision of their main language, newest first.
pub fn non_drafts_of(
    conn: &mut DbConn,
    coalition_id: &str,
) -> QueryResult<Vec<(Statement, String, String)>> {
    statements::table
        .inner_join(statement_versions::table.inner_join(revisions::table))
        .filter(statements::coalition_id.eq(coalition_id))
        .filter(statements::status.ne(Status::Draft.as_str()))
        .filter(statement_versions::language.eq(statements::language))
        .filter(revisions::number.eq(statement_versions::current_revision))
        .order(statements::opened_at.desc())
        .select((Statement::as_select(), revisions::title, revisions::body))
        .load(conn)
}
