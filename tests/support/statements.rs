//! Statements as a coordinator writes them.

pub const TITLE: &str = "Water for all";
pub const BODY: &str = "We call for clean water in every town.";
