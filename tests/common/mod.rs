//! What the end-to-end suites share: an HTTP client that hands every status to the core, one
//! exchange of a prepared request, and an emulator on a free port.

// Each suite is its own crate and uses part of this.
#![allow(dead_code)]

use std::time::Duration;

use smsc_core::{CallOf, Error, Output, Prepared, Request};

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
