//! The reader of parameters given as JSON data: a `serde::Deserializer` over a
//! `serde_json::Value` whose errors carry the path of the field they are about
//! (`list[1].phones`).
//!
//! The path is added to an error as it leaves each object and list on its way out, so tracking
//! it costs nothing until something is wrong, and the reading code of a parameter type is made
//! once, for this reader alone, rather than once more for a path-tracking wrapper around each of
//! its fields' readers. Scalars are read by `serde_json::Value`'s own deserializer, so every
//! message about a value is serde_json's wording.
//!
//! Objects are read as maps and nothing else: a struct given as a list (its fields by position,
//! which serde would otherwise accept) is a type error, as at the top level, and no type's
//! by-position reading code is in the build.

use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use serde_json::Value;

/// A parameter that does not read as its type: what is wrong, and where.
#[derive(Debug)]
pub(crate) struct ReadError {
    /// What serde or the type said.
    pub(crate) message: String,
    /// The keys and indices from the field to the top, innermost first.
    path: Vec<Segment>,
    /// Whether the text being read is not JSON (see [`super::text_reader`]): then the
    /// message is to be replaced by the JSON parser's own.
    pub(super) syntax: bool,
}

#[derive(Debug)]
pub(super) enum Segment {
    Key(String),
    Index(usize),
}

impl ReadError {
    /// This error, about the value under `segment` of the object or list it was found in.
    // Out of line: it is the error path of every field's reader.
    #[inline(never)]
    pub(super) fn within(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }

    /// The field's path, keys joined by dots and indices in brackets (`list[1].phones`);
    /// `None` for the value as a whole.
    pub(crate) fn path(&self) -> Option<String> {
        if self.path.is_empty() {
            return None;
        }
        let mut out = String::new();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(itoa::Buffer::new().format(*i));
                    out.push(']');
                }
            }
        }
        Some(out)
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        ReadError {
            message: msg.to_string(),
            path: Vec::new(),
            syntax: false,
        }
    }
}

/// An error of `serde_json::Value`'s own deserializer (about a scalar), in this reader's type.
#[inline(never)]
pub(super) fn scalar_error(e: serde_json::Error) -> ReadError {
    de::Error::custom(e)
}

/// Reads `value` into `T`.
pub(crate) fn read<T: de::DeserializeOwned>(value: Value) -> Result<T, ReadError> {
    T::deserialize(ValueReader(value))
}

/// A value being read.
struct ValueReader(Value);

/// What `serde_json::Value` does with every request for a scalar: the same, in this reader's
/// error type.
macro_rules! scalars {
    ($($method:ident)+) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            self.0.$method(visitor).map_err(scalar_error)
        }
    )+};
}

impl<'de> Deserializer<'de> for ValueReader {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Object(fields) => read_object(fields, visitor),
            Value::Array(items) => read_list(items, visitor),
            other => other.deserialize_any(visitor).map_err(scalar_error),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(ValueReader(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Array(items) => read_list(items, visitor),
            other => other.deserialize_seq(visitor).map_err(scalar_error),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.0 {
            Value::Object(fields) => read_object(fields, visitor),
            other => other.deserialize_map(visitor).map_err(scalar_error),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        // As a map only: `Value` would read a struct from a list too, by position.
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.0
            .deserialize_enum(name, variants, visitor)
            .map_err(scalar_error)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }

    scalars! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_bytes
        deserialize_byte_buf deserialize_unit deserialize_identifier
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.0
            .deserialize_unit_struct(name, visitor)
            .map_err(scalar_error)
    }
}

/// Reads an object through `visitor`, each field's error carrying its key.
fn read_object<'de, V: Visitor<'de>>(
    fields: serde_json::Map<String, Value>,
    visitor: V,
) -> Result<V::Value, ReadError> {
    let len = fields.len();
    let mut access = ObjectAccess {
        fields: fields.into_iter(),
        value: None,
    };
    let out = visitor.visit_map(&mut access)?;
    match access.fields.len() {
        0 => Ok(out),
        _ => Err(de::Error::invalid_length(len, &"fewer elements in map")),
    }
}

/// Reads a list through `visitor`, each item's error carrying its index.
fn read_list<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value, ReadError> {
    let len = items.len();
    let mut access = ListAccess {
        items: items.into_iter(),
        index: 0,
    };
    let out = visitor.visit_seq(&mut access)?;
    match access.items.len() {
        0 => Ok(out),
        _ => Err(de::Error::invalid_length(len, &"fewer elements in array")),
    }
}

struct ObjectAccess {
    fields: serde_json::map::IntoIter,
    /// The field whose key was read last, waiting for its value to be.
    value: Option<(String, Value)>,
}

impl<'de> de::MapAccess<'de> for ObjectAccess {
    type Error = ReadError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some((key, value)) = self.fields.next() else {
            return Ok(None);
        };
        let read = seed.deserialize(key.as_str().into_deserializer());
        match read {
            Ok(k) => {
                self.value = Some((key, value));
                Ok(Some(k))
            }
            // An unknown name is about that name.
            Err(e) => Err(ReadError::within(e, Segment::Key(key))),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ReadError> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("a value was asked for before its key"));
        };
        seed.deserialize(ValueReader(value))
            .map_err(|e| e.within(Segment::Key(key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len())
    }
}

struct ListAccess {
    items: std::vec::IntoIter<Value>,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for ListAccess {
    type Error = ReadError;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ValueReader(item))
            .map(Some)
            .map_err(|e| e.within(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        phones: Vec<String>,
        count: Option<u8>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Top {
        list: Vec<Item>,
        name: Option<String>,
    }

    fn error(value: Value) -> (Option<String>, String) {
        let e = read::<Top>(value).unwrap_err();
        (e.path(), e.message)
    }

    /// The path names the field an error is about, down through lists and objects, spelt as
    /// before (`list[1].phones[0]`); an error about the value as a whole has none.
    #[test]
    fn errors_name_the_path_of_their_field() {
        let (path, message) = error(json!({"list": [{"phones": []}, {"phones": ["7", 5]}]}));
        assert_eq!(path.as_deref(), Some("list[1].phones[1]"));
        assert_eq!(message, "invalid type: integer `5`, expected a string");
        let (path, _) = error(json!({"list": [{"phones": [], "count": 300}]}));
        assert_eq!(path.as_deref(), Some("list[0].count"));
        let (path, message) = error(json!({"list": [], "nmae": "x"}));
        assert_eq!(path.as_deref(), Some("nmae"));
        assert!(message.starts_with("unknown field `nmae`"), "{message}");
        let (path, message) = error(json!({"list": [{}]}));
        assert_eq!(path.as_deref(), Some("list[0]"));
        assert_eq!(message, "missing field `phones`");
        let (path, message) = error(json!({}));
        assert_eq!(path, None);
        assert_eq!(message, "missing field `list`");
    }

    /// A struct is read from an object only, never from a list by position.
    #[test]
    fn a_struct_is_not_read_from_a_list() {
        let (path, message) = error(json!({"list": [[["7"], 1]]}));
        assert_eq!(path.as_deref(), Some("list[0]"));
        assert!(message.starts_with("invalid type: sequence"), "{message}");
    }

    /// What a well-formed value reads as.
    #[test]
    fn values_read_as_their_types() {
        let top: Top =
            read(json!({"name": null, "list": [{"phones": ["7", "8"], "count": 2}]})).unwrap();
        assert_eq!(top.list[0].phones, ["7", "8"]);
        assert_eq!(top.list[0].count, Some(2));
        assert_eq!(top.name, None);
    }
}
