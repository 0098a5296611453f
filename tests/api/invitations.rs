//! Inviting organizations to sign: one personal mail each with a one-click
//! unsubscribe, a pre-filled form that signs without a second confirmation,
//! "No, thank you", one reminder, and addresses that unsubscribed.

use crate::support::app::spawn_app;
use crate::support::coordinators::{COALITION_SLUG, Session};
use crate::support::outbox::{eml, latest_link, queued, queued_with_purpose};
use crate::support::pages::text_of;
use crate::support::signatures::{invitations_of, signature_by_email, snapshot};
use crate::support::signers::{SignOnForm, listed, open_statement, post_form, press, visit};
use crate::support::statements::TITLE;

const CARLA: &str = "carla@lagos.example";
const DIEGO: &str = "diego@cuencas.example";
const LIST: &str = "carla@lagos.example, Lagos Vivos, CL, Carla Díaz\n\
                    diego@cuencas.example, Red de Cuencas, PE, Diego Paz";

fn invitations_path(statement: &str) -> String {
    format!("/c/{COALITION_SLUG}/statements/{statement}/invitations")
}

/// Pastes `list` into the invitation form; returns the page's notice.
async fn invite(owner: &Session, statement: &str, list: &str) -> String {
    let response = owner
        .post(&invitations_path(statement), &[("list", list)])
        .await;
    assert_eq!(response.status(), 200, "the invitations are sent");
    let page = response.text().await.expect("body");
    let start = page.find("role=\"status\">").expect("a notice") + "role=\"status\">".len();
    text_of(&page[start..start + page[start..].find("</p>").expect("end of the notice")])
}

/// The invitation form as the invited person sends it: as pre-filled, with
/// the authorization box ticked.
fn invited_form(page: &str) -> SignOnForm {
    let value = |name: &str| {
        let marker = format!("name=\"{name}\"");
        let at = page
            .find(&marker)
            .unwrap_or_else(|| panic!("a {name} field"));
        let tag_start = page[..at].rfind('<').expect("the tag");
        let tag = &page[tag_start..tag_start + page[tag_start..].find('>').expect("tag end")];
        tag.split("value=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .map(crate::support::pages::unescape)
            .unwrap_or_default()
    };
    SignOnForm::organization(&value("organization"), &value("email"))
        .with("signer_name", &value("signer_name"))
        .with("country", "CL")
}

#[tokio::test]
async fn pasted_lines_send_one_personal_mail_each_with_unsubscribe_headers_and_link() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;

    // Act
    let notice = invite(&owner, &statement, LIST).await;

    // Assert
    assert!(notice.starts_with("2 invitations sent."), "{notice}");
    let invitations = invitations_of(&app, &statement).await;
    assert_eq!(invitations.len(), 2);
    let recipients: Vec<String> = queued_with_purpose(&app, "sign-invitation")
        .await
        .into_iter()
        .map(|m| m.recipient)
        .collect();
    assert_eq!(recipients.len(), 2);
    assert!(recipients.contains(&CARLA.to_owned()) && recipients.contains(&DIEGO.to_owned()));
    for (email, organization) in [(CARLA, "Lagos Vivos"), (DIEGO, "Red de Cuencas")] {
        let mails = queued(&app, email, "sign-invitation").await;
        assert_eq!(mails.len(), 1, "one mail to {email}");
        assert!(mails[0].text_body.contains(organization));
        assert!(crate::support::pages::words(&mails[0].text_body).contains(TITLE));
        let message = eml(&app, &mails[0].id).await;
        let headers = message.split("\r\n\r\n").next().unwrap_or_default();
        let unsubscribe = latest_link(&app, email, "sign-invitation", "/u/").await;
        assert!(
            headers.contains(&format!(
                "List-Unsubscribe: <{}{unsubscribe}?lang=en>",
                app.address
            )),
            "{headers}"
        );
        assert!(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(
            crate::support::pages::words(&mails[0].text_body)
                .contains("Do not send me invitations again")
        );
    }
}

#[tokio::test]
async fn the_invitation_link_opens_the_form_pre_filled_and_signing_lists_at_once_without_a_second_mail()
 {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    invite(&owner, &statement, LIST).await;
    let link = latest_link(&app, CARLA, "sign-invitation", "/i/").await;
    let before = snapshot(&app).await;
    let (shown, page) = visit(&app, &link).await;
    let after_look = snapshot(&app).await;

    // Act
    let signed = post_form(&app, &link, invited_form(&page).fields()).await;
    let status = signed.status();
    let answer = signed.text().await.expect("body");

    // Assert
    assert_eq!(shown, 200);
    for prefilled in [
        "value=\"Lagos Vivos\"",
        "value=\"carla@lagos.example\"",
        "value=\"Carla Díaz\"",
        "value=\"CL\" selected",
    ] {
        assert!(page.contains(prefilled), "{prefilled}");
    }
    assert_eq!(after_look, before, "opening the link changes nothing");
    assert_eq!(status, 200);
    assert!(answer.contains("Your signature is listed"), "{answer}");
    assert_eq!(listed(&app).await, ["Lagos Vivos, Chile"]);
    let signature = signature_by_email(&app, CARLA).await;
    assert_eq!(
        (signature.status.as_str(), signature.source.as_str()),
        ("confirmed", "invitation")
    );
    assert!(queued(&app, CARLA, "confirm-signature").await.is_empty());
    let carla = invitations_of(&app, &statement).await.remove(0);
    assert_eq!(carla.status.as_str(), "signed");
    assert_eq!(carla.signature_id.as_deref(), Some(signature.id.as_str()));
}

#[tokio::test]
async fn the_form_reporting_it_was_opened_marks_the_invitation_opened() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    invite(&owner, &statement, LIST).await;
    let link = latest_link(&app, CARLA, "sign-invitation", "/i/").await;

    // Act
    let reported = press(&app, &format!("{link}/opened")).await;

    // Assert
    assert_eq!(reported.status(), 204);
    let invitations = invitations_of(&app, &statement).await;
    assert_eq!(
        invitations
            .iter()
            .map(|i| (i.email.as_str(), i.status.as_str(), i.opened_at.is_some()))
            .collect::<Vec<_>>(),
        [(CARLA, "opened", true), (DIEGO, "invited", false)]
    );
}

#[tokio::test]
async fn no_thank_you_marks_the_invitation_declined_and_lists_nothing() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    invite(&owner, &statement, LIST).await;
    let link = latest_link(&app, CARLA, "sign-invitation", "/i/").await;

    // Act
    let response = press(&app, &format!("{link}/decline")).await;
    let status = response.status();
    let page = response.text().await.expect("body");

    // Assert
    assert_eq!(status, 200);
    assert!(page.contains("you do not wish to sign"));
    let carla = invitations_of(&app, &statement).await.remove(0);
    assert_eq!(carla.status.as_str(), "declined");
    assert!(carla.answered_at.is_some());
    assert!(listed(&app).await.is_empty());
}

#[tokio::test]
async fn only_unanswered_invitations_get_a_reminder_and_only_one() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    invite(&owner, &statement, LIST).await;
    let link = latest_link(&app, CARLA, "sign-invitation", "/i/").await;
    press(&app, &format!("{link}/decline")).await;
    let remind = format!("{}/remind", invitations_path(&statement));

    // Act
    let first = owner.post(&remind, &[]).await.text().await.expect("body");
    let second = owner.post(&remind, &[]).await.text().await.expect("body");

    // Assert
    assert!(text_of(&first).contains("1 reminders sent"), "{first}");
    assert!(text_of(&second).contains("0 reminders sent"));
    assert_eq!(
        queued(&app, DIEGO, "sign-invitation-reminder").await.len(),
        1
    );
    assert!(
        queued(&app, CARLA, "sign-invitation-reminder")
            .await
            .is_empty()
    );
    assert!(
        queued(&app, DIEGO, "sign-invitation-reminder").await[0]
            .text_body
            .contains("a reminder")
    );
}

#[tokio::test]
async fn an_address_that_unsubscribed_is_never_invited_again_and_the_report_says_so() {
    // Arrange
    let app = spawn_app().await;
    let (owner, statement) = open_statement(&app, &[]).await;
    invite(&owner, &statement, LIST).await;
    let unsubscribe = latest_link(&app, CARLA, "sign-invitation", "/u/").await;
    let (shown, page) = visit(&app, &unsubscribe).await;
    let unsubscribed = press(&app, &unsubscribe).await;
    let other = app
        .create_statement(&owner, COALITION_SLUG, "Rivers", "en", "Free rivers.")
        .await;
    assert_eq!(app.set_status(&owner, &other, "open").await, 303);

    // Act
    let notice = invite(&owner, &other, LIST).await;
    let reminded = owner
        .post(&format!("{}/remind", invitations_path(&statement)), &[])
        .await
        .text()
        .await
        .expect("body");

    // Assert
    assert_eq!(shown, 200);
    assert!(page.contains(CARLA));
    assert_eq!(unsubscribed.status(), 200);
    assert!(
        notice.starts_with(
            "1 invitations sent. 1 addresses skipped because they asked not to be mailed"
        ),
        "{notice}"
    );
    let invited: Vec<String> = invitations_of(&app, &other)
        .await
        .into_iter()
        .map(|i| i.email)
        .collect();
    assert_eq!(invited, [DIEGO]);
    assert_eq!(queued(&app, CARLA, "sign-invitation").await.len(), 1);
    assert!(text_of(&reminded).contains("1 reminders sent"));
    assert!(
        queued(&app, CARLA, "sign-invitation-reminder")
            .await
            .is_empty()
    );
}
