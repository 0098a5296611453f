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
