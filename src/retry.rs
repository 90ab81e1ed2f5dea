//! What to do after a failure, as plain data.
//!
//! A failed exchange leaves the caller with one question: may the request be sent again? The
//! answer depends on what the operation does ([`Effect`]), what went wrong ([`Failure`]), how
//! many attempts were made, and whether the caller gave a send its own message `id`. The core
//! answers it once, in [`Request::advice`](crate::Request::advice), so that every language
//! follows the same rules:
//!
//! * arguments, signatures, bugs and SMSC errors such as wrong credentials, no money, a forbidden
//!   text or an invalid number: never again as they are ([`Action::Stop`]);
//! * code 9 (too many requests): a read waits and tries again; for a send it means an identical
//!   request was already accepted within the minute, so it is never simply repeated;
//! * HTTP 5xx, unreadable bodies and transport failures (refused, reset, timeout, closed): a read
//!   tries again with a growing delay, from the third attempt on the backup host `www2.<domain>`
//!   as SMSC's own libraries do; a send may have gone out even though no answer came, so it is
//!   repeated only when it carries the caller's own message `id` and status.php, asked first,
//!   says the message is not found ([`Action::CheckStatus`]); without an `id` the caller checks
//!   the history by hand ([`Action::CheckByHand`]).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Reason, Result};

/// What an operation does to the account, which decides whether repeating it is safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Only reads (balance, status, price, lists): repeating it changes nothing.
    Read,
    /// Changes something, but doing it twice leaves the same state as once (delete, cancel,
    /// update to given values).
    Idempotent,
    /// Sends messages through `send.php`: a repeat sends (and bills) again. The caller's own
    /// message `id` lets status.php tell whether the first attempt went out.
    Send,
    /// Creates a record (mailing list, template, event): a repeat creates a second one, and
    /// there is no client-side id to look the first one up by.
    Create,
}

impl Effect {
    /// The stable name used in every language (`"read"`, `"idempotent"`, `"send"`, `"create"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Read => "read",
            Effect::Idempotent => "idempotent",
            Effect::Send => "send",
            Effect::Create => "create",
        }
    }

    /// Whether the operation only reads.
    pub fn is_read(self) -> bool {
        self == Effect::Read
    }
}

/// How the transport failed when no answer arrived at all; reported by the caller, whose HTTP
/// client saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    /// The connection could not be made (refused, no route, name not resolved).
    Refused,
    /// The connection was reset or broke while the request or the answer travelled.
    Reset,
    /// No answer within the caller's time limit.
    Timeout,
    /// The server closed the connection without answering.
    Closed,
    /// Any other failure of the HTTP client.
    Other,
}

impl Transport {
    /// The stable name used in every language (`"refused"`, `"timeout"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Transport::Refused => "refused",
            Transport::Reset => "reset",
            Transport::Timeout => "timeout",
            Transport::Closed => "closed",
            Transport::Other => "other",
        }
    }

    /// The transport failure of this name; unknown names are [`Error::Invalid`].
    pub fn from_name(name: &str) -> Result<Self> {
        Ok(match name {
            "refused" => Transport::Refused,
            "reset" => Transport::Reset,
            "timeout" => Transport::Timeout,
            "closed" => Transport::Closed,
            "other" => Transport::Other,
            other => {
                return Err(Error::invalid(
                    "transport",
                    format!("{other:?} is not a transport failure; use \"refused\", \"reset\", \"timeout\", \"closed\" or \"other\""),
                ))
            }
        })
    }
}

/// A failed attempt, as much as the advice needs: an error the library returned, or a transport
/// failure the caller's HTTP client reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// Arguments rejected before a request existed.
    Invalid,
    /// A notification's checksum did not match.
    Signature,
    /// A bug in this library.
    Internal,
    /// SMSC answered with an error code.
    Api {
        /// The SMSC code; its meaning is taken from the script that answered.
        code: i64,
    },
    /// An HTTP status outside 2xx.
    Http {
        /// The status.
        status: u16,
    },
    /// A body that is not an SMSC answer.
    Parse,
    /// No answer at all.
    Transport(Transport),
}

impl From<&Error> for Failure {
    fn from(err: &Error) -> Self {
        match err {
            Error::Invalid { .. } => Failure::Invalid,
            Error::Signature { .. } => Failure::Signature,
            Error::Api { code, .. } => Failure::Api { code: *code },
            Error::Http { status, .. } => Failure::Http { status: *status },
            Error::Parse { .. } => Failure::Parse,
            _ => Failure::Internal,
        }
    }
}

impl From<Transport> for Failure {
    fn from(t: Transport) -> Self {
        Failure::Transport(t)
    }
}

impl Failure {
    /// A failure from the fields every frontend's error carries: `kind` (`"api"`, `"http"`, …,
    /// or `"transport"`), `code` (the SMSC code or HTTP status) and, for a transport failure,
    /// its name (`"timeout"`…; `None` means [`Transport::Other`]).
    pub fn from_parts(kind: &str, code: Option<i64>, transport: Option<&str>) -> Result<Self> {
        let need_code = |what: &str| {
            code.ok_or_else(|| {
                Error::invalid("code", format!("a failure of kind {what:?} needs its code"))
            })
        };
        Ok(match kind {
            "invalid" => Failure::Invalid,
            "signature" => Failure::Signature,
            "internal" => Failure::Internal,
            "parse" => Failure::Parse,
            "api" => Failure::Api {
                code: need_code(kind)?,
            },
            "http" => Failure::Http {
                status: u16::try_from(need_code(kind)?)
                    .map_err(|_| Error::invalid("code", "an HTTP status is 0 to 65535"))?,
            },
            "transport" => Failure::Transport(match transport {
                Some(name) => Transport::from_name(name)?,
                None => Transport::Other,
            }),
            other => {
                return Err(Error::invalid(
                    "kind",
                    format!("{other:?} is not a failure kind; use \"invalid\", \"api\", \"http\", \"parse\", \"signature\", \"internal\" or \"transport\""),
                ))
            }
        })
    }
}

/// Delays and limits of the advice; part of the client settings (`retry`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct RetryPolicy {
    /// The wait after the first failed attempt; it doubles with each further one.
    #[serde(alias = "baseDelayMs")]
    pub base_delay_ms: u64,
    /// The longest wait between attempts.
    #[serde(alias = "maxDelayMs")]
    pub max_delay_ms: u64,
    /// The wait after code 9 on a read: SMSC counts requests per minute.
    #[serde(alias = "rateLimitDelayMs")]
    pub rate_limit_delay_ms: u64,
    /// Attempts in all, the first included; after the last one the advice is to stop.
    #[serde(alias = "maxAttempts")]
    pub max_attempts: u32,
    /// The attempt from which the backup host `www2.<domain>` is used.
    #[serde(alias = "backupFromAttempt")]
    pub backup_from_attempt: u32,
}

impl Default for RetryPolicy {
    /// SMSC's own libraries make five attempts, going to `www2.` from the third, and wait about
    /// two seconds between them; balance and status limits are counted per minute.
    fn default() -> Self {
        RetryPolicy {
            base_delay_ms: 1_000,
            max_delay_ms: 30_000,
            rate_limit_delay_ms: 60_000,
            max_attempts: 5,
            backup_from_attempt: 3,
        }
    }
}

impl RetryPolicy {
    /// The wait after failed attempt `attempt` (1-based): the base delay doubled per attempt,
    /// capped.
    pub fn backoff_ms(&self, attempt: u32) -> u64 {
        let doublings = attempt.saturating_sub(1).min(32);
        self.base_delay_ms
            .saturating_mul(1u64 << doublings)
            .min(self.max_delay_ms)
    }
}

/// What the advice says to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Send the same request again after `delay_ms`, to `base_url`.
    Retry,
    /// First ask status.php about `status_check` (a read, safe to repeat); send the request
    /// again only if every message is reported not found (status -3).
    CheckStatus,
    /// Do not send again: the request may have been carried out. Look at the account's history
    /// or the message status by hand first.
    CheckByHand,
    /// Do not send again: the same request would fail the same way.
    Stop,
}

impl Action {
    /// The stable name used in every language (`"retry"`, `"check_status"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Retry => "retry",
            Action::CheckStatus => "check_status",
            Action::CheckByHand => "check_by_hand",
            Action::Stop => "stop",
        }
    }
}

/// One message to look up before a send is repeated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MessageKey {
    /// The caller's message id.
    pub id: String,
    /// A recipient it was sent to.
    pub phone: String,
}

/// The parameters of the `status` operation that tell whether a send went out: every
/// recipient under the caller's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusCheck {
    /// The messages to ask about.
    pub messages: Vec<MessageKey>,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Advice {
    /// What to do.
    pub action: Action,
    /// Whether the request may be sent again at all (directly, or after the status check).
    pub retry: bool,
    /// How long to wait before the next request (the repeat or the status check), in ms.
    pub delay_ms: u64,
    /// The number the next attempt will have.
    pub next_attempt: u32,
    /// The host of the next request.
    pub host: String,
    /// The base address of the next request (see [`crate::Request::at`]).
    pub base_url: String,
    /// Why, in a sentence, for logs; never holds credentials.
    pub reason: String,
    /// With [`Action::CheckStatus`]: the `status` parameters to ask with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_check: Option<StatusCheck>,
}

/// Where a client sends its requests, for choosing the host of a repeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    /// The base address, such as `https://smsc.ru`: the client's own, shared by its requests.
    pub base_url: std::sync::Arc<str>,
    /// Whether it is an SMSC host chosen by name, which has a `www2.` backup; a base address
    /// given whole (a proxy, a test server) is kept as it is.
    pub named_host: bool,
}

impl Origin {
    /// The base address of attempt `attempt`.
    fn for_attempt(&self, attempt: u32, policy: &RetryPolicy) -> String {
        if !self.named_host || attempt < policy.backup_from_attempt {
            return self.base_url.to_string();
        }
        match self.base_url.split_once("://") {
            Some((scheme, host)) => format!("{scheme}://{}", backup_host(host)),
            None => self.base_url.to_string(),
        }
    }
}

/// `www2.` in front of the domain: `smsc.ru`, `www.smsc.ru` and `www3.smsc.ru` all become
/// `www2.smsc.ru`, the backup server SMSC's documentation names.
pub(crate) fn backup_host(host: &str) -> String {
    let domain = match host.split_once('.') {
        Some((first, rest))
            if first
                .strip_prefix("www")
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
                && rest.contains('.') =>
        {
            rest
        }
        _ => host,
    };
    format!("www2.{domain}")
}

fn host_of(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest).to_string()
}

/// Computes the advice; see [`crate::Request::advice`].
pub(crate) fn advise(
    effect: Effect,
    reason_of: impl Fn(i64) -> Reason,
    status_check: Option<StatusCheck>,
    origin: &Origin,
    policy: &RetryPolicy,
    failure: Failure,
    attempt: u32,
) -> Advice {
    let attempt = attempt.max(1);
    let next_attempt = attempt.saturating_add(1);
    let exhausted = attempt >= policy.max_attempts;
    let backoff = policy.backoff_ms(attempt);
    let mut advice = Advice {
        action: Action::Stop,
        retry: false,
        delay_ms: 0,
        next_attempt,
        host: String::new(),
        base_url: origin.base_url.to_string(),
        reason: String::new(),
        status_check: None,
    };
    let unknown_outcome = |advice: &mut Advice, what: &str| match effect {
        Effect::Read | Effect::Idempotent if exhausted => {
            advice.reason = format!("{what}; {attempt} attempts failed, giving up");
        }
        Effect::Read | Effect::Idempotent => {
            advice.action = Action::Retry;
            advice.delay_ms = backoff;
            advice.base_url = origin.for_attempt(next_attempt, policy);
            advice.reason = format!("{what}; the request only reads or may be repeated safely");
        }
        Effect::Send => match &status_check {
            Some(check) if !exhausted => {
                advice.action = Action::CheckStatus;
                advice.delay_ms = backoff;
                advice.base_url = origin.for_attempt(next_attempt, policy);
                advice.status_check = Some(check.clone());
                advice.reason = format!("{what}; the message may have been sent: ask status.php for its id and send again only if it is not found");
            }
            Some(_) => {
                advice.action = Action::CheckByHand;
                advice.reason = format!("{what}; {attempt} attempts failed: check the status of the message id by hand before sending again");
            }
            None => {
                advice.action = Action::CheckByHand;
                advice.reason = format!("{what}; the message may have been sent and carries no id of yours to look it up by: do not send again, check the history by hand (give `id` to make sends checkable)");
            }
        },
        Effect::Create => {
            advice.action = Action::CheckByHand;
            advice.reason = format!(
                "{what}; the record may have been created: do not repeat, check the account by hand"
            );
        }
    };
    match failure {
        Failure::Invalid => {
            advice.reason = "the arguments were refused before sending: fix them".into();
        }
        Failure::Signature => {
            advice.reason = "a notification's checksum did not match: not a request to repeat".into();
        }
        Failure::Internal => {
            advice.reason = "a bug in smsc-core: repeating would hit it again; please report it".into();
        }
        Failure::Api { code } => match reason_of(code) {
            Reason::RateLimited => match effect {
                Effect::Read | Effect::Idempotent if exhausted => {
                    advice.reason = format!("SMSC code 9 (too many requests); {attempt} attempts failed, giving up");
                }
                Effect::Read | Effect::Idempotent => {
                    advice.action = Action::Retry;
                    advice.delay_ms = policy.rate_limit_delay_ms.max(backoff);
                    advice.reason = "SMSC code 9: too many requests in the minute; wait and repeat".into();
                }
                Effect::Send | Effect::Create => unknown_outcome(
                    &mut advice,
                    "SMSC code 9: an identical request was already accepted within the minute (or too many were open at once)",
                ),
            },
            reason => {
                advice.reason = format!(
                    "SMSC error {code} ({reason}): the same request would fail the same way"
                );
            }
        },
        Failure::Http { status } if status >= 500 || status == 408 || status == 429 => {
            unknown_outcome(&mut advice, &format!("HTTP status {status}"))
        }
        Failure::Http { status } => {
            advice.reason = format!(
                "HTTP status {status}: the address or a proxy refused the request; check the base address"
            );
        }
        Failure::Parse => unknown_outcome(&mut advice, "the answer was unreadable"),
        Failure::Transport(t) => {
            unknown_outcome(&mut advice, &format!("no answer (transport: {})", t.as_str()))
        }
    }
    advice.retry = matches!(advice.action, Action::Retry | Action::CheckStatus);
    if !advice.retry {
        advice.delay_ms = 0;
    }
    advice.host = host_of(&advice.base_url);
    advice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_hosts() {
        assert_eq!(backup_host("smsc.ru"), "www2.smsc.ru");
        assert_eq!(backup_host("www.smscentre.com"), "www2.smscentre.com");
        assert_eq!(backup_host("www3.smsc.kz"), "www2.smsc.kz");
        assert_eq!(backup_host("www2.smsc.ua"), "www2.smsc.ua");
        assert_eq!(backup_host("wwwx.smsc.ru"), "www2.wwwx.smsc.ru");
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let p = RetryPolicy::default();
        assert_eq!(
            (1..=7).map(|a| p.backoff_ms(a)).collect::<Vec<_>>(),
            [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]
        );
        assert_eq!(p.backoff_ms(u32::MAX), 30_000);
    }

    #[test]
    fn failure_from_parts() {
        assert_eq!(
            Failure::from_parts("api", Some(9), None).unwrap(),
            Failure::Api { code: 9 }
        );
        assert_eq!(
            Failure::from_parts("transport", None, Some("timeout")).unwrap(),
            Failure::Transport(Transport::Timeout)
        );
        assert!(Failure::from_parts("http", None, None).is_err());
        assert!(Failure::from_parts("http", Some(70_000), None).is_err());
        assert!(Failure::from_parts("weird", None, None).is_err());
        assert!(Failure::from_parts("transport", None, Some("eof")).is_err());
    }
}

#[cfg(test)]
mod advice_tests {
    use super::*;
    use crate::client::Client;
    use serde_json::json;

    fn client() -> Client {
        Client::new("demo", "s3cret-pw").unwrap()
    }

    fn advice(op: &str, params: serde_json::Value, failure: Failure, attempt: u32) -> Advice {
        client()
            .prepare_json(op, params)
            .unwrap()
            .advice(failure, attempt)
    }

    const TRANSIENT: [Failure; 7] = [
        Failure::Http { status: 502 },
        Failure::Http { status: 503 },
        Failure::Parse,
        Failure::Transport(Transport::Refused),
        Failure::Transport(Transport::Reset),
        Failure::Transport(Transport::Timeout),
        Failure::Transport(Transport::Closed),
    ];

    #[test]
    fn reads_are_retried_with_growing_delays_then_on_the_backup_host() {
        for failure in TRANSIENT {
            let steps: Vec<(Action, u64, String)> = (1..=5)
                .map(|attempt| {
                    let a = advice("balance", json!({}), failure, attempt);
                    (a.action, a.delay_ms, a.host)
                })
                .collect();
            assert_eq!(
                steps,
                [
                    (Action::Retry, 1_000, "smsc.ru".to_string()),
                    (Action::Retry, 2_000, "www2.smsc.ru".to_string()),
                    (Action::Retry, 4_000, "www2.smsc.ru".to_string()),
                    (Action::Retry, 8_000, "www2.smsc.ru".to_string()),
                    (Action::Stop, 0, "smsc.ru".to_string()),
                ],
                "{failure:?}"
            );
        }
    }

    #[test]
    fn a_base_address_given_whole_keeps_its_host() {
        let request = client()
            .with_base_url("http://127.0.0.1:8080")
            .unwrap()
            .prepare_json("status", json!({"id": 1, "phone": "79991234567"}))
            .unwrap();
        let a = request.advice(Failure::Http { status: 503 }, 3);
        assert_eq!(
            (a.action, a.host.as_str()),
            (Action::Retry, "127.0.0.1:8080")
        );
        assert_eq!(a.base_url, "http://127.0.0.1:8080");
        let regional = Client::new("demo", "pw")
            .unwrap()
            .with_host("smsc.kz")
            .unwrap()
            .prepare_json("balance", json!({}))
            .unwrap();
        assert_eq!(
            regional.advice(Transport::Timeout, 2).base_url,
            "https://www2.smsc.kz"
        );
    }

    #[test]
    fn failures_that_would_repeat_themselves_stop() {
        for (op, params) in [
            ("balance", json!({})),
            (
                "send_sms",
                json!({"phones": "79991234567", "message": "hi", "id": "a1"}),
            ),
        ] {
            for failure in [
                Failure::Invalid,
                Failure::Signature,
                Failure::Internal,
                Failure::Api { code: 1 },
                Failure::Api { code: 2 },
                Failure::Api { code: 4 },
                Failure::Http { status: 404 },
            ] {
                let a = advice(op, params.clone(), failure, 1);
                assert_eq!(
                    (a.action, a.retry, a.delay_ms),
                    (Action::Stop, false, 0),
                    "{op} {failure:?}"
                );
            }
        }
        for code in [3, 5, 6, 7, 8] {
            let a = advice(
                "send_sms",
                json!({"phones": "79991234567", "message": "hi", "id": "a1"}),
                Failure::Api { code },
                1,
            );
            assert_eq!(a.action, Action::Stop, "{code}: {}", a.reason);
        }
    }

    #[test]
    fn code_9_waits_on_reads_but_never_repeats_a_send_blindly() {
        let a = advice("balance", json!({}), Failure::Api { code: 9 }, 1);
        assert_eq!(
            (a.action, a.delay_ms, a.host.as_str()),
            (Action::Retry, 60_000, "smsc.ru")
        );
        let a = advice(
            "send_sms",
            json!({"phones": "79991234567", "message": "hi"}),
            Failure::Api { code: 9 },
            1,
        );
        assert_eq!((a.action, a.retry), (Action::CheckByHand, false));
        let a = advice(
            "send_sms",
            json!({"phones": "79991234567", "message": "hi", "id": 7}),
            Failure::Api { code: 9 },
            1,
        );
        assert_eq!(a.action, Action::CheckStatus);
        let a = advice(
            "job_add",
            json!({"name": "n", "phones": "79991234567", "message": "hi"}),
            Failure::Api { code: 9 },
            1,
        );
        assert_eq!(a.action, Action::CheckByHand);
    }

    #[test]
    fn a_send_without_an_answer_is_checked_by_its_id_or_by_hand() {
        let params =
            json!({"phones": ["+79991234567", "79990000001"], "message": "hi", "id": "order-7"});
        for failure in TRANSIENT {
            let a = advice("send_sms", params.clone(), failure, 1);
            assert_eq!(
                (a.action, a.retry, a.delay_ms),
                (Action::CheckStatus, true, 1_000)
            );
            let check = a.status_check.unwrap();
            let keys: Vec<(&str, &str)> = check
                .messages
                .iter()
                .map(|m| (m.id.as_str(), m.phone.as_str()))
                .collect();
            assert_eq!(
                keys,
                [("order-7", "+79991234567"), ("order-7", "79990000001")]
            );
            let a = advice(
                "send_sms",
                json!({"phones": "79991234567", "message": "hi"}),
                failure,
                1,
            );
            assert_eq!(
                (a.action, a.retry, a.status_check),
                (Action::CheckByHand, false, None)
            );
            assert!(a.reason.contains("id"), "{}", a.reason);
            let a = advice(
                "send_sms",
                json!({"phones": "G12", "message": "hi", "id": 5}),
                failure,
                1,
            );
            assert_eq!(a.action, Action::CheckByHand, "a group cannot be looked up");
            let a = advice("send_sms", params.clone(), failure, 5);
            assert_eq!(a.action, Action::CheckByHand, "the last attempt");
        }
        let a = advice(
            "send_sms",
            json!({"list": [{"phones": "79991234567", "message": "a"}, {"phones": "79997654321,79990000002", "message": "b"}], "id": 9}),
            Failure::Parse,
            1,
        );
        assert_eq!(a.status_check.unwrap().messages.len(), 3);
    }

    #[test]
    fn creating_records_is_never_repeated_but_idempotent_changes_are() {
        let a = advice(
            "template_add",
            json!({"name": "t", "message": "hi"}),
            Failure::Http { status: 500 },
            1,
        );
        assert_eq!(a.action, Action::CheckByHand);
        let a = advice(
            "delete_message",
            json!({"id": 1, "phone": "79991234567"}),
            Failure::Http { status: 500 },
            1,
        );
        assert_eq!(a.action, Action::Retry);
    }

    #[test]
    fn every_operation_declares_its_effect_and_only_sends_are_sends() {
        for op in crate::OPERATIONS {
            let call = crate::Call::from_json(op, json!({}));
            if let Ok(call) = call {
                assert_eq!(
                    call.effect() == Effect::Send,
                    op.starts_with("send_"),
                    "{op}"
                );
            }
        }
    }

    #[test]
    fn a_configured_policy_scales_the_delays_and_advice_never_shows_credentials() {
        let client = Client::from_json(json!({
            "login": "demo", "password": "s3cret-pw", "method": "GET",
            "retry": {"baseDelayMs": 2, "rate_limit_delay_ms": 5, "maxAttempts": 3}
        }))
        .unwrap();
        let request = client.prepare_json("balance", json!({})).unwrap();
        assert_eq!(request.advice(Transport::Timeout, 2).delay_ms, 4);
        assert_eq!(request.advice(Failure::Api { code: 9 }, 1).delay_ms, 5);
        assert_eq!(request.advice(Transport::Timeout, 3).action, Action::Stop);
        let shown = serde_json::to_string(&request.advice(Transport::Timeout, 1)).unwrap();
        assert!(!shown.contains("s3cret-pw"), "{shown}");
        let moved = request.at("https://www2.smsc.ru").unwrap();
        assert!(moved
            .url
            .starts_with("https://www2.smsc.ru/sys/balance.php?"));
        assert_eq!(moved.advice(Transport::Timeout, 1).host, "smsc.ru");
        assert!(request.at("ftp://x").is_err());
        assert!(
            Client::from_json(json!({"login": "a", "password": "b", "retry": {"delay": 1}}))
                .is_err()
        );
    }
}
