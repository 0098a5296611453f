//! Exports of the signatures: CSV safe to open in a spreadsheet, and JSON,
//! both with where each signature came from.

use std::collections::HashMap;

use crate::coordinators::{OWNER_NAME, Session};
use crate::helpers::{TestApp, spawn_app};
use crate::signers::{SignOnForm, open_statement, sign_and_confirm, signatures_path};

const FORMULAS: [&str; 3] = ["=HYPERLINK(\"http://x\")", "+1", "@x"];

/// A statement needing approval with three approved signatures named like
/// spreadsheet formulas; the first signer writes from the website's domain.
async fn approved_formulas(app: &TestApp) -> (Session, String) {
    let (owner, statement) = open_statement(app, &[("requires_approval", "on")]).await;
    let mut ids = Vec::new();
    for (i, name) in FORMULAS.iter().enumerate() {
        let email = if i == 0 {
            "ana@formula.example".to_owned()
        } else {
            format!("signer{i}@mail.example")
        };
        let form = SignOnForm::organization(name, &email).with("website", "www.formula.example");
        ids.push(sign_and_confirm(app, &form).await);
    }
    let mut fields: Vec<(&str, &str)> = ids.iter().map(|id| ("id", id.as_str())).collect();
    fields.push(("action", "approve"));
    let approved = owner
        .post(
            &format!("{}/moderate", signatures_path(&statement)),
            &fields,
        )
        .await;
    assert_eq!(approved.status(), 303);
    (owner, statement)
}

/// The CSV export as one map of column to cell per row.
pub async fn csv_rows(owner: &Session, statement: &str) -> (String, Vec<HashMap<String, String>>) {
    let response = owner
        .get(&format!("{}.csv", signatures_path(statement)))
        .await;
    assert_eq!(response.status(), 200);
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response.text().await.expect("body");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("a header line")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.expect("a row").iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (content_type, rows)
}

#[tokio::test]
async fn the_csv_export_turns_formulas_into_text() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = approved_formulas(&app).await;

    // Act
    let (content_type, rows) = csv_rows(&owner, &statement).await;

    // Assert
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let mut names: Vec<&str> = rows.iter().map(|r| r["name"].as_str()).collect();
    names.sort();
    let mut expected: Vec<String> = FORMULAS.iter().map(|f| format!("'{f}")).collect();
    expected.sort();
    assert_eq!(names, expected);
    assert!(rows.iter().all(|r| r["entered_name"].starts_with('\'')));
}

#[tokio::test]
async fn the_csv_export_has_the_provenance_of_each_signature() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = approved_formulas(&app).await;

    // Act
    let (_, rows) = csv_rows(&owner, &statement).await;

    // Assert
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert!(!row["confirmed_at"].is_empty(), "{row:?}");
        assert_eq!(row["revision"], "1");
        assert_eq!(row["authorized_to_sign"], "true");
        assert_eq!(row["approved_by"], OWNER_NAME);
        assert_eq!(row["status"], "approved");
        assert_eq!(row["added_by_coordinator"], "false");
        assert_eq!(row["source"], "form");
    }
    let matches: HashMap<&str, &str> = rows
        .iter()
        .map(|r| {
            (
                r["email"].as_str(),
                r["email_domain_matches_website"].as_str(),
            )
        })
        .collect();
    assert_eq!(matches["ana@formula.example"], "true");
    assert_eq!(matches["signer1@mail.example"], "false");
}

#[tokio::test]
async fn the_json_export_has_the_same_signatures_and_provenance() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = approved_formulas(&app).await;

    // Act
    let response = owner
        .get(&format!("{}.json", signatures_path(&statement)))
        .await;
    let status = response.status();
    let json: serde_json::Value =
        serde_json::from_str(&response.text().await.expect("body")).expect("JSON");

    // Assert
    assert_eq!(status, 200);
    assert_eq!(json["statement"], crate::signers::SLUG);
    let signatures = json["signatures"].as_array().expect("a list");
    assert_eq!(signatures.len(), 3);
    let ana = signatures
        .iter()
        .find(|s| s["email"] == "ana@formula.example")
        .expect("Ana's signature");
    assert_eq!(ana["entered_name"], FORMULAS[0]);
    assert_eq!(ana["revision"], "1");
    assert_eq!(ana["authorized_to_sign"], true);
    assert_eq!(ana["email_domain_matches_website"], true);
    assert_eq!(ana["approved_by"], OWNER_NAME);
    assert_eq!(ana["added_by_coordinator"], false);
    assert!(ana["confirmed_at"].as_str().is_some_and(|t| !t.is_empty()));
}
