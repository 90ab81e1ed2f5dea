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

criterion_group!(benches, prepare, parse, large_status);
criterion_main!(benches);
