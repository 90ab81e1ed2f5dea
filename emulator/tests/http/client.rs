//! A bare HTTP/1.1 client over `TcpStream`, so the tests see exactly the bytes the server writes.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use smsc_emulator::{spawn, Config};

/// Credentials of the default accounts, as form fields.
pub const DEMO: &str = "login=demo&psw=demo-password";
pub const POOR: &str = "login=poor&psw=poor-password";
pub const CREDIT: &str = "login=credit&psw=credit-password";

/// A response as received.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Reply {
    /// A header value by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// Sends `request` as is, closes the sending side, and reads the whole response (the server
/// closes after it).
pub fn raw(addr: SocketAddr, request: &[u8]) -> Reply {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.write_all(request).expect("write");
    // Half-close: a request shorter than it claims ends here instead of waiting for a timeout.
    s.shutdown(std::net::Shutdown::Write).expect("shutdown");
    let mut out = Vec::new();
    s.read_to_end(&mut out).expect("read");
    let out = String::from_utf8(out).expect("UTF-8 response");
    let (head, body) = out.split_once("\r\n\r\n").expect("a head and a body");
    let status = head[9..12].parse().expect("a status code");
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// An emulator of its own for one test, on a free port.
pub struct Emu(pub SocketAddr);

impl Emu {
    pub fn start() -> Self {
        Self::with(Config::default())
    }

    pub fn with(config: Config) -> Self {
        Emu(spawn(config).expect("the emulator starts"))
    }

    pub fn request(&self, method: &str, target: &str, content_type: &str, body: &[u8]) -> Reply {
        let mut req = format!(
            "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\n",
            body.len()
        )
        .into_bytes();
        if !content_type.is_empty() {
            req.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
        }
        req.extend_from_slice(b"\r\n");
        req.extend_from_slice(body);
        raw(self.0, &req)
    }

    /// `GET path` (with its query string).
    pub fn get(&self, target: &str) -> Reply {
        self.request("GET", target, "", b"")
    }

    /// `POST path` with an url-encoded form.
    pub fn post(&self, path: &str, form: &str) -> Reply {
        self.request(
            "POST",
            path,
            "application/x-www-form-urlencoded",
            form.as_bytes(),
        )
    }

    /// The body of a script's answer to a posted form; the HTTP status must be 200.
    pub fn call(&self, script: &str, form: &str) -> String {
        let reply = self.post(&format!("/sys/{script}"), form);
        assert_eq!(reply.status, 200, "{script} {form}: {reply:?}");
        reply.body
    }

    /// The same, parsed as JSON.
    pub fn json(&self, script: &str, form: &str) -> serde_json::Value {
        let body = self.call(script, form);
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{body}: {e}"))
    }

    /// Moves the emulated clock.
    pub fn advance(&self, seconds: f64) {
        let reply = self.post(&format!("/emulator/advance?seconds={seconds}"), "");
        assert_eq!((reply.status, reply.body.as_str()), (200, "OK"));
    }

    /// The demo account's balance, fmt=1.
    pub fn demo_balance(&self) -> String {
        self.call("balance.php", &format!("{DEMO}&fmt=1"))
    }
}
