//! Media contacts: the coordinator's pages (create, edit, search, lists,
//! import with its preview, export) and the audience the press area asks
//! for.

use diesel::prelude::*;
use undersigned::coalitions::Role;
use undersigned::contacts::{self, Selection};
use undersigned::db::schema::{
    contact_list_members, contact_lists, contact_tags, contacts as table,
};

use crate::support::app::{TestApp, header_of, spawn_app};
use crate::support::contacts::{
    apply_as_shown, ods_of, upload_file, upload_to, wait_for_import, xlsx_of,
};
use crate::support::coordinators::{COALITION, COALITION_SLUG, Session, location};
use crate::support::pages::{field_error, table_rows, text_of};
use crate::support::pages::{hidden, report_rows};

const BASE: &str = "/c/clean-water-coalition/contacts";

/// Stores a contact row directly, as a fixture for the library API.
async fn stored_contact(app: &TestApp, email: &str, tags: &[&str], do_not_contact: bool) -> String {
    let coalition = app.coalition_id().await;
    let (email, tags) = (
        email.to_owned(),
        tags.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>(),
    );
    app.with_conn(move |c| {
        let id = undersigned::db::new_id();
        let now = undersigned::db::now();
        undersigned::db::transaction(c, |c| {
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
        .expect("contact stored");
        id
    })
    .await
}

async fn stored_list(app: &TestApp, name: &str, tags: &str, members: &[String]) -> String {
    let coalition = app.coalition_id().await;
    let (name, tags, members) = (name.to_owned(), tags.to_owned(), members.to_vec());
    app.with_conn(move |c| {
        let id = undersigned::db::new_id();
        undersigned::db::transaction(c, |c| {
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
    let coalition = app.coalition_id().await;

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
    let coalition = app.coalition_id().await;

    // Act
    let audience = app
        .with_conn(move |c| contacts::audience(c, &coalition, &Selection::default()))
        .await
        .expect("audience");

    // Assert
    assert!(audience.is_empty());
}

/// Creates a contact through the form; returns its id.
async fn add_contact(owner: &Session, fields: &[(&str, &str)]) -> String {
    let response = owner.post(&format!("{BASE}/new"), fields).await;
    assert_eq!(response.status(), 303, "the contact is created");
    location(&response)
        .rsplit('/')
        .next()
        .and_then(|id| id.split('?').next())
        .expect("a contact id")
        .to_owned()
}

/// Uploads `csv` as a file (multipart, the CSRF token in the query string);
/// returns the preview's path.
async fn upload(owner: &Session, csv: &str) -> String {
    upload_to(owner, BASE, csv).await
}

/// Applies the previewed import as shown, and waits for it to end.
async fn apply(owner: &Session, preview_path: &str) -> serde_json::Value {
    apply_as_shown(owner, preview_path, "").await
}

async fn contact_count(app: &TestApp) -> i64 {
    app.with_conn(|c| table::table.count().get_result(c).expect("count"))
        .await
}

async fn suppression_of(app: &TestApp, email: &str) -> Option<String> {
    use undersigned::db::schema::suppressions;
    let email = email.to_owned();
    app.with_conn(move |c| {
        suppressions::table
            .filter(suppressions::email.eq(email))
            .select(suppressions::reason)
            .first::<String>(c)
            .optional()
            .expect("query")
    })
    .await
}

#[tokio::test]
async fn a_contact_is_created_edited_and_deleted_and_each_change_is_audited() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;

    // Act
    let id = add_contact(
        &owner,
        &[
            ("name", "Ana Ruiz"),
            ("email", "Ana@Diario.example"),
            ("outlet", "El Diario"),
            ("country", "MX"),
            ("language", "ES"),
            ("tags", "Climate, water"),
        ],
    )
    .await;
    let (_, created) = owner.page(&format!("{BASE}/{id}")).await;
    let edited = owner
        .post(
            &format!("{BASE}/{id}"),
            &[
                ("name", "Ana Ruiz Soto"),
                ("email", "ana@diario.example"),
                ("role", "Science"),
            ],
        )
        .await;
    let (_, after_edit) = owner.page(&format!("{BASE}/{id}")).await;
    let deleted = owner.post(&format!("{BASE}/{id}/delete"), &[]).await;

    // Assert
    assert!(created.contains("value=\"ana@diario.example\""));
    assert!(created.contains("value=\"climate, water\""));
    assert!(created.contains("value=\"es\""));
    assert_eq!(edited.status(), 303);
    assert!(after_edit.contains("Ana Ruiz Soto") && after_edit.contains("value=\"Science\""));
    assert!(
        !after_edit.contains("value=\"climate, water\""),
        "emptied tags are removed"
    );
    assert_eq!(deleted.status(), 303);
    assert_eq!(owner.get(&format!("{BASE}/{id}")).await.status(), 404);
    let (_, audit) = owner.page(&format!("/c/{COALITION_SLUG}/audit")).await;
    for action in ["Contact added", "Contact edited", "Contact deleted"] {
        assert!(
            audit.contains(&format!("<td>{action}</td>")),
            "{action} is audited"
        );
    }
}

#[tokio::test]
async fn a_wrong_form_keeps_what_was_typed_and_says_what_is_wrong_beside_each_field() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    add_contact(&owner, &[("name", "Ana"), ("email", "ana@diario.example")]).await;

    // Act
    let invalid = owner
        .post(
            &format!("{BASE}/new"),
            &[
                ("name", "<b>Ben</b>"),
                ("email", "not-an-address"),
                ("country", "Atlantis"),
                ("language", "??"),
            ],
        )
        .await;
    let status = invalid.status();
    let page = invalid.text().await.expect("body");
    let taken = owner
        .post(
            &format!("{BASE}/new"),
            &[("name", "Other"), ("email", "ANA@diario.example")],
        )
        .await;
    let taken_status = taken.status();
    let taken_page = taken.text().await.expect("body");

    // Assert
    assert_eq!(status, 422);
    assert!(
        page.contains("value=\"&lt;b&gt;Ben&lt;/b&gt;\""),
        "typed values are kept, escaped"
    );
    assert!(field_error(&page, "email").is_some_and(|e| e.contains("not-an-address")));
    assert!(field_error(&page, "country").is_some_and(|e| e.contains("Atlantis")));
    assert!(field_error(&page, "language").is_some());
    assert_eq!(taken_status, 422);
    assert!(field_error(&taken_page, "email").is_some_and(|e| e.contains("Another contact")));
    assert_eq!(contact_count(&app).await, 1);
}

#[tokio::test]
async fn contacts_are_found_by_words_and_filtered_by_tag_outlet_country_and_language() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    add_contact(
        &owner,
        &[
            ("name", "Ana Ruiz"),
            ("email", "ana@diario.example"),
            ("outlet", "El Diario"),
            ("country", "MX"),
            ("language", "es"),
            ("tags", "climate"),
        ],
    )
    .await;
    add_contact(
        &owner,
        &[
            ("name", "Ben Stone"),
            ("email", "ben@radio.example"),
            ("outlet", "Radio One"),
            ("country", "GB"),
            ("language", "en"),
            ("tags", "water"),
        ],
    )
    .await;
    add_contact(
        &owner,
        &[
            ("name", "Carla Díaz"),
            ("email", "carla@tv.example"),
            ("outlet", "TV Sur"),
            ("country", "MX"),
            ("language", "es"),
            ("tags", "water, climate"),
        ],
    )
    .await;
    let names = |page: &str| -> Vec<String> {
        table_rows(page)
            .iter()
            .map(|r| r.split(" | ").nth(1).unwrap_or_default().to_owned())
            .collect()
    };

    // Act
    let searches = [
        ("", vec!["Ana Ruiz", "Ben Stone", "Carla Díaz"]),
        ("?q=RADIO", vec!["Ben Stone"]),
        ("?q=carla%40", vec!["Carla Díaz"]),
        ("?tag=climate", vec!["Ana Ruiz", "Carla Díaz"]),
        ("?outlet=diario", vec!["Ana Ruiz"]),
        ("?country=MX&language=es&tag=water", vec!["Carla Díaz"]),
        ("?q=100%25", vec![]),
    ];

    // Assert
    for (query, expected) in searches {
        let (status, page) = owner.page(&format!("{BASE}{query}")).await;
        assert_eq!(status, 200, "{query}");
        assert_eq!(names(&page), expected, "{query}");
    }
}

#[tokio::test]
async fn pages_follow_each_other_without_repeating_a_contact() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let csv: String = std::iter::once("email,name\n".to_owned())
        .chain((0..120).map(|i| format!("p{i:03}@example.org,Person {i:03}\n")))
        .collect();
    let preview = upload(&owner, &csv).await;
    apply(&owner, &preview).await;

    // Act
    let mut seen = Vec::new();
    let mut path = BASE.to_owned();
    loop {
        let (_, page) = owner.page(&path).await;
        seen.extend(table_rows(&page));
        let marker = "after=";
        let Some(start) = page.find(marker) else {
            break;
        };
        let id: String = page[start + marker.len()..]
            .chars()
            .take_while(|c| *c != '"')
            .collect();
        path = format!("{BASE}?after={id}");
    }

    // Assert
    assert_eq!(seen.len(), 120);
    assert!(seen[0].contains("| Person 000 |") && seen[119].contains("| Person 119 |"));
    seen.dedup();
    assert_eq!(seen.len(), 120);
}

#[tokio::test]
async fn selected_contacts_go_on_a_list_and_the_list_and_the_audience_show_them() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let ana = add_contact(
        &owner,
        &[
            ("name", "Ana"),
            ("email", "ana@diario.example"),
            ("tags", "climate"),
        ],
    )
    .await;
    let ben = add_contact(&owner, &[("name", "Ben"), ("email", "ben@radio.example")]).await;
    add_contact(
        &owner,
        &[
            ("name", "Carla"),
            ("email", "carla@tv.example"),
            ("tags", "climate"),
            ("do_not_contact", "on"),
        ],
    )
    .await;

    // Act
    let added = owner
        .post(
            &format!("{BASE}/lists/add"),
            &[
                ("contact", ana.as_str()),
                ("contact", ben.as_str()),
                ("list", ""),
                ("new_list", "Launch"),
            ],
        )
        .await;
    let list_path = location(&added);
    let (_, list_page) = owner.page(&list_path).await;
    let by_tag = owner
        .post(
            &format!("{BASE}/lists"),
            &[("name", "Climate desk"), ("tags", "Climate")],
        )
        .await;
    let (_, tag_page) = owner.page(&location(&by_tag)).await;
    let removed = owner
        .post(&format!("{list_path}/remove"), &[("contact", ben.as_str())])
        .await;
    let (_, after_removal) = owner.page(&list_path).await;
    let (_, lists_page) = owner.page(&format!("{BASE}/lists")).await;
    let coalition = app.coalition_id().await;
    let list_id = list_path.rsplit('/').next().expect("id").to_owned();
    let tag_list = location(&by_tag).rsplit('/').next().expect("id").to_owned();
    let audience = app
        .with_conn(move |c| {
            contacts::audience(
                c,
                &coalition,
                &Selection {
                    lists: vec![list_id, tag_list],
                    tags: vec![],
                },
            )
        })
        .await
        .expect("audience");

    // Assert
    assert_eq!(added.status(), 303);
    assert_eq!(table_rows(&list_page).len(), 2);
    assert!(list_page.contains("Ana") && list_page.contains("Ben"));
    let tagged = table_rows(&tag_page);
    assert_eq!(tagged.len(), 2, "{tagged:?}");
    assert!(
        tagged
            .iter()
            .any(|r| r.contains("Carla") && r.contains("suppressed (do-not-contact)"))
    );
    assert_eq!(removed.status(), 303);
    assert_eq!(table_rows(&after_removal).len(), 1);
    assert!(text_of(&lists_page).contains("Launch Picked by hand 1"));
    let emails: Vec<&str> = audience.iter().map(|m| m.email.as_str()).collect();
    assert_eq!(emails, ["ana@diario.example"], "Carla is do-not-contact");
}

const IMPORT: &str = "email,name,outlet,country,tags\n\
                      ana@diario.example,Ana Ruiz,El Diario,MX,climate\n\
                      BEN@radio.example,,Radio Two,,water\n\
                      not-an-address,Nobody,,,\n\
                      carla@tv.example,Carla,,Atlantis,\n\
                      Ana@Diario.example,Ana Again,,,press\n\
                      dora@web.example,,,,\n";

#[tokio::test]
async fn the_preview_says_per_row_what_is_created_updated_or_rejected_and_changes_nothing() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    add_contact(
        &owner,
        &[
            ("name", "Ben Stone"),
            ("email", "ben@radio.example"),
            ("outlet", "Radio One"),
        ],
    )
    .await;

    // Act
    let preview = upload(&owner, IMPORT).await;
    let (status, page) = owner.page(&preview).await;

    // Assert
    assert_eq!(status, 200);
    assert_eq!(
        report_rows(&page),
        [
            "2 | ana@diario.example | Ana Ruiz | will be imported",
            "3 | BEN@radio.example |  | will update the contact with this address",
            "4 | not-an-address | Nobody | rejected: “not-an-address” is not an email address; enter one such as name@example.org.",
            "5 | carla@tv.example | Carla | rejected: “Atlantis” is not a country; use a code such as MX or a name such as Mexico.",
            "6 | Ana@Diario.example | Ana Again | merged into line 2, which has the same address",
            "7 | dora@web.example |  | rejected: Enter the Name.",
        ]
    );
    assert!(text_of(&page).contains(
        "1 contacts will be created, 1 updated and 3 rows are rejected. Nothing has changed yet."
    ));
    assert!(text_of(&page).contains("One row has the address of an earlier row"));
    assert_eq!(contact_count(&app).await, 1);
}

#[tokio::test]
async fn applying_creates_and_updates_in_one_go_and_keeps_what_the_file_leaves_empty() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let ben = add_contact(
        &owner,
        &[
            ("name", "Ben Stone"),
            ("email", "ben@radio.example"),
            ("outlet", "Radio One"),
            ("tags", "radio"),
        ],
    )
    .await;
    let preview = upload(&owner, IMPORT).await;

    // Act
    let done = apply(&owner, &preview).await;
    let (_, ben_page) = owner.page(&format!("{BASE}/{ben}")).await;
    let (_, list) = owner.page(&format!("{BASE}?q=ana")).await;
    let (_, audit) = owner.page(&format!("/c/{COALITION_SLUG}/audit")).await;

    // Assert
    assert_eq!(done["state"], "done", "{done}");
    assert_eq!(
        done["report"],
        serde_json::json!({"created": 1, "updated": 1, "rejected": 3})
    );
    assert_eq!(contact_count(&app).await, 2);
    assert!(
        ben_page.contains("value=\"Ben Stone\""),
        "an empty cell keeps the name"
    );
    assert!(ben_page.contains("value=\"Radio Two\""));
    assert!(
        ben_page.contains("value=\"radio, water\""),
        "tags are added"
    );
    assert!(text_of(&list).contains("Ana Ruiz ana@diario.example El Diario"));
    assert!(audit.contains("1 created, 1 updated, 3 rows rejected"));
    let ana_tags: Vec<String> = app
        .with_conn(|c| {
            contact_tags::table
                .inner_join(table::table)
                .filter(table::email.eq("ana@diario.example"))
                .order(contact_tags::tag)
                .select(contact_tags::tag)
                .load(c)
                .expect("tags")
        })
        .await;
    assert_eq!(
        ana_tags,
        ["climate", "press"],
        "the merged row's tags are added"
    );
    let (_, progress) = owner.page(&format!("{preview}/progress")).await;
    assert!(
        text_of(&progress)
            .contains("The import is complete: 1 contacts created, 1 updated, 3 rows rejected.")
    );
}

#[tokio::test]
async fn a_file_with_a_bom_semicolons_spanish_headers_and_a_quoted_line_break_is_understood() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let csv = "\u{feff}Correo electrónico;Nombre;Teléfono;Medio;Fuente;País;Idioma;Etiquetas;Notas;No contactar\r\n\
               eva@prensa.example;Eva Núñez;+34 600 000 000;La Prensa;Medio ambiente;España;español;\"clima, agua\";\"Llamar por la mañana;\nnunca el lunes\";no\r\n";

    // Act
    let preview = upload(&owner, csv).await;
    let (_, page) = owner.page(&preview).await;
    let done = apply(&owner, &preview).await;
    let (_, list) = owner.page(BASE).await;
    let id = list
        .split(&format!("<td><a href=\"{BASE}/"))
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a contact link")
        .to_owned();
    let (_, contact) = owner.page(&format!("{BASE}/{id}")).await;

    // Assert
    assert_eq!(
        report_rows(&page),
        ["2 | eva@prensa.example | Eva Núñez | will be imported"]
    );
    assert!(
        page.contains("<option value=\"role\" selected>"),
        "Fuente is the beat"
    );
    assert_eq!(done["state"], "done", "{done}");
    assert!(
        contact.contains("value=\"La Prensa\"") && contact.contains("value=\"+34 600 000 000\"")
    );
    assert!(contact.contains("value=\"ES\" selected") && contact.contains("value=\"es\""));
    assert!(contact.contains("value=\"agua, clima\""));
    assert!(contact.contains("Llamar por la mañana;\nnunca el lunes"));
}

#[tokio::test]
async fn the_coordinator_can_map_a_column_the_headers_did_not_name() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let preview = upload(&owner, "Who,Where to write\nAna,ana@diario.example\n").await;

    // Act
    let (_, unmapped) = owner.page(&preview).await;
    let remapped = format!("{preview}?col0=name&col1=email");
    let (_, mapped) = owner.page(&remapped).await;

    // Assert
    assert!(unmapped.contains("No column is mapped to Email."));
    assert!(unmapped.contains("disabled"), "nothing can be imported yet");
    assert_eq!(
        report_rows(&mapped),
        ["2 | ana@diario.example | Ana | will be imported"]
    );
    assert_eq!(hidden(&mapped, "col1").as_deref(), Some("email"));
}

/// Makes the database refuse one address, as a disk or constraint error
/// would in the middle of an import.
async fn refuse_inserting(app: &TestApp, email: &str) {
    let email = email.to_owned();
    let postgres = app.db.is_postgres();
    app.with_conn(move |c| {
        use diesel::connection::SimpleConnection;
        let sql = if postgres {
            format!(
                "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN \
                 IF NEW.email_key = '{email}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; \
                 CREATE TRIGGER refuse BEFORE INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION refuse();"
            )
        } else {
            format!(
                "CREATE TRIGGER refuse BEFORE INSERT ON contacts WHEN NEW.email_key = '{email}' \
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;"
            )
        };
        c.batch_execute(&sql).expect("trigger created");
    })
    .await;
}

#[tokio::test]
async fn an_import_that_fails_while_applying_changes_nothing() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let ben = add_contact(&owner, &[("name", "Ben"), ("email", "ben@radio.example")]).await;
    let csv: String =
        std::iter::once("email,name,outlet\nben@radio.example,Ben,Changed FM\n".to_owned())
            .chain((0..700).map(|i| format!("p{i:03}@example.org,Person {i},\n")))
            .chain(std::iter::once("refused@example.org,Refused,\n".to_owned()))
            .collect();
    refuse_inserting(&app, "refused@example.org").await;
    let preview = upload(&owner, &csv).await;

    // Act
    let done = apply(&owner, &preview).await;
    let (_, progress) = owner.page(&format!("{preview}/progress")).await;
    let (_, ben_page) = owner.page(&format!("{BASE}/{ben}")).await;

    // Assert
    assert_eq!(done["state"], "failed", "{done}");
    assert!(text_of(&progress).contains("The import failed and nothing was changed."));
    assert_eq!(contact_count(&app).await, 1);
    assert!(!ben_page.contains("Changed FM"));
}

#[tokio::test]
async fn an_import_whose_plan_changed_since_the_preview_is_refused_whole() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let preview = upload(
        &owner,
        "email,name\nana@diario.example,Ana\nben@radio.example,Ben\n",
    )
    .await;
    let (_, page) = owner.page(&preview).await;
    add_contact(
        &owner,
        &[("name", "Ben meanwhile"), ("email", "ben@radio.example")],
    )
    .await;

    // Act
    let plan = hidden(&page, "plan").expect("plan");
    let form = [("col0", "email"), ("col1", "name"), ("plan", plan.as_str())];
    owner.post(&preview, &form).await;
    let done = wait_for_import(&owner, &preview).await;

    // Assert
    assert_eq!(done["state"], "failed");
    assert!(
        done["message"]
            .as_str()
            .is_some_and(|m| m.contains("changed since the preview"))
    );
    assert_eq!(contact_count(&app).await, 1);
}

#[tokio::test]
async fn do_not_contact_suppresses_the_address_and_unmarking_lifts_only_that() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let ana = add_contact(
        &owner,
        &[
            ("name", "Ana"),
            ("email", "ana@diario.example"),
            ("do_not_contact", "on"),
        ],
    )
    .await;
    let ben = add_contact(&owner, &[("name", "Ben"), ("email", "ben@radio.example")]).await;
    let coalition = app.coalition_id().await;
    app.with_conn(move |c| {
        undersigned::suppressions::add(
            c,
            &coalition,
            "ben@radio.example",
            undersigned::suppressions::Reason::Unsubscribed,
            None,
        )
    })
    .await
    .expect("suppressed");

    // Act
    let marked = suppression_of(&app, "ana@diario.example").await;
    let (_, list) = owner.page(BASE).await;
    owner
        .post(
            &format!("{BASE}/{ana}"),
            &[("name", "Ana"), ("email", "ana@diario.example")],
        )
        .await;
    owner
        .post(
            &format!("{BASE}/{ben}"),
            &[
                ("name", "Ben"),
                ("email", "ben@radio.example"),
                ("do_not_contact", "on"),
            ],
        )
        .await;
    owner
        .post(
            &format!("{BASE}/{ben}"),
            &[("name", "Ben"), ("email", "ben@radio.example")],
        )
        .await;
    let (_, ben_page) = owner.page(&format!("{BASE}/{ben}")).await;

    // Assert
    let ben_history = text_of(&ben_page);
    assert!(
        ben_history.contains("Not mailed since") && ben_history.contains(": unsubscribed."),
        "{ben_history}"
    );
    assert!(ben_history.contains("No mailing has reached this address yet."));
    assert_eq!(marked.as_deref(), Some("do-not-contact"));
    assert!(text_of(&list).contains("suppressed (do-not-contact)"));
    assert!(text_of(&list).contains("suppressed (unsubscribed)"));
    assert_eq!(suppression_of(&app, "ana@diario.example").await, None);
    assert_eq!(
        suppression_of(&app, "ben@radio.example").await.as_deref(),
        Some("unsubscribed")
    );
    assert!(text_of(&ben_page).contains("suppressed (unsubscribed)"));
}

#[tokio::test]
async fn a_suppressed_address_imported_again_stays_suppressed_and_an_import_can_mark_one() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let ana = add_contact(
        &owner,
        &[
            ("name", "Ana"),
            ("email", "ana@diario.example"),
            ("do_not_contact", "on"),
        ],
    )
    .await;
    owner.post(&format!("{BASE}/{ana}/delete"), &[]).await;
    let preview = upload(
        &owner,
        "email,name,do not contact\nANA@diario.example,Ana,no\nben@radio.example,Ben,yes\n",
    )
    .await;

    // Act
    let done = apply(&owner, &preview).await;
    let (_, list) = owner.page(BASE).await;

    // Assert
    assert_eq!(done["state"], "done");
    assert_eq!(
        suppression_of(&app, "ana@diario.example").await.as_deref(),
        Some("do-not-contact")
    );
    assert_eq!(
        suppression_of(&app, "ben@radio.example").await.as_deref(),
        Some("do-not-contact")
    );
    let rows = table_rows(&list);
    assert!(
        rows.iter()
            .all(|r| r.contains("suppressed (do-not-contact)")),
        "{rows:?}"
    );
}

#[tokio::test]
async fn the_export_has_tags_and_the_mark_and_cannot_run_as_a_formula() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    add_contact(
        &owner,
        &[
            ("name", "=cmd()"),
            ("email", "ana@diario.example"),
            ("outlet", "@SUM(A1)"),
            ("tags", "climate, water"),
            ("do_not_contact", "on"),
        ],
    )
    .await;

    // Act
    let response = owner.get(&format!("{BASE}/export.csv")).await;
    let content_type = header_of(&response, reqwest::header::CONTENT_TYPE);
    let csv = response.text().await.expect("body");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let row = reader.records().next().expect("a row").expect("readable");
    let cell = |name: &str| row[headers.iter().position(|h| h == name).expect(name)].to_owned();

    // Assert
    assert!(content_type.starts_with("text/csv"));
    assert_eq!(cell("name"), "'=cmd()");
    assert_eq!(cell("outlet"), "'@SUM(A1)");
    assert_eq!(cell("tags"), "climate, water");
    assert_eq!(cell("do not contact"), "yes");
    assert_eq!(cell("suppressed"), "do-not-contact");
}

#[tokio::test]
async fn another_coalitions_coordinator_finds_none_of_the_contacts_pages() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let ana = add_contact(&owner, &[("name", "Ana"), ("email", "ana@diario.example")]).await;
    let list = location(
        &owner
            .post(
                &format!("{BASE}/lists/add"),
                &[("contact", ana.as_str()), ("new_list", "Launch")],
            )
            .await,
    );
    let preview = upload(&owner, "email,name\nben@radio.example,Ben\n").await;
    let outsider_id = app
        .add_coordinator(
            "Out",
            "out@example.org",
            None,
            "Other Coalition",
            Role::Owner,
        )
        .await;
    let outsider = app.session_for(&outsider_id).await;
    let other = "/c/other-coalition/contacts";

    // Act
    let mut wrong = Vec::new();
    for path in [
        BASE.to_owned(),
        format!("{BASE}/{ana}"),
        list.clone(),
        preview.clone(),
        format!("{preview}/progress.json"),
        format!("{BASE}/export.csv"),
    ] {
        let status = outsider.get(&path).await.status();
        if status != 404 {
            wrong.push(format!("GET {path}: {status}"));
        }
    }
    for path in [
        format!("{other}/{ana}"),
        format!(
            "{other}/lists/{}",
            list.rsplit('/').next().unwrap_or_default()
        ),
        preview.replace(BASE, other),
    ] {
        let status = outsider.get(&path).await.status();
        if status != 404 {
            wrong.push(format!(
                "GET {path} under the outsider's coalition: {status}"
            ));
        }
    }
    let deleted = outsider
        .post(&format!("{other}/{ana}/delete"), &[])
        .await
        .status();

    // Assert
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(deleted, 404);
    assert_eq!(contact_count(&app).await, 1);
}

#[tokio::test]
async fn the_command_line_previews_with_dry_run_and_then_imports() {
    // Arrange
    let app = spawn_app().await;
    app.setup_first_account().await;
    let file = app.data_dir.path().join("contacts.csv");
    std::fs::write(&file, IMPORT).expect("file written");
    let run = |dry_run: bool| {
        let mut command = app.command(&["contacts", "import"]);
        command.arg(&file).args(["--coalition", COALITION_SLUG]);
        if dry_run {
            command.arg("--dry-run");
        }
        command.output().expect("the binary runs")
    };

    // Act
    let dry = run(true);
    let after_dry = contact_count(&app).await;
    let real = run(false);

    // Assert
    let dry_out = String::from_utf8_lossy(&dry.stdout);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(
        dry_out.contains("1 contacts will be created, 0 updated and 4 rows are rejected"),
        "{dry_out}"
    );
    assert!(
        dry_out.contains("line 4: not-an-address Nobody rejected:"),
        "{dry_out}"
    );
    assert!(dry_out.contains("Dry run: nothing was changed."));
    assert_eq!(after_dry, 0);
    assert!(
        real.status.success(),
        "{}",
        String::from_utf8_lossy(&real.stderr)
    );
    assert!(
        String::from_utf8_lossy(&real.stdout)
            .contains("The import is complete: 1 contacts created, 0 updated, 4 rows rejected.")
    );
    assert_eq!(contact_count(&app).await, 1);
}

#[tokio::test]
async fn a_windows_1252_file_from_excel_keeps_its_accents() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    let file =
        b"correo;nombre;medio\r\nana@prensa.example;Ana N\xfa\xf1ez;Asociaci\xf3n Pop No\x92j\r\n";

    // Act
    let preview = upload_file(&owner, BASE, "lista.csv", file).await;
    let (_, page) = owner.page(&preview).await;
    apply(&owner, &preview).await;

    // Assert
    assert!(page.contains("Ana Núñez"), "{page}");
    let stored = app
        .with_conn(|c| {
            table::table
                .select((table::name, table::outlet))
                .first::<(String, Option<String>)>(c)
                .expect("a contact")
        })
        .await;
    assert_eq!(stored.0, "Ana Núñez");
    assert_eq!(stored.1.as_deref(), Some("Asociación Pop No\u{2019}j"));
}

const ROWS: &[[&str; 3]] = &[
    ["correo", "nombre", "medio"],
    [
        "ana@prensa.example",
        "Ana Núñez",
        "Asociación Pop No\u{2019}j",
    ],
    ["=1+1@prensa.example", "Ben Ortiz", "+52 55 1234 5678"],
];

fn xlsx() -> Vec<u8> {
    xlsx_of(&ROWS.iter().map(|r| r.as_slice()).collect::<Vec<_>>())
}

fn ods() -> Vec<u8> {
    ods_of(&ROWS.iter().map(|r| r.as_slice()).collect::<Vec<_>>())
}

#[tokio::test]
async fn xlsx_and_ods_workbooks_import_like_csv() {
    for (name, file) in [("lista.xlsx", xlsx()), ("lista.ods", ods())] {
        // Arrange
        let app = spawn_app().await;
        let owner = app.setup_first_account().await;

        // Act
        let preview = upload_file(&owner, BASE, name, &file).await;
        let (_, page) = owner.page(&preview).await;
        apply(&owner, &preview).await;
        let stored: Vec<(String, String, Option<String>)> = app
            .with_conn(|c| {
                table::table
                    .order(table::email)
                    .select((table::email, table::name, table::outlet))
                    .load(c)
                    .expect("contacts")
            })
            .await;

        // Assert
        assert!(page.contains("Ana Núñez"), "{name}: {page}");
        assert_eq!(
            stored,
            [
                (
                    "=1+1@prensa.example".to_owned(),
                    "Ben Ortiz".to_owned(),
                    Some("+52 55 1234 5678".to_owned())
                ),
                (
                    "ana@prensa.example".to_owned(),
                    "Ana Núñez".to_owned(),
                    Some("Asociación Pop No\u{2019}j".to_owned())
                ),
            ],
            "{name}"
        );
    }
}
