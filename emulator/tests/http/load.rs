//! Many clients at once over kept-open connections: every message is stored exactly once and
//! the balance falls by exactly their price. Prints its throughput; asserts no timing.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use smsc_emulator::state::Account;
use smsc_emulator::Config;

use crate::client::Emu;

const CLIENTS: usize = 50;
const REQUESTS: usize = 1000;

/// Sends `REQUESTS` sends on one connection, each with its own id; returns the ids answered.
fn client(addr: std::net::SocketAddr, n: usize) -> Vec<String> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_nodelay(true).unwrap();
    // Bounded: a stuck server fails the test instead of hanging it.
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut reader = BufReader::new(s.try_clone().unwrap());
    let mut answered = Vec::with_capacity(REQUESTS);
    for i in 0..REQUESTS {
        let id = format!("c{n}-{i}");
        let form = format!("login=load&psw=load-pw&phones=7999{n:07}&mes=load&id={id}&fmt=1");
        // One write per request: pieces would wait on each other's acknowledgements.
        let request = format!(
            "POST /sys/send.php HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\n\r\n{form}",
            form.len()
        );
        s.write_all(request.as_bytes()).unwrap();
        let mut len = None;
        let mut line = String::new();
        loop {
            line.clear();
            assert!(reader.read_line(&mut line).unwrap() > 0, "closed early");
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = Some(v.trim().parse::<usize>().unwrap());
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; len.unwrap()];
        reader.read_exact(&mut body).unwrap();
        let body = String::from_utf8(body).unwrap();
        assert_eq!(body, format!("{id},1"));
        answered.push(id);
    }
    answered
}

#[test]
fn fifty_clients_of_a_thousand_sends_each_are_all_accounted_for() {
    let e = Emu::with(Config {
        accounts: vec![Account::new("load", "load-pw", None, 20_000_000, 0)],
        ..Config::default()
    });
    let started = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|n| {
            let addr = e.0;
            std::thread::spawn(move || client(addr, n))
        })
        .collect();
    let answered: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let wall = started.elapsed();
    let total = CLIENTS * REQUESTS;
    // Straight to stderr, past the test harness's capture, so the figure shows in every run.
    let _ = writeln!(
        std::io::stderr(),
        "load: {CLIENTS} clients x {REQUESTS} sends = {total} requests in {:.2} s, {:.0} requests/s",
        wall.as_secs_f64(),
        total as f64 / wall.as_secs_f64()
    );
    assert_eq!(answered.iter().collect::<HashSet<_>>().len(), total);
    let v: serde_json::Value = serde_json::from_str(&e.get("/emulator/messages").body).unwrap();
    let stored: Vec<String> = v["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stored.len(), total);
    assert_eq!(
        stored.into_iter().collect::<HashSet<_>>(),
        answered.into_iter().collect::<HashSet<_>>()
    );
    // 200 000.00 less 50 000 SMS at 2.50.
    assert_eq!(v["balances"]["load"], "75000.00");
}
