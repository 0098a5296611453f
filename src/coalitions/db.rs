use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Membership, NewCoalition, Role};
use crate::db::DbConn;
use crate::db::schema::{coalition_logos, coalitions, coordinators, invitations, memberships};
use crate::identity::Coalition;

/// A member as the members page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct Member {
    pub coordinator_id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub since: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invitations)]
pub struct Invitation {
    pub id: String,
    pub coalition_id: String,
    pub email: String,
    pub role: Role,
    pub created_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
}

pub fn insert_coalition(conn: &mut DbConn, new: &NewCoalition) -> QueryResult<Coalition> {
    let coalition = Coalition {
        id: crate::db::new_id(),
        name: new.name.clone(),
        slug: new.slug.clone(),
        about: String::new(),
        created_at: crate::db::now(),
        language: new.language.code().to_owned(),
        time_zone: new.time_zone.name().to_owned(),
        sender_name: String::new(),
        reply_to: String::new(),
        mail_footer: String::new(),
        website: String::new(),
    };
    diesel::insert_into(coalitions::table)
        .values((
            coalitions::id.eq(&coalition.id),
            coalitions::name.eq(&coalition.name),
            coalitions::slug.eq(&coalition.slug),
            coalitions::about.eq(&coalition.about),
            coalitions::created_at.eq(coalition.created_at),
            coalitions::language.eq(&coalition.language),
            coalitions::time_zone.eq(&coalition.time_zone),
        ))
        .execute(conn)?;
    Ok(coalition)
}

pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Coalition>> {
    coalitions::table
        .filter(coalitions::slug.eq(slug))
        .select(Coalition::as_select())
        .first(conn)
        .optional()
}

pub fn insert_member(
    conn: &mut DbConn,
    coalition_id: &str,
    coordinator_id: &str,
    role: Role,
) -> QueryResult<usize> {
    diesel::insert_into(memberships::table)
        .values((
            memberships::coalition_id.eq(coalition_id),
            memberships::coordinator_id.eq(coordinator_id),
            memberships::role.eq(role.as_str()),
            memberships::created_at.eq(crate::db::now()),
        ))
        .execute(conn)
}

pub fn role_of(
    conn: &mut DbConn,
    coalition_id: &str,
    coordinator_id: &str,
) -> QueryResult<Option<Role>> {
    memberships::table
        .filter(memberships::coalition_id.eq(coalition_id))
        .filter(memberships::coordinator_id.eq(coordinator_id))
        .select(memberships::role)
        .first(conn)
        .optional()
}

pub fn set_role(
    conn: &mut DbConn,
    coalition_id: &str,
    coordinator_id: &str,
    role: Role,
) -> QueryResult<usize> {
    diesel::update(
        memberships::table
            .filter(memberships::coalition_id.eq(coalition_id))
            .filter(memberships::coordinator_id.eq(coordinator_id)),
    )
    .set(memberships::role.eq(role.as_str()))
    .execute(conn)
}

pub fn delete_member(
    conn: &mut DbConn,
    coalition_id: &str,
    coordinator_id: &str,
) -> QueryResult<usize> {
    diesel::delete(
        memberships::table
            .filter(memberships::coalition_id.eq(coalition_id))
            .filter(memberships::coordinator_id.eq(coordinator_id)),
    )
    .execute(conn)
}

pub fn count_owners(conn: &mut DbConn, coalition_id: &str) -> QueryResult<i64> {
    memberships::table
        .filter(memberships::coalition_id.eq(coalition_id))
        .filter(memberships::role.eq(Role::Owner.as_str()))
        .count()
        .get_result(conn)
}

pub fn memberships_of(conn: &mut DbConn, coordinator_id: &str) -> QueryResult<Vec<Membership>> {
    let rows: Vec<(Coalition, Role)> = memberships::table
        .inner_join(coalitions::table)
        .filter(memberships::coordinator_id.eq(coordinator_id))
        .order(coalitions::name)
        .select((Coalition::as_select(), memberships::role))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(coalition, role)| Membership { coalition, role })
        .collect())
}

pub fn members(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<Member>> {
    memberships::table
        .inner_join(coordinators::table)
        .filter(memberships::coalition_id.eq(coalition_id))
        .order(coordinators::name)
        .select((
            coordinators::id,
            coordinators::name,
            coordinators::email,
            memberships::role,
            memberships::created_at,
        ))
        .load(conn)
}

pub fn insert_invitation(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
    role: Role,
    invited_by: &str,
) -> QueryResult<Invitation> {
    let invitation = Invitation {
        id: crate::db::new_id(),
        coalition_id: coalition_id.to_owned(),
        email: email.to_owned(),
        role,
        created_at: crate::db::now(),
        accepted_at: None,
    };
    diesel::insert_into(invitations::table)
        .values((
            invitations::id.eq(&invitation.id),
            invitations::coalition_id.eq(coalition_id),
            invitations::email.eq(email),
            invitations::role.eq(&invitation.role),
            invitations::invited_by.eq(invited_by),
            invitations::created_at.eq(invitation.created_at),
        ))
        .execute(conn)?;
    Ok(invitation)
}

pub fn pending_invitations(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Vec<Invitation>> {
    invitations::table
        .filter(invitations::coalition_id.eq(coalition_id))
        .filter(invitations::accepted_at.is_null())
        .order(invitations::created_at.desc())
        .select(Invitation::as_select())
        .load(conn)
}

pub fn find_invitation(
    conn: &mut DbConn,
    coalition_id: &str,
    id: &str,
) -> QueryResult<Option<Invitation>> {
    invitations::table
        .filter(invitations::coalition_id.eq(coalition_id))
        .filter(invitations::id.eq(id))
        .filter(invitations::accepted_at.is_null())
        .select(Invitation::as_select())
        .first(conn)
        .optional()
}

pub fn invitation_with_coalition(
    conn: &mut DbConn,
    id: &str,
) -> QueryResult<Option<(Invitation, Coalition)>> {
    invitations::table
        .inner_join(coalitions::table)
        .filter(invitations::id.eq(id))
        .filter(invitations::accepted_at.is_null())
        .select((Invitation::as_select(), Coalition::as_select()))
        .first(conn)
        .optional()
}

pub fn mark_invitation_accepted(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::update(invitations::table.find(id))
        .set(invitations::accepted_at.eq(crate::db::now()))
        .execute(conn)
}

pub fn delete_invitation(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(invitations::table.find(id)).execute(conn)
}

pub fn slug_of(conn: &mut DbConn, coalition_id: &str) -> QueryResult<String> {
    coalitions::table
        .find(coalition_id)
        .select(coalitions::slug)
        .first(conn)
}

pub fn name_of(conn: &mut DbConn, coalition_id: &str) -> QueryResult<String> {
    coalitions::table
        .find(coalition_id)
        .select(coalitions::name)
        .first(conn)
}

pub fn find(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Coalition> {
    coalitions::table
        .find(coalition_id)
        .select(Coalition::as_select())
        .first(conn)
}

pub fn about_of(conn: &mut DbConn, coalition_id: &str) -> QueryResult<String> {
    coalitions::table
        .find(coalition_id)
        .select(coalitions::about)
        .first(conn)
}

pub fn set_about(conn: &mut DbConn, coalition_id: &str, about: &str) -> QueryResult<usize> {
    diesel::update(coalitions::table.find(coalition_id))
        .set(coalitions::about.eq(about))
        .execute(conn)
}

pub fn set_locale(
    conn: &mut DbConn,
    coalition_id: &str,
    language: &str,
    time_zone: &str,
) -> QueryResult<usize> {
    diesel::update(coalitions::table.find(coalition_id))
        .set((
            coalitions::language.eq(language),
            coalitions::time_zone.eq(time_zone),
        ))
        .execute(conn)
}

pub fn set_face(
    conn: &mut DbConn,
    coalition_id: &str,
    face: &super::face::Face,
) -> QueryResult<usize> {
    diesel::update(coalitions::table.find(coalition_id))
        .set((
            coalitions::sender_name.eq(&face.sender_name),
            coalitions::reply_to.eq(&face.reply_to),
            coalitions::mail_footer.eq(&face.mail_footer),
            coalitions::website.eq(&face.website),
        ))
        .execute(conn)
}

pub fn set_logo(
    conn: &mut DbConn,
    coalition_id: &str,
    logo: &super::face::Logo,
) -> QueryResult<usize> {
    use base64::Engine;
    let content = base64::engine::general_purpose::STANDARD.encode(&logo.bytes);
    remove_logo(conn, coalition_id)?;
    diesel::insert_into(coalition_logos::table)
        .values((
            coalition_logos::coalition_id.eq(coalition_id),
            coalition_logos::content_type.eq(logo.content_type),
            coalition_logos::content.eq(content),
            coalition_logos::digest.eq(logo.digest()),
            coalition_logos::updated_at.eq(crate::db::now()),
        ))
        .execute(conn)
}

pub fn remove_logo(conn: &mut DbConn, coalition_id: &str) -> QueryResult<usize> {
    diesel::delete(coalition_logos::table.find(coalition_id)).execute(conn)
}

pub fn logo_digest(conn: &mut DbConn, coalition_id: &str) -> QueryResult<Option<String>> {
    coalition_logos::table
        .find(coalition_id)
        .select(coalition_logos::digest)
        .first(conn)
        .optional()
}

pub fn logo_of(conn: &mut DbConn, slug: &str) -> QueryResult<Option<super::face::StoredLogo>> {
    use base64::Engine;
    let row: Option<(String, String, String)> = coalition_logos::table
        .inner_join(coalitions::table)
        .filter(coalitions::slug.eq(slug))
        .select((
            coalition_logos::content_type,
            coalition_logos::content,
            coalition_logos::digest,
        ))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(content_type, content, digest)| {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(content)
            .ok()?;
        Some(super::face::StoredLogo {
            content_type,
            bytes,
            digest,
        })
    }))
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Coalition>> {
    coalitions::table
        .order(coalitions::name)
        .select(Coalition::as_select())
        .load(conn)
}
