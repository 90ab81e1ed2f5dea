//! Rust quickstart: send an SMS, read its status and the balance, with `ureq` as the HTTP client.
//!
//! ```sh
//! SMSC_LOGIN=demo SMSC_PASSWORD=demo-password SMSC_BASE_URL=http://127.0.0.1:8080 \
//!     cargo run --example quickstart -- 79991234567
//! ```
//!
//! Without `SMSC_BASE_URL` the client talks to https://smsc.ru (enable ureq's TLS features for
//! that). smsc-core builds each request and reads each answer; ureq only moves bytes.

use smsc_core::ops::balance::BalanceParams;
use smsc_core::ops::send::SendSmsParams;
use smsc_core::ops::status::StatusParams;
use smsc_core::ops::Cost;
use smsc_core::{CallOf, Client, ClientConfig, Prepared};

type AnyError = Box<dyn std::error::Error>;

/// Sends a prepared request with ureq and lets the request read its own answer, typed as the
/// operation's result.
fn call<O: CallOf>(agent: &ureq::Agent, request: &Prepared<O>) -> Result<O::Output, AnyError> {
    let mut builder = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(&request.url);
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let http_request = builder.body(request.body.clone().unwrap_or_default())?;
    let mut response = agent.run(http_request)?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_vec()?;
    Ok(request.parse(status, &body)?)
}

fn main() -> Result<(), AnyError> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let client = Client::from_config(ClientConfig {
        login: env("SMSC_LOGIN"),
        password: env("SMSC_PASSWORD"),
        api_key: env("SMSC_API_KEY"),
        base_url: env("SMSC_BASE_URL"),
        ..ClientConfig::default()
    })?;
    let phone = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "79991234567".into());
    // Let the library judge HTTP statuses, so a 5xx becomes a typed `Http` error.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();

    let sent = call(
        &agent,
        &client.send_sms(SendSmsParams {
            cost: Some(Cost::SendWithCostAndBalance),
            ..SendSmsParams::new(&phone, "Hello from smsc-core (Rust)")
        })?,
    )?;
    let id = sent.id.clone().ok_or("the server gave no message id")?;
    println!(
        "rust: sent message {id}: {} SMS, cost {}, balance left {}",
        sent.sms_count,
        sent.cost.as_ref().map_or("?", |c| c.as_str()),
        sent.balance.as_ref().map_or("?", |b| b.as_str()),
    );

    let status = call(&agent, &client.status(StatusParams::one(&id, &phone))?)?;
    for m in &status.messages {
        println!(
            "rust: status of {id}: {} ({})",
            m.status,
            m.status_text.unwrap_or("unknown status")
        );
    }

    let balance = call(&agent, &client.balance(BalanceParams { currency: true })?)?;
    println!(
        "rust: balance {} {}",
        balance.balance,
        balance.currency.as_deref().unwrap_or("")
    );
    Ok(())
}
