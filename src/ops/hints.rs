//! Turns serde's wording of a rejected value into a message that says what to write instead.
//!
//! serde speaks of Rust types (`expected u32`) and, for a misspelt name, lists every accepted one
//! without pointing at the likely intent. Callers of the JS, Python and C frontends never see
//! Rust types, so the messages are rewritten here, in one place, for every language.

/// The known name closest to `given`, when it is close enough to be a plausible misspelling:
/// at most two edits after case, `_` and `-` are ignored (so `sendSms` finds `send_sms`).
/// Every known name is ASCII, so only ASCII case is folded: a letter of another script is an
/// edit away from every name whatever its case (and Unicode's case tables would be 11 KB of
/// the WebAssembly module).
pub(crate) fn closest<'a>(given: &str, known: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let given_n = norm(given);
    // Long inputs cannot be near any name here; skipping them keeps the cost bounded.
    if given_n.is_empty() || given_n.len() > 64 {
        return None;
    }
    known
        .iter()
        .map(|k| (edit_distance(&given_n, &norm(k)), *k))
        .filter(|(d, _)| *d <= 2 && *d < given_n.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = prev.get(j).copied().unwrap_or(usize::MAX) + usize::from(ca != cb);
            let delete = prev.get(j + 1).copied().unwrap_or(usize::MAX) + 1;
            let insert = row.last().copied().unwrap_or(usize::MAX) + 1;
            row.push(substitute.min(delete).min(insert));
        }
        prev = row;
    }
    prev.last().copied().unwrap_or(0)
}

/// The names serde quotes in backticks, in order.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// A "did you mean" sentence, or nothing.
fn suggestion(given: &str, known: &[&str]) -> String {
    closest(given, known).map_or(String::new(), |k| format!("did you mean `{k}`? "))
}

fn backticked(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// serde's message about a value under `root` (`params`, `config`, `options`), reworded.
pub(crate) fn explain(message: &str, root: &str) -> String {
    let noun = match root {
        "config" => "setting",
        "options" => "option",
        _ => "parameter",
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = quoted(rest);
        let (given, known) = names.split_first().map_or(("", &[][..]), |(g, k)| (*g, k));
        if known.is_empty() {
            return format!("`{given}` is not a {noun} here: this call takes none; leave it out");
        }
        return format!(
            "`{given}` is not a known {noun}; {}known {noun}s: {}",
            suggestion(given, known),
            backticked(known)
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let names = quoted(rest);
        let (given, known) = names.split_first().map_or(("", &[][..]), |(g, k)| (*g, k));
        return format!(
            "{given:?} is not an accepted value; {}use one of {}",
            suggestion(given, known),
            backticked(known)
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("{rest} is required here and was not given");
    }
    // A Rust struct's name means nothing to a caller either: what it is read from does.
    if let Some(at) = message.find("expected struct ") {
        return format!(
            "{}expected an object of named fields ({{\"name\": value, …}})",
            message.get(..at).unwrap_or_default()
        );
    }
    // Rust's names of number types mean nothing to a caller in JS, Python or C.
    const TYPES: [(&str, &str); 9] = [
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected u16", "expected a whole number from 0 to 65535"),
        (
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        ),
        ("expected u64", "expected a whole number of 0 or more"),
        ("expected i32", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
        ("expected a boolean", "expected true or false"),
    ];
    TYPES
        .iter()
        .find(|(rust, _)| message.ends_with(rust) || message.contains(&format!("{rust} at ")))
        .map_or_else(
            || message.to_string(),
            |(rust, plain)| message.replacen(rust, plain, 1),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_found_and_far_ones_are_not() {
        let known = ["phones", "message", "sender", "send_sms", "currency"];
        assert_eq!(closest("mesage", &known), Some("message"));
        assert_eq!(closest("curency", &known), Some("currency"));
        assert_eq!(closest("sendSms", &known), Some("send_sms"));
        assert_eq!(closest("PHONE", &known), Some("phones"));
        assert_eq!(closest("teleport", &known), None);
        assert_eq!(closest("", &known), None);
        assert_eq!(closest(&"x".repeat(10_000), &known), None);
    }

    #[test]
    fn serde_wording_becomes_advice() {
        let typo = explain(
            "unknown field `mesage`, expected one of `phones`, `message`",
            "params",
        );
        assert!(typo.starts_with("`mesage` is not a known parameter; did you mean `message`?"));
        assert!(typo.contains("`phones`, `message`"), "{typo}");
        let none = explain("unknown field `x`, there are no fields", "params");
        assert!(none.contains("takes none"), "{none}");
        let variant = explain(
            "unknown variant `jsno`, expected one of `text`, `csv`, `xml`, `json`",
            "config",
        );
        assert!(variant.contains("did you mean `json`?"), "{variant}");
        assert_eq!(
            explain("invalid type: string \"3\", expected u8", "params"),
            "invalid type: string \"3\", expected a whole number from 0 to 255"
        );
        assert_eq!(
            explain(
                "invalid type: sequence, expected struct ListEntry",
                "params"
            ),
            "invalid type: sequence, expected an object of named fields ({\"name\": value, …})"
        );
        assert_eq!(explain("something else", "params"), "something else");
    }
}
