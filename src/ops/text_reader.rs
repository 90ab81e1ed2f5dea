//! The reader of parameters given as JSON text, as the JS and C frontends pass them: the same
//! `serde::Deserializer` as [`super::reader`] reads over a `serde_json::Value`, reading the text
//! in place instead. Building the tree first cost about a fifth of a prepare in WebAssembly (an
//! allocation per key and per value, a sorted map per object, then taking it apart again).
//!
//! It reads exactly what the data reader reads and says exactly what it says: scalars go to
//! `serde_json::Value`'s own deserializer, so every message about a value is serde_json's
//! wording, and a text that is not JSON is left to serde_json to describe (see
//! [`super::from_json_text_value`]), so this parser only has to notice that something is wrong.
//! Keys are taken in the order written, so of two mistakes the first written is the one named,
//! and a key given twice is an error rather than the last one silently winning.

use std::borrow::Cow;

use serde::de::value::{
    BoolDeserializer, BorrowedStrDeserializer, StringDeserializer, UnitDeserializer,
};
use serde::de::{self, Deserializer, Expected, IntoDeserializer, Unexpected, Visitor};
use serde_json::Value;

use super::reader::{scalar_error, ReadError, Segment};

/// Nesting at which serde_json stops reading (its own guard against stack overflow): the text
/// is then not read here either, and serde_json's message says why.
const DEPTH_LIMIT: usize = 128;

/// JSON text being read, at `pos`.
pub(super) struct Text<'de> {
    text: &'de str,
    pos: usize,
    depth: usize,
}

/// The error for text that is not JSON; its message is never shown (serde_json's is).
#[cold]
fn syntax() -> ReadError {
    let mut e: ReadError = de::Error::custom("not JSON");
    e.syntax = true;
    e
}

/// A scalar as it was written: text, or a number, boolean or null as `serde_json` holds it.
enum Scalar<'de> {
    Text(Cow<'de, str>),
    Other(Value),
}

impl<'de> Text<'de> {
    pub(super) fn new(text: &'de str) -> Self {
        Text {
            text,
            pos: 0,
            depth: 0,
        }
    }

    /// The next byte that is not white space, not taken.
    #[inline]
    pub(super) fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// Takes `b`, which must come next.
    fn expect(&mut self, b: u8) -> Result<(), ReadError> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(syntax())
        }
    }

    /// Succeeds when nothing but white space is left.
    pub(super) fn end(&mut self) -> Result<(), ReadError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(syntax()),
        }
    }

    /// Takes a `null` if one comes next.
    #[inline(never)]
    fn null(&mut self) -> Result<bool, ReadError> {
        if self.peek() == Some(b'n') {
            self.word("null")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Takes the word `word` (`true`, `false`, `null`).
    #[inline(never)]
    fn word(&mut self, word: &str) -> Result<(), ReadError> {
        if self
            .text
            .as_bytes()
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()))
        {
            self.pos += word.len();
            Ok(())
        } else {
            Err(syntax())
        }
    }

    /// A string, its opening quote next: borrowed from the text when it has no escapes.
    #[inline(never)]
    fn string(&mut self) -> Result<Cow<'de, str>, ReadError> {
        self.expect(b'"')?;
        let bytes = self.text.as_bytes();
        let mut start = self.pos;
        let mut owned: Option<String> = None;
        loop {
            let Some(&b) = bytes.get(self.pos) else {
                return Err(syntax());
            };
            match b {
                b'"' => {
                    let run = &self.text[start..self.pos];
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(run),
                        Some(mut s) => {
                            s.push_str(run);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[start..self.pos]);
                    self.pos += 1;
                    self.escape(s)?;
                    start = self.pos;
                }
                0..=0x1f => return Err(syntax()),
                _ => self.pos += 1,
            }
        }
    }

    /// The escape after a backslash, appended to `out`.
    #[inline(never)]
    fn escape(&mut self, out: &mut String) -> Result<(), ReadError> {
        let Some(&b) = self.text.as_bytes().get(self.pos) else {
            return Err(syntax());
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        self.word("\\u")?;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(syntax());
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(syntax()),
                    c => c,
                };
                char::from_u32(code).ok_or_else(syntax)?
            }
            _ => return Err(syntax()),
        };
        out.push(c);
        Ok(())
    }

    /// Four hexadecimal digits.
    fn hex4(&mut self) -> Result<u32, ReadError> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or_else(syntax)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(syntax());
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| syntax())
    }

    /// A number, read by serde_json itself so that its kind (unsigned, signed, float) and value
    /// are those the data reader would get.
    #[inline(never)]
    fn number(&mut self) -> Result<Value, ReadError> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = bytes.get(self.pos) {
            self.pos += 1;
        }
        let written = &self.text[start..self.pos];
        // One digit, the most common number in parameters, needs no parser.
        if let [d @ b'0'..=b'9'] = written.as_bytes() {
            return Ok(Value::from(d - b'0'));
        }
        match serde_json::from_str::<Value>(written) {
            Ok(number @ Value::Number(_)) => Ok(number),
            _ => Err(syntax()),
        }
    }

    /// The scalar next; `None` (nothing taken) for an object or a list.
    #[inline(never)]
    fn scalar(&mut self) -> Result<Option<Scalar<'de>>, ReadError> {
        Ok(Some(match self.peek().ok_or_else(syntax)? {
            b'{' | b'[' => return Ok(None),
            b'"' => Scalar::Text(self.string()?),
            b't' => self
                .word("true")
                .map(|()| Scalar::Other(Value::Bool(true)))?,
            b'f' => self
                .word("false")
                .map(|()| Scalar::Other(Value::Bool(false)))?,
            b'n' => self.word("null").map(|()| Scalar::Other(Value::Null))?,
            b'-' | b'0'..=b'9' => Scalar::Other(self.number()?),
            _ => return Err(syntax()),
        }))
    }

    /// The scalar next as a `serde_json::Value`, for `Value`'s own deserializer to answer
    /// what is asked of it; for an object or a list (not taken), what `Value` calls it.
    #[inline(never)]
    fn scalar_value(&mut self) -> Result<Result<Value, Unexpected<'static>>, ReadError> {
        Ok(match self.scalar()? {
            Some(Scalar::Text(s)) => Ok(Value::String(s.into_owned())),
            Some(Scalar::Other(v)) => Ok(v),
            None if self.peek() == Some(b'{') => Err(Unexpected::Map),
            None => Err(Unexpected::Seq),
        })
    }

    /// The value next, whatever it is, as a `serde_json::Value`.
    #[inline(never)]
    fn value(&mut self) -> Result<Value, ReadError> {
        match self.scalar()? {
            Some(Scalar::Text(s)) => Ok(Value::String(s.into_owned())),
            Some(Scalar::Other(v)) => Ok(v),
            None => {
                let start = self.pos;
                self.skip()?;
                serde_json::from_str(&self.text[start..self.pos]).map_err(|_| syntax())
            }
        }
    }

    /// The error for a value that is not the object or list `expected`: the value next is
    /// the wrong type, or the text is not JSON.
    #[cold]
    #[inline(never)]
    fn not_compound(&mut self, expected: &dyn Expected) -> ReadError {
        match self.scalar_value() {
            Ok(Ok(value)) => wrong_type(unexpected(&value), expected),
            Ok(Err(compound)) => wrong_type(compound, expected),
            Err(e) => e,
        }
    }

    /// Passes over the value next, checking only that it is JSON.
    #[inline(never)]
    fn skip(&mut self) -> Result<(), ReadError> {
        match self.scalar()? {
            Some(_) => Ok(()),
            None => {
                let object = self.peek() == Some(b'{');
                self.enter()?;
                let (close, mut first) = (if object { b'}' } else { b']' }, true);
                loop {
                    if self.peek() == Some(close) {
                        self.pos += 1;
                        break;
                    }
                    if !first {
                        self.expect(b',')?;
                    }
                    first = false;
                    if object {
                        self.string()?;
                        self.expect(b':')?;
                    }
                    self.skip()?;
                }
                self.depth -= 1;
                Ok(())
            }
        }
    }

    /// Takes the `{` or `[` next, one level deeper.
    #[inline(never)]
    fn enter(&mut self) -> Result<(), ReadError> {
        self.depth += 1;
        if self.depth >= DEPTH_LIMIT {
            return Err(syntax());
        }
        self.pos += 1;
        Ok(())
    }

    /// Reads the object next through `visitor`, each field's error carrying its key.
    fn object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        self.enter()?;
        let mut access = ObjectAccess {
            text: self,
            count: 0,
            done: false,
            key: Cow::Borrowed(""),
        };
        let out = visitor.visit_map(&mut access)?;
        if !access.done {
            return Err(access.left_over());
        }
        self.depth -= 1;
        Ok(out)
    }

    /// Reads the list next through `visitor`, each item's error carrying its index.
    fn list<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        self.enter()?;
        let mut access = ListAccess {
            text: self,
            index: 0,
            done: false,
        };
        let out = visitor.visit_seq(&mut access)?;
        if !access.done {
            return Err(access.left_over());
        }
        self.depth -= 1;
        Ok(out)
    }
}

/// The wrong-type error, worded as `serde_json::Value` words it (`null`, not `unit value`).
/// Out of line and not generic: of the visitor, only what it expected is needed.
#[cold]
#[inline(never)]
fn wrong_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> ReadError {
    scalar_error(de::Error::invalid_type(unexpected, expected))
}

/// What `serde_json::Value` calls a scalar in a wrong-type error.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// What `serde_json::Value` does with every request for a scalar: the same, in this reader's
/// error type. An object or a list never reaches `Value`'s deserializer: its reading of them
/// would be made once more for every type asked for (a second copy of the reader of each
/// parameter type). Asked for a scalar, they are the wrong type.
macro_rules! scalars {
    ($($method:ident)+) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            match self.scalar_value()? {
                Ok(value) => value.$method(visitor).map_err(scalar_error),
                Err(compound) => Err(wrong_type(compound, &visitor)),
            }
        }
    )+};
}

impl<'de> Deserializer<'de> for &mut Text<'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        // Each scalar visited as `Value` visits it (its errors in serde_json's wording), without
        // `Value`'s reading of objects and lists.
        match self.scalar()? {
            Some(Scalar::Text(Cow::Borrowed(s))) => {
                BorrowedStrDeserializer::<serde_json::Error>::new(s).deserialize_any(visitor)
            }
            Some(Scalar::Text(Cow::Owned(s))) => {
                StringDeserializer::<serde_json::Error>::new(s).deserialize_any(visitor)
            }
            Some(Scalar::Other(Value::Number(n))) => n.deserialize_any(visitor),
            Some(Scalar::Other(Value::Bool(b))) => {
                BoolDeserializer::<serde_json::Error>::new(b).deserialize_any(visitor)
            }
            Some(Scalar::Other(_)) => {
                UnitDeserializer::<serde_json::Error>::new().deserialize_any(visitor)
            }
            None if self.peek() == Some(b'{') => return self.object(visitor),
            None => return self.list(visitor),
        }
        .map_err(scalar_error)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.null()? {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
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
        match self.peek() {
            Some(b'[') => self.list(visitor),
            _ => Err(self.not_compound(&visitor)),
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
        match self.peek() {
            Some(b'{') => self.object(visitor),
            _ => Err(self.not_compound(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        // As a map only, as the data reader does.
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        // `Value`'s own reading, as the data reader does (no parameter is such an enum; this
        // keeps the two readers alike all the same).
        self.value()?
            .deserialize_enum(name, variants, visitor)
            .map_err(scalar_error)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.skip()?;
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
        match self.scalar_value()? {
            Ok(value) => value
                .deserialize_unit_struct(name, visitor)
                .map_err(scalar_error),
            Err(compound) => Err(wrong_type(compound, &visitor)),
        }
    }
}

struct ObjectAccess<'a, 'de> {
    text: &'a mut Text<'de>,
    /// The fields read so far.
    count: usize,
    /// Whether the closing brace has been read.
    done: bool,
    /// The key read last (its value's, once that is asked for).
    key: Cow<'de, str>,
}

impl<'de> ObjectAccess<'_, 'de> {
    /// The error for a visitor that stopped before the closing brace: the rest is read only
    /// to be counted, as the data reader counts what it was given.
    #[inline(never)]
    fn left_over(mut self) -> ReadError {
        let mut count = self.count;
        loop {
            match self.next_key() {
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) => return e,
            }
            if let Err(e) = self.text.skip() {
                return e;
            }
            count += 1;
        }
        de::Error::invalid_length(count, &"fewer elements in map")
    }

    /// `e`, about the value under the key read last. Out of line, and not generic: it is the
    /// error path of every field's reader.
    #[inline(never)]
    fn about_key(&self, e: ReadError) -> ReadError {
        e.within(Segment::Key(self.key.to_string()))
    }

    /// The next key and its colon; `None` after the closing brace.
    #[inline(never)]
    fn next_key(&mut self) -> Result<Option<Cow<'de, str>>, ReadError> {
        if self.done {
            return Ok(None);
        }
        if self.text.peek() == Some(b'}') {
            self.text.pos += 1;
            self.done = true;
            return Ok(None);
        }
        if self.count > 0 {
            self.text.expect(b',')?;
        }
        if self.text.peek() != Some(b'"') {
            return Err(syntax());
        }
        let key = self.text.string()?;
        self.text.expect(b':')?;
        self.count += 1;
        Ok(Some(key))
    }
}

impl<'de> de::MapAccess<'de> for ObjectAccess<'_, 'de> {
    type Error = ReadError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some(key) = self.next_key()? else {
            return Ok(None);
        };
        self.key = key;
        match seed.deserialize(self.key.as_ref().into_deserializer()) {
            Ok(k) => Ok(Some(k)),
            // An unknown name is about that name.
            Err(e) => Err(self.about_key(e)),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ReadError> {
        match seed.deserialize(&mut *self.text) {
            Ok(value) => Ok(value),
            Err(e) => Err(self.about_key(e)),
        }
    }
}

struct ListAccess<'a, 'de> {
    text: &'a mut Text<'de>,
    index: usize,
    /// Whether the closing bracket has been read.
    done: bool,
}

impl ListAccess<'_, '_> {
    /// The error for a visitor that stopped before the closing bracket (see
    /// [`ObjectAccess::left_over`]).
    #[inline(never)]
    fn left_over(mut self) -> ReadError {
        let mut count = self.index;
        loop {
            match self.next_item() {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return e,
            }
            if let Err(e) = self.text.skip() {
                return e;
            }
            self.index += 1;
            count += 1;
        }
        de::Error::invalid_length(count, &"fewer elements in array")
    }

    /// Whether an item comes next (its comma taken); `false` after the closing bracket.
    #[inline(never)]
    fn next_item(&mut self) -> Result<bool, ReadError> {
        if self.done {
            return Ok(false);
        }
        if self.text.peek() == Some(b']') {
            self.text.pos += 1;
            self.done = true;
            return Ok(false);
        }
        if self.index > 0 {
            self.text.expect(b',')?;
        }
        Ok(true)
    }
}

impl<'de> de::SeqAccess<'de> for ListAccess<'_, 'de> {
    type Error = ReadError;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        if !self.next_item()? {
            return Ok(None);
        }
        let index = self.index;
        self.index += 1;
        seed.deserialize(&mut *self.text)
            .map(Some)
            .map_err(|e| e.within(Segment::Index(index)))
    }
}

#[cfg(test)]
mod tests {
    use crate::ops::{from_json_text_value, from_json_value, json_from_text};
    use crate::Error;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        phones: Vec<String>,
        count: Option<u8>,
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Top {
        list: Vec<Item>,
        name: Option<String>,
    }

    fn read(text: &str) -> Result<Top, Error> {
        from_json_text_value(text, "params")
    }

    fn error(text: &str) -> (String, String) {
        let e = read(text).unwrap_err();
        (e.field().unwrap_or_default().to_string(), e.to_string())
    }

    /// Strings with escapes, numbers, nulls and white space read as they are written.
    #[test]
    fn values_read_as_written() {
        let top = read(
            " {\"name\" : \"a\\\"b\\u00e9\\ud83d\\ude00\\n\", \"list\":[{\"phones\":[\"7\"],\"count\":12}, {\"phones\":[], \"count\":null}]}\n",
        )
        .unwrap();
        assert_eq!(top.name.as_deref(), Some("a\"b\u{e9}\u{1f600}\n"));
        assert_eq!(
            top.list[0],
            Item {
                phones: vec!["7".into()],
                count: Some(12)
            }
        );
        assert_eq!(top.list[1].count, None);
    }

    /// The path of a mistake is named as the data reader names it.
    #[test]
    fn errors_name_the_path_of_their_field() {
        let text = r#"{"list": [{"phones": []}, {"phones": ["7", 5]}]}"#;
        let data = from_json_value::<Top>(json_from_text(text, "params").unwrap(), "params");
        assert_eq!(
            read(text).unwrap_err().to_string(),
            data.unwrap_err().to_string()
        );
        assert_eq!(error(text).0, "list[1].phones[1]");
        assert_eq!(
            error(r#"{"list": [{"phones": [], "count": 300}]}"#).0,
            "list[0].count"
        );
        assert_eq!(error(r#"{"list": [], "nmae": "x"}"#).0, "nmae");
        let (field, message) = error(r#"{"list": [{"phones": "7"}]}"#);
        assert_eq!(field, "list[0].phones");
        assert!(
            message.contains("invalid type: string \"7\", expected a sequence"),
            "{message}"
        );
        let (field, message) = error(r#"{"list": [{"phones": [], "count": null}], "name": {}}"#);
        assert_eq!(field, "name");
        assert!(
            message.contains("invalid type: map, expected a string"),
            "{message}"
        );
    }

    /// Of two mistakes the first written is named, and a key given twice is refused rather
    /// than one of its values dropped.
    #[test]
    fn the_first_mistake_written_is_named_and_no_key_is_given_twice() {
        assert_eq!(error(r#"{"name": 1, "list": 2}"#).0, "name");
        assert_eq!(error(r#"{"list": 2, "name": 1}"#).0, "list");
        let (field, message) = error(r#"{"list": [], "name": "a", "name": "b"}"#);
        assert_eq!(field, "params");
        assert!(message.contains("duplicate field `name`"), "{message}");
    }

    /// Text that is not JSON is described by the JSON parser, even when a parameter before the
    /// place where it goes wrong is wrong too.
    #[test]
    fn text_that_is_not_json_is_described_as_such() {
        for text in [
            r#"{"list": 5, "name": "x",}"#,
            r#"{"list": [], "name": "x"} x"#,
            r#"{"list": [], "name": "\q"}"#,
            r#"{"list": [], "name": "\ud800"}"#,
            "{\"list\": [], \"name\": \"a\u{1}\"}",
            r#"{"list": [01]}"#,
            r#"{"list": [1e400]}"#,
            r#"{"list": [], "name": "x""#,
            r#"{"list": [] "name": "x"}"#,
        ] {
            let expected = json_from_text(text, "params").unwrap_err().to_string();
            assert_eq!(read(text).unwrap_err().to_string(), expected, "{text}");
            assert!(expected.contains("is not valid JSON"), "{expected}");
        }
    }

    /// Nesting is bounded where serde_json bounds it, with its message.
    #[test]
    fn nesting_is_bounded_as_serde_json_bounds_it() {
        for depth in [120, 126, 127, 128, 129, 200] {
            let text = format!(
                "{{\"list\": [{{\"phones\": [], \"count\": {}1{}}}]}}",
                "[".repeat(depth),
                "]".repeat(depth)
            );
            let expected = match json_from_text(&text, "params") {
                Ok(_) => None,
                Err(e) => Some(e.to_string()),
            };
            let got = read(&text).unwrap_err().to_string();
            match expected {
                Some(expected) => assert_eq!(got, expected, "depth {depth}"),
                // Valid JSON: the error is the type of `count`.
                None => assert!(got.contains("count"), "depth {depth}: {got}"),
            }
        }
    }

    /// Anything that is not an object is refused whole, as the data reader refuses it; a call
    /// takes `null` for no parameters.
    #[test]
    fn values_that_are_not_objects_are_refused_whole() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Optional {
            name: Option<String>,
        }
        for text in ["[1]", " null ", "\"x\"", "3"] {
            let e = from_json_text_value::<Optional>(text, "params").unwrap_err();
            let data =
                from_json_value::<Optional>(json_from_text(text, "params").unwrap(), "params");
            assert_eq!(e.to_string(), data.unwrap_err().to_string());
            assert_eq!(e.field(), Some("params"));
        }
        assert!(crate::Call::from_json_text("balance", " null ").is_ok());
    }
}
