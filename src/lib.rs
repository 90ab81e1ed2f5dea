//! # smsc-core
//!
//! A sans-IO client core for the [SMSC](https://smsc.ru) HTTP API (smsc.ru, smscentre.com and
//! their regional twins). It turns a typed call into an HTTP request — method, URL, headers,
//! body — and the server's answer into a typed result or a typed [`Error`]. It never opens a
//! socket: the caller sends the request with whatever HTTP client it already uses.
//!
//! ```
//! use smsc_core::{Client, Money, ops::balance::BalanceParams};
//!
//! let client = Client::new("my-login", "my-password")?;
//! let request = client.balance(BalanceParams { currency: true })?;
//! assert_eq!(request.url, "https://smsc.ru/sys/balance.php");
//! // ... send request.method / request.url / request.headers / request.body with any client ...
//! let balance = request.parse(200, br#"{"balance": "250.80", "currency": "RUB"}"#)?;
//! assert_eq!(balance.balance, "250.8".parse::<Money>()?);
//! assert_eq!(balance.balance.as_str(), "250.80");
//! # Ok::<(), smsc_core::Error>(())
//! ```
//!
//! Every operation has a method of its own name on [`Client`] returning a [`Prepared`] request,
//! whose `parse` gives that operation's own result type.
//!
//! The JavaScript, Python and C frontends are thin layers over [`Client::prepare_json`],
//! [`Request::parse`] and [`view::View`]; they live in `bindings/` and are compiled in by the
//! `wasm`, `python` and `capi` features.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]
#![warn(missing_docs)]

#[cfg(feature = "ureq")]
pub mod blocking;
pub mod callback;
mod charset;
pub mod client;
pub mod codes;
pub mod delivery;
pub mod error;
pub mod json_text;
mod maps;
pub mod money;
pub mod multipart;
#[cfg(feature = "reqwest")]
pub mod nonblocking;
pub mod ops;
pub mod pages;
pub mod phone;
mod prepared;
pub mod request;
pub mod response;
pub mod retry;
pub mod segments;
pub mod smtp;
pub mod transports;
mod trim;
#[cfg(any(feature = "ureq", feature = "reqwest"))]
mod undelivered;
pub mod view;
#[cfg(feature = "chrono")]
pub mod when;
mod xml;

pub use callback::{
    parse_callback, parse_callback_json, parse_callback_json_text, Callback, CallbackOptions,
};
pub use client::{Client, ClientConfig, Credentials, Format, Method, Secret};
pub use delivery::{Delivery, DeliveryOptions, Exchange, Purpose, Step, Stopped};
pub use error::{Error, ErrorKind, Reason, Result};
pub use money::Money;
pub use multipart::{Multipart, Upload};
pub use ops::{Call, CallOf, Operation, Output, OPERATIONS};
pub use phone::{normalize_phone, PhoneCheck};
pub use prepared::{OutputOf, Prepared};
pub use request::Request;
pub use retry::{Action, Advice, Effect, Failure, RetryPolicy, Transport};
pub use segments::{estimate, segments, Alphabet, Segments, Ucs2Reason};
pub use smtp::{SmtpMessage, SmtpParams};
pub use transports::{transport_failure, Runtime};
pub use view::View;

#[cfg(feature = "wasm")]
#[path = "../bindings/wasm.rs"]
mod wasm;

#[cfg(feature = "python")]
#[path = "../bindings/python.rs"]
mod python;

#[cfg(feature = "capi")]
#[path = "../bindings/capi.rs"]
pub mod capi;
