//! The WebAssembly frontend (`js/pkg`), wrapped by the npm package in `js/`.
//!
//! Thin by design: JS values become JSON data for [`Client::from_json`] and
//! [`Client::prepare_json`], results come back through [`View`] as plain JS objects (money as
//! decimal strings), and errors are thrown as `Error` objects carrying `kind`, `code`, `reason`,
//! `field` and `messageId`, which `js/src/index.js` turns into its error classes. The core is
//! panic-free by lint; should a panic happen anyway, the wasm build (panic = abort) traps and the
//! JS wrapper reports it as `InternalError`.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::{Client, Error, Request, View};

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

/// JS data to JSON data; anything that is not plain data is an invalid argument.
fn from_js(value: JsValue, field: &str) -> Result<serde_json::Value, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        to_js_error(&Error::Invalid {
            field: field.into(),
            message: format!("not plain data (strings, numbers, booleans, arrays, objects): {e}"),
        })
    })
}

/// A result tree as plain JS objects; money stays exact as a string.
fn to_js(view: &View) -> JsValue {
    match view {
        View::Null => JsValue::NULL,
        View::Bool(b) => JsValue::from_bool(*b),
        View::Int(i) => JsValue::from_f64(*i as f64),
        View::Float(f) => JsValue::from_f64(*f),
        View::Str(s) | View::Money(s) => JsValue::from_str(s),
        View::List(items) => items.iter().map(to_js).collect::<Array>().into(),
        View::Map(entries) => {
            let obj: JsValue = Object::new().into();
            for (k, v) in entries {
                set(&obj, k, &to_js(v));
            }
            obj
        }
    }
}

/// A configured client.
#[wasm_bindgen(js_name = Client)]
pub struct WasmClient {
    inner: Client,
}

#[wasm_bindgen(js_class = Client)]
impl WasmClient {
    /// `new Client({login, password} | {apiKey}, host?, baseUrl?, method?, format?)`.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<WasmClient, JsValue> {
        let json = from_js(config, "config")?;
        Client::from_json(json)
            .map(|inner| WasmClient { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// Checks a call and builds its request.
    pub fn prepare(&self, op: &str, params: JsValue) -> Result<WasmRequest, JsValue> {
        let json = from_js(params, "params")?;
        self.inner
            .prepare_json(op, json)
            .map(|inner| WasmRequest { inner })
            .map_err(|e| to_js_error(&e))
    }

    /// The base address requests go to.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_string()
    }
}

/// A prepared request.
#[wasm_bindgen(js_name = Request)]
pub struct WasmRequest {
    inner: Request,
}

#[wasm_bindgen(js_class = Request)]
impl WasmRequest {
    /// `"POST"` or `"GET"`.
    #[wasm_bindgen(getter)]
    pub fn method(&self) -> String {
        self.inner.method.as_str().to_string()
    }

    /// The full URL.
    #[wasm_bindgen(getter)]
    pub fn url(&self) -> String {
        self.inner.url.clone()
    }

    /// Headers as a plain object.
    #[wasm_bindgen(getter)]
    pub fn headers(&self) -> JsValue {
        let obj: JsValue = Object::new().into();
        for (k, v) in &self.inner.headers {
            set(&obj, k, &JsValue::from_str(v));
        }
        obj
    }

    /// The form body, or `undefined` with GET.
    #[wasm_bindgen(getter)]
    pub fn body(&self) -> Option<String> {
        self.inner.body.clone()
    }

    /// The operation name.
    #[wasm_bindgen(getter)]
    pub fn operation(&self) -> String {
        self.inner.operation().to_string()
    }

    /// The request with credentials replaced by `***`.
    #[wasm_bindgen(getter)]
    pub fn redacted(&self) -> String {
        let body = self
            .inner
            .redacted_body()
            .map(|b| format!(" {b}"))
            .unwrap_or_default();
        format!(
            "{} {}{body}",
            self.inner.method.as_str(),
            self.inner.redacted_url()
        )
    }

    /// Interprets the answer: the HTTP status and the body as a string or `Uint8Array`.
    pub fn parse(&self, status: JsValue, body: JsValue) -> Result<JsValue, JsValue> {
        let status = status
            .as_f64()
            .filter(|s| s.fract() == 0.0 && (0.0..=65535.0).contains(s))
            .ok_or_else(|| {
                to_js_error(&Error::invalid(
                    "status",
                    "the HTTP status must be an integer from 0 to 65535",
                ))
            })? as u16;
        let bytes = if let Some(text) = body.as_string() {
            text.into_bytes()
        } else if body.is_instance_of::<Uint8Array>() {
            Uint8Array::from(body).to_vec()
        } else if body.is_instance_of::<js_sys::ArrayBuffer>() {
            Uint8Array::new(&body).to_vec()
        } else {
            return Err(to_js_error(&Error::invalid(
                "body",
                "the body must be a string, Uint8Array or ArrayBuffer",
            )));
        };
        self.inner
            .parse(status, &bytes)
            .map(|out| to_js(&out.to_view()))
            .map_err(|e| to_js_error(&e))
    }
}

/// The names of every operation.
#[wasm_bindgen]
pub fn operations() -> Array {
    crate::OPERATIONS
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect()
}
