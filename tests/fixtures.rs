//! Runs every case of the shared fixture corpus (`tests/fixtures/`) against the Rust core.
//! The Python, JavaScript and C suites run the same files; `tests/fixtures/README.md` describes
//! the schema. Every failing case is reported by its file name, all at once.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use smsc_core::{parse_callback_json, Client, Error, OPERATIONS};

/// The corpus must not silently shrink.
const MIN_CASES: usize = 40;

/// The keys a case may have; anything else is a typo the other suites would silently ignore.
const CASE_KEYS: [&str; 11] = [
    "name", "source", "note", "client", "op", "params", "request", "response", "expect",
    "callback", "advice",
];
const REQUEST_KEYS: [&str; 4] = ["method", "url", "headers", "body"];
const ERROR_KEYS: [&str; 6] = ["kind", "code", "reason", "field", "id", "message"];

fn case_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            case_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Standard base64 (RFC 4648, with padding), for bodies that are not UTF-8.
fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    fn value(c: u8) -> Result<u32, String> {
        Ok(match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("body_base64: bad character {:?}", char::from(c))),
        })
    }
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if clean.len() % 4 != 0 {
        return Err("body_base64: length is not a multiple of 4".into());
    }
    let mut out = Vec::with_capacity(clean.len() / 4 * 3);
    let chunks = clean.chunks(4).count();
    for (n, chunk) in clean.chunks(4).enumerate() {
        let pad = chunk.iter().rev().take_while(|&&b| b == b'=').count();
        if pad > 2 || (pad > 0 && n + 1 != chunks) {
            return Err("body_base64: misplaced padding".into());
        }
        let mut acc = 0u32;
        for (i, &c) in chunk.iter().take(4 - pad).enumerate() {
            acc |= value(c)? << (18 - 6 * i);
        }
        let [_, b0, b1, b2] = acc.to_be_bytes();
        out.extend_from_slice(&[b0, b1, b2][..3 - pad]);
    }
    Ok(out)
}

/// The secrets a case's client holds, which must never show in errors or debug output.
fn secrets(client: &Value) -> Vec<String> {
    ["password", "api_key"]
        .iter()
        .filter_map(|k| client.get(k).and_then(Value::as_str))
        .filter(|s| s.len() >= 4)
        .map(str::to_string)
        .collect()
}

fn shows_secret(text: &str, secrets: &[String]) -> Option<String> {
    secrets.iter().find(|s| text.contains(s.as_str())).cloned()
}

fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("`{what}` is not an object"))
}

fn only_keys(map: &Map<String, Value>, allowed: &[&str], what: &str) -> Result<(), String> {
    match map.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(format!("unknown key `{k}` in {what}")),
        None => Ok(()),
    }
}

/// Checks the case against the schema of `tests/fixtures/README.md`.
fn check_schema(case: &Value, folder: &str) -> Result<(), String> {
    let map = object(case, "case")?;
    only_keys(map, &CASE_KEYS, "the case")?;
    for key in ["name", "source", "op"] {
        if !map.get(key).is_some_and(Value::is_string) {
            return Err(format!("`{key}` is missing or not a string"));
        }
    }
    let source = case["source"].as_str().unwrap_or_default();
    if !(source.starts_with("https://") || source.starts_with("http://")) {
        return Err(format!("`source` is not a page address: {source:?}"));
    }
    if map.get("note").is_some_and(|n| !n.is_string()) {
        return Err("`note` is not a string".into());
    }
    if case["op"] == CALLBACK_OP {
        return check_callback_schema(case, map);
    }
    if case["op"] == SMTP_OP {
        only_keys(
            map,
            &["name", "source", "note", "op", "client", "params", "expect"],
            "an e-mail case",
        )?;
        object(&case["client"], "client")?;
        return Ok(());
    }
    object(&case["client"], "client")?;
    if !map.contains_key("params") {
        return Err("`params` is missing".into());
    }
    let op = case["op"].as_str().unwrap_or_default();
    if OPERATIONS.contains(&folder) && op != folder {
        return Err(format!("op {op:?} in the folder of {folder:?}"));
    }
    let expect = object(&case["expect"], "expect")?;
    only_keys(expect, &["result", "error"], "expect")?;
    if expect.len() != 1 {
        return Err("`expect` needs exactly one of `result` and `error`".into());
    }
    if let Some(error) = expect.get("error") {
        only_keys(object(error, "expect.error")?, &ERROR_KEYS, "expect.error")?;
    }
    if map.contains_key("advice")
        && (expect.contains_key("result") || !map.contains_key("response"))
    {
        return Err("`advice` belongs to a case whose answer is an error".into());
    }
    let refused = case["expect"]["error"]["kind"] == "invalid";
    match (refused, map.get("request"), map.get("response")) {
        (true, None, None) => Ok(()),
        (true, _, _) => Err("an `invalid` case has neither `request` nor `response`".into()),
        (false, Some(request), Some(response)) => {
            let request = object(request, "request")?;
            only_keys(request, &REQUEST_KEYS, "request")?;
            if request.len() != REQUEST_KEYS.len() {
                return Err("`request` needs method, url, headers and body".into());
            }
            let response = object(response, "response")?;
            only_keys(response, &["status", "body", "body_base64"], "response")?;
            let bodies = ["body", "body_base64"]
                .iter()
                .filter(|k| response.get(**k).is_some_and(Value::is_string))
                .count();
            if !response.get("status").is_some_and(Value::is_u64) || bodies != 1 {
                return Err(
                    "`response` needs a `status` and one of `body` and `body_base64`".into(),
                );
            }
            Ok(())
        }
        (false, _, _) => Err("a case that is not `invalid` needs `request` and `response`".into()),
    }
}

/// The pseudo-operation of the cases that build an e-mail for the SMTP route.
const SMTP_OP: &str = "smtp_message";

fn run_smtp_case(case: &Value) -> Result<(), String> {
    let secrets = secrets(&case["client"]);
    let built = Client::from_json(case["client"].clone())
        .and_then(|client| client.smtp_message_json(case["params"].clone()));
    match (built, case["expect"].get("result")) {
        (Ok(mail), Some(result)) => {
            if let Some(s) = shows_secret(&format!("{mail:?}"), &secrets) {
                return Err(format!("Debug of the e-mail shows a secret ({s})"));
            }
            let got = smsc_core::view::to_view(&mail).to_json();
            if &got == result {
                Ok(())
            } else {
                Err(format!("result\n  got:  {got}\n  want: {result}"))
            }
        }
        (Ok(mail), None) => Err(format!("expected an error, got {mail:?}")),
        (Err(e), None) => check_error(&e, &case["expect"]["error"], &secrets),
        (Err(e), Some(_)) => Err(format!("expected a result, got error: {e}")),
    }
}

/// The pseudo-operation of the cases that read a notification instead of an answer.
const CALLBACK_OP: &str = "parse_callback";

/// A notification case: `callback` (`options`, and `body` or `body_base64`) and `expect`.
fn check_callback_schema(case: &Value, map: &Map<String, Value>) -> Result<(), String> {
    only_keys(
        map,
        &["name", "source", "note", "op", "callback", "expect"],
        "a callback case",
    )?;
    let callback = object(&case["callback"], "callback")?;
    only_keys(callback, &["options", "body", "body_base64"], "callback")?;
    let bodies = ["body", "body_base64"]
        .iter()
        .filter(|k| callback.get(**k).is_some_and(Value::is_string))
        .count();
    if bodies != 1 {
        return Err("`callback` needs one of `body` and `body_base64`".into());
    }
    let expect = object(&case["expect"], "expect")?;
    only_keys(expect, &["result", "error"], "expect")?;
    if expect.len() != 1 {
        return Err("`expect` needs exactly one of `result` and `error`".into());
    }
    Ok(())
}

fn body_of(holder: &Value) -> Result<Vec<u8>, String> {
    match holder.get("body_base64").and_then(Value::as_str) {
        Some(b64) => base64_decode(b64),
        None => Ok(holder["body"]
            .as_str()
            .unwrap_or_default()
            .as_bytes()
            .to_vec()),
    }
}

fn run_callback_case(case: &Value) -> Result<(), String> {
    let callback = &case["callback"];
    let secrets: Vec<String> = callback["options"]["secret"]
        .as_str()
        .filter(|s| s.len() >= 4)
        .map(str::to_string)
        .into_iter()
        .collect();
    let body = body_of(callback)?;
    match (
        parse_callback_json(
            &body,
            callback.get("options").cloned().unwrap_or(Value::Null),
        ),
        case["expect"].get("result"),
    ) {
        (Ok(event), Some(result)) => {
            let got = smsc_core::view::to_view(&event).to_json();
            if &got == result {
                Ok(())
            } else {
                Err(format!("result\n  got:  {got}\n  want: {result}"))
            }
        }
        (Ok(event), None) => Err(format!("expected an error, got {event:?}")),
        (Err(e), None) => check_error(&e, &case["expect"]["error"], &secrets),
        (Err(e), Some(_)) => Err(format!("expected a result, got error: {e}")),
    }
}

/// Compares an error with `expect.error`: every key must match, and a key left out means the
/// error has no such value.
fn check_error(err: &Error, expected: &Value, secrets: &[String]) -> Result<(), String> {
    let shown = format!("{err}\n{err:?}");
    if let Some(s) = shows_secret(&shown, secrets) {
        return Err(format!("the error shows a secret ({s}): {shown}"));
    }
    let kind = err.kind().as_str();
    if expected["kind"] != kind {
        return Err(format!(
            "expected error kind {}, got {kind}: {err}",
            expected["kind"]
        ));
    }
    let want_code = expected.get("code").map(|c| c.as_i64().ok_or("bad `code`"));
    let want_code = want_code.transpose()?;
    if want_code != err.code() {
        return Err(format!(
            "expected code {want_code:?}, got {:?}: {err}",
            err.code()
        ));
    }
    let text = |key: &str| -> Result<Option<&str>, String> {
        expected
            .get(key)
            .map(|v| v.as_str().ok_or(format!("bad `{key}`")))
            .transpose()
    };
    let reason = err.reason().map(|r| r.as_str());
    if text("reason")? != reason {
        return Err(format!(
            "expected reason {:?}, got {reason:?}: {err}",
            text("reason")?
        ));
    }
    if text("field")? != err.field() {
        return Err(format!(
            "expected field {:?}, got {:?}: {err}",
            text("field")?,
            err.field()
        ));
    }
    if let Some(part) = text("message")? {
        if !err.to_string().contains(part) {
            return Err(format!("the message does not say {part:?}: {err}"));
        }
    }
    if text("id")? != err.message_id() {
        return Err(format!(
            "expected message id {:?}, got {:?}: {err}",
            text("id")?,
            err.message_id()
        ));
    }
    Ok(())
}

fn run_case(case: &Value) -> Result<(), String> {
    if case["op"] == CALLBACK_OP {
        return run_callback_case(case);
    }
    if case["op"] == SMTP_OP {
        return run_smtp_case(case);
    }
    let secrets = secrets(&case["client"]);
    let expect = &case["expect"];
    let client = Client::from_json(case["client"].clone());
    if let Ok(client) = &client {
        if let Some(s) = shows_secret(&format!("{client:?}"), &secrets) {
            return Err(format!("Debug of the client shows a secret ({s})"));
        }
    }
    let prepared = client.and_then(|client| {
        client.prepare_json(
            case["op"].as_str().unwrap_or_default(),
            case["params"].clone(),
        )
    });
    let request = match (prepared, case.get("request")) {
        (Err(e), None) => return check_error(&e, &expect["error"], &secrets),
        (Err(e), Some(_)) => return Err(format!("preparing failed: {e}")),
        (Ok(r), None) => return Err(format!("expected the call to be refused, got {r:?}")),
        (Ok(r), Some(_)) => r,
    };
    let want = &case["request"];
    if want["method"] != request.method.as_str() {
        return Err(format!("method {:?} != {}", request.method, want["method"]));
    }
    if want["url"] != request.url.as_str() {
        return Err(format!(
            "url\n  got:  {}\n  want: {}",
            request.url, want["url"]
        ));
    }
    let headers: Map<String, Value> = request
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
        .collect();
    if headers.len() != request.headers.len() {
        return Err(format!("a header is repeated: {:?}", request.headers));
    }
    if want["headers"] != Value::Object(headers.clone()) {
        return Err(format!("headers {headers:?} != {}", want["headers"]));
    }
    if want["body"] != request.body.clone().map_or(Value::Null, Value::from) {
        return Err(format!(
            "body\n  got:  {:?}\n  want: {}",
            request.body, want["body"]
        ));
    }
    if let Some(s) = shows_secret(&format!("{request:?}"), &secrets) {
        return Err(format!("Debug of the request shows a secret ({s})"));
    }
    let response = &case["response"];
    let body = body_of(response)?;
    let status = u16::try_from(response["status"].as_u64().unwrap_or_default())
        .map_err(|_| "`response.status` is not an HTTP status".to_string())?;
    match (request.parse(status, &body), expect.get("result")) {
        (Ok(out), Some(result)) => {
            let got = out.to_view().to_json();
            if &got != result {
                return Err(format!("result\n  got:  {got}\n  want: {result}"));
            }
            // The text the wasm frontend hands to JSON.parse reads as the same result.
            let text = smsc_core::json_text::to_json_text(&out, 0).map_err(|e| e.to_string())?;
            match serde_json::from_str::<Value>(&text) {
                Ok(read) if &read == result => Ok(()),
                _ => Err(format!(
                    "result as JSON text\n  got:  {text}\n  want: {result}"
                )),
            }
        }
        (Ok(out), None) => Err(format!(
            "expected an error, got {}",
            out.to_view().to_json()
        )),
        (Err(e), None) => {
            check_error(&e, &expect["error"], &secrets)?;
            check_advice(&request, &e, &case["advice"])
        }
        (Err(e), Some(_)) => Err(format!("expected a result, got error: {e}")),
    }
}

/// A case's `advice`: for each `attempt`, the fields the retry advice must have.
fn check_advice(request: &smsc_core::Request, err: &Error, want: &Value) -> Result<(), String> {
    let Some(entries) = want.as_array() else {
        return if want.is_null() {
            Ok(())
        } else {
            Err("`advice` is not a list".into())
        };
    };
    for entry in entries {
        let attempt = entry["attempt"]
            .as_u64()
            .and_then(|a| u32::try_from(a).ok())
            .ok_or("an `advice` entry needs its `attempt`")?;
        let got = serde_json::to_value(request.advice(err, attempt)).map_err(|e| e.to_string())?;
        for (key, value) in object(entry, "advice entry")? {
            if key != "attempt" && &got[key.as_str()] != value {
                return Err(format!(
                    "advice at attempt {attempt}: {key} is {}, want {value}",
                    got[key.as_str()]
                ));
            }
        }
    }
    Ok(())
}

fn check_file(file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("unreadable: {e}"))?;
    let case: Value = serde_json::from_str(&text).map_err(|e| format!("not valid JSON: {e}"))?;
    let folder = file
        .parent()
        .and_then(Path::file_name)
        .and_then(|f| f.to_str())
        .unwrap_or_default();
    check_schema(&case, folder)?;
    match catch_unwind(AssertUnwindSafe(|| run_case(&case))) {
        Ok(outcome) => outcome,
        Err(panic) => Err(format!(
            "panicked: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)")
        )),
    }
}

#[test]
fn every_fixture_case_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    case_files(&root, &mut files);
    let failures: Vec<String> = files
        .iter()
        .filter_map(|file| {
            check_file(file).err().map(|why| {
                format!(
                    "{}: {why}",
                    file.strip_prefix(&root).unwrap_or(file).display()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixture cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    assert!(
        files.len() >= MIN_CASES,
        "only {} fixture cases in {} (at least {MIN_CASES} expected)",
        files.len(),
        root.display()
    );
}

#[test]
fn base64_reader_matches_the_standard() {
    assert_eq!(base64_decode("").unwrap(), b"");
    assert_eq!(base64_decode("Zg==").unwrap(), b"f");
    assert_eq!(base64_decode("Zm8=").unwrap(), b"fo");
    assert_eq!(base64_decode("Zm9v").unwrap(), b"foo");
    assert_eq!(base64_decode("Zm9vYmFy\n").unwrap(), b"foobar");
    assert_eq!(base64_decode("//7/").unwrap(), [0xff, 0xfe, 0xff]);
    assert_eq!(base64_decode("+/+/").unwrap(), [0xfb, 0xff, 0xbf]);
    assert!(base64_decode("Zm9").is_err());
    assert!(base64_decode("Zg==Zm9v").is_err());
    assert!(base64_decode("Zm9*").is_err());
}
