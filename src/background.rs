//! The thread that background work runs on: the mail worker and the
//! periodic jobs.
//!
//! It has a runtime of its own whose threads run at a lower CPU priority
//! than the ones serving requests. A burst of sign-ons or a mailing to ten
//! thousand contacts queues mail faster than it can be delivered; the
//! outbox is there to absorb that, and delivering it should take the CPU
//! that requests leave, not the time a signer waits for the next page.
//! While the machine has spare CPU the priority changes nothing.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::{oneshot, watch};

/// How much lower: the `nice` value of the background threads on Linux.
const NICENESS: i32 = 10;

/// Runs `work` to its end on a new thread named `name`, on a runtime whose
/// threads (blocking ones included) run at background priority. The
/// receiver is answered when `work` has finished.
pub fn spawn<F>(name: &str, work: F) -> std::io::Result<oneshot::Receiver<()>>
where
    F: Future<Output = ()> + Send + 'static,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .thread_name(format!("{name}-io"))
        .on_thread_start(lower_priority)
        .build()?;
    let (finished, done) = oneshot::channel();
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            lower_priority();
            runtime.block_on(work);
            let _ = finished.send(());
        })?;
    Ok(done)
}

/// Whether background work should stop: a stop was asked for, or the
/// application that would ask is gone (its sender dropped), in which case
/// nobody would ever ask and the thread must not run on by itself.
pub fn stopping(signal: &watch::Receiver<bool>) -> bool {
    *signal.borrow() || signal.has_changed().is_err()
}

/// The proof that a loop is alive: it beats once a round, and the
/// readiness check asks how long ago the last beat was.
#[derive(Debug, Clone)]
pub struct Heartbeat(Arc<Beats>);

#[derive(Debug)]
struct Beats {
    origin: Instant,
    /// Milliseconds from `origin` to the last beat.
    last: AtomicU64,
    /// The loop has ended for good (a stop was asked for).
    ended: AtomicBool,
}

/// Where a loop stands, as the readiness check sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pulse {
    /// Beat within the bound.
    Alive,
    /// No beat for longer than the bound: stuck, or restarting in a loop.
    Stalled(Duration),
    /// Ended: nothing runs it any more.
    Ended,
}

impl Default for Heartbeat {
    fn default() -> Self {
        Self(Arc::new(Beats {
            origin: Instant::now(),
            last: AtomicU64::new(0),
            ended: AtomicBool::new(false),
        }))
    }
}

impl Heartbeat {
    pub fn beat(&self) {
        let elapsed = u64::try_from(self.0.origin.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.0.last.store(elapsed, Ordering::Relaxed);
    }

    fn end(&self) {
        self.0.ended.store(true, Ordering::Relaxed);
    }

    /// Whether the loop beat within `bound`.
    pub fn pulse(&self, bound: Duration) -> Pulse {
        if self.0.ended.load(Ordering::Relaxed) {
            return Pulse::Ended;
        }
        let last = Duration::from_millis(self.0.last.load(Ordering::Relaxed));
        let silent = self.0.origin.elapsed().saturating_sub(last);
        if silent > bound {
            Pulse::Stalled(silent)
        } else {
            Pulse::Alive
        }
    }
}

/// How long a loop that panicked waits before it is started again, so a
/// panic on every round does not spin.
const RESTART_PAUSE: Duration = Duration::from_secs(1);

/// Runs the loop that `start` makes until it returns, starting it again
/// when it panics: the panic is logged, and the work goes on. The heartbeat
/// is marked ended when the loop returns (it was asked to stop).
pub async fn supervise<F, Fut>(
    name: &'static str,
    heartbeat: Heartbeat,
    shutdown: watch::Receiver<bool>,
    mut start: F,
) where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    loop {
        heartbeat.beat();
        match tokio::spawn(start()).await {
            Ok(()) => break,
            Err(error) if error.is_panic() => {
                tracing::error!(task = name, error = %error, "a background loop panicked; starting it again");
            }
            Err(error) => {
                tracing::error!(task = name, error = %error, "a background loop was cancelled");
                break;
            }
        }
        if stopping(&shutdown) {
            break;
        }
        tokio::time::sleep(RESTART_PAUSE).await;
    }
    heartbeat.end();
}

/// Lowers the calling thread's priority. Linux keeps a nice value per
/// thread; elsewhere the call would change the whole process, so it is
/// left out.
pub(crate) fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: plain system calls on the calling thread's own id.
        let changed = unsafe {
            let thread = libc::gettid() as libc::id_t;
            let current = libc::getpriority(libc::PRIO_PROCESS, thread);
            libc::setpriority(libc::PRIO_PROCESS, thread, current.max(NICENESS))
        };
        if changed != 0 {
            tracing::debug!("could not lower the priority of a background thread");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn work_stops_when_asked_or_when_nobody_is_left_to_ask() {
        let (ask, signal) = tokio::sync::watch::channel(false);
        assert!(!super::stopping(&signal));
        ask.send(true).expect("sent");
        assert!(super::stopping(&signal));

        let (gone, signal) = tokio::sync::watch::channel(false);
        drop(gone);
        assert!(super::stopping(&signal));
    }
}

#[cfg(test)]
mod supervision_tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::time::Duration;

    use super::{Heartbeat, Pulse, supervise};

    #[tokio::test(start_paused = true)]
    async fn a_loop_that_panics_is_started_again_and_its_heartbeat_ends_with_it() {
        // Arrange
        let (_keep, shutdown) = tokio::sync::watch::channel(false);
        let heartbeat = Heartbeat::default();
        let starts = Arc::new(AtomicU32::new(0));

        // Act: the loop panics twice, then returns as a stopped loop does.
        let counted = starts.clone();
        supervise("test loop", heartbeat.clone(), shutdown, move || {
            let round = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                assert!(round >= 2, "round {round} fails");
            }
        })
        .await;

        // Assert
        assert_eq!(starts.load(Ordering::SeqCst), 3);
        assert_eq!(heartbeat.pulse(Duration::from_secs(60)), Pulse::Ended);
    }

    #[test]
    fn a_heartbeat_older_than_the_bound_is_a_stall() {
        let heartbeat = Heartbeat::default();
        heartbeat.beat();
        assert_eq!(heartbeat.pulse(Duration::from_secs(60)), Pulse::Alive);

        std::thread::sleep(Duration::from_millis(30));

        assert!(matches!(
            heartbeat.pulse(Duration::from_millis(10)),
            Pulse::Stalled(_)
        ));
    }
}

#[cfg(all(test, target_os = "linux"))]
mod linux_tests {
    fn own_niceness() -> i32 {
        // SAFETY: reads the calling thread's own priority.
        unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t) }
    }

    #[tokio::test]
    async fn background_work_runs_at_a_lower_priority_than_the_caller() {
        // Arrange
        let (seen, niceness) = tokio::sync::oneshot::channel();

        // Act
        let done = super::spawn("test-background", async move {
            let blocking = tokio::task::spawn_blocking(own_niceness)
                .await
                .expect("blocking task");
            let _ = seen.send((own_niceness(), blocking));
        })
        .expect("thread");
        let (thread, blocking) = niceness.await.expect("reported");
        done.await.expect("finished");

        // Assert
        assert!(thread >= super::NICENESS, "thread at {thread}");
        assert!(blocking >= super::NICENESS, "blocking thread at {blocking}");
        assert!(
            own_niceness() < super::NICENESS,
            "the caller was lowered too"
        );
    }
}
