//! What the integration tests share: the app started on port 0 with a
//! fresh database, an SMTP server to send to, and the steps and readers of
//! each kind of person using it (coordinators, signers, press officers).
//! `tests/api` and `tests/browser` hold tests only and take their fixtures
//! from here.

pub mod app;
pub mod audit;
pub mod contacts;
pub mod coordinators;
pub mod database;
pub mod mailbox;
pub mod outbox;
pub mod pages;
pub mod press;
pub mod routes;
pub mod signatures;
pub mod signers;
pub mod smtp;
pub mod statements;
