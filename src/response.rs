//! The shared first step of reading any SMSC answer: HTTP status, encoding, the error envelope,
//! and the split between JSON and text answers.
//!
//! The error envelope is the same for every script
//! (<https://smscentre.com/api/http/status_messages/status_answer>,
//! <https://smscentre.com/api/http/balance/balance_answer>):
//! `ERROR = N (description)` with fmt=0, `0,-N` with fmt=1 and
//! `{"error": "description", "error_code": N}` with fmt=3; send errors may add the message id
//! (`ERROR = N (description), ID - <id>`, `<id>,-N`, `"id": <id>`, per
//! <https://smscentre.com/api/http/send/sms/sms_answer/>).
//!
//! Every envelope is recognised whatever `fmt` the request asked for: a proxy or an older
//! integration may have asked for another format, and recognising an error is never wrong.

use serde_json::Value;

use crate::error::{Error, Reason, Result};

/// A decoded, non-error answer body.
#[derive(Debug)]
pub enum Answer<'a> {
    /// A JSON document (fmt=3), or an XML one (fmt=2) read into the same shape with every
    /// value as text.
    Json(Value),
    /// A text answer (fmt=0 or fmt=1), trimmed.
    Text(&'a str),
}

/// How long a body excerpt in an error may be, in characters.
const SNIPPET_CHARS: usize = 120;

/// A successful answer with nothing in it (whitespace or a byte-order mark at most).
pub(crate) fn is_blank(status: u16, body: &[u8]) -> bool {
    (200..300).contains(&status)
        && std::str::from_utf8(body)
            .is_ok_and(|t| t.trim_start_matches('\u{feff}').trim().is_empty())
}

/// Reads an answer down to JSON or text, turning every kind of failure into its typed error.
/// `reason` gives the meaning of an SMSC error code for the script that answered.
pub(crate) fn decode(status: u16, body: &[u8], reason: fn(i64) -> Reason) -> Result<Answer<'_>> {
    if !(200..300).contains(&status) {
        return Err(Error::Http {
            status,
            snippet: snippet(&String::from_utf8_lossy(body)),
        });
    }
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::parse(format!(
            "the body is not UTF-8 (invalid byte at offset {}); the request asks for charset=utf-8, so something between the client and SMSC changed it",
            e.valid_up_to()
        ))
    })?;
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(Error::parse("the body is empty"));
    }
    match text.as_bytes().first() {
        Some(b'{') | Some(b'[') => {
            let value: Value = serde_json::from_str(text).map_err(|e| {
                if e.to_string().starts_with("recursion limit exceeded") {
                    Error::parse(format!(
                        "JSON nested deeper than {} levels, which no SMSC answer is: {}",
                        crate::ops::MAX_JSON_DEPTH,
                        snippet(text)
                    ))
                } else {
                    Error::parse(format!(
                        "malformed or truncated JSON ({e}): {}",
                        snippet(text)
                    ))
                }
            })?;
            if let Some(err) = json_error(&value, reason) {
                return Err(err);
            }
            Ok(Answer::Json(value))
        }
        Some(b'<') if looks_like_html(text) => Err(Error::parse(format!(
            "an HTML page, not an SMSC answer: {}",
            snippet(text)
        ))),
        Some(b'<') => {
            let value = crate::xml::to_json(text)?;
            if let Some(err) = json_error(&value, reason) {
                return Err(err);
            }
            Ok(Answer::Json(value))
        }
        _ => {
            if let Some(err) = text_error(text, reason) {
                return Err(err);
            }
            Ok(Answer::Text(text))
        }
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<html")
        || head.contains("<!doctype")
        || head.contains("<body")
        || head.contains("<head")
}

/// The start of a body, for error messages.
pub(crate) fn snippet(text: &str) -> String {
    let mut s: String = text.chars().take(SNIPPET_CHARS).collect();
    if text.chars().nth(SNIPPET_CHARS).is_some() {
        s.push('…');
    }
    s
}

/// The error object of a JSON answer: `{"error": "...", "error_code": N[, "id": ...]}`.
fn json_error(value: &Value, reason: fn(i64) -> Reason) -> Option<Error> {
    let obj = value.as_object()?;
    let code_value = obj.get("error_code");
    if code_value.is_none() && !obj.contains_key("error") {
        return None;
    }
    let code = code_value.and_then(json_int).unwrap_or(0);
    let message = obj
        .get("error")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_default();
    let id = obj.get("id").and_then(json_scalar_text);
    Some(api_error(code, message, id, reason))
}

/// An integer given as a JSON number or as a string of digits (servers do both).
pub(crate) fn json_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A string or number as text (ids are numbers for SMSC, strings when the client chose them).
pub(crate) fn json_scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

fn api_error(code: i64, message: String, id: Option<String>, reason: fn(i64) -> Reason) -> Error {
    let reason = reason(code);
    let message = if message.trim().is_empty() {
        default_message(reason).to_string()
    } else {
        message
    };
    Error::Api {
        code,
        reason,
        message,
        id: id.filter(|i| i != "0"),
    }
}

/// The error of a text answer: `ERROR = N (description)[, ID - id]` or `<id>,-N`.
fn text_error(text: &str, reason: fn(i64) -> Reason) -> Option<Error> {
    if let Some(rest) = text.strip_prefix("ERROR") {
        let rest = rest.trim_start().strip_prefix('=')?.trim_start();
        let digits_end = rest
            .find(|c: char| !c.is_ascii_digit() && c != '-')
            .unwrap_or(rest.len());
        let code: i64 = rest.get(..digits_end)?.parse().ok()?;
        let tail = rest.get(digits_end..).unwrap_or("").trim_start();
        let (message, after) = match tail.strip_prefix('(') {
            // The description ends where the id begins, else at the last `)`: a recorded line
            // (`ERROR = 8 (can't to deliver), ID - 639)`) carries one `)` too many.
            Some(inner) => match inner.find("), ID -").or_else(|| inner.rfind(')')) {
                Some(close) => (
                    inner.get(..close).unwrap_or("").to_string(),
                    inner.get(close + 1..).unwrap_or(""),
                ),
                None => (inner.to_string(), ""),
            },
            None => (String::new(), tail),
        };
        let id = after
            .split_once("ID -")
            .map(|(_, id)| id.trim().trim_end_matches(')').trim().to_string())
            .filter(|s| !s.is_empty());
        return Some(api_error(code, message, id, reason));
    }
    // fmt=1: a single line of exactly two fields whose second is a negative number.
    if text.contains('\n') {
        return None;
    }
    let (first, second) = text.split_once(',')?;
    if second.contains(',') {
        return None;
    }
    let code: i64 = second.trim().parse().ok()?;
    if code >= 0 {
        return None;
    }
    let id = Some(first.trim().to_string()).filter(|s| !s.is_empty());
    Some(api_error(-code, String::new(), id, reason))
}

/// The documented wording of a reason, for answers (fmt=1) that carry no description.
fn default_message(reason: Reason) -> &'static str {
    match reason {
        Reason::Parameters => "error in parameters",
        Reason::Auth => {
            "invalid login or password, or a request from an IP address not on the allowed list"
        }
        Reason::InsufficientFunds => "not enough money on the account",
        Reason::IpBlocked => {
            "the IP address is temporarily blocked because of frequent errors in requests"
        }
        Reason::InvalidDate => "invalid date format",
        Reason::DeleteFailed => "error deleting the message",
        Reason::SaveFailed => "error saving a record",
        Reason::Forbidden => "the message is forbidden (by its text or sender name)",
        Reason::InvalidPhone => "invalid phone number format",
        Reason::Undeliverable => "the message cannot be delivered to this number",
        Reason::RateLimited => "too many requests; wait a minute before repeating the request",
        Reason::Unknown => "an error code the documentation does not describe",
        Reason::NotFound => {
            "not found (no such record or sender name, no operator for the number, no such short link)"
        }
        Reason::OperationFailed => "operation execution error",
        Reason::SubclientNotFound => "the sub-client with the specified login does not exist",
        Reason::SharedBalance => {
            "the sub-client shares the main account's balance, or balance2=1 is missing"
        }
        Reason::CodeAlreadySent => {
            "the code has already been sent to this number; a new one can be sent after 8 hours"
        }
        Reason::InvalidCode => "invalid confirmation code",
    }
}

/// The reasons every script shares (codes 1, 2, 4, 9).
pub(crate) fn common_reason(code: i64) -> Reason {
    match code {
        1 => Reason::Parameters,
        2 => Reason::Auth,
        4 => Reason::IpBlocked,
        9 => Reason::RateLimited,
        _ => Reason::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(status: u16, body: &str) -> Error {
        decode(status, body.as_bytes(), common_reason).unwrap_err()
    }

    #[test]
    fn every_envelope_is_an_api_error() {
        for body in [
            "ERROR = 2 (authorise error)",
            "0,-2",
            r#"{"error": "authorise error", "error_code": 2}"#,
        ] {
            let e = err(200, body);
            assert_eq!(e.code(), Some(2), "{body}");
            assert_eq!(e.reason(), Some(Reason::Auth), "{body}");
        }
    }

    #[test]
    fn ids_attached_to_errors_are_kept() {
        assert_eq!(
            err(200, "ERROR = 7 (invalid phone), ID - 55").message_id(),
            Some("55")
        );
        assert_eq!(err(200, "55,-7").message_id(), Some("55"));
        assert_eq!(err(200, "0,-7").message_id(), None);
    }

    #[test]
    fn non_answers_are_typed() {
        assert!(matches!(
            err(502, "Bad gateway"),
            Error::Http { status: 502, .. }
        ));
        assert!(matches!(err(200, ""), Error::Parse { .. }));
        assert!(matches!(
            err(200, "<html><body>hi</body></html>"),
            Error::Parse { .. }
        ));
        assert!(matches!(err(200, "{\"balance\": \"1"), Error::Parse { .. }));
        assert!(matches!(
            decode(200, b"\xff\xfe", common_reason).unwrap_err(),
            Error::Parse { .. }
        ));
    }

    #[test]
    fn plain_values_are_not_errors() {
        for body in [
            "250.80",
            "-5.00",
            "1,1286524541",
            "1234,1",
            "1,1286524541,0",
        ] {
            assert!(
                decode(200, body.as_bytes(), common_reason).is_ok(),
                "{body}"
            );
        }
    }
}
