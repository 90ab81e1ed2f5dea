//! The error of the reliable sends over ureq ([`crate::blocking`]) and reqwest
//! ([`crate::nonblocking`]), and what they share.

use crate::delivery::Stopped;
use crate::error::Error;
use crate::ops::{CallOf, Output};
use crate::retry::{Action, Advice};

/// Why a delivery ended without a result: the advice that stopped it and the failure of its
/// last attempt.
#[derive(Debug, thiserror::Error)]
#[error("{}", match (&.error, &.transport) {
    (Some(e), _) => format!("{e} ({})", .advice.reason),
    (None, Some(t)) => format!("no answer ({t}): {}", .advice.reason),
    (None, None) => .advice.reason.clone(),
})]
pub struct Undelivered {
    /// What the last answer was read as, when there was one.
    pub error: Option<Error>,
    /// What the HTTP client reported when the last attempt got no answer (without the URL,
    /// which with GET holds the password).
    pub transport: Option<String>,
    /// What to do now: stop, or check by hand.
    pub advice: Advice,
}

/// The error of a delivery the advice stopped; `transport` is what the HTTP client reported
/// when the last attempt got no answer.
pub(crate) fn undelivered(stopped: Stopped, transport: Option<String>) -> Box<Undelivered> {
    Box::new(Undelivered {
        transport: if stopped.error.is_none() {
            transport
        } else {
            None
        },
        error: stopped.error,
        advice: stopped.advice,
    })
}

/// `output` as the result of operation `O`.
pub(crate) fn typed<O: CallOf>(output: Output) -> Result<O::Output, Box<Undelivered>> {
    O::output(output).ok_or_else(|| {
        internal(Error::Internal {
            message: format!("a {} request gave another operation's result", O::NAME),
        })
    })
}

/// A delivery that could not go on: a bug, never an SMSC answer.
pub(crate) fn internal(err: Error) -> Box<Undelivered> {
    Box::new(Undelivered {
        advice: Advice {
            action: Action::Stop,
            retry: false,
            delay_ms: 0,
            next_attempt: 1,
            host: String::new(),
            base_url: String::new(),
            reason: format!("{err}; please report it"),
            status_check: None,
        },
        error: Some(err),
        transport: None,
    })
}
