//! What the "Getting data" operations share (`get.php`, `info.php`, `tinyurls.php`, pages under
//! <https://smscentre.com/api/http/get_data/>): the `dd.mm.yyyy` dates and the six-month window
//! of the history, lists of numbers and addresses to look up, and one tolerant reader of record
//! lists for every answer format.
//!
//! The pages that could be read list the fields of each answer but show the exact text (fmt=0),
//! comma (fmt=1) and XML (fmt=2) layouts only in part. So every format is first turned into the
//! JSON shape of fmt=3 — a list of objects — and one reader per operation reads that:
//!
//! * JSON: an array of objects, or one object;
//! * XML: the [`crate::xml`] reading of `<result><item>…</item>…</result>` (whatever the element
//!   name), of one record, or of an empty `<result/>`;
//! * text: one record per line, `key = value, key = value` in any order (the layout of the
//!   status answer, <https://smscentre.com/api/http/status_messages/status_answer>);
//! * comma: one record per line, the values in the documented order of the fields.
//!
//! Keys a reader does not know are ignored, numbers may come as strings, and money stays exact.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::validate::{self, Phones};
use crate::error::{Error, Result};
use crate::response::{snippet, Answer};

/// A calendar date given as `dd.mm.yyyy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    /// Reads `dd.mm.yyyy` (one-digit days and months are taken too) and checks that the day
    /// exists.
    pub(crate) fn parse(field: &str, text: &str) -> Result<Date> {
        let t = text.trim();
        let bad = || {
            Error::invalid(
                field,
                format!("{text:?} is not a date in the form dd.mm.yyyy (e.g. 01.02.2024)"),
            )
        };
        let parts: Vec<&str> = t.split('.').collect();
        let [d, m, y] = parts.as_slice() else {
            return Err(bad());
        };
        let digits = |s: &str, lens: &[usize]| {
            lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(d, &[1, 2]) || !digits(m, &[1, 2]) || !digits(y, &[4]) {
            return Err(bad());
        }
        let date = Date {
            day: d.parse().map_err(|_| bad())?,
            month: m.parse().map_err(|_| bad())?,
            year: y.parse().map_err(|_| bad())?,
        };
        if !(1..=12).contains(&date.month) || date.day < 1 || date.day > date.month_len() {
            return Err(Error::invalid(
                field,
                format!("{text:?}: there is no such day; give a real date as dd.mm.yyyy"),
            ));
        }
        Ok(date)
    }

    fn month_len(self) -> u32 {
        days_in_month(self.year, self.month)
    }

    /// The same day `n` months later, or the month's last day when it is shorter
    /// (31.08 + 6 months = 28.02 or 29.02).
    pub(crate) fn plus_months(self, n: u32) -> Date {
        let index = self.month - 1 + n;
        let (year, month) = (self.year + index / 12, index % 12 + 1);
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// `dd.mm.yyyy`, as the server takes it.
    pub(crate) fn text(self) -> String {
        format!("{:02}.{:02}.{:04}", self.day, self.month, self.year)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A period of `start` and `end` dates, checked: `end` needs `start` and may not come before
/// it; with `max_months`, the period may not be longer. The core has no clock, so only what the
/// two dates say is checked, never how far back they lie.
pub(crate) fn period(
    start: Option<&str>,
    end: Option<&str>,
    max_months: Option<u32>,
) -> Result<(Option<Date>, Option<Date>)> {
    let start = start.map(|s| Date::parse("start", s)).transpose()?;
    let end = end.map(|e| Date::parse("end", e)).transpose()?;
    if let (None, Some(_)) = (start, end) {
        return Err(Error::invalid(
            "end",
            "`end` closes a period that opens at `start`; give `start` too",
        ));
    }
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(Error::invalid(
                "end",
                format!(
                    "end {} is before start {}; give the earlier date as `start`",
                    e.text(),
                    s.text()
                ),
            ));
        }
        if let Some(months) = max_months {
            let last = s.plus_months(months);
            if e > last {
                return Err(Error::invalid(
                    "end",
                    format!(
                        "the period {} to {} is longer than six months, the most SMSC returns at once; end it by {} and ask for the rest in another request",
                        s.text(),
                        e.text(),
                        last.text()
                    ),
                ));
            }
        }
    }
    Ok((start, end))
}

/// Phone numbers to look something up for: each checked and normalised as for sending, joined
/// with commas.
pub(crate) fn phone_list(field: &str, phones: &Phones) -> Result<String> {
    list(field, phones, "phone number", validate::normalise_phone)
}

/// E-mail addresses to look something up for, joined with commas.
pub(crate) fn email_list(field: &str, emails: &Phones) -> Result<String> {
    list(field, emails, "e-mail address", |raw| {
        let address = raw.trim();
        validate::email("", address)
            .map(|()| address.to_string())
            .map_err(|_| "is not an e-mail address".to_string())
    })
}

fn list(
    field: &str,
    items: &Phones,
    what: &str,
    one: impl Fn(&str) -> std::result::Result<String, String>,
) -> Result<String> {
    let raw: Vec<&str> = match items {
        Phones::Joined(s) => s.split([',', ';']).collect(),
        Phones::List(l) => l.iter().flat_map(|s| s.split([',', ';'])).collect(),
    };
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for (i, item) in raw.iter().enumerate() {
        if item.trim().is_empty() {
            return Err(Error::invalid(
                field,
                format!(
                    "{what} #{} is empty (check for a stray comma or semicolon)",
                    i + 1
                ),
            ));
        }
        let value = one(item)
            .map_err(|why| Error::invalid(field, format!("{what} #{} {item:?} {why}", i + 1)))?;
        let key = value.trim_start_matches('+').to_ascii_lowercase();
        if out
            .iter()
            .any(|v| v.trim_start_matches('+').to_ascii_lowercase() == key)
        {
            return Err(Error::invalid(
                field,
                format!("{value:?} is listed twice; give each {what} once"),
            ));
        }
        out.push(value);
    }
    if out.is_empty() {
        return Err(Error::invalid(field, format!("no {what} given")));
    }
    Ok(out.join(","))
}

/// An id the server assigned, given back to it (`prev_id`, `after_id`, a short link's `id`): a
/// number, or its digits as text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ServerId {
    /// `1234`.
    Number(u64),
    /// `"1234"`.
    Text(String),
}

impl ServerId {
    /// The id as sent: a whole number of at least 1.
    pub(crate) fn checked(&self, field: &str) -> Result<String> {
        let text = match self {
            ServerId::Number(n) => n.to_string(),
            ServerId::Text(s) => s.trim().to_string(),
        };
        let ok =
            text.bytes().all(|b| b.is_ascii_digit()) && text.parse::<u64>().is_ok_and(|n| n > 0);
        if !ok {
            return Err(Error::invalid(
                field,
                format!("{text:?} is not an id SMSC assigned; give the whole number (1 or more) from an earlier answer"),
            ));
        }
        Ok(text)
    }
}

/// The layout of one kind of record in the text formats: its keys in the documented order, and
/// the one key whose value is free text (it may hold commas, so in the comma format it takes
/// whatever the other fields leave).
pub(crate) struct Layout {
    /// Keys in the documented order.
    pub keys: &'static [&'static str],
    /// The free-text key, if any.
    pub free_text: Option<&'static str>,
}

/// The records of an answer as JSON objects. `is_record` tells a record from a wrapper around
/// records (an XML `<result>` whose children are the records); `what` names the records in
/// errors.
pub(crate) fn records(
    answer: Answer<'_>,
    layout: &Layout,
    is_record: impl Fn(&Map<String, Value>) -> bool,
    what: &str,
) -> Result<Vec<Value>> {
    match answer {
        Answer::Json(v) => json_records(v, &is_record, what),
        Answer::Text(text) => Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|line| text_record(line, layout))
            .collect()),
    }
}

fn json_records(
    v: Value,
    is_record: &impl Fn(&Map<String, Value>) -> bool,
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
    let labelled = labelled(line, layout.keys);
    let pairs = if labelled.is_empty() {
        positional(line, layout)
    } else {
        labelled
    };
    Value::Object(
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect(),
    )
}

/// `key = value, key = value`: the values of the known keys, in any order. A value runs to the
/// next `, <known key> = `, so commas inside values stay.
fn labelled<'a>(line: &'a str, keys: &[&'static str]) -> Vec<(&'static str, &'a str)> {
    // Keys are ASCII, so a lower-case copy keeps every byte position.
    let lower = line.to_ascii_lowercase();
    let mut marks: Vec<(usize, usize, &'static str)> = Vec::new();
    for &key in keys {
        let first = format!("{key} = ");
        if lower.starts_with(&first) {
            marks.push((0, first.len(), key));
            continue;
        }
        let later = format!(", {key} = ");
        if let Some(p) = lower.find(&later) {
            marks.push((p, p + later.len(), key));
        }
    }
    marks.sort_unstable();
    if marks.first().is_none_or(|m| m.0 != 0) {
        return Vec::new();
    }
    marks
        .iter()
        .enumerate()
        .map(|(i, &(_, value_start, key))| {
            let end = marks.get(i + 1).map_or(line.len(), |next| next.0);
            (key, line.get(value_start..end).unwrap_or("").trim())
        })
        .collect()
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
pub(crate) fn text(record: &Value, key: &str) -> Option<String> {
    super::text::json_text(record, key).filter(|s| !s.trim().is_empty())
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
            obj.iter()
                .filter(|(k, _)| !known.contains(&k.as_str()))
                .filter_map(|(k, v)| {
                    let text = match v {
                        Value::String(s) => s.clone(),
                        Value::Number(n) => n.to_string(),
                        Value::Bool(b) => b.to_string(),
                        _ => return None,
                    };
                    Some((k.clone(), text))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse("start", "1.2.2024").unwrap().text(),
            "01.02.2024"
        );
        assert!(Date::parse("start", "29.02.2024").is_ok());
        for bad in [
            "29.02.2023",
            "32.01.2024",
            "01.13.2024",
            "2024-01-01",
            "01.01.24",
            "",
        ] {
            assert!(Date::parse("start", bad).is_err(), "{bad}");
        }
        let d = Date::parse("start", "31.08.2023").unwrap();
        assert_eq!(d.plus_months(6).text(), "29.02.2024");
        assert_eq!(
            Date::parse("start", "15.11.2023")
                .unwrap()
                .plus_months(6)
                .text(),
            "15.05.2024"
        );
    }

    #[test]
    fn periods() {
        assert!(period(Some("01.01.2024"), Some("01.07.2024"), Some(6)).is_ok());
        let e = period(Some("01.01.2024"), Some("02.07.2024"), Some(6)).unwrap_err();
        assert_eq!(e.field(), Some("end"));
        assert!(period(Some("02.01.2024"), Some("01.01.2024"), None).is_err());
        assert!(period(None, Some("01.01.2024"), None).is_err());
        assert!(period(Some("01.01.2020"), Some("01.01.2024"), None).is_ok());
    }

    #[test]
    fn text_lines_in_any_order_and_with_commas() {
        let layout = Layout {
            keys: &["id", "phone", "message", "sent"],
            free_text: Some("message"),
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
        let r = text_record("5,79991234567", &layout);
        assert_eq!(r["phone"], "79991234567");
        assert!(r.get("message").is_none());
    }

    #[test]
    fn lists_of_records() {
        let layout = Layout {
            keys: &["id"],
            free_text: None,
        };
        let rec = |o: &Map<String, Value>| o.contains_key("id");
        let xml =
            crate::xml::to_json("<result><sms><id>1</id></sms><sms><id>2</id></sms></result>")
                .unwrap();
        assert_eq!(
            records(Answer::Json(xml), &layout, rec, "x").unwrap().len(),
            2
        );
        let one = crate::xml::to_json("<result><sms><id>1</id></sms></result>").unwrap();
        assert_eq!(
            records(Answer::Json(one), &layout, rec, "x").unwrap().len(),
            1
        );
        let none = crate::xml::to_json("<result></result>").unwrap();
        assert!(records(Answer::Json(none), &layout, rec, "x")
            .unwrap()
            .is_empty());
        assert!(records(Answer::Json(serde_json::json!("x")), &layout, rec, "x").is_err());
    }
}
