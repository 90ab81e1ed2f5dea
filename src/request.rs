//! Prepared requests: plain data for the caller's HTTP client, which also know how to read their
//! answer.

use std::sync::Arc;

use crate::client::{checked_base_url, Format, Method};
use crate::error::Result;
use crate::ops::{Call, Output};
use crate::retry::{self, Advice, Effect, Failure, MessageKey, Origin, RetryPolicy, StatusCheck};

/// Form fields in the order they are sent. Its `Debug` output hides credentials.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Form(Vec<(&'static str, String)>);

impl std::fmt::Debug for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Form").field(&redacted_form(self)).finish()
    }
}

impl Form {
    /// An empty form with room for `fields` fields.
    pub fn with_capacity(fields: usize) -> Self {
        Form(Vec::with_capacity(fields))
    }

    /// Appends a field.
    pub fn push(&mut self, name: &'static str, value: impl Into<String>) {
        self.push_string(name, value.into());
    }

    // Out of line: `push` is called from some two hundred places, each of which would otherwise
    // carry its own copy of the list's growth.
    #[inline(never)]
    fn push_string(&mut self, name: &'static str, value: String) {
        self.0.push((name, value));
    }

    /// Sets field `name`: its value replaced where it is, or the field appended.
    pub fn set(&mut self, name: &'static str, value: String) {
        match self.0.iter_mut().find(|(k, _)| *k == name) {
            Some(field) => field.1 = value,
            None => self.0.push((name, value)),
        }
    }

    /// Appends a field when it has a value.
    pub fn push_opt(&mut self, name: &'static str, value: Option<impl Into<String>>) {
        if let Some(v) = value {
            self.push(name, v);
        }
    }

    /// Appends `name=1` when `flag` is set: SMSC flags are off unless given.
    pub fn push_flag(&mut self, name: &'static str, flag: bool) {
        if flag {
            self.push(name, "1");
        }
    }

    /// The fields as `application/x-www-form-urlencoded` text.
    pub fn encode(&self) -> String {
        // Sized for the common case (mostly unreserved bytes), so the body is one allocation.
        let size: usize = self.0.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
        let mut out = String::with_capacity(size + size / 4);
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            form_encode_into(&mut out, k);
            out.push('=');
            form_encode_into(&mut out, v);
        }
        out
    }

    /// The fields as a JSON object of strings, in order, for the JSON endpoints.
    pub fn to_json(&self) -> String {
        // Written by hand to keep the fields in their order (a JSON map would sort them).
        let quote = |t: &str| serde_json::Value::from(t).to_string();
        let fields: Vec<String> = self
            .0
            .iter()
            .map(|(k, v)| format!("{}:{}", quote(k), quote(v)))
            .collect();
        format!("{{{}}}", fields.join(","))
    }

    /// The fields, in order.
    pub fn fields(&self) -> &[(&'static str, String)] {
        &self.0
    }
}

/// Which bytes a form carries as they are: ASCII letters, digits and `*-._`. One load per byte
/// instead of six comparisons, on the loop every request's body goes through.
// Built at compile time, where `get_mut` is not available; a `u8` index is always in range.
#[allow(clippy::indexing_slicing)]
const PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0u8;
    loop {
        table[b as usize] = b.is_ascii_alphanumeric() || matches!(b, b'*' | b'-' | b'.' | b'_');
        if b == u8::MAX {
            break table;
        }
        b += 1;
    }
};

/// Appends `text` encoded as `application/x-www-form-urlencoded` (the WHATWG form serializer):
/// ASCII letters, digits and `*-._` as they are, a space as `+`, every other byte as `%XX`.
/// Runs of plain bytes are copied whole, which is most of every form.
pub(crate) fn form_encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if PLAIN.get(usize::from(b)).copied().unwrap_or(false) {
            continue;
        }
        // A run of plain bytes is ASCII, and a non-empty one starts after a whole character
        // (the byte after a character's first byte is not plain), so it is a valid slice.
        if i > plain_from {
            out.push_str(text.get(plain_from..i).unwrap_or_default());
        }
        plain_from = i + 1;
        if b == b' ' {
            out.push('+');
        } else {
            let hex = |n: u8| char::from(HEX.get(usize::from(n)).copied().unwrap_or(b'0'));
            out.push('%');
            out.push(hex(b >> 4));
            out.push(hex(b & 15));
        }
    }
    out.push_str(text.get(plain_from..).unwrap_or_default());
}

/// The names of the fields that carry credentials, redacted wherever a request is shown
/// (`password` and `pswc` are a sub-client's new and current passwords, on `users.php`).
const SECRET_FIELDS: [&str; 4] = ["psw", "apikey", "password", "pswc"];

/// A request ready for any HTTP client: `method`, `url`, `headers` and `body` are usable as they
/// are (`fetch(req.url, req)` in JS, `requests.request(req.method, req.url, ...)` in Python,
/// `curl_easy_setopt` in C). It also remembers its call, so [`Request::parse`] needs nothing but
/// the answer.
#[derive(Clone, PartialEq)]
pub struct Request {
    /// `POST` (default) or `GET`.
    pub method: Method,
    /// The full address; with GET it holds the parameters, credentials included.
    pub url: String,
    /// Headers to send (the form content type with POST).
    pub headers: Vec<(String, String)>,
    /// The form body with POST, `None` with GET.
    pub body: Option<String>,
    /// Shared: the largest call is several hundred bytes, which every move of the request would
    /// copy (a request is moved into each frontend's own object), and the requests made from
    /// this one (`at`, a delivery's attempts) carry the same call.
    call: Arc<Call>,
    format: Format,
    form: Form,
    origin: Origin,
    policy: RetryPolicy,
}

impl Request {
    pub(crate) fn new(
        method: Method,
        origin: Origin,
        policy: RetryPolicy,
        form: Form,
        call: Arc<Call>,
        format: Format,
    ) -> Self {
        Self::at_base(method, None, form, call, format, origin, policy)
    }

    /// The request of `call` with `form` sent to `base_url` (the origin's when `None`); `origin`
    /// and `policy` are what later advice is reckoned from.
    fn at_base(
        method: Method,
        base_url: Option<&str>,
        form: Form,
        call: Arc<Call>,
        format: Format,
        origin: Origin,
        policy: RetryPolicy,
    ) -> Self {
        let script = call.script();
        let base_url = base_url.unwrap_or(&origin.base_url);
        // The address by pieces into one string of the right size (a format! grows its buffer).
        let address = |path: &str, tail: &str, query: Option<&str>| {
            let query_len = query.map_or(0, |q| q.len() + 1);
            let mut url = String::with_capacity(
                base_url.len() + path.len() + script.len() + tail.len() + query_len,
            );
            url.push_str(base_url);
            url.push_str(path);
            url.push_str(script);
            url.push_str(tail);
            if let Some(q) = query {
                url.push('?');
                url.push_str(q);
            }
            url
        };
        // The JSON endpoints take a POST body whatever method the client prefers: there is no
        // GET form of them.
        let (method, url, content_type, body) = if call.json_body() {
            (
                Method::Post,
                address("/rest/", "/", None),
                Some("application/json"),
                Some(form.to_json()),
            )
        } else {
            match method {
                Method::Post => (
                    method,
                    address("/sys/", "", None),
                    Some("application/x-www-form-urlencoded"),
                    Some(form.encode()),
                ),
                Method::Get => (
                    method,
                    address("/sys/", "", Some(&form.encode())),
                    None,
                    None,
                ),
            }
        };
        Request {
            method,
            url,
            headers: content_type
                .map(|t| ("Content-Type".to_string(), t.to_string()))
                .into_iter()
                .collect(),
            body,
            call,
            format,
            origin,
            policy,
            form,
        }
    }

    /// The same request sent to another base address, such as the `base_url` of an
    /// [`Advice`]. Later advice is still reckoned from the client's own address.
    ///
    /// Plain `http://` to another machine is accepted only when this request already goes over
    /// plain HTTP (its client was built with `allow_http`).
    pub fn at(&self, base_url: &str) -> Result<Request> {
        let base_url = checked_base_url(base_url, self.url.starts_with("http://"))?;
        Ok(Self::at_base(
            self.method,
            Some(&base_url),
            self.form.clone(),
            self.call.clone(),
            self.format,
            self.origin.clone(),
            self.policy,
        ))
    }

    /// The request of `call`, which differs from this one's only in the field `name`, set to
    /// `value` in the form (replaced where it was, added at the end otherwise).
    pub(crate) fn with_call_field(&self, call: Call, name: &'static str, value: String) -> Request {
        let mut form = self.form.clone();
        form.set(name, value);
        Self::at_base(
            self.method,
            None,
            form,
            Arc::new(call),
            self.format,
            self.origin.clone(),
            self.policy,
        )
    }

    /// The request with its advice allowing `attempts` attempts in all.
    pub(crate) fn with_max_attempts(mut self, attempts: u32) -> Request {
        self.policy.max_attempts = attempts;
        self
    }

    /// What to do after attempt number `attempt` (1 for the first) of this request failed with
    /// `failure`: an [`Error`](crate::Error) from [`Request::parse`] (`(&err).into()`) or a
    /// [`Transport`](crate::Transport) failure the HTTP client reported. See [`crate::retry`]
    /// for the rules.
    pub fn advice(&self, failure: impl Into<Failure>, attempt: u32) -> Advice {
        retry::advise(
            self.call.effect(),
            |code| self.call.reason(code),
            self.status_check(),
            &self.origin,
            &self.policy,
            failure.into(),
            attempt,
        )
    }

    /// The `status` parameters that tell whether this send went out: only for a send that
    /// carries the caller's own `id` and names every recipient (a contact group does not).
    pub fn status_check(&self) -> Option<StatusCheck> {
        if self.call.effect() != Effect::Send {
            return None;
        }
        let field = |name: &str| {
            self.form
                .fields()
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.as_str())
        };
        let id = field("id")?;
        let recipients: Vec<&str> = match (field("phones"), field("list")) {
            (Some(phones), _) => phones.split(',').collect(),
            (None, Some(list)) => list
                .lines()
                .filter_map(|line| line.split_once(':').map(|(phones, _)| phones))
                .flat_map(|phones| phones.split(','))
                .collect(),
            (None, None) => return None,
        };
        let group = |r: &str| {
            r.strip_prefix('G')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        if recipients.is_empty() || recipients.iter().any(|r| r.is_empty() || group(r)) {
            return None;
        }
        Some(StatusCheck {
            messages: recipients
                .into_iter()
                .map(|phone| MessageKey {
                    id: id.to_string(),
                    phone: phone.to_string(),
                })
                .collect(),
        })
    }

    /// The operation name (`"balance"`, `"send_sms"`, …).
    pub fn operation(&self) -> &'static str {
        self.call.name()
    }

    /// What the operation does to the account; an HTTP client should not repeat a
    /// [`Effect::Send`] or [`Effect::Create`] request by itself (see [`Request::advice`]).
    pub fn effect(&self) -> Effect {
        self.call.effect()
    }

    /// The call this request was built from.
    pub fn call(&self) -> &Call {
        &self.call
    }

    /// The call this request was built from, taking the request apart.
    pub fn into_call(self) -> Call {
        Arc::try_unwrap(self.call).unwrap_or_else(|shared| (*shared).clone())
    }

    /// The answer format the request asks for.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The form fields, credentials included; for callers that build their own body
    /// (multipart, for example).
    pub fn form(&self) -> &Form {
        &self.form
    }

    /// Interprets the server's answer: the HTTP status and the raw body bytes.
    ///
    /// An error never repeats the request's credentials: a proxy or an error page may echo the
    /// address it was asked for (a GET URL holds the password), and error texts quote the body.
    pub fn parse(&self, status: u16, body: &[u8]) -> Result<Output> {
        self.call
            .parse(status, body)
            .map_err(|e| self.hide_secrets(e))
    }

    /// `err` with every credential of this request masked; the secrets are worked out only
    /// when there is an error to mask.
    pub(crate) fn hide_secrets(&self, err: crate::Error) -> crate::Error {
        err.without_secrets(&self.secrets())
    }

    /// The credential values this request carries, as given and as they appear form-encoded,
    /// longest first: what an error must never repeat.
    pub fn secrets(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (k, v) in self.form.fields() {
            if SECRET_FIELDS.contains(k) && !v.is_empty() {
                let mut encoded = String::with_capacity(v.len());
                form_encode_into(&mut encoded, v);
                if encoded != *v {
                    out.push(encoded);
                }
                out.push(v.clone());
            }
        }
        // Longest first, so a value that contains another is hidden whole.
        out.sort_by_key(|s| std::cmp::Reverse(s.len()));
        out
    }

    /// The URL with credentials replaced by `***`, safe to log.
    pub fn redacted_url(&self) -> String {
        match self.url.split_once('?') {
            Some((base, _)) => format!("{base}?{}", redacted_form(&self.form)),
            None => self.url.clone(),
        }
    }

    /// The whole request on one line, credentials replaced by `***`, safe to log:
    /// `POST https://smsc.ru/sys/send.php login=demo&psw=***&…`.
    pub fn redacted(&self) -> String {
        match self.redacted_body() {
            Some(body) => format!("{} {} {body}", self.method.as_str(), self.redacted_url()),
            None => format!("{} {}", self.method.as_str(), self.redacted_url()),
        }
    }

    /// The body with credentials replaced by `***`, safe to log.
    pub fn redacted_body(&self) -> Option<String> {
        self.body.as_ref().map(|_| {
            if self.call.json_body() {
                redacted_fields(&self.form).to_json()
            } else {
                redacted_form(&self.form)
            }
        })
    }
}

fn redacted_fields(form: &Form) -> Form {
    Form(
        form.fields()
            .iter()
            .map(|(k, v)| {
                let shown = if SECRET_FIELDS.contains(k) {
                    "***".to_string()
                } else {
                    v.clone()
                };
                (*k, shown)
            })
            .collect(),
    )
}

fn redacted_form(form: &Form) -> String {
    redacted_fields(form).encode()
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &self.redacted_url())
            .field("headers", &self.headers)
            .field("body", &self.redacted_body())
            .field("operation", &self.operation())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use crate::client::Client;
    use serde_json::json;

    proptest::proptest! {
        /// The form encoder writes exactly what the WHATWG form serializer writes.
        #[test]
        fn forms_are_encoded_as_the_whatwg_serializer_does(key in "[a-z_]{1,8}", value in "\\PC*") {
            let mut form = super::Form::default();
            form.push("mes", value.clone());
            form.push("x", "1");
            let mut key_encoded = String::new();
            super::form_encode_into(&mut key_encoded, &key);
            let expected = form_urlencoded::Serializer::new(String::new())
                .append_pair("mes", &value)
                .append_pair("x", "1")
                .finish();
            proptest::prop_assert_eq!(form.encode(), expected);
            proptest::prop_assert_eq!(key_encoded, form_urlencoded::byte_serialize(key.as_bytes()).collect::<String>());
        }
    }

    /// Every ASCII byte, and characters of two, three and four bytes, as the serializer writes them.
    #[test]
    fn every_ascii_byte_and_wide_characters_are_encoded_as_the_serializer_does() {
        let mut text: String = (0u8..128).map(char::from).collect();
        text.push_str("é€😀 end");
        let mut ours = String::new();
        super::form_encode_into(&mut ours, &text);
        let theirs: String = form_urlencoded::byte_serialize(text.as_bytes()).collect();
        assert_eq!(ours, theirs);
    }

    /// An error body cut for the error text in the middle of a repeated password keeps no
    /// piece of it: the cut piece is masked like the whole.
    #[test]
    fn a_password_cut_by_the_snippet_leaves_no_piece() {
        let password = "VeryLongPassword-987654321";
        let client = Client::from_json(json!({"login": "demo", "password": password})).unwrap();
        let request = client.prepare_json("balance", json!({})).unwrap();
        for shown in 1..password.len() {
            let body = format!("{}{}", "x".repeat(120 - shown), password);
            let err = request.parse(503, body.as_bytes()).unwrap_err();
            let text = err.to_string();
            assert!(
                !text.contains(&format!("{}…", &password[..shown])),
                "{shown}: {text}"
            );
            assert!(text.contains("***…"), "{shown}: {text}");
        }
    }
}
