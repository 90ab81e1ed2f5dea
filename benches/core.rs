//! Per-call cost of the core: building requests and reading answers, including large answers
//! (a status of 1000 messages) to show the work grows linearly.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use smsc_core::{Client, Format};

fn client() -> Client {
    Client::new("demo", "demo-password").expect("valid client")
}

fn prepare(c: &mut Criterion) {
    let client = client();
    c.bench_function("prepare send_sms (json params)", |b| {
        b.iter(|| {
            client
                .prepare_json(
                    "send_sms",
                    serde_json::json!({"phones": "79991234567", "message": "Hello", "cost": 3}),
                )
                .expect("valid call")
        })
    });
}

fn parse(c: &mut Criterion) {
    let client = client();
    let send = client
        .prepare_json(
            "send_sms",
            serde_json::json!({"phones": "79991234567", "message": "Hi"}),
        )
        .expect("valid call");
    let body = br#"{"id": 1234, "cnt": 1, "cost": "2.50", "balance": "997.50"}"#;
    c.bench_function("parse send answer (json)", |b| {
        b.iter(|| send.parse(200, black_box(body)).expect("valid answer"))
    });
    let balance_text = client
        .clone()
        .with_format(Format::Text)
        .prepare_json("balance", serde_json::json!({"currency": true}))
        .expect("valid call");
    c.bench_function("parse balance answer (fmt=0)", |b| {
        b.iter(|| {
            balance_text
                .parse(200, black_box(b"250.80, 100.00, RUB"))
                .expect("valid")
        })
    });
}

fn large_status(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse status of n messages (json)");
    for n in [10usize, 100, 1000] {
        let messages: Vec<serde_json::Value> = (1..=n)
            .map(|i| serde_json::json!({"id": i, "phone": format!("7999{i:07}")}))
            .collect();
        let request = client()
            .prepare_json("status", serde_json::json!({ "messages": messages }))
            .expect("valid call");
        let answer: Vec<serde_json::Value> = (1..=n)
            .map(|i| {
                serde_json::json!({"id": i, "phone": format!("7999{i:07}"), "status": 1,
                    "last_date": "28.12.2019 19:20:22", "last_timestamp": 1577550022, "flag": 0, "err": 0})
            })
            .collect();
        let body = serde_json::to_vec(&answer).expect("json");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &body, |b, body| {
            b.iter(|| request.parse(200, black_box(body)).expect("valid answer"))
        });
    }
    group.finish();
}

/// A history page of `n` messages, shaped like `tests/fixtures/history/json_page.json`.
fn history_page(n: usize) -> Vec<u8> {
    let page: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "status": 1, "last_date": "13.03.2026 15:50:50", "last_timestamp": 1773406250 + i,
                "err": 0, "send_date": "13.03.2026 15:50:46", "send_timestamp": 1773406246 + i,
                "phone": format!("7999{i:07}"), "cost": "2.50", "sender_id": "SMSC.RU",
                "status_name": "Delivered",
                "message": format!("Hello, world: your code is {i:06}. Thank you for using our service!"),
                "type": 0, "country": "Russia", "operator": "Beeline", "region": "Moscow",
                "id": format!("order-{i}"), "int_id": 5000 + i, "sms_cnt": 1, "format": 0,
                "crc": "1a2b3c", "mccmnc": "25099"
            })
        })
        .collect();
    serde_json::to_vec(&page).expect("json")
}

/// The typed history reader next to `serde_json::from_slice::<Value>` of the same bytes (the
/// reference: a generic JSON tree, no meaning), up to about 10 MB.
fn large_history(c: &mut Criterion) {
    let request = client()
        .history(smsc_core::ops::history::HistoryParams {
            cnt: Some(1000),
            ..Default::default()
        })
        .expect("valid call");
    let mut group = c.benchmark_group("history page");
    group.sample_size(10);
    for n in [2500usize, 5000, 10000, 20000] {
        let body = history_page(n);
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::new("smsc-core", n), &body, |b, body| {
            b.iter(|| request.parse(200, black_box(body)).expect("valid answer"))
        });
        group.bench_with_input(BenchmarkId::new("serde_json Value", n), &body, |b, body| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(body)).expect("json"))
        });
    }
    group.finish();
}

criterion_group!(benches, prepare, parse, large_status, large_history);
criterion_main!(benches);
