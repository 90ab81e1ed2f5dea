//! Properties over generated input: building a request and reading an answer never panic,
//! whatever the parameters and the body; and every answer the emulator gives to a generated
//! request is read as a result or as a documented SMSC error, never as unreadable.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
mod common;

use common::call;
use smsc_core::{Client, Format, Method, OPERATIONS};

/// JSON values of every kind, nested a few levels, with keys drawn from real parameter names
/// so that generated objects often reach the checks past "unknown parameter".
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("phones".to_string()),
        Just("message".to_string()),
        Just("id".to_string()),
        Just("time".to_string()),
        Just("sender".to_string()),
        Just("all".to_string()),
        Just("currency".to_string()),
        Just("name".to_string()),
        Just("start".to_string()),
        Just("end".to_string()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,40}".prop_map(Value::from),
        "[0-9+, ;G]{0,30}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![
        Just(Format::Json),
        Just(Format::Text),
        Just(Format::Csv),
        Just(Format::Xml)
    ]
}

fn client(format: Format, get: bool) -> Client {
    Client::new("demo", "demo-password")
        .expect("valid credentials")
        .with_format(format)
        .with_method(if get { Method::Get } else { Method::Post })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any parameters for any operation give a request or a typed `invalid` error.
    #[test]
    fn building_never_panics(op in 0..OPERATIONS.len(), params in json_value(), fmt in format(), get in any::<bool>()) {
        match client(fmt, get).prepare_json(OPERATIONS[op], params) {
            Ok(request) => prop_assert!(!request.url.is_empty()),
            Err(e) => prop_assert_eq!(e.kind().as_str(), "invalid", "{}", e),
        }
    }

    /// Parameters given as JSON text are read in place as they are once parsed into data: the
    /// same request, or the same error about the same field. (The text is data written out,
    /// so its keys come in the order the data reader takes them; it is parsed back rather
    /// than the data used as it was, because serde_json's reading of a float may differ from
    /// the written one in the last digit.)
    #[test]
    fn text_and_data_are_read_alike(op in 0..OPERATIONS.len(), params in json_value(), fmt in format()) {
        let client = client(fmt, false);
        let text = params.to_string();
        let data: Value = serde_json::from_str(&text).expect("written JSON reads back");
        match (client.prepare_json(OPERATIONS[op], data), client.prepare_json_text(OPERATIONS[op], &text)) {
            (Ok(data), Ok(text)) => {
                prop_assert_eq!(data.url, text.url);
                prop_assert_eq!(data.body, text.body);
            }
            (Err(data), Err(text)) => {
                prop_assert_eq!(data.field(), text.field());
                prop_assert_eq!(data.to_string(), text.to_string());
            }
            (data, text) => prop_assert!(
                false,
                "data: {:?}; text: {:?}",
                data.map(|r| r.url).map_err(|e| e.to_string()),
                text.map(|r| r.url).map_err(|e| e.to_string())
            ),
        }
    }

    /// Any status and body, for requests built from valid parameters, give a result or a typed
    /// error (never `invalid` or `internal`: the call itself was valid).
    #[test]
    fn reading_never_panics(
        case in 0..valid_calls().len(),
        fmt in format(),
        status in prop_oneof![Just(200u16), any::<u16>()],
        body in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..400),
            ".{0,200}".prop_map(String::into_bytes),
            "(OK|ERROR|<\\?xml|\\{|<result>|-?[0-9]{1,4},)[ -~]{0,80}".prop_map(String::into_bytes),
        ],
    ) {
        let (op, params) = &valid_calls()[case];
        let request = client(fmt, false).prepare_json(op, params.clone()).expect("valid call");
        if let Err(e) = request.parse(status, &body) {
            let kind = e.kind().as_str();
            prop_assert!(kind != "invalid" && kind != "internal", "{}: {}", op, e);
        }
    }
}

/// One valid call per operation, taken from the fixture corpus (the first case of each
/// operation that builds a request), so every parser is reached.
fn valid_calls() -> &'static [(String, Value)] {
    static CALLS: std::sync::OnceLock<Vec<(String, Value)>> = std::sync::OnceLock::new();
    CALLS.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out = Vec::new();
        for op in OPERATIONS {
            let Ok(entries) = std::fs::read_dir(root.join(op)) else {
                continue;
            };
            let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            files.sort();
            let found = files.iter().find_map(|f| {
                let case: Value = serde_json::from_str(&std::fs::read_to_string(f).ok()?).ok()?;
                case.get("request")?;
                let params = case["params"].clone();
                client(Format::Json, false)
                    .prepare_json(op, params.clone())
                    .ok()?;
                Some(params)
            });
            if let Some(params) = found {
                out.push((op.to_string(), params));
            }
        }
        assert!(
            out.len() + 2 >= OPERATIONS.len(),
            "fixtures lack valid calls: {}",
            out.len()
        );
        out
    })
}

// ---- the emulator ----------------------------------------------------------------------------

fn emulator() -> &'static (String, ureq::Agent) {
    static EMULATOR: std::sync::OnceLock<(String, ureq::Agent)> = std::sync::OnceLock::new();
    EMULATOR.get_or_init(|| (common::emulator(), common::agent()))
}

/// Generated sends, costs and status queries: texts of any length and alphabet, valid and
/// invalid numbers, every format and both methods.
fn emulator_call() -> impl Strategy<Value = (&'static str, Value)> {
    let phone = prop_oneof!["7999[0-9]{7}", "\\+3750[0-9]{8}", "[0-9]{1,6}"];
    let phones = prop::collection::vec(phone, 1..4).prop_map(|p| p.join(","));
    let text = prop_oneof!["[ -~]{1,400}", "[а-яА-Я ]{1,300}", ".{1,100}"];
    prop_oneof![
        (phones.clone(), text.clone(), any::<bool>()).prop_map(|(p, m, t)| (
            "send_sms",
            json!({"phones": p, "message": m, "translit": t})
        )),
        (phones, text).prop_map(|(p, m)| ("cost", json!({"phones": p, "message": m}))),
        (1u32..50, "7999[0-9]{7}").prop_map(|(id, p)| ("status", json!({"id": id, "phone": p}))),
        Just(("balance", json!({}))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever is asked, the emulator's answer is read as a result or an SMSC error code.
    #[test]
    fn emulator_answers_are_always_readable(
        (op, params) in emulator_call(),
        fmt in format(),
        get in any::<bool>(),
    ) {
        let (base, agent) = emulator();
        let client = client(fmt, get).with_base_url(base).expect("local address");
        let Ok(request) = client.prepare_json(op, params) else {
            return Ok(());
        };
        match call(agent, &request) {
            Ok(_) => {}
            Err(e) => prop_assert_eq!(e.kind().as_str(), "api", "{} {}: {}", op, request.redacted(), e),
        }
    }
}

/// Every operation, with the parameters of its fixture case, in every format and method: the
/// emulator's answer is read as a result or an SMSC error code, never as unreadable.
#[test]
fn every_operation_reads_the_emulators_answer_in_every_format() {
    let (base, agent) = emulator();
    let mut unreadable = Vec::new();
    for (op, params) in valid_calls() {
        for fmt in [Format::Json, Format::Text, Format::Csv, Format::Xml] {
            for get in [false, true] {
                let client = client(fmt, get).with_base_url(base).expect("local address");
                let request = client.prepare_json(op, params.clone()).expect("valid call");
                if let Err(e) = call(agent, &request) {
                    if e.kind().as_str() != "api" {
                        unreadable.push(format!("{op} {fmt:?} get={get}: {e}"));
                    }
                }
            }
        }
    }
    assert!(unreadable.is_empty(), "{}", unreadable.join("\n"));
}

/// Texts that exercise the part maths: GSM-7 letters, extension characters (two septets each),
/// Cyrillic, emoji (surrogate pairs), CJK and the backtick (outside GSM-7), in runs of any mix.
fn sms_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9 .,!?]{1,40}",
        "[{}\\[\\]~\\\\|\\^€]{1,10}",
        "[а-яА-Я ]{1,30}",
        "[😀🚀👍🏽]{1,5}",
        "[漢字]{1,5}",
        "[ÄÖÑÜßàé@£$¥§¿¡]{1,10}",
        Just("`".to_string()),
    ];
    prop::collection::vec(piece, 1..25).prop_map(|pieces| {
        let text: String = pieces.concat();
        let text: String = text.chars().take(1000).collect();
        if text.trim().is_empty() {
            "x".to_string()
        } else {
            text
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The parts the library predicts are the parts the emulator bills, and a text never takes
    /// fewer parts than its units need.
    #[test]
    fn predicted_parts_are_the_parts_billed(text in sms_text()) {
        let predicted = smsc_core::segments(&text);
        let (units, size) = (predicted.units, predicted.part_size);
        // A part loses at most one unit to a pair it cannot split.
        prop_assert!(units.div_ceil(size).max(1) <= predicted.parts, "{:?}", predicted);
        prop_assert!(predicted.parts <= units.div_ceil(size - 1).max(1), "{:?}", predicted);
        prop_assert!(predicted.remaining < size || predicted.units == 0, "{:?}", predicted);
        let (base, agent) = emulator();
        let client = client(Format::Json, false).with_base_url(base).expect("local address");
        let request = client
            .prepare_json("cost", json!({"phones": "79991234567", "message": text}))
            .expect("a valid price request");
        let Ok(smsc_core::Output::Cost(cost)) = call(agent, &request) else {
            return Err(TestCaseError::fail("the emulator did not price the text"));
        };
        prop_assert_eq!(cost.sms_count, predicted.parts as i64, "{:?}", text);
    }
}
