use diesel::prelude::*;
use undersigned::db::schema::{coordinators, tokens};
use undersigned::tokens::Purpose;

use crate::support::app::spawn_app;

fn token_of(link: &str) -> String {
    link.rsplit('/').next().expect("token").to_owned()
}

fn path_of(link: &str) -> String {
    format!("/setup/{}", token_of(link))
}

#[tokio::test]
async fn first_start_gives_a_setup_link_that_opens_the_setup_page() {
    let app = spawn_app().await;

    let link = app.setup_link.clone().expect("a setup link on first start");
    let response = app.get(&path_of(&link)).await;

    assert!(link.starts_with(&app.address), "{link}");
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Set up Undersigned")
    );
}

#[tokio::test]
async fn opening_the_setup_link_does_not_use_it() {
    let app = spawn_app().await;
    let link = app.setup_link.clone().expect("setup link");

    let first = app.get(&path_of(&link)).await.status();
    let second = app.get(&path_of(&link)).await.status();

    assert_eq!((first.as_u16(), second.as_u16()), (200, 200));
}

#[tokio::test]
async fn the_setup_token_can_be_used_once_only() {
    let app = spawn_app().await;
    let token = token_of(&app.setup_link.clone().expect("setup link"));

    let (first, second) = {
        let token = token.clone();
        app.with_conn(move |c| {
            let first = undersigned::tokens::consume(c, Purpose::Setup, &token)
                .expect("query")
                .is_some();
            let second = undersigned::tokens::consume(c, Purpose::Setup, &token)
                .expect("query")
                .is_some();
            (first, second)
        })
        .await
    };
    let page = app.get(&format!("/setup/{token}")).await;

    assert!(first, "the first use succeeds");
    assert!(!second, "the second use fails");
    assert_eq!(page.status(), 404);
    assert!(
        page.text()
            .await
            .expect("body")
            .contains("This setup link is not valid")
    );
}

#[tokio::test]
async fn the_setup_token_is_stored_only_as_a_hash() {
    let app = spawn_app().await;
    let token = token_of(&app.setup_link.clone().expect("setup link"));

    let stored: Vec<String> = app
        .with_conn(|c| {
            tokens::table
                .select(tokens::token_hash)
                .load(c)
                .expect("tokens")
        })
        .await;

    assert_eq!(stored.len(), 1);
    assert!(token.len() >= 43, "at least 256 bits, base64");
    assert!(!stored.iter().any(|h| h.contains(&token)));
}

#[tokio::test]
async fn a_restart_replaces_an_unused_setup_link() {
    let app = spawn_app().await;
    let old = app.setup_link.clone().expect("setup link");

    let app = app.restart().await;
    let new = app.setup_link.clone().expect("a new setup link");

    assert_ne!(old, new);
    assert_eq!(app.get(&path_of(&old)).await.status(), 404);
    assert_eq!(app.get(&path_of(&new)).await.status(), 200);
}

#[tokio::test]
async fn no_setup_link_is_given_once_a_coordinator_exists() {
    let app = spawn_app().await;
    let old = app.setup_link.clone().expect("setup link");
    app.with_conn(|c| {
        diesel::insert_into(coordinators::table)
            .values((
                coordinators::id.eq(undersigned::db::new_id()),
                coordinators::email.eq("owner@example.org"),
                coordinators::name.eq("Owner"),
                coordinators::created_at.eq(undersigned::db::now()),
            ))
            .execute(c)
            .expect("insert coordinator")
    })
    .await;

    let app = app.restart().await;

    assert!(app.setup_link.is_none());
    assert_eq!(app.get(&path_of(&old)).await.status(), 404);
}
