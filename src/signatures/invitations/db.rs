use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Invitee, State};
use crate::db::DbConn;
use crate::db::schema::{sign_invitations, signatures, statements};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sign_invitations)]
pub struct Invitation {
    pub id: String,
    pub statement_id: String,
    pub email: String,
    pub organization: String,
    pub country: Option<String>,
    pub contact_name: Option<String>,
    pub status: State,
    pub created_at: NaiveDateTime,
    pub opened_at: Option<NaiveDateTime>,
    pub answered_at: Option<NaiveDateTime>,
    pub reminded_at: Option<NaiveDateTime>,
    pub signature_id: Option<String>,
}

pub fn exists(conn: &mut DbConn, statement_id: &str, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        sign_invitations::table
            .filter(sign_invitations::statement_id.eq(statement_id))
            .filter(sign_invitations::email.eq(email)),
    ))
    .get_result(conn)
}

pub fn insert(
    conn: &mut DbConn,
    statement_id: &str,
    invitee: &Invitee,
    by: &str,
) -> QueryResult<Invitation> {
    let id = crate::db::new_id();
    diesel::insert_into(sign_invitations::table)
        .values((
            sign_invitations::id.eq(&id),
            sign_invitations::statement_id.eq(statement_id),
            sign_invitations::email.eq(&invitee.email),
            sign_invitations::organization.eq(&invitee.organization),
            sign_invitations::country.eq(invitee.country.as_ref().map(|c| c.as_str().to_owned())),
            sign_invitations::contact_name.eq(&invitee.contact),
            sign_invitations::status.eq(State::Invited),
            sign_invitations::invited_by.eq(by),
            sign_invitations::created_at.eq(crate::db::now()),
        ))
        .execute(conn)?;
    sign_invitations::table
        .find(&id)
        .select(Invitation::as_select())
        .first(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Invitation>> {
    sign_invitations::table
        .find(id)
        .select(Invitation::as_select())
        .first(conn)
        .optional()
}

pub fn list(conn: &mut DbConn, statement_id: &str) -> QueryResult<Vec<Invitation>> {
    sign_invitations::table
        .filter(sign_invitations::statement_id.eq(statement_id))
        .order(sign_invitations::created_at.desc())
        .select(Invitation::as_select())
        .load(conn)
}

pub fn unanswered_unreminded(
    conn: &mut DbConn,
    statement_id: &str,
) -> QueryResult<Vec<Invitation>> {
    sign_invitations::table
        .filter(sign_invitations::statement_id.eq(statement_id))
        .filter(sign_invitations::status.eq_any([State::Invited, State::Opened]))
        .filter(sign_invitations::reminded_at.is_null())
        .select(Invitation::as_select())
        .load(conn)
}

pub fn mark_reminded(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(sign_invitations::table.find(id))
        .set(sign_invitations::reminded_at.eq(crate::db::now()))
        .execute(conn)
}

pub fn mark_opened(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(
        sign_invitations::table
            .find(id)
            .filter(sign_invitations::status.eq(State::Invited)),
    )
    .set((
        sign_invitations::status.eq(State::Opened),
        sign_invitations::opened_at.eq(crate::db::now()),
    ))
    .execute(conn)
}

pub fn answer(
    conn: &mut DbConn,
    id: &str,
    status: State,
    signature_id: Option<&str>,
) -> QueryResult<usize> {
    diesel::update(sign_invitations::table.find(id))
        .set((
            sign_invitations::status.eq(status),
            sign_invitations::answered_at.eq(crate::db::now()),
            sign_invitations::signature_id.eq(signature_id),
        ))
        .execute(conn)
}

/// Email, name, country and contact of a listed signature.
pub type Signatory = (String, String, Option<String>, Option<String>);

/// The listed signatories of the coalition's other statements.
pub fn earlier_signatories(
    conn: &mut DbConn,
    coalition_id: &str,
    statement_id: &str,
) -> QueryResult<Vec<Signatory>> {
    signatures::table
        .inner_join(statements::table)
        .filter(statements::coalition_id.eq(coalition_id))
        .filter(signatures::statement_id.ne(statement_id))
        .filter(signatures::listed.eq(true))
        .filter(signatures::kind.eq("organization"))
        .order(signatures::name)
        .select((
            signatures::email,
            signatures::name,
            signatures::country,
            signatures::signer_name,
        ))
        .limit(5000)
        .load(conn)
}
