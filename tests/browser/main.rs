//! End to end in a real browser: headless Chromium, driven over WebDriver by
//! fantoccini, walks a coordinator, a signer and a press officer through
//! the app the way a person does, with clicks and typing only. Each test
//! starts its own `chromedriver`. The tests are ignored by default, since
//! they need `chromium` and `chromium-driver`; run them with
//! `cargo test --test browser -- --ignored`, where a missing driver fails.

#[expect(
    dead_code,
    reason = "shared with tests/api; this crate uses only part of it"
)]
#[path = "../support/mod.rs"]
mod support;

mod harness;
mod import;
mod press;
mod release_layout;
mod signing;
mod spanish;
mod statement;
