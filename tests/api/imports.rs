//! Importing a list kept before: a preview with a verdict per row that
//! changes nothing, then listing the rows directly or mailing each a
//! confirmation; English or Spanish headers, commas or semicolons.

use crate::support::app::spawn_app;
use crate::support::contacts::{apply_as_shown, ods_of, upload_file, xlsx_of};
use crate::support::coordinators::{OWNER_EMAIL, location};
use crate::support::outbox::queued;
use crate::support::pages::report_rows;
use crate::support::signatures::import;
use crate::support::signatures::{
    coordinator_rows, row_of, signature_by_email, signatures_of, signatures_path, snapshot,
};
use crate::support::signers::{SignOnForm, listed, open_statement, sign_and_confirm};

const LIST: &str = "organization,country,email\n\
                    Agua Viva,MX,ana@aguaviva.example\n\
                    Bad Mail,MX,not-an-address\n\
                    Bad Country,Atlantis,x@bad.example\n\
                    Agua Viva Again,MX,ana@aguaviva.example\n\
                    Already Here,MX,ben@rios.example\n\
                    Lagos Vivos,Chile,carla@lagos.example\n";

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
    let rows = report_rows(&page);
    assert_eq!(
        rows,
        [
            "2 | Agua Viva | Mexico | ana@aguaviva.example | will be imported",
            "3 | Bad Mail | Mexico | not-an-address | rejected: \u{201c}not-an-address\u{201d} is not an email address",
            "4 | Bad Country | Atlantis | x@bad.example | rejected: \u{201c}Atlantis\u{201d} is not a country code or name",
            "5 | Agua Viva Again | Mexico | ana@aguaviva.example | merged into line 2, which has the same address",
            "6 | Already Here | Mexico | ben@rios.example | rejected: this address has signed already",
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
            .all(|s| s.status.as_str() == "confirmed" && s.source.as_str() == "import")
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
            signature_by_email(&app, email).await.status.as_str(),
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
        report_rows(&page),
        [
            "2 | Sin Fronteras, I.A.P. |  | will be imported",
            "3 | Asociación Pop No\u{2019}j | Guatemala | will be imported",
            "4 | ACCSS | Guatemala | will be imported",
            "6 | Centro de Derechos Humanos Fray Matías (CDH Fray Matías) | Mexico | will be imported",
            "7 | Women\u{2019}s Refugee Commission | WRC |  | will be imported",
            "8 | Kino Border Initiative | United States | will be imported",
            "9 | Agua Viva, AC |  | will be imported",
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
            .all(|s| s.status.as_str() == "approved" && s.approved_by.is_some())
    );
}

#[tokio::test]
async fn xlsx_and_ods_lists_upload_with_or_without_a_header_line() {
    let header: &[&str] = &["Organización", "País", "Correo"];
    let agua: &[&str] = &["Agua Viva", "México", "ana@aguaviva.example"];
    let sin: &[&str] = &["Sin Fronteras, I.A.P.", "MX", ""];
    for (name, file) in [
        ("firmas.xlsx", xlsx_of(&[header, agua, sin])),
        ("firmas.ods", ods_of(&[header, agua, sin])),
        (
            "sin-encabezado.xlsx",
            xlsx_of(&[&sin[..2], &["ACCSS", "Guatemala"]]),
        ),
    ] {
        // Arrange
        let app = spawn_app().await;
        let (owner, statement) = open_statement(&app, &[]).await;

        // Act
        let preview = upload_file(&owner, &signatures_path(&statement), name, &file).await;
        let (status, page) = owner.page(&format!("{preview}?mode=list")).await;
        let progress = apply_as_shown(&owner, &preview, "?mode=list").await;

        // Assert
        assert_eq!(status, 200, "{name}");
        assert!(
            report_rows(&page)
                .iter()
                .all(|row| row.ends_with("| will be imported")),
            "{name}: {page}"
        );
        assert_eq!(progress["state"], "done", "{name}");
        let mut expected = vec!["Sin Fronteras, I.A.P., Mexico"];
        expected.insert(
            0,
            if name.starts_with("sin") {
                "ACCSS, Guatemala"
            } else {
                "Agua Viva, Mexico"
            },
        );
        assert_eq!(listed(&app).await, expected, "{name}");
    }
}

#[tokio::test]
async fn the_coordinator_maps_a_column_in_the_preview_and_it_is_imported_as_mapped() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let cells = "Agua Viva\thttps://aguaviva.example\tMX\nRíos Libres\thttps://rios.example\tCL\n";
    let uploaded = owner
        .post(
            &format!("{}/import", signatures_path(&statement)),
            &[("csv", cells)],
        )
        .await;
    let preview = location(&uploaded);

    // Act
    let (_, guessed) = owner.page(&format!("{preview}?mode=list")).await;
    let mapped = "?mode=list&col0=organization&col1=website&col2=country";
    let (_, remapped) = owner.page(&format!("{preview}{mapped}")).await;
    let progress = apply_as_shown(&owner, &preview, mapped).await;

    // Assert
    assert!(
        report_rows(&guessed)[0].contains("is not a country code or name"),
        "the second column is first taken for the country: {guessed}"
    );
    assert!(guessed.contains("Column 2"));
    assert_eq!(
        report_rows(&remapped),
        [
            "1 | Agua Viva | Mexico | https://aguaviva.example | will be imported",
            "2 | Ríos Libres | Chile | https://rios.example | will be imported",
        ]
    );
    assert_eq!(progress["state"], "done");
    let stored = signatures_of(&app, &statement).await;
    let sites: Vec<_> = stored
        .iter()
        .map(|s| (s.website.clone(), s.country.clone()))
        .collect();
    assert_eq!(
        sites,
        [
            (Some("https://aguaviva.example".into()), Some("MX".into())),
            (Some("https://rios.example".into()), Some("CL".into())),
        ]
    );
}

#[tokio::test]
async fn rows_with_the_same_address_are_merged_and_fill_each_others_cells() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let list = "organization,email,website,contact\n\
                Agua Viva,ana@aguaviva.example,,\n\
                Agua Viva A.C.,ANA@aguaviva.example,https://aguaviva.example,Ana Ruiz\n";

    // Act
    let preview = import(&owner, &statement, list, "confirm", "preview").await;
    let page = preview.text().await.expect("body");
    import(&owner, &statement, list, "confirm", "apply").await;

    // Assert
    assert_eq!(
        report_rows(&page),
        [
            "2 | Agua Viva |  | ana@aguaviva.example |  | will be imported",
            "3 | Agua Viva A.C. | https://aguaviva.example | ana@aguaviva.example | Ana Ruiz | merged into line 2, which has the same address",
        ]
    );
    assert!(page.contains("One row has the address of an earlier row"));
    let stored = signatures_of(&app, &statement).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].name, "Agua Viva");
    assert_eq!(
        stored[0].website.as_deref(),
        Some("https://aguaviva.example")
    );
    assert_eq!(stored[0].signer_name.as_deref(), Some("Ana Ruiz"));
    assert_eq!(
        queued(&app, "ana@aguaviva.example", "confirm-signature")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn the_command_line_previews_then_imports_a_signed_by_file_as_a_coordinator() {
    // Arrange
    let app = spawn_app().await;
    let (_owner, statement) = open_statement(&app, &[("requires_approval", "on")]).await;
    let file = app.data_dir.path().join("firmantes.txt");
    std::fs::write(&file, SIGNED_BY).expect("file written");
    let run = |by: &str, dry_run: bool| {
        let mut command = app.command(&["signatures", "import"]);
        command
            .arg(&file)
            .args(["--statement", &statement, "--by", by]);
        if dry_run {
            command.arg("--dry-run");
        }
        command.output().expect("the binary runs")
    };

    // Act
    let stranger = run("nobody@example.org", false);
    let dry = run(OWNER_EMAIL, true);
    let after_dry = signatures_of(&app, &statement).await.len();
    let real = run(OWNER_EMAIL, false);

    // Assert
    assert!(!stranger.status.success());
    assert!(String::from_utf8_lossy(&stranger.stderr).contains("no coordinator has the address"));
    let dry_out = String::from_utf8_lossy(&dry.stdout);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(dry_out.contains("Column 1 -> Organization"), "{dry_out}");
    assert!(
        dry_out.contains("7 rows will be imported; 0 rows have a problem"),
        "{dry_out}"
    );
    assert!(dry_out.contains("Dry run: nothing was changed."));
    assert_eq!(after_dry, 0);
    assert!(
        real.status.success(),
        "{}",
        String::from_utf8_lossy(&real.stderr)
    );
    assert!(String::from_utf8_lossy(&real.stdout).contains("7 signatures imported."));
    let stored = signatures_of(&app, &statement).await;
    assert_eq!(stored.len(), 7);
    assert!(stored.iter().all(|s| s.status.as_str() == "approved"
        && s.approved_by.as_deref().is_some_and(|by| !by.is_empty())));
    assert_eq!(listed(&app).await.len(), 7);
}
