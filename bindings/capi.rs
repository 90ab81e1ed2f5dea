//! The C ABI. The header `include/smsc.h` is generated from this file by cbindgen.
//!
//! Every function returns an [`smsc_status`] and takes an optional `smsc_error **` out-parameter
//! (NULL to ignore). Every entry checks its pointers and the UTF-8 of its strings and runs under
//! `catch_unwind`, so a bug reports `SMSC_INTERNAL` instead of unwinding into C. Strings returned
//! by accessors belong to the handle they came from and stay valid until it is freed.
#![allow(non_camel_case_types)]

use std::collections::HashMap;
use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;
use std::sync::Mutex;

use crate::{Advice, Client, Error, Request, Transport, View};

/// What a call did. The numbers are fixed: a value once published never changes meaning.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum smsc_status {
    /// Success.
    SMSC_OK = 0,
    /// An argument was rejected (see the error's field and message).
    SMSC_INVALID = 1,
    /// The SMSC server answered with an error code.
    SMSC_API = 2,
    /// The HTTP status was outside 2xx.
    SMSC_HTTP = 3,
    /// The body is not an SMSC answer.
    SMSC_PARSE = 4,
    /// A bug in the library (a caught panic).
    SMSC_INTERNAL = 5,
    /// A required pointer argument was NULL.
    SMSC_NULL_ARGUMENT = 6,
    /// A string argument was not valid UTF-8.
    SMSC_INVALID_UTF8 = 7,
    /// A notification's checksum is missing or does not match the secret.
    SMSC_SIGNATURE = 8,
    /// No answer came back: the connection was refused, reset, timed out or closed (the error's
    /// `smsc_error_transport` says which). Made by `smsc_request_transport_error`, which the
    /// libcurl glue (`smsc_curl_perform`) calls when a transfer fails.
    SMSC_TRANSPORT = 9,
}

/// A configured client. Free with `smsc_client_free`.
pub struct smsc_client {
    inner: Client,
}

/// A prepared request. Free with `smsc_request_free`.
pub struct smsc_request {
    inner: Request,
    effect: CString,
    method: CString,
    url: CString,
    body: Option<CString>,
    operation: CString,
    redacted: CString,
    headers: Vec<(CString, CString)>,
}

/// What to do after a failed attempt. Free with `smsc_advice_free`.
pub struct smsc_advice {
    action: CString,
    retry: bool,
    delay_ms: u64,
    next_attempt: u32,
    host: CString,
    base_url: CString,
    reason: CString,
    status_params: Option<CString>,
    json: CString,
}

/// A parsed result. Free with `smsc_result_free`.
pub struct smsc_result {
    view: View,
    json: CString,
    /// Strings handed out by the path getters, one per path, kept alive with the handle. The
    /// lock lets threads read one result at the same time, as the header promises.
    strings: Mutex<HashMap<String, CString>>,
}

/// An error. Free with `smsc_error_free`.
pub struct smsc_error {
    status: smsc_status,
    kind: CString,
    code: i64,
    reason: Option<CString>,
    field: Option<CString>,
    message: CString,
    message_id: Option<CString>,
    transport: Option<CString>,
}

// The header promises that functions taking a `const` handle may run concurrently.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<smsc_client>();
    shareable::<smsc_request>();
    shareable::<smsc_result>();
    shareable::<smsc_error>();
    shareable::<smsc_advice>();
};

/// A C string from Rust text; interior NULs (which C cannot hold) become U+FFFD.
fn cstring(text: &str) -> CString {
    CString::new(text.replace('\0', "\u{fffd}")).unwrap_or_default()
}

/// The string an accessor returns: owned by the handle, NULL for a NULL handle or an absent value.
///
/// # Safety
/// `handle` must be NULL or a live handle of type `T` returned by this library.
unsafe fn text_of<T>(handle: *const T, pick: impl FnOnce(&T) -> Option<&CString>) -> *const c_char {
    guard(ptr::null(), || {
        // SAFETY: per the contract, a non-NULL pointer is a live handle.
        unsafe { handle.as_ref() }
            .and_then(pick)
            .map_or(ptr::null(), |s| s.as_ptr())
    })
}

/// Runs the body of an entry that has no status to return (accessors, frees); a panic gives
/// `fallback` instead of unwinding into C.
fn guard<R>(fallback: R, body: impl FnOnce() -> R) -> R {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// Frees a handle made by `Box::into_raw`; NULL is ignored.
///
/// # Safety
/// `handle` must be NULL or a handle of type `T` from this library, not yet freed.
unsafe fn free_handle<T>(handle: *mut T) {
    if !handle.is_null() {
        guard((), || {
            // SAFETY: created by Box::into_raw in this library and, per the contract, freed once.
            drop(unsafe { Box::from_raw(handle) })
        });
    }
}

fn status_of(err: &Error) -> smsc_status {
    match err {
        Error::Invalid { .. } => smsc_status::SMSC_INVALID,
        Error::Api { .. } => smsc_status::SMSC_API,
        Error::Http { .. } => smsc_status::SMSC_HTTP,
        Error::Parse { .. } => smsc_status::SMSC_PARSE,
        Error::Signature { .. } => smsc_status::SMSC_SIGNATURE,
        _ => smsc_status::SMSC_INTERNAL,
    }
}

fn error_object(status: smsc_status, err: &Error) -> smsc_error {
    smsc_error {
        status,
        kind: cstring(match status {
            smsc_status::SMSC_NULL_ARGUMENT | smsc_status::SMSC_INVALID_UTF8 => "invalid",
            _ => err.kind().as_str(),
        }),
        code: err.code().unwrap_or(0),
        reason: err.reason().map(|r| cstring(r.as_str())),
        field: err.field().map(cstring),
        message: cstring(&err.to_string()),
        message_id: err.message_id().map(cstring),
        transport: None,
    }
}

/// A failure on its way out: its status and the error object.
struct Failure(smsc_status, Error);

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        Failure(status_of(&err), err)
    }
}

/// Runs `body`, reporting a failure or a panic through `err`.
fn run(err: *mut *mut smsc_error, body: impl FnOnce() -> Result<(), Failure>) -> smsc_status {
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| {
        Err(Failure(
            smsc_status::SMSC_INTERNAL,
            Error::Internal {
                message: "a panic was caught at the C boundary".into(),
            },
        ))
    });
    match outcome {
        Ok(()) => smsc_status::SMSC_OK,
        Err(Failure(status, e)) => {
            if !err.is_null() {
                let boxed = Box::into_raw(Box::new(error_object(status, &e)));
                // SAFETY: the caller passed a writable `smsc_error **` (checked non-NULL above).
                unsafe { *err = boxed };
            }
            status
        }
    }
}

fn null(name: &str) -> Failure {
    Failure(
        smsc_status::SMSC_NULL_ARGUMENT,
        Error::Invalid {
            field: name.into(),
            message: "must not be NULL".into(),
        },
    )
}

/// Reads a required C string argument.
///
/// # Safety
/// `p` must be NULL or point to a NUL-terminated string.
unsafe fn arg_str<'a>(p: *const c_char, name: &str) -> Result<&'a str, Failure> {
    if p.is_null() {
        return Err(null(name));
    }
    // SAFETY: non-NULL and NUL-terminated by the caller's contract.
    unsafe { CStr::from_ptr(p) }.to_str().map_err(|_| {
        Failure(
            smsc_status::SMSC_INVALID_UTF8,
            Error::Invalid {
                field: name.into(),
                message: "is not valid UTF-8".into(),
            },
        )
    })
}

/// Reads a required handle argument.
///
/// # Safety
/// `p` must be NULL or a live handle of type `T` returned by this library.
unsafe fn arg_ref<'a, T>(p: *const T, name: &str) -> Result<&'a T, Failure> {
    // SAFETY: per the contract, non-NULL pointers are live handles.
    unsafe { p.as_ref() }.ok_or_else(|| null(name))
}

/// Reads a byte buffer argument; NULL is allowed only for an empty one.
///
/// # Safety
/// `p` must be NULL or point to `len` readable bytes that outlive the call.
unsafe fn arg_bytes<'a>(p: *const u8, len: usize) -> Result<&'a [u8], Failure> {
    if len == 0 {
        Ok(&[])
    } else if p.is_null() {
        Err(null("body"))
    } else {
        // SAFETY: the caller guarantees `len` readable bytes at `p`.
        Ok(unsafe { std::slice::from_raw_parts(p, len) })
    }
}

fn result_of(view: View) -> smsc_result {
    let json = cstring(&view.to_json().to_string());
    smsc_result {
        view,
        json,
        strings: Mutex::new(HashMap::new()),
    }
}

fn parse_json(text: &str, name: &str) -> Result<serde_json::Value, Failure> {
    crate::ops::json_from_text(text, name).map_err(Failure::from)
}

/// Reads an optional JSON argument; NULL stands for no parameters.
///
/// # Safety
/// `p` must be NULL or point to a NUL-terminated string.
unsafe fn arg_json(p: *const c_char, name: &str) -> Result<serde_json::Value, Failure> {
    if p.is_null() {
        return Ok(serde_json::Value::Null);
    }
    // SAFETY: forwarded caller contract.
    parse_json(unsafe { arg_str(p, name) }?, name)
}

fn out_ptr<T>(out: *mut *mut T, value: T) -> Result<(), Failure> {
    if out.is_null() {
        return Err(null("out"));
    }
    // SAFETY: `out` is non-NULL and, per the contract, writable.
    unsafe { *out = Box::into_raw(Box::new(value)) };
    Ok(())
}

/// Creates a client from settings given as a JSON object: `login` + `password` or `api_key`,
/// optional `host`, `base_url`, `method` (`"POST"`/`"GET"`), `format` (`"json"`, `"text"`,
/// `"csv"`, `"xml"`).
///
/// # Safety
/// `config_json` must be NULL or a NUL-terminated string; `out` a writable pointer; `err` NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_client_new(
    config_json: *const c_char,
    out: *mut *mut smsc_client,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let text = unsafe { arg_str(config_json, "config_json") }?;
        let inner = Client::from_json(parse_json(text, "config_json")?)?;
        out_ptr(out, smsc_client { inner })
    })
}

/// Creates a client that authenticates with login and password, talking to https://smsc.ru.
///
/// # Safety
/// String arguments must be NULL or NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_client_new_login(
    login: *const c_char,
    password: *const c_char,
    out: *mut *mut smsc_client,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let (login, password) =
            unsafe { (arg_str(login, "login")?, arg_str(password, "password")?) };
        out_ptr(
            out,
            smsc_client {
                inner: Client::new(login, password)?,
            },
        )
    })
}

/// Creates a client that authenticates with an API key, talking to https://smsc.ru.
///
/// # Safety
/// `api_key` must be NULL or NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_client_new_api_key(
    api_key: *const c_char,
    out: *mut *mut smsc_client,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let key = unsafe { arg_str(api_key, "api_key") }?;
        out_ptr(
            out,
            smsc_client {
                inner: Client::with_api_key(key)?,
            },
        )
    })
}

/// Points the client at another base address, e.g. `http://127.0.0.1:8080` for a test server.
///
/// # Safety
/// `client` must be NULL or a live client; `base_url` NULL or NUL-terminated; `err` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_client_set_base_url(
    client: *mut smsc_client,
    base_url: *const c_char,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let url = unsafe { arg_str(base_url, "base_url") }?;
        // SAFETY: a non-NULL client is a live handle the caller owns exclusively here.
        let client = unsafe { client.as_mut() }.ok_or_else(|| null("client"))?;
        client.inner = client.inner.clone().with_base_url(url)?;
        Ok(())
    })
}

/// Frees a client. NULL is ignored.
///
/// # Safety
/// `client` must be NULL or a client from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn smsc_client_free(client: *mut smsc_client) {
    // SAFETY: forwarded caller contract.
    unsafe { free_handle(client) }
}

/// Checks a call and builds its request. `op` is an operation name (`"balance"`, `"send_sms"`,
/// `"cost"`, `"status"`); `params_json` a JSON object of its parameters, or NULL for none.
///
/// # Safety
/// `client` must be NULL or live; strings NULL or NUL-terminated; `out` writable; `err` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_client_prepare(
    client: *const smsc_client,
    op: *const c_char,
    params_json: *const c_char,
    out: *mut *mut smsc_request,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let client = unsafe { arg_ref(client, "client") }?;
        // SAFETY: forwarded caller contract.
        let op = unsafe { arg_str(op, "op") }?;
        // SAFETY: forwarded caller contract.
        let params = unsafe { arg_json(params_json, "params_json") }?;
        let inner = client.inner.prepare_json(op, params)?;
        out_ptr(out, request_of(inner))
    })
}

/// Parameters of a call built value by value, for [`smsc_client_prepare_params`]: the library
/// escapes every value itself, so no text of the caller's (a quote or a line break in a
/// message, say) can break the request or add a parameter to it. Made by [`smsc_params_new`],
/// freed by [`smsc_params_free`]. For nested values (a list of `{id, phone}` messages) use the
/// JSON form of [`smsc_client_prepare`].
pub struct smsc_params {
    fields: serde_json::Map<String, serde_json::Value>,
}

/// A new, empty set of parameters; free it with [`smsc_params_free`]. Never NULL.
#[no_mangle]
pub extern "C" fn smsc_params_new() -> *mut smsc_params {
    Box::into_raw(Box::new(smsc_params {
        fields: serde_json::Map::new(),
    }))
}

/// Frees parameters made by [`smsc_params_new`]; NULL is ignored.
///
/// # Safety
/// `params` must be NULL or parameters from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn smsc_params_free(params: *mut smsc_params) {
    // SAFETY: forwarded caller contract.
    unsafe { free_handle(params) }
}

/// Runs `change` on the fields of `params` with the parameter name `name`, both checked: what
/// every setter shares.
///
/// # Safety
/// `params` must be NULL or live; `name` NULL or NUL-terminated; `err` NULL or writable.
unsafe fn change_params(
    params: *mut smsc_params,
    name: *const c_char,
    err: *mut *mut smsc_error,
    change: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>, &str) -> Result<(), Failure>,
) -> smsc_status {
    run(err, || {
        // SAFETY: per the contract, a non-NULL pointer is live and not shared during the call.
        let params = unsafe { params.as_mut() }.ok_or_else(|| null("params"))?;
        // SAFETY: forwarded caller contract.
        let name = unsafe { arg_str(name, "name") }?;
        change(&mut params.fields, name)
    })
}

/// Sets parameter `name` to `value`, replacing what it held.
///
/// # Safety
/// `params` must be NULL or live; `name` NULL or NUL-terminated; `err` NULL or writable.
unsafe fn set_param(
    params: *mut smsc_params,
    name: *const c_char,
    err: *mut *mut smsc_error,
    value: impl FnOnce(&str) -> Result<serde_json::Value, Failure>,
) -> smsc_status {
    // SAFETY: forwarded caller contract.
    unsafe {
        change_params(params, name, err, |fields, name| {
            fields.insert(name.to_string(), value(name)?);
            Ok(())
        })
    }
}

/// Sets parameter `name` to the text `value` (UTF-8), as it is: the library escapes it.
///
/// # Safety
/// `params` must be NULL or live; `name` and `value` NULL or NUL-terminated; `err` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_params_set_text(
    params: *mut smsc_params,
    name: *const c_char,
    value: *const c_char,
    err: *mut *mut smsc_error,
) -> smsc_status {
    // SAFETY: forwarded caller contract.
    unsafe {
        set_param(params, name, err, |field| {
            arg_str(value, field).map(serde_json::Value::from)
        })
    }
}

/// Sets parameter `name` to the whole number `value`.
///
/// # Safety
/// `params` must be NULL or live; `name` NULL or NUL-terminated; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_params_set_int(
    params: *mut smsc_params,
    name: *const c_char,
    value: i64,
    err: *mut *mut smsc_error,
) -> smsc_status {
    // SAFETY: forwarded caller contract.
    unsafe { set_param(params, name, err, |_| Ok(serde_json::Value::from(value))) }
}

/// Sets parameter `name` to the number `value` (for the few parameters with a fraction, such as
/// `period`); a value that is not finite is refused.
///
/// # Safety
/// `params` must be NULL or live; `name` NULL or NUL-terminated; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_params_set_double(
    params: *mut smsc_params,
    name: *const c_char,
    value: f64,
    err: *mut *mut smsc_error,
) -> smsc_status {
    // SAFETY: forwarded caller contract.
    unsafe {
        set_param(params, name, err, |field| {
            serde_json::Number::from_f64(value)
                .map(serde_json::Value::Number)
                .ok_or_else(|| {
                    Failure::from(Error::invalid(
                        field,
                        format!("{value} is not a finite number"),
                    ))
                })
        })
    }
}

/// Sets the switch `name` (`flash`, `tinyurl`, …) on or off.
///
/// # Safety
/// `params` must be NULL or live; `name` NULL or NUL-terminated; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_params_set_bool(
    params: *mut smsc_params,
    name: *const c_char,
    value: bool,
    err: *mut *mut smsc_error,
) -> smsc_status {
    // SAFETY: forwarded caller contract.
    unsafe { set_param(params, name, err, |_| Ok(serde_json::Value::from(value))) }
}

/// Appends the text `value` to the list parameter `name` (recipients, ids, tags), making the
/// list on the first call; a parameter already set to something other than a list is refused.
///
/// # Safety
/// `params` must be NULL or live; `name` and `value` NULL or NUL-terminated; `err` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_params_add_text(
    params: *mut smsc_params,
    name: *const c_char,
    value: *const c_char,
    err: *mut *mut smsc_error,
) -> smsc_status {
    // SAFETY: forwarded caller contract.
    unsafe {
        change_params(params, name, err, |fields, name| {
            let value = arg_str(value, name)?;
            let entry = fields
                .entry(name.to_string())
                .or_insert_with(|| serde_json::Value::Array(Vec::new()));
            match entry {
                serde_json::Value::Array(items) => {
                    items.push(serde_json::Value::from(value));
                    Ok(())
                }
                _ => Err(Failure::from(Error::invalid(
                    name,
                    "is already set to a single value; add to a list only with smsc_params_add_text",
                ))),
            }
        })
    }
}

/// Checks a call and builds its request, like [`smsc_client_prepare`], with parameters built
/// by [`smsc_params_new`] and its setters (NULL for none). The parameters stay the caller's:
/// free them with [`smsc_params_free`], before or after the request.
///
/// # Safety
/// `client` and `params` must be NULL or live; `op` NULL or NUL-terminated; `out` writable;
/// `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_client_prepare_params(
    client: *const smsc_client,
    op: *const c_char,
    params: *const smsc_params,
    out: *mut *mut smsc_request,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let client = unsafe { arg_ref(client, "client") }?;
        // SAFETY: forwarded caller contract.
        let op = unsafe { arg_str(op, "op") }?;
        // SAFETY: per the contract, a non-NULL pointer is live.
        let fields =
            unsafe { params.as_ref() }.map_or_else(serde_json::Map::new, |p| p.fields.clone());
        let inner = client
            .inner
            .prepare_json(op, serde_json::Value::Object(fields))?;
        out_ptr(out, request_of(inner))
    })
}

fn request_of(inner: Request) -> smsc_request {
    smsc_request {
        method: cstring(inner.method.as_str()),
        url: cstring(&inner.url),
        body: inner.body.as_deref().map(cstring),
        operation: cstring(inner.operation()),
        redacted: cstring(&inner.redacted()),
        effect: cstring(inner.effect().as_str()),
        headers: inner
            .headers
            .iter()
            .map(|(k, v)| (cstring(k), cstring(v)))
            .collect(),
        inner,
    }
}

fn advice_of(advice: &Advice) -> smsc_advice {
    smsc_advice {
        action: cstring(advice.action.as_str()),
        retry: advice.retry,
        delay_ms: advice.delay_ms,
        next_attempt: advice.next_attempt,
        host: cstring(&advice.host),
        base_url: cstring(&advice.base_url),
        reason: cstring(&advice.reason),
        status_params: advice
            .status_check
            .as_ref()
            .map(|c| cstring(&crate::view::to_view(c).to_json().to_string())),
        json: cstring(&crate::view::to_view(advice).to_json().to_string()),
    }
}

/// What the operation does to the account: `"read"`, `"idempotent"`, `"send"` or `"create"`.
/// An HTTP client should not repeat a `send` or `create` by itself (see `smsc_request_advice`).
///
/// # Safety
/// `request` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_effect(request: *const smsc_request) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(request, |r| Some(&r.effect)) }
}

/// The same request sent to another base address, such as `smsc_advice_base_url`. The new
/// request is freed with `smsc_request_free`; later advice is still reckoned from the client's
/// own address.
///
/// # Safety
/// `request` must be NULL or live; `base_url` NULL or NUL-terminated; `out` writable; `err`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_at(
    request: *const smsc_request,
    base_url: *const c_char,
    out: *mut *mut smsc_request,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let request = unsafe { arg_ref(request, "request") }?;
        // SAFETY: forwarded caller contract.
        let base_url = unsafe { arg_str(base_url, "base_url") }?;
        out_ptr(out, request_of(request.inner.at(base_url)?))
    })
}

/// What to do after attempt `attempt` (1 for the first) of `request` failed. Give exactly one
/// of `failure`, the error `smsc_request_parse` or `smsc_request_transport_error` returned
/// (`smsc_curl_perform` returns either), and `transport`, how the HTTP client failed to get any
/// answer: `"refused"`, `"reset"`, `"timeout"`, `"closed"` or `"other"` (`smsc_curl_transport`
/// in examples/smsc_curl.h maps libcurl's codes). Free the advice with `smsc_advice_free`.
///
/// # Safety
/// `request` must be NULL or live; `failure` NULL or a live error; `transport` NULL or
/// NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_advice(
    request: *const smsc_request,
    failure: *const smsc_error,
    transport: *const c_char,
    attempt: u32,
    out: *mut *mut smsc_advice,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let request = unsafe { arg_ref(request, "request") }?;
        // SAFETY: per the contract, a non-NULL pointer is a live error.
        let failure = match (unsafe { failure.as_ref() }, transport.is_null()) {
            (Some(e), true) if e.status == smsc_status::SMSC_TRANSPORT => {
                let name = e.transport.as_ref().and_then(|t| t.to_str().ok());
                crate::Failure::Transport(Transport::from_name(name.unwrap_or("other"))?)
            }
            (Some(e), true) => crate::Failure::from_parts(
                e.kind.to_str().unwrap_or("internal"),
                Some(e.code),
                None,
            )?,
            (None, false) => {
                // SAFETY: forwarded caller contract.
                let name = unsafe { arg_str(transport, "transport") }?;
                crate::Failure::Transport(Transport::from_name(name)?)
            }
            _ => {
                return Err(Failure::from(Error::invalid(
                    "failure",
                    "give exactly one of failure (an smsc_error) and transport (a name)",
                )))
            }
        };
        out_ptr(out, advice_of(&request.inner.advice(failure, attempt)))
    })
}

/// The error for an attempt of `request` that got no answer at all: status `SMSC_TRANSPORT`,
/// kind `"transport"`, `smsc_error_transport` giving `transport` (`"refused"`, `"reset"`,
/// `"timeout"`, `"closed"`, or `"other"` for NULL or any other text), and a message naming the
/// operation and `detail` (your HTTP client's own words, such as `curl_easy_strerror`; may be
/// NULL). Never NULL, whatever the arguments; free it with `smsc_error_free`. Pass it to
/// `smsc_request_advice` as the failure.
///
/// # Safety
/// `request` must be NULL or live; `transport` and `detail` NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_transport_error(
    request: *const smsc_request,
    transport: *const c_char,
    detail: *const c_char,
) -> *mut smsc_error {
    let text = |p: *const c_char| {
        // SAFETY: per the contract, a non-NULL pointer is NUL-terminated.
        (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    };
    let build = || {
        let name = text(transport)
            .and_then(|t| Transport::from_name(&t).ok())
            .unwrap_or(Transport::Other);
        // SAFETY: per the contract, a non-NULL pointer is a live request.
        let op = unsafe { request.as_ref() }.map_or("SMSC", |r| r.inner.operation());
        let detail = text(detail).filter(|d| !d.trim().is_empty());
        let message = match detail {
            Some(d) => format!("no answer to the {op} request ({}): {d}", name.as_str()),
            None => format!("no answer to the {op} request ({})", name.as_str()),
        };
        smsc_error {
            status: smsc_status::SMSC_TRANSPORT,
            kind: cstring("transport"),
            code: 0,
            reason: None,
            field: None,
            message: cstring(&message),
            message_id: None,
            transport: Some(cstring(name.as_str())),
        }
    };
    let error = catch_unwind(AssertUnwindSafe(build)).unwrap_or_else(|_| smsc_error {
        status: smsc_status::SMSC_TRANSPORT,
        kind: cstring("transport"),
        code: 0,
        reason: None,
        field: None,
        message: cstring("no answer to the request"),
        message_id: None,
        transport: Some(cstring("other")),
    });
    Box::into_raw(Box::new(error))
}

/// The advice's action: `"retry"`, `"check_status"`, `"check_by_hand"` or `"stop"`.
///
/// # Safety
/// `advice` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_action(advice: *const smsc_advice) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(advice, |a| Some(&a.action)) }
}

/// Whether the request may be sent again at all (directly, or after the status check); false
/// for a NULL advice.
///
/// # Safety
/// `advice` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_retry(advice: *const smsc_advice) -> bool {
    // SAFETY: per the contract, a non-NULL pointer is a live advice.
    guard(false, || {
        unsafe { advice.as_ref() }.is_some_and(|a| a.retry)
    })
}

/// How long to wait before the next request, in milliseconds; 0 for a NULL advice.
///
/// # Safety
/// `advice` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_delay_ms(advice: *const smsc_advice) -> u64 {
    // SAFETY: per the contract, a non-NULL pointer is a live advice.
    guard(0, || unsafe { advice.as_ref() }.map_or(0, |a| a.delay_ms))
}

/// The number the next attempt will have; 0 for a NULL advice.
///
/// # Safety
/// `advice` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_next_attempt(advice: *const smsc_advice) -> u32 {
    // SAFETY: per the contract, a non-NULL pointer is a live advice.
    guard(0, || {
        unsafe { advice.as_ref() }.map_or(0, |a| a.next_attempt)
    })
}

/// The host of the next request, e.g. `"www2.smsc.ru"`.
///
/// # Safety
/// `advice` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_host(advice: *const smsc_advice) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(advice, |a| Some(&a.host)) }
}

/// The base address of the next request, for `smsc_request_at`.
///
/// # Safety
/// `advice` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_base_url(advice: *const smsc_advice) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(advice, |a| Some(&a.base_url)) }
}

/// Why, in a sentence, for logs; never holds credentials.
///
/// # Safety
/// `advice` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_reason(advice: *const smsc_advice) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(advice, |a| Some(&a.reason)) }
}

/// With action `"check_status"`: the parameters of the `status` operation to ask with, as JSON
/// for `smsc_client_prepare`; send again only if every message has status -3. NULL otherwise.
///
/// # Safety
/// `advice` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_status_params(advice: *const smsc_advice) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(advice, |a| a.status_params.as_ref()) }
}

/// The whole advice as JSON text.
///
/// # Safety
/// `advice` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_json(advice: *const smsc_advice) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(advice, |a| Some(&a.json)) }
}

/// Frees an advice. NULL is ignored.
///
/// # Safety
/// `advice` must be NULL or an advice from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn smsc_advice_free(advice: *mut smsc_advice) {
    // SAFETY: forwarded caller contract.
    unsafe { free_handle(advice) }
}

/// Builds the e-mail that sends a message through SMSC's SMTP route; `params_json` as for
/// `send_sms` (plus `test` and `format`). The result holds `to`, `server`, `headers` and `body`.
///
/// # Safety
/// `client` must be NULL or live; `params_json` NULL or NUL-terminated; `out` writable; `err`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_client_smtp_message(
    client: *const smsc_client,
    params_json: *const c_char,
    out: *mut *mut smsc_result,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let client = unsafe { arg_ref(client, "client") }?;
        // SAFETY: forwarded caller contract.
        let params = unsafe { arg_json(params_json, "params_json") }?;
        let mail = client.inner.smtp_message_json(params)?;
        out_ptr(out, result_of(crate::view::to_view(&mail)))
    })
}

/// The HTTP method, `"POST"` or `"GET"`. NULL for a NULL request.
///
/// # Safety
/// `request` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_method(request: *const smsc_request) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(request, |r| Some(&r.method)) }
}

/// The full URL (with GET it carries the parameters, credentials included).
///
/// # Safety
/// `request` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_url(request: *const smsc_request) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(request, |r| Some(&r.url)) }
}

/// The form body for POST, NULL for GET.
///
/// # Safety
/// `request` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_body(request: *const smsc_request) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(request, |r| r.body.as_ref()) }
}

/// The operation name.
///
/// # Safety
/// `request` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_operation(request: *const smsc_request) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(request, |r| Some(&r.operation)) }
}

/// The request with credentials replaced by `***`, for logs: `"POST <url> <body>"`.
///
/// # Safety
/// `request` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_redacted(request: *const smsc_request) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(request, |r| Some(&r.redacted)) }
}

/// How many headers to send.
///
/// # Safety
/// `request` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_header_count(request: *const smsc_request) -> usize {
    guard(0, || {
        // SAFETY: caller contract.
        unsafe { request.as_ref() }.map_or(0, |r| r.headers.len())
    })
}

/// The name of header `index`, or NULL when out of range.
///
/// # Safety
/// `request` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_header_name(
    request: *const smsc_request,
    index: usize,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(request, |r| r.headers.get(index).map(|(k, _)| k)) }
}

/// The value of header `index`, or NULL when out of range.
///
/// # Safety
/// `request` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_header_value(
    request: *const smsc_request,
    index: usize,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(request, |r| r.headers.get(index).map(|(_, v)| v)) }
}

/// Interprets the server's answer: the HTTP status and `body_len` bytes at `body` (`body` may
/// be NULL when `body_len` is 0).
///
/// # Safety
/// `request` must be NULL or live; `body` must point to `body_len` readable bytes; `out`
/// writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_parse(
    request: *const smsc_request,
    http_status: u16,
    body: *const u8,
    body_len: usize,
    out: *mut *mut smsc_result,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let request = unsafe { arg_ref(request, "request") }?;
        // SAFETY: forwarded caller contract.
        let bytes = unsafe { arg_bytes(body, body_len) }?;
        let view = request.inner.parse(http_status, bytes)?.to_view();
        out_ptr(out, result_of(view))
    })
}

/// Reads a notification SMSC posted to the handler address: `body_len` bytes of the POST body
/// (form, JSON or XML) and options as a JSON object (`secret`, `charset`, `content_type`), or
/// NULL. The result is read like any other: `kind` is `"status"`, `"incoming"` or
/// `"call_confirmation"`.
///
/// # Safety
/// `body` must point to `body_len` readable bytes; `options_json` NULL or NUL-terminated; `out`
/// writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_parse_callback(
    body: *const u8,
    body_len: usize,
    options_json: *const c_char,
    out: *mut *mut smsc_result,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let bytes = unsafe { arg_bytes(body, body_len) }?;
        // SAFETY: forwarded caller contract.
        let options = unsafe { arg_json(options_json, "options_json") }?;
        let view = crate::view::to_view(&crate::parse_callback_json(bytes, options)?);
        out_ptr(out, result_of(view))
    })
}

/// Frees a request. NULL is ignored.
///
/// # Safety
/// `request` must be NULL or a request from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_free(request: *mut smsc_request) {
    // SAFETY: forwarded caller contract.
    unsafe { free_handle(request) }
}

/// The whole result as JSON text (money as decimal strings).
///
/// # Safety
/// `result` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_result_json(result: *const smsc_result) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(result, |r| Some(&r.json)) }
}

fn lookup<'a>(result: &'a smsc_result, path: &str) -> Result<&'a View, Failure> {
    result.view.get_path(path).ok_or_else(|| {
        Failure::from(Error::Invalid {
            field: "path".into(),
            message: format!("the result has nothing at {path:?}"),
        })
    })
}

fn wrong_type(path: &str, wanted: &str) -> Failure {
    Failure::from(Error::Invalid {
        field: "path".into(),
        message: format!("the value at {path:?} is not {wanted}"),
    })
}

/// Shared prologue of the path getters.
///
/// # Safety
/// Forwarded from the getters' contracts.
unsafe fn getter_args<'a>(
    result: *const smsc_result,
    path: *const c_char,
    out_given: bool,
) -> Result<(&'a smsc_result, &'a str), Failure> {
    // A NULL out is reported whatever the path holds, so the caller's bug shows the same way
    // on every result.
    if !out_given {
        return Err(null("out"));
    }
    // SAFETY: forwarded caller contract.
    unsafe { Ok((arg_ref(result, "result")?, arg_str(path, "path")?)) }
}

/// A C copy of the text at `path` that lives as long as `result`. Asking again for the same
/// path gives the same pointer, so a loop over getters does not grow the handle.
fn keep(result: &smsc_result, path: &str, text: &str) -> *const c_char {
    let mut strings = result
        .strings
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // A CString's bytes live in their own heap block, which stays put when the map moves the
    // CString itself, so the pointer is valid until the result is freed.
    strings
        .entry(path.to_owned())
        .or_insert_with(|| cstring(text))
        .as_ptr()
}

fn write<T>(out: *mut T, value: T) -> Result<(), Failure> {
    if out.is_null() {
        return Err(null("out"));
    }
    // SAFETY: non-NULL and writable by contract.
    unsafe { *out = value };
    Ok(())
}

/// Reads text at a dotted `path` (`"messages.0.status_text"`); money reads as its decimal text.
/// The string belongs to `result`; asking again for the same path gives the same pointer.
///
/// # Safety
/// `result` NULL or live; `path` NULL or NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_result_get_string(
    result: *const smsc_result,
    path: *const c_char,
    out: *mut *const c_char,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let (result, path) = unsafe { getter_args(result, path, !out.is_null()) }?;
        let (View::Str(s) | View::Money(s)) = lookup(result, path)? else {
            return Err(wrong_type(path, "text"));
        };
        write(out, keep(result, path, s))
    })
}

/// Reads a whole number at `path`.
///
/// # Safety
/// `result` NULL or live; `path` NULL or NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_result_get_int(
    result: *const smsc_result,
    path: *const c_char,
    out: *mut i64,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let (result, path) = unsafe { getter_args(result, path, !out.is_null()) }?;
        match lookup(result, path)? {
            View::Int(i) => write(out, *i),
            View::Bool(b) => write(out, i64::from(*b)),
            _ => Err(wrong_type(path, "a whole number")),
        }
    })
}

/// Reads an amount at `path` as exact decimal text (owned by `result`).
///
/// # Safety
/// `result` NULL or live; `path` NULL or NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_result_get_money(
    result: *const smsc_result,
    path: *const c_char,
    out: *mut *const c_char,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let (result, path) = unsafe { getter_args(result, path, !out.is_null()) }?;
        let View::Money(s) = lookup(result, path)? else {
            return Err(wrong_type(path, "an amount of money"));
        };
        write(out, keep(result, path, s))
    })
}

/// Reads an amount at `path` as a double: a convenience for display, not for arithmetic on money.
///
/// # Safety
/// `result` NULL or live; `path` NULL or NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_result_get_money_f64(
    result: *const smsc_result,
    path: *const c_char,
    out: *mut f64,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let (result, path) = unsafe { getter_args(result, path, !out.is_null()) }?;
        let View::Money(s) = lookup(result, path)? else {
            return Err(wrong_type(path, "an amount of money"));
        };
        write(out, s.parse::<f64>().unwrap_or(f64::NAN))
    })
}

/// Reads a boolean at `path` (1 true, 0 false).
///
/// # Safety
/// `result` NULL or live; `path` NULL or NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_result_get_bool(
    result: *const smsc_result,
    path: *const c_char,
    out: *mut bool,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let (result, path) = unsafe { getter_args(result, path, !out.is_null()) }?;
        let View::Bool(b) = lookup(result, path)? else {
            return Err(wrong_type(path, "a boolean"));
        };
        write(out, *b)
    })
}

/// The number of items of the list at `path` (`"messages"`).
///
/// # Safety
/// `result` NULL or live; `path` NULL or NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_result_count(
    result: *const smsc_result,
    path: *const c_char,
    out: *mut usize,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let (result, path) = unsafe { getter_args(result, path, !out.is_null()) }?;
        let View::List(items) = lookup(result, path)? else {
            return Err(wrong_type(path, "a list"));
        };
        write(out, items.len())
    })
}

/// Whether `path` holds a value (absent keys and nulls are not present).
///
/// # Safety
/// `result` must be NULL or live; `path` NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn smsc_result_has(result: *const smsc_result, path: *const c_char) -> bool {
    guard(false, || {
        // SAFETY: forwarded caller contract.
        let Ok((result, path)) = (unsafe { getter_args(result, path, true) }) else {
            return false;
        };
        !matches!(result.view.get_path(path), None | Some(View::Null))
    })
}

/// Frees a result. NULL is ignored.
///
/// # Safety
/// `result` must be NULL or a result from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn smsc_result_free(result: *mut smsc_result) {
    // SAFETY: forwarded caller contract.
    unsafe { free_handle(result) }
}

/// The status the failed call returned; `SMSC_NULL_ARGUMENT` for a NULL error.
///
/// # Safety
/// `error` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_error_status(error: *const smsc_error) -> smsc_status {
    guard(smsc_status::SMSC_INTERNAL, || {
        // SAFETY: caller contract.
        unsafe { error.as_ref() }.map_or(smsc_status::SMSC_NULL_ARGUMENT, |e| e.status)
    })
}

/// The error kind: `"invalid"`, `"api"`, `"http"`, `"parse"`, `"signature"` or `"internal"`.
///
/// # Safety
/// `error` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_error_kind(error: *const smsc_error) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(error, |e| Some(&e.kind)) }
}

/// The SMSC error code (kind `api`) or HTTP status (kind `http`); 0 otherwise.
///
/// # Safety
/// `error` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_error_code(error: *const smsc_error) -> i64 {
    guard(0, || {
        // SAFETY: caller contract.
        unsafe { error.as_ref() }.map_or(0, |e| e.code)
    })
}

/// What an SMSC code means (`"auth"`, `"rate_limited"`, …), or NULL.
///
/// # Safety
/// `error` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_error_reason(error: *const smsc_error) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(error, |e| e.reason.as_ref()) }
}

/// The argument at fault (kind `invalid`), or NULL.
///
/// # Safety
/// `error` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_error_field(error: *const smsc_error) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(error, |e| e.field.as_ref()) }
}

/// A message that says what went wrong and what to do; never contains credentials.
///
/// # Safety
/// `error` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_error_message(error: *const smsc_error) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(error, |e| Some(&e.message)) }
}

/// How an attempt got no answer, for an `SMSC_TRANSPORT` error (`"refused"`, `"reset"`,
/// `"timeout"`, `"closed"` or `"other"`), or NULL.
///
/// # Safety
/// `error` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_error_transport(error: *const smsc_error) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(error, |e| e.transport.as_ref()) }
}

/// The message id SMSC attached to a send error, or NULL.
///
/// # Safety
/// `error` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_error_message_id(error: *const smsc_error) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(error, |e| e.message_id.as_ref()) }
}

/// Frees an error. NULL is ignored.
///
/// # Safety
/// `error` must be NULL or an error from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn smsc_error_free(error: *mut smsc_error) {
    // SAFETY: forwarded caller contract.
    unsafe { free_handle(error) }
}

/// The library version, e.g. `"0.1.0"`; static.
#[no_mangle]
pub extern "C" fn smsc_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str) -> CString {
        CString::new(text).unwrap()
    }

    /// A balance result parsed through the C entries.
    fn balance_result() -> (*mut smsc_client, *mut smsc_request, *mut smsc_result) {
        let (mut client, mut request, mut result) =
            (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
        let body = br#"{"balance": "250.80", "currency": "RUB"}"#;
        // SAFETY: every pointer is a live local or a handle from the call before.
        unsafe {
            let status = smsc_client_new_login(
                c("demo").as_ptr(),
                c("s3cret-pw").as_ptr(),
                &mut client,
                ptr::null_mut(),
            );
            assert_eq!(status, smsc_status::SMSC_OK);
            let status = smsc_client_prepare(
                client,
                c("balance").as_ptr(),
                ptr::null(),
                &mut request,
                ptr::null_mut(),
            );
            assert_eq!(status, smsc_status::SMSC_OK);
            let status = smsc_request_parse(
                request,
                200,
                body.as_ptr(),
                body.len(),
                &mut result,
                ptr::null_mut(),
            );
            assert_eq!(status, smsc_status::SMSC_OK);
        }
        (client, request, result)
    }

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let mut err = ptr::null_mut();
        let status = run(&mut err, || panic!("deliberate"));
        assert_eq!(status, smsc_status::SMSC_INTERNAL);
        // SAFETY: `run` wrote a live error handle.
        unsafe {
            assert_eq!(smsc_error_status(err), smsc_status::SMSC_INTERNAL);
            let kind = CStr::from_ptr(smsc_error_kind(err)).to_str().unwrap();
            assert_eq!(kind, "internal");
            smsc_error_free(err);
        }
        // Without an error out-parameter the status alone reports it.
        let status = run(ptr::null_mut(), || panic!("deliberate"));
        assert_eq!(status, smsc_status::SMSC_INTERNAL);
        assert!(guard(ptr::null::<c_char>(), || panic!("deliberate")).is_null());
    }

    #[test]
    fn getters_reuse_one_string_per_path() {
        let (client, request, result) = balance_result();
        let (mut first, mut second) = (ptr::null(), ptr::null());
        let path = c("balance");
        // SAFETY: live handles and locals.
        unsafe {
            smsc_result_get_money(result, path.as_ptr(), &mut first, ptr::null_mut());
            smsc_result_get_string(result, path.as_ptr(), &mut second, ptr::null_mut());
            assert_eq!(first, second);
            assert_eq!(CStr::from_ptr(first).to_str().unwrap(), "250.80");
            assert_eq!((*result).strings.lock().unwrap().len(), 1);
            smsc_result_free(result);
            smsc_request_free(request);
            smsc_client_free(client);
        }
    }

    #[test]
    fn one_result_read_from_several_threads() {
        let (client, request, result) = balance_result();
        let shared = result as usize;
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(move || {
                    for path in ["balance", "currency"] {
                        let path = c(path);
                        let mut out = ptr::null();
                        // SAFETY: the result outlives the scope; getters take a const handle.
                        let status = unsafe {
                            smsc_result_get_string(
                                shared as *const smsc_result,
                                path.as_ptr(),
                                &mut out,
                                ptr::null_mut(),
                            )
                        };
                        assert_eq!(status, smsc_status::SMSC_OK);
                    }
                });
            }
        });
        // SAFETY: live handles, freed once.
        unsafe {
            assert_eq!((*result).strings.lock().unwrap().len(), 2);
            smsc_result_free(result);
            smsc_request_free(request);
            smsc_client_free(client);
        }
    }

    #[test]
    fn no_secret_outside_the_request() {
        let (client, request, result) = balance_result();
        let mut err = ptr::null_mut();
        // SAFETY: live handles and locals.
        unsafe {
            let redacted = CStr::from_ptr(smsc_request_redacted(request))
                .to_str()
                .unwrap();
            assert!(!redacted.contains("s3cret-pw"), "{redacted}");
            let body = CStr::from_ptr(smsc_request_body(request)).to_str().unwrap();
            assert!(body.contains("psw=s3cret-pw"));
            let answer = b"ERROR = 2 (authorise error)";
            let mut out = ptr::null_mut();
            let status = smsc_request_parse(
                request,
                200,
                answer.as_ptr(),
                answer.len(),
                &mut out,
                &mut err,
            );
            assert_eq!(status, smsc_status::SMSC_API);
            let message = CStr::from_ptr(smsc_error_message(err)).to_str().unwrap();
            assert!(!message.contains("s3cret-pw"), "{message}");
            smsc_error_free(err);
            smsc_result_free(result);
            smsc_request_free(request);
            smsc_client_free(client);
        }
    }

    #[test]
    fn committed_header_is_current() {
        let fresh = include_str!(concat!(env!("OUT_DIR"), "/smsc.h"));
        let committed =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/include/smsc.h"))
                .unwrap_or_default();
        assert!(
            fresh == committed,
            "include/smsc.h is stale: run `make header` and commit the result"
        );
    }
}

/// What a delivery asks for next (see `smsc_delivery_next`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum smsc_step {
    /// Send `smsc_delivery_request` within `smsc_delivery_timeout_ms`, then report it with
    /// `smsc_delivery_answer` or `smsc_delivery_no_answer`.
    SMSC_STEP_SEND = 0,
    /// Wait `smsc_delivery_delay_ms`, then ask `smsc_delivery_next` again.
    SMSC_STEP_WAIT = 1,
    /// The result is ready: `smsc_delivery_take_result`.
    SMSC_STEP_DONE = 2,
    /// No result: `smsc_delivery_take_stop` gives the advice and the last error.
    SMSC_STEP_STOP = 3,
}

/// A request followed through failures to its result: the retry advice applied step by step
/// (`smsc_curl_deliver` in `examples/smsc_curl.h` runs it with libcurl). One thread at a time.
/// Free with `smsc_delivery_free`.
pub struct smsc_delivery {
    inner: crate::Delivery,
    /// The exchange handed out by the last `SMSC_STEP_SEND`.
    request: Option<smsc_request>,
    purpose: CString,
    attempt: u32,
    timeout_ms: u64,
    delay_ms: u64,
    result: Option<crate::Output>,
    stopped: Option<crate::Stopped>,
}

/// Starts the delivery of `request`, made by `client` (which also prepares the status checks).
/// `options_json` is NULL or a JSON object with `max_attempts`, `timeout_ms` and `deadline_ms`.
///
/// # Safety
/// `client` and `request` must be live; `options_json` NULL or NUL-terminated; `out` writable;
/// `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_new(
    client: *const smsc_client,
    request: *const smsc_request,
    options_json: *const c_char,
    out: *mut *mut smsc_delivery,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let client = unsafe { arg_ref(client, "client") }?;
        // SAFETY: forwarded caller contract.
        let request = unsafe { arg_ref(request, "request") }?;
        let options = if options_json.is_null() {
            crate::DeliveryOptions::default()
        } else {
            // SAFETY: forwarded caller contract.
            let json = unsafe { arg_json(options_json, "options_json") }?;
            crate::ops::from_json_value::<crate::DeliveryOptions>(json, "options")?
        }
        .checked()?;
        out_ptr(
            out,
            smsc_delivery {
                inner: crate::Delivery::new(&client.inner, request.inner.clone(), options),
                request: None,
                purpose: CString::default(),
                attempt: 0,
                timeout_ms: 0,
                delay_ms: 0,
                result: None,
                stopped: None,
            },
        )
    })
}

/// What to do now; `now_ms` is a monotonic clock in ms (`CLOCK_MONOTONIC`). Writes the step to
/// `*step`. The request of an earlier `SMSC_STEP_SEND` is freed here.
///
/// # Safety
/// `delivery` must be live; `step` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_next(
    delivery: *mut smsc_delivery,
    now_ms: u64,
    step: *mut smsc_step,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: per the contract, a non-NULL pointer is a live delivery used by one thread.
        let d = unsafe { delivery.as_mut() }.ok_or_else(|| null("delivery"))?;
        if step.is_null() {
            return Err(null("step"));
        }
        d.request = None;
        let next = match d.inner.next(now_ms)? {
            crate::Step::Send(exchange) => {
                d.purpose = cstring(exchange.purpose.as_str());
                d.attempt = exchange.attempt;
                d.timeout_ms = exchange.timeout_ms;
                d.request = Some(request_of(exchange.request));
                smsc_step::SMSC_STEP_SEND
            }
            crate::Step::Wait { delay_ms, .. } => {
                d.delay_ms = delay_ms;
                smsc_step::SMSC_STEP_WAIT
            }
            crate::Step::Done(output) => {
                d.result = Some(output);
                smsc_step::SMSC_STEP_DONE
            }
            crate::Step::Stop(stopped) => {
                d.stopped = Some(stopped);
                smsc_step::SMSC_STEP_STOP
            }
        };
        // SAFETY: checked non-NULL above; writable per the contract.
        unsafe { *step = next };
        Ok(())
    })
}

/// After `SMSC_STEP_SEND`: the request to send, owned by the delivery until the next
/// `smsc_delivery_next` (do not free it). NULL otherwise.
///
/// # Safety
/// `delivery` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_request(
    delivery: *const smsc_delivery,
) -> *const smsc_request {
    guard(ptr::null(), || {
        // SAFETY: per the contract, a non-NULL pointer is live.
        unsafe { delivery.as_ref() }
            .and_then(|d| d.request.as_ref())
            .map_or(ptr::null(), |r| r as *const smsc_request)
    })
}

/// After `SMSC_STEP_SEND`: `"request"` (the request itself) or `"status_check"` (status.php,
/// asked whether a send whose answer was lost went out). NULL before any.
///
/// # Safety
/// `delivery` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_purpose(delivery: *const smsc_delivery) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(delivery, |d| d.request.as_ref().map(|_| &d.purpose)) }
}

/// After `SMSC_STEP_SEND`: the exchange's number among the attempts of its purpose, 1 for the
/// first; 0 for NULL.
///
/// # Safety
/// `delivery` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_attempt(delivery: *const smsc_delivery) -> u32 {
    // SAFETY: per the contract, a non-NULL pointer is live.
    guard(0, || unsafe { delivery.as_ref() }.map_or(0, |d| d.attempt))
}

/// After `SMSC_STEP_SEND`: the longest the exchange may take, in ms (give it to
/// `CURLOPT_TIMEOUT_MS`); 0 for NULL.
///
/// # Safety
/// `delivery` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_timeout_ms(delivery: *const smsc_delivery) -> u64 {
    // SAFETY: per the contract, a non-NULL pointer is live.
    guard(0, || {
        unsafe { delivery.as_ref() }.map_or(0, |d| d.timeout_ms)
    })
}

/// After `SMSC_STEP_WAIT`: how long to wait, in ms; 0 for NULL.
///
/// # Safety
/// `delivery` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_delay_ms(delivery: *const smsc_delivery) -> u64 {
    // SAFETY: per the contract, a non-NULL pointer is live.
    guard(0, || unsafe { delivery.as_ref() }.map_or(0, |d| d.delay_ms))
}

/// Reports the answer to the last exchange: its HTTP status and `body_len` bytes of body.
///
/// # Safety
/// `delivery` must be live; `body` must point to `body_len` readable bytes; `err` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_answer(
    delivery: *mut smsc_delivery,
    http_status: u16,
    body: *const u8,
    body_len: usize,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: per the contract, a non-NULL pointer is a live delivery used by one thread.
        let d = unsafe { delivery.as_mut() }.ok_or_else(|| null("delivery"))?;
        // SAFETY: forwarded caller contract.
        let bytes = unsafe { arg_bytes(body, body_len) }?;
        Ok(d.inner.answer(http_status, bytes)?)
    })
}

/// Reports that the last exchange got no answer: `transport` is `"refused"`, `"reset"`,
/// `"timeout"`, `"closed"` or `"other"` (`smsc_curl_transport` names a libcurl code so).
///
/// # Safety
/// `delivery` must be live; `transport` NUL-terminated; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_no_answer(
    delivery: *mut smsc_delivery,
    transport: *const c_char,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: per the contract, a non-NULL pointer is a live delivery used by one thread.
        let d = unsafe { delivery.as_mut() }.ok_or_else(|| null("delivery"))?;
        // SAFETY: forwarded caller contract.
        let name = unsafe { arg_str(transport, "transport") }?;
        Ok(d.inner.no_answer(Transport::from_name(name)?)?)
    })
}

/// After `SMSC_STEP_DONE`: the result, read like any other; the caller frees it. A second call
/// is `SMSC_INVALID`.
///
/// # Safety
/// `delivery` must be live; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_take_result(
    delivery: *mut smsc_delivery,
    out: *mut *mut smsc_result,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: per the contract, a non-NULL pointer is a live delivery used by one thread.
        let d = unsafe { delivery.as_mut() }.ok_or_else(|| null("delivery"))?;
        let output = d.result.take().ok_or_else(|| {
            Error::invalid(
                "delivery",
                "there is no result: take it once, after SMSC_STEP_DONE",
            )
        })?;
        out_ptr(out, result_of(output.to_view()))
    })
}

/// After `SMSC_STEP_STOP`: writes the advice that stopped the delivery to `*advice` (stop or
/// check by hand, with the reason) and, when the last attempt was answered, the error it was
/// read as to `*error` (NULL when it got no answer at all). The caller frees both. A second
/// call is `SMSC_INVALID`.
///
/// # Safety
/// `delivery` must be live; `advice` and `error` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_take_stop(
    delivery: *mut smsc_delivery,
    advice: *mut *mut smsc_advice,
    error: *mut *mut smsc_error,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: per the contract, a non-NULL pointer is a live delivery used by one thread.
        let d = unsafe { delivery.as_mut() }.ok_or_else(|| null("delivery"))?;
        if error.is_null() {
            return Err(null("error"));
        }
        let stopped = d.stopped.take().ok_or_else(|| {
            Error::invalid(
                "delivery",
                "the delivery has not stopped: take the stop once, after SMSC_STEP_STOP",
            )
        })?;
        out_ptr(advice, advice_of(&stopped.advice))?;
        let last = stopped.error.map_or(ptr::null_mut(), |e| {
            Box::into_raw(Box::new(error_object(status_of(&e), &e)))
        });
        // SAFETY: checked non-NULL above; writable per the contract.
        unsafe { *error = last };
        Ok(())
    })
}

/// Whether the result came from a status check: the first answer was lost, the message had
/// gone out, and it was not sent again. 0 for NULL.
///
/// # Safety
/// `delivery` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_already_sent(delivery: *const smsc_delivery) -> bool {
    // SAFETY: per the contract, a non-NULL pointer is live.
    guard(false, || {
        unsafe { delivery.as_ref() }.is_some_and(|d| d.inner.already_sent())
    })
}

/// Frees a delivery (and the request it handed out). NULL is ignored.
///
/// # Safety
/// `delivery` must be NULL or a delivery from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_free(delivery: *mut smsc_delivery) {
    // SAFETY: forwarded caller contract.
    unsafe { free_handle(delivery) }
}

/// After `SMSC_STEP_DONE`, for a paged list (history, incoming messages, contacts): writes the
/// request of the next page to `*out` (the caller frees it), or NULL on the last page and for
/// other operations.
///
/// # Safety
/// `delivery` must be live; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_delivery_next_page(
    delivery: *const smsc_delivery,
    out: *mut *mut smsc_request,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let d = unsafe { arg_ref(delivery, "delivery") }?;
        if out.is_null() {
            return Err(null("out"));
        }
        let next = d.inner.next_page().map_or(ptr::null_mut(), |r| {
            Box::into_raw(Box::new(request_of(r.clone())))
        });
        // SAFETY: checked non-NULL above; writable per the contract.
        unsafe { *out = next };
        Ok(())
    })
}

/// How `text` is split into SMS: a result with `alphabet` (`"gsm7"` or `"ucs2"`), `characters`,
/// `units`, `parts`, `part_size`, `remaining`, `ucs2_because.character` and `.index`, and with
/// `price_per_part` (decimal text, or NULL) `price` for `recipients` recipients.
///
/// # Safety
/// `text` NUL-terminated; `price_per_part` NULL or NUL-terminated; `out` writable; `err` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_segments(
    text: *const c_char,
    price_per_part: *const c_char,
    recipients: u32,
    out: *mut *mut smsc_result,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let text = unsafe { arg_str(text, "text") }?;
        let price = if price_per_part.is_null() {
            None
        } else {
            // SAFETY: forwarded caller contract.
            Some(unsafe { arg_str(price_per_part, "price_per_part") }?)
        };
        let out_value = crate::estimate(text, price, recipients.max(1) as usize)?;
        out_ptr(out, result_of(crate::view::to_view(&out_value)))
    })
}

/// Checks and normalises one phone number, offline: a result with `valid`, `normalized` and,
/// when it is not valid, `reason`.
///
/// # Safety
/// `phone` NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_normalize_phone(
    phone: *const c_char,
    out: *mut *mut smsc_result,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let phone = unsafe { arg_str(phone, "phone") }?;
        out_ptr(
            out,
            result_of(crate::view::to_view(&crate::normalize_phone(phone))),
        )
    })
}

/// A file for `smsc_request_with_files`: its name (UTF-8, no directory), its media type (NULL
/// for the one the name's extension names) and `len` bytes at `data`.
#[repr(C)]
pub struct smsc_file {
    /// The file's name as the server sees it.
    pub name: *const c_char,
    /// Its media type, or NULL.
    pub content_type: *const c_char,
    /// Its bytes.
    pub data: *const u8,
    /// How many.
    pub len: usize,
}

/// A request with files: POST `smsc_multipart_url` with the header `Content-Type:
/// smsc_multipart_content_type` and the body. Free with `smsc_multipart_free`.
pub struct smsc_multipart {
    url: CString,
    content_type: CString,
    body: Vec<u8>,
}

/// `request` with `count` files as a `multipart/form-data` body; `boundary` NULL for one the
/// library chooses. Checked before a body exists: the operation must take files (`send_mms`,
/// `send_email`, `send_call`, `sender_add`, `sender_update`), no file empty, names without
/// directories, the documented types and sizes (sender documents at most 3 MB); the error's field
/// names the file (`files[0]`).
///
/// # Safety
/// `request` live; `files` pointing to `count` readable `smsc_file`s, each with its pointers as
/// documented; `boundary` NULL or NUL-terminated; `out` writable; `err` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn smsc_request_with_files(
    request: *const smsc_request,
    files: *const smsc_file,
    count: usize,
    boundary: *const c_char,
    out: *mut *mut smsc_multipart,
    err: *mut *mut smsc_error,
) -> smsc_status {
    run(err, || {
        // SAFETY: forwarded caller contract.
        let request = unsafe { arg_ref(request, "request") }?;
        if files.is_null() && count > 0 {
            return Err(null("files"));
        }
        let files = if count == 0 {
            &[][..]
        } else {
            // SAFETY: the caller guarantees `count` readable entries at `files`.
            unsafe { std::slice::from_raw_parts(files, count) }
        };
        let mut uploads = Vec::with_capacity(files.len());
        for (i, f) in files.iter().enumerate() {
            let at = format!("files[{i}]");
            // SAFETY: forwarded caller contract.
            let name = unsafe { arg_str(f.name, &at) }?;
            let content_type = if f.content_type.is_null() {
                None
            } else {
                // SAFETY: forwarded caller contract.
                Some(unsafe { arg_str(f.content_type, &at) }?.to_string())
            };
            // SAFETY: forwarded caller contract.
            let data = unsafe { arg_bytes(f.data, f.len) }.map_err(|_| null(&at))?;
            uploads.push(crate::Upload {
                content_type,
                ..crate::Upload::new(name, data.to_vec())
            });
        }
        let boundary = if boundary.is_null() {
            None
        } else {
            // SAFETY: forwarded caller contract.
            Some(unsafe { arg_str(boundary, "boundary") }?)
        };
        let m = request.inner.with_files(&uploads, boundary)?;
        out_ptr(
            out,
            smsc_multipart {
                url: cstring(&m.url),
                content_type: cstring(&m.content_type),
                body: m.body,
            },
        )
    })
}

/// The address to POST to; NULL for NULL.
///
/// # Safety
/// `multipart` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_multipart_url(multipart: *const smsc_multipart) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(multipart, |m| Some(&m.url)) }
}

/// The `Content-Type` header's value; NULL for NULL.
///
/// # Safety
/// `multipart` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_multipart_content_type(
    multipart: *const smsc_multipart,
) -> *const c_char {
    // SAFETY: forwarded caller contract.
    unsafe { text_of(multipart, |m| Some(&m.content_type)) }
}

/// The body's bytes (`smsc_multipart_body_len` of them), credentials included; NULL for NULL.
///
/// # Safety
/// `multipart` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_multipart_body(multipart: *const smsc_multipart) -> *const u8 {
    guard(ptr::null(), || {
        // SAFETY: per the contract, a non-NULL pointer is live.
        unsafe { multipart.as_ref() }.map_or(ptr::null(), |m| m.body.as_ptr())
    })
}

/// The body's length in bytes; 0 for NULL.
///
/// # Safety
/// `multipart` must be NULL or live.
#[no_mangle]
pub unsafe extern "C" fn smsc_multipart_body_len(multipart: *const smsc_multipart) -> usize {
    // SAFETY: per the contract, a non-NULL pointer is live.
    guard(0, || {
        unsafe { multipart.as_ref() }.map_or(0, |m| m.body.len())
    })
}

/// Frees a multipart request. NULL is ignored.
///
/// # Safety
/// `multipart` must be NULL or one from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn smsc_multipart_free(multipart: *mut smsc_multipart) {
    // SAFETY: forwarded caller contract.
    unsafe { free_handle(multipart) }
}
