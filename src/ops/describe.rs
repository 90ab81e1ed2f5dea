//! Every operation described once, as data (feature `schema`): its name, script, effect and doc
//! line, its parameters and its result as JSON Schema read from the Rust types themselves (field
//! names, types, doc comments, which fields may be left out), and the parameters each send
//! channel takes. The TypeScript declarations, Python stubs and the operations tables in the
//! docs are generated from [`describe`] by `gen/`, committed, and checked for staleness by
//! `make test`; nothing per language is written by hand.

use schemars::generate::{Contract, SchemaSettings};
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};

use super::Operation;

/// The lines of a doc comment as one paragraph.
pub fn doc_text(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

/// Narrows property `field` of an object schema to some of the choices of the numeric choice
/// `T`: for a params type that takes fewer of them than the type it shares (a mailing list's
/// `cost`). The property keeps its doc and whether it may be `null`.
pub(crate) fn narrow_choices<T>(schema: &mut schemars::Schema, field: &str, allowed: &[T])
where
    T: JsonSchema + Copy + Into<u8>,
{
    let codes: Vec<Value> = allowed.iter().map(|c| json!((*c).into())).collect();
    let mut own = T::json_schema(&mut SchemaGenerator::default()).to_value();
    if let Some(choices) = own.get_mut("oneOf").and_then(Value::as_array_mut) {
        choices.retain(|c| c.get("const").is_some_and(|v| codes.contains(v)));
    }
    if let Some(map) = own.as_object_mut() {
        map.remove("description");
    }
    replace_property(schema, field, own);
}

/// Narrows the string property `field` of an object schema to the values `allowed`, the table
/// the core checks it against (a template's `format`).
pub(crate) fn narrow_strings(schema: &mut schemars::Schema, field: &str, allowed: &[&str]) {
    replace_property(schema, field, json!({ "type": "string", "enum": allowed }));
}

/// Puts `inner` in place of what property `field` holds, keeping its doc and its `null`.
fn replace_property(schema: &mut schemars::Schema, field: &str, inner: Value) {
    let Some(property) = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut(field))
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let nullable = match property.get("anyOf").and_then(Value::as_array) {
        Some(any) => any.iter().any(|s| s["type"] == "null"),
        None => property
            .get("type")
            .and_then(Value::as_array)
            .is_some_and(|types| types.iter().any(|t| t == "null")),
    };
    for key in [
        "anyOf", "oneOf", "$ref", "type", "enum", "format", "minimum", "maximum",
    ] {
        property.remove(key);
    }
    if nullable {
        property.insert("anyOf".into(), json!([inner, { "type": "null" }]));
    } else if let Value::Object(inner) = inner {
        property.extend(inner);
    }
}

/// Collects the operations' schemas: parameters as the core reads them, results as it writes
/// them, each named type once.
pub(crate) struct Describer {
    params: SchemaGenerator,
    results: SchemaGenerator,
    operations: Vec<Value>,
}

impl Describer {
    fn new() -> Self {
        let settings = |contract| {
            let mut s = SchemaSettings::draft2020_12();
            s.contract = contract;
            s.meta_schema = None;
            s
        };
        Describer {
            params: settings(Contract::Deserialize).into_generator(),
            results: settings(Contract::Serialize).into_generator(),
            operations: Vec::new(),
        }
    }

    pub(crate) fn add<O: Operation>(&mut self, method: &str, doc: &[&str])
    where
        O::Params: JsonSchema,
        O::Output: JsonSchema,
    {
        let params = self.params.subschema_for::<O::Params>();
        let result = self.results.subschema_for::<O::Output>();
        let mut op = json!({
            "name": O::NAME,
            "method": method,
            "doc": doc_text(doc),
            "script": O::SCRIPT,
            "json_body": O::JSON_BODY,
            "effect": O::EFFECT.as_str(),
            "lists": O::LISTS,
            "refused": O::REFUSED.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
            "params": params,
            "result": result,
        });
        if let (Some(channel), Some(fields)) =
            (super::send::channel_of(O::NAME), op.as_object_mut())
        {
            fields.insert("channel".into(), super::send::describe_channel(channel));
        }
        self.operations.push(op);
    }

    /// The types outside any operation that frontends hand out or take: the retry advice, the
    /// notifications, the SMTP route's message, and the message maths and phone check.
    fn add_shared(&mut self) -> Value {
        json!({
            "Advice": self.results.subschema_for::<crate::retry::Advice>(),
            "Callback": self.results.subschema_for::<crate::callback::Callback>(),
            "SmtpMessage": self.results.subschema_for::<crate::smtp::SmtpMessage>(),
            "Segments": self.results.subschema_for::<crate::segments::Segments>(),
            "PhoneCheck": self.results.subschema_for::<crate::phone::PhoneCheck>(),
            "SmtpParams": self.params.subschema_for::<crate::smtp::SmtpParams>(),
            "CallbackOptions": self.params.subschema_for::<crate::callback::CallbackOptions>(),
        })
    }

    fn finish(mut self) -> Value {
        let shared = self.add_shared();
        let defs = |g: &SchemaGenerator| -> Map<String, Value> {
            g.definitions()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        json!({
            "operations": self.operations,
            "shared": shared,
            "params_types": defs(&self.params),
            "result_types": defs(&self.results),
        })
    }
}

/// The description of every operation, in the order of [`super::OPERATIONS`].
pub fn describe() -> Value {
    let mut describer = Describer::new();
    super::describe_all(&mut describer);
    describer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_made_on_reading_are_described() {
        let d = describe();
        let params = &d["params_types"];
        let codes: Vec<&Value> = params["JobAddParams"]["properties"]["cost"]["anyOf"][0]["oneOf"]
            .as_array()
            .map(|c| c.iter().map(|c| &c["const"]).collect())
            .unwrap_or_default();
        assert_eq!(codes, [&json!(0), &json!(1)]);
        assert_eq!(
            params["StatusParams"]["x-alternatives"],
            json!([["id", "phone"], ["messages"]])
        );
        assert_eq!(
            params["TemplateAddParams"]["properties"]["name"]["x-required"],
            json!(true)
        );
        assert_eq!(
            params["TemplateAddParams"]["properties"]["format"]["anyOf"][0]["enum"][1],
            json!("sms")
        );
        let refused = |name: &str| {
            d["operations"]
                .as_array()
                .and_then(|ops| ops.iter().find(|op| op["name"] == name))
                .map(|op| op["refused"].clone())
        };
        assert_eq!(refused("cost"), Some(json!(["cost"])));
        assert_eq!(refused("delete_message"), Some(json!(["all"])));
        assert_eq!(refused("status"), Some(json!([])));
    }
}
