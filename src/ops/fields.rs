//! How parameter types are read: [`params!`] declares such a type and reads it through a table
//! of its field names, so the reading code each type adds is one short call per field.
//!
//! serde's derive writes, for every type, a visitor that matches each key against every name,
//! checks each field for a duplicate, reads it and fills in the missing ones, with each field's
//! reading inlined beside the others'. Across the parameter types of the API that was the
//! largest part of the WebAssembly module. Here the name lookup ([`Key`]), the reading of one
//! field ([`slot`]) and the filling in of a missing one ([`missing`]) are written once and shared
//! by every type whose fields have the same types. What is read, and every message about it, is
//! what the derive gives, with one difference: the list of known names in an "unknown field"
//! message gives each field's own name before its alias (the derive sorts the two).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Declares a parameter type: a struct whose fields are read by name, unknown names refused.
/// A field may be followed by serde's own words for it in brackets: `[default]` (missing, it is
/// its type's default rather than an error or `None`), `[alias = "mes"]` (another name it is
/// read under), `[rename = "type"]` (the name it is read under, when that is no Rust name), or
/// several of them; the description (`schema` feature) reads them as the serde attributes they
/// are.
///
/// ```ignore
/// params! {
///     /// Parameters of …
///     #[derive(Debug, Clone, Default, PartialEq)]
///     pub struct SendParams {
///         /// The text.
///         pub message: Option<String> [alias = "mes"],
///         /// Flash SMS.
///         pub flash: bool [default],
///     }
/// }
/// ```
macro_rules! params {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                pub $field:ident : $ty:ty $([$($opt:tt)*])?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[cfg_attr(feature = "schema", serde(deny_unknown_fields))]
        pub struct $name {
            $(
                $(#[$fmeta])*
                $(#[cfg_attr(feature = "schema", serde($($opt)*))])?
                pub $field: $ty,
            )*
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                // Each field's names, its own first, in the order of the fields.
                const NAMES: &[&[&str]] = &[
                    $( $crate::ops::fields::names!(all (stringify!($field)) [] $($($opt)*)?), )*
                ];
                // The name of each field.
                const FIELDS: &[&str] = &[
                    $( $crate::ops::fields::names!(own (stringify!($field)) [] $($($opt)*)?), )*
                ];

                #[allow(non_camel_case_types, clippy::enum_variant_names, dead_code)]
                enum Index { $( $field, )* }

                struct Slots { $( $field: Option<$ty>, )* }

                struct Fields;

                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($name)))
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> ::std::result::Result<$name, A::Error> {
                        let mut slots = Slots { $( $field: None, )* };
                        // Read through a reference, so that a mistake anywhere drops what was
                        // read in one place, not in one place per field.
                        fill(&mut map, &mut slots)?;
                        #[allow(unreachable_patterns)]
                        match slots {
                            Slots { $( $field: Some($field), )* } => Ok($name { $( $field, )* }),
                            // `fill` leaves no slot empty (and a type of no fields has none).
                            _ => Err(serde::de::Error::custom(concat!(
                                "a field of ", stringify!($name), " was not read"
                            ))),
                        }
                    }
                }

                /// Reads every field given into its slot, then fills in the others.
                fn fill<'de, A: serde::de::MapAccess<'de>>(
                    map: &mut A,
                    slots: &mut Slots,
                ) -> ::std::result::Result<(), A::Error> {
                    while let Some(i) = map.next_key_seed($crate::ops::fields::Key(NAMES))? {
                        $(
                            if i == Index::$field as usize {
                                $crate::ops::fields::slot(
                                    map,
                                    &mut slots.$field,
                                    $crate::ops::fields::names!(own (stringify!($field)) [] $($($opt)*)?),
                                )?;
                                continue;
                            }
                        )*
                        let _ = (i, &mut *slots);
                    }
                    $(
                        if slots.$field.is_none() {
                            slots.$field = Some($crate::ops::fields::take!(
                                $crate::ops::fields::names!(own (stringify!($field)) [] $($($opt)*)?);
                                $($($opt)*)?
                            ));
                        }
                    )*
                    Ok(())
                }

                deserializer.deserialize_struct(stringify!($name), FIELDS, Fields)
            }
        }
    };
}
pub(crate) use params;

/// A field's names from its options: `names!(all (field name) [] options…)` is the list of the
/// name it is read under (renamed, when it is) and its aliases; `names!(own …)` the first alone.
macro_rules! names {
    (all ($name:expr) [$($alias:literal)*] $(,)?) => { &[$name $(, $alias)*] };
    (own ($name:expr) [$($alias:literal)*] $(,)?) => { $name };
    ($which:ident ($name:expr) [$($alias:literal)*] rename = $new:literal $(, $($rest:tt)*)?) => {
        $crate::ops::fields::names!($which ($new) [$($alias)*] $($($rest)*)?)
    };
    ($which:ident ($name:expr) [$($alias:literal)*] alias = $a:literal $(, $($rest:tt)*)?) => {
        $crate::ops::fields::names!($which ($name) [$($alias)* $a] $($($rest)*)?)
    };
    ($which:ident ($name:expr) [$($alias:literal)*] default $(, $($rest:tt)*)?) => {
        $crate::ops::fields::names!($which ($name) [$($alias)*] $($($rest)*)?)
    };
}
pub(crate) use names;

/// The value of a field not given: its default (`[default]`), else what its type makes of a
/// missing value (`None`, or the "missing field" error).
macro_rules! take {
    ($name:expr;) => {
        $crate::ops::fields::missing($name)?
    };
    ($name:expr; default $(, $($rest:tt)*)?) => {
        Default::default()
    };
    ($name:expr; $option:ident = $value:literal $(, $($rest:tt)*)?) => {
        $crate::ops::fields::take!($name; $($($rest)*)?)
    };
}
pub(crate) use take;

/// Reads a key into the index of the field it names, given each field's names.
pub struct Key(pub &'static [&'static [&'static str]]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Key {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<usize, E> {
        match self.0.iter().position(|names| names.contains(&key)) {
            Some(i) => Ok(i),
            None => Err(unknown_field(key, self.0)),
        }
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<usize, E> {
        match std::str::from_utf8(key) {
            Ok(key) => self.visit_str(key),
            Err(_) => Err(unknown_field(&String::from_utf8_lossy(key), self.0)),
        }
    }
}

/// serde's message about an unknown field, word for word, listing every name of every field.
#[cold]
#[inline(never)]
fn unknown_field<E: de::Error>(key: &str, names: &[&[&str]]) -> E {
    let all: Vec<String> = names
        .iter()
        .flat_map(|n| n.iter())
        .map(|n| format!("`{n}`"))
        .collect();
    match all.as_slice() {
        [] => E::custom(format_args!("unknown field `{key}`, there are no fields")),
        [one] => E::custom(format_args!("unknown field `{key}`, expected {one}")),
        [a, b] => E::custom(format_args!("unknown field `{key}`, expected {a} or {b}")),
        _ => E::custom(format_args!(
            "unknown field `{key}`, expected one of {}",
            all.join(", ")
        )),
    }
}

/// Reads the value of field `name` into its slot; a field given twice is an error.
#[inline(never)]
pub fn slot<'de, A: de::MapAccess<'de>, T: serde::Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// What field `name` is when it is not given, as serde's derive has it: `None` for an option,
/// the "missing field" error for anything else.
#[inline(never)]
pub fn missing<'de, T: serde::Deserialize<'de>, E: de::Error>(name: &'static str) -> Result<T, E> {
    T::deserialize(Missing(name, PhantomData))
}

/// What a missing field reads as: nothing for an option, else the "missing field" error.
struct Missing<E>(&'static str, PhantomData<E>);

impl<'de, E: de::Error> Deserializer<'de> for Missing<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        Err(de::Error::missing_field(self.0))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    params! {
        /// A type read by the table.
        #[derive(Debug, PartialEq)]
        pub struct Sample {
            /// Required.
            pub phones: String,
            /// Optional, with an alias.
            pub message: Option<String> [alias = "mes"],
            /// Defaulted, with an alias.
            pub flash: bool [default, alias = "fl"],
            /// Defaulted.
            pub list: Vec<u32> [default],
            /// Renamed.
            pub kind: Option<u8> [rename = "type"],
        }
    }

    fn read(value: serde_json::Value) -> Result<Sample, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    #[test]
    fn fields_are_read_by_name_and_alias_and_defaults_fill_the_rest() {
        let s = read(serde_json::json!({"mes": "Hi", "phones": "7", "fl": true})).unwrap();
        assert_eq!(
            s,
            Sample {
                phones: "7".into(),
                message: Some("Hi".into()),
                flash: true,
                list: vec![],
                kind: None
            }
        );
        let s = read(serde_json::json!({"phones": "7", "list": [1, 2], "type": 3})).unwrap();
        assert_eq!(
            (s.message, s.flash, s.list, s.kind),
            (None, false, vec![1, 2], Some(3))
        );
    }

    #[test]
    fn mistakes_get_the_messages_serde_gives() {
        assert_eq!(
            read(serde_json::json!({"message": "Hi"})).unwrap_err(),
            "missing field `phones`"
        );
        assert_eq!(
            read(serde_json::json!({"phones": "7", "nmae": 1})).unwrap_err(),
            "unknown field `nmae`, expected one of `phones`, `message`, `mes`, `flash`, `fl`, `list`, `type`"
        );
        let e = serde_json::from_str::<Sample>(r#"{"phones": "7", "mes": "a", "message": "b"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("duplicate field `message`"), "{e}");
        assert!(read(serde_json::json!({"phones": 7}))
            .unwrap_err()
            .starts_with("invalid type: integer `7`, expected a string"));
        assert_eq!(
            read(serde_json::json!(["7"])).unwrap_err(),
            "invalid type: sequence, expected struct Sample"
        );
    }
}
