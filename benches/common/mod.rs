//! What the mail benchmarks share: free ports, a child process ended on
//! drop, postfix's `smtp-sink`, and the raw rate `smtp-source` gets from it.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A child process, killed and reaped when dropped.
pub struct Process(pub Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn wait_for_port(port: u16) {
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("nothing listens on port {port}");
}

/// postfix's `smtp-sink` on loopback, accepting and discarding mail.
pub fn start_sink(port: u16) -> Process {
    let child = Command::new("smtp-sink")
        .args(["-u", "nobody", &format!("127.0.0.1:{port}"), "256"])
        .stdout(Stdio::null())
        .spawn()
        .expect("smtp-sink runs (apt-get install postfix, answering 'No configuration')");
    let sink = Process(child);
    wait_for_port(port);
    sink
}

/// Messages per second `smtp-source` gets through to the sink.
pub fn raw_rate(port: u16, messages: usize, connections: usize, size: usize) -> f64 {
    let started = Instant::now();
    let status = Command::new("smtp-source")
        .args([
            "-s",
            &connections.to_string(),
            "-m",
            &messages.to_string(),
            "-l",
            &size.to_string(),
        ])
        .args([
            "-f",
            "bench@undersigned.test",
            "-t",
            "sink@example.org",
            &format!("127.0.0.1:{port}"),
        ])
        .status()
        .expect("smtp-source runs");
    assert!(status.success(), "smtp-source failed");
    messages as f64 / started.elapsed().as_secs_f64()
}
