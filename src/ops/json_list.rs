//! A direct reader for the large list answers (history pages, statuses of many messages): the
//! JSON array is read straight into typed records, without building a `serde_json::Value` tree
//! first. It is an optimisation only: it accepts exactly the answers whose meaning is plain —
//! an array of objects whose fields have the types the general reader expects — and declines
//! (returns `None`) on anything else, which then goes the general way (`response::decode` and
//! the operation's `parse`), so both always give the same result. A property test holds them to
//! that (`tests/properties.rs`).

use serde::de::{self, Deserializer, Visitor};

use crate::money::Money;
use crate::trim::trim;

/// A JSON scalar as the general reader sees it through `serde_json::Value`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum Scalar {
    /// Absent or `null`.
    #[default]
    Null,
    /// A string.
    Str(String),
    /// A whole number that fits `i64`.
    Int(i64),
    /// A whole number above `i64::MAX`.
    UInt(u64),
    /// `true` or `false`.
    Bool(bool),
}

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string, a whole number, a boolean or null")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Str(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Str(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(i64::try_from(v).map_or(Scalar::UInt(v), Scalar::Int))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            // Floats, arrays and objects are left to the general reader (which turns a float
            // into text its own way): declining keeps one meaning for them.
        }
        d.deserialize_any(ScalarVisitor)
    }
}

/// Why the direct reader declined; never shown, the general reader then decides.
pub(crate) struct Declined;

impl Scalar {
    /// As `text::json_text`: the scalar's text, `None` for null.
    pub(crate) fn text(self) -> Option<String> {
        match self {
            Scalar::Null => None,
            Scalar::Str(s) => Some(s),
            Scalar::Int(i) => Some(i.to_string()),
            Scalar::UInt(u) => Some(u.to_string()),
            Scalar::Bool(b) => Some(b.to_string()),
        }
    }

    /// As `text::json_text` filtered to non-empty text.
    pub(crate) fn non_empty(self) -> Option<String> {
        self.text().filter(|s| !s.is_empty())
    }

    /// As `records::field_text`: non-blank text.
    pub(crate) fn non_blank(self) -> Option<String> {
        self.text().filter(|s| !s.trim().is_empty())
    }

    /// As `text::json_i64`, declining where that one would fail.
    pub(crate) fn int(self) -> Result<Option<i64>, Declined> {
        match self {
            Scalar::Null => Ok(None),
            Scalar::Str(s) if trim(&s).is_empty() => Ok(None),
            Scalar::Str(s) => trim(&s).parse().map(Some).map_err(|_| Declined),
            Scalar::Int(i) => Ok(Some(i)),
            Scalar::UInt(_) | Scalar::Bool(_) => Err(Declined),
        }
    }

    /// As `text::json_money`, declining where that one would fail.
    pub(crate) fn money(self) -> Result<Option<Money>, Declined> {
        match self {
            Scalar::Null => Ok(None),
            Scalar::Str(s) if trim(&s).is_empty() => Ok(None),
            other => other
                .text()
                .and_then(Money::parse_owned)
                .map(Some)
                .ok_or(Declined),
        }
    }
}

/// A `T` read only from a JSON object: serde would also read a struct from an array (its fields
/// by position), which the general reader refuses.
pub(crate) struct Object<T>(pub(crate) T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Object)
            }
        }
        d.deserialize_map(ObjectVisitor(std::marker::PhantomData))
    }
}

/// Whether a key was there at all, whatever its value (`null` included): for the keys whose mere
/// presence makes an object something else (`error_code` makes it an error).
#[derive(Debug, Default)]
pub(crate) struct Present(pub(crate) bool);

impl<'de> serde::Deserialize<'de> for Present {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de::IgnoredAny::deserialize(d).map(|_| Present(true))
    }
}

/// The body as text, if it is a 2xx answer in UTF-8 (a leading BOM and spaces left out); `None`
/// for everything else, which the general reader then takes.
pub(crate) fn body_text(status: u16, body: &[u8]) -> Option<&str> {
    if !(200..300).contains(&status) {
        return None;
    }
    let text = std::str::from_utf8(body).ok()?;
    Some(trim(text.trim_start_matches('\u{feff}')))
}

/// `text` as one JSON object `T`, if it is one. The caller declines an object that is an error
/// envelope.
pub(crate) fn one<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    if !text.starts_with('{') {
        return None;
    }
    serde_json::from_str::<Object<T>>(text).ok().map(|o| o.0)
}

/// `text` as a JSON array of `T`, each item turned into a `U` by `f` as soon as it is read, so
/// no list of the intermediate records is ever built; `None` if it is not such an array or `f`
/// declines any item.
pub(crate) fn list_map<T, U, F>(text: &str, f: F) -> Option<Vec<U>>
where
    T: serde::de::DeserializeOwned,
    F: FnMut(T) -> Result<U, Declined>,
{
    if !text.starts_with('[') {
        return None;
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    let items = Items {
        f,
        item: std::marker::PhantomData,
    };
    let out = de::DeserializeSeed::deserialize(items, &mut reader).ok()?;
    reader.end().ok()?;
    Some(out)
}

/// The items of a list answer, each an object read as `T` and mapped at once by `f`.
struct Items<T, F> {
    f: F,
    item: std::marker::PhantomData<fn() -> T>,
}

impl<'de, T, U, F> de::DeserializeSeed<'de> for Items<T, F>
where
    T: serde::Deserialize<'de>,
    F: FnMut(T) -> Result<U, Declined>,
{
    type Value = Vec<U>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<U>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T, U, F> Visitor<'de> for Items<T, F>
where
    T: serde::Deserialize<'de>,
    F: FnMut(T) -> Result<U, Declined>,
{
    type Value = Vec<U>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of objects")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(mut self, mut seq: A) -> Result<Vec<U>, A::Error> {
        // The hint is bounded: it comes from the answer, which must not choose an allocation.
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(Object(item)) = seq.next_element::<Object<T>>()? {
            out.push((self.f)(item).map_err(|Declined| de::Error::custom("declined"))?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    use crate::ops::history::{HistoryOp, HistoryParams};
    use crate::ops::send::{parse_send_direct, SendSmsOp, SendSmsParams};
    use crate::ops::status::{MessageRef, StatusOp, StatusParams};
    use crate::ops::{MessageId, Operation};
    use crate::response;

    /// Any JSON value a field of a list answer might hold, the odd ones included.
    fn field_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            2 => Just(Value::Null),
            3 => Just(json!("")),
            3 => "[a-zA-Zа-я0-9 .,:\\\"]{0,12}".prop_map(Value::from),
            1 => any::<i64>().prop_map(Value::from),
            1 => any::<u64>().prop_map(Value::from),
            1 => (-5i64..30).prop_map(Value::from),
            1 => (-5i64..30).prop_map(|i| Value::from(format!(" {i} "))),
            1 => Just(json!("  ")),
            1 => Just(json!("2.50")),
            1 => Just(json!(2.5)),
            1 => Just(json!(true)),
            1 => Just(json!([1])),
            1 => Just(json!({"a": 1})),
        ]
    }

    const KEYS: [&str; 16] = [
        "status",
        "id",
        "phone",
        "err",
        "last_timestamp",
        "cost",
        "message",
        "comment",
        "type",
        "sms_cnt",
        "imsi",
        "int_id",
        "format",
        "crc",
        "country",
        "unknown",
    ];

    fn record() -> impl Strategy<Value = Value> {
        prop_oneof![
            4 => proptest::collection::vec(
                (proptest::sample::select(&KEYS[..]), field_value()),
                0..10,
            )
            .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
            // Mostly well-formed: a valid status, the other fields as they come.
            4 => ((-5i64..30), proptest::collection::vec(
                (proptest::sample::select(&KEYS[1..]), field_value()),
                0..10,
            ))
            .prop_map(|(status, fields)| {
                let mut obj: serde_json::Map<String, Value> =
                    fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                obj.insert("status".into(), Value::from(status));
                Value::Object(obj)
            }),
            1 => field_value(),
        ]
    }

    fn page() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::collection::vec(record(), 0..5)
                .prop_map(|items| Value::Array(items).to_string()),
            // One message's answer is an object, and so is an error envelope, even one that
            // also carries a status.
            record().prop_map(|r| r.to_string()),
            (record(), field_value(), proptest::bool::ANY).prop_map(|(mut r, v, code)| {
                if let Value::Object(obj) = &mut r {
                    obj.insert(if code { "error_code" } else { "error" }.into(), v);
                }
                r.to_string()
            }),
        ]
    }

    const SEND_KEYS: [&str; 8] = [
        "id",
        "cnt",
        "cost",
        "balance",
        "phones",
        "error",
        "error_code",
        "unknown",
    ];

    /// A send answer: any object of its keys, mostly with a count, or any other value.
    fn send_answer() -> impl Strategy<Value = String> {
        let fields = || {
            proptest::collection::vec(
                (proptest::sample::select(&SEND_KEYS[..]), field_value()),
                0..8,
            )
        };
        let object = |fields: Vec<(&str, Value)>| {
            fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect::<serde_json::Map<_, _>>()
        };
        prop_oneof![
            2 => fields().prop_map(move |f| Value::Object(object(f)).to_string()),
            4 => ((0i64..5), fields()).prop_map(move |(cnt, f)| {
                let mut obj = object(f);
                obj.insert("cnt".into(), Value::from(cnt));
                Value::Object(obj).to_string()
            }),
            1 => field_value().prop_map(|v| v.to_string()),
        ]
    }

    fn slow<O: Operation>(p: &O::Params, body: &str) -> crate::Result<O::Output> {
        response::decode(200, body.as_bytes(), O::reason).and_then(|a| O::parse(p, a))
    }

    proptest! {
        // Cheap cases, and each page must clear every field to take the direct way: many of them.
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Wherever the direct reader takes a list answer, it gives what the general reader gives.
        #[test]
        fn the_direct_reader_agrees_with_the_general_one(body in page()) {
            let history = HistoryParams::default();
            if let Some(fast) = HistoryOp::parse_raw(&history, 200, body.as_bytes()) {
                prop_assert_eq!(fast, slow::<HistoryOp>(&history, &body));
            }
            let status = StatusParams {
                messages: vec![
                    MessageRef { id: MessageId::Number(1), phone: "79991234567".into() },
                    MessageRef { id: MessageId::Number(2), phone: "79991234568".into() },
                ],
                ..StatusParams::default()
            };
            if let Some(fast) = StatusOp::parse_raw(&status, 200, body.as_bytes()) {
                prop_assert_eq!(fast, slow::<StatusOp>(&status, &body));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Wherever the direct reader takes a send answer, it gives what the general reader gives.
        #[test]
        fn the_direct_send_reader_agrees_with_the_general_one(body in send_answer()) {
            if let Some(fast) = parse_send_direct(200, body.as_bytes()) {
                prop_assert_eq!(Ok(fast), slow::<SendSmsOp>(&SendSmsParams::default(), &body));
            }
        }
    }

    /// The usual send answer goes the direct way; one with per-number details, an error
    /// envelope, a missing count or a failed status does not.
    #[test]
    fn the_usual_send_answer_takes_the_direct_way() {
        let body = r#"{"id": 1234, "cnt": 1, "cost": "2.50", "balance": "997.50"}"#;
        let fast = parse_send_direct(200, body.as_bytes()).unwrap();
        assert_eq!(
            Ok(fast.clone()),
            slow::<SendSmsOp>(&SendSmsParams::default(), body)
        );
        assert_eq!(fast.id.as_deref(), Some("1234"));
        assert_eq!(fast.balance.unwrap().to_string(), "997.50");
        for declined in [
            r#"{"id": 1, "cnt": 1, "phones": [{"phone": "79991234567", "status": 0}]}"#,
            r#"{"error": "duplicate request", "error_code": 9, "id": 1}"#,
            r#"{"id": 1, "cost": "2.50"}"#,
            r#"{"id": 1.5, "cnt": 1}"#,
        ] {
            assert!(
                parse_send_direct(200, declined.as_bytes()).is_none(),
                "{declined}"
            );
        }
        assert!(parse_send_direct(500, body.as_bytes()).is_none());
    }

    /// An ordinary page goes the direct way, and an array whose items are arrays does not.
    #[test]
    fn ordinary_pages_take_the_direct_way() {
        let body =
            r#"[{"status": 1, "id": 7, "phone": "79991234567", "cost": "2.50", "int_id": 5}]"#;
        let p = HistoryParams::default();
        let fast = HistoryOp::parse_raw(&p, 200, body.as_bytes())
            .unwrap()
            .unwrap();
        assert_eq!(fast, slow::<HistoryOp>(&p, body).unwrap());
        assert_eq!(fast.messages[0].status.id.as_deref(), Some("7"));
        assert!(HistoryOp::parse_raw(&p, 200, b"[[1, 2]]").is_none());
        assert!(HistoryOp::parse_raw(&p, 200, br#"{"error": "x", "error_code": 2}"#).is_none());
        assert!(HistoryOp::parse_raw(&p, 500, body.as_bytes()).is_none());
        let s = StatusParams::one("7", "79991234567");
        let one = br#"{"status": 1, "last_timestamp": 1773406250, "err": 0}"#;
        let fast = StatusOp::parse_raw(&s, 200, one).unwrap().unwrap();
        assert_eq!(fast.messages[0].phone.as_deref(), Some("79991234567"));
        let envelope = br#"{"status": 1, "error_code": null}"#;
        assert!(StatusOp::parse_raw(&s, 200, envelope).is_none());
    }
}
