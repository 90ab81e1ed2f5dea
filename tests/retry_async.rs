//! The async reliable send over reqwest (`nonblocking`, feature `reqwest`) against an emulator
//! told to misbehave: no message is lost and none is sent twice.

mod common;

use common::{send_with_id, Emu};
use serde_json::json;
use smsc_core::{nonblocking, Action, Client, DeliveryOptions, Exchange, Output, Purpose, Request};

/// The clock and waits replaced (no real waiting), and the attempts recorded.
#[derive(Default)]
struct Recorded {
    now: u64,
    sent: Vec<(Purpose, u32)>,
    waits: Vec<u64>,
}

impl nonblocking::Environment for Recorded {
    fn now_ms(&mut self) -> u64 {
        self.now
    }
    fn sleep(&mut self, ms: u64) -> impl std::future::Future<Output = ()> + Send {
        self.now += ms;
        self.waits.push(ms);
        std::future::ready(())
    }
    fn on_attempt(&mut self, exchange: &Exchange) {
        assert!(!exchange.request.redacted().contains("demo-password"));
        self.sent.push((exchange.purpose, exchange.attempt));
    }
}

async fn follow(
    client: &Client,
    request: Request,
    options: DeliveryOptions,
) -> (Result<Output, Box<nonblocking::Undelivered>>, Recorded) {
    let mut env = Recorded::default();
    let http = reqwest::Client::new();
    let out = nonblocking::deliver_in(&http, client, request, options, &mut env).await;
    (out, env)
}

#[tokio::test(flavor = "current_thread")]
async fn a_lost_send_is_found_and_a_dropped_one_sent_once() {
    let e = Emu::start();
    let client = e.client();
    e.fault("fault=lost&script=send.php");
    let (out, env) = follow(
        &client,
        send_with_id(&client, "a-1"),
        DeliveryOptions::default(),
    )
    .await;
    let Ok(Output::SendSms(sent)) = out else {
        panic!("{out:?}")
    };
    assert_eq!(sent.id.as_deref(), Some("a-1"));
    assert_eq!(env.sent, [(Purpose::Request, 1), (Purpose::StatusCheck, 1)]);
    e.fault("fault=drop&script=send.php");
    let (out, env) = follow(
        &client,
        send_with_id(&client, "a-2"),
        DeliveryOptions::default(),
    )
    .await;
    assert!(matches!(out, Ok(Output::SendSms(_))), "{out:?}");
    assert_eq!(
        env.sent,
        [
            (Purpose::Request, 1),
            (Purpose::StatusCheck, 1),
            (Purpose::Request, 2)
        ]
    );
    assert_eq!((e.sent_with_id("a-1"), e.sent_with_id("a-2")), (1, 1));
}

#[tokio::test(flavor = "current_thread")]
async fn a_send_without_an_id_is_never_repeated() {
    let e = Emu::start();
    let client = e.client();
    e.fault("fault=lost&script=send.php");
    let request = client
        .prepare_json(
            "send_sms",
            json!({"phones": "79991234567", "message": "hi"}),
        )
        .unwrap();
    let (out, env) = follow(&client, request, DeliveryOptions::default()).await;
    let Err(undelivered) = out else {
        panic!("{out:?}")
    };
    assert_eq!(undelivered.advice.action, Action::CheckByHand);
    assert!(
        undelivered.transport.is_some(),
        "what reqwest reported is kept"
    );
    assert_eq!(env.sent, [(Purpose::Request, 1)]);
    assert_eq!(e.sent_with_id("1"), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn a_read_survives_server_errors_a_drop_and_a_timeout() {
    let e = Emu::start();
    let client = e.client();
    e.fault("fault=http&status=503&count=2&script=balance.php");
    e.fault("fault=drop&script=balance.php");
    e.fault("fault=delay&ms=2000&script=balance.php");
    let request = client.prepare_json("balance", json!({})).unwrap();
    let options = DeliveryOptions {
        timeout_ms: Some(300),
        ..Default::default()
    };
    let (out, env) = follow(&client, request, options).await;
    let Ok(Output::Balance(balance)) = out else {
        panic!("{out:?}")
    };
    assert_eq!(balance.balance.as_str(), "1000.00");
    assert_eq!(env.waits, [1, 2, 4, 8]);
    assert_eq!(env.sent.len(), 5);
}
