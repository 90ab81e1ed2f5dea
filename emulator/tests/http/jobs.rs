//! jobs.php, templates.php, op_templates.php and ping.php: mailing lists created in every
//! format, read, disabled and deleted; errors 1, 2, 3, 5 and 9; templates giving a mailing list
//! its text; operator templates; event notifications.

use crate::client::{Emu, DEMO, POOR};

const LIST: &str = "name=Sale&phones=79991234567%2C79997654321&mes=Hi";

#[test]
fn a_mailing_list_is_created_in_every_format() {
    let e = Emu::start();
    let add = |extra: &str| e.call("jobs.php", &format!("{DEMO}&add=1&{LIST}{extra}"));
    // Each creation differs, or the one-identical-action-a-minute limit answers instead.
    assert_eq!(add("&fmt=0"), "OK, ID - 1");
    assert_eq!(add("&fmt=0&cost=1"), "OK, ID - 2, COST - 5.00");
    assert_eq!(add("2&fmt=1"), "3");
    assert_eq!(add("2&fmt=1&cost=1"), "4,5.00");
    assert_eq!(add("3&fmt=2"), "<result><id>5</id></result>");
    assert_eq!(
        add("3&fmt=2&cost=1"),
        "<result><id>6</id><cost>5.00</cost></result>"
    );
    assert_eq!(add("4&fmt=3"), r#"{"id": 7}"#);
    assert_eq!(add("4&fmt=3&cost=1"), r#"{"id": 8, "cost": "5.00"}"#);
}

#[test]
fn mailing_lists_are_read_disabled_and_deleted() {
    let e = Emu::start();
    e.call("jobs.php", &format!("{DEMO}&add=1&{LIST}&fmt=3"));
    e.call(
        "jobs.php",
        &format!("{DEMO}&add=1&name=Other%2C+one&phones=79991234567&mes=Hey&fmt=3"),
    );
    let one = e.json("jobs.php", &format!("{DEMO}&get=1&id=1&fmt=3"));
    assert_eq!(
        (&one["name"], &one["status"], &one["cost"]),
        (&"Sale".into(), &(-1).into(), &"5.00".into())
    );
    let text = e.call("jobs.php", &format!("{DEMO}&get_all=1&fmt=0"));
    assert_eq!(text.lines().count(), 2);
    assert!(
        text.starts_with("id = 1, status = -1, cost = 5.00, created = "),
        "{text}"
    );
    assert!(text.contains("name = Other, one, mes = Hey"), "{text}");
    let xml = e.call("jobs.php", &format!("{DEMO}&get_all=1&fmt=2"));
    assert!(xml.starts_with("<result><job><id>1</id>"), "{xml}");
    assert_eq!(xml.matches("<job>").count(), 2);
    let csv = e.call("jobs.php", &format!("{DEMO}&get_all=1&fmt=1"));
    assert!(csv.starts_with("1,-1,5.00,"), "{csv}");

    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&cancel=1&id=1&fmt=0")),
        "OK"
    );
    let one = e.call("jobs.php", &format!("{DEMO}&get=1&id=1&fmt=2"));
    assert!(one.contains("<status>-2</status>"), "{one}");
    // The same action again within a minute is refused, whatever the format; an unknown list
    // cannot be disabled.
    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&cancel=1&id=1&fmt=1")),
        "0,-9"
    );
    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&cancel=1&id=99&fmt=1")),
        "0,-3"
    );
    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&del=1&id=1&fmt=3")),
        r#"{"result": "OK"}"#
    );
    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&get=1&id=1&fmt=3")),
        r#"{"error": "record not found", "error_code": 3}"#
    );
    // Another account does not see them.
    assert_eq!(e.call("jobs.php", &format!("{POOR}&get_all=1&fmt=3")), "[]");
    // A minute later the same action is allowed again.
    e.advance(60.0);
    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&cancel=1&id=2&fmt=1")),
        "OK"
    );
}

#[test]
fn mailing_list_errors() {
    let e = Emu::start();
    assert_eq!(
        e.call("jobs.php", "login=demo&psw=wrong&get_all=1&fmt=1"),
        "0,-2"
    );
    assert_eq!(
        e.call(
            "jobs.php",
            &format!("{DEMO}&add=1&phones=79991234567&mes=Hi")
        ),
        "ERROR = 1 (parameters error)"
    );
    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&add=1&{LIST}&rpt=8&fmt=1")),
        "0,-1"
    );
    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&add=1&{LIST}&time=soon&fmt=3")),
        r#"{"error": "invalid date format", "error_code": 5}"#
    );
    assert_eq!(
        e.call(
            "jobs.php",
            &format!("{DEMO}&get_all=1&start=2026-01-01&fmt=1")
        ),
        "0,-5"
    );
    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&add=1&{LIST}&fmt=1")),
        "1"
    );
    assert_eq!(
        e.call("jobs.php", &format!("{DEMO}&add=1&{LIST}&fmt=3")),
        r#"{"error": "duplicate request, wait a minute", "error_code": 9}"#
    );
}

#[test]
fn templates_are_kept_and_give_mailing_lists_their_text() {
    let e = Emu::start();
    assert_eq!(
        e.call(
            "templates.php",
            &format!("{DEMO}&add=1&name=Greeting&msg=Hello%2C+there&format=sms&fmt=0")
        ),
        "OK, ID - 1"
    );
    assert_eq!(
        e.call(
            "templates.php",
            &format!("{DEMO}&chg=1&id=1&msg=Hi+again&fl%5B1%5D=1&fmt=1")
        ),
        "OK"
    );
    assert_eq!(
        e.call("templates.php", &format!("{DEMO}&get=1&fmt=3")),
        r#"[{"id": 1, "format": "sms", "sender": "", "autosign": 1, "name": "Greeting", "msg": "Hi again"}]"#
    );
    assert_eq!(
        e.call(
            "jobs.php",
            &format!("{DEMO}&add=1&name=T&phones=79991234567&tpl=1&fmt=3&cost=1")
        ),
        r#"{"id": 2, "cost": "2.50"}"#
    );
    let job = e.call("jobs.php", &format!("{DEMO}&get=1&id=2&fmt=0"));
    assert!(job.ends_with("mes = Hi again"), "{job}");
    assert_eq!(
        e.call("templates.php", &format!("{DEMO}&del=1&id=1&fmt=2")),
        "<result>OK</result>"
    );
    assert_eq!(
        e.call("templates.php", &format!("{DEMO}&del=1&id=1&fmt=1")),
        "0,-1"
    );
    assert_eq!(
        e.call(
            "templates.php",
            &format!("{DEMO}&add=1&name=X&msg=Y&format=fax")
        ),
        "ERROR = 1 (parameters error)"
    );
}

#[test]
fn operator_templates_and_events() {
    let e = Emu::start();
    let add = format!("{DEMO}&add=1&sender=SHOP&msg=Code+%25C%25&mts_auth=1&mega_auth=1");
    assert_eq!(e.call("op_templates.php", &format!("{add}&fmt=0")), "OK");
    assert_eq!(
        e.call(
            "op_templates.php",
            &format!("{DEMO}&get=1&sender=SHOP&msg=Code+%25C%25&fmt=0")
        ),
        "id = 1, name = MTS authorisation\nid = 2, name = MegaFon authorisation"
    );
    assert_eq!(
        e.call(
            "op_templates.php",
            &format!("{DEMO}&add=1&sender=SHOP&msg=Code&fmt=1")
        ),
        "0,-1"
    );
    assert_eq!(
        e.call(
            "ping.php",
            &format!("{DEMO}&id=3&name=web-1&host=10.0.0.7&info=down&fmt=0")
        ),
        "OK"
    );
    assert_eq!(
        e.call("ping.php", &format!("{DEMO}&id=3&ok=1&fmt=3")),
        r#"{"result": "OK"}"#
    );
    assert_eq!(
        e.call("ping.php", &format!("{DEMO}&id=web&fmt=2")),
        "<result><error>parameters error</error><error_code>1</error_code></result>"
    );
}
