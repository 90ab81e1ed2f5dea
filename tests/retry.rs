//! Following the retry advice against an emulator told to misbehave: no message is lost and
//! none is sent twice. The library's reliable send over ureq (`blocking`, feature `ureq`) follows
//! the advice; the emulator runs in-process on a free port.

mod common;

use common::{agent, send_with_id, Emu};
use serde_json::json;
use smsc_core::{
    blocking, Action, Client, DeliveryOptions, Exchange, Failure, Output, Purpose, Request,
    Transport,
};

/// One exchange: the result, or the failure the advice is asked about.
fn exchange(agent: &ureq::Agent, request: &Request) -> Result<Output, Failure> {
    let (status, body) = common::exchange(agent, request)
        .map_err(|e| Failure::Transport(blocking::transport_of(&e)))?;
    request.parse(status, &body).map_err(|e| Failure::from(&e))
}

/// The library's own clock and waits replaced: what was sent and waited for, with no real
/// waiting.
#[derive(Default)]
struct Recorded {
    now: u64,
    /// Each exchange: why, its attempt number and its address.
    sent: Vec<(Purpose, u32, String)>,
    waits: Vec<u64>,
}

impl blocking::Environment for Recorded {
    fn now_ms(&mut self) -> u64 {
        self.now
    }
    fn sleep(&mut self, ms: u64) {
        self.now += ms;
        self.waits.push(ms);
    }
    fn on_attempt(&mut self, exchange: &Exchange) {
        let request = &exchange.request;
        assert!(!request.redacted().contains("demo-password"));
        self.sent
            .push((exchange.purpose, exchange.attempt, request.url.clone()));
    }
}

/// Delivers `request` with the library's reliable send; the outcome and what it did.
fn follow(
    agent: &ureq::Agent,
    client: &Client,
    request: &Request,
) -> (Result<Output, Box<blocking::Undelivered>>, Recorded) {
    let mut env = Recorded::default();
    let outcome = blocking::deliver_in(
        agent,
        client,
        request.clone(),
        DeliveryOptions::default(),
        &mut env,
    );
    (outcome, env)
}

fn purposes(env: &Recorded) -> Vec<(Purpose, u32)> {
    env.sent.iter().map(|(p, n, _)| (*p, *n)).collect()
}

#[test]
fn a_send_whose_answer_was_lost_is_found_by_its_id_and_not_sent_again() {
    let (e, agent) = (Emu::start(), agent());
    let client = e.client();
    e.fault("fault=lost&script=send.php");
    let (outcome, env) = follow(&agent, &client, &send_with_id(&client, "order-1"));
    let Ok(Output::SendSms(sent)) = outcome else {
        panic!("{outcome:?}")
    };
    // The result is the send as status.php reports it.
    assert_eq!((sent.id.as_deref(), sent.sms_count), (Some("order-1"), 1));
    assert_eq!(
        purposes(&env),
        [(Purpose::Request, 1), (Purpose::StatusCheck, 1)]
    );
    assert_eq!(e.sent_with_id("order-1"), 1);
}

#[test]
fn a_send_that_never_arrived_is_sent_once_after_the_status_check() {
    let (e, agent) = (Emu::start(), agent());
    let client = e.client();
    e.fault("fault=drop&script=send.php");
    let (outcome, env) = follow(&agent, &client, &send_with_id(&client, "order-2"));
    assert!(matches!(outcome, Ok(Output::SendSms(_))), "{outcome:?}");
    assert_eq!(
        purposes(&env),
        [
            (Purpose::Request, 1),
            (Purpose::StatusCheck, 1),
            (Purpose::Request, 2)
        ]
    );
    assert_eq!(e.sent_with_id("order-2"), 1);
}

#[test]
fn unreadable_answers_to_a_send_are_checked_the_same_way() {
    for fault in ["truncate", "garble", "html", "http&status=502"] {
        let (e, agent) = (Emu::start(), agent());
        let client = e.client();
        e.fault(&format!("script=send.php&fault={fault}"));
        let (outcome, env) = follow(&agent, &client, &send_with_id(&client, "order-3"));
        assert_eq!(
            purposes(&env)[..2],
            [(Purpose::Request, 1), (Purpose::StatusCheck, 1)],
            "{fault}"
        );
        assert!(
            matches!(outcome, Ok(Output::SendSms(_))),
            "{fault}: {outcome:?}"
        );
        assert_eq!(e.sent_with_id("order-3"), 1, "{fault}");
    }
}

#[test]
fn a_send_without_an_id_is_never_repeated() {
    let (e, agent) = (Emu::start(), agent());
    let client = e.client();
    e.fault("fault=lost&script=send.php");
    let request = client
        .prepare_json(
            "send_sms",
            json!({"phones": "79991234567", "message": "hi"}),
        )
        .unwrap();
    let (outcome, env) = follow(&agent, &client, &request);
    let Err(undelivered) = outcome else {
        panic!("{outcome:?}")
    };
    let advice = &undelivered.advice;
    assert_eq!((advice.action, advice.retry), (Action::CheckByHand, false));
    assert_eq!(purposes(&env), [(Purpose::Request, 1)]);
    assert_eq!(e.sent_with_id("1"), 1);
}

#[test]
fn a_balance_read_through_server_errors_is_retried_until_it_succeeds() {
    let (e, agent) = (Emu::start(), agent());
    let client = e.client();
    e.fault("fault=http&status=503&count=2&script=balance.php");
    e.fault("fault=drop&script=balance.php");
    let request = client.prepare_json("balance", json!({})).unwrap();
    let (outcome, env) = follow(&agent, &client, &request);
    let Ok(Output::Balance(balance)) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(balance.balance.as_str(), "1000.00");
    assert_eq!(env.waits, [1, 2, 4]);
    assert_eq!(env.sent.len(), 4);
    // A base address given whole is never swapped for a backup host.
    assert!(env.sent.iter().all(|(_, _, url)| url.starts_with(&e.base)));
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

#[test]
fn the_history_is_walked_page_by_page_to_its_end() {
    use smsc_core::ops::history::HistoryParams;
    let (e, agent) = (Emu::start(), agent());
    let client = e.client();
    for n in 0..5 {
        let request = send_with_id(&client, &format!("page-{n}"));
        let (outcome, _) = follow(&agent, &client, &request);
        assert!(outcome.is_ok(), "{outcome:?}");
    }
    let history = client
        .history(HistoryParams {
            cnt: Some(2),
            ..Default::default()
        })
        .unwrap();
    let pages: Vec<Vec<String>> =
        blocking::pages(&agent, &client, history, DeliveryOptions::default())
            .map(|page| {
                let page = page.unwrap();
                page.messages
                    .into_iter()
                    .filter_map(|m| m.status.id)
                    .collect()
            })
            .collect();
    // Newest first, two to a page; the short third page is the last.
    assert_eq!(
        pages,
        [
            vec!["page-4", "page-3"],
            vec!["page-2", "page-1"],
            vec!["page-0"]
        ]
    );
}
