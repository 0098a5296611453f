//! Search that ignores accents, case and typographic quotes, on the
//! coordinator's signatures and contacts; possible duplicates with and
//! without a country; and a merge that keeps the confirmed signer's address.

use crate::support::app::spawn_app;
use crate::support::coordinators::{Session, location};
use crate::support::pages::text_of;
use crate::support::signatures::{
    coordinator_rows, row_of, signature, signature_by_email, signatures_of, signatures_path,
};
use crate::support::signers::{
    SignOnForm, listed, manage_link, open_statement, sign, sign_and_confirm,
};

/// The names (second cell) of the coordinator's rows found by `q`.
async fn signatures_found(owner: &Session, statement: &str, q: &str) -> Vec<String> {
    let query = serde_urlencoded::to_string([("q", q)]).expect("query");
    let mut names: Vec<String> = coordinator_rows(owner, statement, &format!("?{query}"))
        .await
        .iter()
        .map(|r| r.split(" | ").nth(1).unwrap_or_default().to_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn searching_signatures_ignores_accents_case_and_curly_apostrophes() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    for (name, email) in [
        ("Asociación Migración Sur", "a@migra.example"),
        ("Colectivo RUMIÑAHUI", "b@rumi.example"),
        ("Women’s Network", "c@women.example"),
        ("Red Norte–Sur", "d@red.example"),
        ("Agua Viva", "e@agua.example"),
    ] {
        sign(&app, &SignOnForm::organization(name, email)).await;
    }

    // Act
    let searches = [
        ("migracion", vec!["Asociación Migración Sur"]),
        ("MIGRACIÓN", vec!["Asociación Migración Sur"]),
        ("Rumiñahui", vec!["Colectivo RUMIÑAHUI"]),
        ("ruminahui", vec!["Colectivo RUMIÑAHUI"]),
        ("Women's", vec!["Women’s Network"]),
        ("WOMEN’S NETWORK", vec!["Women’s Network"]),
        ("norte-sur", vec!["Red Norte–Sur"]),
        ("e@agua", vec!["Agua Viva"]),
        ("100%", vec![]),
    ];

    // Assert
    for (q, expected) in searches {
        assert_eq!(
            signatures_found(&owner, &statement, q).await,
            expected,
            "{q}"
        );
    }
}

const CONTACTS: &str = "/c/clean-water-coalition/contacts";

#[tokio::test]
async fn searching_contacts_ignores_accents_case_and_curly_apostrophes() {
    // Arrange
    let app = spawn_app().await;
    let owner = app.setup_first_account().await;
    for (name, email, outlet) in [
        (
            "José Muñoz",
            "jose@diario.example",
            "Diario de la Migración",
        ),
        ("Mary O’Brien", "mary@radio.example", "Radio One"),
        ("ÑUSTA QUISPE", "nusta@tv.example", "TV Andina"),
    ] {
        let response = owner
            .post(
                &format!("{CONTACTS}/new"),
                &[("name", name), ("email", email), ("outlet", outlet)],
            )
            .await;
        assert_eq!(response.status(), 303, "{name} is added");
    }
    let found = async |q: &str| -> Vec<String> {
        let query = serde_urlencoded::to_string([("q", q)]).expect("query");
        let (status, page) = owner.page(&format!("{CONTACTS}?{query}")).await;
        assert_eq!(status, 200);
        crate::support::pages::table_rows(&page)
            .iter()
            .map(|r| r.split(" | ").nth(1).unwrap_or_default().to_owned())
            .collect()
    };

    // Act
    let searches = [
        ("munoz", vec!["José Muñoz"]),
        ("MUÑOZ", vec!["José Muñoz"]),
        ("migracion", vec!["José Muñoz"]),
        ("o'brien", vec!["Mary O’Brien"]),
        ("ñusta", vec!["ÑUSTA QUISPE"]),
        ("Ñusta Quispe", vec!["ÑUSTA QUISPE"]),
    ];

    // Assert
    for (q, expected) in searches {
        assert_eq!(found(q).await, expected, "{q}");
    }
}

#[tokio::test]
async fn the_same_organization_is_a_possible_duplicate_whether_or_not_one_has_a_country() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    for (name, country, email) in [
        ("Red de Ríos", Some("MX"), "a@rios.example"),
        ("red de rios A.C.", None, "b@correo.example"),
        ("Lagos Vivos", Some("MX"), "c@lagos.example"),
        ("Lagos Vivos", Some("CL"), "d@lagos-cl.example"),
    ] {
        let form = SignOnForm::organization(name, email);
        let form = match country {
            Some(c) => form.with("country", c),
            None => form.without("country"),
        };
        sign(&app, &form).await;
    }
    let without_country = signature_by_email(&app, "b@correo.example").await;

    // Act
    let flagged = coordinator_rows(&owner, &statement, "?flag=duplicate").await;
    let all = coordinator_rows(&owner, &statement, "").await;
    let (_, detail) = owner
        .page(&format!(
            "{}/{}",
            signatures_path(&statement),
            without_country.id
        ))
        .await;

    // Assert
    let mut names: Vec<&str> = flagged
        .iter()
        .map(|r| r.split(" | ").nth(1).unwrap_or_default())
        .collect();
    names.sort();
    assert_eq!(names, ["Red de Ríos", "red de rios A.C."]);
    assert!(row_of(&all, "red de rios A.C.").contains("possible duplicate"));
    assert!(!row_of(&all, "CL").contains("possible duplicate"));
    let detail = text_of(&detail);
    assert!(detail.contains("Possible duplicates"), "{detail}");
    assert!(detail.contains("a@rios.example"), "{detail}");
}

#[tokio::test]
async fn merging_a_confirmed_sign_on_into_an_imported_row_keeps_the_address_and_says_merged() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let imported = crate::support::signatures::import(
        &owner,
        &statement,
        "organization,country\nAgua Viva,MX\n",
        "list",
        "apply",
    )
    .await;
    assert_eq!(imported.status(), 303);
    let earlier = signatures_of(&app, &statement).await[0].clone();
    assert_eq!(earlier.email, "");
    let later = sign_and_confirm(
        &app,
        &SignOnForm::organization("Agua Viva A.C.", "ana@aguaviva.example").with("country", "MX"),
    )
    .await;

    // Act
    let merged = owner
        .post(
            &format!("{}/{later}/merge", signatures_path(&statement)),
            &[("other", &earlier.id)],
        )
        .await;

    // Assert
    assert_eq!(merged.status(), 303);
    assert_eq!(
        location(&merged),
        format!("{}/{}", signatures_path(&statement), earlier.id)
    );
    let kept = signature(&app, &earlier.id).await;
    assert_eq!(kept.email, "ana@aguaviva.example");
    assert_eq!(kept.created_at, earlier.created_at);
    let absorbed = signature(&app, &later).await;
    assert_eq!(absorbed.status.as_str(), "merged");
    assert_eq!(absorbed.merged_into.as_deref(), Some(earlier.id.as_str()));
    let recipients = app
        .with_conn({
            let statement = statement.clone();
            move |c| undersigned::signatures::confirmed_signatories(c, &statement)
        })
        .await
        .expect("signatories");
    let addresses: Vec<&str> = recipients.iter().map(|s| s.email.as_str()).collect();
    assert_eq!(addresses, ["ana@aguaviva.example"]);
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
    let rows = coordinator_rows(&owner, &statement, "").await;
    let row = row_of(&rows, "Agua Viva A.C.");
    assert!(row.contains("merged into Agua Viva"), "{row}");
    assert!(!row.contains("withdrawn"), "{row}");
    let (_, detail) = owner
        .page(&format!("{}/{later}", signatures_path(&statement)))
        .await;
    let detail = text_of(&detail);
    assert!(detail.contains("Merged"), "{detail}");
    assert!(detail.contains("into Agua Viva"), "{detail}");
    assert!(!detail.contains("Withdrawn"), "{detail}");
    let (_, export) = crate::support::signatures::csv_rows(&owner, &statement).await;
    let statuses: Vec<&str> = export.iter().map(|r| r["status"].as_str()).collect();
    assert!(statuses.contains(&"merged") && !statuses.contains(&"withdrawn"));
    let old_link = manage_link(&app, "ana@aguaviva.example").await;
    assert!(old_link.contains(&later), "{old_link}");
    let followed = crate::support::coordinators::browser()
        .get(app.url(&old_link))
        .send()
        .await
        .expect("sent");
    assert_eq!(
        followed.status(),
        303,
        "the signer's link leads to the kept entry"
    );
    let home = location(&followed);
    assert!(home.contains(&format!("/m/{}/", earlier.id)), "{home}");
    let (status, page) =
        crate::support::signers::visit(&app, home.trim_start_matches(&app.address)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Agua Viva"), "{page}");
}
