//! The operations of the SMSC HTTP API, one module each.
//!
//! Every operation implements [`Operation`]: its parameters check themselves and become form
//! fields, and its parser turns a decoded answer into a typed result. The [`operations!`] list
//! below is the only place that names them all: it derives [`Call`] (what to do), [`Output`]
//! (what came back) and the string-keyed dispatch the frontends use, so adding an operation
//! means adding a module and a line here, and nothing in any frontend.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Reason, Result};
use crate::request::Form;
use crate::response::{self, Answer};
use crate::retry::Effect;
use crate::view::{to_view, View};

/// Declares an operation of a script whose calls differ only in their parameters, encoder and
/// reader: `script_op!("phones.php", phones_reason; /// doc
/// ContactAddOp: "contact_add", Params => Output, effect = Create, encode = f, parse = g);`.
macro_rules! script_op {
    ($script:literal, $reason:path;
     $(#[$doc:meta])* $op:ident: $name:literal, $params:ty => $output:ty, effect = $effect:ident,
     encode = $encode:expr, parse = $parse:expr) => {
        $(#[$doc])*
        pub struct $op;

        impl Operation for $op {
            const NAME: &'static str = $name;
            const EFFECT: crate::retry::Effect = crate::retry::Effect::$effect;
            const SCRIPT: &'static str = $script;
            // Every read of these scripts answers with a list.
            const LISTS: bool = matches!(crate::retry::Effect::$effect, crate::retry::Effect::Read);
            type Params = $params;
            type Output = $output;

            fn encode(params: &$params, form: &mut Form) -> Result<()> {
                ($encode)(params, form)
            }

            fn parse(_: &$params, answer: Answer<'_>) -> Result<$output> {
                ($parse)(answer)
            }

            fn reason(code: i64) -> Reason {
                $reason(code)
            }
        }
    };
}

pub mod balance;
pub mod choices;
pub mod cost;
pub mod delete;
#[cfg(feature = "schema")]
pub mod describe;
pub(crate) mod fields;
mod hints;
mod json_list;
mod reader;
pub mod send;
mod shapes;
pub mod status;
mod text;
mod text_reader;
pub(crate) mod validate;
mod when;

pub use choices::{
    AccountCurrency, AccountKind, Binary, BlockKind, Cost, GroupKind, HistoryFormat, Repeat,
    ResellerScope, StatusDetail, Translit,
};
pub use validate::{MessageId, Phones, MAX_MESSAGE_CHARS};

// Mailing lists, templates and monitoring events (jobs.php, templates.php, op_templates.php, ping.php).
pub mod jobs;
pub mod monitoring;
pub mod op_templates;
pub mod records;
pub mod templates;

// Contacts, sub-clients, sender names and documents (phones.php, users.php, senders.php, documents.php).
pub mod accounts;
pub mod contacts;
pub mod documents;
pub mod senders;
pub mod subclients;

// Getting data (get.php, info.php, tinyurls.php).
pub mod data;
pub mod history;
pub mod incoming;
pub mod operator;
pub mod rates;
pub mod short_link;
pub mod statistics;

/// One operation of the API.
pub trait Operation {
    /// The name frontends call it by (`"balance"`, `"send_sms"`, …).
    const NAME: &'static str;
    /// The script under `/sys/` that serves it; with [`Operation::JSON_BODY`], the name of the
    /// `/rest/<name>/` endpoint.
    const SCRIPT: &'static str;
    /// Whether the parameters go as a JSON object in a POST body to `/rest/<SCRIPT>/` instead of
    /// a form to `/sys/<SCRIPT>`.
    const JSON_BODY: bool = false;
    /// Whether a successful answer is a list of records. In the line formats (fmt=0, 1) a list
    /// of no records is no lines at all, so for these operations an empty body is the empty
    /// list rather than an unreadable answer.
    const LISTS: bool = false;
    /// What the operation does to the account: whether a request that got no readable answer
    /// may be sent again (see [`crate::retry`]). No default, so that every operation decides.
    const EFFECT: Effect;
    /// Its parameters, as plain data.
    type Params: DeserializeOwned + Clone + PartialEq + std::fmt::Debug;
    /// What a successful answer means.
    type Output: Serialize + Clone + PartialEq + std::fmt::Debug;

    /// Checks the parameters and appends their form fields.
    fn encode(params: &Self::Params, form: &mut Form) -> Result<()>;

    /// Reads a decoded, non-error answer.
    fn parse(params: &Self::Params, answer: Answer<'_>) -> Result<Self::Output>;

    /// Reads an answer the shared decoder cannot (a downloaded file) before it tries;
    /// `None`, the default, leaves the answer to the decoder and [`Operation::parse`].
    fn parse_raw(
        _params: &Self::Params,
        _status: u16,
        _body: &[u8],
    ) -> Option<Result<Self::Output>> {
        None
    }

    /// What an SMSC error code means for this script.
    fn reason(code: i64) -> Reason {
        response::common_reason(code)
    }

    /// Fields of a params type shared with other operations that this one refuses, each with
    /// what to tell a caller who gave it. [`refused`] builds the error from here and the
    /// description lists the names, so typed frontends leave the fields out.
    const REFUSED: &'static [(&'static str, &'static str)] = &[];
}

/// The error for giving `field`, one of `O::REFUSED`.
pub(crate) fn refused<O: Operation>(field: &str) -> Error {
    let why = O::REFUSED
        .iter()
        .find(|(name, _)| *name == field)
        .map_or("is not taken here; leave it out", |(_, why)| why);
    Error::invalid(field, why)
}

/// An operation that is one variant of [`Call`]: what a typed request ([`crate::Prepared`])
/// needs to build its call and to find its own parameters in it. [`operations!`] implements it
/// for every operation.
pub trait CallOf: Operation + Sized {
    /// The call of this operation with `params`.
    fn call(params: Self::Params) -> Call;
    /// This operation's parameters, when `call` is of this operation.
    fn params(call: &Call) -> Option<&Self::Params>;
    /// This operation's result, when `output` is of this operation.
    fn output(output: Output) -> Option<Self::Output>;
}

/// Reads the answer to operation `O` called with `params`: the one reading path of every
/// operation, typed ([`crate::Prepared::parse`]) or by name ([`Call::parse`]).
pub(crate) fn parse_answer<O: Operation>(
    params: &O::Params,
    status: u16,
    body: &[u8],
) -> Result<O::Output> {
    if let Some(raw) = O::parse_raw(params, status, body) {
        return raw;
    }
    let answer = if O::LISTS && response::is_blank(status, body) {
        response::Answer::Text("")
    } else {
        response::decode(status, body, O::reason)?
    };
    O::parse(params, answer)
}

macro_rules! operations {
    ($( $(#[doc = $doc:literal])* $variant:ident => $op:ty as $method:ident ),+ $(,)?) => {
        /// Adds every operation to the description, in order.
        #[cfg(feature = "schema")]
        fn describe_all(describer: &mut describe::Describer) {
            $( describer.add::<$op>(stringify!($method), &[$( $doc ),*]); )+
        }

        $(
            impl CallOf for $op {
                fn call(params: Self::Params) -> Call {
                    Call::$variant(params)
                }
                fn params(call: &Call) -> Option<&Self::Params> {
                    match call {
                        Call::$variant(p) => Some(p),
                        _ => None,
                    }
                }
                fn output(output: Output) -> Option<Self::Output> {
                    match output {
                        Output::$variant(o) => Some(o),
                        _ => None,
                    }
                }
            }
        )+

        /// Typed requests, one method per operation: each returns a [`crate::Prepared`] whose
        /// `parse` gives that operation's own result type.
        impl crate::Client {
            $(
                $(#[doc = $doc])*
                pub fn $method(&self, params: <$op as Operation>::Params) -> Result<crate::Prepared<$op>> {
                    self.prepare_op::<$op>(params)
                }
            )+
        }

        /// The name of each typed method of [`crate::Client`], in the order of [`OPERATIONS`].
        #[cfg(test)]
        const METHODS: &[&str] = &[ $( stringify!($method), )+ ];

        /// A checked-or-to-be-checked call of one operation, with its parameters.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Call {
            $( $(#[doc = $doc])* $variant(<$op as Operation>::Params), )+
        }

        /// The typed result of an operation.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum Output {
            $( $(#[doc = $doc])* $variant(<$op as Operation>::Output), )+
        }

        /// The names of every operation, as frontends call them.
        pub const OPERATIONS: &[&str] = &[ $( <$op as Operation>::NAME, )+ ];

        impl Call {
            /// The operation name.
            pub fn name(&self) -> &'static str {
                match self { $( Call::$variant(_) => <$op as Operation>::NAME, )+ }
            }

            pub(crate) fn script(&self) -> &'static str {
                match self { $( Call::$variant(_) => <$op as Operation>::SCRIPT, )+ }
            }

            /// What the operation does to the account (see [`Operation::EFFECT`]).
            pub fn effect(&self) -> Effect {
                match self { $( Call::$variant(_) => <$op as Operation>::EFFECT, )+ }
            }

            /// What an SMSC error code means for the script of this call.
            pub fn reason(&self, code: i64) -> Reason {
                match self { $( Call::$variant(_) => <$op as Operation>::reason(code), )+ }
            }

            pub(crate) fn json_body(&self) -> bool {
                match self { $( Call::$variant(_) => <$op as Operation>::JSON_BODY, )+ }
            }

            pub(crate) fn encode(&self, form: &mut Form) -> Result<()> {
                match self { $( Call::$variant(p) => <$op as Operation>::encode(p, form), )+ }
            }

            /// Interprets the server's answer to this call. [`crate::Request::parse`] does the
            /// same for a prepared request; this form lets a frontend keep only the call's name
            /// and parameters instead of a request object.
            pub fn parse(&self, status: u16, body: &[u8]) -> Result<Output> {
                match self {
                    $( Call::$variant(p) => parse_answer::<$op>(p, status, body).map(Output::$variant), )+
                }
            }

            /// A call from an operation name and its parameters as JSON text. `null` stands for
            /// no parameters. Errors are those of [`Call::from_json`] for the same data, and
            /// for text that is not JSON those of [`json_from_text`].
            ///
            /// The text is read in place, not made into a `serde_json::Value` first, so of two
            /// mistakes the first written is the one named (the data reader names the first
            /// key in sorted order) and a key given twice is refused.
            pub fn from_json_text(op: &str, text: &str) -> Result<Call> {
                // `null` stands for "no parameters", as with `from_json`.
                let text = if is_null_text(text) { "{}" } else { text };
                match op {
                    $( <$op as Operation>::NAME => from_json_text_value(text, "params").map(Call::$variant), )+
                    // An unknown name is the error whatever the text, as with `from_json`.
                    other => Err(unknown_operation(other)),
                }
            }

            /// A call from an operation name and its parameters read by any serde
            /// `Deserializer`: a frontend's reader of its own language's data (Python's reads
            /// dicts in place), or any format serde reads. The errors are the deserializer's,
            /// an unknown name among them; [`Call::from_json`] gives the library's own, which
            /// name the field by its path.
            pub fn from_deserializer<'de, D: serde::Deserializer<'de>>(
                op: &str,
                deserializer: D,
            ) -> std::result::Result<Call, D::Error> {
                match op {
                    $( <$op as Operation>::NAME => <<$op as Operation>::Params as serde::Deserialize>::deserialize(deserializer).map(Call::$variant), )+
                    other => Err(serde::de::Error::custom(format_args!("unknown operation `{other}`"))),
                }
            }

            /// A call from an operation name and its parameters as JSON data.
            pub fn from_json(op: &str, params: serde_json::Value) -> Result<Call> {
                // `null` stands for "no parameters", as frontends pass when a call has none.
                let params = if params.is_null() { serde_json::json!({}) } else { params };
                match op {
                    $( <$op as Operation>::NAME => from_json_value(params, "params").map(Call::$variant), )+
                    other => Err(unknown_operation(other)),
                }
            }
        }

        impl Output {
            /// The result as a language-neutral tree, for frontends.
            pub fn to_view(&self) -> View {
                match self { $( Output::$variant(o) => to_view(o), )+ }
            }
        }
    };
}

operations! {
    /// `balance.php`: the account balance.
    Balance => balance::BalanceOp as balance,
    /// `send.php`: send an SMS.
    SendSms => send::SendSmsOp as send_sms,
    /// `send.php` with `cost=1`: the price of a message, without sending it.
    Cost => cost::CostOp as cost,
    /// `status.php`: the delivery status of one or several messages.
    Status => status::StatusOp as status,
    /// `status.php` with `del=1`: delete sent messages.
    DeleteMessage => delete::DeleteOp as delete_message,
    /// `send.php` with `hlr=1`: HLR queries.
    SendHlr => send::SendHlrOp as send_hlr,
    /// `send.php` with `ping=1`: ping-SMS.
    SendPing => send::SendPingOp as send_ping,
    /// `send.php` with `mms=1`: an MMS.
    SendMms => send::SendMmsOp as send_mms,
    /// `send.php` with `mail=1`: an e-mail.
    SendEmail => send::SendEmailOp as send_email,
    /// `send.php` with `call=1`: a voice call.
    SendCall => send::SendCallOp as send_call,
    /// `send.php` with `viber=1`: a Viber message.
    SendViber => send::SendViberOp as send_viber,
    /// `send.php` with `tg=1`: a Telegram message.
    SendTelegram => send::SendTelegramOp as send_telegram,
    /// `/rest/send/`: an SMS with the parameters as a JSON body.
    SendSmsJson => send::SendSmsJsonOp as send_sms_json,

    // Mailing lists, templates and monitoring events.
    /// `jobs.php` with `add=1`: create a mailing list.
    JobAdd => jobs::JobAddOp as job_add,
    /// `jobs.php` with `del=1`: delete a mailing list.
    JobDelete => jobs::JobDeleteOp as job_delete,
    /// `jobs.php` with `cancel=1`: disable a mailing list waiting to be sent.
    JobCancel => jobs::JobCancelOp as job_cancel,
    /// `jobs.php` with `get=1`: one mailing list.
    Job => jobs::JobOp as job,
    /// `jobs.php` with `get_all=1`: the mailing lists.
    Jobs => jobs::JobsOp as jobs,
    /// `templates.php` with `add=1`: create a message template.
    TemplateAdd => templates::TemplateAddOp as template_add,
    /// `templates.php` with `chg=1`: change a message template.
    TemplateUpdate => templates::TemplateUpdateOp as template_update,
    /// `templates.php` with `del=1`: delete a message template.
    TemplateDelete => templates::TemplateDeleteOp as template_delete,
    /// `templates.php` with `get=1`: the message templates.
    Templates => templates::TemplatesOp as templates,
    /// `op_templates.php` with `add=1`: create an operator template.
    OperatorTemplateAdd => op_templates::OperatorTemplateAddOp as operator_template_add,
    /// `op_templates.php` with `get=1`: the operator templates for a sender and text.
    OperatorTemplates => op_templates::OperatorTemplatesOp as operator_templates,
    /// `ping.php`: send an event notification of a monitoring task group.
    MonitoringEvent => monitoring::MonitoringEventOp as monitoring_event,

    // Contacts, sub-clients, sender names and documents.
    /// `phones.php?add=1`: create a contact.
    ContactAdd => contacts::ContactAddOp as contact_add,
    /// `phones.php?chg=1`: change a contact.
    ContactUpdate => contacts::ContactUpdateOp as contact_update,
    /// `phones.php?del=1`: delete contacts.
    ContactDelete => contacts::ContactDeleteOp as contact_delete,
    /// `phones.php?get=1`: list the contacts.
    Contacts => contacts::ContactsOp as contacts,
    /// `phones.php?add_group=1`: create a contact group.
    GroupAdd => contacts::GroupAddOp as group_add,
    /// `phones.php?chg_group=1`: rename or renumber a group.
    GroupUpdate => contacts::GroupUpdateOp as group_update,
    /// `phones.php?del_group=1`: delete a group.
    GroupDelete => contacts::GroupDeleteOp as group_delete,
    /// `phones.php?get_group=1`: list the groups.
    Groups => contacts::GroupsOp as groups,
    /// `phones.php?move_group=1`: move contacts into a group.
    ContactGroupMove => contacts::ContactGroupMoveOp as contact_group_move,
    /// `phones.php?move_group=2`: add a group to contacts.
    ContactGroupAdd => contacts::ContactGroupAddOp as contact_group_add,
    /// `phones.php?move_group=3`: take contacts out of a group.
    ContactGroupRemove => contacts::ContactGroupRemoveOp as contact_group_remove,
    /// `phones.php?add_black=1`: blacklist numbers.
    BlacklistAdd => contacts::BlacklistAddOp as blacklist_add,
    /// `phones.php?del_black=1`: remove numbers from the blacklist.
    BlacklistDelete => contacts::BlacklistDeleteOp as blacklist_delete,
    /// `users.php?add=1`: create a sub-client.
    SubclientAdd => subclients::SubclientAddOp as subclient_add,
    /// `users.php?chg=1`: change a sub-client.
    SubclientUpdate => subclients::SubclientUpdateOp as subclient_update,
    /// `users.php?pay=1`: move money to or from a sub-client.
    SubclientPay => subclients::SubclientPayOp as subclient_pay,
    /// `users.php?get_stat=1`: statistics per sub-client.
    SubclientStats => subclients::SubclientStatsOp as subclient_stats,
    /// `users.php?get_stat_all=1`: detailed sub-client statistics.
    SubclientStatsDetailed => subclients::SubclientStatsDetailedOp as subclient_stats_detailed,
    /// `senders.php?get=1`: list the sender names.
    Senders => senders::SendersOp as senders,
    /// `senders.php?add=1`: add a sender name.
    SenderAdd => senders::SenderAddOp as sender_add,
    /// `senders.php?chg=1`: change a sender name.
    SenderUpdate => senders::SenderUpdateOp as sender_update,
    /// `senders.php?del=1`: delete a sender name.
    SenderDelete => senders::SenderDeleteOp as sender_delete,
    /// `senders.php?send_code=1`: send a confirmation code to a numeric sender name.
    SenderSendCode => senders::SenderSendCodeOp as sender_send_code,
    /// `senders.php?check_code=1`: confirm a numeric sender name.
    SenderCheckCode => senders::SenderCheckCodeOp as sender_check_code,
    /// `documents.php?add_account=1`: create an invoice for a sub-client.
    InvoiceAdd => documents::InvoiceAddOp as invoice_add,
    /// `documents.php?get_account=1`: download an invoice.
    InvoiceGet => documents::InvoiceGetOp as invoice_get,
    /// `documents.php?get_act=1`: download an act.
    ActGet => documents::ActGetOp as act_get,

    // Getting data.
    /// `get.php` with `get_messages=1`: the history of sent messages.
    History => history::HistoryOp as history,
    /// `get.php` with `get_answers=1`: incoming messages.
    Incoming => incoming::IncomingOp as incoming,
    /// `get.php` with `get_stat=1`: statistics of sent messages.
    Statistics => statistics::StatisticsOp as statistics,
    /// `get.php` with `get_price=1`: the client's rates.
    Rates => rates::RatesOp as rates,
    /// `info.php` with `get_operator=1`: the operator of phone numbers.
    OperatorInfo => operator::OperatorInfoOp as operator_info,
    /// `tinyurls.php` with `get=1`: click counts of a short link.
    ShortLink => short_link::ShortLinkOp as short_link,
}

/// The error for an operation name that is not one.
fn unknown_operation(op: &str) -> Error {
    Error::invalid(
        "op",
        format!(
            "unknown operation {op:?}; {}known operations: {}",
            hints::closest(op, OPERATIONS)
                .map_or(String::new(), |op| format!("did you mean {op:?}? ")),
            OPERATIONS.join(", ")
        ),
    )
}

/// How a JSON value is called in error messages.
fn json_type_name(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Reads plain data into a typed value; a mismatch is [`Error::Invalid`] naming the field by
/// its path (`phones[2]`), or `root` when the whole value is of the wrong shape.
pub(crate) fn from_json_value<T: DeserializeOwned>(
    value: serde_json::Value,
    root: &str,
) -> Result<T> {
    // serde reads a struct from an array too (fields by position), which would give meaning
    // to `[true]`; named fields are the only documented form.
    let serde_json::Value::Object(fields) = value else {
        return Err(not_an_object(root, &value));
    };
    reader::read(serde_json::Value::Object(fields)).map_err(|e| read_error(e, root))
}

/// The error for parameters (or settings, options) that are not an object.
fn not_an_object(root: &str, value: &serde_json::Value) -> Error {
    Error::invalid(
        root,
        format!(
            "give the {root} as an object of named fields ({{\"name\": value, …}}), not {}",
            json_type_name(value)
        ),
    )
}

/// A reader's error as the caller sees it: the field by its path, and what to give instead.
fn read_error(e: reader::ReadError, root: &str) -> Error {
    let field = e.path().unwrap_or_else(|| root.to_string());
    let message = untagged_expectation(&e.message)
        .map_or_else(|| hints::explain(&e.message, root), str::to_string);
    Error::invalid(field, message)
}

/// Whether `text` is JSON's `null` (which the frontends pass for "none").
pub(crate) fn is_null_text(text: &str) -> bool {
    text.trim_matches([' ', '\n', '\r', '\t']) == "null"
}

/// [`from_json_value`] of the value written in `text`: the same result and the same errors,
/// read from the text in place (see [`text_reader`]). Text that is not JSON is the error of [`json_from_text`], which describes it, even
/// when a mistake in a parameter comes before the place where the text stops being JSON.
pub(crate) fn from_json_text_value<T: DeserializeOwned>(text: &str, root: &str) -> Result<T> {
    // Only the reading itself is made once per type; the rest is shared.
    let mut reader = start_reading(text, root)?;
    match T::deserialize(&mut reader) {
        Ok(params) => match reader.end() {
            Ok(()) => Ok(params),
            Err(e) => Err(text_read_error(e, text, root)),
        },
        Err(e) => Err(text_read_error(e, text, root)),
    }
}

/// The reader of `text`, which must be an object.
#[inline(never)]
fn start_reading<'a>(text: &'a str, root: &str) -> Result<text_reader::Text<'a>> {
    let mut reader = text_reader::Text::new(text);
    match reader.peek() {
        Some(b'{') => Ok(reader),
        // Not an object, or not JSON: the error is about the whole text.
        _ => Err(not_an_object(root, &json_from_text(text, root)?)),
    }
}

/// The error of reading `text`: that it is not JSON, when it is not (whatever else is wrong),
/// or else `e`, about a parameter.
#[inline(never)]
fn text_read_error(e: reader::ReadError, text: &str, root: &str) -> Error {
    if let Err(not_json) = json_from_text(text, root) {
        return not_json;
    }
    if e.syntax {
        // This reader found the text wrong where serde_json does not; never expected.
        return Error::invalid(
            root,
            "could not be read as JSON; give an object of named parameters",
        );
    }
    read_error(e, root)
}

/// What the values read through `#[serde(untagged)]` accept: serde itself only says that
/// "data did not match any variant", which tells the caller nothing.
fn untagged_expectation(message: &str) -> Option<&'static str> {
    let name = message.strip_prefix("data did not match any variant of untagged enum ")?;
    Some(match name.trim() {
        "Phones" => "give the recipients as one string separated by commas or semicolons (\"79991234567,79997654321\") or as a list of strings",
        "MessageId" => "give the message id as a whole number from 1 to 2147483647 or as text of up to 40 Latin letters, digits, '.', '-' or '_'",
        "RecordId" => "give the id as the positive whole number the server returned, or its digits as a string",
        _ => "the value has none of the accepted forms; see the parameter's documentation",
    })
}

/// Deeper nesting than this in JSON text is refused: no parameter object or SMSC answer comes
/// close, and serde_json stops at 128 levels anyway (its guard against stack overflow).
pub const MAX_JSON_DEPTH: usize = 128;

/// Parameters or settings given as JSON text, as the C and wasm frontends receive them;
/// `field` names the argument in the error.
pub fn json_from_text(text: &str, field: &str) -> Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| {
        let why = e.to_string();
        let message = if why.starts_with("recursion limit exceeded") {
            format!(
                "nests deeper than {MAX_JSON_DEPTH} levels; give a flat object of named parameters"
            )
        } else {
            format!("is not valid JSON ({why}); give an object of named parameters")
        };
        Error::invalid(field, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any deserializer reads a call as the JSON data reader does; an unknown name is its error.
    #[test]
    fn a_call_is_read_by_any_deserializer() {
        let params = serde_json::json!({"phones": "79991234567", "message": "Hi", "cost": 3});
        let call = Call::from_deserializer("send_sms", &params).unwrap();
        assert_eq!(call, Call::from_json("send_sms", params.clone()).unwrap());
        let e = Call::from_deserializer("send_sms", serde_json::json!({"nmae": 1})).unwrap_err();
        assert!(e.to_string().starts_with("unknown field `nmae`"), "{e}");
        let e = Call::from_deserializer("no_such_op", &params).unwrap_err();
        assert_eq!(e.to_string(), "unknown operation `no_such_op`");
    }

    /// Each typed method of `Client` is named as the operation is in every other language.
    #[test]
    fn typed_methods_are_named_as_the_operations() {
        assert_eq!(METHODS, OPERATIONS);
    }
}
