//! Runs every case of the shared fixture corpus (`tests/fixtures/`) against the Rust core.
//! The Python, JavaScript and C suites run the same files.

use std::path::{Path, PathBuf};

use serde_json::Value;
use smsc_core::{Client, Error};

/// The corpus must not silently shrink.
const MIN_CASES: usize = 40;

fn case_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder readable")
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

/// Standard base64, for bodies that are not UTF-8.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("bad base64 character {c}"),
        }
    };
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let mut out = Vec::new();
    for chunk in clean.chunks(4) {
        let data: Vec<u8> = chunk.iter().copied().filter(|&b| b != b'=').collect();
        let mut acc = 0u32;
        for (i, &c) in data.iter().enumerate() {
            acc |= value(c) << (18 - 6 * i);
        }
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..data.len()]);
    }
    out
}

/// The secrets a case's client holds, which must never leak into errors or debug output.
fn secrets(client: &Value) -> Vec<String> {
    ["password", "api_key"]
        .iter()
        .filter_map(|k| client.get(k).and_then(Value::as_str))
        .filter(|s| s.len() >= 4)
        .map(str::to_string)
        .collect()
}

fn check_error(err: &Error, expected: &Value, secrets: &[String]) -> Result<(), String> {
    let text = format!("{err} {err:?}");
    if let Some(s) = secrets.iter().find(|s| text.contains(s.as_str())) {
        return Err(format!("error text shows a secret ({s}): {text}"));
    }
    let kind = err.kind().as_str();
    if expected["kind"] != kind {
        return Err(format!(
            "expected error kind {}, got {kind}: {err}",
            expected["kind"]
        ));
    }
    if let Some(code) = expected.get("code") {
        if Some(code.as_i64().unwrap_or(-1)) != err.code() {
            return Err(format!("expected code {code}, got {:?}: {err}", err.code()));
        }
    }
    if let Some(reason) = expected.get("reason") {
        if err.reason().map(|r| r.as_str()) != reason.as_str() {
            return Err(format!("expected reason {reason}, got {:?}", err.reason()));
        }
    }
    if let Some(field) = expected.get("field") {
        if err.field() != field.as_str() {
            return Err(format!(
                "expected field {field}, got {:?}: {err}",
                err.field()
            ));
        }
    }
    let id = expected.get("id").and_then(Value::as_str);
    if id != err.message_id() {
        return Err(format!(
            "expected message id {id:?}, got {:?}",
            err.message_id()
        ));
    }
    Ok(())
}

fn run_case(case: &Value) -> Result<(), String> {
    let secrets = secrets(&case["client"]);
    let expect = &case["expect"];
    let prepared = Client::from_json(case["client"].clone()).and_then(|client| {
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
        return Err(format!("url {} != {}", request.url, want["url"]));
    }
    let headers: serde_json::Map<String, Value> = request
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
        .collect();
    if want["headers"] != Value::Object(headers.clone()) {
        return Err(format!("headers {headers:?} != {}", want["headers"]));
    }
    if want["body"] != request.body.clone().map_or(Value::Null, Value::from) {
        return Err(format!("body {:?} != {}", request.body, want["body"]));
    }
    let debug = format!("{request:?}");
    if let Some(s) = secrets.iter().find(|s| debug.contains(s.as_str())) {
        return Err(format!("Debug of the request shows a secret ({s})"));
    }
    let response = &case["response"];
    let body = match response.get("body_base64").and_then(Value::as_str) {
        Some(b64) => base64_decode(b64),
        None => response["body"]
            .as_str()
            .unwrap_or_default()
            .as_bytes()
            .to_vec(),
    };
    let status = response["status"].as_u64().unwrap_or(0) as u16;
    match (request.parse(status, &body), expect.get("result")) {
        (Ok(out), Some(result)) => {
            let got = out.to_view().to_json();
            if &got == result {
                Ok(())
            } else {
                Err(format!("result\n  got:  {got}\n  want: {result}"))
            }
        }
        (Ok(out), None) => Err(format!(
            "expected an error, got {:?}",
            out.to_view().to_json()
        )),
        (Err(e), None) => check_error(&e, &expect["error"], &secrets),
        (Err(e), Some(_)) => Err(format!("expected a result, got error: {e}")),
    }
}

#[test]
fn every_fixture_case_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    case_files(&root, &mut files);
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("fixture readable");
        let case: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", file.display()));
        if let Err(why) = run_case(&case) {
            failures.push(format!(
                "{}: {why}",
                file.strip_prefix(&root).unwrap_or(file).display()
            ));
        }
    }
    assert!(
        files.len() >= MIN_CASES,
        "only {} fixture cases found in {}",
        files.len(),
        root.display()
    );
    assert!(
        failures.is_empty(),
        "{} of {} fixture cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
