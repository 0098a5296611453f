//! Integration tests: the real application on port 0, a fresh database per
//! test (SQLite, or PostgreSQL when `UNDERSIGNED_TEST_POSTGRES_URL` is set),
//! and a real SMTP server on loopback where mail matters.

mod abuse;
mod access;
mod accounts;
mod audit;
mod backup;
mod caching;
mod coalitions;
mod configuration;
mod contacts;
mod crash;
mod digest;
mod dkim;
mod events;
mod exports;
mod group_commit;
mod health;
mod imports;
mod instances;
mod invitations;
mod language;
mod links;
mod local_time;
mod mailing_failures;
mod mailing_pages;
mod mailing_start;
mod manage;
mod moderation;
mod monitoring;
mod outage;
mod outbox;
mod page_cache;
mod pool;
mod press;
mod previews;
mod process_exit;
mod proxies;
mod public_face;
mod public_page;
mod reconsent;
mod retention;
mod revisions;
mod schema;
mod search;
mod security;
mod sessions;
mod setup;
mod signing;
mod statements;

#[path = "../support/mod.rs"]
mod support;
