//! Faults on request: each kind as a client sees it, what it does to the state, and how the
//! queue is fed and emptied.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use crate::client::{Emu, DEMO};

/// Sends a request and returns every byte the server wrote before closing.
fn exchange(e: &Emu, path: &str, form: &str) -> Vec<u8> {
    let mut s = TcpStream::connect(e.0).unwrap();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Connection: close\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )
    .unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    out
}

/// Splits a raw answer into its head and body.
fn split(raw: &[u8]) -> (String, Vec<u8>) {
    let at = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    (
        String::from_utf8(raw[..at].to_vec()).unwrap(),
        raw[at + 4..].to_vec(),
    )
}

fn fault(e: &Emu, fields: &str) {
    let reply = e.post("/emulator/faults", fields);
    assert_eq!((reply.status, reply.body.as_str()), (200, "OK"), "{fields}");
}

fn sent(e: &Emu) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(&e.get("/emulator/messages").body).unwrap();
    v["messages"].as_array().unwrap().clone()
}

const SEND: &str = "phones=79991234567&mes=hello&id=order-1&fmt=3";

#[test]
fn http_errors_and_html_pages_change_nothing() {
    let e = Emu::start();
    fault(&e, "fault=http&status=502&script=send.php");
    let (head, body) = split(&exchange(&e, "/sys/send.php", &format!("{DEMO}&{SEND}")));
    assert!(head.starts_with("HTTP/1.1 502 Bad Gateway"), "{head}");
    assert!(String::from_utf8(body).unwrap().contains("<h1>502"));
    fault(&e, "fault=html");
    let (head, body) = split(&exchange(&e, "/sys/send.php", &format!("{DEMO}&{SEND}")));
    assert!(
        head.starts_with("HTTP/1.1 200 OK") && head.contains("text/html"),
        "{head}"
    );
    assert!(body.starts_with(b"<!DOCTYPE html>"));
    assert!(sent(&e).is_empty());
    assert_eq!(e.demo_balance(), "1000.00");
}

#[test]
fn a_fault_strikes_only_its_script_and_only_count_times() {
    let e = Emu::start();
    fault(&e, "fault=http&count=2&script=balance.php");
    e.call("status.php", &format!("{DEMO}&phone=79991234567&id=1"));
    assert_eq!(e.post("/sys/balance.php", DEMO).status, 503);
    assert_eq!(e.post("/sys/balance.php", DEMO).status, 503);
    assert_eq!(e.demo_balance(), "1000.00");
}

#[test]
fn spoilt_answers_come_after_the_work_is_done() {
    let e = Emu::start();
    fault(&e, "fault=truncate&script=send.php");
    let (head, body) = split(&exchange(&e, "/sys/send.php", &format!("{DEMO}&{SEND}")));
    assert!(
        head.contains(&format!("Content-Length: {}", body.len())),
        "{head}"
    );
    assert!(body.starts_with(b"{") && serde_json::from_slice::<serde_json::Value>(&body).is_err());
    fault(&e, "fault=garble");
    let (_, body) = split(&exchange(&e, "/sys/balance.php", &format!("{DEMO}&fmt=3")));
    assert!(std::str::from_utf8(&body).is_err(), "{body:?}");
    assert_eq!(sent(&e).len(), 1, "the truncated answer's message went out");
    assert_eq!(e.demo_balance(), "997.50");
}

#[test]
fn a_wrong_charset_answers_in_windows_1251_declared_as_utf_8() {
    let e = Emu::start();
    e.call(
        "send.php",
        &format!("{DEMO}&phones=79991234567&mes=привет&id=7"),
    );
    fault(&e, "fault=charset");
    let (head, body) = split(&exchange(
        &e,
        "/sys/status.php",
        &format!("{DEMO}&phone=79991234567&id=7&all=1&fmt=3"),
    ));
    assert!(head.contains("charset=utf-8"), "{head}");
    assert!(std::str::from_utf8(&body).is_err());
    let needle = [0xef, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]; // привет in windows-1251
    assert!(body.windows(6).any(|w| w == needle), "{body:?}");
}

#[test]
fn a_dropped_request_is_not_carried_out_but_a_lost_answer_is() {
    let e = Emu::start();
    fault(&e, "fault=drop&script=send.php");
    assert!(exchange(&e, "/sys/send.php", &format!("{DEMO}&{SEND}")).is_empty());
    assert!(sent(&e).is_empty());
    fault(&e, "fault=lost&script=send.php");
    assert!(exchange(&e, "/sys/send.php", &format!("{DEMO}&{SEND}")).is_empty());
    let messages = sent(&e);
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0]["id"], "order-1");
    assert_eq!(messages[0]["sends"], 1);
    assert_eq!(e.demo_balance(), "997.50");
}

#[test]
fn a_delay_answers_normally_and_is_used_up() {
    let e = Emu::start();
    fault(&e, "fault=delay&ms=50&script=balance.php");
    assert_eq!(e.demo_balance(), "1000.00");
    assert_eq!(e.get("/emulator/faults").body, "[]");
}

#[test]
fn the_queue_is_listed_refused_when_malformed_and_cleared() {
    let e = Emu::start();
    assert_eq!(e.post("/emulator/faults", "fault=melt").status, 400);
    assert_eq!(
        e.post("/emulator/faults", "fault=http&status=200").status,
        400
    );
    fault(&e, "fault=delay&ms=5&count=3&script=/sys/send.php");
    let listed: serde_json::Value = serde_json::from_str(&e.get("/emulator/faults").body).unwrap();
    assert_eq!(
        listed,
        serde_json::json!([{"fault": "delay", "ms": 5, "count": 3, "script": "send.php"}])
    );
    assert_eq!(e.post("/emulator/faults", "clear=1").body, "OK");
    assert_eq!(e.get("/emulator/faults").body, "[]");
    fault(&e, "fault=drop");
    assert_eq!(e.post("/emulator/reset", "").body, "OK");
    assert_eq!(e.get("/emulator/faults").body, "[]");
}

#[test]
fn requests_follow_each_other_on_one_connection() {
    let e = Emu::start();
    let mut s = TcpStream::connect(e.0).unwrap();
    let mut reader = BufReader::new(s.try_clone().unwrap());
    for expected in ["1000.00", "1000.00", "1000.00"] {
        let form = format!("{DEMO}&fmt=1");
        write!(
            s,
            "POST /sys/balance.php HTTP/1.1\r\nContent-Length: {}\r\n\r\n{form}",
            form.len()
        )
        .unwrap();
        let mut len = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.trim().parse().unwrap();
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; len];
        reader.read_exact(&mut body).unwrap();
        assert_eq!(body, expected.as_bytes());
    }
}

#[test]
fn the_program_takes_faults_from_its_command_line() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smsc-emulator"))
        .args(["--port", "0", "--exit-after-idle", "2"])
        .args(["--fault", "fault=http&status=500&script=balance.php"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap()
        .parse()
        .unwrap();
    let e = Emu(addr);
    assert_eq!(e.post("/sys/balance.php", DEMO).status, 500);
    assert_eq!(e.post("/sys/balance.php", DEMO).status, 200);
    assert!(child.wait().unwrap().success());
    let refused = Command::new(env!("CARGO_BIN_EXE_smsc-emulator"))
        .args(["--fault", "fault=melt"])
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("melt"));
}
