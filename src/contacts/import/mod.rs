//! Importing contacts through the import pipeline (`crate::imports`): the
//! columns are recognized by their English or Spanish names and the
//! coordinator may map each otherwise; the plan says per row whether it
//! creates a contact, updates the one with the same address, is merged
//! into an earlier row of that address, or is rejected and why. Applying
//! re-makes the plan inside one transaction (`apply.rs`), so an import
//! completes or changes nothing.
//!
//! An update fills the cells the file has and adds its tags; it never
//! empties a field, drops a tag or lifts a do-not-contact mark, so a
//! suppressed address imported again stays suppressed.

mod apply;
mod plan;
pub mod routes;
pub mod terminal;
mod views;

pub use apply::{ImportError, apply};
pub use plan::{Plan, Rejection, Values, plan};

pub use crate::imports::{Report, State, Upload};

/// Which column holds which contact field.
pub type Mapping = crate::imports::Mapping<crate::contacts::fields::Field>;
/// What one row of a contacts file will do.
pub type Verdict = crate::imports::Verdict<Values, Rejection>;
