//! `jobs.php`: mailing lists — create, delete, disable, read one, list.
//!
//! Page: <https://smscentre.com/api/http/jobs> (actions and parameters); answers and error codes
//! on <https://smscentre.com/api/http/jobs/jobs_answer>. A new mailing list takes every send
//! parameter, applied to each of its messages, plus its own (`name`, `mes2`, `tpl`, `rpt`,
//! `rptn`, `sender2`, `fl[5]`); e-mail mailings add `mail=1`. The creation answer is shown in
//! every format (`OK, ID - <id>[, COST - <cost>]`, `<id>[,<cost>]`, XML, JSON; the JSON form
//! without `cost` is cut off in the copy read and inferred from the one with it). Disabling and
//! deleting answer `OK` (fmt 0, 1) and `<result>OK</result>` (fmt 2); the JSON form is cut off,
//! so any JSON object that is not an error confirms. The layout of one mailing list (`get=1`) and
//! of the list (`get_all=1`) is not on the readable part of the page: those answers are read by
//! the tolerant record reader of [`super::records`]. Error codes differ from sending: 3 is "error
//! saving a record" and 5 "invalid date format".

use super::fields::params;
use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeSeed, Error as _, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::choices::{Cost, Repeat};
use super::data::Date;
use super::records::{
    confirmed, one_line, parse_created, parse_record, parse_records, required_id, Record, RecordId,
};
use super::send::{Channel, SendSmsParams};
use super::validate;
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::money::Money;
use crate::request::Form;
use crate::response::{common_reason, Answer};
use crate::retry::Effect;

/// What `jobs.php` error codes mean (<https://smscentre.com/api/http/jobs/jobs_answer>).
pub(crate) fn jobs_reason(code: i64) -> Reason {
    match code {
        3 => Reason::SaveFailed,
        5 => Reason::InvalidDate,
        other => common_reason(other),
    }
}

const WHAT: &str = "a mailing list";

/// Parameters of a new mailing list: those of a send (`send`, every one applied to each message
/// of the list), and the list's own. As data, all of them sit side by side in one object:
/// `{"name": "Spring sale", "phones": "79991234567", "message": "…", "rpt": 2}`.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(default, deny_unknown_fields, transform = describe_job_cost)
)]
pub struct JobAddParams {
    /// The mailing list's name (required).
    #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
    pub name: Option<String>,
    /// The SMS text used when a message is forwarded as an SMS (`mes2`).
    pub mes2: Option<String>,
    /// A message template whose text the messages carry, instead of `message` (`tpl`).
    pub tpl: Option<RecordId>,
    /// How a new mailing list repeats: by hand (default), every hour, day, working day, weekend,
    /// week, month or year (`rpt`).
    pub rpt: Option<Repeat>,
    /// The most repeats of a deferred repeating mailing list (`rptn`).
    pub rptn: Option<u32>,
    /// The sender name used on an automatic repeat (`sender2`).
    pub sender2: Option<String>,
    /// Automatic repeat on (`fl[5]=1`).
    pub auto_repeat: bool,
    /// An e-mail mailing list (`mail=1`): `phones` are addresses, `sender` an address, `subj`
    /// required.
    pub mail: bool,
    /// A mailing list of HLR queries (`hlr=1`).
    pub hlr: bool,
    /// A mailing list of ping-SMS (`ping=1`).
    pub ping: bool,
    /// A mailing list of MMS (`mms=1`).
    pub mms: bool,
    /// A mailing list of voice calls (`call=1`).
    pub call: bool,
    /// A mailing list of Viber messages (`viber=1`).
    pub viber: bool,
    /// The send parameters: `phones`, `message`, `sender`, `time`, `cost` (0, or 1 to report the
    /// cost), … as for [`super::send`].
    #[cfg_attr(feature = "schema", schemars(flatten))]
    pub send: SendSmsParams,
}

/// The `cost` a mailing list takes: it only reports its cost (1); sending with it is the list's
/// own business.
const JOB_COSTS: [Cost; 2] = [Cost::Send, Cost::PriceOnly];

#[cfg(feature = "schema")]
fn describe_job_cost(schema: &mut schemars::Schema) {
    super::describe::narrow_choices(schema, "cost", &JOB_COSTS);
}

/// The keys that belong to the mailing list itself; every other key is a send parameter.
const JOB_KEYS: &[&str] = &[
    "name",
    "mes2",
    "tpl",
    "rpt",
    "rptn",
    "sender2",
    "auto_repeat",
    "fl[5]",
    "mail",
    "hlr",
    "ping",
    "mms",
    "call",
    "viber",
];

impl JobAddParams {
    /// Reads the value of one of [`JOB_KEYS`].
    fn read_job_key<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> std::result::Result<(), A::Error> {
        let flag = |map: &mut A| {
            map.next_value::<Option<bool>>()
                .map(Option::unwrap_or_default)
        };
        match key {
            "name" => self.name = map.next_value()?,
            "mes2" => self.mes2 = map.next_value()?,
            "tpl" => self.tpl = map.next_value()?,
            "rpt" => self.rpt = map.next_value()?,
            "rptn" => self.rptn = map.next_value()?,
            "sender2" => self.sender2 = map.next_value()?,
            "auto_repeat" | "fl[5]" => self.auto_repeat = flag(map)?,
            "mail" => self.mail = flag(map)?,
            "hlr" => self.hlr = flag(map)?,
            "ping" => self.ping = flag(map)?,
            "mms" => self.mms = flag(map)?,
            "call" => self.call = flag(map)?,
            "viber" => self.viber = flag(map)?,
            other => return Err(A::Error::unknown_field(other, JOB_KEYS)),
        }
        Ok(())
    }

    /// The channel its messages use: SMS unless one type flag is set.
    fn channel(&self) -> Result<Channel> {
        let set: Vec<(&str, Channel)> = [
            ("mail", self.mail, Channel::Email),
            ("hlr", self.hlr, Channel::Hlr),
            ("ping", self.ping, Channel::Ping),
            ("mms", self.mms, Channel::Mms),
            ("call", self.call, Channel::Call),
            ("viber", self.viber, Channel::Viber),
        ]
        .into_iter()
        .filter(|(_, on, _)| *on)
        .map(|(name, _, channel)| (name, channel))
        .collect();
        match set.as_slice() {
            [] => Ok(Channel::Sms),
            [(_, channel)] => Ok(*channel),
            [(first, _), (second, _), ..] => Err(Error::invalid(
                *second,
                format!("a mailing list has one message type; `{first}` is already set"),
            )),
        }
    }
}

// The send parameters keep their own checks (`deny_unknown_fields`, typed fields) and the exact
// path of any mistake: the keys of the mailing list are taken out of the same map on the way,
// so `{"name": 1}` is refused as `name` and `{"mesage": "…"}` as `mesage`.
impl<'de> Deserialize<'de> for JobAddParams {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct ParamsVisitor;

        impl<'de> Visitor<'de> for ParamsVisitor {
            type Value = JobAddParams;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the parameters of a mailing list, as an object")
            }

            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<JobAddParams, A::Error> {
                let mut params = JobAddParams::default();
                let send = SendSmsParams::deserialize(MapAccessDeserializer::new(JobKeysAside {
                    map,
                    params: &mut params,
                }))?;
                params.send = send;
                Ok(params)
            }
        }

        deserializer.deserialize_map(ParamsVisitor)
    }
}

/// A map of parameters that hands the send parameters on and reads the mailing list's own keys
/// into `params` as it meets them.
struct JobKeysAside<'a, A> {
    map: A,
    params: &'a mut JobAddParams,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for JobKeysAside<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> std::result::Result<Option<K::Value>, A::Error> {
        let mut seed = seed;
        loop {
            match self.map.next_key_seed(KeySplit(seed))? {
                None => return Ok(None),
                Some(Key::Send(key)) => return Ok(Some(key)),
                Some(Key::Job(name, unused)) => {
                    self.params.read_job_key(&name, &mut self.map)?;
                    seed = unused;
                }
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> std::result::Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A key read from the map: a send parameter's key, or one of the mailing list's own (with the
/// seed, unused, for the next key).
enum Key<K, V> {
    Send(V),
    Job(String, K),
}

struct KeySplit<K>(K);

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySplit<K> {
    type Value = Key<K, K::Value>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<Self::Value, D::Error> {
        let key = String::deserialize(deserializer)?;
        if JOB_KEYS.contains(&key.as_str()) {
            Ok(Key::Job(key, self.0))
        } else {
            let key: serde::de::value::StringDeserializer<D::Error> = key.into_deserializer();
            self.0.deserialize(key).map(Key::Send)
        }
    }
}

/// What the creation of a mailing list reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JobAddResult {
    /// The new mailing list's id.
    pub id: String,
    /// Its cost, with `cost=1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
}

/// Create a mailing list (`add=1`).
pub struct JobAddOp;

impl Operation for JobAddOp {
    const NAME: &'static str = "job_add";
    const EFFECT: Effect = Effect::Create;
    const SCRIPT: &'static str = "jobs.php";
    type Params = JobAddParams;
    type Output = JobAddResult;

    fn encode(p: &JobAddParams, form: &mut Form) -> Result<()> {
        let name = p
            .name
            .as_deref()
            .ok_or_else(|| Error::invalid("name", "a mailing list needs a name"))?;
        one_line("name", name)?;
        let channel = p.channel()?;
        let tpl = p
            .tpl
            .as_ref()
            .map(|t| t.checked("tpl", "a message template"))
            .transpose()?;
        if tpl.is_some() && p.send.message.is_some() {
            return Err(Error::invalid(
                "tpl",
                "give either `message` or `tpl` (a template whose text the messages carry), not both",
            ));
        }
        let cost = match p.send.cost {
            None | Some(Cost::Send) => None,
            Some(cost) if JOB_COSTS.contains(&cost) => Some(cost),
            Some(other) => {
                return Err(Error::invalid(
                    "cost",
                    format!("{other} has no meaning for a mailing list; use 1 to have the cost reported, or leave it out"),
                ))
            }
        };
        form.push("add", "1");
        form.push("name", name);
        p.send
            .encode_for_mailing(channel, form, cost, tpl.is_some())?;
        form.push_opt("tpl", tpl);
        if let Some(mes2) = &p.mes2 {
            validate::message("mes2", mes2)?;
            form.push("mes2", mes2.as_str());
        }
        if let Some(sender2) = &p.sender2 {
            validate::sender("sender2", sender2)?;
            form.push("sender2", sender2.as_str());
        }
        if let Some(rpt) = p.rpt {
            form.push("rpt", rpt.to_string());
        }
        if let Some(rptn) = p.rptn {
            if p.rpt.is_none_or(|r| r == Repeat::Manual) {
                return Err(Error::invalid(
                    "rptn",
                    "only has an effect on a repeating mailing list: set `rpt` (1 to 7) too",
                ));
            }
            validate::in_range("rptn", rptn, 1, u32::MAX)?;
            form.push("rptn", rptn.to_string());
        }
        form.push_flag("fl[5]", p.auto_repeat);
        Ok(())
    }

    fn parse(_: &JobAddParams, answer: Answer<'_>) -> Result<JobAddResult> {
        let created = parse_created(answer, "the answer to creating a mailing list")?;
        let id = created
            .id
            .ok_or_else(|| Error::parse("the answer to creating a mailing list has no id"))?;
        Ok(JobAddResult {
            id,
            cost: created.cost,
        })
    }

    fn reason(code: i64) -> Reason {
        jobs_reason(code)
    }
}

params! {
    /// Parameters naming one mailing list.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct JobParams {
        /// The mailing list's id.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub id: Option<RecordId>,
    }
}

/// A deleted mailing list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JobDeleted {
    /// Its id.
    pub id: String,
    /// Always true: the server confirmed the delete.
    pub deleted: bool,
}

/// A disabled mailing list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JobCancelled {
    /// Its id.
    pub id: String,
    /// Always true: the server confirmed that the list will not be sent.
    pub cancelled: bool,
}

/// Delete a mailing list (`del=1`).
pub struct JobDeleteOp;

impl Operation for JobDeleteOp {
    const NAME: &'static str = "job_delete";
    const EFFECT: Effect = Effect::Idempotent;
    const SCRIPT: &'static str = "jobs.php";
    type Params = JobParams;
    type Output = JobDeleted;

    fn encode(p: &JobParams, form: &mut Form) -> Result<()> {
        let id = required_id(&p.id, "id", WHAT)?;
        form.push("del", "1");
        form.push("id", id);
        Ok(())
    }

    fn parse(p: &JobParams, answer: Answer<'_>) -> Result<JobDeleted> {
        confirmed(answer, "the delete of a mailing list")?;
        Ok(JobDeleted {
            id: required_id(&p.id, "id", WHAT)?,
            deleted: true,
        })
    }

    fn reason(code: i64) -> Reason {
        jobs_reason(code)
    }
}

/// Disable a mailing list that is waiting to be sent (`cancel=1`).
pub struct JobCancelOp;

impl Operation for JobCancelOp {
    const NAME: &'static str = "job_cancel";
    const EFFECT: Effect = Effect::Idempotent;
    const SCRIPT: &'static str = "jobs.php";
    type Params = JobParams;
    type Output = JobCancelled;

    fn encode(p: &JobParams, form: &mut Form) -> Result<()> {
        let id = required_id(&p.id, "id", WHAT)?;
        form.push("cancel", "1");
        form.push("id", id);
        Ok(())
    }

    fn parse(p: &JobParams, answer: Answer<'_>) -> Result<JobCancelled> {
        confirmed(answer, "disabling a mailing list")?;
        Ok(JobCancelled {
            id: required_id(&p.id, "id", WHAT)?,
            cancelled: true,
        })
    }

    fn reason(code: i64) -> Reason {
        jobs_reason(code)
    }
}

/// Information about one mailing list (`get=1`), as the server lists it.
pub type JobInfo = Record;

/// Read one mailing list (`get=1`).
pub struct JobOp;

impl Operation for JobOp {
    const NAME: &'static str = "job";
    const EFFECT: Effect = Effect::Read;
    const SCRIPT: &'static str = "jobs.php";
    type Params = JobParams;
    type Output = JobInfo;

    fn encode(p: &JobParams, form: &mut Form) -> Result<()> {
        let id = required_id(&p.id, "id", WHAT)?;
        form.push("get", "1");
        form.push("id", id);
        Ok(())
    }

    fn parse(p: &JobParams, answer: Answer<'_>) -> Result<JobInfo> {
        let mut job = parse_record(answer, WHAT)?;
        // The request knows which mailing list it asked about.
        if job.id.is_none() {
            job.id = p.id.as_ref().and_then(|id| id.checked("id", WHAT).ok());
        }
        Ok(job)
    }

    fn reason(code: i64) -> Reason {
        jobs_reason(code)
    }
}

params! {
    /// Parameters of the list of mailing lists: an optional period.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct JobsParams {
        /// The first day, `DD.MM.YYYY`.
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub start: Option<String>,
        /// The last day, `DD.MM.YYYY`.
        #[cfg_attr(feature = "schema", schemars(extend("format" = "date")))]
        pub end: Option<String>,
    }
}

/// The mailing lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JobList {
    /// One entry per mailing list, as the server lists it.
    pub jobs: Vec<JobInfo>,
}

/// List the mailing lists (`get_all=1`).
pub struct JobsOp;

impl Operation for JobsOp {
    const NAME: &'static str = "jobs";
    const LISTS: bool = true;
    const EFFECT: Effect = Effect::Read;
    const SCRIPT: &'static str = "jobs.php";
    type Params = JobsParams;
    type Output = JobList;

    fn encode(p: &JobsParams, form: &mut Form) -> Result<()> {
        let start = p
            .start
            .as_deref()
            .map(|s| Date::parse("start", s))
            .transpose()?;
        let end = p
            .end
            .as_deref()
            .map(|s| Date::parse("end", s))
            .transpose()?;
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                return Err(Error::invalid(
                    "end",
                    "the period ends before it starts; swap `start` and `end`",
                ));
            }
        }
        form.push("get_all", "1");
        form.push_opt("start", start.map(Date::text));
        form.push_opt("end", end.map(Date::text));
        Ok(())
    }

    fn parse(_: &JobsParams, answer: Answer<'_>) -> Result<JobList> {
        Ok(JobList {
            jobs: parse_records(answer, WHAT)?,
        })
    }

    fn reason(code: i64) -> Reason {
        jobs_reason(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::from_json_value;
    use serde_json::json;

    #[test]
    fn job_keys_and_send_keys_share_one_object() {
        let p: JobAddParams = from_json_value(
            json!({"name": "Sale", "phones": "79991234567", "message": "Hi", "rpt": 2, "fl[5]": true}),
            "params",
        )
        .unwrap();
        assert_eq!(p.name.as_deref(), Some("Sale"));
        assert_eq!(p.rpt, Some(Repeat::Daily));
        assert!(p.auto_repeat);
        assert_eq!(p.send.message.as_deref(), Some("Hi"));
    }

    #[test]
    fn mistakes_name_their_key() {
        let field = |v: serde_json::Value| {
            from_json_value::<JobAddParams>(v, "params")
                .unwrap_err()
                .field()
                .map(str::to_string)
        };
        assert_eq!(field(json!({"name": 1})).as_deref(), Some("name"));
        assert_eq!(field(json!({"mesage": "x"})).as_deref(), Some("mesage"));
        assert_eq!(field(json!({"message": 5})).as_deref(), Some("message"));
        assert_eq!(field(json!({"rpt": "often"})).as_deref(), Some("rpt"));
        assert_eq!(field(json!([1])).as_deref(), Some("params"));
    }
}
