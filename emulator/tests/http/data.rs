//! get.php, info.php and tinyurls.php: the history of what was sent, paged by `int_id`;
//! incoming messages delivered through the admin endpoint; statistics; rates; operators by
//! prefix; short links and their clicks; errors 1, 2, 3 and 9, in the layouts the fixtures use.

use crate::client::{Emu, DEMO, POOR};

fn send(e: &Emu, phone: &str, text: &str) {
    let form = format!("{DEMO}&phones={phone}&mes={text}&tinyurl=1&fmt=3");
    assert!(e.json("send.php", &form).get("id").is_some());
}

#[test]
fn the_history_lists_what_was_sent_newest_first_in_every_format() {
    let e = Emu::start();
    send(&e, "79991234567", "Hi%2C+there");
    send(&e, "79991234568", "Second");
    e.advance(15.0);
    let page = e.json("get.php", &format!("{DEMO}&get_messages=1&cnt=1&fmt=3"));
    assert_eq!(page[0]["message"], "Second");
    assert_eq!(
        (&page[0]["int_id"], &page[0]["status"]),
        (&2.into(), &1.into())
    );
    let older = e.json("get.php", &format!("{DEMO}&get_messages=1&prev_id=2&fmt=3"));
    assert_eq!(older.as_array().map(Vec::len), Some(1));
    assert_eq!(older[0]["message"], "Hi, there");

    let text = e.call("get.php", &format!("{DEMO}&get_messages=1&fmt=0"));
    assert_eq!(text.lines().count(), 2);
    assert!(text.starts_with("status = 1, last_date = "), "{text}");
    assert!(text.contains(", message = Hi, there, type = 0, "), "{text}");
    let csv = e.call("get.php", &format!("{DEMO}&get_messages=1&fmt=1"));
    assert!(csv.lines().nth(1).unwrap().starts_with("1,"), "{csv}");
    assert!(csv.contains(",Hi, there,0,Russia,"), "{csv}");
    let xml = e.call("get.php", &format!("{DEMO}&get_messages=1&fmt=2"));
    assert!(xml.starts_with("<result><sms><status>1</status>"), "{xml}");
    assert_eq!(xml.matches("<sms>").count(), 2);

    // Another account's history is its own; the period and the numbers filter.
    assert_eq!(
        e.call("get.php", &format!("{POOR}&get_messages=1&fmt=3")),
        "[]"
    );
    let none = e.call(
        "get.php",
        &format!("{DEMO}&get_messages=1&phone=79990000001&fmt=3"),
    );
    assert_eq!(none, "[]");
    let past = e.call(
        "get.php",
        &format!("{DEMO}&get_messages=1&start=01.01.2000&end=02.01.2000&fmt=3"),
    );
    assert_eq!(past, "[]");
    for bad in ["start=2000-01-01", "cnt=1001", "format=3", "prev_id=x"] {
        let body = e.call("get.php", &format!("{DEMO}&get_messages=1&{bad}&fmt=1"));
        assert_eq!(body, "0,-1", "{bad}");
    }
    let wrong = e.call("get.php", "login=demo&psw=wrong&get_messages=1&fmt=0");
    assert!(wrong.starts_with("ERROR = 2 ("), "{wrong}");
}

#[test]
fn incoming_messages_come_from_the_admin_endpoint() {
    let e = Emu::start();
    let none = e.call("get.php", &format!("{DEMO}&get_answers=1&fmt=3"));
    assert_eq!(none, "[]");
    for (phone, text) in [("79991234567", "Yes%2C+please"), ("79991234568", "Stop")] {
        let reply = e.post(
            &format!(
                "/emulator/incoming?login=demo&phone={phone}&to_phone=79000000001&message={text}"
            ),
            "",
        );
        assert_eq!(reply.status, 200, "{reply:?}");
    }
    let bad = e.post(
        "/emulator/incoming?login=demo&phone=x&to_phone=79000000001",
        "",
    );
    assert_eq!(bad.status, 400);
    let all = e.json("get.php", &format!("{DEMO}&get_answers=1&fmt=3"));
    assert_eq!(
        (&all[0]["id"], &all[0]["message"]),
        (&1.into(), &"Yes, please".into())
    );
    let after = e.json("get.php", &format!("{DEMO}&get_answers=1&after_id=1&fmt=3"));
    assert_eq!(after.as_array().map(Vec::len), Some(1));
    let text = e.call("get.php", &format!("{DEMO}&get_answers=1&fmt=0"));
    assert!(text.starts_with("id = 1, received = "), "{text}");
    let csv = e.call("get.php", &format!("{DEMO}&get_answers=1&cnt=1&fmt=1"));
    assert!(
        csv.starts_with("1,") && csv.ends_with(",Yes, please"),
        "{csv}"
    );
    let xml = e.call("get.php", &format!("{DEMO}&get_answers=1&fmt=2"));
    assert!(xml.starts_with("<result><sms><id>1</id>"), "{xml}");
    // Older than the period asked for: gone from the answer.
    e.advance(2.0 * 3600.0);
    assert_eq!(
        e.call("get.php", &format!("{DEMO}&get_answers=1&hour=1&fmt=3")),
        "[]"
    );
    assert_eq!(
        e.call("get.php", &format!("{DEMO}&get_answers=1&hour=169&fmt=1")),
        "0,-1"
    );
}

#[test]
fn statistics_and_rates() {
    let e = Emu::start();
    send(&e, "79991234567", "One");
    send(&e, "380991234567", "Two");
    let stat = e.call(
        "get.php",
        &format!("{DEMO}&get_stat=1&start=01.01.2000&fmt=0"),
    );
    assert_eq!(
        stat,
        "login = demo, cnt = 2, credit = 7.50, debit = 0.00, currency = RUB"
    );
    let csv = e.call(
        "get.php",
        &format!("{DEMO}&get_stat=1&start=01.01.2000&fmt=1"),
    );
    assert_eq!(csv, "demo,2,7.50,0.00,RUB");
    let xml = e.call(
        "get.php",
        &format!("{DEMO}&get_stat=1&start=01.01.2000&fmt=2"),
    );
    assert!(
        xml.starts_with("<result><login>demo</login><cnt>2</cnt>"),
        "{xml}"
    );
    assert_eq!(
        e.call("get.php", &format!("{DEMO}&get_stat=1&fmt=1")),
        "0,-1"
    );

    let rates = e.json("get.php", &format!("{DEMO}&get_price=1&fmt=3"));
    assert_eq!(
        (&rates[0]["zone"], &rates[0]["api"]),
        (&"1".into(), &"2.50".into())
    );
    let text = e.call("get.php", &format!("{DEMO}&get_price=1&fmt=0"));
    assert!(
        text.starts_with("zone = 1, name = Russia, api = 2.50, mass = 2.50, "),
        "{text}"
    );
    assert!(e
        .call("get.php", &format!("{DEMO}&get_price=1&fmt=2"))
        .contains("<tariff><zone>2</zone>"));
    // A fourth identical request within a minute, whatever the format.
    assert_eq!(
        e.call("get.php", &format!("{DEMO}&get_price=1&fmt=1")),
        "0,-9"
    );
    e.advance(61.0);
    assert!(e
        .call("get.php", &format!("{DEMO}&get_price=1&fmt=1"))
        .starts_with("1,Russia,2.50,"));
}

#[test]
fn operators_by_prefix_and_short_links() {
    let e = Emu::start();
    let one = e.json(
        "info.php",
        &format!("{DEMO}&get_operator=1&phone=79991234567&fmt=3"),
    );
    assert_eq!(
        (&one["country"], &one["mcc"], &one["mnc"]),
        (&"Russia".into(), &"250".into(), &"99".into())
    );
    let two = e.call(
        "info.php",
        &format!("{DEMO}&get_operator=1&phone=79991234567%2C77011234567&fmt=1"),
    );
    assert_eq!(
        two.lines().nth(1),
        Some("77011234567,Kazakhstan,Emulated Operator KZ,,401,02,5")
    );
    let text = e.call(
        "info.php",
        &format!("{DEMO}&get_operator=1&phone=375291234567&fmt=0"),
    );
    assert!(
        text.starts_with("phone = 375291234567, country = Belarus, "),
        "{text}"
    );
    let missing = e.call(
        "info.php",
        &format!("{DEMO}&get_operator=1&phone=79990000000&fmt=2"),
    );
    assert!(missing.contains("<error_code>3</error_code>"), "{missing}");
    assert_eq!(
        e.call(
            "info.php",
            &format!("{DEMO}&get_operator=1&phone=abc&fmt=1")
        ),
        "0,-1"
    );

    send(&e, "79991234567", "Sale+https%3A%2F%2Fexample.com%2Fsale");
    let click = e.post("/emulator/click?id=1", "");
    assert_eq!(click.status, 200);
    assert_eq!(e.post("/emulator/click?id=2", "").status, 404);
    let by_link = e.call(
        "tinyurls.php",
        &format!("{DEMO}&get=1&link=https%3A%2F%2Fexample.com%2Fsale&fmt=0"),
    );
    assert_eq!(
        by_link,
        "id = 1, cnt = 1, cnt_mon = 1, cnt_day = 1, cnt_yes = 0"
    );
    assert_eq!(
        e.call("tinyurls.php", &format!("{DEMO}&get=1&id=1&fmt=1")),
        "1,1,1,1,0"
    );
    assert_eq!(
        e.call("tinyurls.php", &format!("{DEMO}&get=1&id=7&fmt=1")),
        "0,-3"
    );
    assert_eq!(
        e.call("tinyurls.php", &format!("{POOR}&get=1&id=1&fmt=1")),
        "0,-3"
    );
    assert_eq!(
        e.call("tinyurls.php", &format!("{DEMO}&get=1&fmt=1")),
        "0,-1"
    );
}
