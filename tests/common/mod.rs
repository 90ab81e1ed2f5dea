//! What the end-to-end suites share: an HTTP client that hands every status to the core, one
//! exchange of a prepared request, and an emulator on a free port.

// Each suite is its own crate and uses part of this.
#![allow(dead_code)]

use std::time::Duration;

use serde_json::json;
use smsc_core::{CallOf, Client, Error, Output, Prepared, Request};

/// A ureq agent that leaves non-2xx statuses to the core and gives up after 10 s.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// Sends the request exactly as prepared; the status and body, or what the HTTP client hit.
pub fn exchange(agent: &ureq::Agent, request: &Request) -> Result<(u16, Vec<u8>), ureq::Error> {
    let mut builder = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(&request.url);
    for (k, v) in &request.headers {
        builder = builder.header(k, v);
    }
    let http = builder
        .body(request.body.clone().unwrap_or_default())
        .expect("valid request");
    let mut response = agent.run(http)?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_vec()?;
    Ok((status, body))
}

/// One exchange read by the core; the emulator is expected to answer.
pub fn call(agent: &ureq::Agent, request: &Request) -> Result<Output, Error> {
    let (status, body) = exchange(agent, request).expect("the emulator answers");
    request.parse(status, &body)
}

/// One exchange of a typed request, read into its operation's own result.
pub fn call_typed<O: CallOf>(
    agent: &ureq::Agent,
    request: &Prepared<O>,
) -> Result<O::Output, Error> {
    let (status, body) = exchange(agent, request).expect("the emulator answers");
    request.parse(status, &body)
}

/// A fresh emulator with the default accounts, in-process on a free port: its base address.
pub fn emulator() -> String {
    let addr = smsc_emulator::spawn(smsc_emulator::Config::default()).expect("emulator starts");
    format!("http://{addr}")
}

/// An emulator for the retry suites, with the HTTP agent that talks to its control endpoints.
pub struct Emu {
    /// Its base address.
    pub base: String,
    agent: ureq::Agent,
}

impl Emu {
    /// A fresh emulator, in-process on a free port.
    pub fn start() -> Self {
        Emu {
            base: emulator(),
            agent: agent(),
        }
    }

    /// A client of its demo account whose retry delays are tiny, so the suites are fast; the
    /// advice scales them as it would the defaults.
    pub fn client(&self) -> Client {
        Client::from_json(json!({
            "login": "demo", "password": "demo-password", "base_url": self.base,
            "retry": {"base_delay_ms": 1, "rate_limit_delay_ms": 2}
        }))
        .unwrap()
    }

    /// Tells the emulator to misbehave (`fault=lost&script=send.php`, …) through its control
    /// endpoint `/emulator/faults`.
    pub fn fault(&self, form: &str) {
        let response = self
            .agent
            .post(format!("{}/emulator/faults", self.base))
            .content_type("application/x-www-form-urlencoded")
            .send(form)
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "{form}");
    }

    /// How many times the emulator received a send under this id.
    pub fn sent_with_id(&self, id: &str) -> u64 {
        let mut response = self
            .agent
            .get(format!("{}/emulator/messages", self.base))
            .call()
            .unwrap();
        let v: serde_json::Value =
            serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
        v["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["id"] == id)
            .map(|m| m["sends"].as_u64().unwrap())
            .sum()
    }
}

/// A send of one SMS under the caller's id, which makes it safe to repeat.
pub fn send_with_id(client: &Client, id: &str) -> Request {
    client
        .prepare_json(
            "send_sms",
            json!({"phones": "79991234567", "message": "order shipped", "id": id}),
        )
        .unwrap()
}
