//! Python data read straight into a call's parameter types, with no `serde_json::Value` tree in
//! between: the fast way of `Client.prepare`.
//!
//! It reads what [`super::to_json`] followed by the core's data reader would read, and reads it
//! the same: each Python value stands for the JSON value `to_json` makes of it (a `bool` for
//! `true`, a `tuple` for a list, a `date` for its ISO 8601 text), and each scalar is visited by
//! `serde_json::Value`'s own deserializer. It has no errors of its own: data it cannot read, or
//! reads as the wrong type, is [`Unread`], and the caller then takes the `Value` way, whose
//! error (with its field's path and serde_json's wording) is the one reported. So a mistake
//! costs a second reading, and the messages are the same in every language.

use pyo3::prelude::*;
use pyo3::types::iter::{BoundDictIterator, BoundListIterator, BoundTupleIterator};
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::value::StrDeserializer;
use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use serde_json::Value;

/// That the data did not read into the type asked for. The reason is not kept: the `Value` way
/// reads the data again and names it.
#[derive(Debug)]
pub(super) struct Unread;

impl std::fmt::Display for Unread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the data did not read")
    }
}

impl std::error::Error for Unread {}

impl de::Error for Unread {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unread
    }
}

/// A Python value as the JSON value [`super::to_json`] makes of it, its type found once.
enum Node<'py> {
    /// A `str`, read when it is visited (as text it may not be valid Unicode).
    Text(Bound<'py, PyString>),
    /// `None`, a `bool`, an `int`, a finite `float`, or a `date` as its ISO 8601 text.
    Scalar(Value),
    List(Bound<'py, PyList>),
    Tuple(Bound<'py, PyTuple>),
    Dict(Bound<'py, PyDict>),
}

/// A value being read, at its nesting depth.
pub(super) struct PyReader<'py> {
    value: Bound<'py, PyAny>,
    node: Node<'py>,
    depth: usize,
}

impl<'py> PyReader<'py> {
    /// The reader of the parameters `value` (a `dict`).
    pub(super) fn root(value: &Bound<'py, PyAny>) -> Result<Self, Unread> {
        Self::new(value.clone(), 0)
    }

    /// Finds the type of `value` in the order `to_json` asks, with its bounds: the same nesting
    /// limit, integers that fit 64 bits, finite floats.
    fn new(value: Bound<'py, PyAny>, depth: usize) -> Result<Self, Unread> {
        if depth > crate::ops::MAX_JSON_DEPTH {
            return Err(Unread);
        }
        let node = if let Ok(s) = value.cast::<PyString>() {
            Node::Text(s.clone())
        } else if value.is_none() {
            Node::Scalar(Value::Null)
        } else if value.is_instance_of::<PyBool>() {
            Node::Scalar(Value::Bool(value.extract::<bool>().map_err(|_| Unread)?))
        } else if value.is_instance_of::<PyInt>() {
            if let Ok(i) = value.extract::<i64>() {
                Node::Scalar(Value::from(i))
            } else {
                Node::Scalar(Value::from(value.extract::<u64>().map_err(|_| Unread)?))
            }
        } else if value.is_instance_of::<PyFloat>() {
            let f = value.extract::<f64>().map_err(|_| Unread)?;
            Node::Scalar(Value::Number(
                serde_json::Number::from_f64(f).ok_or(Unread)?,
            ))
        } else if let Ok(list) = value.cast::<PyList>() {
            Node::List(list.clone())
        } else if let Ok(tuple) = value.cast::<PyTuple>() {
            Node::Tuple(tuple.clone())
        } else if let Ok(dict) = value.cast::<PyDict>() {
            Node::Dict(dict.clone())
        } else {
            // A date, or a type `to_json` refuses: its own conversion decides.
            Node::Scalar(self::slow(&value, depth)?)
        };
        Ok(PyReader { value, node, depth })
    }

    /// The value as `to_json` makes it, for what only `Value` reads (an enum, a value skipped).
    fn to_value(&self) -> Result<Value, Unread> {
        match &self.node {
            Node::Scalar(v) => Ok(v.clone()),
            _ => slow(&self.value, self.depth),
        }
    }

    fn list<'de, V: Visitor<'de>>(&self, visitor: V) -> Result<V::Value, Unread> {
        let (len, items) = match &self.node {
            Node::List(list) => (list.len(), Items::List(list.iter())),
            Node::Tuple(tuple) => (tuple.len(), Items::Tuple(tuple.iter())),
            _ => return Err(Unread),
        };
        let mut access = ListAccess {
            items,
            read: 0,
            depth: self.depth + 1,
        };
        let out = visitor.visit_seq(&mut access)?;
        // Items left over: `Value`'s reader refuses them too.
        if access.read == len {
            Ok(out)
        } else {
            Err(Unread)
        }
    }

    fn map<'de, V: Visitor<'de>>(&self, visitor: V) -> Result<V::Value, Unread> {
        let Node::Dict(dict) = &self.node else {
            return Err(Unread);
        };
        let len = dict.len();
        let mut access = DictAccess {
            items: dict.iter(),
            value: None,
            read: 0,
            depth: self.depth + 1,
        };
        let out = visitor.visit_map(&mut access)?;
        if access.read == len {
            Ok(out)
        } else {
            Err(Unread)
        }
    }
}

/// `to_json`'s own conversion of `value` at `depth`, its error as [`Unread`].
#[inline(never)]
fn slow(value: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Unread> {
    super::to_json_at(value, super::Place::Root(""), depth).map_err(|_| Unread)
}

/// Each request for a scalar as `Value` answers it; a list or a dict is the wrong type.
macro_rules! scalars {
    ($($method:ident)+) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unread> {
            match self.node {
                Node::Text(s) => {
                    let text = s.to_cow().map_err(|_| Unread)?;
                    StrDeserializer::<serde_json::Error>::new(&text)
                        .$method(visitor)
                        .map_err(|_| Unread)
                }
                Node::Scalar(v) => v.$method(visitor).map_err(|_| Unread),
                _ => Err(Unread),
            }
        }
    )+};
}

impl<'de> Deserializer<'de> for PyReader<'_> {
    type Error = Unread;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unread> {
        match self.node {
            Node::Text(s) => {
                let text = s.to_cow().map_err(|_| Unread)?;
                StrDeserializer::<serde_json::Error>::new(&text)
                    .deserialize_any(visitor)
                    .map_err(|_| Unread)
            }
            Node::Scalar(v) => v.deserialize_any(visitor).map_err(|_| Unread),
            Node::List(_) | Node::Tuple(_) => self.list(visitor),
            Node::Dict(_) => self.map(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unread> {
        match self.node {
            Node::Scalar(Value::Null) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unread> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unread> {
        self.list(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Unread> {
        self.list(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Unread> {
        self.list(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unread> {
        self.map(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unread> {
        // From a dict only, as the data reader reads a struct from an object only.
        self.map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unread> {
        self.to_value()?
            .deserialize_enum(name, variants, visitor)
            .map_err(|_| Unread)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unread> {
        // Skipped, but only if `to_json` would have taken it.
        self.to_value()?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unread> {
        match self.node {
            Node::Scalar(v) => v.deserialize_unit_struct(name, visitor).map_err(|_| Unread),
            _ => Err(Unread),
        }
    }

    scalars! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_bytes
        deserialize_byte_buf deserialize_unit deserialize_identifier
    }
}

struct DictAccess<'py> {
    items: BoundDictIterator<'py>,
    /// The value of the key read last, waiting to be read.
    value: Option<Bound<'py, PyAny>>,
    read: usize,
    depth: usize,
}

impl<'de> de::MapAccess<'de> for DictAccess<'_> {
    type Error = Unread;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unread> {
        let Some((key, value)) = self.items.next() else {
            return Ok(None);
        };
        self.read += 1;
        // Keys must be text, as for `to_json`.
        let key = key.cast_into::<PyString>().map_err(|_| Unread)?;
        let key = key.to_cow().map_err(|_| Unread)?;
        let read = seed.deserialize(IntoDeserializer::<Unread>::into_deserializer(key.as_ref()))?;
        self.value = Some(value);
        Ok(Some(read))
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Unread> {
        let value = self.value.take().ok_or(Unread)?;
        seed.deserialize(PyReader::new(value, self.depth)?)
    }
}

/// The items of a list or a tuple.
enum Items<'py> {
    List(BoundListIterator<'py>),
    Tuple(BoundTupleIterator<'py>),
}

impl<'py> Iterator for Items<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Bound<'py, PyAny>> {
        match self {
            Items::List(items) => items.next(),
            Items::Tuple(items) => items.next(),
        }
    }
}

struct ListAccess<'py> {
    items: Items<'py>,
    read: usize,
    depth: usize,
}

impl<'de> de::SeqAccess<'de> for ListAccess<'_> {
    type Error = Unread;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unread> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        self.read += 1;
        seed.deserialize(PyReader::new(item, self.depth)?).map(Some)
    }
}
