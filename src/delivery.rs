//! A request carried to its end: the retry advice followed step by step, sans-IO.
//!
//! [`Request::advice`] says what to do after one failure; [`Delivery`] does it for every
//! failure in turn, so that each language's reliable send is a short loop around the same
//! decisions. It asks for what the caller's HTTP client and clock must do ([`Step`]) and is told
//! what came of it:
//!
//! ```
//! use smsc_core::{Client, Delivery, DeliveryOptions, Step};
//! use serde_json::json;
//!
//! let client = Client::new("my-login", "my-password")?;
//! let request = client.prepare_json("balance", json!({}))?;
//! let mut delivery = Delivery::new(&client, request, DeliveryOptions::default());
//! let now_ms = 0; // a monotonic clock in ms: only differences matter
//! loop {
//!     match delivery.next(now_ms)? {
//!         Step::Send(exchange) => {
//!             // send exchange.request with exchange.timeout_ms, then report what came back:
//!             delivery.answer(200, br#"{"balance": "250.80"}"#)?;
//!             // or, with no answer at all: delivery.no_answer(Transport::Timeout)?
//!         }
//!         Step::Wait { delay_ms, .. } => { /* sleep delay_ms */ }
//!         Step::Done(output) => break println!("{output:?}"),
//!         Step::Stop(stopped) => return Err(stopped.advice.reason.into()),
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The rules are those of [`crate::retry`]: a read is repeated after the advised delay, on the
//! backup host from the advised attempt; a send with the caller's own `id` is looked up with
//! status.php before it is sent again, and sent again only when every message is reported not
//! found; a send without an `id`, or a record created, is never repeated. Nothing here sleeps or
//! reads a clock: the caller gives the time to [`Delivery::next`], so tests need no waiting.

use serde::Deserialize;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::ops::send::SendResult;
use crate::ops::status::StatusResult;
use crate::ops::{Call, Output};
use crate::request::Request;
use crate::retry::{Action, Advice, Failure, Transport};

/// The limits of a [`Delivery`]; every field is optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct DeliveryOptions {
    /// Attempts in all, the first included (default: the client's `retry.max_attempts`); a
    /// status check may take as many of its own.
    #[serde(alias = "maxAttempts")]
    pub max_attempts: Option<u32>,
    /// The longest one exchange may take, in ms (default [`DEFAULT_TIMEOUT_MS`]); given to the
    /// HTTP client with each [`Exchange`].
    #[serde(alias = "timeoutMs")]
    pub timeout_ms: Option<u64>,
    /// The longest the whole delivery may take, waits included, in ms from the first
    /// [`Delivery::next`]. No wait or exchange is begun that would end after it.
    #[serde(alias = "deadlineMs")]
    pub deadline_ms: Option<u64>,
}

impl DeliveryOptions {
    /// The options, refused with [`Error::Invalid`] where a limit is zero (no attempt, or no
    /// time for one).
    pub fn checked(self) -> Result<Self> {
        let positive = |name: &str, value: Option<u64>, what: &str| match value {
            Some(0) => Err(Error::invalid(name, what)),
            _ => Ok(()),
        };
        positive(
            "max_attempts",
            self.max_attempts.map(u64::from),
            "give a whole number of attempts, 1 or more",
        )?;
        positive(
            "timeout_ms",
            self.timeout_ms,
            "give a positive number of milliseconds",
        )?;
        positive(
            "deadline_ms",
            self.deadline_ms,
            "give a positive number of milliseconds",
        )?;
        Ok(self)
    }
}

/// The time one exchange may take when the options give none: what SMSC's own libraries allow.
pub const DEFAULT_TIMEOUT_MS: u64 = 30_000;

/// Why a request is being sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The request the delivery was made for (a first attempt or a repeat).
    Request,
    /// status.php, asked whether a send whose answer was lost went out.
    StatusCheck,
}

impl Purpose {
    /// The stable name used in every language (`"request"`, `"status_check"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Request => "request",
            Purpose::StatusCheck => "status_check",
        }
    }
}

/// One HTTP exchange to make.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    /// What to send.
    pub request: Request,
    /// Its number among the attempts of its purpose, 1 for the first.
    pub attempt: u32,
    /// Why it is sent.
    pub purpose: Purpose,
    /// The longest the exchange may take, in ms: the option, shortened to what is left of the
    /// deadline.
    pub timeout_ms: u64,
}

/// How a delivery ended without a result.
#[derive(Debug, Clone, PartialEq)]
pub struct Stopped {
    /// The error the last answer was read as; `None` when the last attempt got no answer at
    /// all (the caller holds what its HTTP client reported).
    pub error: Option<Error>,
    /// What to do now: [`Action::Stop`] or [`Action::CheckByHand`], with the reason.
    pub advice: Advice,
}

/// What the caller does next.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Make this exchange, then report it with [`Delivery::answer`] or [`Delivery::no_answer`].
    Send(Exchange),
    /// Wait this long, then ask [`Delivery::next`] again.
    Wait {
        /// The wait, in ms.
        delay_ms: u64,
        /// The advice being followed (for logs: its `reason` holds no credentials).
        advice: Advice,
    },
    /// The result. When a status check showed that a send whose answer was lost went out, it
    /// is that send's result as status.php reports it: its id, the parts counted and the cost,
    /// summed over the recipients (see [`Delivery::already_sent`]).
    Done(Output),
    /// No result: the advice says to stop or to check by hand.
    Stop(Stopped),
}

enum Pending {
    Send(Request, Purpose),
    Wait(u64, Advice, Box<Pending>),
    Done(Output),
    Stop(Stopped),
    /// Waiting for the answer to the exchange handed out.
    InFlight(Purpose),
    /// The result or the stop was handed out.
    Finished,
}

/// A request followed through failures to its result (see the [module](self) documentation).
pub struct Delivery {
    client: Client,
    request: Request,
    /// What the last exchange sent (for a status check, status.php's request).
    sent: Option<Request>,
    pending: Pending,
    /// Attempts of the request made or in flight.
    attempts: u32,
    /// Attempts of the current status check made or in flight.
    checks: u32,
    /// The advice that led to the current status check.
    check_advice: Option<Advice>,
    /// The error of the request's last failed attempt, reported if the status check fails too.
    last_error: Option<Error>,
    already_sent: bool,
    /// With the result of a paged list: the request of the page after it.
    next_page: Option<Request>,
    options: DeliveryOptions,
    started_ms: Option<u64>,
}

impl std::fmt::Debug for Delivery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Delivery")
            .field("request", &self.request)
            .field("attempts", &self.attempts)
            .field("checks", &self.checks)
            .finish_non_exhaustive()
    }
}

impl Delivery {
    /// A delivery of `request`, made by `client` (which also prepares the status checks).
    pub fn new(client: &Client, request: Request, options: DeliveryOptions) -> Self {
        let request = match options.max_attempts {
            Some(n) => request.with_max_attempts(n.max(1)),
            None => request,
        };
        Delivery {
            client: client.clone(),
            pending: Pending::Send(request.clone(), Purpose::Request),
            request,
            sent: None,
            attempts: 0,
            checks: 0,
            check_advice: None,
            last_error: None,
            already_sent: false,
            next_page: None,
            options,
            started_ms: None,
        }
    }

    /// The request being delivered.
    pub fn request(&self) -> &Request {
        &self.request
    }

    /// Whether the result came from a status check: the first answer was lost, the message had
    /// gone out, and it was not sent again.
    pub fn already_sent(&self) -> bool {
        self.already_sent
    }

    /// Once the result is given, for a paged list (history, incoming messages, contacts): the
    /// request of the next page; `None` on the last page and for other operations.
    pub fn next_page(&self) -> Option<&Request> {
        self.next_page.as_ref()
    }

    /// What to do now; `now_ms` is the caller's monotonic clock in ms.
    pub fn next(&mut self, now_ms: u64) -> Result<Step> {
        let started = *self.started_ms.get_or_insert(now_ms);
        let elapsed = now_ms.saturating_sub(started);
        let left = self.options.deadline_ms.map(|d| d.saturating_sub(elapsed));
        match std::mem::replace(&mut self.pending, Pending::Finished) {
            Pending::Send(request, purpose) => {
                if left == Some(0) {
                    return Ok(self.past_deadline());
                }
                let timeout = self.options.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS);
                let attempt = match purpose {
                    Purpose::Request => {
                        self.attempts += 1;
                        self.attempts
                    }
                    Purpose::StatusCheck => {
                        self.checks += 1;
                        self.checks
                    }
                };
                self.sent = Some(request.clone());
                self.pending = Pending::InFlight(purpose);
                Ok(Step::Send(Exchange {
                    request,
                    attempt,
                    purpose,
                    timeout_ms: left.map_or(timeout, |l| l.min(timeout)),
                }))
            }
            Pending::Wait(delay_ms, advice, then) => {
                if left.is_some_and(|l| delay_ms >= l) {
                    return Ok(self.past_deadline());
                }
                self.pending = *then;
                Ok(Step::Wait { delay_ms, advice })
            }
            Pending::Done(output) => Ok(Step::Done(output)),
            Pending::Stop(stopped) => Ok(Step::Stop(stopped)),
            Pending::InFlight(purpose) => {
                self.pending = Pending::InFlight(purpose);
                Err(Error::invalid(
                    "delivery",
                    "the last exchange is not reported yet: call answer() or no_answer() first",
                ))
            }
            Pending::Finished => Err(Error::invalid(
                "delivery",
                "the delivery has ended: its result or stop was already given",
            )),
        }
    }

    /// Reports the answer to the last exchange: its HTTP status and body.
    pub fn answer(&mut self, status: u16, body: &[u8]) -> Result<()> {
        let purpose = self.in_flight()?;
        let sent = self.sent.take().unwrap_or_else(|| self.request.clone());
        match (purpose, sent.parse(status, body)) {
            (Purpose::Request, Ok(output)) => {
                self.next_page = self.request.next_page(&output);
                self.pending = Pending::Done(output);
            }
            (Purpose::Request, Err(err)) => self.request_failed(Failure::from(&err), Some(err)),
            (Purpose::StatusCheck, Ok(Output::Status(statuses))) => self.checked(statuses),
            (Purpose::StatusCheck, Ok(_)) => self.check_failed(
                &sent,
                Failure::Internal,
                "status.php answered another operation",
            ),
            (Purpose::StatusCheck, Err(err)) => {
                let reason = err.to_string();
                self.check_failed(&sent, Failure::from(&err), &reason)
            }
        }
        Ok(())
    }

    /// Reports that the last exchange got no answer: how the HTTP client failed.
    pub fn no_answer(&mut self, transport: Transport) -> Result<()> {
        let purpose = self.in_flight()?;
        let sent = self.sent.take().unwrap_or_else(|| self.request.clone());
        let failure = Failure::Transport(transport);
        match purpose {
            Purpose::Request => self.request_failed(failure, None),
            Purpose::StatusCheck => {
                let reason = format!("no answer (transport: {})", transport.as_str());
                self.check_failed(&sent, failure, &reason)
            }
        }
        Ok(())
    }

    fn in_flight(&mut self) -> Result<Purpose> {
        match self.pending {
            Pending::InFlight(purpose) => Ok(purpose),
            _ => Err(Error::invalid(
                "delivery",
                "no exchange is waiting for its answer: report one after next() gave Step::Send",
            )),
        }
    }

    fn request_failed(&mut self, failure: Failure, error: Option<Error>) {
        let advice = self.request.advice(failure, self.attempts);
        self.last_error = error.clone();
        let then = match advice.action {
            Action::Retry => self.at(&advice.base_url, Purpose::Request),
            Action::CheckStatus => {
                self.checks = 0;
                self.check_advice = Some(advice.clone());
                self.status_check(&advice)
            }
            Action::CheckByHand | Action::Stop => {
                self.pending = Pending::Stop(Stopped { error, advice });
                return;
            }
        };
        self.pending = match then {
            Ok(next) => Pending::Wait(advice.delay_ms, advice, Box::new(next)),
            Err(err) => Pending::Stop(Stopped {
                advice: stopped_advice(&advice, Action::Stop, err.to_string()),
                error: Some(err),
            }),
        };
    }

    /// The status.php request that tells whether the send went out, full details asked for so
    /// that a send found can be reported with its parts and cost.
    fn status_check(&self, advice: &Advice) -> Result<Pending> {
        let messages = advice
            .status_check
            .as_ref()
            .map(|check| &check.messages)
            .ok_or_else(|| Error::Internal {
                message: "a check_status advice without its status parameters".into(),
            })?;
        let params = serde_json::json!({ "messages": messages, "all": 1 });
        let mut request = self
            .client
            // As text, through the reader every call's parameters take.
            .prepare(Call::from_json_text("status", &params.to_string())?)?
            .at(&advice.base_url)?;
        // The limit on attempts holds for the check's own repeats too.
        if let Some(n) = self.options.max_attempts {
            request = request.with_max_attempts(n.max(1));
        }
        Ok(Pending::Send(request, Purpose::StatusCheck))
    }

    fn at(&self, base_url: &str, purpose: Purpose) -> Result<Pending> {
        Ok(Pending::Send(self.request.at(base_url)?, purpose))
    }

    /// The status check answered: send again only if no message is known.
    fn checked(&mut self, statuses: StatusResult) {
        let advice = self.check_advice.take();
        if statuses.messages.iter().all(|m| m.status == -3) {
            let base = advice.as_ref().map_or("", |a| a.base_url.as_str());
            self.pending = match self.at(base, Purpose::Request) {
                Ok(next) => next,
                Err(err) => Pending::Stop(Stopped {
                    advice: match &advice {
                        Some(a) => stopped_advice(a, Action::Stop, err.to_string()),
                        None => self.request.advice(Failure::Internal, self.attempts),
                    },
                    error: Some(err),
                }),
            };
            return;
        }
        self.already_sent = true;
        self.pending = match already_sent(self.request.call(), &statuses) {
            Some(output) => Pending::Done(output),
            None => Pending::Stop(Stopped {
                error: self.last_error.take(),
                advice: self.request.advice(Failure::Internal, self.attempts),
            }),
        };
    }

    /// The status check failed: repeat it as the read it is, or give up on the request with
    /// its own last error.
    fn check_failed(&mut self, sent: &Request, failure: Failure, why: &str) {
        let advice = sent.advice(failure, self.checks);
        if advice.action == Action::Retry {
            self.pending = Pending::Wait(
                advice.delay_ms,
                advice.clone(),
                Box::new(Pending::Send(
                    sent.at(&advice.base_url).unwrap_or_else(|_| sent.clone()),
                    Purpose::StatusCheck,
                )),
            );
            return;
        }
        let base = self
            .check_advice
            .take()
            .unwrap_or_else(|| self.request.advice(failure, self.attempts));
        self.pending = Pending::Stop(Stopped {
            error: self.last_error.take(),
            advice: stopped_advice(
                &base,
                Action::CheckByHand,
                format!("{}; the status check failed too ({why}): check the message id by hand before sending again", base.reason),
            ),
        });
    }

    /// The deadline leaves no room for the next wait or exchange.
    fn past_deadline(&mut self) -> Step {
        let failure = match &self.last_error {
            Some(err) => Failure::from(err),
            None => Failure::Transport(Transport::Timeout),
        };
        let advice = self.request.advice(failure, self.attempts.max(1));
        // A send that may have gone out stays a matter to check; anything else simply stops.
        let action = match advice.action {
            Action::CheckStatus | Action::CheckByHand => Action::CheckByHand,
            _ if self.checks > 0 => Action::CheckByHand,
            _ => Action::Stop,
        };
        let reason = format!(
            "the deadline of {} ms leaves no time for the next step; {}",
            self.options.deadline_ms.unwrap_or_default(),
            advice.reason
        );
        Step::Stop(Stopped {
            error: self.last_error.take(),
            advice: stopped_advice(&advice, action, reason),
        })
    }
}

/// `advice` turned into a final one.
fn stopped_advice(advice: &Advice, action: Action, reason: String) -> Advice {
    Advice {
        action,
        retry: false,
        delay_ms: 0,
        status_check: None,
        reason,
        ..advice.clone()
    }
}

/// The result of a send that status.php found: its id, and the parts and cost summed over the
/// recipients where every one reports them (status.php with `all=1`). A recipient that reports
/// no part count counts as one part. `None` when `call` is not a send.
pub fn already_sent(call: &Call, statuses: &StatusResult) -> Option<Output> {
    let found = statuses.messages.iter().filter(|m| m.status != -3);
    let result = SendResult {
        id: statuses.messages.iter().find_map(|m| m.id.clone()),
        sms_count: found.clone().map(|m| m.sms_count.unwrap_or(1)).sum(),
        cost: found.clone().try_fold(crate::Money::parse("0")?, |sum, m| {
            sum.checked_add(m.cost.as_ref()?)
        }),
        balance: None,
        phones: Vec::new(),
    };
    Some(match call {
        Call::SendSms(_) => Output::SendSms(result),
        Call::SendSmsJson(_) => Output::SendSmsJson(result),
        Call::SendHlr(_) => Output::SendHlr(result),
        Call::SendPing(_) => Output::SendPing(result),
        Call::SendMms(_) => Output::SendMms(result),
        Call::SendEmail(_) => Output::SendEmail(result),
        Call::SendCall(_) => Output::SendCall(result),
        Call::SendViber(_) => Output::SendViber(result),
        Call::SendTelegram(_) => Output::SendTelegram(result),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn client() -> Client {
        Client::new("demo", "demo-password").unwrap()
    }

    fn send(client: &Client, id: Option<&str>) -> Request {
        let mut params = json!({"phones": "79991234567", "message": "order shipped"});
        if let Some(id) = id {
            params["id"] = json!(id);
        }
        client.prepare_json("send_sms", params).unwrap()
    }

    fn exchange(step: Step) -> Exchange {
        match step {
            Step::Send(e) => e,
            other => panic!("expected an exchange, got {other:?}"),
        }
    }

    fn wait(step: Step) -> u64 {
        match step {
            Step::Wait { delay_ms, .. } => delay_ms,
            other => panic!("expected a wait, got {other:?}"),
        }
    }

    const FOUND: &[u8] = br#"{"status": 1, "last_date": "", "last_timestamp": 0, "cost": "2.50", "sms_cnt": 2, "phone": "79991234567"}"#;
    const NOT_FOUND: &[u8] =
        br#"{"status": -3, "last_date": "", "last_timestamp": 0, "flag": 0, "err": 0}"#;

    #[test]
    fn a_read_is_repeated_after_the_advised_delays_then_on_the_backup_host() {
        let client = client();
        let request = client.prepare_json("balance", json!({})).unwrap();
        let mut d = Delivery::new(&client, request, DeliveryOptions::default());
        let mut seen = Vec::new();
        for _ in 0..3 {
            let e = exchange(d.next(0).unwrap());
            seen.push((e.attempt, e.request.url.clone()));
            d.answer(503, b"busy").unwrap();
            seen.push((wait(d.next(0).unwrap()) as u32, String::new()));
        }
        let e = exchange(d.next(0).unwrap());
        assert_eq!(e.attempt, 4);
        d.answer(200, br#"{"balance": "1.00"}"#).unwrap();
        assert!(matches!(d.next(0).unwrap(), Step::Done(Output::Balance(_))));
        assert_eq!(
            seen,
            [
                (1, "https://smsc.ru/sys/balance.php".to_string()),
                (1_000, String::new()),
                (2, "https://smsc.ru/sys/balance.php".to_string()),
                (2_000, String::new()),
                (3, "https://www2.smsc.ru/sys/balance.php".to_string()),
                (4_000, String::new()),
            ]
        );
        assert!(!d.already_sent());
        assert!(d.next(0).is_err(), "a finished delivery gives nothing more");
    }

    #[test]
    fn a_lost_send_is_looked_up_and_reported_from_status_without_a_resend() {
        let client = client();
        let mut d = Delivery::new(
            &client,
            send(&client, Some("order-1")),
            DeliveryOptions::default(),
        );
        assert_eq!(exchange(d.next(0).unwrap()).purpose, Purpose::Request);
        d.no_answer(Transport::Timeout).unwrap();
        assert_eq!(wait(d.next(0).unwrap()), 1_000);
        let check = exchange(d.next(1_000).unwrap());
        assert_eq!((check.purpose, check.attempt), (Purpose::StatusCheck, 1));
        assert_eq!(check.request.operation(), "status");
        let body = check.request.body.clone().unwrap();
        assert!(
            body.contains("phone=79991234567&id=order-1&all=1"),
            "{body}"
        );
        d.answer(200, FOUND).unwrap();
        let Step::Done(Output::SendSms(sent)) = d.next(1_000).unwrap() else {
            panic!("expected the send's result")
        };
        assert_eq!(sent.id.as_deref(), Some("order-1"));
        assert_eq!(sent.sms_count, 2);
        assert_eq!(sent.cost.unwrap().as_str(), "2.50");
        assert!(d.already_sent());
    }

    #[test]
    fn a_send_reported_not_found_is_sent_again_once() {
        let client = client();
        let mut d = Delivery::new(
            &client,
            send(&client, Some("order-2")),
            DeliveryOptions::default(),
        );
        exchange(d.next(0).unwrap());
        d.answer(502, b"<html>bad gateway</html>").unwrap();
        wait(d.next(0).unwrap());
        exchange(d.next(0).unwrap());
        d.answer(200, NOT_FOUND).unwrap();
        let again = exchange(d.next(0).unwrap());
        assert_eq!((again.purpose, again.attempt), (Purpose::Request, 2));
        assert_eq!(again.request.operation(), "send_sms");
        d.answer(200, br#"{"id": "order-2", "cnt": 1}"#).unwrap();
        assert!(matches!(d.next(0).unwrap(), Step::Done(Output::SendSms(_))));
        assert!(!d.already_sent());
    }

    #[test]
    fn a_send_without_an_id_is_never_repeated() {
        let client = client();
        let mut d = Delivery::new(&client, send(&client, None), DeliveryOptions::default());
        exchange(d.next(0).unwrap());
        d.no_answer(Transport::Reset).unwrap();
        let Step::Stop(stopped) = d.next(0).unwrap() else {
            panic!()
        };
        assert_eq!(stopped.advice.action, Action::CheckByHand);
        assert!(stopped.error.is_none());
    }

    #[test]
    fn an_smsc_error_stops_with_that_error() {
        let client = client();
        let request = client.prepare_json("balance", json!({})).unwrap();
        let mut d = Delivery::new(&client, request, DeliveryOptions::default());
        exchange(d.next(0).unwrap());
        d.answer(200, br#"{"error": "authorise error", "error_code": 2}"#)
            .unwrap();
        let Step::Stop(stopped) = d.next(0).unwrap() else {
            panic!()
        };
        assert_eq!(stopped.advice.action, Action::Stop);
        assert!(matches!(stopped.error, Some(Error::Api { code: 2, .. })));
    }

    #[test]
    fn a_failing_status_check_is_repeated_then_leaves_the_send_to_check_by_hand() {
        let client = client();
        let options = DeliveryOptions {
            max_attempts: Some(2),
            ..Default::default()
        };
        let mut d = Delivery::new(&client, send(&client, Some("order-3")), options);
        exchange(d.next(0).unwrap());
        d.answer(200, b"<html>").unwrap();
        wait(d.next(0).unwrap());
        let first = exchange(d.next(0).unwrap());
        d.no_answer(Transport::Refused).unwrap();
        wait(d.next(0).unwrap());
        let second = exchange(d.next(0).unwrap());
        assert_eq!((first.attempt, second.attempt), (1, 2));
        assert_eq!(second.purpose, Purpose::StatusCheck);
        d.no_answer(Transport::Refused).unwrap();
        let Step::Stop(stopped) = d.next(0).unwrap() else {
            panic!()
        };
        assert_eq!(stopped.advice.action, Action::CheckByHand);
        assert!(
            stopped
                .advice
                .reason
                .contains("the status check failed too"),
            "{}",
            stopped.advice.reason
        );
        assert!(
            matches!(stopped.error, Some(Error::Parse { .. })),
            "the send's own error"
        );
    }

    #[test]
    fn the_deadline_shortens_the_timeout_and_stops_before_a_wait_past_it() {
        let client = client();
        let request = client.prepare_json("balance", json!({})).unwrap();
        let options = DeliveryOptions {
            deadline_ms: Some(1_500),
            timeout_ms: Some(10_000),
            ..Default::default()
        };
        let mut d = Delivery::new(&client, request, options);
        assert_eq!(exchange(d.next(100).unwrap()).timeout_ms, 1_500);
        d.answer(503, b"").unwrap();
        assert_eq!(wait(d.next(200).unwrap()), 1_000);
        assert_eq!(exchange(d.next(1_200).unwrap()).timeout_ms, 400);
        d.answer(503, b"").unwrap();
        let Step::Stop(stopped) = d.next(1_300).unwrap() else {
            panic!()
        };
        assert_eq!(stopped.advice.action, Action::Stop);
        assert!(stopped.advice.reason.starts_with("the deadline of 1500 ms"));
        assert!(matches!(
            stopped.error,
            Some(Error::Http { status: 503, .. })
        ));
    }

    #[test]
    fn steps_out_of_order_are_typed_errors() {
        let client = client();
        let request = client.prepare_json("balance", json!({})).unwrap();
        let mut d = Delivery::new(&client, request, DeliveryOptions::default());
        assert!(matches!(d.answer(200, b"{}"), Err(Error::Invalid { .. })));
        exchange(d.next(0).unwrap());
        assert!(matches!(d.next(0), Err(Error::Invalid { .. })));
        d.no_answer(Transport::Closed).unwrap();
        assert!(matches!(
            d.no_answer(Transport::Closed),
            Err(Error::Invalid { .. })
        ));
    }

    #[test]
    fn zero_limits_are_refused() {
        for options in [
            DeliveryOptions {
                max_attempts: Some(0),
                ..Default::default()
            },
            DeliveryOptions {
                timeout_ms: Some(0),
                ..Default::default()
            },
            DeliveryOptions {
                deadline_ms: Some(0),
                ..Default::default()
            },
        ] {
            assert!(
                matches!(options.checked(), Err(Error::Invalid { .. })),
                "{options:?}"
            );
        }
        assert!(DeliveryOptions::default().checked().is_ok());
    }

    #[test]
    fn max_attempts_bounds_the_repeats() {
        let client = client();
        let request = client.prepare_json("balance", json!({})).unwrap();
        let options = DeliveryOptions {
            max_attempts: Some(1),
            ..Default::default()
        };
        let mut d = Delivery::new(&client, request, options);
        exchange(d.next(0).unwrap());
        d.no_answer(Transport::Refused).unwrap();
        assert!(matches!(d.next(0).unwrap(), Step::Stop(_)));
    }
}
