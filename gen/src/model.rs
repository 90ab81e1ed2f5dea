//! The description, read: the few questions every renderer asks of a JSON Schema node, so that
//! TypeScript, Python and the docs answer them the same way.

use serde_json::{Map, Value};

/// One operation of the description.
pub struct Operation<'a> {
    /// Its `snake_case` name (`send_sms`), as in `OPERATIONS`.
    pub name: &'a str,
    /// Its doc line.
    pub doc: String,
    /// The script under `/sys/` (or the `/rest/` endpoint).
    pub script: &'a str,
    /// `read`, `idempotent`, `send` or `create`.
    pub effect: &'a str,
    /// The schema of its parameters (usually a `$ref`).
    pub params: &'a Value,
    /// The schema of its result (usually a `$ref`).
    pub result: &'a Value,
    /// For the channels of `send.php`: the parameters the channel refuses and requires.
    pub refused: Vec<&'a str>,
    /// See [`Operation::refused`].
    pub required: Vec<&'a str>,
    /// Fields of its params type, shared with other operations, that this one refuses (`cost`
    /// implies `cost=1`, so it takes no `cost`).
    pub op_refused: Vec<&'a str>,
}

/// The whole description.
pub struct Description<'a> {
    /// The operations, in the order of `OPERATIONS`.
    pub operations: Vec<Operation<'a>>,
    /// Named parameter types (`SendSmsParams`, `Phones`, …), in the order first met.
    pub params_types: &'a Map<String, Value>,
    /// Named result types (`SendResult`, `Money`, …), in the order first met.
    pub result_types: &'a Map<String, Value>,
}

static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

impl<'a> Description<'a> {
    /// Reads the value [`smsc_core::ops::describe::describe`] returns.
    pub fn read(value: &'a Value) -> Description<'a> {
        let empty = EMPTY.get_or_init(Map::new);
        let operations = value["operations"]
            .as_array()
            .map(|ops| {
                ops.iter()
                    .map(|op| Operation {
                        name: op["name"].as_str().unwrap_or_default(),
                        doc: doc(op["doc"].as_str().unwrap_or_default()),
                        script: op["script"].as_str().unwrap_or_default(),
                        effect: op["effect"].as_str().unwrap_or_default(),
                        params: &op["params"],
                        result: &op["result"],
                        refused: strs(&op["channel"]["refused"]),
                        required: strs(&op["channel"]["required"]),
                        op_refused: strs(&op["refused"]),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Description {
            operations,
            params_types: value["params_types"].as_object().unwrap_or(empty),
            result_types: value["result_types"].as_object().unwrap_or(empty),
        }
    }
}

/// A doc comment as plain text for another language: one paragraph, Rust's intra-doc links
/// (`` [`super::send`] ``) reduced to their code text.
pub fn doc(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len());
    let mut rest = one_line.as_str();
    while let Some(start) = rest.find("[`") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find("`]") {
            Some(end) => {
                let code = &after[1..end];
                let short = code.rsplit("::").next().unwrap_or(code);
                out.push('`');
                out.push_str(short);
                out.push('`');
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("[`");
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The type a `$ref` names (`#/$defs/Phones` → `Phones`).
pub fn ref_name(schema: &Value) -> Option<&str> {
    schema["$ref"].as_str().and_then(|r| r.rsplit('/').next())
}

/// The schema's doc text, cleaned.
pub fn description(schema: &Value) -> Option<String> {
    schema["description"].as_str().map(doc)
}

/// An object schema's properties, in declaration order, with whether each must be given
/// (parameters) or is always present (results). A parameter the core reads as optional but
/// refuses to go without carries `x-required`: it counts as required here, and `null` is no
/// more a value of it than of any other required parameter.
pub fn properties(schema: &Value) -> Vec<(&str, &Value, bool)> {
    let required = strs(&schema["required"]);
    schema["properties"]
        .as_object()
        .map(|props| {
            props
                .iter()
                .map(|(k, v)| {
                    let given = required.contains(&k.as_str()) || v["x-required"] == true;
                    (k.as_str(), v, given)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The exclusive groups of fields of a params type (`x-alternatives`), one of which must be
/// given whole: `status` takes `id` + `phone`, or `messages`.
pub fn alternatives(schema: &Value) -> Vec<Vec<&str>> {
    schema["x-alternatives"]
        .as_array()
        .map(|groups| groups.iter().map(strs).collect())
        .unwrap_or_default()
}

/// A schema that also admits `null` (`Option<T>`), without the `null`: the inner schema and
/// whether `null` was one of the choices.
pub fn without_null(schema: &Value) -> (Value, bool) {
    if let Some(any) = schema["anyOf"].as_array() {
        let rest: Vec<&Value> = any.iter().filter(|s| s["type"] != "null").collect();
        if rest.len() < any.len() {
            let inner = match rest.as_slice() {
                [one] => (*one).clone(),
                many => serde_json::json!({ "anyOf": many }),
            };
            return (inner, true);
        }
    }
    if let Some(types) = schema["type"].as_array() {
        let rest: Vec<&Value> = types.iter().filter(|t| *t != "null").collect();
        if rest.len() < types.len() {
            let mut inner = schema.clone();
            inner["type"] = match rest.as_slice() {
                [one] => (*one).clone(),
                many => Value::Array(many.iter().map(|v| (*v).clone()).collect()),
            };
            return (inner, true);
        }
    }
    (schema.clone(), false)
}

/// The names of the types shared by several operations and frontends (`Advice`, `Callback`, …),
/// in the description's order; their schemas are among the named types.
pub fn shared(value: &Value) -> Vec<&str> {
    value["shared"]
        .as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

impl<'a> Description<'a> {
    /// The schema of a named type, result or parameter.
    pub fn named(&self, name: &str) -> Option<&'a Value> {
        self.result_types
            .get(name)
            .or_else(|| self.params_types.get(name))
    }
}

/// The values of a closed set: a `const`, an `enum`, or a `oneOf`/`anyOf` whose every choice is
/// a `const` (the numeric choices such as `Translit`, string ones such as `Action`).
pub fn literals(schema: &Value) -> Option<Vec<&Value>> {
    if let Some(c) = schema.get("const") {
        return Some(vec![c]);
    }
    if let Some(values) = schema["enum"].as_array() {
        return Some(values.iter().collect());
    }
    let choices = schema["oneOf"]
        .as_array()
        .or_else(|| schema["anyOf"].as_array())?;
    choices.iter().map(|c| c.get("const")).collect()
}

/// Every type a schema names through `$ref`, at any depth, each once, in the order met.
pub fn refs(schema: &Value) -> Vec<&str> {
    fn walk<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
        match v {
            Value::Object(m) => {
                if let Some(name) = ref_name(v) {
                    if !out.contains(&name) {
                        out.push(name);
                    }
                }
                m.values().for_each(|c| walk(c, out));
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(schema, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intra_doc_links_become_code() {
        assert_eq!(
            doc("Through [`super::cost`], of a\n price."),
            "Through `cost`, of a price."
        );
    }

    #[test]
    fn null_is_taken_out_of_options() {
        let (inner, nullable) = without_null(&serde_json::json!({"type": ["string", "null"]}));
        assert!(nullable);
        assert_eq!(inner["type"], "string");
        let (inner, nullable) = without_null(
            &serde_json::json!({"anyOf": [{"$ref": "#/$defs/Money"}, {"type": "null"}]}),
        );
        assert!(nullable);
        assert_eq!(ref_name(&inner), Some("Money"));
    }
}
