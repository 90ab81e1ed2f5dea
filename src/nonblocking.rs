//! A reliable async send over [`reqwest`] on tokio (feature `reqwest`; `reqwest-rustls` or
//! `reqwest-native-tls` add TLS, which `https://smsc.ru` needs).
//!
//! [`deliver`] follows the retry advice through a [`Delivery`], as [`crate::blocking`] does with
//! ureq: reads repeated after the advised delays, a send with your `id` looked up with status.php
//! before it is sent again, a send without one never repeated.
//!
//! ```no_run
//! use smsc_core::{nonblocking, Client, DeliveryOptions};
//! use smsc_core::ops::balance::BalanceParams;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let http = reqwest::Client::new();
//! let client = Client::new("my-login", "my-password")?;
//! let request = client.balance(BalanceParams::default())?;
//! let balance = nonblocking::deliver_typed(&http, &client, request, DeliveryOptions::default()).await?;
//! println!("{}", balance.balance);
//! # Ok(()) }
//! ```

use std::future::Future;
use std::time::{Duration, Instant};

use crate::client::Client;
use crate::delivery::{Delivery, DeliveryOptions, Exchange, Step};
use crate::ops::{CallOf, Output};
use crate::prepared::Prepared;
use crate::request::Request;
use crate::retry::Transport;
pub use crate::undelivered::Undelivered;
use crate::undelivered::{internal, typed, undelivered};

/// What an async delivery needs from the outside world; replace it to run without real
/// waiting.
pub trait Environment {
    /// A monotonic clock, in ms.
    fn now_ms(&mut self) -> u64;
    /// Waits `ms`.
    fn sleep(&mut self, ms: u64) -> impl Future<Output = ()> + Send;
    /// Called before each exchange (for logs: the request's `redacted()` form holds no
    /// credentials).
    fn on_attempt(&mut self, _exchange: &Exchange) {}
}

/// The real clock and `tokio::time::sleep`.
#[derive(Debug)]
pub struct Tokio(Instant);

impl Default for Tokio {
    fn default() -> Self {
        Tokio(Instant::now())
    }
}

impl Environment for Tokio {
    fn now_ms(&mut self) -> u64 {
        u64::try_from(self.0.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
    fn sleep(&mut self, ms: u64) -> impl Future<Output = ()> + Send {
        tokio::time::sleep(Duration::from_millis(ms))
    }
}

/// Sends `request` until the advice says it is done, with tokio's clock and timers.
pub async fn deliver(
    http: &reqwest::Client,
    client: &Client,
    request: impl Into<Request>,
    options: DeliveryOptions,
) -> Result<Output, Box<Undelivered>> {
    deliver_in(http, client, request, options, &mut Tokio::default()).await
}

/// [`deliver`] for a typed request: its operation's own result.
pub async fn deliver_typed<O: CallOf>(
    http: &reqwest::Client,
    client: &Client,
    request: Prepared<O>,
    options: DeliveryOptions,
) -> Result<O::Output, Box<Undelivered>> {
    typed::<O>(deliver(http, client, request, options).await?)
}

/// [`deliver`] with the clock, the waits and the attempt hook of `env`.
pub async fn deliver_in(
    http: &reqwest::Client,
    client: &Client,
    request: impl Into<Request>,
    options: DeliveryOptions,
    env: &mut impl Environment,
) -> Result<Output, Box<Undelivered>> {
    let mut delivery = Delivery::new(client, request.into(), options);
    let mut transport = None;
    loop {
        let step = delivery.next(env.now_ms()).map_err(internal)?;
        match step {
            Step::Send(exchange) => {
                env.on_attempt(&exchange);
                match exchange_once(http, &exchange).await {
                    Ok((status, body)) => {
                        transport = None;
                        delivery.answer(status, &body)
                    }
                    Err(err) => {
                        let kind = transport_of(&err);
                        // reqwest's text names the URL, which with GET holds the password.
                        transport = Some(err.without_url().to_string());
                        delivery.no_answer(kind)
                    }
                }
                .map_err(internal)?;
            }
            Step::Wait { delay_ms, .. } => env.sleep(delay_ms).await,
            Step::Done(output) => return Ok(output),
            Step::Stop(stopped) => return Err(undelivered(stopped, transport)),
        }
    }
}

/// One exchange as prepared, within its timeout: the status and body.
async fn exchange_once(
    http: &reqwest::Client,
    exchange: &Exchange,
) -> Result<(u16, Vec<u8>), reqwest::Error> {
    let request = &exchange.request;
    let method = match request.method {
        crate::Method::Post => reqwest::Method::POST,
        crate::Method::Get => reqwest::Method::GET,
    };
    let mut builder = http
        .request(method, &request.url)
        .timeout(Duration::from_millis(exchange.timeout_ms));
    for (k, v) in &request.headers {
        builder = builder.header(k, v);
    }
    if let Some(body) = &request.body {
        builder = builder.body(body.clone());
    }
    let response = builder.send().await?;
    let status = response.status().as_u16();
    let body = response.bytes().await?;
    Ok((status, body.to_vec()))
}

/// What reqwest's error means, in the advice's words.
pub fn transport_of(err: &reqwest::Error) -> Transport {
    if err.is_timeout() {
        return Transport::Timeout;
    }
    if err.is_connect() {
        return Transport::Refused;
    }
    // The io::Error underneath, when there is one, tells a reset from a closed connection.
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        if let Some(io) = inner.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind as K;
            return match io.kind() {
                K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe => Transport::Reset,
                K::UnexpectedEof => Transport::Closed,
                K::TimedOut => Transport::Timeout,
                _ => Transport::Other,
            };
        }
        source = inner.source();
    }
    if err.is_request() || err.is_body() {
        // hyper reports a connection closed before any answer as an incomplete message.
        return Transport::Closed;
    }
    Transport::Other
}
