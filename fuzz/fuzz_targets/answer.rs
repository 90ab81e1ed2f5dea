//! Request building and answer interpretation for every operation: arbitrary parameters and an
//! arbitrary body in any of the four formats must give a result or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smsc_core::Client;
use smsc_core_fuzz::AnswerInput;

fuzz_target!(|data: &[u8]| {
    let Some(input) = AnswerInput::read(data) else {
        return;
    };
    let Ok(client) = Client::new("fuzz", "fuzz-password") else {
        return;
    };
    let client = client.with_format(input.format).with_method(input.method);
    let Ok(text) = std::str::from_utf8(input.params) else {
        return;
    };
    let Ok(params) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    let Ok(request) = client.prepare_json(input.op, params) else {
        return;
    };
    if let Ok(output) = request.parse(input.status, input.body) {
        // What every frontend does with a result.
        let _ = output.to_view().to_json().to_string();
    }
});
