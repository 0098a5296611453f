//! Integration tests: the real application on port 0, a fresh database per
//! test (SQLite, or PostgreSQL when `UNDERSIGNED_TEST_POSTGRES_URL` is set),
//! and a real SMTP server on loopback where mail matters.

mod abuse;
mod access;
mod accounts;
mod audit;
mod coalitions;
mod configuration;
mod contacts;
mod coordinators;
mod digest;
mod dkim;
mod events;
mod exports;
mod group_commit;
mod health;
mod helpers;
mod imports;
mod invitations;
mod language;
mod links;
mod local_time;
mod mailbox;
mod mailing_pages;
mod manage;
mod moderation;
mod outbox;
mod pages;
mod pool;
mod press;
mod previews;
mod process_exit;
mod proxies;
mod public_face;
mod public_page;
mod reconsent;
mod revisions;
mod schema;
mod search;
mod security;
mod sessions;
mod setup;
mod signers;
mod signing;
mod smtp;
mod statements;
