//! The WebAssembly frontend (`js/pkg`), wrapped by the npm package in `js/`.
//!
//! Thin by design: the JS wrapper hands over plain data as JSON text for [`Client::from_json`]
//! and [`Client::prepare_json`]; a request comes back as a few lines of text and a result as
//! JSON text serialised once from the typed result (money as decimal strings) — one crossing
//! each way is much cheaper than building objects property by property — and errors are thrown
//! as `Error` objects carrying `kind`, `code`, `reason`, `field` and `messageId`, which
//! `js/src/index.js` turns into its error classes. Credentials never leave this module: the
//! client keeps its recent requests, the wrapper refers to one by its number, and keeps its
//! operation and parameters only to prepare it again should it have been pushed out.
//!
//! Panics. The core is reached only through functions that return `Result`, and it is
//! panic-free by lint (no `unwrap`, `expect`, `panic!` or indexing). Should a panic happen anyway,
//! the wasm build (`panic = "abort"`, profile `release-wasm`) cannot unwind: the panic hook
//! installed by [`start`] keeps the message, then the instance traps (`WebAssembly.RuntimeError`).
//! The JS wrapper reads the message with `takePanic`, throws it as `InternalError`, and replaces the
//! trapped instance with a fresh one (wasm-bindgen's `__wbg_reset_state`, generated with
//! `--experimental-reset-state-function`), so later calls work on clean memory and no handle of
//! the old instance is ever freed into the new one.

use std::sync::Mutex;

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::{Client, Error, Failure, Request};

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[path = "wasm_alloc.rs"]
mod alloc;

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: alloc::Cached<talc::wasm::WasmDynamicTalc> =
    alloc::Cached::new(talc::wasm::new_wasm_dynamic_allocator());

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn opt_str(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::UNDEFINED, JsValue::from_str)
}

/// The error as a JS `Error` with the fields every language shares.
fn to_js_error(err: &Error) -> JsValue {
    let js: JsValue = js_sys::Error::new(&err.to_string()).into();
    set(&js, "kind", &JsValue::from_str(err.kind().as_str()));
    set(
        &js,
        "code",
        &err.code()
            .map_or(JsValue::UNDEFINED, |c| JsValue::from_f64(c as f64)),
    );
    set(&js, "reason", &opt_str(err.reason().map(|r| r.as_str())));
    set(&js, "field", &opt_str(err.field()));
    set(&js, "messageId", &opt_str(err.message_id()));
    js
}

fn invalid(field: &str, message: &str) -> JsValue {
    to_js_error(&Error::invalid(field, message))
}

/// JSON text from the JS wrapper (it serialises plain data with `JSON.stringify`, which is
/// faster than walking objects across the boundary).
fn json_arg(text: &str, field: &str) -> Result<serde_json::Value, JsValue> {
    crate::ops::json_from_text(text, field).map_err(|e| to_js_error(&e))
}

/// What the wrapper needs of a prepared request, as one line-separated text that JS takes
/// apart with `indexOf` (no JSON to parse): the number the client keeps it under, method,
/// effect, content type (empty for none), URL, then the body to the end (empty with GET). No
/// field holds a line break: the URL and a form body are percent-encoded, and a JSON body
/// escapes its strings.
fn request_text(number: u32, request: &Request) -> String {
    let body = request.body.as_deref().unwrap_or("");
    let mut out = String::with_capacity(request.url.len() + body.len() + 64);
    write_request_text(&mut out, number, request);
    out
}

/// [`request_text`] written at the end of `out`.
fn write_request_text(out: &mut String, number: u32, request: &Request) {
    let content_type = request
        .headers
        .iter()
        .find(|(k, _)| k == "Content-Type")
        .map_or("", |(_, v)| v.as_str());
    out.push_str(itoa::Buffer::new().format(number));
    out.push('\n');
    for part in [
        request.method.as_str(),
        request.effect().as_str(),
        content_type,
        &request.url,
    ] {
        out.push_str(part);
        out.push('\n');
    }
    out.push_str(request.body.as_deref().unwrap_or(""));
}

/// How many recent requests a client keeps, so that reading an answer, advice and the other
/// steps of a request need no second decoding of its parameters and no second prepare: enough
/// for every request in flight in ordinary use, and a fixed, small amount of memory whatever the
/// caller does.
const RECENT_REQUESTS: usize = 64;

/// A configured client. Requests are returned as plain data, so no wasm object is created per
/// call and nothing waits for the garbage collector to be freed; the client keeps the last
/// [`RECENT_REQUESTS`] of them (credentials included: they never leave this module) under a
/// number, by which the wrapper refers to its request.
#[wasm_bindgen(js_name = Client)]
pub struct WasmClient {
    inner: Client,
    /// The last requests, by their number modulo the size. A request that has been pushed out
    /// is prepared again from its operation and parameters ([`WasmClient::restore`]).
    recent: std::cell::RefCell<Vec<Option<(u32, Request)>>>,
    next: std::cell::Cell<u32>,
    /// The text of the per-call entries ([`WasmClient::prepare_input`],
    /// [`WasmClient::parse_input`]), both ways.
    io: std::cell::RefCell<Io>,
}

/// Where the wrapper writes a call's text (UTF-8, with `TextEncoder.encodeInto`) and reads its
/// answer, in the module's memory: nothing is allocated or freed per call for the strings that
/// cross, which the generated glue would do for each argument and each result.
#[derive(Default)]
struct Io {
    /// The input: its length is the room the wrapper was given (zeroed once when it grows).
    input: Vec<u8>,
    /// The output of the last call.
    output: String,
}

/// The room of an [`Io`] buffer kept from one call to the next; a larger one is given back.
const KEPT_ROOM: usize = 64 * 1024;

/// `output` emptied for the next call's text, its room kept unless it is larger than
/// [`KEPT_ROOM`].
fn cleared(output: &mut String) -> String {
    let mut text = std::mem::take(output);
    if text.capacity() > KEPT_ROOM {
        text = String::new();
    }
    text.clear();
    text
}

/// The `n`-th of the texts the wrapper wrote one after another into `input`, `lens` their
/// lengths in bytes.
fn input_bytes<'a>(input: &'a [u8], lens: &[usize], n: usize) -> Result<&'a [u8], JsValue> {
    let start: usize = lens.iter().take(n).sum();
    lens.get(n)
        .and_then(|len| input.get(start..start.checked_add(*len)?))
        .ok_or_else(|| misplaced("is not where it was said to be"))
}

/// [`input_bytes`] as text (the encoder writes UTF-8, so only a wrapper bug would fail this).
fn input_text<'a>(input: &'a [u8], lens: &[usize], n: usize) -> Result<&'a str, JsValue> {
    std::str::from_utf8(input_bytes(input, lens, n)?).map_err(|_| misplaced("is not UTF-8"))
}

fn misplaced(why: &str) -> JsValue {
    to_js_error(&Error::Internal {
        message: format!("the text handed to the module {why}"),
    })
}

/// The error of an entry reached while another call of the same client is still running
/// (only a wrapper bug could do that: every entry is synchronous).
fn busy() -> JsValue {
    to_js_error(&Error::Internal {
        message: "the client was called again while it was busy".to_string(),
    })
}

impl WasmClient {
    /// The number of the next request.
    fn number(&self) -> u32 {
        let number = self.next.get();
        self.next.set(number.wrapping_add(1));
        number
    }

    /// Keeps `request` under `number`, in place of the one kept in its slot.
    fn keep(&self, number: u32, request: Request) {
        if let Ok(mut recent) = self.recent.try_borrow_mut() {
            if let Some(slot) = recent.get_mut(number as usize % RECENT_REQUESTS) {
                *slot = Some((number, request));
            }
        }
    }

    /// Keeps `request` under a new number and returns it as text (see [`request_text`]).
    fn remember(&self, request: Request) -> String {
        let number = self.number();
        let text = request_text(number, &request);
        self.keep(number, request);
        text
    }

    /// Runs `f` on the request kept under `number`; `None` when it has been pushed out.
    fn with<T>(&self, number: u32, f: impl FnOnce(&Request) -> T) -> Option<T> {
        let recent = self.recent.try_borrow().ok()?;
        match recent.get(number as usize % RECENT_REQUESTS) {
            Some(Some((n, request))) if *n == number => Some(f(request)),
            _ => None,
        }
    }
}

#[wasm_bindgen(js_class = Client)]
impl WasmClient {
    /// A client from its settings as JSON text. Text rather than the object itself, like every
    /// other entry: serde_json bounds the nesting it reads, where walking a JS object would
    /// recurse as deep as the caller's object goes and trap the instance.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: &str) -> Result<WasmClient, JsValue> {
        Client::from_json_text(config_json)
            .map(|inner| WasmClient {
                inner,
                recent: std::cell::RefCell::new(vec![None; RECENT_REQUESTS]),
                next: std::cell::Cell::new(0),
                io: std::cell::RefCell::default(),
            })
            .map_err(|e| to_js_error(&e))
    }

    /// Room for `len` bytes of text, for the wrapper to write the next call's texts into, one
    /// after another; returns their address.
    #[wasm_bindgen(js_name = inputAt)]
    pub fn input_at(&self, len: usize) -> Result<*mut u8, JsValue> {
        let mut io = self.io.try_borrow_mut().map_err(|_| busy())?;
        if io.input.len() > KEPT_ROOM && len <= KEPT_ROOM {
            // A large text has passed: its room is given back once calls are small again.
            io.input = Vec::new();
        }
        if io.input.len() < len {
            io.input.resize(len, 0);
        }
        Ok(io.input.as_mut_ptr())
    }

    /// The address of the last call's output (its length is what the call returned).
    #[wasm_bindgen(js_name = outputAt)]
    pub fn output_at(&self) -> Result<*const u8, JsValue> {
        Ok(self.io.try_borrow().map_err(|_| busy())?.output.as_ptr())
    }

    /// Checks a call: the operation and its parameters (JSON text, read in place), as the
    /// wrapper wrote them at [`WasmClient::input_at`] (`op_len` and `params_len` bytes). The
    /// request's text (see [`request_text`]) is the output, and its length is returned.
    #[wasm_bindgen(js_name = prepareInput)]
    pub fn prepare_input(&self, op_len: usize, params_len: usize) -> Result<usize, JsValue> {
        let mut io = self.io.try_borrow_mut().map_err(|_| busy())?;
        let Io { input, output } = &mut *io;
        let lens = [op_len, params_len];
        let request = self
            .inner
            .prepare_json_text(input_text(input, &lens, 0)?, input_text(input, &lens, 1)?)
            .map_err(|e| to_js_error(&e))?;
        let number = self.number();
        *output = cleared(output);
        write_request_text(output, number, &request);
        self.keep(number, request);
        Ok(output.len())
    }

    /// Interprets the answer to request `number`: the HTTP status, and the body (`body_len`
    /// bytes) as the wrapper wrote it at [`WasmClient::input_at`]. The output is the result as
    /// JSON text, serialised once from the typed result in its fields' order (money as decimal
    /// strings), and its length is returned; `undefined` when the request is no longer kept
    /// ([`WasmClient::restore`] it and ask again). An error never repeats the request's
    /// credentials.
    #[wasm_bindgen(js_name = parseInput)]
    pub fn parse_input(
        &self,
        number: u32,
        status: f64,
        body_len: usize,
    ) -> Result<Option<usize>, JsValue> {
        let status = http_status(status)?;
        let mut io = self.io.try_borrow_mut().map_err(|_| busy())?;
        let Io { input, output } = &mut *io;
        // Bytes as they are: reading an answer checks its UTF-8 itself.
        let body = input_bytes(input, &[body_len], 0)?;
        let Some(result) = self.with(number, |request| request.parse(status, body)) else {
            return Ok(None);
        };
        let result = result.map_err(|e| to_js_error(&e))?;
        let mut text = cleared(output);
        text.reserve(result_room(body.len()));
        *output = append_result(&result, text)?;
        Ok(Some(output.len()))
    }

    /// Prepares the call `op` with `params_json` again for a request that has been pushed out
    /// (or made by an instance since replaced) and keeps it; returns its new number.
    pub fn restore(&self, op: &str, params_json: &str) -> Result<u32, JsValue> {
        self.inner
            .prepare_json_text(op, params_json)
            .map(|r| {
                let number = self.number();
                self.keep(number, r);
                number
            })
            .map_err(|e| to_js_error(&e))
    }

    /// Request `number` on one line, credentials replaced by `***`: what the wrapper shows for
    /// a request (`toString`, `toJSON`); `undefined` when it is no longer kept.
    pub fn redacted(&self, number: u32) -> Option<String> {
        self.with(number, Request::redacted)
    }

    /// Request `number` sent to another base address, kept as a new request; returns it as
    /// text, or `undefined` when request `number` is no longer kept.
    #[wasm_bindgen(js_name = prepareAt)]
    pub fn prepare_at(&self, number: u32, base_url: &str) -> Result<Option<String>, JsValue> {
        match self.with(number, |request| request.at(base_url)) {
            Some(Ok(moved)) => Ok(Some(self.remember(moved))),
            Some(Err(e)) => Err(to_js_error(&e)),
            None => Ok(None),
        }
    }

    /// What to do after attempt `attempt` of request `number` failed; `failure_json` holds the
    /// error's `kind`, `code` and `transport`. Returns the advice as JSON text, or `undefined`
    /// when the request is no longer kept.
    pub fn advice(
        &self,
        number: u32,
        failure_json: &str,
        attempt: u32,
    ) -> Result<Option<String>, JsValue> {
        let failure = json_arg(failure_json, "failure")?;
        let text = |k: &str| failure.get(k).and_then(|v| v.as_str());
        let failure = Failure::from_parts(
            text("kind").unwrap_or(""),
            failure.get("code").and_then(serde_json::Value::as_i64),
            text("transport"),
        )
        .map_err(|e| to_js_error(&e))?;
        self.with(number, |request| {
            json_text(&request.advice(failure, attempt))
        })
        .transpose()
    }

    /// Builds the e-mail for SMSC's SMTP route (parameters as JSON text); returns it as JSON text.
    #[wasm_bindgen(js_name = smtpMessage)]
    pub fn smtp_message(&self, params_json: &str) -> Result<String, JsValue> {
        self.inner
            .smtp_message_json_text(params_json)
            .map_err(|e| to_js_error(&e))
            .and_then(|mail| json_text(&mail))
    }

    /// The base address requests go to.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_string()
    }
}

#[wasm_bindgen(js_class = Client)]
impl WasmClient {
    /// A delivery of request `number` (see [`crate::Delivery`]), with `options_json` holding
    /// `maxAttempts`, `timeoutMs` and `deadlineMs`; `undefined` when the request is no longer
    /// kept.
    pub fn deliver(
        &self,
        number: u32,
        options_json: &str,
    ) -> Result<Option<WasmDelivery>, JsValue> {
        let options =
            crate::ops::from_json_text_value::<crate::DeliveryOptions>(options_json, "options")
                .and_then(crate::DeliveryOptions::checked)
                .map_err(|e| to_js_error(&e))?;
        Ok(self.with(number, |request| WasmDelivery {
            inner: crate::Delivery::new(&self.inner, request.clone(), options),
        }))
    }
}

/// A file's name and type, as the wrapper sends them beside its bytes.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileMeta {
    name: String,
    #[serde(default)]
    content_type: Option<String>,
}

#[wasm_bindgen(js_class = Client)]
impl WasmClient {
    /// Request `number` with files as a `multipart/form-data` body: `files_json` lists each
    /// file's `name` and `content_type`, `data` holds their bytes in the same order. Returns
    /// `{url, contentType, body}`, or `undefined` when the request is no longer kept.
    #[wasm_bindgen(js_name = withFiles)]
    pub fn with_files(
        &self,
        number: u32,
        files_json: &str,
        data: Array,
        boundary: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let metas: Vec<FileMeta> = serde_json::from_str(files_json)
            .map_err(|e| invalid("files", &format!("the file list is not understood: {e}")))?;
        let uploads: Vec<crate::Upload> = metas
            .into_iter()
            .enumerate()
            .map(|(i, meta)| crate::Upload {
                content_type: meta.content_type,
                ..crate::Upload::new(meta.name, Uint8Array::new(&data.get(i as u32)).to_vec())
            })
            .collect();
        match self.with(number, |request| {
            request.with_files(&uploads, boundary.as_deref())
        }) {
            Some(Ok(m)) => {
                let out: JsValue = js_sys::Object::new().into();
                set(&out, "url", &JsValue::from_str(&m.url));
                set(&out, "contentType", &JsValue::from_str(&m.content_type));
                set(&out, "body", &Uint8Array::from(&m.body[..]).into());
                Ok(out)
            }
            Some(Err(e)) => Err(to_js_error(&e)),
            None => Ok(JsValue::UNDEFINED),
        }
    }
}

/// A request followed through failures to its result: the steps of [`crate::Delivery`], which
/// the wrapper's `deliver` runs with `fetch`, timers and the clock.
#[wasm_bindgen(js_name = Delivery)]
pub struct WasmDelivery {
    inner: crate::Delivery,
}

/// A step as the wrapper reads it (`step` names which).
#[derive(serde::Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
enum StepView<'a> {
    Send {
        purpose: &'static str,
        attempt: u32,
        timeout_ms: u64,
        operation: &'static str,
        method: &'static str,
        url: &'a str,
        content_type: Option<&'a str>,
        body: Option<&'a str>,
        redacted: String,
    },
    Wait {
        delay_ms: u64,
        advice: &'a crate::Advice,
    },
    Done {
        result: &'a crate::Output,
        /// For a paged list, where the next page starts: `{"prev_id": 123}`; absent on the last.
        #[serde(skip_serializing_if = "Option::is_none")]
        next_page: Option<std::collections::BTreeMap<&'static str, u64>>,
    },
    Stop {
        advice: &'a crate::Advice,
        error: Option<ErrorView<'a>>,
    },
}

/// An error's fields, as `to_js_error` sets them.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct ErrorView<'a> {
    message: String,
    kind: &'static str,
    code: Option<i64>,
    reason: Option<&'static str>,
    field: Option<&'a str>,
    message_id: Option<&'a str>,
}

#[wasm_bindgen(js_class = Delivery)]
impl WasmDelivery {
    /// What to do now, as JSON text (see `StepView`); `now_ms` is a monotonic clock.
    pub fn next(&mut self, now_ms: f64) -> Result<String, JsValue> {
        let now = if now_ms.is_finite() && now_ms > 0.0 {
            now_ms as u64
        } else {
            0
        };
        let step = self.inner.next(now).map_err(|e| to_js_error(&e))?;
        match &step {
            crate::Step::Send(e) => {
                let r = &e.request;
                json_text(&StepView::Send {
                    purpose: e.purpose.as_str(),
                    attempt: e.attempt,
                    timeout_ms: e.timeout_ms,
                    operation: r.operation(),
                    method: r.method.as_str(),
                    url: &r.url,
                    content_type: r
                        .headers
                        .iter()
                        .find(|(k, _)| k == "Content-Type")
                        .map(|(_, v)| v.as_str()),
                    body: r.body.as_deref(),
                    redacted: r.redacted(),
                })
            }
            crate::Step::Wait { delay_ms, advice } => json_text(&StepView::Wait {
                delay_ms: *delay_ms,
                advice,
            }),
            crate::Step::Done(output) => json_text(&StepView::Done {
                result: output,
                next_page: crate::pages::next_page_cursor(self.inner.request().call(), output)
                    .map(|(name, value)| std::collections::BTreeMap::from([(name, value)])),
            }),
            crate::Step::Stop(stopped) => json_text(&StepView::Stop {
                advice: &stopped.advice,
                error: stopped.error.as_ref().map(|e| ErrorView {
                    message: e.to_string(),
                    kind: e.kind().as_str(),
                    code: e.code(),
                    reason: e.reason().map(|r| r.as_str()),
                    field: e.field(),
                    message_id: e.message_id(),
                }),
            }),
        }
    }

    /// Reports the answer to the last exchange (body as in [`WasmClient::parse`]).
    pub fn answer(&mut self, status: f64, body: JsValue) -> Result<(), JsValue> {
        let status = http_status(status)?;
        let bytes = body_bytes(body)?;
        self.inner
            .answer(status, &bytes)
            .map_err(|e| to_js_error(&e))
    }

    /// Reports that the last exchange got no answer: how it failed (`"timeout"`…).
    #[wasm_bindgen(js_name = noAnswer)]
    pub fn no_answer(&mut self, transport: &str) -> Result<(), JsValue> {
        let transport = crate::Transport::from_name(transport).map_err(|e| to_js_error(&e))?;
        self.inner.no_answer(transport).map_err(|e| to_js_error(&e))
    }

    /// Whether the result came from a status check (the send had gone out; not sent again).
    #[wasm_bindgen(getter, js_name = alreadySent)]
    pub fn already_sent(&self) -> bool {
        self.inner.already_sent()
    }
}

/// A result as JSON text, written once from its `Serialize` impl in its fields' order (money, a
/// newtype, as its decimal string).
fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, JsValue> {
    append_result(value, String::with_capacity(result_room(256)))
}

/// [`json_text`] written at the end of `out`.
fn append_result<T: serde::Serialize + ?Sized>(value: &T, out: String) -> Result<String, JsValue> {
    crate::json_text::append_json_text(value, out).map_err(|e| {
        to_js_error(&Error::Internal {
            message: format!("the result could not be written as JSON: {e}"),
        })
    })
}

/// The room for a result read from an answer of `answer_len` bytes: about as long, so the text
/// is given it at once.
fn result_room(answer_len: usize) -> usize {
    answer_len + answer_len / 4 + 64
}

/// The HTTP status the caller's client received, checked. The wrapper passes a number as given
/// and anything else as NaN: a number crosses as itself, where a value would cost a call back
/// into JS to read it.
fn http_status(status: f64) -> Result<u16, JsValue> {
    Some(status)
        .filter(|s| s.fract() == 0.0 && (0.0..=65535.0).contains(s))
        .map(|s| s as u16)
        .ok_or_else(|| {
            invalid(
                "status",
                "the HTTP status must be an integer from 0 to 65535",
            )
        })
}

/// The bytes of a body given as a string, `Uint8Array` or `ArrayBuffer`.
fn body_bytes(body: JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = body.as_string() {
        Ok(text.into_bytes())
    } else if body.is_instance_of::<Uint8Array>() {
        Ok(Uint8Array::from(body).to_vec())
    } else if body.is_instance_of::<js_sys::ArrayBuffer>() {
        Ok(Uint8Array::new(&body).to_vec())
    } else {
        Err(invalid(
            "body",
            "the body must be a string, Uint8Array or ArrayBuffer",
        ))
    }
}

/// How a text is split into SMS, as JSON text; with `price_per_part` (decimal text) the price
/// for `recipients`.
#[wasm_bindgen]
pub fn segments(
    text: &str,
    price_per_part: Option<String>,
    recipients: Option<u32>,
) -> Result<String, JsValue> {
    let recipients = recipients.map_or(1, |n| n as usize);
    crate::estimate(text, price_per_part.as_deref(), recipients)
        .map_err(|e| to_js_error(&e))
        .and_then(|out| json_text(&out))
}

/// Checks and normalises one phone number, offline; as JSON text.
#[wasm_bindgen(js_name = normalizePhone)]
pub fn normalize_phone(phone: &str) -> Result<String, JsValue> {
    json_text(&crate::normalize_phone(phone))
}

/// Reads a notification SMSC posted to the handler address; options as JSON text. Returns the
/// event as JSON text.
#[wasm_bindgen(js_name = parseCallback)]
pub fn parse_callback(body: JsValue, options_json: &str) -> Result<String, JsValue> {
    let bytes = body_bytes(body)?;
    crate::callback::parse_callback_json_text(&bytes, options_json)
        .map_err(|e| to_js_error(&e))
        .and_then(|event| json_text(&event))
}

/// The transport failure (`"refused"`, `"timeout"`, …) an error of `fetch`, Node or undici
/// stands for, from its names as JSON text (see [`crate::transports`]); `undefined` when the
/// error is not a transport failure.
#[wasm_bindgen(js_name = transportFailure)]
pub fn transport_failure(names_json: &str) -> Option<String> {
    // The wrapper writes a list of strings; anything else describes no known error.
    let names: Vec<String> = serde_json::from_str(names_json).unwrap_or_default();
    crate::transport_failure(crate::Runtime::JavaScript, names.iter().map(String::as_str))
        .map(|t| t.as_str().to_string())
}

/// The names of every operation.
#[wasm_bindgen]
pub fn operations() -> Array {
    crate::OPERATIONS
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect()
}

/// The message of the last panic, kept by the hook for the JS wrapper to read after the trap.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Runs when the module is instantiated, and again when the wrapper replaces a trapped instance.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(info.to_string());
        }
    }));
}

/// The message of the panic that made the instance trap, once; read by the wrapper only.
#[wasm_bindgen(js_name = takePanic, skip_typescript)]
pub fn take_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|mut last| last.take())
}

/// Panics on purpose: the JS tests call it to prove that a bug surfaces as `InternalError` and
/// that the next call works on a fresh instance.
#[doc(hidden)]
#[allow(clippy::panic)]
#[wasm_bindgen(js_name = panicForTests, skip_typescript)]
pub fn panic_for_tests() {
    panic!("deliberate panic from panicForTests")
}

/// The instance's linear memory: the wrapper reads and writes the per-call texts in it (see
/// `Io`), and the JS tests read its size to check that many calls do not grow it.
#[doc(hidden)]
#[wasm_bindgen(js_name = moduleMemory, skip_typescript)]
pub fn module_memory() -> JsValue {
    wasm_bindgen::memory()
}
