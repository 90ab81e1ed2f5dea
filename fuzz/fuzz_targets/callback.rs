//! The notifications SMSC posts to a handler: any body, with or without a secret to check and
//! with each declared charset and content type, gives a notification or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Some((&settings, body)) = data.split_first() else {
        return;
    };
    let mut options = serde_json::Map::new();
    if settings & 1 != 0 {
        options.insert("secret".into(), json!("fuzz-secret"));
    }
    match (settings >> 1) & 3 {
        1 => {
            options.insert("charset".into(), json!("windows-1251"));
        }
        2 => {
            options.insert("charset".into(), json!("koi8-r"));
        }
        3 => {
            options.insert("charset".into(), json!("utf-8"));
        }
        _ => {}
    }
    match (settings >> 3) & 3 {
        1 => {
            options.insert("content_type".into(), json!("application/json"));
        }
        2 => {
            options.insert("content_type".into(), json!("text/xml"));
        }
        3 => {
            options.insert(
                "content_type".into(),
                json!("application/x-www-form-urlencoded"),
            );
        }
        _ => {}
    }
    if let Ok(event) = smsc_core::parse_callback_json(body, serde_json::Value::Object(options)) {
        let _ = smsc_core::view::to_view(&event).to_json().to_string();
    }
});
