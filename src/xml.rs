//! A reader for SMSC's XML answers (`fmt=2`), which turns them into the same JSON shape the
//! `fmt=3` answers have, so each operation needs one reader for both.
//!
//! SMSC's XML is flat and small (<https://smscentre.com/api/http/status_messages/status_answer>,
//! <https://smscentre.com/api/http/balance/balance_answer>): a root element holding one element
//! per field, such as `<result><balance>250.80</balance></result>` or
//! `<sms><status>1</status>…</sms>`, and repeated elements for lists. The mapping:
//! an element with children becomes an object (a name that repeats becomes a list); an element
//! with only text becomes that text; a root with only text becomes `{name: text}`. Attributes,
//! comments, processing instructions and the declaration carry nothing SMSC uses and are skipped.

use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// Nesting deeper than this is not an SMSC answer; refusing it keeps the reader's stack bounded.
const MAX_DEPTH: usize = 32;

/// Reads an XML document into JSON data as described in the module documentation.
pub(crate) fn to_json(text: &str) -> Result<Value> {
    let mut reader = Reader { text, pos: 0 };
    reader.skip_misc()?;
    let (name, value) = reader.element(0)?;
    reader.skip_misc()?;
    if reader.pos < text.len() {
        return Err(Error::parse("text after the end of the XML answer"));
    }
    Ok(match value {
        Value::Object(map) => Value::Object(map),
        other => {
            let mut map = Map::new();
            map.insert(name, other);
            Value::Object(map)
        }
    })
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn eof(what: &str) -> Error {
        Error::parse(format!("the XML answer ends inside {what} (truncated?)"))
    }

    /// Skips white space, comments, processing instructions and the doctype.
    fn skip_misc(&mut self) -> Result<()> {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            let end_marker = if trimmed.starts_with("<?") {
                "?>"
            } else if trimmed.starts_with("<!--") {
                "-->"
            } else if trimmed.starts_with("<!") {
                ">"
            } else {
                return Ok(());
            };
            let end = trimmed
                .find(end_marker)
                .ok_or_else(|| Self::eof("a declaration or comment"))?;
            self.pos += end + end_marker.len();
        }
    }

    /// Reads one element starting at `<`; returns its name and value.
    fn element(&mut self, depth: usize) -> Result<(String, Value)> {
        if depth > MAX_DEPTH {
            return Err(Error::parse(format!(
                "the XML answer nests deeper than {MAX_DEPTH} levels"
            )));
        }
        let rest = self.rest();
        if !rest.starts_with('<') {
            return Err(Error::parse("expected an XML element"));
        }
        let close = rest.find('>').ok_or_else(|| Self::eof("a tag"))?;
        let tag = rest.get(1..close).unwrap_or("");
        let self_closing = tag.ends_with('/');
        let name = tag
            .trim_end_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string();
        if name.is_empty() || name.starts_with('/') {
            return Err(Error::parse(format!("malformed XML tag <{tag}>")));
        }
        self.pos += close + 1;
        if self_closing {
            return Ok((name, Value::String(String::new())));
        }
        let mut text = String::new();
        let mut children: Map<String, Value> = Map::new();
        loop {
            let rest = self.rest();
            let Some(lt) = rest.find('<') else {
                return Err(Self::eof(&format!("<{name}>")));
            };
            text.push_str(&unescape(rest.get(..lt).unwrap_or(""))?);
            self.pos += lt;
            let rest = self.rest();
            if let Some(after) = rest.strip_prefix("</") {
                let end = after.find('>').ok_or_else(|| Self::eof("a closing tag"))?;
                let closing = after.get(..end).unwrap_or("").trim();
                if closing != name {
                    return Err(Error::parse(format!(
                        "XML element <{name}> closed by </{closing}>"
                    )));
                }
                self.pos += 2 + end + 1;
                break;
            } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
                let end = after
                    .find("]]>")
                    .ok_or_else(|| Self::eof("a CDATA section"))?;
                text.push_str(after.get(..end).unwrap_or(""));
                self.pos += 9 + end + 3;
            } else if rest.starts_with("<!--") || rest.starts_with("<?") {
                self.skip_misc()?;
            } else {
                let (child, value) = self.element(depth + 1)?;
                match children.get_mut(&child) {
                    Some(Value::Array(items)) => items.push(value),
                    Some(existing) => {
                        let first = existing.take();
                        *existing = Value::Array(vec![first, value]);
                    }
                    None => {
                        children.insert(child, value);
                    }
                }
            }
        }
        Ok(if children.is_empty() {
            (name, Value::String(text.trim().to_string()))
        } else {
            (name, Value::Object(children))
        })
    }
}

/// Replaces the five predefined entities and numeric character references.
fn unescape(text: &str) -> Result<String> {
    if !text.contains('&') {
        return Ok(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let semi = after
            .find(';')
            .filter(|&i| i <= 10)
            .ok_or_else(|| Error::parse("an unterminated character reference in the XML answer"))?;
        let entity = after.get(..semi).unwrap_or("");
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        out.push(ch.ok_or_else(|| {
            Error::parse(format!(
                "unknown character reference &{entity}; in the XML answer"
            ))
        })?);
        rest = after.get(semi + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flat_answers_become_objects() {
        assert_eq!(
            to_json("<?xml version=\"1.0\"?>\n<result><balance>250.80</balance><currency>RUB</currency></result>").unwrap(),
            json!({"balance": "250.80", "currency": "RUB"})
        );
        assert_eq!(
            to_json("<balance>250.80</balance>").unwrap(),
            json!({"balance": "250.80"})
        );
        assert_eq!(
            to_json("<result>OK</result>").unwrap(),
            json!({"result": "OK"})
        );
    }

    #[test]
    fn repeated_elements_become_lists_and_entities_are_decoded() {
        let v = to_json(
            "<result><sms><id>1</id><message>a &amp; b &#1103;</message></sms><sms><id>2</id><message/></sms></result>",
        )
        .unwrap();
        assert_eq!(
            v,
            json!({"sms": [{"id": "1", "message": "a & b я"}, {"id": "2", "message": ""}]})
        );
    }

    #[test]
    fn broken_documents_are_parse_errors() {
        for bad in [
            "<result><balance>1</result>",
            "<result><balance>1",
            "<result>a &bogus; b</result>",
            "<>",
            "<a></a>trailing",
        ] {
            assert!(matches!(to_json(bad), Err(Error::Parse { .. })), "{bad}");
        }
        let deep = "<a>".repeat(100) + &"</a>".repeat(100);
        assert!(to_json(&deep).is_err());
    }
}
