//! The application put together: every area's routes under the guards of
//! the web layer, and the pages that read across areas (`/metrics`). It
//! sits above the areas, which never reach it.

pub mod metrics;
#[cfg(test)]
mod words;

use actix_web::middleware::from_fn;
use actix_web::web;

use crate::web::{access, assets, health, home, language};

/// Every route of the application.
pub fn routes(cfg: &mut web::ServiceConfig) {
    let (form, payload) = access::form_limits();
    cfg.app_data(form)
        .app_data(payload)
        .service(health::healthz)
        .service(health::readyz)
        .service(metrics::scrape)
        .service(assets::stylesheet)
        .service(assets::opened_script)
        .service(assets::mailing_script)
        .service(assets::progress_script)
        .service(assets::zone_script)
        .service(language::choose)
        .service(web::resource("/").get(home));
    crate::accounts::routes::configure(cfg);
    crate::coalitions::setup::configure(cfg);
    crate::coalitions::routes::configure(cfg);
    crate::signatures::public::configure(cfg);
    crate::signatures::invitations::public::configure(cfg);
    crate::publication::configure(cfg);
    crate::suppressions::routes::configure(cfg);
    crate::press::public::configure(cfg);
    crate::press::newsroom::configure(cfg);
    cfg.service(
        web::scope("/c/{coalition}")
            .wrap(from_fn(access::coalition_guard))
            .configure(crate::statements::routes::configure_coalition)
            .configure(crate::signatures::routes::configure_coalition)
            .configure(crate::contacts::routes::configure_coalition)
            .configure(crate::coalitions::routes::configure_coalition)
            .configure(crate::audit::routes::configure_coalition)
            .configure(crate::press::routes::configure_coalition),
    )
    .service(
        web::scope("/c")
            .wrap(from_fn(access::account_guard))
            .configure(crate::coalitions::routes::configure_account),
    )
    .service(
        web::scope("/account")
            .wrap(from_fn(access::account_guard))
            .configure(crate::accounts::routes::configure_account),
    );
}
