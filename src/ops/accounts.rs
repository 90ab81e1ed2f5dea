//! Pieces shared by the account-management scripts: contacts (`phones.php`), sub-clients
//! (`users.php`), sender names (`senders.php`) and documents (`documents.php`).
//!
//! These scripts answer in three shapes, read here once:
//!
//! - **a creation**, whose answer carries the new record's id. Documented for contacts, groups
//!   and blacklist entries on <https://smscentre.com/api/http/contact/contact_answer>:
//!   `ID = <id>` with fmt=0, `<id>` with fmt=1, `<phone><id>id</id></phone>` with fmt=2; the page
//!   is cut there, so `{"id": <id>}` with fmt=3 is inferred.
//! - **a confirmation** of a change or a deletion. No page that could be read shows it; any
//!   answer that is not an error envelope and reads as a confirmation (`OK…`, an id, any JSON or
//!   XML object) is taken as success, and other text is refused rather than guessed at.
//! - **a list** (contacts, groups, sender names, statistics). Not shown on any readable page.
//!   JSON and XML are read as a list of records (an array, a wrapper element holding repeated
//!   elements, or an object keyed by id); fmt=0 as one `key = value, key = value` line per record
//!   (the form SMSC's fmt=0 answers use, and the one a production integration reads sender names
//!   from); fmt=1 as one comma-separated line per record in an inferred field order, the last
//!   field taking the rest of the line. Fields a result type does not name are kept in `extra`,
//!   so nothing the server says is lost.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::text::{json_i64, json_money, json_text, not_an_object};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::response::{snippet, Answer};

/// What a creation reported: the new record's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Created {
    /// The id the server gave the new record.
    pub id: String,
}

/// What a change or deletion reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Done {
    /// Always `true`: a refusal is an error, never `false`.
    pub ok: bool,
    /// The id of the record, when the server named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// Reads a creation answer down to the new id.
pub(crate) fn created(answer: Answer<'_>, what: &str) -> Result<Created> {
    let id = match &answer {
        Answer::Json(v) => json_id(v),
        Answer::Text(text) => text_id(text, true),
    };
    id.map(|id| Created { id }).ok_or_else(|| {
        Error::parse(format!(
            "the answer to creating {what} holds no id: {}",
            shown(&answer)
        ))
    })
}

/// Reads a confirmation. `bare_number_is_id` says whether a text answer that is only a number
/// (the comma format) is the record's id.
pub(crate) fn confirmation(answer: Answer<'_>, bare_number_is_id: bool) -> Result<Done> {
    match &answer {
        Answer::Json(v) if v.is_object() => Ok(Done {
            ok: true,
            id: json_id(v),
        }),
        Answer::Text(text) => {
            let t = text.trim();
            let is_ok = t
                .get(..2)
                .is_some_and(|head| head.eq_ignore_ascii_case("ok"));
            let id = text_id(t, bare_number_is_id);
            if is_ok || id.is_some() || (!bare_number_is_id && all_digits(t)) {
                Ok(Done { ok: true, id })
            } else {
                Err(Error::parse(format!("not a confirmation: {}", snippet(t))))
            }
        }
        Answer::Json(_) => Err(Error::parse(format!(
            "not a confirmation: {}",
            shown(&answer)
        ))),
    }
}

fn shown(answer: &Answer<'_>) -> String {
    match answer {
        Answer::Json(v) => snippet(&v.to_string()),
        Answer::Text(t) => snippet(t),
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `id` of a JSON or XML answer, at the top or one element down (`<result><phone><id>…`).
fn json_id(v: &Value) -> Option<String> {
    let obj = v.as_object()?;
    let scalar = |v: &Value| match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    if let Some(id) = obj.get("id").and_then(scalar) {
        return Some(id);
    }
    match obj.values().collect::<Vec<_>>().as_slice() {
        [Value::Object(inner)] => inner.get("id").and_then(scalar),
        _ => None,
    }
}

/// `ID = <id>` / `ID - <id>` anywhere in a text answer, or a bare number when allowed.
fn text_id(text: &str, bare_number: bool) -> Option<String> {
    let t = text.trim();
    if bare_number && all_digits(t) {
        return Some(t.to_string());
    }
    let upper = t.to_ascii_uppercase();
    // `ID` as a word of its own, followed by `=` or `-`.
    upper.match_indices("ID").find_map(|(at, _)| {
        let before = upper.get(..at)?.chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        let rest = t.get(at + 2..)?.trim_start();
        let rest = rest
            .strip_prefix('=')
            .or_else(|| rest.strip_prefix('-'))?
            .trim_start();
        let end = rest
            .find(|c: char| c == ',' || c.is_whitespace())
            .unwrap_or(rest.len());
        let id = rest.get(..end)?;
        (!id.is_empty()).then(|| id.to_string())
    })
}

/// Reads a list answer into records. `csv_keys` names the fields of a comma-format line in
/// order (the last takes the rest of the line); `scalar_key` names what a bare value in a list
/// stands for (`["SMSC", "INFO"]` is a list of sender names).
pub(crate) fn records(
    answer: Answer<'_>,
    csv_keys: &[&'static str],
    scalar_key: &'static str,
) -> Result<Vec<Map<String, Value>>> {
    match answer {
        Answer::Json(v) => collect(&v, scalar_key, 0),
        Answer::Text(text) => Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|line| {
                if line.contains(" = ") {
                    labelled(line)
                } else {
                    positional(line, csv_keys)
                }
            })
            .collect()),
    }
}

fn collect(v: &Value, scalar_key: &str, depth: usize) -> Result<Vec<Map<String, Value>>> {
    let one = |key: &str, value: Value| {
        let mut m = Map::new();
        m.insert(key.to_string(), value);
        m
    };
    match v {
        Value::Null => Ok(Vec::new()),
        Value::String(s) if s.trim().is_empty() => Ok(Vec::new()),
        Value::String(_) | Value::Number(_) => Ok(vec![one(scalar_key, v.clone())]),
        Value::Bool(_) => Err(not_an_object("a list entry", v)),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::Object(o) => out.push(o.clone()),
                    Value::String(s) if s.trim().is_empty() => {}
                    Value::String(_) | Value::Number(_) => out.push(one(scalar_key, item.clone())),
                    other => return Err(not_an_object("a list entry", other)),
                }
            }
            Ok(out)
        }
        Value::Object(o) if o.is_empty() => Ok(Vec::new()),
        Value::Object(o) => {
            let values: Vec<&Value> = o.values().collect();
            match values.as_slice() {
                // A wrapper (`{"contacts": [...]}`, or the XML `<result><contact>…</contact></result>`).
                [inner @ (Value::Array(_) | Value::Object(_))] if depth < 2 => {
                    collect(inner, scalar_key, depth + 1)
                }
                [Value::String(s)] if s.trim().is_empty() => Ok(Vec::new()),
                // An object keyed by id: `{"12": {...}, "13": {...}}`.
                many if many.len() > 1 && many.iter().all(|v| v.is_object()) => Ok(o
                    .iter()
                    .filter_map(|(key, v)| {
                        let mut rec = v.as_object()?.clone();
                        rec.entry("id").or_insert_with(|| Value::from(key.as_str()));
                        Some(rec)
                    })
                    .collect()),
                _ => Ok(vec![o.clone()]),
            }
        }
    }
}

/// `key = value, key = value` (fmt=0). A value runs to the next `, <key> = `, so values may
/// hold commas that are not followed by another `key = `.
fn labelled(line: &str) -> Map<String, Value> {
    let bytes = line.as_bytes();
    // Starts of each `key = ` marker: (key start, value start).
    let mut marks: Vec<(usize, usize, usize)> = Vec::new();
    let key_at = |start: usize| -> Option<(usize, usize)> {
        let rest = line.get(start..)?;
        let key_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if key_len == 0 {
            return None;
        }
        let after = rest.get(key_len..)?;
        after
            .starts_with(" = ")
            .then_some((start + key_len, start + key_len + 3))
            .or_else(|| {
                after
                    .starts_with(" =")
                    .then_some((start + key_len, line.len()))
            })
    };
    if let Some((key_end, value_start)) = key_at(0) {
        marks.push((0, key_end, value_start));
    }
    let mut i = 0;
    while i + 2 < bytes.len() {
        if bytes.get(i) == Some(&b',') && bytes.get(i + 1) == Some(&b' ') {
            if let Some((key_end, value_start)) = key_at(i + 2) {
                if marks.last().is_some_and(|m| m.2 <= i) {
                    marks.push((i + 2, key_end, value_start));
                }
            }
        }
        i += 1;
    }
    let mut out = Map::new();
    for (n, &(key_start, key_end, value_start)) in marks.iter().enumerate() {
        let end = marks.get(n + 1).map_or(line.len(), |next| next.0 - 2);
        let key = line
            .get(key_start..key_end)
            .unwrap_or("")
            .to_ascii_lowercase();
        let value = line.get(value_start..end).unwrap_or("").trim();
        out.insert(key, Value::from(value));
    }
    out
}

/// One comma-format line, by the inferred field order.
fn positional(line: &str, keys: &[&'static str]) -> Map<String, Value> {
    let mut out = Map::new();
    let mut rest = line;
    for (n, key) in keys.iter().enumerate() {
        let last = n + 1 == keys.len();
        let (field, tail) = match rest.split_once(',') {
            Some((field, tail)) if !last => (field, tail),
            _ => (rest, ""),
        };
        out.insert((*key).to_string(), Value::from(field.trim()));
        rest = tail;
        if rest.is_empty() && !last {
            break;
        }
    }
    out
}

/// Typed access to one record, remembering which keys were read so the rest become `extra`.
pub(crate) struct Record {
    map: Map<String, Value>,
    used: Vec<String>,
}

impl Record {
    pub(crate) fn new(map: Map<String, Value>) -> Self {
        Record {
            map,
            used: Vec::new(),
        }
    }

    fn key(&mut self, keys: &[&str]) -> Option<String> {
        for k in keys {
            self.used.push((*k).to_string());
        }
        keys.iter()
            .find(|k| {
                self.map.get(**k).is_some_and(|v| match v {
                    Value::Null => false,
                    Value::String(s) => !s.trim().is_empty(),
                    Value::Array(a) => !a.is_empty(),
                    _ => true,
                })
            })
            .map(|k| (*k).to_string())
    }

    /// A text field, by the first of `keys` present and not empty.
    pub(crate) fn text(&mut self, keys: &[&str]) -> Option<String> {
        let key = self.key(keys)?;
        json_text(&Value::Object(self.map.clone()), &key).map(|s| s.trim().to_string())
    }

    /// A list field: a JSON array, or text separated by commas, semicolons or spaces.
    pub(crate) fn list(&mut self, keys: &[&str]) -> Vec<String> {
        let Some(key) = self.key(keys) else {
            return Vec::new();
        };
        let split = |s: &str| -> Vec<String> {
            s.split([',', ';', ' '])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect()
        };
        match self.map.get(&key) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|item| match item {
                    Value::String(s) => Some(s.trim().to_string()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .filter(|s| !s.is_empty())
                .collect(),
            Some(Value::String(s)) => split(s),
            Some(Value::Number(n)) => vec![n.to_string()],
            // `<grp><id>1</id><id>2</id></grp>` in XML.
            Some(Value::Object(o)) => o
                .values()
                .flat_map(|v| match v {
                    Value::Array(a) => a.iter().filter_map(json_scalar).collect::<Vec<_>>(),
                    other => json_scalar(other).into_iter().collect(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A whole-number field.
    pub(crate) fn int(&mut self, keys: &[&str]) -> Result<Option<i64>> {
        match self.key(keys) {
            Some(key) => json_i64(&Value::Object(self.map.clone()), &key),
            None => Ok(None),
        }
    }

    /// A money field.
    pub(crate) fn money(&mut self, keys: &[&str]) -> Result<Option<Money>> {
        match self.key(keys) {
            Some(key) => json_money(&Value::Object(self.map.clone()), &key),
            None => Ok(None),
        }
    }

    /// Every field not read, as text (nested values as their JSON text); empty ones dropped.
    pub(crate) fn extra(self) -> BTreeMap<String, String> {
        self.map
            .into_iter()
            .filter(|(k, _)| !self.used.contains(k))
            .filter_map(|(k, v)| {
                let text = match v {
                    Value::Null => return None,
                    Value::String(s) => s,
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    other => other.to_string(),
                };
                (!text.trim().is_empty()).then_some((k, text))
            })
            .collect()
    }
}

fn json_scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

// ---- parameters ----------------------------------------------------------------------------

/// A record id chosen by the server (a group, a sender name, an invoice, a sub-client): a
/// positive whole number, given as a number or as its digits.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum RecordId {
    /// `321`.
    Number(u64),
    /// `"321"`.
    Text(String),
}

impl RecordId {
    /// The id as sent, checked.
    pub(crate) fn checked(&self, field: &str) -> Result<String> {
        let text = match self {
            RecordId::Number(n) => n.to_string(),
            RecordId::Text(s) => s.trim().to_string(),
        };
        if all_digits(&text) && text.bytes().any(|b| b != b'0') {
            Ok(text)
        } else {
            Err(Error::invalid(
                field,
                format!("{text:?} is not an id; ids are positive whole numbers such as 321, as the server returned them"),
            ))
        }
    }
}

/// One id or several: a number, a list, or a string separated by commas or semicolons.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum RecordIds {
    /// `321`.
    Number(u64),
    /// `"321,322"`.
    Joined(String),
    /// `[321, "322"]`.
    List(Vec<RecordId>),
}

impl RecordIds {
    /// The ids joined with commas, each checked; duplicates refused.
    pub(crate) fn checked(&self, field: &str) -> Result<String> {
        let items: Vec<RecordId> = match self {
            RecordIds::Number(n) => vec![RecordId::Number(*n)],
            RecordIds::Joined(s) => s
                .split([',', ';'])
                .map(|p| RecordId::Text(p.to_string()))
                .collect(),
            RecordIds::List(list) => list.clone(),
        };
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        for item in &items {
            let id = item.checked(field)?;
            if out.contains(&id) {
                return Err(Error::invalid(field, format!("id {id} is listed twice")));
            }
            out.push(id);
        }
        if out.is_empty() {
            return Err(Error::invalid(field, "no id given"));
        }
        Ok(out.join(","))
    }
}

/// Words given as one string (separated by commas) or as a list: tags, e-mail addresses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Words {
    /// `"vip,moscow"`.
    Joined(String),
    /// `["vip", "moscow"]`.
    List(Vec<String>),
}

impl Words {
    /// The items, trimmed, empty ones refused.
    pub(crate) fn items(&self, field: &str) -> Result<Vec<String>> {
        let raw: Vec<&str> = match self {
            Words::Joined(s) => s.split([',', ';']).collect(),
            Words::List(list) => list.iter().map(String::as_str).collect(),
        };
        let items: Vec<String> = raw.iter().map(|s| s.trim().to_string()).collect();
        if items.is_empty() || items.iter().any(String::is_empty) {
            return Err(Error::invalid(
                field,
                "an item is empty (check for a stray comma)",
            ));
        }
        for item in &items {
            plain_text(field, item)?;
        }
        Ok(items)
    }
}

/// E-mail addresses: one, a list, or a string separated by commas or semicolons.
pub(crate) fn emails(field: &str, words: &Words) -> Result<String> {
    let items = words.items(field)?;
    for e in &items {
        let ok = match e.split_once('@') {
            Some((user, domain)) => {
                !user.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !e.contains(char::is_whitespace)
                    && e.matches('@').count() == 1
            }
            None => false,
        };
        if !ok {
            return Err(Error::invalid(
                field,
                format!("{e:?} is not an e-mail address such as name@example.com"),
            ));
        }
    }
    Ok(items.join(","))
}

/// An amount of money in a request: decimal text (`"150.50"`) or a number; at most two
/// decimals, since every SMSC currency counts in hundredths.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Amount {
    /// `"150.50"`: exact.
    Text(String),
    /// `150`.
    Int(i64),
    /// `150.5`: accepted when it has at most two decimals.
    Float(f64),
}

impl Amount {
    /// The amount as sent, checked.
    pub(crate) fn checked(&self, field: &str, allow_negative: bool) -> Result<String> {
        let text = match self {
            Amount::Text(s) => s.trim().to_string(),
            Amount::Int(n) => n.to_string(),
            Amount::Float(f) if f.is_finite() => format!("{f}"),
            Amount::Float(_) => String::new(),
        };
        let money = Money::parse(&text).ok_or_else(|| {
            Error::invalid(
                field,
                format!("{text:?} is not an amount; write it like \"150.50\""),
            )
        })?;
        let value = money.as_str();
        if value
            .split_once('.')
            .is_some_and(|(_, frac)| frac.len() > 2)
        {
            return Err(Error::invalid(
                field,
                format!(
                    "{value} has more than two decimals; amounts are in hundredths (\"150.50\")"
                ),
            ));
        }
        let negative = value.starts_with('-');
        let zero = value.bytes().all(|b| matches!(b, b'0' | b'.' | b'-'));
        if zero {
            return Err(Error::invalid(field, "the amount is zero"));
        }
        if negative && !allow_negative {
            return Err(Error::invalid(
                field,
                format!("{value} is negative; give a positive amount"),
            ));
        }
        Ok(value.to_string())
    }
}

/// A password passed on to the server (a sub-client's); never shown by `Debug`.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Password(String);

impl Password {
    /// A password.
    pub fn new(value: impl Into<String>) -> Self {
        Password(value.into())
    }

    pub(crate) fn checked(&self, field: &str) -> Result<&str> {
        if self.0.is_empty() {
            return Err(Error::invalid(field, "the password is empty"));
        }
        if self.0.chars().any(char::is_control) {
            return Err(Error::invalid(
                field,
                "the password contains control characters",
            ));
        }
        Ok(&self.0)
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Free text (a name, a comment): not blank, no control characters but line breaks and tabs.
pub(crate) fn plain_text(field: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::invalid(field, "is empty; leave it out instead"));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::invalid(field, "contains control characters"));
    }
    Ok(())
}

/// A login (the account's sub-client): not empty, no spaces or control characters.
pub(crate) fn login(field: &str, text: &str) -> Result<()> {
    if text.is_empty() {
        return Err(Error::invalid(field, "the login is empty"));
    }
    if text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == ',')
    {
        return Err(Error::invalid(
            field,
            format!("{text:?} is not a login: no spaces, commas or control characters"),
        ));
    }
    Ok(())
}

/// A date as SMSC takes it, `DD.MM.YYYY`.
pub(crate) fn date(field: &str, text: &str) -> Result<()> {
    let b = text.trim().as_bytes();
    let ok = match b {
        [d1, d2, b'.', m1, m2, b'.', y1, y2, y3, y4] => {
            let digits = [*d1, *d2, *m1, *m2, *y1, *y2, *y3, *y4];
            digits.iter().all(u8::is_ascii_digit) && {
                let n = |hi: u8, lo: u8| (hi - b'0') * 10 + (lo - b'0');
                (1..=31).contains(&n(*d1, *d2)) && (1..=12).contains(&n(*m1, *m2))
            }
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{text:?} is not a date in the form DD.MM.YYYY (for example 01.02.2024)"),
        ))
    }
}

/// Exactly one of two ways of naming something (`user` or `user_id`, `sender` or `id`).
pub(crate) fn one_of<'a, A, B>(
    a: (&str, &'a Option<A>),
    b: (&str, &'a Option<B>),
) -> Result<Result<&'a A, &'a B>> {
    match (a.1, b.1) {
        (Some(x), None) => Ok(Ok(x)),
        (None, Some(y)) => Ok(Err(y)),
        (Some(_), Some(_)) => Err(Error::invalid(
            b.0,
            format!("give either `{}` or `{}`, not both", a.0, b.0),
        )),
        (None, None) => Err(Error::invalid(
            a.0,
            format!("missing: give `{}` or `{}`", a.0, b.0),
        )),
    }
}

/// Standard base64 with padding, for downloaded documents handed to every language as text.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                let index = (n >> (18 - 6 * i)) & 63;
                out.push(char::from(
                    ALPHABET.get(index as usize).copied().unwrap_or(b'A'),
                ));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(t: &str) -> Answer<'_> {
        Answer::Text(t)
    }

    #[test]
    fn ids_of_creations_in_every_shape() {
        assert_eq!(created(text("ID = 12"), "x").unwrap().id, "12");
        assert_eq!(created(text("12"), "x").unwrap().id, "12");
        assert_eq!(
            created(Answer::Json(json!({"id": 12})), "x").unwrap().id,
            "12"
        );
        assert_eq!(
            created(Answer::Json(json!({"phone": {"id": "12"}})), "x")
                .unwrap()
                .id,
            "12"
        );
        assert!(created(text("hello"), "x").is_err());
    }

    #[test]
    fn confirmations() {
        assert!(confirmation(text("OK"), false).is_ok());
        assert_eq!(
            confirmation(text("OK, ID = 7"), false)
                .unwrap()
                .id
                .as_deref(),
            Some("7")
        );
        assert_eq!(
            confirmation(text("7"), true).unwrap().id.as_deref(),
            Some("7")
        );
        assert_eq!(confirmation(text("1"), false).unwrap().id, None);
        assert!(confirmation(text("maybe"), false).is_err());
        assert!(confirmation(Answer::Json(json!([1])), false).is_err());
    }

    #[test]
    fn labelled_lines_keep_commas_inside_values() {
        let rec = labelled("id = 5, name = Smith, John, phone = 79991234567");
        assert_eq!(rec["id"], "5");
        assert_eq!(rec["name"], "Smith, John");
        assert_eq!(rec["phone"], "79991234567");
        let rec = labelled("sender = SMSC.RU");
        assert_eq!(rec["sender"], "SMSC.RU");
    }

    #[test]
    fn positional_lines() {
        let rec = positional("5,79991234567,Smith, John", &["id", "phone", "name"]);
        assert_eq!(rec["name"], "Smith, John");
        let rec = positional("5", &["id", "phone", "name"]);
        assert_eq!(rec.len(), 1);
    }

    #[test]
    fn lists_in_json_and_xml_shapes() {
        let n = |v: Value| collect(&v, "sender", 0).unwrap().len();
        assert_eq!(n(json!([{"id": 1}, {"id": 2}])), 2);
        assert_eq!(n(json!({"contact": [{"id": 1}, {"id": 2}]})), 2);
        assert_eq!(n(json!({"contact": {"id": 1, "name": "A"}})), 1);
        assert_eq!(n(json!({"result": ""})), 0);
        assert_eq!(n(json!({"1": {"name": "A"}, "2": {"name": "B"}})), 2);
        assert_eq!(n(json!(["SMSC", "INFO"])), 2);
        assert_eq!(n(json!([])), 0);
    }

    #[test]
    fn amounts_and_dates() {
        assert_eq!(Amount::Float(150.5).checked("sum", false).unwrap(), "150.5");
        assert_eq!(Amount::Int(-20).checked("sum", true).unwrap(), "-20");
        assert!(Amount::Int(-20).checked("sum", false).is_err());
        assert!(Amount::Float(0.1 + 0.2).checked("sum", false).is_err());
        assert!(Amount::Text("0.00".into()).checked("sum", true).is_err());
        assert!(date("start", "01.02.2024").is_ok());
        assert!(date("start", "2024-02-01").is_err());
        assert!(date("start", "32.01.2024").is_err());
    }

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
