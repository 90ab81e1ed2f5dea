//! The emulator over real TCP: formats, errors, money and statuses.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use smsc_emulator::{spawn, Config};

fn post(addr: SocketAddr, path: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out[9..12].parse().unwrap();
    let body = out.split_once("\r\n\r\n").unwrap().1.to_string();
    (status, body)
}

const DEMO: &str = "login=demo&psw=demo-password";

#[test]
fn balance_in_every_format() {
    let a = spawn(Config::default()).unwrap();
    assert_eq!(post(a, "/sys/balance.php", DEMO).1, "1000.00");
    assert_eq!(
        post(a, "/sys/balance.php", &format!("{DEMO}&fmt=1&cur=1")).1,
        "1000.00,RUB"
    );
    assert_eq!(
        post(a, "/sys/balance.php", &format!("{DEMO}&fmt=3&cur=1")).1,
        r#"{"balance":"1000.00","currency":"RUB"}"#
    );
    assert_eq!(
        post(
            a,
            "/sys/balance.php",
            "login=credit&psw=credit-password&fmt=0&cur=1"
        )
        .1,
        "10.00,100.00,RUB"
    );
    assert_eq!(
        post(a, "/sys/balance.php", &format!("{DEMO}&fmt=2")).1,
        "<result><balance>1000.00</balance></result>"
    );
}

#[test]
fn errors_use_the_documented_envelopes() {
    let a = spawn(Config::default()).unwrap();
    assert_eq!(
        post(a, "/sys/balance.php", "login=demo&psw=wrong").1,
        "ERROR = 2 (authorise error)"
    );
    assert_eq!(
        post(a, "/sys/balance.php", "login=demo&psw=wrong&fmt=1").1,
        "0,-2"
    );
    assert_eq!(
        post(
            a,
            "/sys/send.php",
            &format!("{DEMO}&fmt=3&phones=123&mes=hi")
        )
        .1,
        r#"{"error":"invalid phone","error_code":7,"id":1}"#
    );
    assert_eq!(
        post(a, "/sys/send.php", &format!("{DEMO}&fmt=1&mes=hi")).1,
        "0,-1"
    );
    assert_eq!(
        post(
            a,
            "/sys/send.php",
            &format!("{DEMO}&fmt=0&phones=79991234567&mes=hi&time=soon")
        )
        .1,
        "ERROR = 5 (invalid date)"
    );
    assert_eq!(
        post(
            a,
            "/sys/send.php",
            "login=poor&psw=poor-password&fmt=1&phones=79991234567&mes=hi&id=77"
        )
        .1,
        "77,-3"
    );
    assert_eq!(
        post(
            a,
            "/sys/status.php",
            &format!("{DEMO}&fmt=3&phone=79991234567&id=999&del=1")
        )
        .1,
        r#"{"error":"delete error","error_code":5}"#
    );
    assert_eq!(post(a, "/sys/nothing.php", DEMO).0, 404);
}

#[test]
fn the_eleventh_balance_request_in_a_minute_is_refused() {
    let a = spawn(Config::default()).unwrap();
    for _ in 0..10 {
        assert_eq!(
            post(a, "/sys/balance.php", &format!("{DEMO}&fmt=1")).1,
            "1000.00"
        );
    }
    assert_eq!(
        post(a, "/sys/balance.php", &format!("{DEMO}&fmt=1")).1,
        "0,-9"
    );
    post(a, "/emulator/advance?seconds=61", "");
    assert_eq!(
        post(a, "/sys/balance.php", &format!("{DEMO}&fmt=1")).1,
        "1000.00"
    );
}

#[test]
fn sending_charges_exactly_and_statuses_advance() {
    let a = spawn(Config::default()).unwrap();
    // A price request charges nothing: 2 recipients x 2 Cyrillic parts x 2.50.
    let long = "я".repeat(71);
    assert_eq!(
        post(
            a,
            "/sys/send.php",
            &format!("{DEMO}&fmt=1&cost=1&phones=79991234567,79991234568&mes={long}")
        )
        .1,
        "10.00,4"
    );
    assert_eq!(
        post(
            a,
            "/sys/send.php",
            &format!("{DEMO}&fmt=1&cost=3&phones=79991234567&mes=hello")
        )
        .1,
        "1,1,2.50,997.50"
    );
    assert_eq!(
        post(
            a,
            "/sys/send.php",
            &format!("{DEMO}&fmt=0&cost=2&phones=4915112345678&mes=hi")
        )
        .1,
        "OK - 1 SMS, ID - 2, COST - 5.00"
    );
    assert_eq!(
        post(a, "/sys/balance.php", &format!("{DEMO}&fmt=1")).1,
        "992.50"
    );
    let first = post(
        a,
        "/sys/status.php",
        &format!("{DEMO}&fmt=1&phone=79991234567&id=1"),
    )
    .1;
    assert!(first.starts_with("-1,"), "{first}");
    post(a, "/emulator/advance?seconds=15", "");
    let later = post(
        a,
        "/sys/status.php",
        &format!("{DEMO}&fmt=3&phone=79991234567,4915112345678&id=1,2"),
    )
    .1;
    let v: serde_json::Value = serde_json::from_str(&later).unwrap();
    assert_eq!(v[0]["status"], 1);
    assert_eq!(v[1]["id"], 2);
    let unknown = post(
        a,
        "/sys/status.php",
        &format!("{DEMO}&fmt=1&phone=79991234567&id=55"),
    )
    .1;
    assert!(unknown.starts_with("-3,"), "{unknown}");
    assert_eq!(
        post(
            a,
            "/sys/status.php",
            &format!("{DEMO}&phone=79991234567&id=1&del=1")
        )
        .1,
        "OK"
    );
}
