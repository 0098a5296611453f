//! Rate limits on the public forms: a person gets a clear message, a bot
//! gets nothing done.
//!
//! On SQLite one process serves the database, and the counts are kept in
//! its memory. On PostgreSQL several instances may serve one database
//! behind one address, so the counts are kept in the database, where every
//! instance counts against the same allowance: the same rule (a generic
//! cell rate, as `governor` counts in memory) in one statement per check.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::NaiveDateTime;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::Settings;
use crate::db::{DbConn, Pool};

pub struct Limits {
    counts: Counts,
    /// Checks since the idle keys were last forgotten.
    checks: AtomicU32,
}

/// Where the counts are kept.
enum Counts {
    /// In this process's memory (SQLite: one process serves the database).
    Memory(Box<InMemory>),
    /// In the database, with the allowances per hour (PostgreSQL).
    Database(Pool, Hourly),
}

struct InMemory {
    signon_per_ip: DefaultKeyedRateLimiter<String>,
    signon_per_address: DefaultKeyedRateLimiter<String>,
    resend_per_ip: DefaultKeyedRateLimiter<String>,
}

#[derive(Debug, Clone, Copy)]
struct Hourly {
    signon_per_ip: u32,
    signon_per_address: u32,
    resend_per_ip: u32,
}

/// What a check counts against, as named in the database.
const SIGNON_IP: &str = "signon_ip";
const SIGNON_ADDRESS: &str = "signon_address";
const RESEND_IP: &str = "resend_ip";

/// Counts one use of `key` in `bucket`, allowed `per_hour` times an hour
/// (all at once, then one every hour / `per_hour`); false when the
/// allowance is spent. Each key keeps the time at which its allowance is
/// whole again (`tat`); a use moves it on by one step unless that would
/// take it more than an hour ahead. One statement, so two instances
/// counting at once both count.
fn count_in_database(
    conn: &mut DbConn,
    bucket: &str,
    key: &str,
    per_hour: u32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let step = 3_600_000_000 / i64::from(per_hour.max(1));
    let counted = diesel::sql_query(
        "INSERT INTO rate_limits AS r (bucket, key, tat) VALUES ($1, $2, $3) \
         ON CONFLICT (bucket, key) DO UPDATE \
         SET tat = GREATEST(r.tat, $4) + $5 * INTERVAL '1 microsecond' \
         WHERE GREATEST(r.tat, $4) + $5 * INTERVAL '1 microsecond' <= $6",
    )
    .bind::<Text, _>(bucket)
    .bind::<Text, _>(key)
    .bind::<Timestamp, _>(now + chrono::Duration::microseconds(step))
    .bind::<Timestamp, _>(now)
    .bind::<BigInt, _>(step)
    .bind::<Timestamp, _>(now + chrono::Duration::hours(1))
    .execute(conn)?;
    Ok(counted == 1)
}

/// Deletes the keys whose allowance is whole again.
fn forget_in_database(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::sql_query("DELETE FROM rate_limits WHERE tat <= $1")
        .bind::<Timestamp, _>(now)
        .execute(conn)
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
    crate::identity::Email::parse(email)
        .map_or_else(|| email.trim().to_lowercase(), |e| e.as_str().to_owned())
}

impl InMemory {
    fn new(settings: &Settings) -> Self {
        Self {
            signon_per_ip: RateLimiter::keyed(hourly(settings.signon_per_ip_per_hour)),
            signon_per_address: RateLimiter::keyed(hourly(settings.signon_per_address_per_hour)),
            resend_per_ip: RateLimiter::keyed(hourly(settings.resend_per_ip_per_hour)),
        }
    }

    /// Forgets the keys whose counts have refilled, so the maps hold only
    /// the addresses and IPs seen within the last hour.
    fn forget_idle(&self) {
        for limiter in [
            &self.signon_per_ip,
            &self.signon_per_address,
            &self.resend_per_ip,
        ] {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// How many keys the limiters hold.
    #[cfg(test)]
    fn keys(&self) -> usize {
        self.signon_per_ip.len() + self.signon_per_address.len() + self.resend_per_ip.len()
    }
}

impl Limits {
    /// Counts in memory, or in the database of `pool` when it is
    /// PostgreSQL.
    pub fn from_settings(settings: &Settings, pool: &Pool) -> anyhow::Result<Self> {
        let counts = if matches!(&mut *pool.get()?, DbConn::Postgres(_)) {
            Counts::Database(
                pool.clone(),
                Hourly {
                    signon_per_ip: settings.signon_per_ip_per_hour,
                    signon_per_address: settings.signon_per_address_per_hour,
                    resend_per_ip: settings.resend_per_ip_per_hour,
                },
            )
        } else {
            Counts::Memory(Box::new(InMemory::new(settings)))
        };
        Ok(Self {
            counts,
            checks: AtomicU32::new(0),
        })
    }

    /// Every [`SWEEP_EVERY`] checks, it is a check's turn to forget the
    /// idle keys: true for that one.
    fn sweep_turn(&self) -> bool {
        self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1
    }

    /// Counts uses in the database: each of `uses` (bucket, key, allowance
    /// per hour) in turn, stopping at the first one refused.
    async fn count_shared(
        pool: Pool,
        uses: Vec<(&'static str, String, u32)>,
        sweep: bool,
    ) -> anyhow::Result<bool> {
        tokio::task::spawn_blocking(move || -> anyhow::Result<bool> {
            let mut conn = pool.get()?;
            let now = crate::db::now();
            let allowed = conn.transaction(|conn| -> QueryResult<bool> {
                // A count is not worth a wait for the disk: a crash that
                // loses the last few only forgets some uses.
                conn.batch_execute("SET LOCAL synchronous_commit TO OFF")?;
                if sweep {
                    forget_in_database(conn, now)?;
                }
                for (bucket, key, per_hour) in uses {
                    if !count_in_database(conn, bucket, &key, per_hour, now)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            })?;
            Ok(allowed)
        })
        .await?
    }

    /// Counts one sign-on from `ip` for `email`; false when over a limit.
    pub async fn allow_signon(&self, ip: &str, email: &str) -> anyhow::Result<bool> {
        let sweep = self.sweep_turn();
        match &self.counts {
            Counts::Memory(memory) => {
                if sweep {
                    memory.forget_idle();
                }
                Ok(memory.signon_per_ip.check_key(&ip.to_owned()).is_ok()
                    && memory
                        .signon_per_address
                        .check_key(&address_key(email))
                        .is_ok())
            }
            Counts::Database(pool, hourly) => {
                let uses = vec![
                    (SIGNON_IP, ip.to_owned(), hourly.signon_per_ip),
                    (
                        SIGNON_ADDRESS,
                        address_key(email),
                        hourly.signon_per_address,
                    ),
                ];
                Self::count_shared(pool.clone(), uses, sweep).await
            }
        }
    }

    /// Counts one request for a fresh link from `ip`; false when over the limit.
    pub async fn allow_resend(&self, ip: &str) -> anyhow::Result<bool> {
        let sweep = self.sweep_turn();
        match &self.counts {
            Counts::Memory(memory) => {
                if sweep {
                    memory.forget_idle();
                }
                Ok(memory.resend_per_ip.check_key(&ip.to_owned()).is_ok())
            }
            Counts::Database(pool, hourly) => {
                let uses = vec![(RESEND_IP, ip.to_owned(), hourly.resend_per_ip)];
                Self::count_shared(pool.clone(), uses, sweep).await
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_whose_count_has_refilled_are_forgotten() {
        let limits = InMemory::new(&Settings {
            signon_per_ip_per_hour: 3_600_000,
            signon_per_address_per_hour: 3_600_000,
            ..Settings::default()
        });
        for i in 0..100 {
            assert!(
                limits
                    .signon_per_ip
                    .check_key(&format!("10.0.0.{i}"))
                    .is_ok()
                    && limits
                        .signon_per_address
                        .check_key(&format!("a{i}@example.org"))
                        .is_ok()
            );
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
