//! One contact: the form that carries it, the checked draft, and creating,
//! editing, deleting and finding contacts. Every change is audited in its
//! own transaction, and the do-not-contact mark keeps the suppression list
//! in step.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde::Deserialize;

use super::db;
use super::fields::{self, Field, Problem};
use super::search::{Filter, PAGE_SIZE, Page};
use crate::audit::{self, Actor};
use crate::db::DbConn;
use crate::i18n::{CountryCode, Phrase};
use crate::suppressions::{self, Reason};

pub use db::Contact;

/// A contact with its tags and, when its address is on the suppression
/// list, why.
#[derive(Debug, Clone)]
pub struct Listed {
    pub contact: Contact,
    pub tags: Vec<String>,
    pub suppressed: Option<Reason>,
}

/// The contact form as typed; only a carrier, see [`Draft`].
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ContactForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub tags: String,
    #[serde(default)]
    pub notes: String,
    pub do_not_contact: Option<String>,
}

impl ContactForm {
    /// The form filled with a stored contact, for its edit page.
    pub fn from_listed(listed: &Listed) -> Self {
        let c = &listed.contact;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            email: c.email.clone(),
            name: c.name.clone(),
            phone: text(&c.phone),
            outlet: text(&c.outlet),
            role: text(&c.role),
            country: text(&c.country),
            language: text(&c.language),
            tags: listed.tags.join(", "),
            notes: text(&c.notes),
            do_not_contact: c.do_not_contact.then(|| "on".to_owned()),
        }
    }
}

/// A contact's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub outlet: Option<String>,
    pub role: Option<String>,
    pub country: Option<CountryCode>,
    pub language: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub do_not_contact: bool,
}

impl TryFrom<&ContactForm> for Draft {
    type Error = Vec<Problem>;

    fn try_from(form: &ContactForm) -> Result<Self, Vec<Problem>> {
        let mut problems = Vec::new();
        let email = fields::keep(&mut problems, fields::email(&form.email));
        let name = fields::keep(&mut problems, fields::name(&form.name));
        let phone = fields::keep(
            &mut problems,
            fields::optional_line(Field::Phone, &form.phone),
        );
        let outlet = fields::keep(
            &mut problems,
            fields::optional_line(Field::Outlet, &form.outlet),
        );
        let role = fields::keep(
            &mut problems,
            fields::optional_line(Field::Role, &form.role),
        );
        let country = fields::keep(&mut problems, fields::country(&form.country));
        let language = fields::keep(&mut problems, fields::language(&form.language));
        let notes = fields::keep(&mut problems, fields::notes(&form.notes));
        let tags = fields::keep(&mut problems, fields::tags(&form.tags));
        match (
            email, name, phone, outlet, role, country, language, notes, tags,
        ) {
            (
                Some(email),
                Some(name),
                Some(phone),
                Some(outlet),
                Some(role),
                Some(country),
                Some(language),
                Some(notes),
                Some(tags),
            ) => Ok(Self {
                email,
                name,
                phone,
                outlet,
                role,
                country,
                language,
                notes,
                tags,
                do_not_contact: form.do_not_contact.is_some(),
            }),
            _ => Err(problems),
        }
    }
}

/// Why a contact could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum ContactError {
    #[error("another contact of the coalition has this address")]
    EmailTaken,
    #[error("no such contact")]
    NotFound,
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

fn key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// What the contacts search looks in: name, address and outlet, each
/// folded with [`crate::text::search_fold`] and on a line of its own, so
/// that a search (which never holds a line break) cannot match across two.
/// Never empty, so an empty key marks a contact stored before keys existed.
pub fn search_key(name: &str, email: &str, outlet: Option<&str>) -> String {
    [name, email, outlet.unwrap_or("")]
        .map(crate::text::search_fold)
        .join("\n")
}

/// Stores the search key of a contact from its stored fields, after a
/// change that set only some of them (an import's fill).
pub(super) fn refresh_search_key(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    if let Some((name, email, outlet)) = db::search_fields(conn, id)? {
        db::set_search_key(conn, id, &search_key(&name, &email, outlet.as_deref()))?;
    }
    Ok(())
}

/// Gives a search key to every contact stored before search keys existed
/// (the migration cannot: SQL has no Unicode folding); returns how many.
/// Runs at start, in batches of one transaction each.
pub fn fill_search_keys(conn: &mut DbConn) -> QueryResult<usize> {
    let mut filled = 0;
    loop {
        let done = crate::db::transaction(conn, |conn| {
            let rows = db::unkeyed(conn, 1000)?;
            for (id, name, email, outlet) in &rows {
                db::set_search_key(conn, id, &search_key(name, email, outlet.as_deref()))?;
            }
            Ok::<_, diesel::result::Error>(rows.len())
        })?;
        if done == 0 {
            return Ok(filled);
        }
        filled += done;
    }
}

/// Adds or lifts the suppression that a do-not-contact mark stands for.
fn sync_suppression(
    conn: &mut DbConn,
    coalition_id: &str,
    email: &str,
    was_marked: bool,
    marked: bool,
) -> QueryResult<()> {
    if marked {
        suppressions::add(conn, coalition_id, email, Reason::DoNotContact, None)
    } else if was_marked {
        suppressions::remove_do_not_contact(conn, coalition_id, email).map(|_| ())
    } else {
        Ok(())
    }
}

fn store_tags(conn: &mut DbConn, coalition_id: &str, id: &str, tags: &[String]) -> QueryResult<()> {
    db::clear_tags(conn, id)?;
    let rows: Vec<db::NewTag<'_>> = tags
        .iter()
        .map(|tag| db::NewTag {
            contact_id: id,
            coalition_id,
            tag,
        })
        .collect();
    db::insert_tags(conn, &rows).map(|_| ())
}

/// The stored fields of a contact as its form gives them.
fn stored_fields(draft: &Draft, now: NaiveDateTime) -> db::Edit<'_> {
    db::Edit {
        email: &draft.email,
        email_key: key(&draft.email),
        name: &draft.name,
        phone: draft.phone.as_deref(),
        outlet: draft.outlet.as_deref(),
        role: draft.role.as_deref(),
        country: draft.country.as_ref().map(CountryCode::as_str),
        language: draft.language.as_deref(),
        notes: draft.notes.as_deref(),
        do_not_contact: draft.do_not_contact,
        updated_at: now,
        search_key: search_key(&draft.name, &draft.email, draft.outlet.as_deref()),
    }
}

/// Creates a contact; returns its id.
pub fn create(
    conn: &mut DbConn,
    coalition_id: &str,
    actor: &Actor<'_>,
    draft: &Draft,
) -> Result<String, ContactError> {
    crate::db::transaction(conn, |conn| {
        if db::id_for_key(conn, coalition_id, &key(&draft.email))?.is_some() {
            return Err(ContactError::EmailTaken);
        }
        let now = crate::db::now();
        let id = crate::db::new_id();
        db::insert(
            conn,
            &db::NewContact {
                id: id.clone(),
                coalition_id,
                fields: stored_fields(draft, now),
                created_at: now,
            },
        )?;
        store_tags(conn, coalition_id, &id, &draft.tags)?;
        sync_suppression(
            conn,
            coalition_id,
            &draft.email,
            false,
            draft.do_not_contact,
        )?;
        let summary = Phrase::new("audit-contact-create")
            .text("name", &draft.name)
            .text("email", &draft.email);
        audit::record(
            conn,
            coalition_id,
            actor,
            "contact.create",
            "contact",
            &id,
            &summary,
        )?;
        Ok(id)
    })
}

/// Saves an edited contact.
pub fn update(
    conn: &mut DbConn,
    coalition_id: &str,
    actor: &Actor<'_>,
    id: &str,
    draft: &Draft,
) -> Result<(), ContactError> {
    crate::db::transaction(conn, |conn| {
        let before = db::find(conn, coalition_id, id)?.ok_or(ContactError::NotFound)?;
        match db::id_for_key(conn, coalition_id, &key(&draft.email))? {
            Some(other) if other != id => return Err(ContactError::EmailTaken),
            _ => {}
        }
        db::update(conn, id, &stored_fields(draft, crate::db::now()))?;
        store_tags(conn, coalition_id, id, &draft.tags)?;
        let mark_changed = before.do_not_contact != draft.do_not_contact;
        let email = if draft.do_not_contact {
            &draft.email
        } else {
            &before.email
        };
        sync_suppression(
            conn,
            coalition_id,
            email,
            before.do_not_contact,
            draft.do_not_contact,
        )?;
        let id_of_summary = match (mark_changed, draft.do_not_contact) {
            (false, _) => "audit-contact-update",
            (true, true) => "audit-contact-update-do-not-contact",
            (true, false) => "audit-contact-update-may-contact",
        };
        let summary = Phrase::new(id_of_summary)
            .text("name", &draft.name)
            .text("email", &draft.email);
        audit::record(
            conn,
            coalition_id,
            actor,
            "contact.update",
            "contact",
            id,
            &summary,
        )?;
        Ok(())
    })
}

/// Deletes a contact. Its suppression, if any, stays: the address is
/// still not to be mailed if it comes back in a later import.
pub fn delete(
    conn: &mut DbConn,
    coalition_id: &str,
    actor: &Actor<'_>,
    id: &str,
) -> Result<(), ContactError> {
    crate::db::transaction(conn, |conn| {
        let contact = db::find(conn, coalition_id, id)?.ok_or(ContactError::NotFound)?;
        db::delete(conn, coalition_id, id)?;
        let summary = Phrase::new("audit-contact-delete")
            .text("name", &contact.name)
            .text("email", &contact.email);
        audit::record(
            conn,
            coalition_id,
            actor,
            "contact.delete",
            "contact",
            id,
            &summary,
        )?;
        Ok(())
    })
}

/// Adds tags and suppression reasons to stored contacts.
fn listed(
    conn: &mut DbConn,
    coalition_id: &str,
    contacts: Vec<Contact>,
) -> QueryResult<Vec<Listed>> {
    let ids: Vec<String> = contacts.iter().map(|c| c.id.clone()).collect();
    let emails: Vec<String> = contacts.iter().map(|c| c.email_key.clone()).collect();
    let mut tags: HashMap<String, Vec<String>> = HashMap::new();
    for (id, tag) in db::tags_of(conn, &ids)? {
        tags.entry(id).or_default().push(tag);
    }
    let reasons = suppressions::reasons(conn, coalition_id, &emails)?;
    Ok(contacts
        .into_iter()
        .map(|contact| Listed {
            tags: tags.remove(&contact.id).unwrap_or_default(),
            suppressed: reasons.get(&contact.email_key).copied(),
            contact,
        })
        .collect())
}

pub fn find(conn: &mut DbConn, coalition_id: &str, id: &str) -> QueryResult<Option<Listed>> {
    let Some(contact) = db::find(conn, coalition_id, id)? else {
        return Ok(None);
    };
    Ok(listed(conn, coalition_id, vec![contact])?.pop())
}

/// One page of the contacts matching `filter`.
pub fn search(conn: &mut DbConn, coalition_id: &str, filter: &Filter) -> QueryResult<Page> {
    let after = match filter.after.trim() {
        "" => None,
        id => db::cursor(conn, coalition_id, id)?,
    };
    let mut contacts = db::page(conn, coalition_id, filter, after, PAGE_SIZE + 1)?;
    let more = contacts.len() as i64 > PAGE_SIZE;
    contacts.truncate(PAGE_SIZE as usize);
    let next = more
        .then(|| contacts.last().map(|c| c.id.clone()))
        .flatten();
    Ok(Page {
        total: db::count(conn, coalition_id, filter)?,
        contacts: listed(conn, coalition_id, contacts)?,
        next,
    })
}
