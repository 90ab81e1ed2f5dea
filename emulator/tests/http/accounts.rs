//! phones.php, users.php, senders.php and documents.php: records created in every format are
//! listed, changed and deleted; each script's own errors; money moved to a sub-client leaves the
//! main balance; a numeric sender name confirmed by its code; invoices and acts downloaded.

use crate::client::{Emu, DEMO, POOR};

#[test]
fn contacts_and_groups_are_created_in_every_format_and_listed() {
    let e = Emu::start();
    let add = |phone: &str, fmt: u8| {
        e.call(
            "phones.php",
            &format!("{DEMO}&add=1&phone={phone}&name=Smith%2C+John&fmt={fmt}"),
        )
    };
    assert_eq!(add("79991234567", 0), "ID = 1");
    assert_eq!(add("79991234568", 1), "2");
    assert_eq!(add("79991234569", 2), "<phone><id>3</id></phone>");
    assert_eq!(add("79991234560", 3), r#"{"id": 4}"#);
    assert_eq!(
        e.call(
            "phones.php",
            &format!("{DEMO}&add_group=1&name=Clients&num=5&fmt=3")
        ),
        r#"{"id": 5}"#
    );
    let moved = format!("{DEMO}&move_group=1&grp=5&phone=79991234567&fmt=0");
    assert_eq!(e.call("phones.php", &moved), "OK");

    let text = e.call("phones.php", &format!("{DEMO}&get=1&fmt=0"));
    assert_eq!(text.lines().count(), 4);
    assert_eq!(
        text.lines().next(),
        Some("int_id = 1, phone = 79991234567, grp = 5, name = Smith, John")
    );
    let csv = e.call("phones.php", &format!("{DEMO}&get=1&fmt=1"));
    assert!(csv.starts_with("1,79991234567,5,Smith, John\n2,"), "{csv}");
    let xml = e.call("phones.php", &format!("{DEMO}&get=1&fmt=2"));
    assert_eq!(xml.matches("<contact>").count(), 4, "{xml}");
    let json = e.json("phones.php", &format!("{DEMO}&get=1&fmt=3"));
    assert_eq!(json[3]["phone"], "79991234560");
    let groups = e.json("phones.php", &format!("{DEMO}&get_group=1&fmt=3"));
    assert_eq!(
        (&groups[0]["id"], &groups[0]["name"]),
        (&5.into(), &"Clients".into())
    );
    // The client's own id, when it gave one, is listed as `id`, as smsc.ru's recording shows.
    e.call(
        "phones.php",
        &format!("{DEMO}&add=1&phone=79991234561&myid=crm-7&fmt=3"),
    );
    let json = e.json("phones.php", &format!("{DEMO}&get=1&fmt=3"));
    assert_eq!(
        (&json[4]["int_id"], &json[4]["id"]),
        (&6.into(), &"crm-7".into())
    );
    // Another account sees none of them.
    assert_eq!(e.call("phones.php", &format!("{POOR}&get=1&fmt=3")), "[]");
}

#[test]
fn contacts_are_changed_and_deleted_and_unknown_ones_are_error_3() {
    let e = Emu::start();
    e.call(
        "phones.php",
        &format!("{DEMO}&add=1&phone=79991234567&fmt=3"),
    );
    let chg = format!("{DEMO}&chg=1&phone=79991234567&new_phone=79997654321&name=New&fmt=3");
    assert_eq!(e.call("phones.php", &chg), r#"{"result": "OK"}"#);
    assert_eq!(
        e.call(
            "phones.php",
            &format!("{DEMO}&del=1&phone=79991234567&fmt=1")
        ),
        "0,-3"
    );
    assert_eq!(
        e.call(
            "phones.php",
            &format!("{DEMO}&del=1&phone=79997654321&fmt=2")
        ),
        "<result>OK</result>"
    );
    assert_eq!(e.call("phones.php", &format!("{DEMO}&get=1&fmt=3")), "[]");
    assert_eq!(
        e.call("phones.php", &format!("{DEMO}&del_group=1&grp=9&fmt=0")),
        "ERROR = 3 (no records found)"
    );
    assert_eq!(
        e.call("phones.php", &format!("{DEMO}&add=1&phone=123&fmt=1")),
        "0,-1"
    );
    assert_eq!(
        e.call("phones.php", "login=demo&psw=wrong&get=1&fmt=1"),
        "0,-2"
    );
}

#[test]
fn the_blacklist_takes_and_gives_back_numbers() {
    let e = Emu::start();
    let add = format!("{DEMO}&add_black=1&phone=79991234567&type=1&fmt=0");
    assert_eq!(e.call("phones.php", &add), "ID = 1");
    let del = format!("{DEMO}&del_black=1&phone=79991234567&fmt=0");
    assert_eq!(e.call("phones.php", &del), "OK");
    assert_eq!(e.call("phones.php", &del), "ERROR = 3 (no records found)");
}

#[test]
fn sub_clients_are_created_listed_paid_and_renamed() {
    let e = Emu::start();
    let add = format!("{DEMO}&add=1&user=sub1&password=Sub-secret-1&fmt=0");
    assert_eq!(e.call("users.php", &add), "OK");
    assert_eq!(
        e.call("users.php", &add),
        "ERROR = 5 (operation execution error)"
    );
    let before = e.demo_balance();
    let pay = format!("{DEMO}&pay=1&user=sub1&sum=150.50&fmt=3");
    assert_eq!(e.call("users.php", &pay), r#"{"result": "OK"}"#);
    let after = e.demo_balance();
    let cents = |s: &str| (s.parse::<f64>().unwrap() * 100.0).round() as i64;
    assert_eq!(cents(&before) - cents(&after), 15050);
    let stats = e.call("users.php", &format!("{DEMO}&get_stat=1&fmt=1"));
    assert_eq!(stats, "sub1,0,0.00,150.50");
    let too_much = format!("{DEMO}&pay=1&user=sub1&sum=-200&fmt=1");
    assert_eq!(e.call("users.php", &too_much), "0,-10");
    let chg = format!("{DEMO}&chg=1&user=sub1&new_login=sub2&fmt=2");
    assert_eq!(e.call("users.php", &chg), "<result>OK</result>");
    let xml = e.call("users.php", &format!("{DEMO}&get_stat_all=1&fmt=2"));
    assert!(xml.contains("<user><user>sub2</user>"), "{xml}");
    assert_eq!(
        e.call("users.php", &format!("{DEMO}&get_stat=1&user=sub1&fmt=1")),
        "0,-6"
    );
    assert_eq!(
        e.call(
            "users.php",
            &format!("{DEMO}&get_stat=1&start=2014-01-01&fmt=1")
        ),
        "0,-1"
    );
}

#[test]
fn sender_names_are_added_changed_confirmed_and_deleted() {
    let e = Emu::start();
    let add = format!("{DEMO}&add=1&sender=SHOP&cmt=ours&fmt=0");
    assert_eq!(e.call("senders.php", &add), "OK");
    assert_eq!(
        e.call("senders.php", &add),
        "ERROR = 5 (error saving or deleting the sender name)"
    );
    assert_eq!(
        e.call("senders.php", &format!("{DEMO}&get=1&fmt=0")),
        "id = 1, sender = SHOP, status = 0, cmt = ours"
    );
    let chg = format!("{DEMO}&chg=1&id=1&cmt=theirs&fmt=1");
    assert_eq!(e.call("senders.php", &chg), "OK");
    assert_eq!(
        e.call("senders.php", &format!("{DEMO}&get=1&fmt=1")),
        "1,SHOP,0,theirs"
    );

    let send = format!("{DEMO}&send_code=1&sender=79991234567&fmt=3");
    assert_eq!(e.call("senders.php", &send), r#"{"result": "OK"}"#);
    assert_eq!(e.json("senders.php", &send)["error_code"], 10);
    let check = |code: &str| {
        e.call(
            "senders.php",
            &format!("{DEMO}&check_code=1&sender=79991234567&code={code}&fmt=1"),
        )
    };
    assert_eq!(check("0000"), "0,-11");
    assert_eq!(check("4567"), "OK");
    assert_eq!(
        e.json("senders.php", &format!("{DEMO}&get=1&fmt=3"))[1]["status"],
        1
    );
    assert_eq!(
        e.call(
            "senders.php",
            &format!("{DEMO}&send_code=1&sender=12&fmt=1")
        ),
        "0,-7"
    );
    assert_eq!(
        e.call("senders.php", &format!("{DEMO}&del=1&sender=SHOP&fmt=2")),
        "<result>OK</result>"
    );
    assert_eq!(
        e.call("senders.php", &format!("{DEMO}&del=1&sender=SHOP&fmt=1")),
        "0,-3"
    );
}

#[test]
fn invoices_are_created_and_downloaded_as_pdf() {
    let e = Emu::start();
    assert_eq!(
        e.call(
            "documents.php",
            &format!("{DEMO}&add_account=1&user=sub1&sum=100&fmt=1")
        ),
        "0,-6"
    );
    e.call(
        "users.php",
        &format!("{DEMO}&add=1&user=sub1&password=pw-12345&fmt=3"),
    );
    assert_eq!(
        e.call(
            "documents.php",
            &format!("{DEMO}&add_account=1&user=sub1&sum=100&fmt=0")
        ),
        "OK, ID = 2"
    );
    let pdf = e.post(
        "/sys/documents.php",
        &format!("{DEMO}&get_account=1&user=sub1&id=2"),
    );
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(pdf.body.starts_with("%PDF-"), "{}", pdf.body);
    let act = e.post(
        "/sys/documents.php",
        &format!("{DEMO}&get_act=1&user_id=1&num=A-7"),
    );
    assert!(act.body.starts_with("%PDF-"), "{}", act.body);
    assert_eq!(
        e.call(
            "documents.php",
            &format!("{DEMO}&get_account=1&user=sub1&id=99&fmt=3")
        ),
        r#"{"error": "no records found", "error_code": 3}"#
    );
}
