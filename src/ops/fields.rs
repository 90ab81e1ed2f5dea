//! How parameter types are read: [`params!`] declares such a type and reads it through a table
//! of its field names, so the reading code each type adds is a list of its fields.
//!
//! serde's derive writes, for every type, a visitor that matches each key against every name,
//! checks each field for a duplicate, reads it and fills in the missing ones, with each field's
//! reading inlined beside the others'. Across the parameter types of the API that was the
//! largest part of the WebAssembly module. Here a type adds only its table of names and the
//! list of its fields; the loop over the object ([`read`]), the name lookup ([`Key`]) and each
//! field's reading ([`Slot`], reached through a trait object) are made once per reader, and
//! once per field type, whatever the number of types. A type with a `Default` is read in place
//! into its default value. What is read, and every message about it, is what the derive gives,
//! with one difference: the list of known names in an "unknown field" message gives each
//! field's own name before its alias (the derive sorts the two).

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
/// The type must have a `Default` (derived: every field its type's default), and each field
/// without `[default]` must be an `Option`: it is read in place into that default. A type with
/// a field that must be given (not an option, no default) starts with `@required`; its fields
/// are then gathered first and the type made once all are there. Either way it derives
/// `schemars::JsonSchema` under the `schema` feature, which reads the serde attributes.
///
/// ```ignore
/// params! {
///     /// Parameters of …
///     #[derive(Debug, Clone, Default, PartialEq)]
///     #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
///     pub struct SendParams {
///         /// The text.
///         pub message: Option<String> [alias = "mes"],
///         /// Flash SMS.
///         pub flash: bool [default],
///     }
/// }
/// ```
macro_rules! params {
    // The struct, with the serde attributes the description reads.
    (@declare
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty $([$($opt:tt)*])?, )*
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
    };
    // `NAMES`, each field's names (its own first), and `FIELDS`, the name of each.
    (@names $( $field:ident $([$($opt:tt)*])?, )*) => {
        const NAMES: &[&[&str]] = &[
            $( $crate::ops::fields::names!(all (stringify!($field)) [] $($($opt)*)?), )*
        ];
        const FIELDS: &[&str] = &[
            $( $crate::ops::fields::names!(own (stringify!($field)) [] $($($opt)*)?), )*
        ];
        // [`read`] keeps which fields were given in the bits of a `u64`.
        const _: () = assert!(NAMES.len() <= 64, "a parameter type of more than 64 fields");
    };
    // The body of `visit_map` of a type read in place into its default.
    (@visit $de:lifetime $map:ident $A:ident $name:ident {
        $( $field:ident : $ty:ty $([$($opt:tt)*])?, )*
    }) => {{
        #[allow(unused_mut)]
        let mut out = <$name as Default>::default();
        {
            let fields: &mut [&mut dyn $crate::ops::fields::Slot<$de, $A>] = &mut [
                $( $crate::ops::fields::in_place!(&mut out.$field; $($($opt)*)?), )*
            ];
            $crate::ops::fields::read(&mut $map, NAMES, fields)?;
        }
        Ok(out)
    }};
    // The body of `visit_map` of an `@required` type: its fields gathered, then the type made.
    (@visit required $de:lifetime $map:ident $A:ident $name:ident {
        $( $field:ident : $ty:ty $([$($opt:tt)*])?, )*
    }) => {{
        struct Slots { $( $field: Option<$ty>, )* }
        let mut slots = Slots { $( $field: None, )* };
        {
            let fields: &mut [&mut dyn $crate::ops::fields::Gather<$de, $A>] = &mut [
                $( &mut $crate::ops::fields::gathered!(&mut slots.$field; $($($opt)*)?), )*
            ];
            $crate::ops::fields::read_and_fill(&mut $map, NAMES, fields)?;
        }
        match slots {
            Slots { $( $field: Some($field), )* } => Ok($name { $( $field, )* }),
            // `read_and_fill` leaves no slot empty.
            _ => Err(serde::de::Error::custom(concat!(
                "a field of ", stringify!($name), " was not read"
            ))),
        }
    }};
    (
        $(@$mode:ident)?
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                pub $field:ident : $ty:ty $([$($opt:tt)*])?
            ),* $(,)?
        }
    ) => {
        $crate::ops::fields::params!(@declare
            $(#[$meta])* pub struct $name { $( $(#[$fmeta])* pub $field: $ty $([$($opt)*])?, )* }
        );

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::ops::fields::params!(@names $( $field $([$($opt)*])?, )*);

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
                        $crate::ops::fields::params!(@visit $($mode)? 'de map A $name {
                            $( $field: $ty $([$($opt)*])?, )*
                        })
                    }
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

/// A field of a type read in place, as [`read`] takes it: the field itself with `[default]`;
/// else through [`given`], which takes only an `Option` (a missing one is `None`, which is
/// also its default).
macro_rules! in_place {
    ($field:expr;) => {
        $crate::ops::fields::given($field)
    };
    ($field:expr; default $(, $($rest:tt)*)?) => {
        $field
    };
    ($field:expr; $option:ident = $value:literal $(, $($rest:tt)*)?) => {
        $crate::ops::fields::in_place!($field; $($($rest)*)?)
    };
}
pub(crate) use in_place;

/// A field of an `@required` type, gathered before the type is made: [`Defaulted`] with
/// `[default]`, else [`Gathered`].
macro_rules! gathered {
    ($slot:expr;) => {
        $crate::ops::fields::Gathered($slot)
    };
    ($slot:expr; default $(, $($rest:tt)*)?) => {
        $crate::ops::fields::Defaulted($slot)
    };
    ($slot:expr; $option:ident = $value:literal $(, $($rest:tt)*)?) => {
        $crate::ops::fields::gathered!($slot; $($($rest)*)?)
    };
}
pub(crate) use gathered;

/// Reads the fields of an object from `map` in place, each into its field by the index of its
/// name in `names`. The one loop of every parameter type: the fields are reached through
/// [`Slot`], so this is made once per reader, not once per type.
pub fn read<'de, A: de::MapAccess<'de>>(
    map: &mut A,
    names: &'static [&'static [&'static str]],
    fields: &mut [&mut dyn Slot<'de, A>],
) -> Result<(), A::Error> {
    each_key(map, names, |map, i| match fields.get_mut(i) {
        Some(field) => field.read(map),
        None => Err(de::Error::custom("a field name without a slot")),
    })
    .map(|_| ())
}

/// [`read`] for an `@required` type: the fields into their slots, then the slots of the fields
/// not given filled in.
pub fn read_and_fill<'de, A: de::MapAccess<'de>>(
    map: &mut A,
    names: &'static [&'static [&'static str]],
    slots: &mut [&mut dyn Gather<'de, A>],
) -> Result<(), A::Error> {
    let given = each_key(map, names, |map, i| match slots.get_mut(i) {
        Some(slot) => slot.read(map),
        None => Err(de::Error::custom("a field name without a slot")),
    })?;
    for (i, slot) in slots.iter_mut().enumerate() {
        if given & bit(i) == 0 {
            slot.fill(own_name(names, i))?;
        }
    }
    Ok(())
}

/// Calls `value(map, i)` for each key of the object, `i` the index of the field it names;
/// returns which fields were given, bit `i` for field `i` (no type has more than 64: see
/// `params!`). A field given twice is an error.
fn each_key<'de, A: de::MapAccess<'de>>(
    map: &mut A,
    names: &'static [&'static [&'static str]],
    mut value: impl FnMut(&mut A, usize) -> Result<(), A::Error>,
) -> Result<u64, A::Error> {
    let mut given = 0u64;
    while let Some(i) = map.next_key_seed(Key(names))? {
        if given & bit(i) != 0 {
            return Err(de::Error::duplicate_field(own_name(names, i)));
        }
        given |= bit(i);
        value(map, i)?;
    }
    Ok(given)
}

/// The bit of field `i` in [`each_key`]'s set of given fields (none past the 64th).
fn bit(i: usize) -> u64 {
    1u64.checked_shl(i as u32).unwrap_or(0)
}

/// The name of field `i`.
fn own_name(names: &[&[&'static str]], i: usize) -> &'static str {
    names.get(i).and_then(|n| n.first()).copied().unwrap_or("")
}

/// A field read in place: any value serde reads.
pub trait Slot<'de, A: de::MapAccess<'de>> {
    /// Reads the field's value from `map`.
    fn read(&mut self, map: &mut A) -> Result<(), A::Error>;
}

impl<'de, A: de::MapAccess<'de>, T: serde::Deserialize<'de>> Slot<'de, A> for T {
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        *self = map.next_value()?;
        Ok(())
    }
}

/// The field read in place that an `Option` without `[default]` is: missing, it is `None`.
/// (It only checks, at compile time, that the field is an `Option`.)
pub fn given<T>(field: &mut Option<T>) -> &mut Option<T> {
    field
}

/// A field of an `@required` type: where its value goes, and what it is when not given.
pub trait Gather<'de, A: de::MapAccess<'de>> {
    /// Reads the field's value from `map`.
    fn read(&mut self, map: &mut A) -> Result<(), A::Error>;
    /// Gives field `name` its value when it was not given.
    fn fill(&mut self, name: &'static str) -> Result<(), A::Error>;
}

/// The slot of a field of an `@required` type without a default: not given, it is what its
/// type makes of a missing value, as with serde's derive (`None` for an option, the "missing
/// field" error otherwise).
pub struct Gathered<'a, T>(pub &'a mut Option<T>);

/// The slot of a field of an `@required` type with `[default]`: not given, its type's default.
// No `@required` type of the API has such a field at present; the tests' own type does.
#[allow(dead_code)]
pub struct Defaulted<'a, T>(pub &'a mut Option<T>);

impl<'de, A: de::MapAccess<'de>, T: serde::Deserialize<'de>> Gather<'de, A> for Gathered<'_, T> {
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        *self.0 = Some(map.next_value()?);
        Ok(())
    }

    fn fill(&mut self, name: &'static str) -> Result<(), A::Error> {
        *self.0 = Some(T::deserialize(Missing(name, PhantomData))?);
        Ok(())
    }
}

impl<'de, A: de::MapAccess<'de>, T: serde::Deserialize<'de> + Default> Gather<'de, A>
    for Defaulted<'_, T>
{
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        *self.0 = Some(map.next_value()?);
        Ok(())
    }

    fn fill(&mut self, _name: &'static str) -> Result<(), A::Error> {
        *self.0 = Some(T::default());
        Ok(())
    }
}

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
        @required
        /// A type with a field that must be given.
        #[derive(Debug, PartialEq)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

    params! {
        /// A type read in place into its default.
        #[derive(Debug, Default, PartialEq)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub struct InPlace {
            /// Optional, with an alias.
            pub message: Option<String> [alias = "mes"],
            /// Defaulted, with an alias.
            pub flash: bool [default, alias = "fl"],
            /// Renamed.
            pub kind: Option<u8> [rename = "type"],
        }
    }

    fn read<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    #[test]
    fn fields_are_read_by_name_and_alias_and_defaults_fill_the_rest() {
        let s: Sample = read(serde_json::json!({"mes": "Hi", "phones": "7", "fl": true})).unwrap();
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
        let s: Sample =
            read(serde_json::json!({"phones": "7", "list": [1, 2], "type": 3})).unwrap();
        assert_eq!(
            (s.message, s.flash, s.list, s.kind),
            (None, false, vec![1, 2], Some(3))
        );
        let s: InPlace = read(serde_json::json!({"fl": true, "type": 3})).unwrap();
        assert_eq!(
            s,
            InPlace {
                message: None,
                flash: true,
                kind: Some(3)
            }
        );
        assert_eq!(
            read::<InPlace>(serde_json::json!({})).unwrap(),
            InPlace::default()
        );
        // `null` for an option is `None`, as with the derive.
        let s: InPlace = read(serde_json::json!({"message": null})).unwrap();
        assert_eq!(s.message, None);
    }

    #[test]
    fn mistakes_get_the_messages_serde_gives() {
        assert_eq!(
            read::<Sample>(serde_json::json!({"message": "Hi"})).unwrap_err(),
            "missing field `phones`"
        );
        assert_eq!(
            read::<Sample>(serde_json::json!({"phones": "7", "nmae": 1})).unwrap_err(),
            "unknown field `nmae`, expected one of `phones`, `message`, `mes`, `flash`, `fl`, `list`, `type`"
        );
        assert_eq!(
            read::<InPlace>(serde_json::json!({"x": 1})).unwrap_err(),
            "unknown field `x`, expected one of `message`, `mes`, `flash`, `fl`, `type`"
        );
        for text in [
            r#"{"phones": "7", "mes": "a", "message": "b"}"#,
            r#"{"phones": "7", "message": "a", "message": "b"}"#,
        ] {
            let e = serde_json::from_str::<Sample>(text)
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("duplicate field `message`"), "{e}");
        }
        let e = serde_json::from_str::<InPlace>(r#"{"fl": true, "flash": false}"#)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("duplicate field `flash`"), "{e}");
        assert!(read::<Sample>(serde_json::json!({"phones": 7}))
            .unwrap_err()
            .starts_with("invalid type: integer `7`, expected a string"));
        assert!(read::<InPlace>(serde_json::json!({"flash": null}))
            .unwrap_err()
            .starts_with("invalid type: null, expected a boolean"));
        assert_eq!(
            read::<Sample>(serde_json::json!(["7"])).unwrap_err(),
            "invalid type: sequence, expected struct Sample"
        );
    }
}
