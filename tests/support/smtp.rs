//! A real SMTP server on loopback (mailin-embedded), scripted per recipient.

use std::collections::HashMap;
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Condvar, Mutex};

use mailin_embedded::{Handler, Response, Server};

/// What the server answers for one recipient.
#[derive(Debug, Clone)]
pub enum Script {
    /// `451` at RCPT for the first `n` attempts, then accept.
    DeferTimes(u32),
    /// `550` at RCPT, always.
    Reject,
}

#[derive(Debug, Clone)]
pub struct Received {
    pub recipients: Vec<String>,
    pub data: String,
    /// When the server stored it.
    pub at: std::time::Instant,
}

#[derive(Default)]
struct Shared {
    received: Vec<Received>,
    scripts: HashMap<String, Script>,
    rcpt_attempts: HashMap<String, u32>,
    /// How long the server takes after a message's data before it answers.
    delay: std::time::Duration,
    /// Messages whose data has arrived and that are not answered yet.
    in_flight: usize,
    /// Messages whose data has arrived, answered or not.
    arrived: usize,
    /// How many messages the server answers before it holds the rest.
    hold_after: Option<usize>,
}

impl Shared {
    /// Whether the answer to the `number`th message (from 0) is held.
    fn holds(&self, number: usize) -> bool {
        self.hold_after.is_some_and(|count| number >= count)
    }
}

#[derive(Clone)]
pub struct TestSmtp {
    port: u16,
    shared: Arc<Mutex<Shared>>,
    /// Signalled when held answers may go.
    released: Arc<Condvar>,
}

impl TestSmtp {
    pub fn start() -> Self {
        Self::start_on(0)
    }

    /// The server on `port` (0: any free port).
    pub fn start_on(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind SMTP port");
        let port = listener.local_addr().expect("address").port();
        let shared = Arc::new(Mutex::new(Shared::default()));
        let released = Arc::new(Condvar::new());
        let handler = Session {
            shared: shared.clone(),
            released: released.clone(),
            recipients: Vec::new(),
            data: Vec::new(),
        };
        let mut server = Server::new(handler);
        server
            .with_name("smtp.test")
            .with_num_threads(32)
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve().map_err(|e| e.to_string());
        });
        Self {
            port,
            shared,
            released,
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port())
    }

    pub fn script(&self, recipient: &str, script: Script) {
        self.shared
            .lock()
            .expect("lock")
            .scripts
            .insert(recipient.to_owned(), script);
    }

    /// Makes the server take `delay` after each message's data before it
    /// stores the message and answers, as a busy server does.
    pub fn answer_after(&self, delay: std::time::Duration) {
        self.shared.lock().expect("lock").delay = delay;
    }

    /// Makes the server answer the first `count` messages and then hold
    /// its answer to the others, with their data in, until [`Self::release`]:
    /// a sender stuck mid-send, at a point the test chooses.
    pub fn hold_after(&self, count: usize) {
        self.shared.lock().expect("lock").hold_after = Some(count);
    }

    /// Answers the held messages, and holds no more.
    pub fn release(&self) {
        self.shared.lock().expect("lock").hold_after = None;
        self.released.notify_all();
    }

    /// Messages whose data the server has and that it has not answered.
    pub fn in_flight(&self) -> usize {
        self.shared.lock().expect("lock").in_flight
    }

    pub fn received_count(&self) -> usize {
        self.shared.lock().expect("lock").received.len()
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.lock().expect("lock").received.clone()
    }

    /// How many messages reached each recipient.
    pub fn copies(&self) -> HashMap<String, usize> {
        let mut copies = HashMap::new();
        for message in &self.shared.lock().expect("lock").received {
            for recipient in &message.recipients {
                *copies.entry(recipient.clone()).or_default() += 1;
            }
        }
        copies
    }

    /// How many messages reached `recipient`.
    pub fn count_for(&self, recipient: &str) -> usize {
        self.received()
            .iter()
            .filter(|m| m.recipients.iter().any(|r| r == recipient))
            .count()
    }

    pub fn rcpt_attempts(&self, recipient: &str) -> u32 {
        self.shared
            .lock()
            .expect("lock")
            .rcpt_attempts
            .get(recipient)
            .copied()
            .unwrap_or(0)
    }
}

struct Session {
    shared: Arc<Mutex<Shared>>,
    released: Arc<Condvar>,
    recipients: Vec<String>,
    data: Vec<u8>,
}

impl Clone for Session {
    fn clone(&self) -> Self {
        Self {
            shared: self.shared.clone(),
            released: self.released.clone(),
            recipients: Vec::new(),
            data: Vec::new(),
        }
    }
}

impl Handler for Session {
    fn mail(&mut self, _ip: IpAddr, _domain: &str, _from: &str) -> Response {
        self.recipients.clear();
        self.data.clear();
        mailin_embedded::response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        let mut shared = self.shared.lock().expect("lock");
        let attempts = {
            let n = shared.rcpt_attempts.entry(to.to_owned()).or_insert(0);
            *n += 1;
            *n
        };
        match shared.scripts.get(to) {
            Some(Script::Reject) => Response::custom(550, "5.1.1 No such mailbox here".into()),
            Some(Script::DeferTimes(n)) if attempts <= *n => {
                Response::custom(451, "4.3.0 Greylisted, try again later".into())
            }
            _ => {
                self.recipients.push(to.to_owned());
                mailin_embedded::response::OK
            }
        }
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let mut received = Received {
            recipients: std::mem::take(&mut self.recipients),
            data: String::from_utf8_lossy(&std::mem::take(&mut self.data)).into_owned(),
            at: std::time::Instant::now(),
        };
        let (number, delay) = {
            let mut shared = self.shared.lock().expect("lock");
            shared.in_flight += 1;
            shared.arrived += 1;
            (shared.arrived - 1, shared.delay)
        };
        // The slow answer is the point of `answer_after`: a busy server.
        std::thread::sleep(delay);
        let mut shared = self
            .released
            .wait_while(self.shared.lock().expect("lock"), |shared| {
                shared.holds(number)
            })
            .expect("lock");
        // Stored before the answer, as a real server does: a client that
        // dies meanwhile never learns that its message went.
        shared.in_flight -= 1;
        received.at = std::time::Instant::now();
        shared.received.push(received);
        Response::custom(250, "2.0.0 Ok: queued".into())
    }
}

pub fn mails_for(smtp: &TestSmtp, recipient: &str) -> Vec<String> {
    smtp.received()
        .into_iter()
        .filter(|m| m.recipients.iter().any(|r| r == recipient))
        .map(|m| m.data)
        .collect()
}
