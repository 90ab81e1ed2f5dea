//! `js/src/operations.d.ts`: the TypeScript declarations of every operation's parameters and
//! result, the per-channel parameters of `send.php`, the `Operations` map `Client` is typed by,
//! and the shared types (advice, notifications, SMTP message). `js/src/index.d.ts` re-exports
//! them and adds what only the JS wrapper has (its settings, `Request`, the error classes).
//!
//! Parameters are read with serde's deserialize contract, so a field the core does not require
//! is optional (`?:`) and `null` is left out: leaving a field out says the same, and one spelling
//! keeps `exactOptionalPropertyTypes` users honest. Objects get no index signature, so a misspelt
//! parameter fails to compile as the core would refuse it at run time. So do the checks the core
//! makes when it encodes a request, as its description states them: a field marked `x-required`
//! is required, a params type's `x-alternatives` become a union of its field groups, and the
//! fields an operation refuses (its `refused`) are left out of its parameters.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use serde_json::{Map, Value};

use crate::model::{self, Description};

/// Description names that TypeScript already uses for something else, and what to call them
/// here. `Record` would hide the built-in `Record<K, V>` the maps below are written with.
const RENAMED: &[(&str, &str)] = &[("Record", "ListedRecord")];

/// Types the JS wrapper reshapes on the way to the core, so the description's shape is not the
/// one JS callers write: `parseCallback` takes `contentType` where the core reads
/// `content_type`. `js/src/index.d.ts` declares them by hand.
const HAND_WRITTEN: &[&str] = &["CallbackOptions"];

/// `send_sms` → `SendSms`.
fn pascal(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

fn ts_name(name: &str) -> &str {
    RENAMED
        .iter()
        .find(|(from, _)| *from == name)
        .map_or(name, |(_, to)| to)
}

/// A JSDoc comment at `indent`, wrapped to stay readable in editors.
fn jsdoc(out: &mut String, indent: &str, text: &str) {
    let text = text.trim().replace("*/", "*\\/");
    if text.is_empty() {
        return;
    }
    if indent.len() + text.len() + 7 <= 100 {
        let _ = writeln!(out, "{indent}/** {text} */");
        return;
    }
    let _ = writeln!(out, "{indent}/**");
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && indent.len() + 3 + line.len() + 1 + word.len() > 100 {
            let _ = writeln!(out, "{indent} * {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent} * {line}");
    }
    let _ = writeln!(out, "{indent} */");
}

/// A TypeScript type expression and whether it is a union or intersection at its top level,
/// which must be parenthesised as an array's item.
struct Expr {
    text: String,
    compound: bool,
}

impl Expr {
    fn simple(text: impl Into<String>) -> Expr {
        Expr {
            text: text.into(),
            compound: false,
        }
    }

    fn union(parts: Vec<Expr>) -> Expr {
        let mut texts: Vec<String> = Vec::new();
        for p in parts {
            if !texts.contains(&p.text) {
                texts.push(p.text);
            }
        }
        Expr {
            compound: texts.len() > 1,
            text: texts.join(" | "),
        }
    }

    fn as_item(&self) -> String {
        if self.compound {
            format!("({})", self.text)
        } else {
            self.text.clone()
        }
    }
}

fn literal(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        other => other.to_string(),
    }
}

/// The literal choices of a `oneOf` of `const`s or an `enum`, with each choice's doc.
fn choices(schema: &Value) -> Option<Vec<(String, Option<String>)>> {
    if let Some(one_of) = schema["oneOf"].as_array() {
        return one_of
            .iter()
            .map(|c| c.get("const").map(|v| (literal(v), model::description(c))))
            .collect();
    }
    schema["enum"]
        .as_array()
        .map(|values| values.iter().map(|v| (literal(v), None)).collect())
}

/// The tag each variant of an internally tagged union carries: its name, its schema (a
/// `const`) and the variant's doc.
type Tags = BTreeMap<String, Vec<(String, Value, Option<String>)>>;

/// Renders schemas of one contract (parameters or results).
struct Renderer<'a> {
    /// Parameters may leave out what is not required; results may lack it.
    params: bool,
    /// For each variant of an internally tagged union, the tag it carries, when that union is
    /// the only place the variant is used: the tag is then declared on the variant itself.
    tags: &'a Tags,
}

impl Renderer<'_> {
    fn expr(&self, schema: &Value) -> Expr {
        if let Some(name) = model::ref_name(schema) {
            return Expr::simple(ts_name(name));
        }
        if let Some(c) = schema.get("const") {
            return Expr::simple(literal(c));
        }
        if let Some(choices) = choices(schema) {
            return Expr::union(choices.into_iter().map(|(v, _)| Expr::simple(v)).collect());
        }
        if let Some(variants) = schema["oneOf"].as_array() {
            return Expr::union(variants.iter().map(|v| self.variant(v)).collect());
        }
        if let Some(any) = schema["anyOf"].as_array() {
            let parts: Vec<Expr> = any
                .iter()
                .filter(|s| self.params || s["type"] != "null")
                .map(|s| self.expr(s))
                .collect();
            let nullable = any.iter().any(|s| s["type"] == "null");
            let mut e = Expr::union(parts);
            if nullable && !self.params {
                e = Expr::union(vec![e, Expr::simple("null")]);
            }
            return e;
        }
        match &schema["type"] {
            Value::Array(types) => Expr::union(
                types
                    .iter()
                    .map(|t| {
                        let mut one = schema.clone();
                        one["type"] = t.clone();
                        self.expr(&one)
                    })
                    .collect(),
            ),
            Value::String(t) => match t.as_str() {
                // Days and times are also taken as `Date`s (the wrapper writes them in ISO 8601
                // with the local offset, which the core reads).
                "string" if schema["format"] == "date" || schema["format"] == "date-time" => {
                    Expr::union(vec![Expr::simple("string"), Expr::simple("Date")])
                }
                "string" => Expr::simple("string"),
                "integer" | "number" => Expr::simple("number"),
                "boolean" => Expr::simple("boolean"),
                "null" => Expr::simple("null"),
                "array" => Expr::simple(format!("{}[]", self.expr(&schema["items"]).as_item())),
                "object" => Expr::simple(self.object_inline(schema)),
                other => panic!("smsc-gen: no TypeScript for JSON Schema type {other:?}"),
            },
            _ => Expr::simple("unknown"),
        }
    }

    /// One variant of a `oneOf` that is not a plain constant: a `$ref` with the tag an
    /// internally tagged enum adds to it.
    fn variant(&self, schema: &Value) -> Expr {
        let Some(name) = model::ref_name(schema) else {
            return self.expr(schema);
        };
        let tag: Vec<(&str, &Value, bool)> = model::properties(schema);
        if tag.is_empty() || self.tags.contains_key(name) {
            return Expr::simple(ts_name(name));
        }
        let fields: Vec<String> = tag
            .iter()
            .map(|(k, v, _)| format!("{k}: {}", self.expr(v).text))
            .collect();
        Expr::simple(format!("({} & {{ {} }})", ts_name(name), fields.join("; ")))
    }

    /// The type of a field: `null` is dropped from parameters (leaving the field out says the
    /// same) and from results that may lack the field (the core leaves `None` out).
    fn field_type(&self, schema: &Value, required: bool) -> Expr {
        let (inner, nullable) = model::without_null(schema);
        let e = self.expr(&inner);
        if nullable && required && !self.params {
            Expr::union(vec![e, Expr::simple("null")])
        } else {
            e
        }
    }

    /// An object written in place: a map, or a literal type with its fields.
    fn object_inline(&self, schema: &Value) -> String {
        let props = model::properties(schema);
        if props.is_empty() {
            return self.map(schema);
        }
        let fields: Vec<String> = props
            .iter()
            .map(|(k, v, req)| {
                let opt = if *req { "" } else { "?" };
                format!("{k}{opt}: {}", self.field_type(v, *req).text)
            })
            .collect();
        format!("{{ {} }}", fields.join("; "))
    }

    /// An object without named fields: `Record<string, T>`, or one that must stay empty.
    fn map(&self, schema: &Value) -> String {
        match &schema["additionalProperties"] {
            Value::Bool(false) => "Record<string, never>".to_string(),
            Value::Object(_) => format!(
                "Record<string, {}>",
                self.expr(&schema["additionalProperties"]).text
            ),
            _ => "Record<string, unknown>".to_string(),
        }
    }

    /// The fields of an object, each with its doc, as the body of an interface.
    fn fields(&self, out: &mut String, indent: &str, fields: &[Field]) {
        for f in fields {
            if let Some(d) = &f.doc {
                jsdoc(out, indent, d);
            }
            let opt = if f.required { "" } else { "?" };
            let _ = writeln!(out, "{indent}{}{opt}: {};", f.name, f.ts);
        }
    }

    fn fields_of(&self, ty: &str, schema: &Value) -> Vec<Field> {
        let mut fields = Vec::new();
        for (tag, value, doc) in self.tags.get(ty).into_iter().flatten() {
            fields.push(Field {
                name: tag.clone(),
                doc: doc.clone(),
                ts: self.expr(value).text,
                required: true,
            });
        }
        for (name, schema, required) in model::properties(schema) {
            fields.push(Field {
                name: name.to_string(),
                doc: model::description(schema),
                ts: self.field_type(schema, required).text,
                required,
            });
        }
        fields
    }

    /// A named type: an interface for an object with fields, an alias for anything else.
    fn named(&self, out: &mut String, name: &str, schema: &Value) {
        let doc = model::description(schema).unwrap_or_default();
        let choices = choices(schema);
        let doc = match &choices {
            Some(cs) if cs.iter().any(|(_, d)| d.is_some()) => {
                let each: Vec<String> = cs
                    .iter()
                    .map(|(v, d)| format!("`{v}`: {}", d.as_deref().unwrap_or("")))
                    .collect();
                format!("{doc} {}", each.join(" "))
            }
            _ => doc,
        };
        jsdoc(out, "", &doc);
        let ts = ts_name(name);
        let fields = self.fields_of(name, schema);
        let groups = if self.params {
            model::alternatives(schema)
        } else {
            Vec::new()
        };
        if !groups.is_empty() {
            let grouped: BTreeSet<&str> = groups.iter().flat_map(|g| g.iter().copied()).collect();
            for field in &grouped {
                if !fields.iter().any(|f| f.name == *field) {
                    panic!("smsc-gen: {name} has no field `{field}` to require");
                }
            }
            let _ = writeln!(out, "export type {ts} = {{");
            let common: Vec<Field> = fields
                .iter()
                .filter(|f| !grouped.contains(f.name.as_str()))
                .cloned()
                .collect();
            self.fields(out, "  ", &common);
            out.push_str("} & (\n");
            for group in &groups {
                out.push_str("  | {\n");
                let members: Vec<Field> = group
                    .iter()
                    .filter_map(|g| fields.iter().find(|f| f.name == *g))
                    .map(|f| Field {
                        required: true,
                        ..f.clone()
                    })
                    .collect();
                self.fields(out, "      ", &members);
                out.push_str("    }\n");
            }
            out.push_str(");\n\n");
        } else if !fields.is_empty() {
            let _ = writeln!(out, "export interface {ts} {{");
            self.fields(out, "  ", &fields);
            out.push_str("}\n\n");
        } else if schema["type"] == "object" {
            let _ = writeln!(out, "export type {ts} = {};\n", self.map(schema));
        } else {
            let _ = writeln!(out, "export type {ts} = {};\n", self.expr(schema).text);
        }
    }
}

#[derive(Clone)]
struct Field {
    name: String,
    doc: Option<String>,
    ts: String,
    required: bool,
}

/// Every `$ref` anywhere under `schema`, counted by name.
fn count_refs<'a>(schema: &'a Value, counts: &mut BTreeMap<&'a str, usize>) {
    match schema {
        Value::Object(map) => {
            if let Some(name) = model::ref_name(schema) {
                *counts.entry(name).or_default() += 1;
            }
            for v in map.values() {
                count_refs(v, counts);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| count_refs(v, counts)),
        _ => {}
    }
}

/// The tags of internally tagged unions (`Callback`: `kind`), by variant, for the variants the
/// union alone refers to.
fn variant_tags(types: &Map<String, Value>) -> Tags {
    let mut counts = BTreeMap::new();
    for schema in types.values() {
        count_refs(schema, &mut counts);
    }
    let mut tags = BTreeMap::new();
    for schema in types.values() {
        for variant in schema["oneOf"].as_array().into_iter().flatten() {
            let Some(name) = model::ref_name(variant) else {
                continue;
            };
            let tag: Vec<(String, Value, Option<String>)> = model::properties(variant)
                .into_iter()
                .map(|(k, v, _)| (k.to_string(), v.clone(), model::description(variant)))
                .collect();
            if !tag.is_empty() && counts.get(name) == Some(&1) {
                tags.insert(name.to_string(), tag);
            }
        }
    }
    tags
}

/// The name of an operation's channel parameters. `send_sms` already names the params type of
/// every send, so its own narrower set takes another name.
fn channel_type_name(op: &str, params_type: &str) -> String {
    let name = format!("{}Params", pascal(op));
    if name == params_type {
        format!("{}ChannelParams", pascal(op))
    } else {
        name
    }
}

/// The text of `js/src/operations.d.ts`.
pub fn render(d: &Description) -> String {
    if let Some(name) = d
        .params_types
        .keys()
        .find(|k| d.result_types.contains_key(*k))
    {
        panic!(
            "smsc-gen: `{name}` names both a params type and a result type; TypeScript has one \
             namespace for both, so rename one of them in the core"
        );
    }
    let empty = BTreeMap::new();
    let tags = variant_tags(d.result_types);
    let params = Renderer {
        params: true,
        tags: &empty,
    };
    let results = Renderer {
        params: false,
        tags: &tags,
    };

    let mut out = String::new();
    out.push_str(
        "// Generated by `make generate` from the core's description of its operations\n\
         // (smsc_core::ops::describe). Do not edit by hand: change the core and run it again.\n\
         // Data keys are the same in every language (snake_case, as SMSC writes them); money is\n\
         // an exact decimal string.\n\n",
    );

    out.push_str("// ---- Parameters ----\n\n");
    for (name, schema) in d.params_types {
        if !HAND_WRITTEN.contains(&name.as_str()) {
            params.named(&mut out, name, schema);
        }
    }

    out.push_str("// ---- Parameters of each send.php channel ----\n\n");
    let mut channels: Vec<(String, String)> = Vec::new();
    // A channel that refuses and requires nothing takes its params type as it is.
    for op in d
        .operations
        .iter()
        .filter(|op| !op.refused.is_empty() || !op.required.is_empty())
    {
        let base = model::ref_name(op.params)
            .unwrap_or_else(|| panic!("smsc-gen: {} has no named params type", op.name));
        let props = d
            .params_types
            .get(base)
            .map(model::properties)
            .unwrap_or_default();
        for field in op.refused.iter().chain(&op.required) {
            if !props.iter().any(|(p, _, _)| p == field) {
                panic!(
                    "smsc-gen: channel {} names `{field}`, not a field of {base}",
                    op.name
                );
            }
        }
        let name = channel_type_name(op.name, base);
        let quoted = |fields: &[&str]| {
            fields
                .iter()
                .map(|f| format!("'{f}'"))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let mut ty = if op.refused.is_empty() {
            ts_name(base).to_string()
        } else {
            format!("Omit<{}, {}>", ts_name(base), quoted(&op.refused))
        };
        if !op.required.is_empty() {
            ty = format!(
                "{ty} & Required<Pick<{}, {}>>",
                ts_name(base),
                quoted(&op.required)
            );
        }
        let mut doc = format!("Parameters of `{}`: those of `{base}`", op.name);
        if !op.refused.is_empty() {
            let _ = write!(doc, " without {}", op.refused.join(", "));
        }
        if !op.required.is_empty() {
            let _ = write!(doc, ", with {} required", op.required.join(" and "));
        }
        let _ = write!(doc, ". {}", op.doc);
        jsdoc(&mut out, "", &doc);
        let _ = writeln!(out, "export type {name} = {ty};\n");
        channels.push((op.name.to_string(), name));
    }

    out.push_str("// ---- Results ----\n\n");
    for (name, schema) in d.result_types {
        results.named(&mut out, name, schema);
    }

    out.push_str(
        "/** `Omit` applied to each member of a union, so that alternatives (`StatusParams`) survive. */\n\
         export type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;\n\n",
    );
    out.push_str(
        "/**\n * Every operation: `[parameters, result]`, in the core's order. Each is also a method of\n \
         * `Client`, named in camelCase (`send_sms` → `client.sendSms(params)`).\n */\n",
    );
    out.push_str("export interface Operations {\n");
    for op in &d.operations {
        let params_ty = match channels.iter().find(|(n, _)| n == op.name) {
            Some((_, channel)) => channel.clone(),
            None => params.expr(op.params).text,
        };
        let params_ty = match op.op_refused.as_slice() {
            [] => params_ty,
            fields => {
                let base = model::ref_name(op.params).unwrap_or_default();
                let props = d
                    .params_types
                    .get(base)
                    .map(model::properties)
                    .unwrap_or_default();
                for field in fields {
                    if !props.iter().any(|(p, _, _)| p == field) {
                        panic!(
                            "smsc-gen: {} refuses `{field}`, not a field of {base}",
                            op.name
                        );
                    }
                }
                let quoted: Vec<String> = fields.iter().map(|f| format!("'{f}'")).collect();
                format!("OmitEach<{params_ty}, {}>", quoted.join(" | "))
            }
        };
        jsdoc(&mut out, "  ", &op.doc);
        let _ = writeln!(
            out,
            "  {}: [{params_ty}, {}];",
            op.name,
            results.expr(op.result).text
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_optional_fields_choices_and_money() {
        let value = json!({
            "operations": [{
                "name": "price_check",
                "doc": "`price.php`: a [`super::Price`].",
                "script": "price.php",
                "effect": "read",
                "params": {"$ref": "#/$defs/PriceParams"},
                "result": {"$ref": "#/$defs/Price"}
            }],
            "params_types": {
                "PriceParams": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                        "phone": {"type": "string", "description": "Whose price."},
                        "note": {"type": ["string", "null"], "description": "A note."},
                        "level": {"anyOf": [{"$ref": "#/$defs/Level"}, {"type": "null"}]}
                    },
                    "required": ["phone"],
                    "description": "What to price."
                },
                "Level": {
                    "type": "integer",
                    "description": "How much detail.",
                    "oneOf": [
                        {"const": 0, "description": "Little."},
                        {"const": 2, "description": "Much."}
                    ]
                }
            },
            "result_types": {
                "Price": {
                    "type": "object",
                    "properties": {
                        "cost": {"$ref": "#/$defs/Money"},
                        "extra": {"anyOf": [{"$ref": "#/$defs/Money"}, {"type": "null"}]}
                    },
                    "required": ["cost"]
                },
                "Money": {"type": "string", "format": "decimal", "description": "Exact."}
            }
        });
        let text = render(&Description::read(&value));
        let expected = "\
// ---- Parameters ----

/** What to price. */
export interface PriceParams {
  /** Whose price. */
  phone: string;
  /** A note. */
  note?: string;
  level?: Level;
}

/** How much detail. `0`: Little. `2`: Much. */
export type Level = 0 | 2;

// ---- Parameters of each send.php channel ----

// ---- Results ----

export interface Price {
  cost: Money;
  extra?: Money;
}

/** Exact. */
export type Money = string;

/** `Omit` applied to each member of a union, so that alternatives (`StatusParams`) survive. */
export type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Every operation: `[parameters, result]`, in the core's order. Each is also a method of
 * `Client`, named in camelCase (`send_sms` → `client.sendSms(params)`).
 */
export interface Operations {
  /** `price.php`: a `Price`. */
  price_check: [PriceParams, Price];
}
";
        assert!(text.starts_with("// Generated by `make generate`"));
        let body = &text[text.find("// ---- Parameters ----").unwrap_or(0)..];
        assert_eq!(body, expected);
    }

    #[test]
    fn checks_the_core_makes_on_reading_come_from_the_description() {
        let value = json!({
            "operations": [{
                "name": "lookup", "doc": "Looks up.", "script": "look.php", "effect": "read",
                "params": {"$ref": "#/$defs/LookupParams"},
                "result": {"$ref": "#/$defs/Found"},
                "refused": ["depth"]
            }],
            "params_types": {
                "LookupParams": {
                    "type": "object",
                    "properties": {
                        "name": {"type": ["string", "null"], "x-required": true},
                        "id": {"type": ["integer", "null"]},
                        "key": {"type": ["string", "null"]},
                        "ids": {"type": "array", "items": {"type": "integer"}},
                        "depth": {"type": "integer"}
                    },
                    "x-alternatives": [["id", "key"], ["ids"]]
                }
            },
            "result_types": {"Found": {"type": "string"}}
        });
        let text = render(&Description::read(&value));
        assert!(
            text.contains(
                "export type LookupParams = {\n  name: string;\n  depth?: number;\n} & (\n  | {\n      \
                 id: number;\n      key: string;\n    }\n  | {\n      ids: number[];\n    }\n);\n"
            ),
            "{text}"
        );
        assert!(text.contains("  lookup: [OmitEach<LookupParams, 'depth'>, Found];\n"));
    }

    #[test]
    fn a_name_in_both_contracts_is_refused() {
        let value = json!({
            "operations": [],
            "params_types": {"Thing": {"type": "string"}},
            "result_types": {"Thing": {"type": "string"}}
        });
        let rendered = std::panic::catch_unwind(|| render(&Description::read(&value)));
        assert!(rendered.is_err());
    }
}
