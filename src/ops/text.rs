//! Small readers for the text (fmt=0) and comma (fmt=1) answer formats, and for JSON fields
//! whose type the server does not keep constant.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::money::Money;
use crate::response::{json_int, snippet};

/// A money field of a JSON answer; SMSC writes amounts both as strings and as numbers.
pub(crate) fn json_money(obj: &Value, key: &str) -> Result<Option<Money>> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(v) => {
            let text = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Money::parse(&text)
                .map(Some)
                .ok_or_else(|| Error::parse(format!("`{key}` is not an amount: {text:?}")))
        }
    }
}

/// A whole-number field of a JSON answer (a number or a string of digits).
pub(crate) fn json_i64(obj: &Value, key: &str) -> Result<Option<i64>> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(v) => json_int(v)
            .map(Some)
            .ok_or_else(|| Error::parse(format!("`{key}` is not a whole number: {v}"))),
    }
}

/// A text field of a JSON answer; numbers are turned into their text.
pub(crate) fn json_text(obj: &Value, key: &str) -> Option<String> {
    scalar_text(obj.get(key)?)
}

/// A JSON string, number or boolean as text; `None` for null, arrays and objects.
pub(crate) fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Parses a whole number from an answer field.
pub(crate) fn int_field(what: &str, text: &str) -> Result<i64> {
    text.trim()
        .parse()
        .map_err(|_| Error::parse(format!("{what} is not a whole number: {:?}", snippet(text))))
}

/// Parses an amount from an answer field.
pub(crate) fn money_field(what: &str, text: &str) -> Result<Money> {
    Money::parse(text)
        .ok_or_else(|| Error::parse(format!("{what} is not an amount: {:?}", snippet(text))))
}

/// The error for a JSON answer that is not an object where one is expected.
pub(crate) fn not_an_object(what: &str, value: &Value) -> Error {
    Error::parse(format!(
        "expected a JSON object for {what}, found: {}",
        snippet(&value.to_string())
    ))
}

/// Splits a `key = value, key = value` line (fmt=0) into its values for the expected keys.
///
/// The keys come in the documented order. Values may themselves contain `", "`, so each key is
/// searched from where the previous one was found; the value of a free-text key (`message`)
/// runs to the *last* occurrence of the key that follows it.
pub(crate) fn key_values<'a>(
    line: &'a str,
    keys: &[&str],
    free_text: &[&str],
) -> Vec<(String, &'a str)> {
    // Positions of each key found: (key, start of the "key = " marker, start of value).
    let mut found: Vec<(String, usize, usize)> = Vec::new();
    let mut cursor = 0;
    let mut prev_free = false;
    for key in keys {
        let first = format!("{key} = ");
        let marker = format!(", {key} = ");
        let hit = if found.is_empty() {
            line.get(cursor..)
                .and_then(|rest| find_key_start(rest, &first))
                .map(|p| (cursor + p, cursor + p + first.len()))
        } else {
            let rest = line.get(cursor..).unwrap_or("");
            let pos = if prev_free {
                rest.rfind(&marker)
            } else {
                rest.find(&marker)
            };
            pos.map(|p| (cursor + p, cursor + p + marker.len()))
        };
        if let Some((start, value_start)) = hit {
            found.push((key.to_string(), start, value_start));
            cursor = value_start;
            prev_free = free_text.contains(key);
        }
    }
    let mut out = Vec::with_capacity(found.len());
    for (i, (key, _, value_start)) in found.iter().enumerate() {
        let end = found.get(i + 1).map_or(line.len(), |next| next.1);
        let value = line.get(*value_start..end).unwrap_or("").trim();
        out.push((key.clone(), value));
    }
    out
}

fn find_key_start(text: &str, first: &str) -> Option<usize> {
    // The first key is matched case-insensitively: the server writes "Status = ".
    let lower = text.to_ascii_lowercase();
    lower.find(&first.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_values_keep_commas_inside_free_text() {
        let line = "Status = 1, check_time = 10.10.2010 10:10:10, err = 0, message = hi, there, comment = , type = 0";
        let kv = key_values(
            line,
            &["status", "check_time", "err", "message", "comment", "type"],
            &["message"],
        );
        let get = |k: &str| kv.iter().find(|(key, _)| key == k).map(|(_, v)| *v);
        assert_eq!(get("status"), Some("1"));
        assert_eq!(get("check_time"), Some("10.10.2010 10:10:10"));
        assert_eq!(get("message"), Some("hi, there"));
        assert_eq!(get("comment"), Some(""));
        assert_eq!(get("type"), Some("0"));
    }
}
