//! The coordinator's side of signatures: duplicate and domain flags,
//! approval and rejection, merging, display names and the manual order.

use diesel::prelude::*;
use undersigned::db::schema::signatures;

use crate::support::app::{TestApp, spawn_app};
use crate::support::coordinators::{COALITION_SLUG, Session, location};
use crate::support::outbox::queued;
use crate::support::pages::text_of;
use crate::support::signatures::moderate;
use crate::support::signatures::{
    coordinator_rows, row_of, signature, signature_by_email, signatures_path,
};
use crate::support::signers::{
    SignOnForm, confirmation_link, listed, open_statement, press, sign, sign_and_confirm,
};

fn names(rows: &[String]) -> Vec<String> {
    rows.iter()
        .map(|r| r.split(" | ").nth(1).unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn names_differing_only_in_accents_case_or_legal_suffix_are_flagged_as_duplicates() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    for (name, country, email) in [
        ("Centro de Estudios Hídricos A.C.", "MX", "a@ceh.example"),
        ("centro de estudios hidricos", "MX", "b@correo.example"),
        ("CENTRO DE ESTUDIOS HÍDRICOS", "AR", "c@ceh-ar.example"),
        ("Agua Viva", "MX", "ana@aguaviva.example"),
    ] {
        sign(
            &app,
            &SignOnForm::organization(name, email).with("country", country),
        )
        .await;
    }

    // Act
    let flagged = coordinator_rows(&owner, &statement, "?flag=duplicate").await;
    let all = coordinator_rows(&owner, &statement, "").await;

    // Assert
    let mut flagged_names = names(&flagged);
    flagged_names.sort();
    assert_eq!(
        flagged_names,
        [
            "Centro de Estudios Hídricos A.C.",
            "centro de estudios hidricos"
        ]
    );
    assert!(flagged.iter().all(|r| r.contains("possible duplicate")));
    assert!(!row_of(&all, "CENTRO").contains("possible duplicate"));
    assert!(!row_of(&all, "Agua Viva").contains("possible duplicate"));
}

#[tokio::test]
async fn the_same_website_domain_is_flagged_and_an_address_at_that_domain_is_a_domain_match() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    for (name, website, email) in [
        (
            "Rivers United",
            "https://www.rivers.example",
            "info@rivers.example",
        ),
        (
            "Friends of Rivers",
            "rivers.example/about",
            "friends@mail.example",
        ),
        ("Agua Viva", "aguaviva.example", "ana@correo.example"),
    ] {
        sign(
            &app,
            &SignOnForm::organization(name, email).with("website", website),
        )
        .await;
    }

    // Act
    let duplicates = coordinator_rows(&owner, &statement, "?flag=duplicate").await;
    let domain = coordinator_rows(&owner, &statement, "?flag=domain").await;

    // Assert
    let mut duplicate_names = names(&duplicates);
    duplicate_names.sort();
    assert_eq!(duplicate_names, ["Friends of Rivers", "Rivers United"]);
    assert_eq!(names(&domain), ["Rivers United"]);
    assert!(domain[0].contains("domain match"));
    assert!(!row_of(&duplicates, "Friends of Rivers").contains("domain match"));
    assert!(
        signature_by_email(&app, "info@rivers.example")
            .await
            .domain_matches
    );
}

/// An open statement that needs approval, with three confirmed signatures.
async fn awaiting_approval(app: &TestApp) -> (Session, String, [String; 3]) {
    let (owner, statement) = open_statement(app, &[("requires_approval", "on")]).await;
    let mut ids = Vec::new();
    for (name, email) in [
        ("Agua Viva", "ana@aguaviva.example"),
        ("Ríos Libres", "ben@rios.example"),
        ("Spam Corp", "spam@spam.example"),
    ] {
        ids.push(sign_and_confirm(app, &SignOnForm::organization(name, email)).await);
    }
    let ids: [String; 3] = ids.try_into().expect("three ids");
    (owner, statement, ids)
}

#[tokio::test]
async fn confirmed_signatures_of_a_statement_needing_approval_wait_unlisted() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[("requires_approval", "on")]).await;
    sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let link = confirmation_link(&app, "ana@aguaviva.example").await;

    // Act
    let confirmed = press(&app, &link).await.text().await.expect("body");
    let rows = coordinator_rows(&owner, &statement, "?status=confirmed").await;

    // Assert
    assert!(confirmed.contains("The coordinators review each signature before it is listed"));
    assert!(listed(&app).await.is_empty());
    assert_eq!(app.statement(&statement).await.listed_total(), 0);
    assert_eq!(names(&rows), ["Agua Viva"]);
    assert!(!rows[0].contains("listed"), "{rows:?}");
}

#[tokio::test]
async fn approving_and_rejecting_several_at_once_lists_only_the_approved() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement, [agua, rios, spam]) = awaiting_approval(&app).await;

    // Act
    let approved = moderate(
        &owner,
        &statement,
        &[("id", &agua), ("id", &rios), ("action", "approve")],
    )
    .await;
    let rejected = moderate(&owner, &statement, &[("id", &spam), ("action", "reject")]).await;
    let again = sign(
        &app,
        &SignOnForm::organization("Spam Corp", "spam@spam.example"),
    )
    .await;

    // Assert
    assert_eq!(
        (approved.status().as_u16(), rejected.status().as_u16()),
        (303, 303)
    );
    assert_eq!(
        location(&approved),
        format!("{}?done=approved&count=2", signatures_path(&statement))
    );
    let (_, after) = owner.page(&location(&approved)).await;
    assert!(after.contains("2 signatures approved."), "{after}");
    assert_eq!(
        listed(&app).await,
        ["Agua Viva, Mexico", "Ríos Libres, Mexico"]
    );
    assert_eq!(app.statement(&statement).await.listed_total(), 2);
    let stored = signature(&app, &agua).await;
    assert_eq!(stored.status.as_str(), "approved");
    assert_eq!(
        stored.approved_by.as_deref(),
        Some(crate::support::coordinators::OWNER_NAME)
    );
    assert_eq!(signature(&app, &spam).await.status.as_str(), "rejected");
    assert_eq!(
        again.status(),
        303,
        "the form looks the same to a rejected signer"
    );
    assert_eq!(signature(&app, &spam).await.status.as_str(), "rejected");
    assert!(!listed(&app).await.iter().any(|n| n.contains("Spam")));
    assert!(
        queued(&app, "spam@spam.example", "already-signed")
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn signers_are_told_of_the_decision_only_when_the_coordinator_asks_for_it() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement, [agua, rios, spam]) = awaiting_approval(&app).await;

    // Act
    moderate(
        &owner,
        &statement,
        &[("id", &agua), ("action", "approve"), ("notify", "on")],
    )
    .await;
    moderate(&owner, &statement, &[("id", &rios), ("action", "approve")]).await;
    moderate(
        &owner,
        &statement,
        &[("id", &spam), ("action", "reject"), ("notify", "on")],
    )
    .await;

    // Assert
    assert_eq!(
        queued(&app, "ana@aguaviva.example", "signature-approved")
            .await
            .len(),
        1
    );
    assert!(
        queued(&app, "ben@rios.example", "signature-approved")
            .await
            .is_empty()
    );
    assert_eq!(
        queued(&app, "spam@spam.example", "signature-rejected")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn a_signature_waiting_for_its_email_confirmation_cannot_be_approved() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[("requires_approval", "on")]).await;
    sign(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let pending = signature_by_email(&app, "ana@aguaviva.example").await.id;

    // Act
    let response = moderate(
        &owner,
        &statement,
        &[("id", &pending), ("action", "approve")],
    )
    .await;

    // Assert
    assert_eq!(response.status(), 400);
    assert_eq!(
        signature(&app, &pending).await.status.as_str(),
        "pending_email"
    );
    assert!(listed(&app).await.is_empty());
}

#[tokio::test]
async fn merging_two_duplicates_keeps_the_earlier_one_with_its_time() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let earlier = sign_and_confirm(
        &app,
        &SignOnForm::organization("Agua Viva A.C.", "ana@aguaviva.example"),
    )
    .await;
    let later = sign_and_confirm(
        &app,
        &SignOnForm::organization("agua viva", "info@aguaviva.example"),
    )
    .await;
    let day_before = undersigned::db::now() - chrono::Duration::days(1);
    let id = earlier.clone();
    app.with_conn(move |c| {
        diesel::update(signatures::table.find(id))
            .set((
                signatures::created_at.eq(day_before),
                signatures::confirmed_at.eq(day_before),
            ))
            .execute(c)
            .expect("back-dated")
    })
    .await;
    let (_, detail) = owner
        .page(&format!("{}/{later}", signatures_path(&statement)))
        .await;

    // Act
    let merged = owner
        .post(
            &format!("{}/{later}/merge", signatures_path(&statement)),
            &[("other", &earlier)],
        )
        .await;

    // Assert
    assert!(text_of(&detail).contains("Possible duplicates"));
    assert_eq!(merged.status(), 303);
    assert_eq!(
        location(&merged),
        format!("{}/{earlier}", signatures_path(&statement))
    );
    let kept = signature(&app, &earlier).await;
    assert_eq!(kept.created_at, day_before);
    assert_eq!(kept.confirmed_at, Some(day_before));
    let dropped = signature(&app, &later).await;
    assert_eq!(dropped.status.as_str(), "merged");
    assert_eq!(dropped.merged_into.as_deref(), Some(earlier.as_str()));
    assert_eq!(listed(&app).await, ["Agua Viva A.C., Mexico"]);
    assert_eq!(app.statement(&statement).await.listed_total(), 1);
}

#[tokio::test]
async fn a_display_name_shows_on_the_list_while_the_entered_name_is_kept_and_audited() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    let id = sign_and_confirm(
        &app,
        &SignOnForm::organization("agua viva ac", "ana@aguaviva.example"),
    )
    .await;

    // Act
    let saved = owner
        .post(
            &format!("{}/{id}/display-name", signatures_path(&statement)),
            &[("display_name", "Agua Viva A.C.")],
        )
        .await;

    // Assert
    assert_eq!(saved.status(), 303);
    assert_eq!(listed(&app).await, ["Agua Viva A.C., Mexico"]);
    let stored = signature(&app, &id).await;
    assert_eq!(stored.name, "agua viva ac");
    assert_eq!(stored.display_name.as_deref(), Some("Agua Viva A.C."));
    let rows = coordinator_rows(&owner, &statement, "").await;
    assert!(row_of(&rows, "Agua Viva A.C.").contains("entered: agua viva ac"));
    let (status, audit) = owner
        .page(&format!(
            "/c/{COALITION_SLUG}/audit?action=signature.display-name"
        ))
        .await;
    assert_eq!(status, 200);
    assert!(
        text_of(&audit).contains(
            "shows \u{201c}agua viva ac\u{201d} as \u{201c}Agua Viva A.C.\u{201d} (entered: \u{201c}agua viva ac\u{201d})"
        ),
        "{}",
        text_of(&audit)
    );
}

#[tokio::test]
async fn a_manual_position_moves_a_name_up_the_list() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[("list_order", "manual")]).await;
    let mut ids = Vec::new();
    for (name, email) in [
        ("Agua Viva", "ana@aguaviva.example"),
        ("Ríos Libres", "ben@rios.example"),
        ("Lagos Vivos", "carla@lagos.example"),
    ] {
        ids.push(sign_and_confirm(&app, &SignOnForm::organization(name, email)).await);
    }
    let in_signing_order = listed(&app).await;

    // Act
    for (id, position) in [(&ids[2], "0"), (&ids[1], "1")] {
        let saved = owner
            .post(
                &format!("{}/{id}/position", signatures_path(&statement)),
                &[("position", position)],
            )
            .await;
        assert_eq!(saved.status(), 303);
    }

    // Assert
    assert_eq!(
        in_signing_order,
        [
            "Agua Viva, Mexico",
            "Ríos Libres, Mexico",
            "Lagos Vivos, Mexico"
        ]
    );
    assert_eq!(
        listed(&app).await,
        [
            "Lagos Vivos, Mexico",
            "Ríos Libres, Mexico",
            "Agua Viva, Mexico"
        ]
    );
    assert_eq!(signature(&app, &ids[2]).await.manual_position, Some(0));
}

#[tokio::test]
async fn every_signature_of_a_filter_is_approved_across_pages_in_one_action() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement, _) = awaiting_approval(&app).await;
    let many: Vec<_> = (0..130)
        .map(|i| crate::support::signatures::organization(&format!("Colectivo {i:03}"), Some("GT")))
        .collect();
    app.add_signatures(&statement, many).await;
    let now = undersigned::db::now();
    let id = statement.clone();
    app.with_conn(move |c| {
        use diesel::prelude::*;
        use undersigned::db::schema::signatures;
        diesel::update(signatures::table.filter(signatures::statement_id.eq(id)))
            .filter(signatures::name.like("Colectivo%"))
            .set((
                signatures::status.eq("confirmed"),
                signatures::listed.eq(false),
                signatures::confirmed_at.eq(now),
            ))
            .execute(c)
            .expect("awaiting approval")
    })
    .await;

    // Act
    let approved = moderate(
        &owner,
        &statement,
        &[
            ("all", "on"),
            ("q", "colectivo"),
            ("status", "confirmed"),
            ("flag", ""),
            ("action", "approve"),
        ],
    )
    .await;
    let (_, page) = owner.page(&location(&approved)).await;

    // Assert
    assert_eq!(approved.status(), 303);
    assert!(page.contains("130 signatures approved."), "{page}");
    let names = listed(&app).await;
    assert_eq!(
        names.iter().filter(|n| n.starts_with("Colectivo")).count(),
        130
    );
    assert!(
        !names.iter().any(|n| n.contains("Agua Viva")),
        "outside the filter, nothing changed"
    );
}

#[tokio::test]
async fn every_signature_of_a_filter_is_deleted_across_pages_after_one_question() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    sign_and_confirm(
        &app,
        &SignOnForm::organization("Agua Viva", "ana@aguaviva.example"),
    )
    .await;
    let many: Vec<_> = (0..130)
        .map(|i| crate::support::signatures::organization(&format!("Importada {i:03}"), Some("GT")))
        .collect();
    app.add_signatures(&statement, many).await;
    let form = [
        ("all", "on"),
        ("q", "importada"),
        ("status", ""),
        ("flag", ""),
        ("action", "delete"),
    ];

    // Act
    let asked = moderate(&owner, &statement, &form).await;
    let (asked_status, question) = (asked.status(), asked.text().await.expect("body"));
    let listed_after_question = listed(&app).await.len();
    let mut confirmed = form.to_vec();
    confirmed.push(("confirmed", "yes"));
    let deleted = moderate(&owner, &statement, &confirmed).await;
    let (_, page) = owner.page(&location(&deleted)).await;

    // Assert
    assert_eq!(asked_status, 200);
    assert!(
        text_of(&question).contains("130 signatures will be deleted for good"),
        "{question}"
    );
    assert_eq!(listed_after_question, 131, "asking deletes nothing");
    assert_eq!(deleted.status(), 303);
    assert!(page.contains("130 signatures deleted."), "{page}");
    assert_eq!(listed(&app).await, ["Agua Viva, Mexico"]);
    let (_, log) = owner.page(&format!("/c/{COALITION_SLUG}/audit")).await;
    assert!(text_of(&log).contains("deleted 130 signatures"), "{log}");
}
