//! Rate limits on the public forms, kept in memory per process: a person
//! gets a clear message, a bot gets nothing done.

use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::Settings;

pub struct Limits {
    signon_per_ip: DefaultKeyedRateLimiter<String>,
    signon_per_address: DefaultKeyedRateLimiter<String>,
    resend_per_ip: DefaultKeyedRateLimiter<String>,
}

fn hourly(n: u32) -> Quota {
    Quota::per_hour(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN))
}

/// The canonical address when it parses, so that spellings of one mailbox
/// share a count; what was typed otherwise (the form refuses it anyway).
fn address_key(email: &str) -> String {
    crate::accounts::Email::parse(email)
        .map_or_else(|| email.trim().to_lowercase(), |e| e.as_str().to_owned())
}

impl Limits {
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            signon_per_ip: RateLimiter::keyed(hourly(settings.signon_per_ip_per_hour)),
            signon_per_address: RateLimiter::keyed(hourly(settings.signon_per_address_per_hour)),
            resend_per_ip: RateLimiter::keyed(hourly(settings.resend_per_ip_per_hour)),
        }
    }

    /// Counts one sign-on from `ip` for `email`; false when over a limit.
    pub fn allow_signon(&self, ip: &str, email: &str) -> bool {
        self.signon_per_ip.check_key(&ip.to_owned()).is_ok()
            && self
                .signon_per_address
                .check_key(&address_key(email))
                .is_ok()
    }

    /// Counts one request for a fresh link from `ip`; false when over the limit.
    pub fn allow_resend(&self, ip: &str) -> bool {
        self.resend_per_ip.check_key(&ip.to_owned()).is_ok()
    }
}
