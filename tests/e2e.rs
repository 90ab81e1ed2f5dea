//! End to end over real HTTP: the core builds each request and reads each answer, ureq moves
//! the bytes, and the local SMSC emulator (in-process, on a free port) answers.

use smsc_core::ops::balance::BalanceParams;
use smsc_core::ops::send::SendSmsParams;
use smsc_core::ops::status::StatusParams;
use smsc_core::{Client, Error, Output, Reason, Request};

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn call(agent: &ureq::Agent, request: &Request) -> Result<Output, Error> {
    let mut builder = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(&request.url);
    for (k, v) in &request.headers {
        builder = builder.header(k, v);
    }
    let http = builder
        .body(request.body.clone().unwrap_or_default())
        .expect("valid request");
    let mut response = agent.run(http).expect("the emulator answers");
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_vec().expect("body");
    request.parse(status, &body)
}

fn emulator() -> String {
    let addr = smsc_emulator::spawn(smsc_emulator::Config::default()).expect("emulator starts");
    format!("http://{addr}")
}

#[test]
fn send_then_status_then_balance() {
    let base = emulator();
    let agent = agent();
    let client = Client::new("demo", "demo-password")
        .and_then(|c| c.with_base_url(&base))
        .unwrap();
    let Output::SendSms(sent) = call(
        &agent,
        &client
            .send_sms(SendSmsParams {
                cost: Some(3),
                ..SendSmsParams::new("79991234567", "Hello from Rust")
            })
            .unwrap(),
    )
    .unwrap() else {
        panic!("not a send result")
    };
    assert_eq!(sent.sms_count, 1);
    assert_eq!(sent.cost.as_ref().map(|c| c.as_str()), Some("2.50"));
    let id = sent.id.expect("an id");

    agent
        .post(format!("{base}/emulator/advance?seconds=15"))
        .send("")
        .unwrap();
    let Output::Status(status) = call(
        &agent,
        &client
            .status(StatusParams::one(&id, "79991234567"))
            .unwrap(),
    )
    .unwrap() else {
        panic!("not a status result")
    };
    assert_eq!(status.messages[0].status, 1);
    assert!(status.messages[0].is_final);

    let Output::Balance(balance) = call(
        &agent,
        &client.balance(BalanceParams { currency: true }).unwrap(),
    )
    .unwrap() else {
        panic!("not a balance")
    };
    assert_eq!(balance.balance.as_str(), "997.50");
    assert_eq!(balance.currency.as_deref(), Some("RUB"));
}

#[test]
fn the_eleventh_balance_request_is_rate_limited() {
    let base = emulator();
    let agent = agent();
    let client = Client::with_api_key("demo-api-key")
        .and_then(|c| c.with_base_url(&base))
        .unwrap();
    let request = client.balance(BalanceParams::default()).unwrap();
    for _ in 0..10 {
        call(&agent, &request).unwrap();
    }
    let err = call(&agent, &request).unwrap_err();
    assert_eq!(err.reason(), Some(Reason::RateLimited));
}
