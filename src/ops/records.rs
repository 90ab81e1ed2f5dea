//! Tolerant readers for answers that are lists of records, and the ids that name records.
//!
//! Two kinds of script answer with records whose layout the pages show only in part:
//!
//! * The record-keeping scripts (mailing lists, message templates, operator templates,
//!   monitoring events; <https://smscentre.com/api/http/jobs/jobs_answer>,
//!   <https://smscentre.com/api/http/send/templates>,
//!   <https://smscentre.com/api/http/send/operators_templates>) show how a record is created and
//!   confirmed, but the copies that could be read stop before the layout of a listed record. Such
//!   a record is kept whole as a [`Record`]: every field as the server wrote it, as text, with
//!   `id` and `name` lifted out when present; comma lines (fmt=1), whose values have no names,
//!   are kept in order.
//! * The "Getting data" scripts (`get.php`, `info.php`, `tinyurls.php`, pages under
//!   <https://smscentre.com/api/http/get_data/>) list the fields of each answer in order but do
//!   not show the text, comma and XML layouts. Each operation gives a [`Layout`], and
//!   [`layout_records`] turns every format into the JSON shape of fmt=3, a list of objects, for
//!   one reader per operation; comma lines are named by the layout's order.
//!
//! Both take the same wrappings: a JSON array, one JSON object, an object holding a list under
//! one name (`{"job": […]}`, which is what an XML list of `<job>` elements becomes) or one record
//! (`{"job": {…}}`, a one-element XML list), `{}` or an empty `<result/>` for no records, and
//! `key = value, key = value` lines (fmt=0, the layout of
//! <https://smscentre.com/api/http/status_messages/status_answer>) whose values may hold commas.
//! Numbers may come as strings, and money stays exact.

use crate::maps::{map_of, object_of};
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::shapes::{deserialize_by_shape, Shape};
use super::text::{json_money, json_text, money_field, not_an_object, scalar_text};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::response::{json_scalar_text, snippet, Answer};

/// The id of a stored record (a mailing list, a template, a task group): a positive whole
/// number, given as a number or as a string of digits.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(untagged))]
pub enum RecordId {
    /// `17`.
    Number(u64),
    /// `"17"`.
    Text(String),
}

deserialize_by_shape!(RecordId, |shape| match shape {
    Shape::Unsigned(n) => Some(RecordId::Number(n)),
    Shape::Text(text) => Some(RecordId::Text(text)),
    _ => None,
});

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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    // Anything but a one-name wrapper is a record itself, even `{"id": 3}`.
    json_items(v.clone(), |obj| !obj.is_empty() && !is_wrapper(obj), what)?
        .iter()
        .map(|item| record_from_json(item, what))
        .collect()
}

/// `{"job": […]}`, `{"job": {…}}` or `{"result": ""}`: one name around a list, a record or
/// nothing.
fn is_wrapper(obj: &Map<String, Value>) -> bool {
    obj.len() == 1
        && obj
            .values()
            .all(|v| v.is_array() || v.is_object() || is_empty(v))
}

fn record_from_json(v: &Value, what: &str) -> Result<Record> {
    match v {
        Value::Object(obj) => Ok(record_from_object(obj)),
        other => Err(not_an_object(what, other)),
    }
}

fn record_from_object(obj: &Map<String, Value>) -> Record {
    let fields = map_of(obj.iter().map(|(k, v)| {
        let text = match v {
            Value::Null => String::new(),
            // Nested values stay readable as JSON text rather than being lost.
            other => scalar_text(other).unwrap_or_else(|| other.to_string()),
        };
        (k.clone(), text)
    }));
    Record::from_fields(fields)
}

/// One text line: `key = value, key = value` (fmt=0) or comma-separated values (fmt=1).
fn record_from_line(line: &str) -> Record {
    let pairs = labelled_fields(line, None);
    if pairs.is_empty() {
        return Record {
            values: line.split(',').map(|v| v.trim().to_string()).collect(),
            ..Record::default()
        };
    }
    Record::from_fields(map_of(pairs))
}

/// Splits `key = value, key = value` where values may themselves hold `", "`: a field starts
/// only where a key is followed by ` = ` and preceded by the line start or `", "`. With `known`,
/// only those keys (in any letter case, each at its first place) start a field, so text such as
/// `", x = "` inside a message stays in it, and keys come out as `known` spells them; without it
/// any word does. Empty when the line does not start with a key, as a comma line does not.
fn labelled_fields(line: &str, known: Option<&[&str]>) -> Vec<(String, String)> {
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
    // (start of the key, start of the value, the key) of every field.
    let mut starts: Vec<(usize, usize, String)> = Vec::new();
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
        let written = line.get(key_start..at).unwrap_or("");
        let key = match known {
            None => Some(written.to_string()),
            Some(keys) => keys
                .iter()
                .find(|k| k.eq_ignore_ascii_case(written))
                .map(|k| k.to_string())
                .filter(|k| starts.iter().all(|(_, _, seen)| seen != k)),
        };
        if let Some(key) = key.filter(|_| key_len > 0 && (head.is_empty() || head.ends_with(", ")))
        {
            starts.push((key_start, at + SEP.len(), key));
        }
        from = at + SEP.len();
    }
    if starts.first().is_none_or(|(k, _, _)| *k != 0) {
        return Vec::new();
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, (_, value_start, key))| {
            let value_end = starts
                .get(i + 1)
                .map_or(line.len(), |(next_key, _, _)| next_key - 2);
            let value = line.get(*value_start..value_end).unwrap_or("").trim();
            (key.clone(), value.to_string())
        })
        .collect()
}

/// The layout of one kind of record in the text formats: its keys in the documented order, and
/// the one key whose value is free text (it may hold commas, so in the comma format it takes
/// whatever the other fields leave).
pub(crate) struct Layout {
    /// Keys in the documented order.
    pub keys: &'static [&'static str],
    /// The free-text key, if any.
    pub free_text: Option<&'static str>,
    /// Other labels a text line may write for a key: `(label, key)`.
    pub aliases: &'static [(&'static str, &'static str)],
}

/// The records of an answer as JSON objects, each format read as the module documentation
/// says. `is_record` tells a record from a wrapper around records (an XML `<result>` whose
/// children are the records); `what` names the records in errors.
pub(crate) fn layout_records(
    answer: Answer<'_>,
    layout: &Layout,
    is_record: impl Fn(&Map<String, Value>) -> bool,
    what: &str,
) -> Result<Vec<Value>> {
    match answer {
        Answer::Json(v) => json_items(v, is_record, what),
        Answer::Text(text) => Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|line| text_record(line, layout))
            .collect()),
    }
}

/// The items of a JSON (or XML-read) list in any of the wrappings the module documentation
/// names; `is_record` tells an object that is one record from a wrapper.
fn json_items(
    v: Value,
    is_record: impl Fn(&Map<String, Value>) -> bool,
    what: &str,
) -> Result<Vec<Value>> {
    match v {
        Value::Array(items) => Ok(items),
        Value::Object(obj) if is_record(&obj) => Ok(vec![Value::Object(obj)]),
        // `{}`, `<result></result>` or `<result/>`: nothing to report.
        Value::Object(obj) if obj.values().all(is_empty) => Ok(Vec::new()),
        Value::Object(obj) if obj.len() == 1 => match obj.into_iter().next() {
            Some((_, Value::Array(items))) => Ok(items),
            Some((_, one @ Value::Object(_))) => Ok(vec![one]),
            other => Err(Error::parse(format!(
                "not a list of {what}: {}",
                snippet(&other.map_or(String::new(), |(k, v)| format!("{k}: {v}")))
            ))),
        },
        other => Err(Error::parse(format!(
            "not a list of {what}: {}",
            snippet(&other.to_string())
        ))),
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// One line of a text (`key = value, …`) or comma answer as a JSON object of strings.
fn text_record(line: &str, layout: &Layout) -> Value {
    let mut pairs = if layout.aliases.is_empty() {
        labelled_fields(line, Some(layout.keys))
    } else {
        let labels: Vec<&str> = layout
            .keys
            .iter()
            .copied()
            .chain(layout.aliases.iter().map(|(label, _)| *label))
            .collect();
        let mut pairs = labelled_fields(line, Some(&labels));
        for (k, _) in &mut pairs {
            if let Some((_, key)) = layout.aliases.iter().find(|(label, _)| label == k) {
                *k = key.to_string();
            }
        }
        pairs
    };
    if pairs.is_empty() {
        pairs = positional(line, layout)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
    }
    Value::Object(object_of(
        pairs.into_iter().map(|(k, v)| (k, Value::String(v))),
    ))
}

/// `v1,v2,…` in the documented order of the keys. The free-text value takes the fields the keys
/// after it leave over, so commas inside it survive.
fn positional<'a>(line: &'a str, layout: &Layout) -> Vec<(&'static str, &'a str)> {
    let keys = layout.keys;
    let count = line.split(',').count();
    let free = layout
        .free_text
        .and_then(|f| keys.iter().position(|k| *k == f))
        .filter(|_| count > keys.len());
    let Some(at) = free else {
        return keys
            .iter()
            .copied()
            .zip(line.split(',').map(str::trim))
            .collect();
    };
    // The free text spans the fields from `at` up to where the keys after it begin.
    let spare = count - keys.len();
    let mut out = Vec::with_capacity(keys.len());
    let mut rest = line;
    for (i, &key) in keys.iter().enumerate() {
        let take = if i == at { spare + 1 } else { 1 };
        let mut end = 0;
        for _ in 0..take {
            end = match rest.get(end..).and_then(|r| r.find(',')) {
                Some(p) => end + p + 1,
                None => rest.len() + 1,
            };
        }
        let value = rest.get(..end.saturating_sub(1)).unwrap_or(rest);
        out.push((key, value.trim()));
        rest = rest.get(end..).unwrap_or("");
    }
    out
}

/// A text field of a record, absent when empty.
pub(crate) fn field_text(record: &Value, key: &str) -> Option<String> {
    json_text(record, key).filter(|s| !s.trim().is_empty())
}

/// The fields of a record whose keys are not in `known`, as text: what the pages cut off or the
/// server added later is kept rather than lost.
pub(crate) fn other_fields(
    record: &Value,
    known: &[&str],
) -> std::collections::BTreeMap<String, String> {
    record
        .as_object()
        .map(|obj| {
            map_of(
                obj.iter()
                    .filter(|(k, _)| !known.contains(&k.as_str()))
                    .filter_map(|(k, v)| Some((k.clone(), scalar_text(v)?))),
            )
        })
        .unwrap_or_default()
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

    #[test]
    fn text_lines_in_any_order_and_with_commas() {
        let layout = Layout {
            keys: &["id", "phone", "message", "sent"],
            free_text: Some("message"),
            aliases: &[],
        };
        let r = text_record(
            "phone = 79991234567, id = 5, message = hi, there, sent = 01.02.2024 10:00:00",
            &layout,
        );
        assert_eq!(r["id"], "5");
        assert_eq!(r["message"], "hi, there");
        assert_eq!(r["sent"], "01.02.2024 10:00:00");
        let r = text_record("5,79991234567,hi, there,01.02.2024 10:00:00", &layout);
        assert_eq!(r["phone"], "79991234567");
        assert_eq!(r["message"], "hi, there");
        assert_eq!(r["sent"], "01.02.2024 10:00:00");
        // Only the layout's keys start a field; any word does for records kept whole.
        let r = text_record("id = 5, message = a, b = c, Sent = 1", &layout);
        assert_eq!(r["message"], "a, b = c");
        assert_eq!(r["sent"], "1");
        let kept = record_from_line("id = 5, message = a, b = c");
        assert_eq!(kept.fields.get("b").map(String::as_str), Some("c"));
        let r = text_record("5,79991234567", &layout);
        assert_eq!(r["phone"], "79991234567");
        assert!(r.get("message").is_none());
    }

    #[test]
    fn lists_of_records() {
        let layout = Layout {
            keys: &["id"],
            free_text: None,
            aliases: &[],
        };
        let rec = |o: &Map<String, Value>| o.contains_key("id");
        let xml =
            crate::xml::to_json("<result><sms><id>1</id></sms><sms><id>2</id></sms></result>")
                .unwrap();
        assert_eq!(
            layout_records(Answer::Json(xml), &layout, rec, "x")
                .unwrap()
                .len(),
            2
        );
        let one = crate::xml::to_json("<result><sms><id>1</id></sms></result>").unwrap();
        assert_eq!(
            layout_records(Answer::Json(one), &layout, rec, "x")
                .unwrap()
                .len(),
            1
        );
        let none = crate::xml::to_json("<result></result>").unwrap();
        assert!(layout_records(Answer::Json(none), &layout, rec, "x")
            .unwrap()
            .is_empty());
        assert!(layout_records(Answer::Json(serde_json::json!("x")), &layout, rec, "x").is_err());
    }
}
