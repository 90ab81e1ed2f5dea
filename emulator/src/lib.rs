//! A local emulator of the SMSC HTTP API.
//!
//! It answers `balance.php`, `send.php` and `status.php` in every `fmt` the documentation
//! describes, keeps accounts whose balance falls as messages go out, hands out message ids,
//! counts SMS parts by length and alphabet, moves statuses forward with time, and returns the
//! documented errors (2 wrong credentials, 3 no money, 5 bad time or failed delete, 7 bad phone,
//! 9 more than ten balance requests a minute). Tests start it on 127.0.0.1 with a free port.
//!
//! Admin endpoints: `POST /emulator/reset` restores the starting state; `POST
//! /emulator/advance?seconds=N` moves the emulated clock forward; `GET /emulator/messages`
//! lists what was sent, as JSON.

pub mod api;
pub mod http;
pub mod jobs;
pub mod state;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http::{read_request, write_response, HttpRequest, HttpResponse};
use state::{money, Account, State};

/// How the emulator is set up.
#[derive(Clone)]
pub struct Config {
    /// The accounts it starts with.
    pub accounts: Vec<Account>,
    /// A folder whose files are served for paths outside `/sys/` and `/emulator/`.
    pub static_dir: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            accounts: state::default_accounts(),
            static_dir: None,
        }
    }
}

/// Serves connections on `listener` until the process ends, a thread per connection.
pub fn serve(listener: TcpListener, config: Config) {
    let state = Arc::new(Mutex::new(State::new(config.accounts.clone())));
    let config = Arc::new(config);
    for stream in listener.incoming().flatten() {
        let state = Arc::clone(&state);
        let config = Arc::clone(&config);
        std::thread::spawn(move || handle_connection(&stream, &state, &config));
    }
}

/// Starts an emulator on a free port of 127.0.0.1 in a background thread; for tests.
pub fn spawn(config: Config) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    std::thread::spawn(move || serve(listener, config));
    Ok(addr)
}

fn handle_connection(stream: &TcpStream, state: &Mutex<State>, config: &Config) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let Some(request) = read_request(stream) else {
        write_response(stream, &HttpResponse::text(400, "bad request"));
        return;
    };
    let response = route(&request, state, config);
    write_response(stream, &response);
}

fn route(req: &HttpRequest, state: &Mutex<State>, config: &Config) -> HttpResponse {
    if req.method == "OPTIONS" {
        return HttpResponse {
            status: 204,
            content_type: "text/plain",
            body: Vec::new(),
        };
    }
    // A panicking handler must not take the whole emulator down with a poisoned lock.
    let mut state = state.lock().unwrap_or_else(|p| p.into_inner());
    // The JSON endpoint /rest/send/ takes the parameters of send.php as a JSON object.
    let script = if req.path.trim_end_matches('/') == "/rest/send" {
        Some("send.php")
    } else {
        req.path.strip_prefix("/sys/")
    };
    if let Some(script) = script {
        if req.method != "GET" && req.method != "POST" {
            return HttpResponse::text(405, "method not allowed");
        }
        return match api::handle(&mut state, script, req.params()) {
            Some(answer) => HttpResponse {
                status: 200,
                content_type: answer.content_type,
                body: answer.body.into_bytes(),
            },
            None => HttpResponse::text(404, format!("no such script: {script}")),
        };
    }
    if let Some(action) = req.path.strip_prefix("/emulator/") {
        return admin(&mut state, action, req);
    }
    drop(state);
    match &config.static_dir {
        Some(dir) if req.method == "GET" => static_file(dir, &req.path),
        _ => HttpResponse::text(404, "not found"),
    }
}

fn admin(state: &mut State, action: &str, req: &HttpRequest) -> HttpResponse {
    match action {
        "reset" => {
            state.reset();
            HttpResponse::text(200, "OK")
        }
        "advance" => {
            let seconds = req
                .params()
                .into_iter()
                .find(|(k, _)| k == "seconds")
                .and_then(|(_, v)| v.parse::<i64>().ok());
            match seconds {
                Some(s) if s >= 0 => {
                    state.offset += s;
                    HttpResponse::text(200, "OK")
                }
                _ => HttpResponse::text(400, "give seconds=N (N >= 0)"),
            }
        }
        "messages" => {
            let list: Vec<serde_json::Value> = state
                .messages
                .iter()
                .map(|((login, _, _), m)| {
                    serde_json::json!({"login": login, "id": m.id, "phone": m.phone,
                        "parts": m.parts, "cost": money(m.cost), "message": m.text})
                })
                .collect();
            let balances: serde_json::Map<String, serde_json::Value> = state
                .accounts
                .iter()
                .map(|a| (a.login.clone(), money(a.balance).into()))
                .collect();
            HttpResponse {
                status: 200,
                content_type: "application/json; charset=utf-8",
                body: serde_json::json!({"messages": list, "balances": balances})
                    .to_string()
                    .into_bytes(),
            }
        }
        _ => HttpResponse::text(404, "unknown emulator action"),
    }
}

fn static_file(dir: &Path, path: &str) -> HttpResponse {
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() { "index.html" } else { rel };
    if rel.split('/').any(|part| part == ".." || part.is_empty()) {
        return HttpResponse::text(404, "not found");
    }
    let content_type = match Path::new(rel).extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") | Some("mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
    match std::fs::read(dir.join(rel)) {
        Ok(body) => HttpResponse {
            status: 200,
            content_type,
            body,
        },
        Err(_) => HttpResponse::text(404, "not found"),
    }
}
