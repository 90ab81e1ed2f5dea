//! status.php: one message in every format and `all` level, statuses on the emulated clock,
//! several messages at once, deleting, and errors 1, 2 and 5.

use smsc_emulator::dates::moscow_date;

use crate::client::{Emu, CREDIT, DEMO};

const RU: &str = "79991234567";
const RU2: &str = "79991234568";
const NOBODY: &str = "79990000000";

/// Sends `mes` to `phones` from the demo account and returns the message's send time (Unix
/// seconds), read back from status.php.
fn send(e: &Emu, phones: &str, mes: &str, extra: &str) -> i64 {
    let sent = e.call(
        "send.php",
        &format!("{DEMO}&fmt=1&phones={phones}&mes={mes}{extra}"),
    );
    let id = sent.split(',').next().unwrap();
    let phone = phones.split(',').next().unwrap();
    let v = e.json(
        "status.php",
        &format!("{DEMO}&fmt=3&all=1&phone={phone}&id={id}"),
    );
    v["send_timestamp"].as_i64().expect("a send timestamp")
}

#[test]
fn one_message_in_every_format() {
    let e = Emu::start();
    let t = send(&e, RU, "Hello,+world", "&sender=Shop");
    let d = moscow_date(t);
    let q = |params: &str| e.call("status.php", &format!("{DEMO}&phone={RU}&id=1&{params}"));
    assert_eq!(
        q("fmt=0"),
        format!("Status = -1, check_time = {d}, err = 0")
    );
    assert_eq!(q("fmt=1"), format!("-1,{t},0"));
    assert_eq!(
        q("fmt=2"),
        format!(
            "<sms><status>-1</status><last_date>{d}</last_date><last_timestamp>{t}</last_timestamp>\
             <flag>0</flag><err>0</err></sms>"
        )
    );
    assert_eq!(
        q("fmt=3"),
        format!(
            r#"{{"status": -1, "last_date": "{d}", "last_timestamp": {t}, "flag": 0, "err": 0}}"#
        )
    );
    assert_eq!(
        q("fmt=0&all=1"),
        format!(
            "Status = -1, check_time = {d}, err = 0, send_date = {d}, phone = {RU}, cost = 2.50, \
             sender_id = Shop, status_name = Waiting to be sent, message = Hello, world, \
             comment = , type = 0"
        )
    );
    assert_eq!(
        q("fmt=1&all=1"),
        format!("-1,{t},0,{t},{RU},2.50,Shop,Waiting to be sent,Hello, world")
    );
    assert_eq!(
        q("fmt=3&all=1"),
        format!(
            r#"{{"status": -1, "last_date": "{d}", "last_timestamp": {t}, "flag": 0, "err": 0, "send_date": "{d}", "send_timestamp": {t}, "phone": "{RU}", "cost": "2.50", "sender_id": "Shop", "status_name": "Waiting to be sent", "message": "Hello, world", "comment": "", "type": 0, "sms_cnt": 1}}"#
        )
    );
    let v: serde_json::Value = serde_json::from_str(&q("fmt=3&all=2")).unwrap();
    assert_eq!(
        (&v["country"], &v["operator"], &v["region"]),
        (&"Russia".into(), &"Emulated Operator".into(), &"".into())
    );
    let xml = q("fmt=2&all=1");
    assert!(xml.contains("<message>Hello, world</message>"), "{xml}");
    // A message sent with `+` before the number is found with or without it.
    assert_eq!(
        e.call("status.php", &format!("{DEMO}&fmt=1&phone=%2B{RU}&id=1")),
        format!("-1,{t},0")
    );
}

#[test]
fn statuses_advance_with_the_emulated_clock() {
    let e = Emu::start();
    let t = send(&e, &format!("{RU},{NOBODY}"), "hi", "");
    let q = |phone: &str| e.call("status.php", &format!("{DEMO}&fmt=1&phone={phone}&id=1"));
    assert_eq!(q(RU), format!("-1,{t},0"));
    e.advance(5.5);
    assert_eq!(q(RU), format!("0,{},0", t + 5));
    assert_eq!(q(NOBODY), format!("0,{},0", t + 5));
    e.advance(5.0);
    assert_eq!(q(RU), format!("1,{},0", t + 10));
    assert_eq!(
        q(NOBODY),
        format!("20,{},1", t + 10),
        "numbers ending in 0000 fail"
    );
    let v = e.json(
        "status.php",
        &format!("{DEMO}&fmt=3&all=1&phone={NOBODY}&id=1"),
    );
    assert_eq!(v["status_name"], "Impossible to deliver");
    let v = e.json("status.php", &format!("{DEMO}&fmt=3&all=1&phone={RU}&id=1"));
    assert_eq!(v["status_name"], "Delivered");
    // Reset forgets the messages and the advanced clock.
    assert_eq!(e.post("/emulator/reset", "").body, "OK");
    assert!(q(RU).starts_with("-3,"));
}

#[test]
fn unknown_messages_are_status_minus_3() {
    let e = Emu::start();
    send(&e, RU, "hi", "");
    let v = e.json("status.php", &format!("{DEMO}&fmt=3&phone={RU}&id=2"));
    assert_eq!(
        (v["status"].as_i64(), v["err"].as_i64()),
        (Some(-3), Some(0))
    );
    // Another account does not see the demo account's messages.
    let v = e.json("status.php", &format!("{CREDIT}&fmt=3&phone={RU}&id=1"));
    assert_eq!(v["status"], -3);
    let text = e.call("status.php", &format!("{DEMO}&phone={RU2}&id=1"));
    assert!(text.starts_with("Status = -3, check_time = "), "{text}");
}

#[test]
fn several_messages_in_one_request() {
    let e = Emu::start();
    let t = send(&e, &format!("{RU},{RU2}"), "hi", "");
    let d = moscow_date(t);
    let now = |s: &str| -> i64 { s.split(',').nth(1).unwrap().parse().unwrap() };
    let q = |fmt: u8| {
        e.call(
            "status.php",
            &format!("{DEMO}&fmt={fmt}&phone={RU},{RU2},{RU}&id=1,1,99"),
        )
    };
    let v: serde_json::Value = serde_json::from_str(&q(3)).unwrap();
    let items = v.as_array().expect("an array");
    assert_eq!(items.len(), 3);
    assert_eq!(
        serde_json::to_string(&items[0]).unwrap(),
        serde_json::to_string(
            &serde_json::json!({"status": -1, "last_date": d, "last_timestamp": t,
            "flag": 0, "err": 0, "id": 1, "phone": RU})
        )
        .unwrap()
    );
    assert_eq!(
        (&items[1]["id"], &items[1]["phone"]),
        (&1.into(), &RU2.into())
    );
    assert_eq!(
        (&items[2]["id"], &items[2]["status"]),
        (&99.into(), &(-3).into())
    );

    let csv = q(1);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], format!("-1,{t},0,1,{RU}"));
    assert_eq!(lines[1], format!("-1,{t},0,1,{RU2}"));
    assert_eq!(lines[2], format!("-3,{},0,99,{RU}", now(lines[2])));

    let text = q(0);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[1],
        format!("Status = -1, check_time = {d}, err = 0, id = 1, phone = {RU2}")
    );

    let xml = q(2);
    assert!(xml.starts_with("<result><sms><status>-1</status>"), "{xml}");
    assert!(
        xml.contains(&format!("<err>0</err><id>1</id><phone>{RU2}</phone></sms>")),
        "{xml}"
    );
    assert_eq!(xml.matches("<sms>").count(), 3);

    // A trailing comma asks for the several-message layout about one message.
    let one = e.json("status.php", &format!("{DEMO}&fmt=3&phone={RU},&id=1,"));
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    assert_eq!(one[0]["phone"], RU);
    let one = e.call("status.php", &format!("{DEMO}&fmt=1&phone={RU},&id=1,"));
    assert_eq!(one, format!("-1,{t},0,1,{RU}"));
}

#[test]
fn deleting_messages() {
    let e = Emu::start();
    send(&e, &format!("{RU},{RU2}"), "hi", "");
    let del = |fmt: u8, phone: &str| {
        e.call(
            "status.php",
            &format!("{DEMO}&fmt={fmt}&phone={phone}&id=1&del=1"),
        )
    };
    assert_eq!(del(0, RU), "OK");
    assert_eq!(
        e.call("status.php", &format!("{DEMO}&fmt=1&phone={RU}&id=1"))
            .split(',')
            .next(),
        Some("-3")
    );
    // Deleting what is not there is error 5, in every format.
    assert_eq!(del(0, RU), "ERROR = 5 (delete error)");
    assert_eq!(del(1, RU), "0,-5");
    assert_eq!(
        del(2, RU),
        "<result><error>delete error</error><error_code>5</error_code></result>"
    );
    assert_eq!(del(3, RU), r#"{"error": "delete error", "error_code": 5}"#);
    // A request naming one unknown message deletes nothing.
    assert_eq!(
        e.call(
            "status.php",
            &format!("{DEMO}&fmt=1&phone={RU2},{RU}&id=1,1&del=1")
        ),
        "0,-5"
    );
    assert_eq!(del(3, RU2), r#"{"result": "OK"}"#);
    send(&e, RU, "hi", "");
    assert_eq!(
        e.call("status.php", &format!("{DEMO}&fmt=2&phone={RU}&id=2&del=1")),
        "<result>OK</result>"
    );
}

#[test]
fn parameter_and_credential_errors() {
    let e = Emu::start();
    for params in [
        format!("phone={RU}"),
        "id=1".to_string(),
        format!("phone={RU},{RU2}&id=1"),
        format!("phone={RU}&id=1&all=3"),
        "phone=&id=".to_string(),
    ] {
        assert_eq!(
            e.call("status.php", &format!("{DEMO}&fmt=1&{params}")),
            "0,-1",
            "{params}"
        );
    }
    assert_eq!(
        e.call(
            "status.php",
            &format!("login=demo&psw=x&fmt=3&phone={RU}&id=1")
        ),
        r#"{"error": "authorise error", "error_code": 2}"#
    );
}
