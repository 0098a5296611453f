//! Rate limits on the public forms, kept in memory per process: a person
//! gets a clear message, a bot gets nothing done.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::Settings;

pub struct Limits {
    signon_per_ip: DefaultKeyedRateLimiter<String>,
    signon_per_address: DefaultKeyedRateLimiter<String>,
    resend_per_ip: DefaultKeyedRateLimiter<String>,
    /// Checks since the limiters last forgot their idle keys.
    checks: AtomicU32,
}

/// How many checks pass between two sweeps of the idle keys: often enough
/// that a flood of new addresses cannot grow the maps for long, rarely
/// enough that the sweep (a pass over the keys) costs nothing per request.
const SWEEP_EVERY: u32 = 4096;

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
            checks: AtomicU32::new(0),
        }
    }

    /// Forgets the keys whose counts have refilled, so the maps hold only
    /// the addresses and IPs seen within the last hour.
    pub fn forget_idle(&self) {
        for limiter in [
            &self.signon_per_ip,
            &self.signon_per_address,
            &self.resend_per_ip,
        ] {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// Every [`SWEEP_EVERY`] checks, forgets the idle keys.
    fn count_check(&self) {
        if self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            self.forget_idle();
        }
    }

    /// How many keys the limiters hold.
    pub fn keys(&self) -> usize {
        self.signon_per_ip.len() + self.signon_per_address.len() + self.resend_per_ip.len()
    }

    /// Counts one sign-on from `ip` for `email`; false when over a limit.
    pub fn allow_signon(&self, ip: &str, email: &str) -> bool {
        self.count_check();
        self.signon_per_ip.check_key(&ip.to_owned()).is_ok()
            && self
                .signon_per_address
                .check_key(&address_key(email))
                .is_ok()
    }

    /// Counts one request for a fresh link from `ip`; false when over the limit.
    pub fn allow_resend(&self, ip: &str) -> bool {
        self.count_check();
        self.resend_per_ip.check_key(&ip.to_owned()).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_whose_count_has_refilled_are_forgotten() {
        let limits = Limits::from_settings(&Settings {
            signon_per_ip_per_hour: 3_600_000,
            signon_per_address_per_hour: 3_600_000,
            ..Settings::default()
        });
        for i in 0..100 {
            assert!(limits.allow_signon(&format!("10.0.0.{i}"), &format!("a{i}@example.org")));
        }
        assert_eq!(limits.keys(), 200);

        // At 1,000 a second, a key's one use refills within a millisecond.
        let forgotten = (0..1000).any(|_| {
            limits.forget_idle();
            let empty = limits.keys() == 0;
            if !empty {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            empty
        });

        assert!(forgotten, "{} keys kept", limits.keys());
    }
}
