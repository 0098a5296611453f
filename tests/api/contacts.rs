//! Media contacts: the coordinator's pages (create, edit, search, lists,
//! import with its preview, export) and the audience the press area asks
//! for.

use diesel::prelude::*;
use undersigned::coalitions::Role;
use undersigned::contacts::{self, Selection};
use undersigned::db::schema::{
    contact_list_members, contact_lists, contact_tags, contacts as table,
};

use crate::coordinators::{COALITION, COALITION_SLUG, retrying};
use crate::helpers::{TestApp, spawn_app};

async fn coalition_id(app: &TestApp) -> String {
    app.with_conn(|c| {
        undersigned::db::schema::coalitions::table
            .filter(undersigned::db::schema::coalitions::slug.eq(COALITION_SLUG))
            .select(undersigned::db::schema::coalitions::id)
            .first::<String>(c)
            .expect("the coalition")
    })
    .await
}

/// Stores a contact row directly, as a fixture for the library API.
async fn stored_contact(app: &TestApp, email: &str, tags: &[&str], do_not_contact: bool) -> String {
    let coalition = coalition_id(app).await;
    let (email, tags) = (
        email.to_owned(),
        tags.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>(),
    );
    app.with_conn(move |c| {
        let id = undersigned::db::new_id();
        let now = undersigned::db::now();
        retrying(|| {
            c.transaction(|c| {
                diesel::insert_into(table::table)
                    .values((
                        table::id.eq(&id),
                        table::coalition_id.eq(&coalition),
                        table::email.eq(&email),
                        table::email_key.eq(email.to_lowercase()),
                        table::name.eq(format!("Name of {email}")),
                        table::language.eq("es"),
                        table::do_not_contact.eq(do_not_contact),
                        table::created_at.eq(now),
                        table::updated_at.eq(now),
                    ))
                    .execute(c)?;
                for tag in &tags {
                    diesel::insert_into(contact_tags::table)
                        .values((
                            contact_tags::contact_id.eq(&id),
                            contact_tags::coalition_id.eq(&coalition),
                            contact_tags::tag.eq(tag),
                        ))
                        .execute(c)?;
                }
                Ok::<_, diesel::result::Error>(())
            })
        })
        .expect("contact stored");
        id
    })
    .await
}

async fn stored_list(app: &TestApp, name: &str, tags: &str, members: &[String]) -> String {
    let coalition = coalition_id(app).await;
    let (name, tags, members) = (name.to_owned(), tags.to_owned(), members.to_vec());
    app.with_conn(move |c| {
        let id = undersigned::db::new_id();
        retrying(|| {
            c.transaction(|c| {
                diesel::insert_into(contact_lists::table)
                    .values((
                        contact_lists::id.eq(&id),
                        contact_lists::coalition_id.eq(&coalition),
                        contact_lists::name.eq(&name),
                        contact_lists::tags.eq(&tags),
                        contact_lists::created_at.eq(undersigned::db::now()),
                    ))
                    .execute(c)?;
                for member in &members {
                    diesel::insert_into(contact_list_members::table)
                        .values((
                            contact_list_members::list_id.eq(&id),
                            contact_list_members::contact_id.eq(member),
                        ))
                        .execute(c)?;
                }
                Ok::<_, diesel::result::Error>(())
            })
        })
        .expect("list stored");
        id
    })
    .await
}

#[tokio::test]
async fn the_audience_is_the_union_of_lists_and_tags_without_do_not_contact() {
    // Arrange
    let app = spawn_app().await;
    app.add_coordinator("Owner", "owner@example.org", None, COALITION, Role::Owner)
        .await;
    let ana = stored_contact(&app, "Ana@Diario.example", &["climate"], false).await;
    let ben = stored_contact(&app, "ben@radio.example", &["water"], false).await;
    stored_contact(&app, "carla@tv.example", &["water", "climate"], true).await;
    let dora = stored_contact(&app, "dora@web.example", &[], false).await;
    stored_contact(&app, "eva@other.example", &["sports"], false).await;
    let picked = stored_list(&app, "Picked", "", &[dora.clone(), ana.clone()]).await;
    let by_tag = stored_list(&app, "Water desks", "water", &[]).await;
    let coalition = coalition_id(&app).await;

    // Act
    let (audience, lists, tags) = app
        .with_conn(move |c| {
            let selection = Selection {
                lists: vec![picked, by_tag],
                tags: vec!["climate".into()],
            };
            (
                contacts::audience(c, &coalition, &selection).expect("audience"),
                contacts::lists(c, &coalition).expect("lists"),
                contacts::tags(c, &coalition).expect("tags"),
            )
        })
        .await;

    // Assert
    let emails: Vec<&str> = audience.iter().map(|m| m.email.as_str()).collect();
    assert_eq!(
        emails,
        [
            "Ana@Diario.example",
            "ben@radio.example",
            "dora@web.example"
        ]
    );
    assert_eq!(audience[0].contact_id, ana);
    assert_eq!(audience[1].contact_id, ben);
    assert_eq!(audience[0].language.as_deref(), Some("es"));
    let summaries: Vec<(&str, i64)> = lists.iter().map(|l| (l.name.as_str(), l.members)).collect();
    assert_eq!(summaries, [("Picked", 2), ("Water desks", 2)]);
    assert_eq!(
        tags,
        [
            ("climate".to_owned(), 2),
            ("sports".to_owned(), 1),
            ("water".to_owned(), 2)
        ]
    );
}

#[tokio::test]
async fn an_empty_selection_selects_nobody() {
    // Arrange
    let app = spawn_app().await;
    app.add_coordinator("Owner", "owner@example.org", None, COALITION, Role::Owner)
        .await;
    stored_contact(&app, "ana@diario.example", &["climate"], false).await;
    let coalition = coalition_id(&app).await;

    // Act
    let audience = app
        .with_conn(move |c| contacts::audience(c, &coalition, &Selection::default()))
        .await
        .expect("audience");

    // Assert
    assert!(audience.is_empty());
}
