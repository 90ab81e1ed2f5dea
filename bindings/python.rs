//! The Python frontend (`smsc_core._native`), built by maturin.
//!
//! Thin by design: a call's parameters are read from the Python values in place
//! (`python_reader.rs`, through [`crate::Call::from_deserializer`]), and should they not read,
//! become JSON data for [`Client::prepare_json`], whose error is the one raised; settings become
//! JSON data for [`Client::from_json`]. Results are written as Python objects straight from
//! their typed form (money as `decimal.Decimal`), and errors are raised as the classes of
//! `smsc_core.errors`, chosen there by the core's `kind` and `reason`. Every entry catches
//! panics so that a bug surfaces as `InternalError`, never as pyo3's uncatchable
//! `PanicException`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple,
};

use crate::{Client, Error, Failure, Request};

#[path = "python_reader.rs"]
mod reader;

/// Raises `err` as the matching `smsc_core.errors` exception.
fn raise(py: Python<'_>, err: &Error) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let errors = py.import("smsc_core.errors")?;
        let exc = errors.getattr("_from_native")?.call1((
            err.kind().as_str(),
            err.to_string(),
            err.code(),
            err.reason().map(|r| r.as_str()),
            err.field(),
            err.message_id(),
        ))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

/// Runs `f`, turning a panic into `InternalError`.
fn guarded<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            Err(raise(py, &Error::Internal { message: what }))
        }
    }
}

/// Python data to JSON data; `path` names the place of a value of an unsupported type.
fn to_json(value: &Bound<'_, PyAny>, path: &str) -> Result<serde_json::Value, Error> {
    to_json_at(value, Place::Root(path), 0)
}

/// Where a value is in the data given: written out (`list[1].phones`) only for an error, so a
/// walk that succeeds makes no path strings.
#[derive(Clone, Copy)]
enum Place<'a> {
    /// The value given, named so.
    Root(&'a str),
    /// The value under a key of a dict.
    Key(&'a Place<'a>, &'a str),
    /// An item of a list or tuple.
    Index(&'a Place<'a>, usize),
}

impl Place<'_> {
    /// The path as the errors name fields: keys joined by dots, indices in brackets.
    fn path(&self) -> String {
        match self {
            Place::Root(name) => (*name).to_string(),
            Place::Key(parent, key) => {
                let parent = parent.path();
                if parent.is_empty() {
                    (*key).to_string()
                } else {
                    format!("{parent}.{key}")
                }
            }
            Place::Index(parent, i) => format!("{}[{i}]", parent.path()),
        }
    }

    /// The path, or `params` for the parameters as a whole.
    fn field(&self) -> String {
        let path = self.path();
        if path.is_empty() {
            "params".to_string()
        } else {
            path
        }
    }
}

/// [`to_json`] at nesting `depth`. The walk recurses on the native stack, so nesting is bounded
/// as serde_json bounds it for the other frontends; the bound also stops a dict or list that
/// contains itself, which would otherwise recurse until the process crashes.
fn to_json_at(
    value: &Bound<'_, PyAny>,
    place: Place<'_>,
    depth: usize,
) -> Result<serde_json::Value, Error> {
    use serde_json::Value as J;
    if depth > crate::ops::MAX_JSON_DEPTH {
        // The top-level name, not the 128-step path, is what the caller can find and fix.
        let path = place.path();
        let top = path.split(['.', '[']).next().filter(|p| !p.is_empty());
        return Err(Error::invalid(
            top.unwrap_or("params"),
            format!(
                "nests deeper than {} levels or contains itself; give plain, flat data",
                crate::ops::MAX_JSON_DEPTH
            ),
        ));
    }
    // Text first: it is most of what is given, and no other type below is a str.
    if let Ok(s) = value.cast::<PyString>() {
        return s.to_cow().map(|s| J::String(s.into_owned())).map_err(|_| {
            Error::invalid(
                place.path(),
                "the text is not valid Unicode (lone surrogates)",
            )
        });
    }
    if value.is_none() {
        return Ok(J::Null);
    }
    if value.is_instance_of::<PyBool>() {
        return Ok(J::Bool(value.extract::<bool>().unwrap_or(false)));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(i) = value.extract::<i64>() {
            return Ok(J::from(i));
        }
        if let Ok(u) = value.extract::<u64>() {
            return Ok(J::from(u));
        }
        return Err(Error::invalid(place.path(), "the integer is too large"));
    }
    if value.is_instance_of::<PyFloat>() {
        let f = value.extract::<f64>().unwrap_or(f64::NAN);
        return serde_json::Number::from_f64(f)
            .map(J::Number)
            .ok_or_else(|| {
                Error::invalid(place.path(), "NaN and infinity are not numbers SMSC takes")
            });
    }
    if let Ok(list) = value.cast::<PyList>() {
        return list
            .iter()
            .enumerate()
            .map(|(i, item)| to_json_at(&item, Place::Index(&place, i), depth + 1))
            .collect::<Result<_, _>>()
            .map(J::Array);
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        return tuple
            .iter()
            .enumerate()
            .map(|(i, item)| to_json_at(&item, Place::Index(&place, i), depth + 1))
            .collect::<Result<_, _>>()
            .map(J::Array);
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (k, v) in dict.iter() {
            let key: String = k
                .extract()
                .map_err(|_| Error::invalid(place.field(), "dictionary keys must be strings"))?;
            let item = to_json_at(&v, Place::Key(&place, &key), depth + 1)?;
            map.insert(key, item);
        }
        return Ok(J::Object(map));
    }
    // A `datetime.date` (and so a `datetime`) goes as its ISO 8601 text, which the core turns
    // into the form each field takes; an aware datetime keeps its offset. Asked last: only a
    // value of no plain type gets here.
    if let Ok(date_type) = value
        .py()
        .import("datetime")
        .and_then(|m| m.getattr("date"))
    {
        if value.is_instance(&date_type).unwrap_or(false) {
            return value
                .call_method0("isoformat")
                .and_then(|text| text.extract::<String>())
                .map(J::String)
                .map_err(|_| {
                    Error::invalid(place.path(), "the date could not be written in ISO 8601")
                });
        }
    }
    let type_name = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    Err(Error::invalid(
        place.field(),
        format!(
            "a value of type {type_name} is not accepted; use str, int, float, bool, list, dict, or a date or datetime where the parameter is a day or a time"
        ),
    ))
}

/// `decimal.Decimal`, looked up once per interpreter rather than on every answer.
fn decimal_type(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    static DECIMAL: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> = pyo3::sync::PyOnceLock::new();
    DECIMAL
        .import(py, "decimal", "Decimal")
        .map(|t| t.clone().into_any())
}

/// A result as Python objects, written straight from its `Serialize` impl (no tree in between):
/// structs and maps become dicts in their fields' order, sequences lists, money
/// `decimal.Decimal`. One `str` per key name is made and reused, as `json.loads` does, since a
/// list of records repeats the same few keys.
fn to_python<'py, T: serde::Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
    decimal: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let keys = std::cell::RefCell::new(Keys {
        made: MadeKeys::default(),
        // Held for the whole result, so a key costs a lookup and no lock. `try_lock`: a result
        // written meanwhile on another thread (the GIL changes hands when a finalizer runs
        // Python code mid-result) makes its names anew rather than wait while holding the GIL.
        names: STATIC_KEYS
            .get_or_init(py, Default::default)
            .try_lock()
            .ok(),
    });
    value
        .serialize(PyWriter {
            py,
            decimal,
            keys: &keys,
        })
        .map_err(|e| e.0)
}

/// The serializer behind [`to_python`].
#[derive(Clone, Copy)]
struct PyWriter<'py, 'a> {
    py: Python<'py>,
    decimal: &'a Bound<'py, PyAny>,
    keys: &'a std::cell::RefCell<Keys<'py>>,
}

/// The key `str`s a result is written with.
struct Keys<'py> {
    /// Made for this result.
    made: MadeKeys<'py>,
    /// The process-wide ones of field and variant names; `None` while another result holds them.
    names: Option<std::sync::MutexGuard<'static, StaticKeys>>,
}

/// The `str` of every field and variant name written so far, by the address and length of the
/// name (see [`PyWriter::static_key`]).
static STATIC_KEYS: pyo3::sync::PyOnceLock<std::sync::Mutex<StaticKeys>> =
    pyo3::sync::PyOnceLock::new();

/// The `str` of each name by its address and length.
type StaticKeys = std::collections::HashMap<
    (usize, usize),
    Py<PyString>,
    std::hash::BuildHasherDefault<WordHasher>,
>;

/// The key `str`s made so far for one result, in the order first written, and the one expected
/// next: the records of a list repeat their keys in the same order, so a key is mostly found by
/// comparing it with that one alone, without hashing it.
#[derive(Default)]
struct MadeKeys<'py> {
    keys: Vec<(Box<str>, Bound<'py, PyString>)>,
    by_name: std::collections::HashMap<Box<str>, usize, std::hash::BuildHasherDefault<WordHasher>>,
    next: usize,
}

/// A word at a time: the keys are short names, or addresses and lengths, where the standard
/// hasher's setup and a byte-at-a-time hash were a tenth of the cost of a result.
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.write_u64(u64::from_le_bytes(word.try_into().unwrap_or_default()));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            if let Some(start) = word.get_mut(..rest.len()) {
                start.copy_from_slice(rest);
            }
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n.into());
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A Python exception on its way out of a `Serialize` impl.
#[derive(Debug)]
struct WriteError(PyErr);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for WriteError {}

impl serde::ser::Error for WriteError {
    fn custom<M: std::fmt::Display>(msg: M) -> Self {
        WriteError(pyo3::exceptions::PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for WriteError {
    fn from(e: PyErr) -> Self {
        WriteError(e)
    }
}

impl<'py> PyWriter<'py, '_> {
    /// The key `name` as a `str`, made once per result.
    fn key(&self, name: &str) -> Bound<'py, PyString> {
        let made = &mut self.keys.borrow_mut().made;
        let found = match made.keys.get(made.next) {
            Some((expected, _)) if **expected == *name => Some(made.next),
            _ => made.by_name.get(name).copied(),
        };
        if let Some((i, (_, key))) = found.and_then(|i| Some((i, made.keys.get(i)?))) {
            made.next = i + 1;
            return key.clone();
        }
        let key = PyString::new(self.py, name);
        made.by_name.insert(name.into(), made.keys.len());
        made.keys.push((name.into(), key.clone()));
        made.next = made.keys.len();
        key
    }

    /// The field or variant name `name` as a `str`, made once per process: the names of the
    /// result types are few and fixed, so every result after the first makes no key at all.
    fn static_key(&self, name: &'static str) -> Bound<'py, PyString> {
        let mut keys = self.keys.borrow_mut();
        let Some(names) = keys.names.as_mut() else {
            return PyString::new(self.py, name);
        };
        // Keyed by address and length: one literal may be a prefix of another.
        let names = names
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::new(self.py, name).unbind());
        names.bind(self.py).clone()
    }

    fn one_entry(
        &self,
        name: &'static str,
        value: Bound<'py, PyAny>,
    ) -> Result<Bound<'py, PyAny>, WriteError> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.static_key(name), value)?;
        Ok(dict.into_any())
    }
}

/// A list being written.
struct ListWriter<'py, 'a> {
    writer: PyWriter<'py, 'a>,
    list: Bound<'py, PyList>,
    /// The variant name, for a tuple variant (`{variant: [...]}`).
    variant: Option<&'static str>,
}

/// A dict being written.
struct DictWriter<'py, 'a> {
    writer: PyWriter<'py, 'a>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    /// The variant name, for a struct variant (`{variant: {...}}`).
    variant: Option<&'static str>,
}

impl<'py, 'a> serde::Serializer for PyWriter<'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    type SerializeSeq = ListWriter<'py, 'a>;
    type SerializeTuple = ListWriter<'py, 'a>;
    type SerializeTupleStruct = ListWriter<'py, 'a>;
    type SerializeTupleVariant = ListWriter<'py, 'a>;
    type SerializeMap = DictWriter<'py, 'a>;
    type SerializeStruct = DictWriter<'py, 'a>;
    type SerializeStructVariant = DictWriter<'py, 'a>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, WriteError> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, WriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, WriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, WriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, WriteError> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, WriteError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, WriteError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, WriteError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, WriteError> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, WriteError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, WriteError> {
        let Ok(float) = v.into_pyobject(self.py);
        Ok(float.into_any())
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, WriteError> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, WriteError> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, WriteError> {
        Ok(PyBytes::new(self.py, v).into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok, WriteError> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: serde::Serialize + ?Sized>(self, v: &T) -> Result<Self::Ok, WriteError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, WriteError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Self::Ok, WriteError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, WriteError> {
        Ok(self.static_key(variant).into_any())
    }
    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<Self::Ok, WriteError> {
        let inner = v.serialize(self)?;
        if name == crate::money::MONEY_TOKEN {
            return Ok(self.decimal.call1((inner,))?);
        }
        Ok(inner)
    }
    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Self::Ok, WriteError> {
        let inner = v.serialize(self)?;
        self.one_entry(variant, inner)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, WriteError> {
        Ok(ListWriter {
            writer: self,
            list: PyList::empty(self.py),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        Ok(ListWriter {
            writer: self,
            list: PyList::empty(self.py),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, WriteError> {
        Ok(DictWriter {
            writer: self,
            dict: PyDict::new(self.py),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, WriteError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, WriteError> {
        Ok(DictWriter {
            writer: self,
            dict: PyDict::new(self.py),
            key: None,
            variant: Some(variant),
        })
    }
}

/// Writes a map key: text keys (every key of every result, flattened structs' fields among them)
/// come from the key cache without making a `str` first; anything else is written as a value.
struct KeyWriter<'py, 'a>(PyWriter<'py, 'a>);

/// Forwards the listed `serialize_*` methods of [`KeyWriter`] to the value writer.
macro_rules! forward_to_value {
    ($( $method:ident($($arg:ident: $ty:ty),*) -> $out:ty; )+) => {$(
        fn $method(self, $($arg: $ty),*) -> Result<$out, WriteError> {
            self.0.$method($($arg),*)
        }
    )+};
}

impl<'py, 'a> serde::Serializer for KeyWriter<'py, 'a> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    type SerializeSeq = ListWriter<'py, 'a>;
    type SerializeTuple = ListWriter<'py, 'a>;
    type SerializeTupleStruct = ListWriter<'py, 'a>;
    type SerializeTupleVariant = ListWriter<'py, 'a>;
    type SerializeMap = DictWriter<'py, 'a>;
    type SerializeStruct = DictWriter<'py, 'a>;
    type SerializeStructVariant = DictWriter<'py, 'a>;

    fn serialize_str(self, v: &str) -> Result<Self::Ok, WriteError> {
        Ok(self.0.key(v).into_any())
    }

    forward_to_value! {
        serialize_bool(v: bool) -> Self::Ok;
        serialize_i8(v: i8) -> Self::Ok;
        serialize_i16(v: i16) -> Self::Ok;
        serialize_i32(v: i32) -> Self::Ok;
        serialize_i64(v: i64) -> Self::Ok;
        serialize_u8(v: u8) -> Self::Ok;
        serialize_u16(v: u16) -> Self::Ok;
        serialize_u32(v: u32) -> Self::Ok;
        serialize_u64(v: u64) -> Self::Ok;
        serialize_f32(v: f32) -> Self::Ok;
        serialize_f64(v: f64) -> Self::Ok;
        serialize_char(v: char) -> Self::Ok;
        serialize_bytes(v: &[u8]) -> Self::Ok;
        serialize_none() -> Self::Ok;
        serialize_unit() -> Self::Ok;
        serialize_unit_struct(name: &'static str) -> Self::Ok;
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str) -> Self::Ok;
        serialize_seq(len: Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(len: usize) -> Self::SerializeTuple;
        serialize_tuple_struct(name: &'static str, len: usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeTupleVariant;
        serialize_map(len: Option<usize>) -> Self::SerializeMap;
        serialize_struct(name: &'static str, len: usize) -> Self::SerializeStruct;
        serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: serde::Serialize + ?Sized>(self, v: &T) -> Result<Self::Ok, WriteError> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<Self::Ok, WriteError> {
        self.0.serialize_newtype_struct(name, v)
    }
    fn serialize_newtype_variant<T: serde::Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Self::Ok, WriteError> {
        self.0.serialize_newtype_variant(name, index, variant, v)
    }
}

impl<'py> ListWriter<'py, '_> {
    fn push<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        self.list.append(v.serialize(self.writer)?)?;
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, WriteError> {
        match self.variant {
            Some(name) => self.writer.one_entry(name, self.list.into_any()),
            None => Ok(self.list.into_any()),
        }
    }
}

impl<'py> serde::ser::SerializeSeq for ListWriter<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_element<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        self.push(v)
    }
    fn end(self) -> Result<Self::Ok, WriteError> {
        self.finish()
    }
}

impl<'py> serde::ser::SerializeTuple for ListWriter<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_element<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        self.push(v)
    }
    fn end(self) -> Result<Self::Ok, WriteError> {
        self.finish()
    }
}

impl<'py> serde::ser::SerializeTupleStruct for ListWriter<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_field<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        self.push(v)
    }
    fn end(self) -> Result<Self::Ok, WriteError> {
        self.finish()
    }
}

impl<'py> serde::ser::SerializeTupleVariant for ListWriter<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_field<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        self.push(v)
    }
    fn end(self) -> Result<Self::Ok, WriteError> {
        self.finish()
    }
}

impl<'py> DictWriter<'py, '_> {
    fn field<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), WriteError> {
        let value = v.serialize(self.writer)?;
        self.dict.set_item(self.writer.static_key(name), value)?;
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>, WriteError> {
        match self.variant {
            Some(name) => self.writer.one_entry(name, self.dict.into_any()),
            None => Ok(self.dict.into_any()),
        }
    }
}

impl<'py> serde::ser::SerializeMap for DictWriter<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.key = Some(key.serialize(KeyWriter(self.writer))?);
        Ok(())
    }
    fn serialize_value<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WriteError> {
        let value = v.serialize(self.writer)?;
        let key = self
            .key
            .take()
            .unwrap_or_else(|| self.writer.py.None().into_bound(self.writer.py));
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, WriteError> {
        self.finish()
    }
}

impl<'py> serde::ser::SerializeStruct for DictWriter<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), WriteError> {
        self.field(name, v)
    }
    fn end(self) -> Result<Self::Ok, WriteError> {
        self.finish()
    }
}

impl<'py> serde::ser::SerializeStructVariant for DictWriter<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = WriteError;
    fn serialize_field<T: serde::Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), WriteError> {
        self.field(name, v)
    }
    fn end(self) -> Result<Self::Ok, WriteError> {
        self.finish()
    }
}

/// A configured client; `smsc_core.Client` wraps it with keyword arguments.
#[pyclass(name = "Client", module = "smsc_core._native", frozen)]
struct PyClient {
    inner: Client,
}

#[pymethods]
impl PyClient {
    #[new]
    fn new(py: Python<'_>, config: &Bound<'_, PyAny>) -> PyResult<Self> {
        guarded(py, || {
            let json = to_json(config, "").map_err(|e| raise(py, &e))?;
            Client::from_json(json)
                .map(|inner| PyClient { inner })
                .map_err(|e| raise(py, &e))
        })
    }

    /// Checks a call and builds its request.
    #[pyo3(signature = (op, params=None))]
    fn prepare(
        &self,
        py: Python<'_>,
        op: &Bound<'_, PyAny>,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyRequest> {
        guarded(py, || {
            let op = op_name(py, op)?;
            // The parameters read in place; anything that does not read goes the `Value` way,
            // which names the mistake.
            match self.prepare_in_place(py, &op, params) {
                Some(request) => request,
                None => self.prepare_by_value(py, &op, params),
            }
        })
    }

    /// [`PyClient::prepare`] with the parameters read in place only; `None` when they do not
    /// read so. For the tests, which check that the values they give are read this way.
    #[pyo3(signature = (op, params=None))]
    fn _prepare_in_place(
        &self,
        py: Python<'_>,
        op: &Bound<'_, PyAny>,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<PyRequest>> {
        guarded(py, || {
            let op = op_name(py, op)?;
            self.prepare_in_place(py, &op, params).transpose()
        })
    }

    /// [`PyClient::prepare`] through the `Value` way only: the tests check that both ways give
    /// the same request.
    #[pyo3(signature = (op, params=None))]
    fn _prepare_by_value(
        &self,
        py: Python<'_>,
        op: &Bound<'_, PyAny>,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyRequest> {
        guarded(py, || {
            let op = op_name(py, op)?;
            self.prepare_by_value(py, &op, params)
        })
    }

    /// Builds the e-mail that sends a message through SMSC's SMTP route.
    #[pyo3(signature = (params=None))]
    fn smtp_message<'py>(
        &self,
        py: Python<'py>,
        params: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guarded(py, || {
            let json = match params {
                Some(p) => to_json(p, "").map_err(|e| raise(py, &e))?,
                None => serde_json::Value::Null,
            };
            let mail = self
                .inner
                .smtp_message_json(json)
                .map_err(|e| raise(py, &e))?;
            let decimal = decimal_type(py)?;
            to_python(py, &mail, &decimal)
        })
    }

    /// The base address requests go to.
    #[getter]
    fn base_url(&self) -> &str {
        self.inner.base_url()
    }

    fn __repr__(&self) -> String {
        let auth = match self.inner.credentials() {
            crate::Credentials::Login { login, .. } => format!("login={login:?}"),
            crate::Credentials::ApiKey(_) => "api_key=***".to_string(),
        };
        // The format by its setting name (`"json"`), as the constructor takes it.
        let format = serde_json::to_value(self.inner.format())
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        format!(
            "Client({auth}, base_url={:?}, method={:?}, format={format:?})",
            self.inner.base_url(),
            self.inner.method().as_str(),
        )
    }
}

impl PyClient {
    /// The request made from `params` (a dict) read in place by [`reader::PyReader`]; `None`
    /// when they are not a dict or do not read into the operation's parameters.
    fn prepare_in_place(
        &self,
        py: Python<'_>,
        op: &str,
        params: Option<&Bound<'_, PyAny>>,
    ) -> Option<PyResult<PyRequest>> {
        let params = params.filter(|p| p.is_instance_of::<PyDict>())?;
        let call =
            crate::ops::Call::from_deserializer(op, reader::PyReader::root(params).ok()?).ok()?;
        Some(
            self.inner
                .prepare(call)
                .map(|inner| PyRequest { inner })
                .map_err(|e| raise(py, &e)),
        )
    }

    /// The request made from `params` as JSON data: the `Value` way, whose errors are the ones
    /// reported.
    fn prepare_by_value(
        &self,
        py: Python<'_>,
        op: &str,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyRequest> {
        let json = match params {
            Some(p) => to_json(p, "").map_err(|e| raise(py, &e))?,
            None => serde_json::Value::Null,
        };
        self.inner
            .prepare_json(op, json)
            .map(|inner| PyRequest { inner })
            .map_err(|e| raise(py, &e))
    }
}

/// The operation name, taken as any object so that a wrong type is InvalidArgumentError, not
/// pyo3's TypeError.
fn op_name<'a>(py: Python<'_>, op: &'a Bound<'_, PyAny>) -> PyResult<std::borrow::Cow<'a, str>> {
    op.extract().map_err(|_| {
        raise(
            py,
            &Error::invalid(
                "op",
                "the operation name must be a str such as \"send_sms\"",
            ),
        )
    })
}

/// A request ready to send with any HTTP client, which reads its own answer.
#[pyclass(name = "Request", module = "smsc_core._native", frozen, generic)]
struct PyRequest {
    inner: Request,
}

#[pymethods]
impl PyRequest {
    /// `"POST"` or `"GET"`.
    #[getter]
    fn method(&self) -> &'static str {
        self.inner.method.as_str()
    }

    /// The full address (with GET it carries the parameters, credentials included).
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }

    /// Headers to send, as a new dict.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (k, v) in &self.inner.headers {
            dict.set_item(k, v)?;
        }
        Ok(dict)
    }

    /// The form body with POST, `None` with GET.
    #[getter]
    fn body(&self) -> Option<&str> {
        self.inner.body.as_deref()
    }

    /// The operation name.
    #[getter]
    fn operation(&self) -> &'static str {
        self.inner.operation()
    }

    #[getter]
    fn effect(&self) -> &'static str {
        self.inner.effect().as_str()
    }

    /// Interprets the server's answer.
    fn parse<'py>(
        &self,
        py: Python<'py>,
        status: &Bound<'py, PyAny>,
        body: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guarded(py, || {
            let bad_status = || {
                raise(
                    py,
                    &Error::invalid(
                        "status",
                        "the HTTP status must be an int from 0 to 65535, such as resp.status_code",
                    ),
                )
            };
            // bool is an int subclass in Python; True as a status is a mistake, not 1.
            if status.is_instance_of::<PyBool>() {
                return Err(bad_status());
            }
            let status: u16 = status.extract().map_err(|_| bad_status())?;
            let bytes = body_bytes(py, body)?;
            let output = self
                .inner
                .parse(status, &bytes)
                .map_err(|e| raise(py, &e))?;
            let decimal = decimal_type(py)?;
            to_python(py, &output, &decimal)
        })
    }

    /// What to do after attempt `attempt` of this request failed with `failure`: an
    /// smsc-core exception (read through its `kind`, `code` and `transport`), or a connection
    /// failure of the HTTP client (`ConnectionRefusedError`, `TimeoutError`…).
    #[pyo3(signature = (failure, attempt=1))]
    fn advice<'py>(
        &self,
        py: Python<'py>,
        failure: &Bound<'py, PyAny>,
        attempt: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        guarded(py, || {
            let failure = failure_of(py, failure).map_err(|e| raise(py, &e))?;
            let advice = self.inner.advice(failure, attempt);
            let decimal = decimal_type(py)?;
            to_python(py, &advice, &decimal)
        })
    }

    /// This request with files, as a `multipart/form-data` body: each file a path (`str` or
    /// `os.PathLike`), an open binary file, or a tuple `(name, bytes[, content_type])`.
    #[pyo3(signature = (files, boundary=None))]
    fn with_files(
        &self,
        py: Python<'_>,
        files: &Bound<'_, PyAny>,
        boundary: Option<&str>,
    ) -> PyResult<PyMultipart> {
        guarded(py, || {
            let items: Vec<Bound<'_, PyAny>> = files
                .try_iter()
                .and_then(|it| it.collect::<PyResult<_>>())
                .map_err(|_| {
                    raise(py, &Error::invalid("files", "give a list of files: paths, open binary files or (name, bytes) tuples"))
                })?;
            let uploads = items
                .iter()
                .enumerate()
                .map(|(i, item)| upload_of(py, item, &format!("files[{i}]")))
                .collect::<PyResult<Vec<_>>>()?;
            self.inner
                .with_files(&uploads, boundary)
                .map(|inner| PyMultipart { inner })
                .map_err(|e| raise(py, &e))
        })
    }

    /// The same request sent to another base address, such as an advice's `base_url`.
    fn at(&self, py: Python<'_>, base_url: &str) -> PyResult<PyRequest> {
        guarded(py, || {
            self.inner
                .at(base_url)
                .map(|inner| PyRequest { inner })
                .map_err(|e| raise(py, &e))
        })
    }

    fn __repr__(&self) -> String {
        let body = self
            .inner
            .redacted_body()
            .map_or_else(|| "None".to_string(), |b| format!("{b:?}"));
        format!(
            "Request(operation={:?}, method={:?}, url={:?}, body={body})",
            self.inner.operation(),
            self.inner.method.as_str(),
            self.inner.redacted_url(),
        )
    }

    fn __str__(&self) -> String {
        self.__repr__()
    }
}

/// A request with files, ready for any HTTP client: POST `url` with `headers` and `body`.
#[pyclass(name = "Multipart", module = "smsc_core._native", frozen)]
struct PyMultipart {
    inner: crate::Multipart,
}

#[pymethods]
impl PyMultipart {
    /// Always `"POST"`.
    #[getter]
    fn method(&self) -> &'static str {
        "POST"
    }

    /// The address, without a query.
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }

    /// `{"Content-Type": "multipart/form-data; boundary=…"}`.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("Content-Type", &self.inner.content_type)?;
        Ok(dict)
    }

    /// The body, credentials included.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.body)
    }

    fn __repr__(&self) -> String {
        format!(
            "Multipart(url={:?}, content_type={:?}, body=<{} bytes>)",
            self.inner.url,
            self.inner.content_type,
            self.inner.body.len()
        )
    }
}

/// One file for [`PyRequest::with_files`]: a path, an open binary file or `(name, bytes[, type])`.
fn upload_of(py: Python<'_>, item: &Bound<'_, PyAny>, at: &str) -> PyResult<crate::Upload> {
    let bad = |why: &str| raise(py, &Error::invalid(at, why));
    let base_name = |path: &str| {
        std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    if let Ok(tuple) = item.cast::<PyTuple>() {
        let (name, data, content_type) = match tuple.len() {
            2 => (tuple.get_item(0)?, tuple.get_item(1)?, None),
            3 => (
                tuple.get_item(0)?,
                tuple.get_item(1)?,
                Some(tuple.get_item(2)?),
            ),
            _ => {
                return Err(bad(
                    "a file tuple is (name, bytes) or (name, bytes, content_type)",
                ))
            }
        };
        let name: String = name
            .extract()
            .map_err(|_| bad("the file name must be a str"))?;
        if data.is_instance_of::<PyString>() {
            return Err(bad(
                "the file's content must be bytes, not str; encode it first",
            ));
        }
        let data = body_bytes(py, &data).map_err(|_| bad("the file's content must be bytes"))?;
        let content_type = content_type
            .map(|t| t.extract::<String>())
            .transpose()
            .map_err(|_| bad("the content type must be a str"))?;
        return Ok(crate::Upload {
            content_type,
            ..crate::Upload::new(name, data.into_owned())
        });
    }
    if item.hasattr("read")? {
        let name: String = item
            .getattr("name")
            .and_then(|n| n.extract())
            .map_err(|_| bad("an open file needs a name; give (name, file.read()) instead"))?;
        let data = item.call_method0("read")?;
        let data = body_bytes(py, &data).map_err(|_| bad("open the file in binary mode ('rb')"))?;
        return Ok(crate::Upload::new(base_name(&name), data.into_owned()));
    }
    let path: String = py
        .import("os")?
        .call_method1("fspath", (item,))
        .and_then(|p| p.extract())
        .map_err(|_| bad("give a path, an open binary file or a (name, bytes) tuple"))?;
    let data = std::fs::read(&path).map_err(|e| bad(&format!("{path:?} cannot be read: {e}")))?;
    Ok(crate::Upload::new(base_name(&path), data))
}

/// A request followed through failures to its result: the steps of [`crate::Delivery`], which
/// `smsc_core.deliver` runs with the caller's HTTP client, clock and sleep.
#[pyclass(name = "Delivery", module = "smsc_core._native")]
struct PyDelivery {
    inner: crate::Delivery,
}

#[pymethods]
impl PyDelivery {
    #[new]
    #[pyo3(signature = (client, request, max_attempts=None, timeout_ms=None, deadline_ms=None))]
    fn new(
        client: &PyClient,
        request: &PyRequest,
        max_attempts: Option<u32>,
        timeout_ms: Option<u64>,
        deadline_ms: Option<u64>,
    ) -> Self {
        let options = crate::DeliveryOptions {
            max_attempts,
            timeout_ms,
            deadline_ms,
        };
        PyDelivery {
            inner: crate::Delivery::new(&client.inner, request.inner.clone(), options),
        }
    }

    /// What to do now: `("send", request, purpose, attempt, timeout_ms)`,
    /// `("wait", delay_ms, advice)`, `("done", result)` or `("stop", advice, error)`, the
    /// error being the exception of the last answer or `None` when it got no answer.
    fn next<'py>(&mut self, py: Python<'py>, now_ms: u64) -> PyResult<Bound<'py, PyTuple>> {
        guarded(py, || {
            let decimal = decimal_type(py)?;
            let step = self.inner.next(now_ms).map_err(|e| raise(py, &e))?;
            match step {
                crate::Step::Send(e) => (
                    "send",
                    PyRequest { inner: e.request },
                    e.purpose.as_str(),
                    e.attempt,
                    e.timeout_ms,
                )
                    .into_pyobject(py),
                crate::Step::Wait { delay_ms, advice } => {
                    ("wait", delay_ms, to_python(py, &advice, &decimal)?).into_pyobject(py)
                }
                crate::Step::Done(output) => {
                    ("done", to_python(py, &output, &decimal)?).into_pyobject(py)
                }
                crate::Step::Stop(stopped) => {
                    let advice = to_python(py, &stopped.advice, &decimal)?;
                    let error = stopped.error.map(|e| raise(py, &e).into_value(py));
                    ("stop", advice, error).into_pyobject(py)
                }
            }
        })
    }

    /// Reports the answer to the last exchange.
    fn answer(&mut self, py: Python<'_>, status: u16, body: &Bound<'_, PyAny>) -> PyResult<()> {
        guarded(py, || {
            let bytes = body_bytes(py, body)?;
            self.inner.answer(status, &bytes).map_err(|e| raise(py, &e))
        })
    }

    /// Reports that the last exchange got no answer, with what the HTTP client raised; returns
    /// how it failed (`"timeout"`…). An exception that is no transport failure raises
    /// `InvalidArgumentError`.
    fn no_answer(&mut self, py: Python<'_>, failure: &Bound<'_, PyAny>) -> PyResult<&'static str> {
        guarded(py, || {
            let transport = match failure_of(py, failure).map_err(|e| raise(py, &e))? {
                Failure::Transport(t) => t,
                _ => {
                    return Err(raise(
                        py,
                        &Error::invalid(
                            "failure",
                            "an exchange without an answer is reported with the HTTP client's exception or a TransportError",
                        ),
                    ))
                }
            };
            self.inner.no_answer(transport).map_err(|e| raise(py, &e))?;
            Ok(transport.as_str())
        })
    }

    /// Whether the result came from a status check: the first answer was lost, the message
    /// had gone out, and it was not sent again.
    #[getter]
    fn already_sent(&self) -> bool {
        self.inner.already_sent()
    }

    /// Once the result is given, for a paged list: the request of the next page, or `None`.
    #[getter]
    fn next_page(&self) -> Option<PyRequest> {
        self.inner
            .next_page()
            .map(|r| PyRequest { inner: r.clone() })
    }
}

/// Reads a notification SMSC posted to the handler address (form, JSON or XML body).
#[pyfunction]
#[pyo3(signature = (body, options=None))]
fn parse_callback<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guarded(py, || {
        let bytes = body_bytes(py, body)?;
        let options = match options {
            Some(o) => to_json(o, "options").map_err(|e| raise(py, &e))?,
            None => serde_json::Value::Null,
        };
        let event = crate::parse_callback_json(&bytes, options).map_err(|e| raise(py, &e))?;
        let decimal = decimal_type(py)?;
        to_python(py, &event, &decimal)
    })
}

/// How a text is split into SMS, and with `price_per_part` what it costs for `recipients`.
#[pyfunction]
#[pyo3(signature = (text, price_per_part=None, recipients=1))]
fn segments<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    price_per_part: Option<&Bound<'py, PyAny>>,
    recipients: usize,
) -> PyResult<Bound<'py, PyAny>> {
    guarded(py, || {
        let text: std::borrow::Cow<'_, str> = text
            .extract()
            .map_err(|_| raise(py, &Error::invalid("text", "the text must be a str")))?;
        // A Decimal, int or str price, read exactly through its text (never a float).
        let price = match price_per_part {
            Some(p) if p.is_instance_of::<PyFloat>() => {
                return Err(raise(
                    py,
                    &Error::invalid(
                        "price_per_part",
                        "give the price as a Decimal or a str such as \"2.35\", not a float",
                    ),
                ))
            }
            Some(p) => Some(p.str()?.to_cow()?.into_owned()),
            None => None,
        };
        let out =
            crate::estimate(&text, price.as_deref(), recipients).map_err(|e| raise(py, &e))?;
        let decimal = decimal_type(py)?;
        to_python(py, &out, &decimal)
    })
}

/// Checks and normalises one phone number, offline.
#[pyfunction]
fn normalize_phone<'py>(py: Python<'py>, phone: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guarded(py, || {
        let phone: std::borrow::Cow<'_, str> = phone
            .extract()
            .map_err(|_| raise(py, &Error::invalid("phone", "the number must be a str")))?;
        let decimal = decimal_type(py)?;
        to_python(py, &crate::normalize_phone(&phone), &decimal)
    })
}

/// The bytes of a body given as `bytes`, `bytearray` or `str` (encoded as UTF-8).
fn body_bytes<'a>(
    py: Python<'_>,
    body: &'a Bound<'_, PyAny>,
) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    use std::borrow::Cow;
    if let Ok(b) = body.cast::<PyBytes>() {
        // bytes are immutable: read in place, not copied.
        Ok(Cow::Borrowed(b.as_bytes()))
    } else if let Ok(b) = body.cast::<PyByteArray>() {
        Ok(Cow::Owned(b.to_vec()))
    } else if let Ok(s) = body.cast::<PyString>() {
        s.to_cow()
            .map(|s| match s {
                Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
                Cow::Owned(text) => Cow::Owned(text.into_bytes()),
            })
            .map_err(|_| raise(py, &Error::invalid("body", "the text is not valid Unicode")))
    } else {
        Err(raise(
            py,
            &Error::invalid("body", "the body must be bytes, bytearray or str"),
        ))
    }
}

/// How many exceptions of a chain are read for [`error_names`]: more than any HTTP client nests.
const MAX_CHAINED_ERRORS: usize = 16;

/// The names `crate::transport_failure` reads for a Python exception: `module.QualifiedName` of
/// every class in its MRO, then the same for the exceptions it wraps, breadth first — `reason`
/// (urllib's URLError, urllib3's MaxRetryError), exception arguments (requests wraps urllib3's
/// errors so), `__cause__` and `__context__`.
fn error_names(py: Python<'_>, failure: &Bound<'_, PyAny>) -> Vec<String> {
    let base = py.get_type::<pyo3::exceptions::PyBaseException>();
    let mut names = Vec::new();
    let mut queue = std::collections::VecDeque::from([failure.clone()]);
    let mut seen: Vec<*mut pyo3::ffi::PyObject> = Vec::new();
    while let Some(error) = queue.pop_front() {
        if seen.len() >= MAX_CHAINED_ERRORS {
            break;
        }
        if seen.contains(&error.as_ptr()) || !error.is_instance(&base).unwrap_or(false) {
            continue;
        }
        seen.push(error.as_ptr());
        for class in error.get_type().mro().iter() {
            let Ok(class) = class.cast::<pyo3::types::PyType>() else {
                continue;
            };
            if let (Ok(module), Ok(name)) = (class.module(), class.qualname()) {
                names.push(format!("{module}.{name}"));
            }
        }
        for attr in ["reason", "__cause__", "__context__"] {
            if let Ok(inner) = error.getattr(attr) {
                queue.push_back(inner);
            }
        }
        if let Ok(args) = error.getattr("args") {
            if let Ok(args) = args.cast::<PyTuple>() {
                queue.extend(args.iter());
            }
        }
    }
    names
}

/// Panics on purpose, inside the same guard as every entry: the tests call it to prove that a
/// bug in the core surfaces as `InternalError`, not as pyo3's uncatchable `PanicException`.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    guarded(py, || -> PyResult<()> {
        std::panic::resume_unwind(Box::new("deliberate panic from _panic_for_tests"))
    })
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyClient>()?;
    m.add_function(wrap_pyfunction!(parse_callback, m)?)?;
    m.add_function(wrap_pyfunction!(segments, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_phone, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add_class::<PyRequest>()?;
    m.add_class::<PyDelivery>()?;
    m.add_class::<PyMultipart>()?;
    m.add("OPERATIONS", crate::OPERATIONS.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

/// A failure as the advice reads it: an smsc-core exception by its attributes, or one of
/// Python's connection errors by its class.
fn failure_of(py: Python<'_>, failure: &Bound<'_, PyAny>) -> Result<Failure, Error> {
    let text = |name: &str| -> Option<String> {
        failure
            .getattr(name)
            .ok()
            .filter(|v| !v.is_none())
            .and_then(|v| v.extract::<String>().ok())
    };
    if let Some(kind) = text("kind") {
        let code = failure
            .getattr("code")
            .ok()
            .filter(|v| !v.is_none())
            .and_then(|v| v.extract::<i64>().ok());
        return Failure::from_parts(&kind, code, text("transport").as_deref());
    }
    let names = error_names(py, failure);
    let transport = crate::transport_failure(crate::Runtime::Python, names.iter().map(String::as_str))
        .ok_or_else(|| {
            Error::invalid(
                "failure",
                "give the smsc-core exception, or the connection error your HTTP client raised (an OSError, or an exception of requests, httpx or aiohttp); this one is not a transport failure",
            )
        })?;
    Ok(Failure::Transport(transport))
}
