//! Integration tests: the real application on port 0, a fresh database per
//! test (SQLite, or PostgreSQL when `UNDERSIGNED_TEST_POSTGRES_URL` is set),
//! and a real SMTP server on loopback where mail matters.

mod health;
mod helpers;
mod outbox;
mod schema;
mod setup;
mod smtp;
