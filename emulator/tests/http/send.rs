//! send.php: the answers for each `cost` in each format, exact charges, parts, ids, and the
//! errors 1, 3, 5 and 7.

use crate::client::{Emu, CREDIT, DEMO, POOR};

const RU: &str = "79991234567";
const DE: &str = "4915112345678";

#[test]
fn every_format_and_cost_mode() {
    let e = Emu::start();
    // Each send costs 2.50 (one part to a Russian number); ids count up from 1.
    let cases = [
        ("fmt=0", "OK - 1 SMS, ID - 1"),
        ("fmt=0&cost=2", "OK - 1 SMS, ID - 2, COST - 2.50"),
        (
            "fmt=0&cost=3",
            "OK - 1 SMS, ID - 3, COST - 2.50, BALANCE - 992.50",
        ),
        ("fmt=1", "4,1"),
        ("fmt=1&cost=2", "5,1,2.50"),
        ("fmt=1&cost=3", "6,1,2.50,985.00"),
        ("fmt=2", "<result><cnt>1</cnt><id>7</id></result>"),
        (
            "fmt=2&cost=2",
            "<result><cnt>1</cnt><id>8</id><cost>2.50</cost></result>",
        ),
        (
            "fmt=2&cost=3",
            "<result><cnt>1</cnt><id>9</id><cost>2.50</cost><balance>977.50</balance></result>",
        ),
        ("fmt=3", r#"{"id": 10, "cnt": 1}"#),
        ("fmt=3&cost=2", r#"{"id": 11, "cnt": 1, "cost": "2.50"}"#),
        (
            "fmt=3&cost=3",
            r#"{"id": 12, "cnt": 1, "cost": "2.50", "balance": "970.00"}"#,
        ),
    ];
    for (params, expected) in cases {
        let form = format!("{DEMO}&phones={RU}&mes=Hello&{params}");
        assert_eq!(e.call("send.php", &form), expected, "{params}");
    }
    assert_eq!(e.demo_balance(), "970.00");
}

#[test]
fn a_price_request_sends_and_charges_nothing() {
    let e = Emu::start();
    // Two recipients, a 71-letter Cyrillic text: 2 parts each; 4 x 2.50.
    let mes = "%D1%8F".repeat(71);
    let form = |fmt: u8| format!("{DEMO}&cost=1&fmt={fmt}&phones={RU},79991234568&mes={mes}");
    assert_eq!(e.call("send.php", &form(0)), "COST - 10.00, SMS - 4");
    assert_eq!(e.call("send.php", &form(1)), "10.00,4");
    assert_eq!(
        e.call("send.php", &form(2)),
        "<result><cnt>4</cnt><cost>10.00</cost></result>"
    );
    assert_eq!(
        e.call("send.php", &form(3)),
        r#"{"cnt": 4, "cost": "10.00"}"#
    );
    assert_eq!(e.demo_balance(), "1000.00");
    // No id was used up either.
    assert_eq!(
        e.call("send.php", &format!("{DEMO}&fmt=1&phones={RU}&mes=x")),
        "1,1"
    );
    // A poor account may still ask for prices.
    assert_eq!(
        e.call(
            "send.php",
            &format!("{POOR}&fmt=1&cost=1&phones={DE}&mes=x")
        ),
        "5.00,1"
    );
}

#[test]
fn the_balance_falls_by_the_exact_cost() {
    let e = Emu::start();
    // 161 Latin letters: 2 parts. Russian 2 x 2.50 + German 2 x 5.00 = 15.00, 4 SMS.
    let long = "a".repeat(161);
    assert_eq!(
        e.call(
            "send.php",
            &format!("{DEMO}&fmt=1&cost=3&phones=%2B{RU};{DE}&mes={long}")
        ),
        "1,4,15.00,985.00"
    );
    // 135 Cyrillic letters: 3 parts; maxsms=2 caps them.
    let cyr = "%D0%B6".repeat(135);
    assert_eq!(
        e.call(
            "send.php",
            &format!("{DEMO}&fmt=1&cost=2&phones={RU}&mes={cyr}")
        ),
        "2,3,7.50"
    );
    assert_eq!(
        e.call(
            "send.php",
            &format!("{DEMO}&fmt=1&cost=3&phones={RU}&mes={cyr}&maxsms=2")
        ),
        "3,2,5.00,972.50"
    );
    assert_eq!(e.demo_balance(), "972.50");
    let sent = e.get("/emulator/messages");
    let v: serde_json::Value = serde_json::from_str(&sent.body).unwrap();
    assert_eq!(v["messages"].as_array().unwrap().len(), 4);
    assert_eq!(v["balances"]["demo"], "972.50");
}

#[test]
fn a_credit_limit_lets_the_balance_go_negative_and_no_further() {
    let e = Emu::start();
    // 10.00 + 100.00 credit = 44 parts at 2.50.
    let phones = vec![RU; 44].join(",");
    assert_eq!(
        e.call(
            "send.php",
            &format!("{CREDIT}&fmt=1&cost=3&phones={phones}&mes=x")
        ),
        "1,44,110.00,-100.00"
    );
    assert_eq!(
        e.call("send.php", &format!("{CREDIT}&fmt=1&phones={RU}&mes=x")),
        "2,-3"
    );
}

#[test]
fn ids_chosen_by_the_client_are_echoed() {
    let e = Emu::start();
    assert_eq!(
        e.call(
            "send.php",
            &format!("{DEMO}&fmt=3&phones={RU}&mes=x&id=order-7")
        ),
        r#"{"id": "order-7", "cnt": 1}"#
    );
    assert_eq!(
        e.call("send.php", &format!("{DEMO}&fmt=3&phones={RU}&mes=x&id=77")),
        r#"{"id": 77, "cnt": 1}"#
    );
    // The account's counter did not move.
    assert_eq!(
        e.call("send.php", &format!("{DEMO}&fmt=1&phones={RU}&mes=x")),
        "1,1"
    );
    // Counters are per account.
    assert_eq!(
        e.call("send.php", &format!("{CREDIT}&fmt=1&phones={RU}&mes=x")),
        "1,1"
    );
}

#[test]
fn missing_parameters_are_error_1() {
    let e = Emu::start();
    let too_long = "a".repeat(1001);
    for form in [
        format!("{DEMO}&fmt=1&mes=hi"),
        format!("{DEMO}&fmt=1&phones={RU}"),
        format!("{DEMO}&fmt=1&phones={RU}&mes="),
        format!("{DEMO}&fmt=1&phones={RU}&mes={too_long}"),
        format!("{DEMO}&fmt=1&phones={RU}&mes=hi&cost=7"),
    ] {
        assert_eq!(e.call("send.php", &form), "0,-1", "{form}");
    }
    assert_eq!(
        e.call("send.php", &format!("{DEMO}&fmt=3&mes=hi")),
        r#"{"error": "parameters error", "error_code": 1}"#
    );
    assert_eq!(
        e.call("send.php", &format!("{DEMO}&mes=hi")),
        "ERROR = 1 (parameters error)"
    );
    // Exactly 1000 characters is allowed.
    let limit = "a".repeat(1000);
    assert_eq!(
        e.call("send.php", &format!("{DEMO}&fmt=1&phones={RU}&mes={limit}")),
        "1,7"
    );
    assert_eq!(
        e.call("send.php", "login=demo&psw=x&fmt=1&phones=1&mes=x"),
        "0,-2"
    );
}

#[test]
fn not_enough_money_is_error_3_with_the_id() {
    let e = Emu::start();
    let form = |fmt: u8, id: &str| format!("{POOR}&fmt={fmt}&phones={RU}&mes=Hi{id}");
    assert_eq!(
        e.call("send.php", &form(0, "")),
        "ERROR = 3 (no money), ID - 1"
    );
    assert_eq!(e.call("send.php", &form(1, "&id=77")), "77,-3");
    assert_eq!(
        e.call("send.php", &form(2, "")),
        "<result><error>no money</error><error_code>3</error_code><id>2</id></result>"
    );
    assert_eq!(
        e.call("send.php", &form(3, "&id=order-1")),
        r#"{"error": "no money", "error_code": 3, "id": "order-1"}"#
    );
    assert_eq!(e.call("balance.php", &format!("{POOR}&fmt=1")), "0.50");
}

#[test]
fn bad_phones_are_error_7() {
    let e = Emu::start();
    for phones in [
        "123",
        "+12345678",
        "7999123456789012",
        "7999abc4567",
        "",
        ",;",
    ] {
        assert_eq!(
            e.call(
                "send.php",
                &format!("{DEMO}&fmt=3&phones={phones}&mes=hi&id=5")
            ),
            r#"{"error": "invalid phone", "error_code": 7, "id": 5}"#,
            "{phones:?}"
        );
    }
    assert_eq!(
        e.call("send.php", &format!("{DEMO}&fmt=0&phones=123&mes=hi")),
        "ERROR = 7 (invalid phone), ID - 1"
    );
    assert_eq!(
        e.call("send.php", &format!("{DEMO}&fmt=1&phones={RU},123&mes=hi")),
        "2,-7"
    );
    assert_eq!(
        e.call(
            "send.php",
            &format!("{DEMO}&fmt=1&cost=1&phones=123&mes=hi")
        ),
        "0,-7"
    );
    assert_eq!(e.demo_balance(), "1000.00");
}

#[test]
fn a_bad_time_is_error_5_and_a_later_one_waits() {
    let e = Emu::start();
    for time in ["soon", "31.02.30+10:00", "32011212", "25-26", "%2Babc"] {
        assert_eq!(
            e.call(
                "send.php",
                &format!("{DEMO}&fmt=1&phones={RU}&mes=hi&time={time}")
            ),
            "0,-5",
            "{time}"
        );
    }
    assert_eq!(
        e.call(
            "send.php",
            &format!("{DEMO}&fmt=3&phones={RU}&mes=hi&time=soon")
        ),
        r#"{"error": "invalid date", "error_code": 5}"#
    );
    // In ten minutes: still waiting after five, sent and delivered after twenty.
    assert_eq!(
        e.call(
            "send.php",
            &format!("{DEMO}&fmt=1&phones={RU}&mes=hi&time=%2B10")
        ),
        "1,1"
    );
    let status = || e.call("status.php", &format!("{DEMO}&fmt=1&phone={RU}&id=1"));
    e.advance(300.0);
    assert!(status().starts_with("-1,"), "{}", status());
    e.advance(900.0);
    assert!(status().starts_with("1,"), "{}", status());
    // A moment in the past, and `0`, mean now.
    for time in ["01.01.10 10:00", "0"] {
        let sent = e.call(
            "send.php",
            &format!("{DEMO}&fmt=1&phones={RU}&mes=hi&time={time}"),
        );
        assert!(sent.ends_with(",1"), "{sent}");
    }
}

#[test]
fn multipart_and_json_bodies() {
    let e = Emu::start();
    let body = "--b0und\r\nContent-Disposition: form-data; name=\"login\"\r\n\r\ndemo\r\n\
                --b0und\r\nContent-Disposition: form-data; name=\"psw\"\r\n\r\ndemo-password\r\n\
                --b0und\r\nContent-Disposition: form-data; name=\"phones\"\r\n\r\n79991234567\r\n\
                --b0und\r\nContent-Disposition: form-data; name=\"mes\"\r\n\r\nПривет, мир\r\n\
                --b0und\r\nContent-Disposition: form-data; name=\"fmt\"\r\n\r\n3\r\n\
                --b0und\r\nContent-Disposition: form-data; name=\"cost\"\r\n\r\n3\r\n--b0und--\r\n";
    let reply = e.request(
        "POST",
        "/sys/send.php",
        "multipart/form-data; boundary=b0und",
        body.as_bytes(),
    );
    assert_eq!(
        reply.body,
        r#"{"id": 1, "cnt": 1, "cost": "2.50", "balance": "997.50"}"#
    );
    let json = r#"{"login": "demo", "psw": "demo-password", "phones": "4915112345678", "mes": "Hi", "fmt": 1, "cost": 2}"#;
    let reply = e.request("POST", "/rest/send/", "application/json", json.as_bytes());
    assert_eq!(reply.body, "2,1,5.00");
    // The text arrived decoded.
    let status = e.call("status.php", &format!("{DEMO}&fmt=3&all=1&phone={RU}&id=1"));
    assert!(status.contains(r#""message": "Привет, мир""#), "{status}");
}
