//! What the public sees of an open statement: the page with its "Signed by"
//! list, the printable letter and the JSON; and the coordinator's dashboard
//! and the demo data behind them.

use undersigned::i18n::Lang;
use undersigned::signatures;

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::{COALITION_SLUG, browser};
use crate::support::pages::{lists, next_link, signed_by};
use crate::support::signatures::{individual, organization};
use crate::support::statements::open_statement_in;

async fn public(app: &TestApp, path: &str) -> String {
    let response = browser().get(app.url(path)).send().await.expect("sent");
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.expect("body")
}

#[tokio::test]
async fn the_public_page_shows_the_title_text_count_and_the_list_as_in_a_letter() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement_in(&app, "Water for all", "en", &[]).await;
    app.add_signatures(
        &id,
        vec![
            organization("Friends of the River", Some("DE")),
            organization("Acme Collective", None),
            organization("Blue Lakes Trust", Some("GB")),
        ],
    )
    .await;

    // Act
    let page = public(&app, "/s/water-for-all").await;

    // Assert
    assert!(page.contains("<h1>Water for all</h1>"));
    assert!(page.contains("We, the undersigned, agree."));
    assert!(page.contains("3 signatories"));
    assert!(page.contains("Signed by"));
    assert_eq!(
        signed_by(&page),
        [[
            "Acme Collective",
            "Blue Lakes Trust, United Kingdom",
            "Friends of the River, Germany",
        ]]
    );
}

/// "Water for all" open in English with a Spanish version, signed by one
/// German organization.
async fn with_spanish_version_and_one_signature(app: &TestApp) {
    let (owner, id) = open_statement_in(app, "Water for all", "en", &[]).await;
    let added = owner
        .post(
            &format!("/c/{COALITION_SLUG}/statements/{id}/translations"),
            &[
                ("language", "es"),
                ("title", "Agua para todos"),
                ("body", "Acordamos."),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    app.add_signatures(&id, vec![organization("Wasserwacht Berlin", Some("DE"))])
        .await;
}

#[tokio::test]
async fn the_embed_shows_the_language_version_it_is_asked_for() {
    // Arrange
    let app = spawn_app().await;
    with_spanish_version_and_one_signature(&app).await;

    // Act
    let main = public(&app, "/s/water-for-all/embed").await;
    let spanish = public(&app, "/s/water-for-all/embed?lang=es").await;
    let missing = public(&app, "/s/water-for-all/embed?lang=fr").await;

    // Assert
    assert!(main.contains("<html lang=\"en\""));
    assert!(main.contains("Water for all"));
    assert!(spanish.contains("<html lang=\"es\""), "{spanish}");
    assert!(spanish.contains("Agua para todos"));
    assert!(spanish.contains("/s/water-for-all/es\""));
    assert!(spanish.contains("/s/water-for-all/sign?lang=es\""));
    assert!(spanish.contains("Firmar esta declaración"), "{spanish}");
    assert!(
        missing.contains("Water for all"),
        "no French version: the main one"
    );
}

#[tokio::test]
async fn country_names_follow_the_language_of_the_page() {
    // Arrange
    let app = spawn_app().await;
    with_spanish_version_and_one_signature(&app).await;

    // Act
    let english = public(&app, "/s/water-for-all").await;
    let spanish = public(&app, "/s/water-for-all/es").await;

    // Assert
    assert_eq!(signed_by(&english), [["Wasserwacht Berlin, Germany"]]);
    assert_eq!(signed_by(&spanish), [["Wasserwacht Berlin, Alemania"]]);
}

#[tokio::test]
async fn a_statement_for_organizations_and_individuals_shows_two_lists() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement_in(&app, "Water for all", "en", &[("signers", "both")]).await;
    app.add_signatures(
        &id,
        vec![
            organization("Rivers United", Some("FR")),
            individual("Ada Lovelace", Some("GB")),
            individual("Grace Hopper", None),
        ],
    )
    .await;

    // Act
    let page = public(&app, "/s/water-for-all").await;

    // Assert
    assert!(page.contains("<h3>Organizations</h3>"));
    assert!(page.contains("<h3>Individuals</h3>"));
    assert_eq!(
        signed_by(&page),
        [
            vec!["Rivers United, France"],
            vec!["Ada Lovelace, United Kingdom", "Grace Hopper"],
        ]
    );
    assert!(page.contains("3 signatories"));
}

#[tokio::test]
async fn names_differing_in_accents_and_case_are_listed_in_real_collation_order() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement_in(&app, "Agua para todos", "es", &[]).await;
    let names = ["Émile", "emile", "Eco", "Zapata", "Ábaco", "Ñandú", "Nube"];
    app.add_signatures(&id, names.iter().map(|n| organization(n, None)).collect())
        .await;

    // Act
    let page = public(&app, "/s/agua-para-todos").await;

    // Assert
    assert_eq!(
        signed_by(&page),
        [["Ábaco", "Eco", "emile", "Émile", "Nube", "Ñandú", "Zapata"]]
    );
}

#[tokio::test]
async fn the_list_can_be_ordered_by_country_or_by_signing_time() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = open_statement_in(&app, "Water for all", "en", &[]).await;
    let now = undersigned::db::now();
    let signed = |name: &str, country: Option<&str>, minutes_ago: i64| {
        let mut s = organization(name, country);
        s.confirmed_at = Some(now - chrono::Duration::minutes(minutes_ago));
        s
    };
    app.add_signatures(
        &id,
        vec![
            signed("Beta", Some("MX"), 50),
            signed("Alpha", None, 10),
            signed("Gamma", Some("AR"), 40),
            signed("Alpha", Some("MX"), 30),
            signed("Delta", Some("DE"), 20),
        ],
    )
    .await;

    // Act
    let by_country = app
        .save_settings(&owner, &id, &[("list_order", "country")])
        .await;
    let country_page = public(&app, "/s/water-for-all").await;
    let by_time = app
        .save_settings(&owner, &id, &[("list_order", "time")])
        .await;
    let time_page = public(&app, "/s/water-for-all").await;

    // Assert
    assert_eq!(
        (by_country.status().as_u16(), by_time.status().as_u16()),
        (303, 303)
    );
    assert_eq!(
        signed_by(&country_page),
        [[
            "Gamma, Argentina",
            "Delta, Germany",
            "Alpha, Mexico",
            "Beta, Mexico",
            "Alpha",
        ]]
    );
    assert_eq!(
        signed_by(&time_page),
        [[
            "Beta, Mexico",
            "Gamma, Argentina",
            "Alpha, Mexico",
            "Delta, Germany",
            "Alpha",
        ]]
    );
}

#[tokio::test]
async fn a_long_list_continues_through_rel_next_links_without_repeats_or_gaps() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement_in(&app, "Water for all", "en", &[]).await;
    let expected: Vec<String> = (1..=1100).map(|i| format!("Org {i:04}")).collect();
    app.add_signatures(
        &id,
        expected
            .iter()
            .rev()
            .map(|n| organization(n, None))
            .collect(),
    )
    .await;

    // Act
    let mut seen = Vec::new();
    let mut pages = 0;
    let mut next = Some("/s/water-for-all".to_owned());
    while let Some(path) = next {
        let page = public(&app, &path).await;
        let names = signed_by(&page).concat();
        assert!(names.len() as i64 <= signatures::PAGE_SIZE);
        seen.extend(names);
        next = next_link(&page);
        pages += 1;
        assert!(pages <= 5, "the links go round in circles");
    }
    let letter = public(&app, "/s/water-for-all/letter").await;
    let json: serde_json::Value =
        serde_json::from_str(&public(&app, "/s/water-for-all.json").await).expect("JSON");

    // Assert
    assert_eq!(pages, 3);
    assert_eq!(seen, expected);
    assert_eq!(lists(&letter, "ol", "letter-list").concat(), expected);
    assert_eq!(json["count"], 1100);
    assert_eq!(json["organizations"].as_array().map(Vec::len), Some(1100));
}

#[tokio::test]
async fn the_list_is_hidden_until_its_public_time() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = open_statement_in(
        &app,
        "Water for all",
        "en",
        &[("list_public_at", "2099-06-01T09:00")],
    )
    .await;
    app.add_signatures(&id, vec![organization("Early Signer", Some("CL"))])
        .await;

    // Act
    let hidden = public(&app, "/s/water-for-all").await;
    let hidden_json = public(&app, "/s/water-for-all.json").await;
    let hidden_letter = public(&app, "/s/water-for-all/letter").await;
    let an_hour_ago = (undersigned::db::now() - chrono::Duration::hours(1))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    app.save_settings(&owner, &id, &[("list_public_at", &an_hour_ago)])
        .await;
    let shown = public(&app, "/s/water-for-all").await;

    // Assert
    assert!(
        hidden.contains("will be published on 1 June 2099, 09:00 UTC"),
        "{hidden}"
    );
    for text in [&hidden, &hidden_json, &hidden_letter] {
        assert!(!text.contains("Early Signer"));
    }
    assert!(hidden_json.contains("\"list_visible\":false"));
    assert_eq!(signed_by(&shown), [["Early Signer, Chile"]]);
}

#[tokio::test]
async fn a_statement_is_not_public_before_its_publish_time() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = open_statement_in(
        &app,
        "Water for all",
        "en",
        &[("publish_at", "2099-06-01T09:00")],
    )
    .await;
    let preview = app.preview_path(&owner, &id).await;

    // Act
    let page = browser()
        .get(app.url("/s/water-for-all"))
        .send()
        .await
        .expect("sent")
        .status();
    let previewed = public(&app, &preview).await;

    // Assert
    assert_eq!(page, 404);
    assert!(previewed.contains("Water for all"));
}

#[tokio::test]
async fn the_public_page_has_open_graph_and_twitter_tags() {
    // Arrange
    let app = spawn_app().await;
    open_statement_in(&app, "Water for all", "en", &[]).await;

    // Act
    let page = public(&app, "/s/water-for-all").await;

    // Assert
    for tag in [
        "<meta property=\"og:type\" content=\"article\">".to_owned(),
        "<meta property=\"og:title\" content=\"Water for all\">".to_owned(),
        "<meta property=\"og:description\" content=\"We, the undersigned, agree.\">".to_owned(),
        format!(
            "<meta property=\"og:url\" content=\"{}/s/water-for-all\">",
            app.address
        ),
        "<meta name=\"twitter:card\" content=\"summary\">".to_owned(),
        "<meta name=\"twitter:title\" content=\"Water for all\">".to_owned(),
    ] {
        assert!(page.contains(&tag), "{tag}");
    }
}

#[tokio::test]
async fn the_printable_letter_has_the_statement_its_date_the_count_and_the_list() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement_in(&app, "Water for all", "en", &[]).await;
    app.add_signatures(
        &id,
        vec![
            organization("Rivers United", Some("FR")),
            organization("Acme Collective", None),
        ],
    )
    .await;
    let today = || undersigned::i18n::dates::long_date(Lang::En, undersigned::db::now().date());
    let before = today();

    // Act
    let letter = public(&app, "/s/water-for-all/letter").await;
    let after = today();

    // Assert
    assert!(letter.contains("<h1>Water for all</h1>"));
    assert!(letter.contains("We, the undersigned, agree."));
    assert!(
        letter.contains(&format!("{before} — 2 signatories"))
            || letter.contains(&format!("{after} — 2 signatories"))
    );
    assert_eq!(
        lists(&letter, "ol", "letter-list").concat(),
        ["Acme Collective", "Rivers United, France"]
    );
}

#[tokio::test]
async fn the_json_has_the_title_language_revision_hash_status_count_and_signatories() {
    // Arrange
    let app = spawn_app().await;
    let (_, id) = open_statement_in(&app, "Water for all", "en", &[]).await;
    app.add_signatures(&id, vec![organization("Rivers United", Some("FR"))])
        .await;
    let hash = {
        let id = id.clone();
        app.with_conn(move |c| {
            let version = undersigned::statements::version(c, &id, "en")
                .expect("query")
                .expect("version");
            undersigned::statements::current_revision(c, &version)
                .expect("revision")
                .content_hash
        })
        .await
    };

    // Act
    let response = browser()
        .get(app.url("/s/water-for-all.json"))
        .send()
        .await
        .expect("sent");
    let json: serde_json::Value =
        serde_json::from_str(&response.text().await.expect("body")).expect("JSON");

    // Assert
    assert_eq!(json["title"], "Water for all");
    assert_eq!(json["language"], "en");
    assert_eq!(json["revision_hash"], hash.as_str());
    assert_eq!(json["status"], "open");
    assert_eq!(json["count"], 1);
    assert_eq!(json["organizations"][0]["name"], "Rivers United");
    assert_eq!(json["organizations"][0]["country"], "FR");
    assert_eq!(json["organizations"][0]["country_name"], "France");
}

#[tokio::test]
async fn the_dashboard_shows_status_counts_chart_revisions_and_share_links() {
    // Arrange
    let app = spawn_app().await;
    let (owner, id) = open_statement_in(&app, "Water for all", "en", &[]).await;
    let mut pending = organization("Pending Org", None);
    pending.status = signatures::Status::PendingEmail;
    pending.confirmed_at = None;
    let mut withdrawn = organization("Withdrawn Org", None);
    withdrawn.status = signatures::Status::Withdrawn;
    app.add_signatures(
        &id,
        vec![
            organization("One", None),
            organization("Two", None),
            pending,
            withdrawn,
        ],
    )
    .await;

    // Act
    let (status, page) = owner
        .page(&format!("/c/{COALITION_SLUG}/statements/{id}"))
        .await;

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("status-open"));
    assert!(page.contains("<strong>2</strong> listed"));
    assert!(page.contains("<li>2 confirmed</li>"));
    assert!(page.contains("<li>1 pending email</li>"));
    assert!(page.contains("<li>1 withdrawn</li>"));
    let svg = &page[page.find("<svg").expect("a chart")..];
    let svg = &svg[..svg.find('>').expect("the svg tag")];
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("2 confirmed sign-ons in the last 30 days"));
    assert!(page.contains("Revision 1"));
    assert!(page.contains(&format!("{}/s/water-for-all", app.address)));
    assert!(page.contains(&format!("/preview/{id}/")));
    assert!(page.contains(&format!("{}/s/water-for-all/embed", app.address)));
    assert!(
        page.contains("&lt;iframe"),
        "the embed snippet is shown as text"
    );
}

#[tokio::test]
async fn the_demo_fills_two_coordinators_and_a_bilingual_open_statement_with_signatories() {
    // Arrange
    let app = spawn_app().await;

    // Act
    app.with_conn(|c| {
        undersigned::db::transaction(c, undersigned::demo::fill).expect("demo filled")
    })
    .await;
    let ana = app.login("ana@example.org", "demo-password").await;
    let kofi = app.login("kofi@example.org", "demo-password").await;
    let english = public(&app, "/s/water-is-a-right-not-a-commodity").await;
    let spanish = public(&app, "/s/water-is-a-right-not-a-commodity/es").await;
    let json: serde_json::Value =
        serde_json::from_str(&public(&app, "/s/water-is-a-right-not-a-commodity.json").await)
            .expect("JSON");
    let (_, statements) = ana.page("/c/clean-water-coalition").await;

    // Assert
    assert_eq!(
        ana.get("/c/clean-water-coalition/audit").await.status(),
        200
    );
    assert_eq!(
        kofi.get("/c/clean-water-coalition/audit").await.status(),
        403
    );
    assert_eq!(json["status"], "open");
    assert!(
        json["revision"].as_i64() >= Some(2),
        "revised: {}",
        json["revision"]
    );
    let count = json["count"].as_i64().unwrap_or_default();
    assert!(
        (24..=100).contains(&count),
        "a few dozen signatories: {count}"
    );
    assert_eq!(signed_by(&english).concat().len() as i64, count);
    assert!(english.contains("Wasserwacht Berlin e.V., Germany"));
    assert!(spanish.contains("Firmado por"));
    assert!(spanish.contains("Wasserwacht Berlin e.V., Alemania"));
    assert!(statements.contains("Water is a right, not a commodity"));
}
