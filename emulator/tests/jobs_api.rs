//! Mailing lists, templates, operator templates and event notifications over real TCP.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use smsc_emulator::{spawn, Config};

fn post(addr: SocketAddr, script: &str, body: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST /sys/{script} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert_eq!(&out[9..12], "200", "{out}");
    out.split_once("\r\n\r\n").unwrap().1.to_string()
}

const DEMO: &str = "login=demo&psw=demo-password";
const LIST: &str = "name=Sale&phones=79991234567%2C79997654321&mes=Hi";

#[test]
fn a_mailing_list_is_created_in_every_format() {
    let a = spawn(Config::default()).unwrap();
    // Each creation differs, or the one-identical-action-a-minute limit answers instead.
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}&fmt=0")),
        "OK, ID - 1"
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}&fmt=0&cost=1")),
        "OK, ID - 2, COST - 5.00"
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}2&fmt=1")),
        "3"
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}2&fmt=1&cost=1")),
        "4,5.00"
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}3&fmt=2&cost=1")),
        "<result><id>5</id><cost>5.00</cost></result>"
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}4&fmt=3")),
        r#"{"id":6}"#
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}5&fmt=3&cost=1")),
        r#"{"cost":"5.00","id":7}"#
    );
}

#[test]
fn mailing_lists_are_read_disabled_and_deleted() {
    let a = spawn(Config::default()).unwrap();
    post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}&fmt=3"));
    post(
        a,
        "jobs.php",
        &format!("{DEMO}&add=1&name=Other%2C+one&phones=79991234567&mes=Hey&fmt=3"),
    );
    let one = post(a, "jobs.php", &format!("{DEMO}&get=1&id=1&fmt=3"));
    let one: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(one["name"], "Sale");
    assert_eq!(one["status"], -1);
    assert_eq!(one["cost"], "5.00");
    let text = post(a, "jobs.php", &format!("{DEMO}&get_all=1&fmt=0"));
    assert_eq!(text.lines().count(), 2);
    assert!(
        text.starts_with("id = 1, status = -1, cost = 5.00, created = "),
        "{text}"
    );
    assert!(text.contains("name = Other, one, mes = Hey"), "{text}");
    let xml = post(a, "jobs.php", &format!("{DEMO}&get_all=1&fmt=2"));
    assert!(xml.starts_with("<result><job><id>1</id>"), "{xml}");
    assert_eq!(xml.matches("<job>").count(), 2);
    let csv = post(a, "jobs.php", &format!("{DEMO}&get_all=1&fmt=1"));
    assert!(csv.starts_with("1,-1,5.00,"), "{csv}");

    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&cancel=1&id=1&fmt=0")),
        "OK"
    );
    let one = post(a, "jobs.php", &format!("{DEMO}&get=1&id=1&fmt=2"));
    assert!(one.contains("<status>-2</status>"), "{one}");
    // The same action again within a minute is refused; an unknown list cannot be disabled.
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&cancel=1&id=1&fmt=1")),
        "0,-9"
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&cancel=1&id=99&fmt=1")),
        "0,-3"
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&del=1&id=1&fmt=3")),
        r#"{"result":"OK"}"#
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&get=1&id=1&fmt=3")),
        r#"{"error":"record not found","error_code":3}"#
    );
    // Another account does not see them.
    assert_eq!(
        post(
            a,
            "jobs.php",
            "login=poor&psw=poor-password&get_all=1&fmt=3"
        ),
        "[]"
    );
}

#[test]
fn mailing_list_errors() {
    let a = spawn(Config::default()).unwrap();
    assert_eq!(
        post(a, "jobs.php", "login=demo&psw=wrong&get_all=1&fmt=1"),
        "0,-2"
    );
    assert_eq!(
        post(
            a,
            "jobs.php",
            &format!("{DEMO}&add=1&phones=79991234567&mes=Hi")
        ),
        "ERROR = 1 (parameters error)"
    );
    assert_eq!(
        post(
            a,
            "jobs.php",
            &format!("{DEMO}&add=1&{LIST}&time=soon&fmt=3")
        ),
        r#"{"error":"invalid date format","error_code":5}"#
    );
    assert_eq!(
        post(
            a,
            "jobs.php",
            &format!("{DEMO}&get_all=1&start=2026-01-01&fmt=1")
        ),
        "0,-5"
    );
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}&fmt=1")),
        "1"
    );
    // The same action again within a minute, in another format too.
    assert_eq!(
        post(a, "jobs.php", &format!("{DEMO}&add=1&{LIST}&fmt=3")),
        r#"{"error":"duplicate request, wait a minute","error_code":9}"#
    );
}

#[test]
fn templates_are_kept_and_give_mailing_lists_their_text() {
    let a = spawn(Config::default()).unwrap();
    assert_eq!(
        post(
            a,
            "templates.php",
            &format!("{DEMO}&add=1&name=Greeting&msg=Hello%2C+there&format=sms&fmt=0")
        ),
        "OK, ID - 1"
    );
    assert_eq!(
        post(
            a,
            "templates.php",
            &format!("{DEMO}&chg=1&id=1&msg=Hi+again&fl%5B1%5D=1&fmt=1")
        ),
        "OK"
    );
    let list = post(a, "templates.php", &format!("{DEMO}&get=1&fmt=3"));
    assert_eq!(
        list,
        r#"[{"autosign":1,"format":"sms","id":1,"msg":"Hi again","name":"Greeting","sender":""}]"#
    );
    assert_eq!(
        post(
            a,
            "jobs.php",
            &format!("{DEMO}&add=1&name=T&phones=79991234567&tpl=1&fmt=3&cost=1")
        ),
        r#"{"cost":"2.50","id":2}"#
    );
    let job = post(a, "jobs.php", &format!("{DEMO}&get=1&id=2&fmt=0"));
    assert!(job.ends_with("mes = Hi again"), "{job}");
    assert_eq!(
        post(a, "templates.php", &format!("{DEMO}&del=1&id=1&fmt=2")),
        "<result>OK</result>"
    );
    assert_eq!(
        post(a, "templates.php", &format!("{DEMO}&del=1&id=1&fmt=1")),
        "0,-1"
    );
    assert_eq!(
        post(
            a,
            "templates.php",
            &format!("{DEMO}&add=1&name=X&msg=Y&format=fax")
        ),
        "ERROR = 1 (parameters error)"
    );
}

#[test]
fn operator_templates_and_events() {
    let a = spawn(Config::default()).unwrap();
    let add = format!("{DEMO}&add=1&sender=SHOP&msg=Code+%25C%25&mts_auth=1&mega_auth=1");
    assert_eq!(post(a, "op_templates.php", &format!("{add}&fmt=0")), "OK");
    assert_eq!(
        post(
            a,
            "op_templates.php",
            &format!("{DEMO}&get=1&sender=SHOP&msg=Code+%25C%25&fmt=0")
        ),
        "id = 1, name = MTS authorisation\nid = 2, name = MegaFon authorisation"
    );
    assert_eq!(
        post(
            a,
            "op_templates.php",
            &format!("{DEMO}&add=1&sender=SHOP&msg=Code&fmt=1")
        ),
        "0,-1"
    );
    assert_eq!(
        post(
            a,
            "ping.php",
            &format!("{DEMO}&id=3&name=web-1&host=10.0.0.7&info=down&fmt=0")
        ),
        "OK"
    );
    assert_eq!(
        post(a, "ping.php", &format!("{DEMO}&id=3&ok=1&fmt=3")),
        r#"{"result":"OK"}"#
    );
    assert_eq!(
        post(a, "ping.php", &format!("{DEMO}&id=web&fmt=2")),
        "<result><error>parameters error</error><error_code>1</error_code></result>"
    );
}
