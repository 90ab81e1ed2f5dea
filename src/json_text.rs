//! Results written as compact JSON text, for the frontends that hand a result over as text
//! (the wasm module gives it to `JSON.parse`).
//!
//! The text is what `serde_json::to_string` writes for the same value, except that a float may
//! be spelt another way for the same number (Rust's shortest round-trip digits, with an
//! exponent only below 1e-5 and from 1e16). The writer exists because serde_json's goes
//! through `io::Write` a few bytes at a time, and in the size-optimised wasm build those calls
//! are not inlined: for a page of history, writing the result took longer than reading the
//! answer. Here every piece is appended to one `String`, sized from the answer it came from.

use serde::ser::{self, Serialize};

/// `value` as compact JSON text; `size_hint` is the room to reserve (the length of the answer
/// the value was read from is a good one). Fails only for a value JSON cannot hold (a map
/// whose keys are not text or numbers), which no result of this crate is.
pub fn to_json_text<T: Serialize + ?Sized>(
    value: &T,
    size_hint: usize,
) -> Result<String, WriteError> {
    append_json_text(value, String::with_capacity(size_hint))
}

/// [`to_json_text`] written at the end of `out`, whose room is reused: a frontend that hands
/// every result over through one buffer allocates nothing per result.
pub fn append_json_text<T: Serialize + ?Sized>(
    value: &T,
    out: String,
) -> Result<String, WriteError> {
    let mut writer = Writer { out };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// Why a value could not be written as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(pub(crate) String);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<M: std::fmt::Display>(msg: M) -> Self {
        WriteError(msg.to_string())
    }
}

struct Writer {
    out: String,
}

impl Writer {
    fn int(&mut self, v: impl itoa::Integer) {
        self.out.push_str(itoa::Buffer::new().format(v));
    }

    fn float(&mut self, f: f64) {
        self.out.push_str(&float_text(f));
    }

    /// Appends `text` as it is. Out of line: the fixed pieces (`null`, `true`, braces) are
    /// written from every field of every result type, and inlined each would be its own copy of
    /// the growth check.
    #[inline(never)]
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn str(&mut self, s: &str) {
        self.out.push('"');
        let bytes = s.as_bytes();
        let mut start = 0;
        while let Some(i) = next_escape(bytes, start) {
            let b = bytes.get(i).copied().unwrap_or_default();
            // `i` is at an ASCII byte, so both slices end on character boundaries.
            self.out.push_str(s.get(start..i).unwrap_or_default());
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                _ => "",
            };
            if escape.is_empty() {
                let hex = |d: u8| char::from_digit(u32::from(d), 16).unwrap_or('0');
                self.out.push_str("\\u00");
                self.out.push(hex(b >> 4));
                self.out.push(hex(b & 0xf));
            } else {
                self.out.push_str(escape);
            }
            start = i + 1;
        }
        self.out.push_str(s.get(start..).unwrap_or_default());
        self.out.push('"');
    }
}

/// Where the first byte at or after `from` is that a JSON string must escape: a control
/// character, `"` or `\\`. Results are mostly text with nothing to escape, so eight bytes are
/// tested at a time; this is most of the cost of writing a page of history.
fn next_escape(bytes: &[u8], mut from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    // Whether a byte of `w` is zero (exact: a borrow only starts at a zero byte).
    let has_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH != 0;
    while let Some(word) = bytes.get(from..from + 8) {
        let w = u64::from_le_bytes(<[u8; 8]>::try_from(word).unwrap_or_default());
        // A byte below 0x20 is one that 0x20 subtracted from borrows into its high bit.
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0;
        if control
            || has_zero(w ^ (ONES * u64::from(b'"')))
            || has_zero(w ^ (ONES * u64::from(b'\\')))
        {
            break;
        }
        from += 8;
    }
    let rest = bytes.get(from..)?;
    rest.iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .map(|p| from + p)
}

/// `f` as serde_json writes it, the shortest digits that read back as `f` (`0.1`, `1.0`,
/// `1e16`; `null` when it is not finite). The crate writes every float this way, so the module
/// carries serde_json's float writer only, not the standard library's formatting as well.
pub(crate) fn float_text(f: f64) -> String {
    serde_json::to_string(&f).unwrap_or_else(|_| "null".to_string())
}

/// A float as a plain number for a form or a message: [`float_text`] without the `.0` of a
/// whole number (`720`, `0.1`, `150.5`).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
pub(crate) struct Decimal(pub f64);

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = float_text(self.0);
        f.write_str(text.strip_suffix(".0").unwrap_or(&text))
    }
}

/// A list, object or tuple being written: whether its first element is still to come, and what
/// closes it.
struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.writer.out.push(',');
        }
    }

    // Out of line, so its own pushes are made once.
    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.comma();
        self.writer.str(key);
        self.writer.out.push(':');
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        self.comma();
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), WriteError> {
        self.writer.raw(self.close);
        Ok(())
    }
}

impl<'a> Writer {
    fn open(&'a mut self, open: &str, close: &'static str) -> Compound<'a> {
        self.raw(open);
        Compound {
            writer: self,
            first: true,
            close,
        }
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), WriteError> {
        self.raw(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), WriteError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), WriteError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), WriteError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), WriteError> {
        self.int(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), WriteError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), WriteError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), WriteError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), WriteError> {
        self.int(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), WriteError> {
        self.float(f64::from(v));
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), WriteError> {
        self.float(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        self.str(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), WriteError> {
        // As serde_json writes bytes: a list of numbers.
        let mut list = self.open("[", "]");
        for b in v {
            list.element(b)?;
        }
        list.end()
    }
    fn serialize_none(self) -> Result<(), WriteError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WriteError> {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WriteError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), WriteError> {
        self.str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        // Money among them: its decimal text.
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        let mut object = self.open("{", "}");
        object.key(variant);
        value.serialize(&mut *object.writer)?;
        object.end()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, WriteError> {
        self.out.push('{');
        self.str(variant);
        Ok(self.open(":[", "]}"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, WriteError> {
        self.out.push('{');
        self.str(variant);
        Ok(self.open(":{", "}}"))
    }
}

/// The compounds written element by element (lists and tuples): each forwards to
/// [`Compound::element`].
macro_rules! element_compounds {
    ($( $trait:ident :: $method:ident ),+) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = WriteError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
                self.element(value)
            }
            fn end(self) -> Result<(), WriteError> {
                Compound::end(self)
            }
        }
    )+};
}

element_compounds!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The compounds written field by field (structs and struct variants).
macro_rules! field_compounds {
    ($( $trait:ident ),+) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = WriteError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), WriteError> {
                self.key(key);
                value.serialize(&mut *self.writer)
            }
            fn end(self) -> Result<(), WriteError> {
                Compound::end(self)
            }
        }
    )+};
}

field_compounds!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.comma();
        key.serialize(KeyWriter(&mut *self.writer))?;
        self.writer.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), WriteError> {
        Compound::end(self)
    }
}

/// Writes a map key: JSON keys are text, so a number is written as its digits in quotes, as
/// serde_json does.
struct KeyWriter<'a>(&'a mut Writer);

impl KeyWriter<'_> {
    fn quoted_int(self, v: impl itoa::Integer) -> Result<(), WriteError> {
        self.0.out.push('"');
        self.0.int(v);
        self.0.out.push('"');
        Ok(())
    }
}

fn not_a_key() -> WriteError {
    WriteError("a map key must be text or a number".into())
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = ser::Impossible<(), WriteError>;
    type SerializeTuple = ser::Impossible<(), WriteError>;
    type SerializeTupleStruct = ser::Impossible<(), WriteError>;
    type SerializeTupleVariant = ser::Impossible<(), WriteError>;
    type SerializeMap = ser::Impossible<(), WriteError>;
    type SerializeStruct = ser::Impossible<(), WriteError>;
    type SerializeStructVariant = ser::Impossible<(), WriteError>;

    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        self.0.str(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        self.0.str(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), WriteError> {
        self.0.str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        value.serialize(self)
    }
    fn serialize_i8(self, v: i8) -> Result<(), WriteError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), WriteError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), WriteError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), WriteError> {
        self.quoted_int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), WriteError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), WriteError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), WriteError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), WriteError> {
        self.quoted_int(v)
    }
    fn serialize_bool(self, _: bool) -> Result<(), WriteError> {
        Err(not_a_key())
    }
    fn serialize_f32(self, _: f32) -> Result<(), WriteError> {
        Err(not_a_key())
    }
    fn serialize_f64(self, _: f64) -> Result<(), WriteError> {
        Err(not_a_key())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), WriteError> {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Result<(), WriteError> {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), WriteError> {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Result<(), WriteError> {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WriteError> {
        Err(not_a_key())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), WriteError> {
        Err(not_a_key())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, WriteError> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, WriteError> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, WriteError> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        Err(not_a_key())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, WriteError> {
        Err(not_a_key())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, WriteError> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, WriteError> {
        Err(not_a_key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The text is serde_json's for the same value, byte for byte, where floats are not involved.
    #[test]
    fn writes_what_serde_json_writes() {
        #[derive(serde::Serialize)]
        enum Kind {
            Plain,
            Wrapped(i32),
            Pair(i32, bool),
            Named { a: u8 },
        }
        #[derive(serde::Serialize)]
        struct Sample<'a> {
            text: &'a str,
            int: i64,
            min: i64,
            max: u64,
            yes: bool,
            none: Option<i32>,
            list: Vec<Kind>,
            map: BTreeMap<i32, &'a str>,
            bytes: &'a [u8],
            unit: (),
            ch: char,
        }
        let sample = Sample {
            text: "quote \" back \\ nl \n cr \r tab \t bell \u{7} bs \u{8} ff \u{c} us \u{1f} del \u{7f} кириллица ✓ /",
            int: -42,
            min: i64::MIN,
            max: u64::MAX,
            yes: true,
            none: None,
            list: vec![Kind::Plain, Kind::Wrapped(-1), Kind::Pair(0, false), Kind::Named { a: 7 }],
            map: BTreeMap::from([(-3, "a"), (10, "b")]),
            bytes: &[0, 255],
            unit: (),
            ch: 'ё',
        };
        let ours = to_json_text(&sample, 0).unwrap();
        assert_eq!(ours, serde_json::to_string(&sample).unwrap());
    }

    /// Strings are scanned eight bytes at a time: every byte that needs escaping, and the bytes
    /// next to the ones that do (0x1f, 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80 and up), at every
    /// offset of a word and in a tail shorter than one, come out as serde_json writes them.
    #[test]
    fn every_byte_at_every_offset_is_escaped_as_serde_json_does() {
        let mut specials: Vec<char> = (0u8..0x20).map(char::from).collect();
        specials.extend([
            '"', '\\', ' ', '!', '#', '[', ']', '\u{7f}', 'é', 'ж', '✓', '😀',
        ]);
        for &c in &specials {
            for before in 0..17 {
                for after in [0, 1, 7, 8, 9] {
                    let text = format!("{}{c}{}", "a".repeat(before), "b".repeat(after));
                    assert_eq!(
                        to_json_text(&text, 0).unwrap(),
                        serde_json::to_string(&text).unwrap(),
                        "{c:?} after {before} bytes"
                    );
                }
            }
        }
        let many = "\"\\\n\u{1}x\"".repeat(5);
        assert_eq!(
            to_json_text(&many, 0).unwrap(),
            serde_json::to_string(&many).unwrap()
        );
    }

    /// Floats read back as the same numbers serde_json's text gives, whole ones as floats.
    #[test]
    fn floats_read_back_as_written() {
        for f in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            0.1,
            2.5e-7,
            1e16,
            1e21,
            123456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
        ] {
            let ours: serde_json::Value =
                serde_json::from_str(&to_json_text(&f, 0).unwrap()).unwrap();
            assert_eq!(ours, serde_json::to_value(f).unwrap(), "{f}");
        }
        assert_eq!(to_json_text(&1.0, 0).unwrap(), "1.0");
        assert_eq!(to_json_text(&f64::NAN, 0).unwrap(), "null");
        assert_eq!(to_json_text(&f64::INFINITY, 0).unwrap(), "null");
    }

    /// A float in a form or a message reads as the plain number, a whole one without `.0`.
    #[test]
    fn decimals_are_plain_numbers() {
        for (f, text) in [
            (720.0, "720"),
            (0.1, "0.1"),
            (150.5, "150.5"),
            (-3.0, "-3"),
            (1.25e-3, "0.00125"),
        ] {
            assert_eq!(Decimal(f).to_string(), text);
        }
    }

    /// A map whose keys JSON cannot hold is an error, not a panic or broken text.
    #[test]
    fn refuses_keys_that_are_not_text() {
        let map = BTreeMap::from([(true, 1)]);
        assert!(to_json_text(&map, 0).is_err());
    }
}
