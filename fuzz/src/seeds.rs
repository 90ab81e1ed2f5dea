//! Writes seed inputs for the fuzz targets from the fixture corpus (`tests/fixtures`), so fuzzing
//! starts from real answers of every operation and format instead of from nothing.
//!
//! `cargo run --bin seeds -- <fixtures dir> <corpus dir>` writes `<corpus>/answer/…`,
//! `<corpus>/callback/…` and `<corpus>/capi/…`.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use smsc_core::{Format, Method};
use smsc_core_fuzz::AnswerInput;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(fixtures), Some(corpus)) = (args.next(), args.next()) else {
        eprintln!("usage: seeds <fixtures dir> <corpus dir>");
        std::process::exit(2);
    };
    let corpus = PathBuf::from(corpus);
    for target in ["answer", "callback", "capi"] {
        fs::create_dir_all(corpus.join(target))
            .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()));
    }
    let mut written = 0;
    for file in files(Path::new(&fixtures)) {
        let Ok(text) = fs::read_to_string(&file) else {
            continue;
        };
        let Ok(case) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let name = file
            .with_extension("")
            .to_string_lossy()
            .replace(['/', '\\'], "_");
        for (target, input) in seeds(&case) {
            let path = corpus.join(target).join(&name);
            fs::write(&path, input).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            written += 1;
        }
    }
    println!("seeds: {written} inputs written to {}", corpus.display());
}

/// Every `.json` file under `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The response body of a case, decoded from `body_base64` when it has one.
fn body(response: &Value) -> Option<Vec<u8>> {
    if let Some(b64) = response.get("body_base64").and_then(Value::as_str) {
        return Some(base64(b64));
    }
    response
        .get("body")
        .and_then(Value::as_str)
        .map(|s| s.as_bytes().to_vec())
}

fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let Some(v) = ALPHABET.iter().position(|&a| a == c) else {
            continue;
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn seeds(case: &Value) -> Vec<(&'static str, Vec<u8>)> {
    let op = case["op"].as_str().unwrap_or_default();
    let client = &case["client"];
    let mut out = Vec::new();
    if op == "parse_callback" {
        let cb = &case["callback"];
        let mut input = vec![
            if cb.get("options").and_then(|o| o.get("secret")).is_some() {
                1
            } else {
                0
            },
        ];
        input.extend(body(cb).unwrap_or_default());
        out.push(("callback", input));
        return out;
    }
    let format: Format = serde_json::from_value(client["format"].clone()).unwrap_or_default();
    let method = if client["method"] == "GET" {
        Method::Get
    } else {
        Method::Post
    };
    let params = if case["params"].is_null() {
        "{}".to_string()
    } else {
        case["params"].to_string()
    };
    let status = case["response"]["status"]
        .as_u64()
        .and_then(|s| u16::try_from(s).ok())
        .unwrap_or(200);
    let answer = body(&case["response"]).unwrap_or_default();
    if let Some(input) = AnswerInput::write(op, format, method, status, &params, &answer) {
        out.push(("answer", input));
    }
    let mut capi = client.to_string().into_bytes();
    for piece in [op.as_bytes(), params.as_bytes(), b"balance"] {
        capi.push(0xff);
        capi.extend(piece);
    }
    capi.push(0xff);
    capi.extend(&answer);
    out.push(("capi", capi));
    out
}
