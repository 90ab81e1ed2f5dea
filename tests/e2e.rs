//! End to end over real HTTP: the core builds each request and reads each answer, ureq moves
//! the bytes, and the local SMSC emulator (in-process, on a free port) answers.

use smsc_core::ops::balance::{Balance, BalanceParams};
use smsc_core::ops::send::{SendResult, SendSmsParams};
use smsc_core::ops::status::{MessageStatus, StatusParams};
use smsc_core::ops::Cost;
use smsc_core::{Client, Error, Reason};

mod common;

use common::{agent, call, call_typed, emulator};

/// Sends one SMS (asking for its cost) from the account `login`, moves the emulator's clock past
/// delivery, and reads the message's status and the account's balance with its currency.
fn send_then_read(login: &str, password: &str, text: &str) -> (SendResult, MessageStatus, Balance) {
    let base = emulator();
    let agent = agent();
    let client = Client::new(login, password)
        .and_then(|c| c.with_base_url(&base))
        .unwrap();
    let sent = call_typed(
        &agent,
        &client
            .send_sms(SendSmsParams {
                cost: Some(Cost::SendWithCostAndBalance),
                ..SendSmsParams::new("79991234567", text)
            })
            .unwrap(),
    )
    .unwrap();
    let id = sent.id.clone().expect("an id");
    agent
        .post(format!("{base}/emulator/advance?seconds=15"))
        .send("")
        .unwrap();
    let mut status = call_typed(
        &agent,
        &client
            .status(StatusParams::one(&id, "79991234567"))
            .unwrap(),
    )
    .unwrap();
    let balance = call_typed(
        &agent,
        &client.balance(BalanceParams { currency: true }).unwrap(),
    )
    .unwrap();
    (sent, status.messages.remove(0), balance)
}

#[test]
fn send_then_status_then_balance() {
    let (sent, status, balance) = send_then_read("demo", "demo-password", "Hello from Rust");
    assert_eq!(sent.sms_count, 1);
    assert_eq!(sent.cost.as_ref().map(|c| c.as_str()), Some("2.50"));
    assert_eq!(status.status, 1);
    assert!(status.is_final);
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

/// Runs `op` with JSON parameters and gives the result as the language-neutral JSON the
/// fixtures use.
fn data(
    agent: &ureq::Agent,
    client: &Client,
    op: &str,
    params: serde_json::Value,
) -> Result<serde_json::Value, Error> {
    let request = client.prepare_json(op, params).unwrap();
    call(agent, &request).map(|out| serde_json::to_value(&out).unwrap())
}

#[test]
fn getting_data_reads_alike_in_every_format() {
    use smsc_core::Format;
    let base = emulator();
    let agent = agent();
    let post = |path: &str| {
        let reply = agent.post(format!("{base}{path}")).send("").unwrap();
        assert_eq!(reply.status().as_u16(), 200, "{path}");
    };
    let demo = Client::new("demo", "demo-password")
        .and_then(|c| c.with_base_url(&base))
        .unwrap();
    // A comma in the text, so the comma format's free-text rule is exercised.
    for (phone, text) in [
        (
            "79991234567",
            "First, with a comma https://example.com/sale",
        ),
        ("79991234568", "Second"),
        ("77011234567", "Third"),
    ] {
        let sent = data(
            &agent,
            &demo,
            "send_sms",
            serde_json::json!({"phones": phone, "message": text, "tinyurl": true}),
        );
        assert!(sent.is_ok(), "{sent:?}");
    }
    post("/emulator/advance?seconds=15");
    post("/emulator/incoming?login=demo&phone=79991234567&to_phone=79000000001&message=Yes%2C+please");
    post("/emulator/click?id=1");
    for format in [Format::Json, Format::Text, Format::Csv, Format::Xml] {
        let client = demo.clone().with_format(format);
        let label = format!("{format:?}");
        let page = data(&agent, &client, "history", serde_json::json!({"cnt": 2})).unwrap();
        let messages = page["messages"].as_array().unwrap();
        assert_eq!(messages.len(), 2, "{label}: {page}");
        assert_eq!(messages[0]["message"], "Third", "{label}");
        assert_eq!(messages[0]["status"], 1, "{label}");
        assert_eq!(messages[0]["cost"], "2.50", "{label}");
        let older = data(
            &agent,
            &client,
            "history",
            serde_json::json!({"cnt": 2, "prev_id": page["next_prev_id"]}),
        )
        .unwrap();
        assert_eq!(
            older["messages"][0]["message"], "First, with a comma https://example.com/sale",
            "{label}: {older}"
        );
        assert!(
            older.get("next_prev_id").is_none(),
            "{label}: the last page"
        );

        let inbox = data(&agent, &client, "incoming", serde_json::json!({"hour": 1})).unwrap();
        assert_eq!(inbox["messages"][0]["message"], "Yes, please", "{label}");
        assert_eq!(inbox["next_after_id"], 1, "{label}");

        let stat = data(
            &agent,
            &client,
            "statistics",
            serde_json::json!({"start": "01.01.2000"}),
        )
        .unwrap();
        assert_eq!(stat["accounts"][0]["count"], 3, "{label}: {stat}");
        assert_eq!(stat["accounts"][0]["credit"], "7.50", "{label}");

        let operators = data(
            &agent,
            &client,
            "operator_info",
            serde_json::json!({"phone": ["79991234567", "77011234567"]}),
        )
        .unwrap();
        assert_eq!(operators["phones"][1]["country"], "Kazakhstan", "{label}");
        assert_eq!(operators["phones"][1]["mnc"], "02", "{label}");

        let link = data(&agent, &client, "short_link", serde_json::json!({"id": 1})).unwrap();
        assert_eq!(link["clicks"], 1, "{label}: {link}");
        // A minute on, so the same operator look-up in the next format is not a fourth
        // identical request within a minute.
        post("/emulator/advance?seconds=61");
    }
    // Rates: three identical requests a minute, then error 9, as the page says.
    for format in [Format::Json, Format::Text, Format::Csv] {
        let rates = data(
            &agent,
            &demo.clone().with_format(format),
            "rates",
            serde_json::json!({}),
        );
        assert_eq!(rates.unwrap()["zones"][0]["api"], "2.50");
    }
    let limited = data(
        &agent,
        &demo.clone().with_format(Format::Xml),
        "rates",
        serde_json::json!({}),
    );
    assert_eq!(limited.unwrap_err().reason(), Some(Reason::RateLimited));
    let unknown = data(
        &agent,
        &demo,
        "operator_info",
        serde_json::json!({"phone": "79990000000"}),
    );
    assert_eq!(unknown.unwrap_err().reason(), Some(Reason::NotFound));
    let no_link = data(&agent, &demo, "short_link", serde_json::json!({"id": 99}));
    assert_eq!(no_link.unwrap_err().reason(), Some(Reason::NotFound));
}

/// An account in test mode ("virtual sending"): the message is accepted and tracked, nothing
/// is charged, and its final status carries `err` 200 with its documented meaning.
#[test]
fn virtual_sending_is_free_and_says_so_in_the_status() {
    let (sent, status, balance) =
        send_then_read("virtual", "virtual-password", "Trying the integration");
    assert_eq!(sent.cost.as_ref().map(|c| c.as_str()), Some("0.00"));
    assert_eq!(status.err, Some(200));
    assert_eq!(status.err_text, Some("Virtual sending"));
    assert_eq!(balance.balance.as_str(), "1000.00");
}
