//! Shared pieces of the record-keeping scripts (mailing lists, message templates, operator
//! templates, monitoring events): the id of a stored record, and tolerant readers for the answers
//! whose layout the documentation does not show.
//!
//! The answer pages (<https://smscentre.com/api/http/jobs/jobs_answer>,
//! <https://smscentre.com/api/http/send/templates>,
//! <https://smscentre.com/api/http/send/operators_templates>) show how a record is created and
//! confirmed, but the copies that could be read stop before the layout of a listed record. A
//! listed record is therefore kept whole: every field as the server wrote it, as text, with `id`
//! and `name` lifted out when present. The readers accept a JSON array or an object holding one
//! (`{"job": […]}`, which is what an XML list of `<job>` elements becomes), `key = value` lines
//! (fmt=0) and comma lines (fmt=1, whose values have no names and are kept in order).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::text::{json_money, money_field, not_an_object};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::response::{json_scalar_text, snippet, Answer};

/// The id of a stored record (a mailing list, a template, a task group): a positive whole
/// number, given as a number or as a string of digits.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum RecordId {
    /// `17`.
    Number(u64),
    /// `"17"`.
    Text(String),
}

impl RecordId {
    /// The id as sent, checked.
    pub fn checked(&self, field: &str, what: &str) -> Result<String> {
        let text = match self {
            RecordId::Number(n) => n.to_string(),
            RecordId::Text(s) => s.trim().to_string(),
        };
        let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        match text.parse::<u64>() {
            Ok(n) if digits && n > 0 => Ok(n.to_string()),
            _ => Err(Error::invalid(
                field,
                format!(
                    "{text:?} is not the id of {what}: use the positive whole number the server gave when it was created"
                ),
            )),
        }
    }
}

/// The id a request must name: present and checked.
pub(crate) fn required_id(id: &Option<RecordId>, field: &str, what: &str) -> Result<String> {
    id.as_ref()
        .ok_or_else(|| {
            Error::invalid(
                field,
                format!("give the id of {what} (the number the server gave when it was created)"),
            )
        })?
        .checked(field, what)
}

/// Checks a required one-line text field (a name, a sender, a host).
pub(crate) fn one_line(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "is empty"));
    }
    if value.contains(['\n', '\r', '\0']) {
        return Err(Error::invalid(
            field,
            "must be one line, without line breaks or NUL characters",
        ));
    }
    Ok(())
}

/// A record as the server listed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Record {
    /// Its id, when the answer names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name, when the answer names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Every named field as the server wrote it, as text (nested values as JSON text).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// The values of a comma-separated line (fmt=1), which carry no names, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

impl Record {
    fn from_fields(fields: BTreeMap<String, String>) -> Record {
        let find = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };
        Record {
            id: find("id"),
            name: find("name"),
            fields,
            values: Vec::new(),
        }
    }
}

/// Reads a list of records (see the module documentation for the accepted layouts).
pub(crate) fn parse_records(answer: Answer<'_>, what: &str) -> Result<Vec<Record>> {
    match answer {
        Answer::Json(v) => records_from_json(&v, what),
        Answer::Text(text) => Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(record_from_line)
            .collect()),
    }
}

/// Reads the answer about one record.
pub(crate) fn parse_record(answer: Answer<'_>, what: &str) -> Result<Record> {
    let shown = answer_text(&answer);
    let mut records = parse_records(answer, what)?;
    if records.len() > 1 {
        return Err(Error::parse(format!(
            "expected one {what}, found {}: {}",
            records.len(),
            snippet(&shown)
        )));
    }
    records
        .pop()
        .ok_or_else(|| Error::parse(format!("no {what} in the answer: {}", snippet(&shown))))
}

/// Checks an answer that confirms an action: `OK` (fmt=0 and 1), `<result>OK</result>` (fmt=2)
/// or any JSON object that is not an error (fmt=3, whose form the pages do not show).
pub(crate) fn confirmed(answer: Answer<'_>, what: &str) -> Result<()> {
    let ok = match &answer {
        Answer::Json(v) => v.is_object(),
        Answer::Text(text) => text.trim().eq_ignore_ascii_case("ok"),
    };
    if ok {
        Ok(())
    } else {
        Err(Error::parse(format!(
            "not a confirmation of {what}: {}",
            snippet(&answer_text(&answer))
        )))
    }
}

/// What a creation answer reports: the new record's id and, when asked for, the cost.
#[derive(Debug, Default)]
pub(crate) struct Created {
    pub id: Option<String>,
    pub cost: Option<Money>,
}

/// Reads a creation answer as <https://smscentre.com/api/http/jobs/jobs_answer> shows it:
/// `OK, ID - <id>[, COST - <cost>]` (fmt=0; `phones.php` writes `ID = <id>`, read the same way,
/// <https://smscentre.com/api/http/contact/contact_answer>), `<id>[,<cost>]` (fmt=1),
/// `<result><id>…</id>[<cost>…</cost>]</result>` (fmt=2) and `{"id": …[, "cost": "…"]}` (fmt=3).
/// A bare `OK` or an object without an id reads as a creation without an id; the caller decides
/// whether that is acceptable.
pub(crate) fn parse_created(answer: Answer<'_>, what: &str) -> Result<Created> {
    match answer {
        Answer::Json(v) => {
            if !v.is_object() {
                return Err(not_an_object(what, &v));
            }
            Ok(Created {
                id: v.get("id").and_then(json_scalar_text),
                cost: json_money(&v, "cost")?,
            })
        }
        Answer::Text(text) if text.trim().eq_ignore_ascii_case("ok") => Ok(Created::default()),
        Answer::Text(text) if text.contains(" - ") || text.contains(" = ") => {
            let mut created = Created::default();
            for part in text.split(',') {
                let Some((label, value)) =
                    part.split_once(" - ").or_else(|| part.split_once(" = "))
                else {
                    continue;
                };
                let value = value.trim();
                match label.trim().to_ascii_uppercase().as_str() {
                    "ID" => created.id = Some(value.to_string()).filter(|v| !v.is_empty()),
                    "COST" => created.cost = Some(money_field("the cost", value)?),
                    _ => {}
                }
            }
            Ok(created)
        }
        Answer::Text(text) => {
            let fields: Vec<&str> = text.split(',').map(str::trim).collect();
            let id_ok = |id: &str| !id.is_empty() && !id.contains(char::is_whitespace);
            match fields.as_slice() {
                [id] if id_ok(id) => Ok(Created {
                    id: Some(id.to_string()),
                    cost: None,
                }),
                [id, cost] if id_ok(id) => Ok(Created {
                    id: Some(id.to_string()),
                    cost: Some(money_field("the cost", cost)?),
                }),
                _ => Err(Error::parse(format!(
                    "{what} of an unexpected shape: {}",
                    snippet(text)
                ))),
            }
        }
    }
}

fn answer_text(answer: &Answer<'_>) -> String {
    match answer {
        Answer::Json(v) => v.to_string(),
        Answer::Text(t) => t.to_string(),
    }
}

fn records_from_json(v: &Value, what: &str) -> Result<Vec<Record>> {
    match v {
        Value::Array(items) => items.iter().map(|i| record_from_json(i, what)).collect(),
        Value::Object(obj) => {
            let mut entries = obj.iter();
            match (entries.next(), entries.next()) {
                (None, _) => Ok(Vec::new()),
                // `{"job": [...]}`: a list under one name, as XML lists read.
                (Some((_, Value::Array(items))), None) => {
                    items.iter().map(|i| record_from_json(i, what)).collect()
                }
                // `{"job": {...}}`: a one-element XML list.
                (Some((_, inner @ Value::Object(_))), None) => {
                    Ok(vec![record_from_json(inner, what)?])
                }
                // `<result></result>`: an empty XML list.
                (Some((_, Value::Null)), None) => Ok(Vec::new()),
                (Some((_, Value::String(s))), None) if s.trim().is_empty() => Ok(Vec::new()),
                _ => Ok(vec![record_from_object(obj)]),
            }
        }
        other => Err(not_an_object(what, other)),
    }
}

fn record_from_json(v: &Value, what: &str) -> Result<Record> {
    match v {
        Value::Object(obj) => Ok(record_from_object(obj)),
        other => Err(not_an_object(what, other)),
    }
}

fn record_from_object(obj: &Map<String, Value>) -> Record {
    let fields = obj
        .iter()
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                Value::Number(_) | Value::Bool(_) => v.to_string(),
                nested => nested.to_string(),
            };
            (k.clone(), text)
        })
        .collect();
    Record::from_fields(fields)
}

/// One text line: `key = value, key = value` (fmt=0) or comma-separated values (fmt=1).
fn record_from_line(line: &str) -> Record {
    let pairs = key_values(line);
    if pairs.is_empty() {
        return Record {
            values: line.split(',').map(|v| v.trim().to_string()).collect(),
            ..Record::default()
        };
    }
    Record::from_fields(pairs.into_iter().collect())
}

/// Splits `key = value, key = value` where values may themselves hold `", "`: a field starts
/// only where a word is followed by ` = ` and preceded by the line start or `", "`.
fn key_values(line: &str) -> Vec<(String, String)> {
    const SEP: &str = " = ";
    // A last field with an empty value loses its space when the answer is trimmed.
    let padded;
    let line = if line.ends_with(" =") {
        padded = format!("{line} ");
        padded.as_str()
    } else {
        line
    };
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    // (start of the key, start of the value) of every field.
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(pos) = line.get(from..).and_then(|rest| rest.find(SEP)) {
        let at = from + pos;
        let before = line.get(..at).unwrap_or("");
        let key_len: usize = before
            .chars()
            .rev()
            .take_while(|c| is_word(*c))
            .map(char::len_utf8)
            .sum();
        let key_start = at - key_len;
        let head = line.get(..key_start).unwrap_or("");
        if key_len > 0 && (head.is_empty() || head.ends_with(", ")) {
            starts.push((key_start, at + SEP.len()));
        }
        from = at + SEP.len();
    }
    if starts.first().is_none_or(|(k, _)| *k != 0) {
        return Vec::new();
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, (key_start, value_start))| {
            let key_end = value_start - SEP.len();
            let value_end = starts
                .get(i + 1)
                .map_or(line.len(), |(next_key, _)| next_key - 2);
            (
                line.get(*key_start..key_end).unwrap_or("").to_string(),
                line.get(*value_start..value_end)
                    .unwrap_or("")
                    .trim()
                    .to_string(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_value_lines_keep_commas_inside_values() {
        let empty_last = record_from_line("id = 5, comment =");
        assert_eq!(
            empty_last.fields.get("comment").map(String::as_str),
            Some("")
        );
        let r = record_from_line("id = 5, name = Sale, spring, status = 0");
        assert_eq!(r.id.as_deref(), Some("5"));
        assert_eq!(r.name.as_deref(), Some("Sale, spring"));
        assert_eq!(r.fields.get("status").map(String::as_str), Some("0"));
        assert!(r.values.is_empty());
        let csv = record_from_line("5,Sale,0");
        assert_eq!(csv.values, ["5", "Sale", "0"]);
        assert_eq!(csv.id, None);
    }

    #[test]
    fn json_lists_in_every_wrapping() {
        let list = |v: Value| records_from_json(&v, "a record").unwrap();
        assert_eq!(list(serde_json::json!([{"id": 1}, {"id": 2}])).len(), 2);
        assert_eq!(
            list(serde_json::json!({"job": [{"id": "1"}, {"id": "2"}]})).len(),
            2
        );
        assert_eq!(
            list(serde_json::json!({"job": {"id": "1"}}))[0]
                .id
                .as_deref(),
            Some("1")
        );
        assert!(list(serde_json::json!({"result": ""})).is_empty());
        assert_eq!(
            list(serde_json::json!({"id": 3, "name": "x"}))[0]
                .id
                .as_deref(),
            Some("3")
        );
        assert!(records_from_json(&serde_json::json!([1]), "a record").is_err());
    }

    #[test]
    fn creations_labelled_with_dash_or_equals() {
        for text in ["OK, ID - 12", "ID = 12"] {
            let created = parse_created(Answer::Text(text), "a record").unwrap();
            assert_eq!(created.id.as_deref(), Some("12"), "{text}");
        }
    }

    #[test]
    fn record_ids() {
        assert_eq!(
            RecordId::Text(" 017 ".into()).checked("id", "x").unwrap(),
            "17"
        );
        assert!(RecordId::Number(0).checked("id", "x").is_err());
        assert!(RecordId::Text("12a".into()).checked("id", "x").is_err());
        assert!(RecordId::Text("".into()).checked("id", "x").is_err());
    }
}
