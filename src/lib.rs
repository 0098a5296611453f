//! Undersigned: joint statements with verified sign-ons, a true "Signed by"
//! list and clean press mailings.
//!
//! The binary in `main.rs` only parses the command line; everything else is
//! reachable from here so that integration tests can start the real
//! application on port 0.

pub mod accounts;
pub mod app;
pub mod audit;
pub mod background;
pub mod backup;
pub mod cli;
pub mod coalitions;
pub mod config;
pub mod contacts;
pub mod db;
pub mod demo;
pub mod export;
pub mod i18n;
pub mod identity;
pub mod imports;
pub mod jobs;
pub mod mail;
pub mod memory;
pub mod monitoring;
pub mod press;
pub mod publication;
pub mod retention;
pub mod signatures;
pub mod startup;
pub mod statements;
pub mod suppressions;
pub mod telemetry;
pub mod text;
pub mod tokens;
pub mod web;
