//! A reliable send over [`ureq`], blocking (feature `ureq`; `ureq-rustls` or `ureq-native-tls`
//! add TLS, which `https://smsc.ru` needs).
//!
//! [`deliver`] follows the retry advice through a [`Delivery`]: reads repeated after the advised
//! delays, a send with your `id` looked up with status.php before it is sent again, a send
//! without one never repeated.
//!
//! ```no_run
//! use smsc_core::{blocking, Client, DeliveryOptions};
//! use smsc_core::ops::balance::BalanceParams;
//!
//! let agent = blocking::agent();
//! let client = Client::new("my-login", "my-password")?;
//! let request = client.balance(BalanceParams::default())?;
//! let balance = blocking::deliver_typed(&agent, &client, request, DeliveryOptions::default())?;
//! println!("{}", balance.balance);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::time::{Duration, Instant};

use crate::client::Client;
use crate::delivery::{Delivery, DeliveryOptions, Exchange, Step};
use crate::ops::{CallOf, Output};
use crate::prepared::Prepared;
use crate::request::Request;
use crate::retry::Transport;
pub use crate::undelivered::Undelivered;
use crate::undelivered::{internal, typed, undelivered};

/// What a delivery needs from the outside world; replace it to run without real waiting.
pub trait Environment {
    /// A monotonic clock, in ms.
    fn now_ms(&mut self) -> u64;
    /// Waits `ms`.
    fn sleep(&mut self, ms: u64);
    /// Called before each exchange (for logs: the request's `redacted()` form holds no
    /// credentials).
    fn on_attempt(&mut self, _exchange: &Exchange) {}
}

/// The real clock and `std::thread::sleep`.
#[derive(Debug)]
pub struct System(Instant);

impl Default for System {
    fn default() -> Self {
        System(Instant::now())
    }
}

impl Environment for System {
    fn now_ms(&mut self) -> u64 {
        u64::try_from(self.0.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
    fn sleep(&mut self, ms: u64) {
        std::thread::sleep(Duration::from_millis(ms));
    }
}

/// An agent that hands every HTTP status to the core instead of making it an error.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// Sends `request` until the advice says it is done, with the real clock.
///
/// `agent` must leave HTTP statuses to the core (`http_status_as_error(false)`, as [`agent`]
/// builds it).
pub fn deliver(
    agent: &ureq::Agent,
    client: &Client,
    request: impl Into<Request>,
    options: DeliveryOptions,
) -> Result<Output, Box<Undelivered>> {
    deliver_in(agent, client, request, options, &mut System::default())
}

/// [`deliver`] for a typed request: its operation's own result.
pub fn deliver_typed<O: CallOf>(
    agent: &ureq::Agent,
    client: &Client,
    request: Prepared<O>,
    options: DeliveryOptions,
) -> Result<O::Output, Box<Undelivered>> {
    typed::<O>(deliver(agent, client, request, options)?)
}

/// [`deliver`] with the clock, the waits and the attempt hook of `env`.
pub fn deliver_in(
    agent: &ureq::Agent,
    client: &Client,
    request: impl Into<Request>,
    options: DeliveryOptions,
    env: &mut impl Environment,
) -> Result<Output, Box<Undelivered>> {
    run(agent, client, request.into(), options, env).map(|(output, _)| output)
}

/// The pages of a paged list (history, incoming messages, contacts), each delivered as
/// [`deliver`] does, from `request` on until the last.
///
/// ```no_run
/// # use smsc_core::{blocking, Client, DeliveryOptions};
/// # use smsc_core::ops::history::HistoryParams;
/// # let client = Client::new("my-login", "my-password")?;
/// let history = client.history(HistoryParams { cnt: Some(100), ..Default::default() })?;
/// for page in blocking::pages(&blocking::agent(), &client, history, DeliveryOptions::default()) {
///     for message in page?.messages { println!("{:?}", message.status.message); }
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pages<'a, O: CallOf>(
    agent: &'a ureq::Agent,
    client: &'a Client,
    request: Prepared<O>,
    options: DeliveryOptions,
) -> Pages<'a, O> {
    Pages {
        agent,
        client,
        next: Some(request.into_request()),
        options,
        op: std::marker::PhantomData,
    }
}

/// The iterator of [`pages`]; it ends after the last page or the first error.
pub struct Pages<'a, O> {
    agent: &'a ureq::Agent,
    client: &'a Client,
    next: Option<Request>,
    options: DeliveryOptions,
    op: std::marker::PhantomData<fn() -> O>,
}

impl<O: CallOf> Iterator for Pages<'_, O> {
    type Item = Result<O::Output, Box<Undelivered>>;

    fn next(&mut self) -> Option<Self::Item> {
        let request = self.next.take()?;
        let outcome = run(
            self.agent,
            self.client,
            request,
            self.options,
            &mut System::default(),
        );
        Some(outcome.and_then(|(output, next)| {
            self.next = next;
            typed::<O>(output)
        }))
    }
}

/// Delivers `request`; the result and, for a paged list, the request of the next page.
fn run(
    agent: &ureq::Agent,
    client: &Client,
    request: Request,
    options: DeliveryOptions,
    env: &mut impl Environment,
) -> Result<(Output, Option<Request>), Box<Undelivered>> {
    let mut delivery = Delivery::new(client, request, options);
    let mut transport = None;
    loop {
        let step = delivery.next(env.now_ms()).map_err(internal)?;
        match step {
            Step::Send(exchange) => {
                env.on_attempt(&exchange);
                match exchange_once(agent, &exchange) {
                    Ok((status, body)) => {
                        transport = None;
                        delivery.answer(status, &body)
                    }
                    Err(err) => {
                        let kind = transport_of(&err);
                        transport = Some(err.to_string());
                        delivery.no_answer(kind)
                    }
                }
                .map_err(internal)?;
            }
            Step::Wait { delay_ms, .. } => env.sleep(delay_ms),
            Step::Done(output) => return Ok((output, delivery.next_page().cloned())),
            Step::Stop(stopped) => return Err(undelivered(stopped, transport)),
        }
    }
}

/// One exchange as prepared, within its timeout: the status and body.
fn exchange_once(agent: &ureq::Agent, exchange: &Exchange) -> Result<(u16, Vec<u8>), ureq::Error> {
    let request = &exchange.request;
    let mut builder = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(&request.url);
    for (k, v) in &request.headers {
        builder = builder.header(k, v);
    }
    let http = builder
        .body(request.body.clone().unwrap_or_default())
        .map_err(ureq::Error::Http)?;
    let http = agent
        .configure_request(http)
        .timeout_global(Some(Duration::from_millis(exchange.timeout_ms)))
        .build();
    let mut response = agent.run(http)?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_vec()?;
    Ok((status, body))
}

/// What ureq's error means, in the advice's words.
pub fn transport_of(err: &ureq::Error) -> Transport {
    use std::io::ErrorKind as K;
    match err {
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
    }
}
