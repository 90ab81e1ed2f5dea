//! A local emulator of the SMSC HTTP API (<https://smscentre.com/api/http/>), for end-to-end
//! tests of the client core from Rust, Python, Node, a browser and C.
//!
//! It answers `/sys/balance.php`, `/sys/send.php` and `/sys/status.php` (and `/rest/send/`, the
//! JSON-body form of send.php) in every `fmt` the documentation describes, keeps accounts whose
//! balance falls exactly as messages go out, hands out message ids, counts SMS parts by length
//! and alphabet, moves statuses forward with time, and returns the documented errors (1
//! parameters, 2 credentials, 3 no money, 5 bad `time` or failed delete, 7 bad phone, 9 more than
//! ten balance requests a minute). The mailing-list, template and monitoring scripts are in
//! [`jobs`]; contacts, sub-clients, sender names and documents in [`accounts`]; the history,
//! incoming messages, statistics, rates, operator look-ups and short-link data in [`data`].
//!
//! Admin endpoints, so tests are fast and deterministic:
//! * `POST /emulator/reset`: the starting accounts, no messages, the real clock;
//! * `POST /emulator/advance?seconds=N`: moves the emulated clock `N` seconds (decimals allowed)
//!   forward: statuses advance, and the balance rate-limit window slides with it;
//! * `GET /emulator/uploads`: the files posted with script calls (`multipart/form-data`): script,
//!   field, file name, content type, size and the first bytes, as JSON.
//! * `GET /emulator/messages`: what was sent and the balances, as JSON; `sends` counts the
//!   sends that reached a recipient under the same id;
//! * `POST /emulator/faults` (`fault=KIND&count=N&script=S…`): misbehave on the next API calls
//!   (see [`faults`]); `GET /emulator/faults` lists what waits, `POST /emulator/faults?clear=1`
//!   forgets it. A reset forgets it too;
//! * `POST /emulator/incoming?login=L&phone=P&to_phone=T&message=M`: a reply from `P` to the
//!   account's number `T`, for `get.php?get_answers=1`; answers `{"id": N}`;
//! * `POST /emulator/click?id=N`: a click on short link `N` (made by `send.php` with
//!   `tinyurl=1`), for `tinyurls.php`.
//!
//! Only std and serde: a thread per connection, connections kept open for further requests.

#![warn(missing_docs)]

pub mod accounts;
pub mod api;
pub mod data;
pub mod dates;
pub mod faults;
pub mod files;
pub mod format;
pub mod http;
pub mod jobs;
pub mod state;

use std::io::BufReader;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use faults::{Fault, FaultKind};
use http::{read_request, write_response, ReadError, Request, Response, KEEP_ALIVE_SECS};
use state::{money, Account, State, StatusTiming};

/// How the emulator is set up.
#[derive(Clone, Debug)]
pub struct Config {
    /// The accounts it starts with (and returns to on reset).
    pub accounts: Vec<Account>,
    /// A folder whose files are served for GET paths outside `/sys/`, `/rest/` and `/emulator/`.
    pub static_dir: Option<PathBuf>,
    /// When statuses move on.
    pub timing: StatusTiming,
    /// Updated on every connection, so the owner can tell how long the server has been idle.
    pub activity: Arc<Activity>,
    /// Faults queued from the start (`--fault`), before any `/emulator/faults` call.
    pub faults: Vec<Fault>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            accounts: state::default_accounts(),
            static_dir: None,
            timing: StatusTiming::default(),
            activity: Arc::new(Activity::new()),
            faults: Vec::new(),
        }
    }
}

/// Connection bookkeeping, for `--exit-after-idle`: a forgotten emulator ends by itself.
#[derive(Debug)]
pub struct Activity {
    started: Instant,
    /// Milliseconds after `started` of the last connection's end (or start).
    last_ms: AtomicU64,
    /// Connections being served.
    open: AtomicUsize,
}

impl Default for Activity {
    fn default() -> Self {
        Self::new()
    }
}

impl Activity {
    /// No connections yet; idle from now.
    pub fn new() -> Self {
        Activity {
            started: Instant::now(),
            last_ms: AtomicU64::new(0),
            open: AtomicUsize::new(0),
        }
    }

    fn touch(&self) {
        let ms = self.started.elapsed().as_millis() as u64;
        self.last_ms.fetch_max(ms, Ordering::Relaxed);
    }

    /// How long no connection has been open; `None` while one is.
    pub fn idle_for(&self) -> Option<Duration> {
        if self.open.load(Ordering::Relaxed) > 0 {
            return None;
        }
        let now = self.started.elapsed().as_millis() as u64;
        Some(Duration::from_millis(
            now.saturating_sub(self.last_ms.load(Ordering::Relaxed)),
        ))
    }
}

/// Marks a connection open for as long as it lives.
struct Open<'a>(&'a Activity);

impl<'a> Open<'a> {
    fn new(activity: &'a Activity) -> Self {
        activity.open.fetch_add(1, Ordering::Relaxed);
        activity.touch();
        Open(activity)
    }
}

impl Drop for Open<'_> {
    fn drop(&mut self) {
        self.0.touch();
        self.0.open.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Serves connections on `listener` until the process ends, a thread per connection. All
/// threads share one state behind a mutex; each request holds it only while it is answered.
pub fn serve(listener: TcpListener, config: Config) {
    let mut initial = State::new(config.accounts.clone(), config.timing);
    for fault in &config.faults {
        initial.faults.push(fault.clone());
    }
    let state = Arc::new(Mutex::new(initial));
    let config = Arc::new(config);
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(_) => {
                // Out of file descriptors or a connection reset before accept: wait a little
                // rather than spin, and carry on.
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        let state = Arc::clone(&state);
        let config = Arc::clone(&config);
        let spawned = std::thread::Builder::new()
            .name("smsc-emulator-conn".into())
            .spawn(move || {
                let _open = Open::new(&config.activity);
                handle_connection(stream, &state, &config);
            });
        // With no thread to spare the connection is dropped; the client sees it closed.
        drop(spawned);
    }
}

/// Starts an emulator on a free port of 127.0.0.1 in a background thread; for tests.
pub fn spawn(config: Config) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    std::thread::spawn(move || serve(listener, config));
    Ok(addr)
}

/// What becomes of one request.
enum Reply {
    /// An answer; `close` ends the connection after it even if the client would keep it.
    Answer { response: Response, close: bool },
    /// No answer: the connection is closed (the `drop` and `lost` faults).
    Hang,
}

impl Reply {
    fn answer(response: Response) -> Self {
        Reply::Answer {
            response,
            close: false,
        }
    }
}

fn handle_connection(stream: TcpStream, state: &Mutex<State>, config: &Config) {
    let _ = stream.set_nodelay(true);
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    // A client that connects and says nothing must not hold a thread for ever; between
    // requests a kept-open connection waits only as long as `Keep-Alive` told the client.
    let mut wait = Duration::from_secs(30);
    loop {
        let _ = stream.set_read_timeout(Some(wait));
        wait = Duration::from_secs(KEEP_ALIVE_SECS);
        let (reply, keep_alive) = match read_request(&mut reader) {
            Ok(request) => (route(&request, state, config), request.keep_alive()),
            Err(ReadError::Closed) => return,
            Err(ReadError::Malformed(why)) => (
                Reply::answer(Response::text(400, format!("bad request: {why}"))),
                false,
            ),
            Err(ReadError::TooLarge) => (
                Reply::answer(Response::text(413, "request too large")),
                false,
            ),
            Err(ReadError::LengthRequired) => (
                Reply::answer(Response::text(
                    411,
                    "send the body with a Content-Length, not chunked",
                )),
                false,
            ),
        };
        match reply {
            Reply::Answer { response, close } => {
                let keep_alive = keep_alive && !close;
                write_response(&stream, &response, keep_alive);
                if !keep_alive {
                    return;
                }
            }
            Reply::Hang => {
                let _ = stream.shutdown(Shutdown::Both);
                return;
            }
        }
    }
}

fn route(req: &Request, state: &Mutex<State>, config: &Config) -> Reply {
    if req.method == "OPTIONS" {
        // A CORS preflight; the allow headers go on every response.
        return Reply::answer(Response::no_content());
    }
    // The JSON endpoint /rest/send/ takes the parameters of send.php as a JSON object.
    let script = if req.path.trim_end_matches('/') == "/rest/send" {
        Some("send.php")
    } else {
        req.path.strip_prefix("/sys/")
    };
    if let Some(script) = script {
        if req.method != "GET" && req.method != "POST" {
            return Reply::answer(Response::text(405, "use GET or POST"));
        }
        // Taken and released before any delay, so a slow answer never blocks other clients.
        let fault = lock(state).faults.take(script);
        return match fault {
            None => Reply::answer(call_script(req, script, state)),
            Some(kind) => faulty(kind, req, script, state),
        };
    }
    if let Some(action) = req.path.strip_prefix("/emulator/") {
        return Reply::answer(admin(&mut lock(state), action, req));
    }
    Reply::answer(match &config.static_dir {
        Some(dir) if req.method == "GET" => files::serve_file(dir, &req.path),
        _ => Response::text(404, "not found"),
    })
}

fn call_script(req: &Request, script: &str, state: &Mutex<State>) -> Response {
    let params = req.params();
    let mut state = lock(state);
    // Kept whatever the answer, as a server would have received them.
    let uploads = req.uploads(script);
    state.uploads.extend(uploads);
    let answer = api::handle(&mut state, script, params);
    match answer {
        Some(answer) => Response {
            status: 200,
            content_type: answer.content_type,
            body: answer.body.into_bytes(),
        },
        None => Response::text(404, format!("no such script: /sys/{script}")),
    }
}

/// A script call under a fault.
fn faulty(kind: FaultKind, req: &Request, script: &str, state: &Mutex<State>) -> Reply {
    let processed = kind.processes().then(|| call_script(req, script, state));
    match (kind, processed) {
        (FaultKind::Delay(ms), Some(response)) => {
            std::thread::sleep(Duration::from_millis(ms));
            Reply::answer(response)
        }
        (FaultKind::Http(status), _) => Reply::answer(Response {
            status,
            content_type: "text/html",
            body: faults::error_page(status),
        }),
        (FaultKind::Html, _) => Reply::answer(Response {
            status: 200,
            content_type: "text/html; charset=utf-8",
            body: faults::html_page(),
        }),
        (FaultKind::Drop | FaultKind::Lost, _) => Reply::Hang,
        (kind, Some(response)) => Reply::Answer {
            response: Response {
                body: faults::spoil(kind, response.body),
                ..response
            },
            // A client reading a spoilt answer should not reuse the connection it came on.
            close: true,
        },
        (_, None) => Reply::Hang,
    }
}

/// The state, even after a handler panicked while holding it: one bad request must not take
/// the whole emulator down with a poisoned lock.
fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|p| p.into_inner())
}

fn admin(state: &mut State, action: &str, req: &Request) -> Response {
    let changes = matches!(action, "reset" | "advance" | "incoming" | "click")
        || (action == "faults" && req.method != "GET");
    if changes && req.method != "POST" {
        return Response::text(405, "use POST");
    }
    match action {
        "reset" => {
            state.reset();
            Response::text(200, "OK")
        }
        "faults" if req.method == "GET" => Response {
            status: 200,
            content_type: "application/json; charset=utf-8",
            body: state.faults.to_json().to_string().into_bytes(),
        },
        "faults" => {
            let params = req.params();
            if params.iter().any(|(k, v)| k == "clear" && v == "1") {
                state.faults.clear();
                return Response::text(200, "OK");
            }
            match Fault::from_params(&params) {
                Ok(fault) => {
                    state.faults.push(fault);
                    Response::text(200, "OK")
                }
                Err(why) => Response::text(400, why),
            }
        }
        "advance" => {
            let seconds = req
                .params()
                .into_iter()
                .rev()
                .find(|(k, _)| k == "seconds")
                .and_then(|(_, v)| v.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s >= 0.0 && *s <= 1e9);
            match seconds {
                Some(s) => {
                    state.offset_ms += (s * 1000.0).round() as i64;
                    Response::text(200, "OK")
                }
                None => Response::text(400, "give seconds=N (N >= 0)"),
            }
        }
        "incoming" => {
            let params = req.params();
            let get = |name: &str| {
                params
                    .iter()
                    .rev()
                    .find(|(k, _)| k == name)
                    .map_or("", |(_, v)| v.as_str())
            };
            match data::deliver_incoming(
                state,
                get("login"),
                get("phone"),
                get("to_phone"),
                get("message"),
            ) {
                Ok(id) => Response {
                    status: 200,
                    content_type: "application/json; charset=utf-8",
                    body: serde_json::json!({ "id": id }).to_string().into_bytes(),
                },
                Err(why) => Response::text(400, why),
            }
        }
        "click" => {
            let id = req
                .params()
                .into_iter()
                .rev()
                .find(|(k, _)| k == "id")
                .and_then(|(_, v)| v.trim().parse::<u64>().ok());
            match id {
                Some(id) if data::click(state, id) => Response::text(200, "OK"),
                Some(_) => Response::text(404, "no such short link"),
                None => Response::text(400, "give id=N, the short link's id"),
            }
        }
        "uploads" => {
            let list: Vec<serde_json::Value> = state
                .uploads
                .iter()
                .map(|u| {
                    serde_json::json!({"script": u.script, "field": u.field,
                        "filename": u.filename, "content_type": u.content_type,
                        "size": u.data.len(),
                        "head": String::from_utf8_lossy(&u.data[..u.data.len().min(32)])})
                })
                .collect();
            Response {
                status: 200,
                content_type: "application/json; charset=utf-8",
                body: serde_json::json!({"uploads": list}).to_string().into_bytes(),
            }
        }
        "messages" => {
            let now_ms = state.now_ms();
            let list: Vec<serde_json::Value> = state
                .messages
                .iter()
                .map(|((login, _, _), m)| {
                    let (status, err, _) = state.timing.progress(m, now_ms);
                    serde_json::json!({"login": login, "id": m.id, "phone": m.phone,
                        "parts": m.parts, "cost": money(m.cost), "message": m.text,
                        "sender": m.sender, "status": status, "err": err,
                        "sends": m.sends})
                })
                .collect();
            let balances: serde_json::Map<String, serde_json::Value> = state
                .accounts
                .iter()
                .map(|a| (a.login.clone(), money(a.balance).into()))
                .collect();
            Response {
                status: 200,
                content_type: "application/json; charset=utf-8",
                body: serde_json::json!({"messages": list, "balances": balances})
                    .to_string()
                    .into_bytes(),
            }
        }
        _ => Response::text(
            404,
            "unknown emulator action; try reset, advance, messages, uploads, incoming, click or faults",
        ),
    }
}
