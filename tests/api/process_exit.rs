//! A process that exits while pool threads are still opening PostgreSQL
//! connections exits cleanly (OpenSSL's exit handler used to free what
//! those threads were using, and the process died of SIGSEGV).

use std::process::Command;
use std::time::Duration;

use crate::support::database::require_postgres;

const CHILD: &str = "UNDERSIGNED_EXIT_TEST_CHILD";

/// In a child process: threads connect over and over while the process
/// exits. In the test process it does nothing.
#[test]
fn child_exits_while_threads_connect() {
    let Ok(url) = std::env::var(CHILD) else {
        return;
    };
    for _ in 0..4 {
        let url = url.clone();
        std::thread::spawn(move || {
            loop {
                let _ = undersigned::db::connect_postgres(&url);
            }
        });
    }
    // What is tested: the exit comes while the threads are inside a connect.
    std::thread::sleep(Duration::from_millis(30));
    std::process::exit(0);
}

#[test]
#[ignore = "needs PostgreSQL (UNDERSIGNED_TEST_POSTGRES_URL)"]
fn exiting_while_postgres_connections_open_does_not_crash() {
    let url = require_postgres();
    let binary = std::env::current_exe().expect("test binary");

    // Without the fix about one exit in six crashed; forty make a miss unlikely.
    let crashed = (0..40)
        .map(|_| {
            Command::new(&binary)
                .args([
                    "--exact",
                    "process_exit::child_exits_while_threads_connect",
                    "--test-threads=1",
                ])
                .env(CHILD, &url)
                .output()
                .expect("child runs")
        })
        .filter(|child| !child.status.success())
        .count();

    assert_eq!(crashed, 0, "{crashed} of 40 exits failed");
}
