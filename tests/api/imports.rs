//! Importing a list kept before: a preview with a verdict per row that
//! changes nothing, then listing the rows directly or mailing each a
//! confirmation; English or Spanish headers, commas or semicolons.

use crate::coordinators::{Session, location};
use crate::helpers::spawn_app;
use crate::signers::{
    SignOnForm, coordinator_rows, listed, open_statement, queued, row_of, sign_and_confirm,
    signature_by_email, signatures_of, signatures_path, snapshot, table_rows,
};

const LIST: &str = "organization,country,email\n\
                    Agua Viva,MX,ana@aguaviva.example\n\
                    Bad Mail,MX,not-an-address\n\
                    Bad Country,Atlantis,x@bad.example\n\
                    Agua Viva Again,MX,ana@aguaviva.example\n\
                    Already Here,MX,ben@rios.example\n\
                    Lagos Vivos,Chile,carla@lagos.example\n";

async fn import(
    owner: &Session,
    statement: &str,
    csv: &str,
    mode: &str,
    step: &str,
) -> reqwest::Response {
    owner
        .post(
            &format!("{}/import", signatures_path(statement)),
            &[("csv", csv), ("mode", mode), ("step", step)],
        )
        .await
}

#[tokio::test]
async fn the_preview_gives_a_verdict_per_row_and_changes_nothing() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Ríos Libres", "ben@rios.example"),
    )
    .await;
    let before = snapshot(&app).await;

    // Act
    let response = import(&owner, &statement, LIST, "list", "preview").await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 200);
    let rows = table_rows(&page);
    assert_eq!(
        rows,
        [
            "2 | Agua Viva | Mexico | ana@aguaviva.example | will be imported",
            "3 | Bad Mail | Mexico | not-an-address | \u{201c}not-an-address\u{201d} is not an email address",
            "4 | Bad Country | Atlantis | x@bad.example | \u{201c}Atlantis\u{201d} is not a country code or name",
            "5 | Agua Viva Again | Mexico | ana@aguaviva.example | this address appears earlier in the list",
            "6 | Already Here | Mexico | ben@rios.example | this address has signed already",
            "7 | Lagos Vivos | Chile | carla@lagos.example | will be imported",
        ]
    );
    assert!(page.contains("Nothing has changed yet."));
    assert_eq!(snapshot(&app).await, before);
}

#[tokio::test]
async fn applying_in_list_mode_lists_the_good_rows_as_added_by_coordinator() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;

    // Act
    let applied = import(&owner, &statement, LIST, "list", "apply").await;

    // Assert
    assert_eq!(applied.status(), 303);
    assert!(location(&applied).starts_with(&signatures_path(&statement)));
    assert_eq!(
        listed(&app).await,
        [
            "Agua Viva, Mexico",
            "Already Here, Mexico",
            "Lagos Vivos, Chile"
        ]
    );
    let stored = signatures_of(&app, &statement).await;
    assert!(
        stored
            .iter()
            .all(|s| s.status == "confirmed" && s.source == "import")
    );
    let rows = coordinator_rows(&owner, &statement, "").await;
    assert!(row_of(&rows, "Lagos Vivos").contains("added by coordinator"));
    let imported = coordinator_rows(&owner, &statement, "?flag=imported").await;
    assert_eq!(imported.len(), 3);
    let (status, csv) = owner
        .page(&format!("{}.csv", signatures_path(&statement)))
        .await;
    assert_eq!(status, 200);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("a header line").clone();
    let column = headers
        .iter()
        .position(|h| h == "added_by_coordinator")
        .expect("an added_by_coordinator column");
    let values: Vec<String> = reader
        .records()
        .map(|r| r.expect("a row")[column].to_owned())
        .collect();
    assert_eq!(values, ["true", "true", "true"]);
    assert!(
        queued(&app, "ana@aguaviva.example", "confirm-signature")
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn applying_in_confirm_mode_mails_each_row_a_confirmation_and_lists_nobody_yet() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;

    // Act
    let applied = import(&owner, &statement, LIST, "confirm", "apply").await;

    // Assert
    assert_eq!(applied.status(), 303);
    assert!(listed(&app).await.is_empty());
    for email in [
        "ana@aguaviva.example",
        "ben@rios.example",
        "carla@lagos.example",
    ] {
        assert_eq!(
            queued(&app, email, "confirm-signature").await.len(),
            1,
            "{email}"
        );
        assert_eq!(
            signature_by_email(&app, email).await.status,
            "pending_email"
        );
    }
    assert!(
        queued(&app, "x@bad.example", "confirm-signature")
            .await
            .is_empty()
    );
    assert_eq!(signatures_of(&app, &statement).await.len(), 3);
}

#[tokio::test]
async fn a_spanish_list_with_semicolons_and_a_byte_order_mark_is_read() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let csv = "\u{feff}Organización;País;Correo electrónico;Contacto\r\n\
               Agua Viva;México;ana@aguaviva.example;Ana Núñez\r\n\
               Ríos Libres;AR;ben@rios.example;Ben Ortiz\r\n";

    // Act
    let preview = import(&owner, &statement, csv, "list", "preview")
        .await
        .text()
        .await
        .expect("body");
    let applied = import(&owner, &statement, csv, "list", "apply").await;

    // Assert
    assert!(
        preview.contains("<strong>2</strong> rows will be imported"),
        "{preview}"
    );
    assert_eq!(applied.status(), 303);
    assert_eq!(
        listed(&app).await,
        ["Agua Viva, Mexico", "Ríos Libres, Argentina"]
    );
    let ana = signature_by_email(&app, "ana@aguaviva.example").await;
    assert_eq!(ana.signer_name.as_deref(), Some("Ana Núñez"));
    assert_eq!(ana.country.as_deref(), Some("MX"));
}

#[tokio::test]
async fn an_empty_list_is_refused_with_a_message() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;

    // Act
    let response = import(&owner, &statement, " \n\u{a0}\n", "list", "apply").await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 422);
    assert!(page.contains("is empty"), "{page}");
    assert!(signatures_of(&app, &statement).await.is_empty());
}

/// A "Signed by" block as it stands in a Word document.
const SIGNED_BY: &str = "Signed by:\n\
    \u{a0}Sin Fronteras, I.A.P.\u{a0}\n\
    Asociación Pop No\u{2019}j, Guatemala\n\
    ACCSS, Guatemala\n\
    \n\
    Centro de Derechos Humanos Fray Matías (CDH Fray Matías), México\n\
    Women\u{2019}s Refugee Commission | WRC\n\
    Kino Border Initiative, Estados Unidos\n\
    Agua Viva, AC\n";

#[tokio::test]
async fn a_signed_by_block_pasted_from_a_document_lands_exactly_as_written() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[("requires_approval", "on")]).await;

    // Act
    let preview = import(&owner, &statement, SIGNED_BY, "list", "preview").await;
    let (preview_status, page) = (preview.status(), preview.text().await.expect("body"));
    let applied = import(&owner, &statement, SIGNED_BY, "list", "apply").await;

    // Assert
    assert_eq!(preview_status, 200);
    assert_eq!(
        table_rows(&page),
        [
            "2 | Sin Fronteras, I.A.P. |  |  | will be imported",
            "3 | Asociación Pop No\u{2019}j | Guatemala |  | will be imported",
            "4 | ACCSS | Guatemala |  | will be imported",
            "6 | Centro de Derechos Humanos Fray Matías (CDH Fray Matías) | Mexico |  | will be imported",
            "7 | Women\u{2019}s Refugee Commission | WRC |  |  | will be imported",
            "8 | Kino Border Initiative | United States |  | will be imported",
            "9 | Agua Viva, AC |  |  | will be imported",
        ]
    );
    assert_eq!(applied.status(), 303);
    let (_, after) = owner.page(&location(&applied)).await;
    assert!(after.contains("7 signatures imported."), "{after}");
    assert_eq!(
        listed(&app).await,
        [
            "ACCSS, Guatemala",
            "Agua Viva, AC",
            "Asociación Pop No\u{2019}j, Guatemala",
            "Centro de Derechos Humanos Fray Matías (CDH Fray Matías), Mexico",
            "Kino Border Initiative, United States",
            "Sin Fronteras, I.A.P.",
            "Women\u{2019}s Refugee Commission | WRC",
        ],
        "listed at once although the statement requires approval"
    );
    let rows = signatures_of(&app, &statement).await;
    assert!(
        rows.iter()
            .all(|s| s.status == "approved" && s.approved_by.is_some())
    );
}
