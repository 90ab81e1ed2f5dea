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
    /// notifications, and the SMTP route's message.
    fn add_shared(&mut self) -> Value {
        json!({
            "Advice": self.results.subschema_for::<crate::retry::Advice>(),
            "Callback": self.results.subschema_for::<crate::callback::Callback>(),
            "SmtpMessage": self.results.subschema_for::<crate::smtp::SmtpMessage>(),
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
