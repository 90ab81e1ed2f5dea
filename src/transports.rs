//! What the errors of the common HTTP clients mean for the retry advice: which [`Transport`]
//! failure an exception of urllib, socket, requests, httpx or aiohttp (Python), or an error of
//! `fetch`, Node or undici (JavaScript), stands for.
//!
//! Each frontend describes the error it was given as a sequence of names — for Python the
//! `module.QualifiedName` of every class in the exception's MRO, then the same for the exceptions
//! it wraps (`reason`, exception arguments, `__cause__`, `__context__`); for JS the `name` and
//! `code` of the error and of each `cause`, and `TypeError: <message>` for a `TypeError` — and
//! [`transport_failure`] reads the sequence against one table. The first name that tells the
//! kind decides; a name known only as some transport failure makes it [`Transport::Other`]; an
//! error none of whose names is known is not a transport failure at all (a bug in the caller's
//! code, say), and the frontends refuse to advise on it, so it is never answered with a resend.

use crate::retry::Transport;

/// The language whose errors a sequence of names describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runtime {
    /// Python exception classes, as `module.QualifiedName`.
    Python,
    /// JavaScript error names and codes.
    JavaScript,
}

/// What a known name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Means {
    /// This kind of transport failure.
    Is(Transport),
    /// Some transport failure; a wrapped error may tell which.
    Any,
}

use Means::{Any, Is};
use Transport::{Closed, Refused, Reset, Timeout};

/// Python exception classes. Specific classes come before the general ones they derive from in
/// each exception's MRO, so the first match is the most precise.
const PYTHON: &[(&str, Means)] = &[
    // The standard library: the errno subclasses of OSError, socket, http.client, asyncio.
    ("builtins.ConnectionRefusedError", Is(Refused)),
    ("socket.gaierror", Is(Refused)),
    ("http.client.RemoteDisconnected", Is(Closed)),
    ("http.client.IncompleteRead", Is(Reset)),
    ("builtins.ConnectionResetError", Is(Reset)),
    ("builtins.ConnectionAbortedError", Is(Reset)),
    ("builtins.BrokenPipeError", Is(Reset)),
    ("builtins.TimeoutError", Is(Timeout)),
    ("socket.timeout", Is(Timeout)),
    ("asyncio.exceptions.TimeoutError", Is(Timeout)),
    ("concurrent.futures._base.TimeoutError", Is(Timeout)),
    // urllib3 (under requests). NewConnectionError derives from ConnectTimeoutError, so it
    // comes first.
    ("urllib3.exceptions.NewConnectionError", Is(Refused)),
    ("urllib3.exceptions.NameResolutionError", Is(Refused)),
    ("urllib3.exceptions.ConnectTimeoutError", Is(Timeout)),
    ("urllib3.exceptions.ReadTimeoutError", Is(Timeout)),
    // requests: a ConnectionError may be a refusal or a connection dropped after the request
    // went out, so only what it wraps tells.
    ("requests.exceptions.ConnectTimeout", Is(Timeout)),
    ("requests.exceptions.ReadTimeout", Is(Timeout)),
    ("requests.exceptions.Timeout", Is(Timeout)),
    ("requests.exceptions.ChunkedEncodingError", Is(Reset)),
    ("requests.exceptions.ConnectionError", Any),
    // httpx.
    ("httpx.ConnectError", Is(Refused)),
    ("httpx.ConnectTimeout", Is(Timeout)),
    ("httpx.ReadTimeout", Is(Timeout)),
    ("httpx.WriteTimeout", Is(Timeout)),
    ("httpx.PoolTimeout", Is(Timeout)),
    ("httpx.TimeoutException", Is(Timeout)),
    ("httpx.ReadError", Is(Reset)),
    ("httpx.WriteError", Is(Reset)),
    ("httpx.RemoteProtocolError", Is(Closed)),
    ("httpx.TransportError", Any),
    // aiohttp.
    (
        "aiohttp.client_exceptions.ClientConnectorDNSError",
        Is(Refused),
    ),
    (
        "aiohttp.client_exceptions.ClientConnectorError",
        Is(Refused),
    ),
    (
        "aiohttp.client_exceptions.ServerDisconnectedError",
        Is(Closed),
    ),
    ("aiohttp.client_exceptions.ServerTimeoutError", Is(Timeout)),
    ("aiohttp.client_exceptions.ClientPayloadError", Is(Reset)),
    ("aiohttp.client_exceptions.ClientConnectionError", Any),
    // Any other OSError (ssl.SSLError, urllib.error.URLError with a text reason, …).
    ("builtins.OSError", Any),
];

/// JavaScript error names, Node (libuv), undici and Bun error codes, and the `TypeError` messages
/// by which `fetch` reports a network failure in Node, Deno, Chromium, Firefox, Safari and
/// workerd. Deno gives no code for what went wrong (only a sentence in `cause`), so its failures
/// other than timeouts are `other`.
const JAVASCRIPT: &[(&str, Means)] = &[
    // AbortSignal.timeout() rejects with a TimeoutError; an abort by the caller may come after
    // the request went out, so it counts as a timeout too.
    ("TimeoutError", Is(Timeout)),
    ("AbortError", Is(Timeout)),
    ("ECONNREFUSED", Is(Refused)),
    ("ENOTFOUND", Is(Refused)),
    ("EAI_AGAIN", Is(Refused)),
    ("EHOSTUNREACH", Is(Refused)),
    ("ENETUNREACH", Is(Refused)),
    ("UND_ERR_CONNECT", Is(Refused)),
    ("ECONNRESET", Is(Reset)),
    ("ECONNABORTED", Is(Reset)),
    ("EPIPE", Is(Reset)),
    ("UND_ERR_SOCKET", Is(Closed)),
    ("ETIMEDOUT", Is(Timeout)),
    ("UND_ERR_CONNECT_TIMEOUT", Is(Timeout)),
    ("UND_ERR_HEADERS_TIMEOUT", Is(Timeout)),
    ("UND_ERR_BODY_TIMEOUT", Is(Timeout)),
    ("TypeError: fetch failed", Any),
    ("TypeError: Failed to fetch", Any),
    (
        "TypeError: NetworkError when attempting to fetch resource.",
        Any,
    ),
    ("TypeError: Load failed", Any),
    ("TypeError: Network connection lost.", Any),
];

/// The transport failure the error described by `names` stands for (see the module docs), or
/// `None` when no name is known: the error is not a failure of the HTTP client.
pub fn transport_failure<'a>(
    runtime: Runtime,
    names: impl IntoIterator<Item = &'a str>,
) -> Option<Transport> {
    let table = match runtime {
        Runtime::Python => PYTHON,
        Runtime::JavaScript => JAVASCRIPT,
    };
    let mut some = false;
    for name in names {
        match table.iter().find(|(known, _)| *known == name) {
            Some((_, Is(transport))) => return Some(*transport),
            Some((_, Any)) => some = true,
            None => {}
        }
    }
    some.then_some(Transport::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn python(names: &[&str]) -> Option<Transport> {
        transport_failure(Runtime::Python, names.iter().copied())
    }

    #[test]
    fn the_first_name_that_tells_the_kind_decides() {
        // requests' ConnectionError around urllib3's MaxRetryError around a refused connection.
        let refused = [
            "requests.exceptions.ConnectionError",
            "requests.exceptions.RequestException",
            "builtins.OSError",
            "urllib3.exceptions.MaxRetryError",
            "urllib3.exceptions.NewConnectionError",
            "urllib3.exceptions.ConnectTimeoutError",
        ];
        assert_eq!(python(&refused), Some(Refused));
        // The same ConnectionError around a connection the server dropped after the request.
        let dropped = [
            "requests.exceptions.ConnectionError",
            "urllib3.exceptions.ProtocolError",
            "http.client.RemoteDisconnected",
            "builtins.ConnectionResetError",
        ];
        assert_eq!(python(&dropped), Some(Closed));
    }

    #[test]
    fn a_transport_failure_of_no_known_kind_is_other_and_anything_else_none() {
        assert_eq!(
            python(&["ssl.SSLError", "builtins.OSError"]),
            Some(Transport::Other)
        );
        assert_eq!(python(&["builtins.ValueError", "builtins.Exception"]), None);
        let js = |names: &[&str]| transport_failure(Runtime::JavaScript, names.iter().copied());
        assert_eq!(
            js(&["TypeError: fetch failed", "Error", "ECONNREFUSED"]),
            Some(Refused)
        );
        assert_eq!(js(&["TypeError: fetch failed"]), Some(Transport::Other));
        assert_eq!(js(&["TypeError: x is not a function"]), None);
        assert_eq!(js(&["Error"]), None);
    }
}
