//! balance.php: the four formats with and without `cur`, credit, keys, errors 2 and 9.

use crate::client::{Emu, CREDIT, DEMO, POOR};

#[test]
fn every_format_with_and_without_currency() {
    let e = Emu::start();
    let cases = [
        ("fmt=0", "1000.00"),
        ("fmt=1", "1000.00"),
        ("fmt=2", "<result><balance>1000.00</balance></result>"),
        ("fmt=3", r#"{"balance": "1000.00"}"#),
        ("fmt=0&cur=1", "1000.00,RUB"),
        ("fmt=1&cur=1", "1000.00,RUB"),
        (
            "fmt=2&cur=1",
            "<result><balance>1000.00</balance><currency>RUB</currency></result>",
        ),
        (
            "fmt=3&cur=1",
            r#"{"balance": "1000.00", "currency": "RUB"}"#,
        ),
    ];
    for (params, expected) in cases {
        assert_eq!(
            e.call("balance.php", &format!("{DEMO}&{params}")),
            expected,
            "{params}"
        );
    }
    // No fmt at all is fmt=0.
    assert_eq!(e.call("balance.php", POOR), "0.50");
}

#[test]
fn a_credit_limit_shows_beside_the_balance() {
    let e = Emu::start();
    let cases = [
        ("fmt=0", "10.00"),
        ("fmt=0&cur=1", "10.00,100.00,RUB"),
        ("fmt=1&cur=1", "10.00,100.00,RUB"),
        (
            "fmt=2&cur=1",
            "<result><balance>10.00</balance><credit>100.00</credit><currency>RUB</currency></result>",
        ),
        ("fmt=3", r#"{"balance": "10.00", "credit": "100.00"}"#),
        (
            "fmt=3&cur=1",
            r#"{"balance": "10.00", "credit": "100.00", "currency": "RUB"}"#,
        ),
    ];
    for (params, expected) in cases {
        assert_eq!(
            e.call("balance.php", &format!("{CREDIT}&{params}")),
            expected,
            "{params}"
        );
    }
}

#[test]
fn api_keys_and_get_requests() {
    let e = Emu::start();
    assert_eq!(
        e.call("balance.php", "apikey=demo-api-key&fmt=1"),
        "1000.00"
    );
    // SMSC's own libraries send an empty login with the key as the password.
    assert_eq!(e.call("balance.php", "login=&psw=demo-api-key"), "1000.00");
    let reply = e.get("/sys/balance.php?login=demo&psw=demo-password&fmt=3&cur=1");
    assert_eq!(reply.body, r#"{"balance": "1000.00", "currency": "RUB"}"#);
    assert_eq!(
        reply.header("content-type"),
        Some("application/json; charset=utf-8")
    );
}

#[test]
fn wrong_credentials_are_error_2_in_every_format() {
    let e = Emu::start();
    let cases = [
        ("fmt=0", "ERROR = 2 (authorise error)"),
        ("fmt=1", "0,-2"),
        (
            "fmt=2",
            "<result><error>authorise error</error><error_code>2</error_code></result>",
        ),
        ("fmt=3", r#"{"error": "authorise error", "error_code": 2}"#),
    ];
    for (params, expected) in cases {
        assert_eq!(
            e.call("balance.php", &format!("login=demo&psw=nope&{params}")),
            expected
        );
    }
    assert_eq!(e.call("balance.php", "apikey=nope&fmt=1"), "0,-2");
    assert_eq!(
        e.call("balance.php", "fmt=1"),
        "0,-2",
        "no credentials at all"
    );
    assert_eq!(
        e.call("balance.php", "login=poor&psw=demo-password&fmt=1"),
        "0,-2",
        "another account's password"
    );
}

#[test]
fn the_eleventh_request_in_a_minute_is_error_9_until_the_window_slides() {
    let e = Emu::start();
    for _ in 0..10 {
        assert_eq!(e.demo_balance(), "1000.00");
    }
    assert_eq!(e.demo_balance(), "0,-9");
    assert_eq!(
        e.call("balance.php", &format!("{DEMO}&fmt=3")),
        r#"{"error": "duplicate request, wait a minute", "error_code": 9}"#
    );
    assert_eq!(
        e.call("balance.php", &format!("{DEMO}&fmt=0")),
        "ERROR = 9 (duplicate request, wait a minute)"
    );
    // The limit is per login.
    assert_eq!(e.call("balance.php", &format!("{POOR}&fmt=1")), "0.50");
    e.advance(50.0);
    assert_eq!(
        e.demo_balance(),
        "0,-9",
        "the first requests are only 50 s old"
    );
    e.advance(11.0);
    assert_eq!(e.demo_balance(), "1000.00");
}
