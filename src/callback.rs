//! Reading the notifications SMSC posts to the client's handler address: delivery statuses,
//! incoming messages and call confirmations, with their checksum verified.
//!
//! Page: <https://smscentre.com/api/http/miscellaneous/callback/> ("Transmitting statuses and
//! messages to the Client handler"). What it says: parameters arrive by POST, in windows-1251
//! unless the handler address asks `charset=utf-8` or `koi8-r`, as a form unless it asks `fmt=2`
//! (XML) or `fmt=3` (JSON); an `md5`, `sha1` or `crc32` parameter in the handler address makes
//! SMSC add a checksum. The page's text is cut before the checksum formula and the full field
//! list; the formulas used here (`id:phone:status:secret` for statuses, `phone:mes:to:secret`
//! for incoming messages, `phone:ts:secret` for call confirmations) are those of a production
//! integration quoted in the project's API notes, so a mismatch is reported as a typed error the
//! caller can act on rather than a silent pass. Unknown fields are kept in `fields`.

use crate::maps::map_of;
use crate::ops::fields::params;
use std::collections::BTreeMap;

use md5::Digest;
use serde::Serialize;
use serde_json::Value;

use crate::charset::Charset;
use crate::codes;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::ops::status::HlrData;
use crate::response::snippet;

params! {
    /// How to read and check a notification.
    #[derive(Debug, Clone, Default)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct CallbackOptions {
        /// The secret given as `md5=…`, `sha1=…` or `crc32=…` in the handler address. When set, a
        /// notification without a matching checksum is refused.
        pub secret: Option<String>,
        /// The `charset` of the handler address; without it, UTF-8 is used when the body is valid
        /// UTF-8 and windows-1251 (SMSC's default) otherwise.
        pub charset: Option<String>,
        /// The `Content-Type` of the notification, when known.
        pub content_type: Option<String> [alias = "contentType"],
    }
}

/// A notification from SMSC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Callback {
    /// A message's delivery status changed.
    Status(Box<StatusCallback>),
    /// A message arrived for the client.
    Incoming(IncomingCallback),
    /// A subscriber confirmed their number by calling.
    CallConfirmation(CallConfirmationCallback),
}

/// A delivery status notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusCallback {
    /// The message id.
    pub id: String,
    /// The recipient.
    pub phone: String,
    /// Status code.
    pub status: i64,
    /// The documented meaning of `status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<&'static str>,
    /// Whether the status is settled.
    pub is_final: bool,
    /// Error code within the status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub err: Option<i64>,
    /// The documented meaning of `err`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub err_text: Option<&'static str>,
    /// When the status changed, Unix time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ts: Option<i64>,
    /// Message type (0 SMS, 1 flash, … 8 e-mail).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub message_type: Option<i64>,
    /// Flag bits, as in a status answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<i64>,
    /// What the message cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    /// SMS parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_count: Option<i64>,
    /// HLR result, for an HLR query.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hlr: Option<HlrData>,
    /// Whether a checksum was verified against the secret.
    pub verified: bool,
    /// Every field as received, decoded.
    pub fields: BTreeMap<String, String>,
}

/// An incoming message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IncomingCallback {
    /// Who sent it.
    pub phone: String,
    /// The text (`mes`).
    pub message: String,
    /// The number it was sent to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Whether a checksum was verified against the secret.
    pub verified: bool,
    /// Every field as received, decoded.
    pub fields: BTreeMap<String, String>,
}

/// A number confirmed by an incoming call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallConfirmationCallback {
    /// The number that called.
    pub phone: String,
    /// When, Unix time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ts: Option<i64>,
    /// Whether a checksum was verified against the secret.
    pub verified: bool,
    /// Every field as received, decoded.
    pub fields: BTreeMap<String, String>,
}

/// The checksum fields SMSC may add, by algorithm.
const CHECKSUMS: [&str; 3] = ["md5", "sha1", "crc32"];

/// Reads a notification body (form, JSON or XML) and, given a secret, verifies its checksum.
pub fn parse_callback(body: &[u8], options: &CallbackOptions) -> Result<Callback> {
    let charset = match options.charset.as_deref() {
        Some(name) => Some(Charset::from_name(name).ok_or_else(|| {
            Error::invalid(
                "charset",
                format!("{name:?} is not a charset SMSC uses; use utf-8, windows-1251 or koi8-r"),
            )
        })?),
        None => None,
    };
    let fields = read_fields(body, options.content_type.as_deref(), charset)?;
    let text = |k: &str| {
        fields
            .get(k)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let int = |k: &str| -> Result<Option<i64>> {
        text(k)
            .map(|v| {
                v.parse::<i64>().map_err(|_| {
                    Error::parse(format!("callback field `{k}` is not a whole number: {v:?}"))
                })
            })
            .transpose()
    };
    let required =
        |k: &str| text(k).ok_or_else(|| Error::parse(format!("the callback has no `{k}` field")));
    let decoded: BTreeMap<String, String> = map_of(
        fields
            .iter()
            .filter(|(k, _)| !CHECKSUMS.contains(&k.as_str()))
            .map(|(k, (_, v))| (k.clone(), v.clone())),
    );

    let signed_parts: Vec<&str>;
    let event = if fields.contains_key("waitcall") {
        signed_parts = vec!["phone", "ts"];
        Callback::CallConfirmation(CallConfirmationCallback {
            phone: required("phone")?,
            ts: int("ts")?,
            verified: false,
            fields: decoded,
        })
    } else if fields.contains_key("mes") {
        signed_parts = vec!["phone", "mes", "to"];
        Callback::Incoming(IncomingCallback {
            phone: required("phone")?,
            message: fields
                .get("mes")
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            to: text("to"),
            id: text("id"),
            verified: false,
            fields: decoded,
        })
    } else if fields.contains_key("status") {
        signed_parts = vec!["id", "phone", "status"];
        let status = int("status")?.unwrap_or_default();
        let err = int("err")?;
        let hlr = HlrData {
            imsi: text("imsi"),
            msc: text("msc"),
            mcc: text("mcc"),
            mnc: text("mnc"),
            cn: text("cn"),
            net: text("net"),
            rcn: text("rcn"),
            rnet: text("rnet"),
        };
        Callback::Status(Box::new(StatusCallback {
            id: required("id")?,
            phone: required("phone")?,
            status,
            status_text: codes::status_text(status),
            is_final: codes::status_is_final(status),
            err,
            err_text: err.and_then(codes::error_text),
            ts: int("ts")?,
            message_type: int("type")?,
            flag: int("flag")?,
            cost: text("cost")
                .map(|c| {
                    Money::parse(&c).ok_or_else(|| {
                        Error::parse(format!("callback `cost` is not an amount: {c:?}"))
                    })
                })
                .transpose()?,
            sms_count: int("cnt")?,
            hlr: (hlr != HlrData::default()).then_some(hlr),
            verified: false,
            fields: decoded,
        }))
    } else {
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        return Err(Error::parse(format!(
            "not an SMSC notification: no `status`, `mes` or `waitcall` field (fields: {})",
            snippet(&names.join(", "))
        )));
    };

    let Some(secret) = options.secret.as_deref() else {
        return Ok(event);
    };
    let (algorithm, given) = CHECKSUMS
        .iter()
        .find_map(|a| fields.get(*a).map(|(_, v)| (*a, v.trim().to_ascii_lowercase())))
        .ok_or_else(|| Error::Signature {
            message: "the notification carries no md5, sha1 or crc32 checksum; add md5=<secret> to the handler address in the account settings, or leave the secret out".into(),
        })?;
    let mut signed: Vec<u8> = Vec::new();
    for part in &signed_parts {
        signed.extend_from_slice(fields.get(*part).map_or(&[][..], |(raw, _)| raw.as_slice()));
        signed.push(b':');
    }
    signed.extend_from_slice(secret.as_bytes());
    if !checksum_matches(algorithm, &signed, &given) {
        return Err(Error::Signature {
            message: format!(
                "the {algorithm} checksum does not match: the notification was not signed with this secret (or was altered)"
            ),
        });
    }
    Ok(match event {
        Callback::Status(mut s) => {
            s.verified = true;
            Callback::Status(s)
        }
        Callback::Incoming(m) => Callback::Incoming(IncomingCallback {
            verified: true,
            ..m
        }),
        Callback::CallConfirmation(c) => Callback::CallConfirmation(CallConfirmationCallback {
            verified: true,
            ..c
        }),
    })
}

/// [`parse_callback`] with the options as JSON data (`null` for none): the entry the
/// frontends use.
pub fn parse_callback_json(body: &[u8], options: Value) -> Result<Callback> {
    let options: CallbackOptions = if options.is_null() {
        CallbackOptions::default()
    } else {
        crate::ops::from_json_value(options, "options")?
    };
    parse_callback(body, &options)
}

/// [`parse_callback`] with the options as JSON text (`null` for none), read in place as
/// [`crate::Call::from_json_text`] reads a call's.
pub fn parse_callback_json_text(body: &[u8], options: &str) -> Result<Callback> {
    let options: CallbackOptions = if crate::ops::is_null_text(options) {
        CallbackOptions::default()
    } else {
        crate::ops::from_json_text_value(options, "options")?
    };
    parse_callback(body, &options)
}

/// CRC-32 (IEEE, as PHP's `crc32()`), bit by bit: notifications are short, and a table would
/// cost the wasm module more than the time it saves.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn checksum_matches(algorithm: &str, data: &[u8], given: &str) -> bool {
    match algorithm {
        "md5" => hex(&md5::Md5::digest(data)) == given,
        "sha1" => hex(&sha1::Sha1::digest(data)) == given,
        _ => {
            // crc32 may come as PHP's decimal crc32() or as hex; both are accepted.
            let crc = crc32(data);
            given == crc.to_string() || given == format!("{crc:08x}") || given == format!("{crc:x}")
        }
    }
}

/// The fields of a notification: name → (raw bytes for the checksum, decoded text).
type Fields = BTreeMap<String, (Vec<u8>, String)>;

fn read_fields(
    body: &[u8],
    content_type: Option<&str>,
    charset: Option<Charset>,
) -> Result<Fields> {
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    let trimmed = body.trim_ascii();
    let structured = match trimmed.first() {
        _ if ct.contains("json") => Some(true),
        _ if ct.contains("xml") => Some(false),
        Some(b'{') => Some(true),
        Some(b'<') => Some(false),
        _ => None,
    };
    let Some(is_json) = structured else {
        return Ok(read_form(trimmed, charset));
    };
    let text = decode(trimmed, charset);
    let value = if is_json {
        serde_json::from_str(&text)
            .map_err(|e| Error::parse(format!("a JSON notification that cannot be read ({e})")))?
    } else {
        crate::xml::to_json(&text)?
    };
    let Value::Object(map) = value else {
        return Err(Error::parse("a JSON notification that is not an object"));
    };
    Ok(map_of(map.into_iter().map(|(k, v)| {
        let s = match v {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        };
        (k, (s.as_bytes().to_vec(), s))
    })))
}

/// A form body, percent-decoded to bytes first so that the checksum sees what SMSC hashed.
fn read_form(body: &[u8], charset: Option<Charset>) -> Fields {
    map_of(
        body.split(|&b| b == b'&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let mut it = pair.splitn(2, |&b| b == b'=');
                let key = percent_decode(it.next().unwrap_or_default());
                let raw = percent_decode(it.next().unwrap_or_default());
                let text = decode(&raw, charset);
                (decode(&key, charset), (raw, text))
            }),
    )
}

fn decode(bytes: &[u8], charset: Option<Charset>) -> String {
    let charset = charset.unwrap_or(if std::str::from_utf8(bytes).is_ok() {
        Charset::Utf8
    } else {
        Charset::Windows1251
    });
    charset.decode(bytes)
}

fn percent_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while let Some(&b) = input.get(i) {
        let hex_pair = input
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex_pair) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn a_signed_status_verifies_and_a_forged_one_does_not() {
        let sum = hex(&md5::Md5::digest(b"123:79991234567:1:s3cret"));
        let body = format!("id=123&phone=79991234567&status=1&err=0&ts=1286524541&md5={sum}");
        let options = CallbackOptions {
            secret: Some("s3cret".into()),
            ..CallbackOptions::default()
        };
        let Callback::Status(s) = parse_callback(body.as_bytes(), &options).unwrap() else {
            panic!("not a status")
        };
        assert!(s.verified && s.status == 1 && s.is_final);
        let forged = body.replace("status=1", "status=20");
        assert!(matches!(
            parse_callback(forged.as_bytes(), &options),
            Err(Error::Signature { .. })
        ));
    }

    #[test]
    fn windows_1251_text_is_decoded_and_hashed_as_sent() {
        // "Привет" in windows-1251, percent-encoded as SMSC sends it by default.
        let mes = "%CF%F0%E8%E2%E5%F2";
        let mut signed = b"79991234567:".to_vec();
        signed.extend_from_slice(&[0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]);
        signed.extend_from_slice(b":79990000001:k");
        let sum = hex(&sha1::Sha1::digest(&signed));
        let body = format!("phone=79991234567&mes={mes}&to=79990000001&sha1={sum}");
        let options = CallbackOptions {
            secret: Some("k".into()),
            ..CallbackOptions::default()
        };
        let Callback::Incoming(m) = parse_callback(body.as_bytes(), &options).unwrap() else {
            panic!("not an incoming message")
        };
        assert_eq!(m.message, "Привет");
        assert!(m.verified);
    }
}
