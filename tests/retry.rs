//! Following the retry advice against an emulator told to misbehave: no message is lost and
//! none is sent twice. ureq moves the bytes; the emulator runs in-process on a free port.

mod common;

use std::time::Duration;

use common::agent;
use serde_json::json;
use smsc_core::{Action, Advice, Client, Failure, Output, Request, Transport};

/// One exchange: the result, or the failure the advice is asked about.
fn exchange(agent: &ureq::Agent, request: &Request) -> Result<Output, Failure> {
    let (status, body) = common::exchange(agent, request).map_err(transport)?;
    request.parse(status, &body).map_err(|e| Failure::from(&e))
}

/// What the HTTP client saw, in the core's words.
fn transport(err: ureq::Error) -> Failure {
    use std::io::ErrorKind as K;
    let kind = match &err {
        ureq::Error::Timeout(_) => Transport::Timeout,
        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => Transport::Refused,
        ureq::Error::Io(io) => match io.kind() {
            K::ConnectionRefused => Transport::Refused,
            K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe => Transport::Reset,
            K::TimedOut | K::WouldBlock => Transport::Timeout,
            K::UnexpectedEof => Transport::Closed,
            _ => Transport::Other,
        },
        _ => Transport::Other,
    };
    Failure::Transport(kind)
}

/// How a call following the advice ended.
#[derive(Debug)]
enum Outcome {
    /// The answer, at last.
    Done(Output),
    /// The status check showed the send had gone out: it was not sent again.
    AlreadySent,
    /// The advice said to stop or to check by hand.
    GaveUp(Advice),
}

/// Sends `request`, following the advice after each failure. Returns the outcome and the
/// advice it followed, in order.
fn follow(agent: &ureq::Agent, client: &Client, request: &Request) -> (Outcome, Vec<Advice>) {
    let mut followed = Vec::new();
    let mut current = request.clone();
    for attempt in 1.. {
        let failure = match exchange(agent, &current) {
            Ok(output) => return (Outcome::Done(output), followed),
            Err(failure) => failure,
        };
        let advice = request.advice(failure, attempt);
        followed.push(advice.clone());
        std::thread::sleep(Duration::from_millis(advice.delay_ms));
        match advice.action {
            Action::Retry => current = request.at(&advice.base_url).unwrap(),
            Action::CheckStatus => {
                let params = serde_json::to_value(advice.status_check.as_ref().unwrap()).unwrap();
                let check = client
                    .prepare_json("status", params)
                    .and_then(|r| r.at(&advice.base_url))
                    .unwrap();
                let Ok(Output::Status(status)) = exchange(agent, &check) else {
                    panic!("the status check failed")
                };
                if status.messages.iter().any(|m| m.status != -3) {
                    return (Outcome::AlreadySent, followed);
                }
                current = request.at(&advice.base_url).unwrap();
            }
            _ => return (Outcome::GaveUp(advice), followed),
        }
    }
    unreachable!()
}

struct Emu(String);

impl Emu {
    fn start() -> Self {
        let addr = smsc_emulator::spawn(smsc_emulator::Config::default()).unwrap();
        Emu(format!("http://{addr}"))
    }

    fn client(&self) -> Client {
        // Tiny delays keep the suite fast; the advice scales them as it would the defaults.
        Client::from_json(json!({
            "login": "demo", "password": "demo-password", "base_url": self.0,
            "retry": {"base_delay_ms": 1, "rate_limit_delay_ms": 2}
        }))
        .unwrap()
    }

    fn admin(&self, agent: &ureq::Agent, path: &str, form: &str) -> String {
        let mut response = agent
            .post(format!("{}/emulator/{path}", self.0))
            .content_type("application/x-www-form-urlencoded")
            .send(form)
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "{path} {form}");
        response.body_mut().read_to_string().unwrap()
    }

    /// Sends the emulator received under this id.
    fn sent_with_id(&self, agent: &ureq::Agent, id: &str) -> usize {
        let mut response = agent
            .get(format!("{}/emulator/messages", self.0))
            .call()
            .unwrap();
        let v: serde_json::Value =
            serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        v["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["id"] == id)
            .map(|m| m["sends"].as_u64().unwrap() as usize)
            .sum()
    }
}

fn send_with_id(client: &Client, id: &str) -> Request {
    client
        .prepare_json(
            "send_sms",
            json!({"phones": "79991234567", "message": "order shipped", "id": id}),
        )
        .unwrap()
}

#[test]
fn a_send_whose_answer_was_lost_is_found_by_its_id_and_not_sent_again() {
    let (e, agent) = (Emu::start(), agent());
    let client = e.client();
    e.admin(&agent, "faults", "fault=lost&script=send.php");
    let (outcome, followed) = follow(&agent, &client, &send_with_id(&client, "order-1"));
    assert!(matches!(outcome, Outcome::AlreadySent), "{outcome:?}");
    assert_eq!(followed.len(), 1);
    assert_eq!(followed[0].action, Action::CheckStatus);
    assert_eq!(e.sent_with_id(&agent, "order-1"), 1);
}

#[test]
fn a_send_that_never_arrived_is_sent_once_after_the_status_check() {
    let (e, agent) = (Emu::start(), agent());
    let client = e.client();
    e.admin(&agent, "faults", "fault=drop&script=send.php");
    let (outcome, followed) = follow(&agent, &client, &send_with_id(&client, "order-2"));
    assert!(
        matches!(outcome, Outcome::Done(Output::SendSms(_))),
        "{outcome:?}"
    );
    assert_eq!(followed[0].action, Action::CheckStatus);
    assert_eq!(e.sent_with_id(&agent, "order-2"), 1);
}

#[test]
fn unreadable_answers_to_a_send_are_checked_the_same_way() {
    for fault in ["truncate", "garble", "html", "http&status=502"] {
        let (e, agent) = (Emu::start(), agent());
        let client = e.client();
        e.admin(&agent, "faults", &format!("script=send.php&fault={fault}"));
        let (outcome, followed) = follow(&agent, &client, &send_with_id(&client, "order-3"));
        assert_eq!(followed[0].action, Action::CheckStatus, "{fault}");
        assert!(
            matches!(outcome, Outcome::AlreadySent | Outcome::Done(_)),
            "{fault}: {outcome:?}"
        );
        assert_eq!(e.sent_with_id(&agent, "order-3"), 1, "{fault}");
    }
}

#[test]
fn a_send_without_an_id_is_never_repeated() {
    let (e, agent) = (Emu::start(), agent());
    let client = e.client();
    e.admin(&agent, "faults", "fault=lost&script=send.php");
    let request = client
        .prepare_json(
            "send_sms",
            json!({"phones": "79991234567", "message": "hi"}),
        )
        .unwrap();
    let (outcome, _) = follow(&agent, &client, &request);
    let Outcome::GaveUp(advice) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!((advice.action, advice.retry), (Action::CheckByHand, false));
    assert_eq!(e.sent_with_id(&agent, "1"), 1);
}

#[test]
fn a_balance_read_through_server_errors_is_retried_until_it_succeeds() {
    let (e, agent) = (Emu::start(), agent());
    let client = e.client();
    e.admin(
        &agent,
        "faults",
        "fault=http&status=503&count=2&script=balance.php",
    );
    e.admin(&agent, "faults", "fault=drop&script=balance.php");
    let request = client.prepare_json("balance", json!({})).unwrap();
    let (outcome, followed) = follow(&agent, &client, &request);
    let Outcome::Done(Output::Balance(balance)) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(balance.balance.as_str(), "1000.00");
    let steps: Vec<(Action, u64)> = followed.iter().map(|a| (a.action, a.delay_ms)).collect();
    assert_eq!(
        steps,
        [(Action::Retry, 1), (Action::Retry, 2), (Action::Retry, 4)]
    );
    // A base address given whole is never swapped for a backup host.
    assert!(followed.iter().all(|a| a.base_url == e.0));
}

#[test]
fn a_refused_connection_moves_to_the_backup_host_from_the_third_attempt() {
    let agent = agent();
    // A port nobody listens on stands for a main host that is down.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let client = Client::from_json(json!({
        "login": "demo", "password": "demo-password", "host": "smsc.ru",
        "retry": {"base_delay_ms": 1}
    }))
    .unwrap();
    let request = client
        .prepare_json("balance", json!({}))
        .unwrap()
        .at(&format!("http://127.0.0.1:{port}"))
        .unwrap();
    let Err(failure) = exchange(&agent, &request) else {
        panic!("nothing listens there")
    };
    assert_eq!(failure, Failure::Transport(Transport::Refused));
    let hosts: Vec<String> = (1..=2).map(|n| request.advice(failure, n).host).collect();
    assert_eq!(hosts, ["smsc.ru", "www2.smsc.ru"]);
}
