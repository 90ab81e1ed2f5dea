//! The HTTP side: CORS, status codes for what is not an API call, static files, many clients at
//! once, the admin endpoints, and the program itself.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use smsc_emulator::Config;

use crate::client::{raw, Emu, DEMO};

#[test]
fn every_response_may_be_read_cross_origin_and_preflights_pass() {
    let e = Emu::start();
    let pre = e.request("OPTIONS", "/sys/send.php", "", b"");
    assert_eq!(pre.status, 204);
    assert_eq!(pre.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        pre.header("access-control-allow-methods"),
        Some("GET, POST")
    );
    assert_eq!(
        pre.header("access-control-allow-headers"),
        Some("Content-Type")
    );
    let reply = e.post("/sys/balance.php", DEMO);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        reply.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    // HTTP/1.1 keeps the connection unless the client says otherwise.
    assert_eq!(reply.header("connection"), Some("keep-alive"));
    assert_eq!(reply.header("keep-alive"), Some("timeout=5"));
    let closing = raw(
        e.0,
        b"GET /sys/balance.php?login=demo&psw=demo-password HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(closing.header("connection"), Some("close"));
    let reply = e.get("/nowhere");
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    // Asking for windows-1251 still gets UTF-8, and says so.
    let reply = e.post(
        "/sys/status.php",
        &format!("{DEMO}&fmt=2&charset=windows-1251&phone=79991234567&id=1"),
    );
    assert_eq!(
        reply.header("content-type"),
        Some("application/xml; charset=utf-8")
    );
}

#[test]
fn what_is_not_an_api_call() {
    let e = Emu::start();
    let reply = e.post("/sys/jobs-nothing.php", DEMO);
    assert_eq!(reply.status, 404);
    assert!(reply.body.contains("no such script"), "{}", reply.body);
    assert_eq!(e.request("PUT", "/sys/send.php", "", b"").status, 405);
    for bad in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET / HTTP/2\r\n\r\n",
        b"GET /sys/balance.php HTTP/1.1\r\nno colon here\r\n\r\n",
        b"POST /sys/balance.php HTTP/1.1\r\nContent-Length: many\r\n\r\n",
        b"POST /sys/balance.php HTTP/1.1\r\nContent-Length: 50\r\n\r\nshort",
        b"get / HTTP/1.1\r\n\r\n",
    ] {
        let reply = raw(e.0, bad);
        assert_eq!(reply.status, 400, "{}", String::from_utf8_lossy(bad));
    }
    let chunked = b"POST /sys/balance.php HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
    assert_eq!(raw(e.0, chunked).status, 411);
    // A connection that closes without a word gets nothing and harms nothing.
    drop(TcpStream::connect(e.0).unwrap());
    assert_eq!(e.call("balance.php", DEMO), "1000.00");
}

#[test]
fn a_client_waiting_for_100_continue_gets_it() {
    let e = Emu::start();
    let body = format!("{DEMO}&fmt=1");
    let mut s = TcpStream::connect(e.0).unwrap();
    write!(
        s,
        "POST /sys/balance.php HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Expect: 100-continue\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    let mut reader = BufReader::new(s.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line, "HTTP/1.1 100 Continue\r\n");
    reader.read_line(&mut line).unwrap();
    s.write_all(body.as_bytes()).unwrap();
    let mut rest = String::new();
    reader.read_to_string(&mut rest).unwrap();
    assert!(rest.starts_with("HTTP/1.1 200 OK\r\n"), "{rest}");
    assert!(rest.ends_with("\r\n\r\n1000.00"), "{rest}");
}

/// A fresh folder under the system's temporary directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smsc-emulator-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("js")).unwrap();
    dir
}

#[test]
fn static_files_come_from_the_same_origin() {
    let dir = temp_dir("static");
    std::fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
    std::fs::write(dir.join("js/app.mjs"), "export {}").unwrap();
    std::fs::write(dir.join("js/core_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dir.join("data.json"), "{}").unwrap();
    let e = Emu::with(Config {
        static_dir: Some(dir.join("js")),
        ..Config::default()
    });
    let reply = e.get("/app.mjs");
    assert_eq!((reply.status, reply.body.as_str()), (200, "export {}"));
    assert_eq!(
        reply.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(
        e.get("/core_bg.wasm").header("content-type"),
        Some("application/wasm")
    );
    for escape in [
        "/../index.html",
        "/%2E%2E/index.html",
        "/..%2Fdata.json",
        "/missing.js",
    ] {
        assert_eq!(e.get(escape).status, 404, "{escape}");
    }
    let e = Emu::with(Config {
        static_dir: Some(dir.clone()),
        ..Config::default()
    });
    let reply = e.get("/");
    assert_eq!((reply.status, reply.body.as_str()), (200, "<p>hi</p>"));
    assert_eq!(
        reply.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        e.get("/data.json").header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(e.get("/js/app.mjs").status, 200);
    // The scripts are still the scripts.
    assert_eq!(e.call("balance.php", DEMO), "1000.00");
    assert_eq!(e.post("/js/app.mjs", "").status, 404, "files are for GET");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn many_clients_at_once() {
    let e = Emu::start();
    let addr = e.0;
    let threads: Vec<_> = (0..40)
        .map(|_| {
            std::thread::spawn(move || {
                Emu(addr).call(
                    "send.php",
                    &format!("{DEMO}&fmt=1&phones=79991234567&mes=hi"),
                )
            })
        })
        .collect();
    let mut ids: Vec<u32> = threads
        .into_iter()
        .map(|t| {
            let answer = t.join().unwrap();
            let (id, n) = answer.split_once(',').unwrap();
            assert_eq!(n, "1");
            id.parse().unwrap()
        })
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, (1..=40).collect::<Vec<u32>>());
    assert_eq!(e.demo_balance(), "900.00");
}

#[test]
fn admin_endpoints() {
    let e = Emu::start();
    e.call("send.php", &format!("{DEMO}&phones=79991234567&mes=hi"));
    assert_eq!(e.get("/emulator/reset").status, 405);
    assert_eq!(e.post("/emulator/advance?seconds=-1", "").status, 400);
    assert_eq!(e.post("/emulator/advance", "seconds=soon").status, 400);
    assert_eq!(e.post("/emulator/advance", "seconds=0.25").body, "OK");
    assert_eq!(e.post("/emulator/nothing", "").status, 404);
    assert_eq!(e.demo_balance(), "997.50");
    assert_eq!(e.post("/emulator/reset", "").body, "OK");
    assert_eq!(e.demo_balance(), "1000.00");
    let v: serde_json::Value = serde_json::from_str(&e.get("/emulator/messages").body).unwrap();
    assert_eq!(v["messages"].as_array().map(Vec::len), Some(0));
    // After a reset ids start again from 1.
    assert_eq!(
        e.call(
            "send.php",
            &format!("{DEMO}&fmt=1&phones=79991234567&mes=hi")
        ),
        "1,1"
    );
}

const BINARY: &str = env!("CARGO_BIN_EXE_smsc-emulator");

#[test]
fn the_program_prints_its_address_reads_accounts_and_ends_when_idle() {
    let dir = temp_dir("accounts");
    let file = dir.join("accounts.json");
    std::fs::write(
        &file,
        r#"[{"login": "shop", "password": "s3cret", "apikey": "shop-key", "balance": "12.34",
             "credit": "1.00", "currency": "KZT"}]"#,
    )
    .unwrap();
    let mut child = Command::new(BINARY)
        .args(["--port", "0", "--exit-after-idle", "1"])
        .arg("--accounts")
        .arg(&file)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .strip_prefix("listening on http://127.0.0.1:")
        .and_then(|p| p.trim_end().parse::<u16>().ok())
        .unwrap_or_else(|| panic!("{line:?}"));
    assert!(line.ends_with('\n') && !line.ends_with("\n\n"));
    let e = Emu(SocketAddr::from(([127, 0, 0, 1], port)));
    assert_eq!(
        e.call("balance.php", "apikey=shop-key&cur=1"),
        "12.34,1.00,KZT"
    );
    assert_eq!(e.call("balance.php", &format!("{DEMO}&fmt=1")), "0,-2");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("the emulator did not end after a second of idleness");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_program_refuses_bad_arguments() {
    for args in [
        &["--port", "http"][..],
        &["--frobnicate", "1"],
        &["--port"],
        &["--accounts", "/nonexistent/accounts.json"],
        &["--status-timing", "10,5"],
        &["--exit-after-idle", "-1"],
    ] {
        let out = Command::new(BINARY)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage:"),
            "{args:?}"
        );
    }
}
