//! Maps made from pairs without the sort that `collect` makes them with.
//!
//! `collect` into a `BTreeMap` (and so into a `serde_json::Map`) gathers the pairs into a list
//! and sorts it first; that sort is made anew for every kind of iterator collected, about 3 KB
//! of WebAssembly each. Inserting the pairs one by one gives the same map, the last of a
//! repeated key winning as with `collect`, from one copy of the code per map type.

use std::collections::BTreeMap;

/// The map of `pairs`; of a key given twice, the last value stays.
pub(crate) fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// The JSON object of `pairs`; of a key given twice, the last value stays.
pub(crate) fn object_of(
    pairs: impl IntoIterator<Item = (String, serde_json::Value)>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut map = serde_json::Map::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same map as `collect` makes, repeated keys included.
    #[test]
    fn maps_are_those_collect_makes() {
        let pairs = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)];
        assert_eq!(map_of(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        let json: Vec<(String, serde_json::Value)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), (*v).into()))
            .collect();
        assert_eq!(
            object_of(json.clone()),
            json.into_iter().collect::<serde_json::Map<_, _>>()
        );
    }
}
