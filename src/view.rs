//! A language-neutral tree of a result, the one generic path from the core to every frontend.
//!
//! Results are ordinary `serde::Serialize` structs. [`to_view`] turns any of them into a
//! [`View`], which keeps one thing JSON loses: which strings are money. Each frontend walks a
//! `View` once (JS objects, Python objects with `Decimal`, a C handle with accessors and a JSON
//! text), so an operation added to the core reaches every language without frontend changes.

use serde::ser::{self, Serialize};

// One error type serves every serializer of the crate.
use crate::json_text::WriteError as ViewError;
use crate::money::MONEY_TOKEN;

/// A result as a tree of plain values.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    /// Absent or null.
    Null,
    /// A boolean.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction (never money).
    Float(f64),
    /// Text.
    Str(String),
    /// An exact decimal amount, as its text.
    Money(String),
    /// A list.
    List(Vec<View>),
    /// An object, with its keys in declaration order.
    Map(Vec<(String, View)>),
}

impl View {
    /// The same tree as `serde_json` data; money becomes a JSON string.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            View::Null => J::Null,
            View::Bool(b) => J::Bool(*b),
            View::Int(i) => J::from(*i),
            View::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            View::Str(s) | View::Money(s) => J::String(s.clone()),
            View::List(items) => J::Array(items.iter().map(View::to_json).collect()),
            View::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// Follows a dotted path (`"messages.0.status"`): map keys by name, list items by index.
    pub fn get_path(&self, path: &str) -> Option<&View> {
        if path.is_empty() {
            return Some(self);
        }
        path.split('.').try_fold(self, |node, step| match node {
            View::Map(entries) => entries.iter().find(|(k, _)| k == step).map(|(_, v)| v),
            View::List(items) => step.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        })
    }
}

/// Converts any serializable result into a [`View`].
pub fn to_view<T: Serialize + ?Sized>(value: &T) -> View {
    // The serializer below has no failing path for the result types of this crate; a custom
    // error from a foreign Serialize impl becomes a string rather than a panic.
    value
        .serialize(ViewSerializer)
        .unwrap_or_else(|e| View::Str(e.0))
}

struct ViewSerializer;

struct SeqBuilder(Vec<View>);
struct MapBuilder {
    entries: Vec<(String, View)>,
    key: Option<String>,
}
struct VariantBuilder {
    name: &'static str,
    inner: SeqOrMap,
}
enum SeqOrMap {
    Seq(Vec<View>),
    Map(Vec<(String, View)>),
}

fn key_text(v: View) -> String {
    match v {
        View::Str(s) | View::Money(s) => s,
        View::Int(i) => i.to_string(),
        View::Bool(b) => b.to_string(),
        View::Float(f) => f.to_string(),
        other => format!("{other:?}"),
    }
}

impl ser::Serializer for ViewSerializer {
    type Ok = View;
    type Error = ViewError;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = VariantBuilder;
    type SerializeMap = MapBuilder;
    type SerializeStruct = MapBuilder;
    type SerializeStructVariant = VariantBuilder;

    fn serialize_bool(self, v: bool) -> Result<View, ViewError> {
        Ok(View::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<View, ViewError> {
        Ok(View::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<View, ViewError> {
        Ok(View::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<View, ViewError> {
        Ok(View::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<View, ViewError> {
        Ok(View::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<View, ViewError> {
        Ok(View::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<View, ViewError> {
        Ok(View::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<View, ViewError> {
        Ok(View::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<View, ViewError> {
        Ok(i64::try_from(v).map_or_else(|_| View::Str(v.to_string()), View::Int))
    }
    fn serialize_f32(self, v: f32) -> Result<View, ViewError> {
        Ok(View::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<View, ViewError> {
        Ok(View::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<View, ViewError> {
        Ok(View::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<View, ViewError> {
        Ok(View::Str(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<View, ViewError> {
        Ok(View::List(
            v.iter().map(|b| View::Int((*b).into())).collect(),
        ))
    }
    fn serialize_none(self) -> Result<View, ViewError> {
        Ok(View::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<View, ViewError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<View, ViewError> {
        Ok(View::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<View, ViewError> {
        Ok(View::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<View, ViewError> {
        Ok(View::Str(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<View, ViewError> {
        let inner = value.serialize(self)?;
        Ok(match (name, inner) {
            (MONEY_TOKEN, View::Str(s)) => View::Money(s),
            (_, other) => other,
        })
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<View, ViewError> {
        Ok(View::Map(vec![(
            variant.to_string(),
            value.serialize(ViewSerializer)?,
        )]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, ViewError> {
        Ok(SeqBuilder(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, ViewError> {
        Ok(SeqBuilder(Vec::with_capacity(len)))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqBuilder, ViewError> {
        Ok(SeqBuilder(Vec::with_capacity(len)))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantBuilder, ViewError> {
        Ok(VariantBuilder {
            name: variant,
            inner: SeqOrMap::Seq(Vec::with_capacity(len)),
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, ViewError> {
        Ok(MapBuilder {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<MapBuilder, ViewError> {
        Ok(MapBuilder {
            entries: Vec::with_capacity(len),
            key: None,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantBuilder, ViewError> {
        Ok(VariantBuilder {
            name: variant,
            inner: SeqOrMap::Map(Vec::with_capacity(len)),
        })
    }
}

impl ser::SerializeSeq for SeqBuilder {
    type Ok = View;
    type Error = ViewError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ViewError> {
        self.0.push(value.serialize(ViewSerializer)?);
        Ok(())
    }
    fn end(self) -> Result<View, ViewError> {
        Ok(View::List(self.0))
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = View;
    type Error = ViewError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ViewError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<View, ViewError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = View;
    type Error = ViewError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ViewError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<View, ViewError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for MapBuilder {
    type Ok = View;
    type Error = ViewError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), ViewError> {
        self.key = Some(key_text(key.serialize(ViewSerializer)?));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ViewError> {
        let key = self.key.take().unwrap_or_default();
        self.entries.push((key, value.serialize(ViewSerializer)?));
        Ok(())
    }
    fn end(self) -> Result<View, ViewError> {
        Ok(View::Map(self.entries))
    }
}

impl ser::SerializeStruct for MapBuilder {
    type Ok = View;
    type Error = ViewError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ViewError> {
        self.entries
            .push((key.to_string(), value.serialize(ViewSerializer)?));
        Ok(())
    }
    fn end(self) -> Result<View, ViewError> {
        Ok(View::Map(self.entries))
    }
}

impl VariantBuilder {
    fn push(&mut self, key: &str, value: View) {
        match &mut self.inner {
            SeqOrMap::Seq(items) => items.push(value),
            SeqOrMap::Map(entries) => entries.push((key.to_string(), value)),
        }
    }
    fn finish(self) -> View {
        let inner = match self.inner {
            SeqOrMap::Seq(items) => View::List(items),
            SeqOrMap::Map(entries) => View::Map(entries),
        };
        View::Map(vec![(self.name.to_string(), inner)])
    }
}

impl ser::SerializeTupleVariant for VariantBuilder {
    type Ok = View;
    type Error = ViewError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ViewError> {
        let v = value.serialize(ViewSerializer)?;
        self.push("", v);
        Ok(())
    }
    fn end(self) -> Result<View, ViewError> {
        Ok(self.finish())
    }
}

impl ser::SerializeStructVariant for VariantBuilder {
    type Ok = View;
    type Error = ViewError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ViewError> {
        let v = value.serialize(ViewSerializer)?;
        self.push(key, v);
        Ok(())
    }
    fn end(self) -> Result<View, ViewError> {
        Ok(self.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;

    #[derive(serde::Serialize)]
    struct Sample {
        balance: Money,
        currency: Option<String>,
        count: u32,
        items: Vec<i32>,
    }

    #[test]
    fn money_stays_distinct_from_text() {
        let v = to_view(&Sample {
            balance: Money::parse("250.80").unwrap(),
            currency: Some("RUB".into()),
            count: 2,
            items: vec![1, -3],
        });
        assert_eq!(v.get_path("balance"), Some(&View::Money("250.80".into())));
        assert_eq!(v.get_path("currency"), Some(&View::Str("RUB".into())));
        assert_eq!(v.get_path("items.1"), Some(&View::Int(-3)));
        assert_eq!(
            v.to_json(),
            serde_json::json!({"balance": "250.80", "currency": "RUB", "count": 2, "items": [1, -3]})
        );
    }
}
