//! Trimming on the hot paths of reading answers.

/// `text.trim()`, without its search of Unicode's white space when both ends are visible ASCII,
/// as nearly every value of an answer is.
pub(crate) fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        [only] if only.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::trim;

    #[test]
    fn trims_as_str_trim_does() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "2.50",
            " 2.50\n",
            "\u{a0}1\u{a0}",
            "\u{2003}x",
            "x\u{3000}",
            "\u{feff}1",
            "ab\tc",
            "\t",
            "Привет ",
            " мир",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }
}
