//! Parameters that take one of several JSON shapes (a number or a string, a string or a list).
//!
//! serde's `#[serde(untagged)]` reads such a value by buffering it and trying each variant in
//! turn, with its buffering code made again for every type and every reader. Here the value is
//! read once into a small [`Shape`], and each type picks its variant from it: one reader for all
//! of them. What is accepted, and the error for what is not (serde's own wording, "data did not
//! match any variant of untagged enum …", which `ops::untagged_expectation` explains), are
//! those of the untagged enums these types were. The error is at the parameter's own path,
//! never inside its list, as before.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A parameter value as JSON gave it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    /// A string.
    Text(String),
    /// A whole number of zero or more.
    Unsigned(u64),
    /// A negative whole number.
    Signed(i64),
    /// A number with a fraction or an exponent.
    Float(f64),
    /// A list.
    List(Vec<Shape>),
    /// `true`, `false`, `null` or an object: accepted by none of these types.
    Other,
}

impl Shape {
    /// The string, if it is one.
    pub(crate) fn into_text(self) -> Option<String> {
        match self {
            Shape::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The strings of a list of strings.
    pub(crate) fn into_texts(items: Vec<Shape>) -> Option<Vec<String>> {
        items.into_iter().map(Shape::into_text).collect()
    }
}

/// The error for a value none of `type_name`'s shapes accepts.
pub(crate) fn no_shape<E: de::Error>(type_name: &str) -> E {
    E::custom(format_args!(
        "data did not match any variant of untagged enum {type_name}"
    ))
}

/// Reads `deserializer` as [`Shape`] and converts it with `pick`; `type_name` words the error.
pub(crate) fn read<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    type_name: &str,
    pick: fn(Shape) -> Option<T>,
) -> Result<T, D::Error> {
    let shape = deserializer.deserialize_any(ShapeVisitor)?;
    pick(shape).ok_or_else(|| no_shape(type_name))
}

impl<'de> de::Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ShapeVisitor)
    }
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Shape, E> {
        Ok(u64::try_from(v).map_or(Shape::Signed(v), Shape::Unsigned))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Shape, E> {
        Ok(Shape::Unsigned(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Shape, E> {
        Ok(Shape::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Shape, E> {
        Ok(Shape::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Shape, E> {
        Ok(Shape::Text(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_none<E: de::Error>(self) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element::<Shape>()? {
            items.push(item);
        }
        Ok(Shape::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Shape::Other)
    }
}

/// Implements `Deserialize` for `$type` through [`read`], with `$pick` choosing the variant.
macro_rules! deserialize_by_shape {
    ($type:ident, $pick:expr) => {
        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::ops::shapes::read(deserializer, stringify!($type), $pick)
            }
        }
    };
}
pub(crate) use deserialize_by_shape;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shape(value: serde_json::Value) -> Shape {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn numbers_are_told_apart_as_serde_tells_them() {
        assert_eq!(shape(json!(5)), Shape::Unsigned(5));
        assert_eq!(shape(json!(-5)), Shape::Signed(-5));
        assert_eq!(shape(json!(5.5)), Shape::Float(5.5));
        assert_eq!(shape(json!(u64::MAX)), Shape::Unsigned(u64::MAX));
        let from_text: Shape = serde_json::from_str("-7").unwrap();
        assert_eq!(from_text, Shape::Signed(-7));
    }

    #[test]
    fn lists_keep_their_items_and_other_values_are_other() {
        assert_eq!(
            shape(json!(["a", 1, [true]])),
            Shape::List(vec![
                Shape::Text("a".into()),
                Shape::Unsigned(1),
                Shape::List(vec![Shape::Other])
            ])
        );
        assert_eq!(shape(json!({"a": [1, {"b": 2}]})), Shape::Other);
        assert_eq!(shape(json!(null)), Shape::Other);
    }
}
