//! Pieces specific to the account-management scripts: contacts (`phones.php`), sub-clients
//! (`users.php`), sender names (`senders.php`) and documents (`documents.php`).
//!
//! Record ids, one-line checks and the reading of listed records are shared with the
//! mailing-list scripts in [`super::records`]; what is here is what these scripts add:
//!
//! - **a creation** answers with the new record's id. Documented for contacts, groups and
//!   blacklist entries on <https://smscentre.com/api/http/contact/contact_answer>: `ID = <id>`
//!   with fmt=0 (the mailing-list scripts write `ID - <id>`; both are read), `<id>` with fmt=1,
//!   `<phone><id>id</id></phone>` with fmt=2; the page is cut there, so `{"id": <id>}` with
//!   fmt=3 is inferred.
//! - **a confirmation** of a change or a deletion. No readable page shows it: `OK` (optionally
//!   followed by `, ID = <id>`), a bare id, or any JSON or XML object that is not an error reads
//!   as success; other text is refused rather than guessed at.
//! - **a list** (contacts, groups, sender names, statistics), not shown on any readable page.
//!   Besides the layouts [`super::records`] reads, a JSON list of plain names (`["SMSC"]`) and an
//!   object keyed by id (`{"12": {…}}`) are accepted, and a comma line (fmt=1) is given names in
//!   an inferred field order, the last field taking the rest of the line. Fields a result type
//!   does not name are kept in `extra`, so nothing the server says is lost.

use crate::json_text::Decimal;
use crate::maps::map_of;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::records::{one_line, parse_created, parse_records, Record, RecordId};
use super::shapes::{deserialize_by_shape, Shape};
use super::text::{int_field, money_field};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::response::{json_scalar_text, snippet, Answer};

/// What a creation reported: the new record's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Created {
    /// The id the server gave the new record.
    pub id: String,
}

/// What a change or deletion reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Done {
    /// Always `true`: a refusal is an error, never `false`.
    pub ok: bool,
    /// The id of the record, when the server named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// Reads a creation answer down to the new id.
pub(crate) fn created(answer: Answer<'_>, what: &str) -> Result<Created> {
    let shown = shown(&answer);
    match confirmation(answer, true) {
        Ok(Done { id: Some(id), .. }) => Ok(Created { id }),
        _ => Err(Error::parse(format!(
            "the answer to creating {what} holds no id: {shown}"
        ))),
    }
}

/// Reads a confirmation. `bare_number_is_id` says whether a text answer that is only a number
/// (the comma format) is the record's id; where it is not, the number is taken as a count.
pub(crate) fn confirmation(answer: Answer<'_>, bare_number_is_id: bool) -> Result<Done> {
    let shown = shown(&answer);
    let refused = || Error::parse(format!("not a confirmation: {shown}"));
    let answer = match answer {
        // `<result><phone><id>…</id></phone></result>`: the record one element down.
        Answer::Json(Value::Object(obj)) => Answer::Json(unwrap_single(obj)),
        Answer::Json(_) => return Err(refused()),
        Answer::Text(text) => {
            let t = text.trim();
            if all_digits(t) && !bare_number_is_id {
                return Ok(Done { ok: true, id: None });
            }
            // `OK, ID = 7`: the shared reader takes the text after the first `OK` only as labels.
            Answer::Text(t)
        }
    };
    let created = parse_created(answer, "a confirmation").map_err(|_| refused())?;
    match created.id {
        Some(id) if !all_digits(&id) => Err(refused()),
        id => Ok(Done { ok: true, id }),
    }
}

fn unwrap_single(obj: Map<String, Value>) -> Value {
    if !obj.contains_key("id") && obj.len() == 1 {
        if let Some(Value::Object(inner)) = obj.values().next() {
            if inner.contains_key("id") {
                return Value::Object(inner.clone());
            }
        }
    }
    Value::Object(obj)
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

/// Reads a list answer into one field map per record. `csv_keys` names the fields of a comma
/// line in order; `scalar_key` names the field of a list entry that is a plain value.
pub(crate) fn records(
    answer: Answer<'_>,
    csv_keys: &[&'static str],
    scalar_key: &str,
) -> Result<Vec<Fields>> {
    let named = |record: Record| -> BTreeMap<String, String> {
        map_of(
            record
                .fields
                .into_iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v)),
        )
    };
    match answer {
        Answer::Json(v) => Ok(parse_records(
            Answer::Json(normalize(v, scalar_key, true)),
            "a record",
        )?
        .into_iter()
        .map(|record| Fields::new(named(record)))
        .collect()),
        // Line by line, so a comma line can be named from its own text, spaces kept.
        Answer::Text(text) => {
            let mut out = Vec::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                for record in parse_records(Answer::Text(line), "a record")? {
                    let map = if record.values.is_empty() {
                        named(record)
                    } else {
                        positional(line, csv_keys)
                    };
                    out.push(Fields::new(map));
                }
            }
            Ok(out)
        }
    }
}

/// Brings the list layouts only these scripts may use to the ones [`parse_records`] reads.
fn normalize(v: Value, scalar_key: &str, top: bool) -> Value {
    let one = |value: Value| {
        let mut m = Map::new();
        m.insert(scalar_key.to_string(), value);
        Value::Object(m)
    };
    let blank = |v: &Value| matches!(v, Value::String(s) if s.trim().is_empty());
    match v {
        Value::String(_) if blank(&v) => Value::Array(Vec::new()),
        Value::String(_) | Value::Number(_) if top => Value::Array(vec![one(v)]),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .filter(|item| !blank(item))
                .map(|item| match item {
                    Value::String(_) | Value::Number(_) => one(item),
                    other => other,
                })
                .collect(),
        ),
        Value::Object(obj) if obj.len() > 1 && obj.values().all(Value::is_object) => Value::Array(
            obj.into_iter()
                .filter_map(|(key, v)| {
                    let Value::Object(mut rec) = v else {
                        return None;
                    };
                    rec.entry("id").or_insert_with(|| Value::from(key));
                    Some(Value::Object(rec))
                })
                .collect(),
        ),
        // A wrapper around the list (`{"senders": [...]}`, `<result><sender>…</sender></result>`).
        Value::Object(obj)
            if top && obj.len() == 1 && obj.values().all(|v| v.is_array() || v.is_object()) =>
        {
            let (key, inner) = obj.into_iter().next().unwrap_or_default();
            match normalize(inner, scalar_key, false) {
                list @ Value::Array(_) => {
                    let mut m = Map::new();
                    m.insert(key, list);
                    Value::Object(m)
                }
                other => other,
            }
        }
        other => other,
    }
}

/// Names the values of a comma line by the inferred field order; the last field takes the rest
/// of the line, commas included, since a name or comment may hold commas.
fn positional(line: &str, keys: &[&'static str]) -> BTreeMap<String, String> {
    map_of(
        keys.iter()
            .zip(line.splitn(keys.len().max(1), ','))
            .map(|(key, value)| ((*key).to_string(), value.trim().to_string())),
    )
}

/// Typed access to one listed record, remembering which keys were read so the rest become
/// `extra`.
pub(crate) struct Fields {
    map: BTreeMap<String, String>,
    used: Vec<String>,
}

impl Fields {
    fn new(map: BTreeMap<String, String>) -> Self {
        Fields {
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
                self.map
                    .get(**k)
                    .is_some_and(|v| !matches!(v.trim(), "" | "[]"))
            })
            .map(|k| (*k).to_string())
    }

    /// A text field, by the first of `keys` present and not empty.
    pub(crate) fn text(&mut self, keys: &[&str]) -> Option<String> {
        let key = self.key(keys)?;
        self.map.get(&key).map(|s| s.trim().to_string())
    }

    /// A list field: a JSON array (kept as its JSON text by the shared reader), the repeated
    /// elements of XML (`<grp><id>1</id><id>2</id></grp>`), or text separated by commas,
    /// semicolons or spaces.
    pub(crate) fn list(&mut self, keys: &[&str]) -> Vec<String> {
        let Some(text) = self.text(keys) else {
            return Vec::new();
        };
        let scalars = |items: &[Value]| -> Vec<String> {
            items.iter().filter_map(json_scalar_text).collect()
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(Value::Array(items)) => scalars(&items),
            Ok(Value::Object(o)) => o
                .values()
                .flat_map(|v| match v {
                    Value::Array(a) => scalars(a),
                    other => json_scalar_text(other).into_iter().collect(),
                })
                .collect(),
            _ => text
                .split([',', ';', ' '])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    /// A whole-number field.
    pub(crate) fn int(&mut self, keys: &[&str]) -> Result<Option<i64>> {
        self.text(keys)
            .map(|t| int_field(&format!("`{}`", keys.first().unwrap_or(&"")), &t))
            .transpose()
    }

    /// A money field.
    pub(crate) fn money(&mut self, keys: &[&str]) -> Result<Option<Money>> {
        self.text(keys)
            .map(|t| money_field(&format!("`{}`", keys.first().unwrap_or(&"")), &t))
            .transpose()
    }

    /// Every field not read; empty ones dropped.
    pub(crate) fn extra(self) -> BTreeMap<String, String> {
        map_of(
            self.map
                .into_iter()
                .filter(|(k, v)| !self.used.contains(k) && !v.trim().is_empty()),
        )
    }
}

// ---- parameters ----------------------------------------------------------------------------

/// One id or several: a number, a list, or a string separated by commas or semicolons.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(untagged))]
pub enum RecordIds {
    /// `321`.
    Number(u64),
    /// `"321,322"`.
    Joined(String),
    /// `[321, "322"]`.
    List(Vec<RecordId>),
}

deserialize_by_shape!(RecordIds, |shape| match shape {
    Shape::Unsigned(n) => Some(RecordIds::Number(n)),
    Shape::Text(text) => Some(RecordIds::Joined(text)),
    Shape::List(items) => items
        .into_iter()
        .map(|item| match item {
            Shape::Unsigned(n) => Some(RecordId::Number(n)),
            Shape::Text(text) => Some(RecordId::Text(text)),
            _ => None,
        })
        .collect::<Option<_>>()
        .map(RecordIds::List),
    _ => None,
});

impl RecordIds {
    /// The ids joined with commas, each checked as the id of `what`; duplicates refused.
    pub(crate) fn checked(&self, field: &str, what: &str) -> Result<String> {
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
            let id = item.checked(field, what)?;
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(untagged))]
pub enum Words {
    /// `"vip,moscow"`.
    Joined(String),
    /// `["vip", "moscow"]`.
    List(Vec<String>),
}

deserialize_by_shape!(Words, |shape| match shape {
    Shape::Text(text) => Some(Words::Joined(text)),
    Shape::List(items) => Shape::into_texts(items).map(Words::List),
    _ => None,
});

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
            one_line(field, item)?;
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
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), serde(untagged))]
pub enum Amount {
    /// `"150.50"`: exact.
    Text(String),
    /// `150`.
    Int(i64),
    /// `150.5`: accepted when it has at most two decimals.
    Float(f64),
}

deserialize_by_shape!(Amount, |shape| match shape {
    Shape::Text(text) => Some(Amount::Text(text)),
    Shape::Unsigned(n) => Some(i64::try_from(n).map_or(Amount::Float(n as f64), Amount::Int)),
    Shape::Signed(n) => Some(Amount::Int(n)),
    Shape::Float(f) => Some(Amount::Float(f)),
    _ => None,
});

impl Amount {
    /// The amount as sent, checked.
    pub(crate) fn checked(&self, field: &str, allow_negative: bool) -> Result<String> {
        let text = match self {
            Amount::Text(s) => s.trim().to_string(),
            Amount::Int(n) => n.to_string(),
            Amount::Float(f) if f.is_finite() => Decimal(*f).to_string(),
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Free text that may span lines (a comment, notes, an address): not blank, no control
/// characters but line breaks and tabs. One-line values are checked by [`one_line`].
pub(crate) fn free_text(field: &str, text: &str) -> Result<()> {
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
        assert_eq!(created(text("OK, ID - 12"), "x").unwrap().id, "12");
        assert!(created(text("hello"), "x").is_err());
        assert!(created(text("OK"), "x").is_err());
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

    fn listed(answer: Answer<'_>) -> Vec<BTreeMap<String, String>> {
        records(answer, &["id", "phone", "name"], "sender")
            .unwrap()
            .into_iter()
            .map(|f| f.map)
            .collect()
    }

    #[test]
    fn labelled_lines_keep_commas_inside_values() {
        let rec = &listed(text("ID = 5, name = Smith, John, phone = 79991234567"))[0];
        assert_eq!(rec["id"], "5");
        assert_eq!(rec["name"], "Smith, John");
        assert_eq!(rec["phone"], "79991234567");
    }

    #[test]
    fn comma_lines_are_named_in_order_and_the_last_field_keeps_its_commas() {
        let recs = listed(text("5,79991234567,Smith, John\n6"));
        assert_eq!(recs[0]["name"], "Smith, John");
        assert_eq!(recs[1].len(), 1);
        assert_eq!(recs[1]["id"], "6");
    }

    #[test]
    fn lists_in_json_and_xml_shapes() {
        let n = |v: Value| listed(Answer::Json(v)).len();
        assert_eq!(n(json!([{"id": 1}, {"id": 2}])), 2);
        assert_eq!(n(json!({"contact": [{"id": 1}, {"id": 2}]})), 2);
        assert_eq!(n(json!({"contact": {"id": 1, "name": "A"}})), 1);
        assert_eq!(n(json!({"result": ""})), 0);
        assert_eq!(n(json!([])), 0);
        let keyed = listed(Answer::Json(
            json!({"1": {"name": "A"}, "2": {"name": "B"}}),
        ));
        assert_eq!(keyed[1]["id"], "2");
        let names = listed(Answer::Json(json!({"sender": ["SMSC", "INFO"]})));
        assert_eq!(names[1]["sender"], "INFO");
    }

    #[test]
    fn list_fields_in_every_layout() {
        let mut f = records(
            Answer::Json(
                json!([{"a": [1, "2"], "b": {"id": ["3", "4"]}, "c": "5, 6;7", "d": "x"}]),
            ),
            &[],
            "x",
        )
        .unwrap()
        .remove(0);
        assert_eq!(f.list(&["a"]), ["1", "2"]);
        assert_eq!(f.list(&["b"]), ["3", "4"]);
        assert_eq!(f.list(&["c"]), ["5", "6", "7"]);
        assert_eq!(f.extra().keys().collect::<Vec<_>>(), ["d"]);
    }

    #[test]
    fn amounts() {
        assert_eq!(Amount::Float(150.5).checked("sum", false).unwrap(), "150.5");
        assert_eq!(Amount::Int(-20).checked("sum", true).unwrap(), "-20");
        assert!(Amount::Int(-20).checked("sum", false).is_err());
        assert!(Amount::Float(0.1 + 0.2).checked("sum", false).is_err());
        assert!(Amount::Text("0.00".into()).checked("sum", true).is_err());
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
