//! Typed requests: a [`Request`] that knows its operation's result type at compile time.

use std::marker::PhantomData;
use std::ops::Deref;

use crate::error::Result;
use crate::ops::{parse_answer, CallOf, Operation};
use crate::request::Request;

/// A prepared request of operation `O`: everything a [`Request`] is (it dereferences to one, so
/// `method`, `url`, `headers`, `body`, `advice` and the redacted forms are all there), and
/// [`Prepared::parse`] gives `O`'s own result type, with no enum to match.
///
/// ```
/// use smsc_core::{Client, ops::balance::BalanceParams};
///
/// let client = Client::new("my-login", "my-password")?;
/// let request = client.balance(BalanceParams { currency: true })?;
/// let balance = request.parse(200, br#"{"balance": "250.80", "currency": "RUB"}"#)?;
/// assert_eq!(balance.balance, "250.8".parse()?);
/// # Ok::<(), smsc_core::Error>(())
/// ```
pub struct Prepared<O> {
    request: Request,
    op: PhantomData<fn() -> O>,
}

impl<O: CallOf> Prepared<O> {
    pub(crate) fn new(request: Request) -> Self {
        Prepared {
            request,
            op: PhantomData,
        }
    }

    /// Interprets the server's answer: the HTTP status and the raw body bytes. Like
    /// [`Request::parse`], an error never repeats the request's credentials.
    pub fn parse(&self, status: u16, body: &[u8]) -> Result<O::Output> {
        let result = match O::params(self.request.call()) {
            Some(params) => parse_answer::<O>(params, status, body),
            // A `Prepared<O>` is only ever made from a call of `O`.
            None => Err(crate::Error::Internal {
                message: format!("a {} request holds another call", O::NAME),
            }),
        };
        result.map_err(|e| self.request.hide_secrets(e))
    }

    /// The same request sent to another base address (see [`Request::at`]).
    pub fn at(&self, base_url: &str) -> Result<Self> {
        self.request.at(base_url).map(Self::new)
    }

    /// The untyped request.
    pub fn request(&self) -> &Request {
        &self.request
    }

    /// The untyped request, for code that handles every operation alike.
    pub fn into_request(self) -> Request {
        self.request
    }
}

impl<O> Deref for Prepared<O> {
    type Target = Request;

    fn deref(&self) -> &Request {
        &self.request
    }
}

impl<O> Clone for Prepared<O> {
    fn clone(&self) -> Self {
        Prepared {
            request: self.request.clone(),
            op: PhantomData,
        }
    }
}

impl<O> PartialEq for Prepared<O> {
    fn eq(&self, other: &Self) -> bool {
        self.request == other.request
    }
}

impl<O> std::fmt::Debug for Prepared<O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.request.fmt(f)
    }
}

impl<O> From<Prepared<O>> for Request {
    fn from(prepared: Prepared<O>) -> Request {
        prepared.request
    }
}

/// Keeps the operation type in signatures readable: `Prepared<BalanceOp>`'s result.
pub type OutputOf<O> = <O as Operation>::Output;
