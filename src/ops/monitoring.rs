//! `ping.php`: event notifications from the monitoring extension.
//!
//! Page: <https://smscentre.com/api/http/send/notification/>. A task group is set up in the
//! account (notification templates, message types, contacts); a call then sends its
//! notifications: `id` names the group, `name`, `host` and `info` fill the `{NAME}`, `{HOST}` and
//! `{INFO}` macros of the text, and `ok` picks the template (0, the default: the one sent when an
//! event occurs; 1, as a third-party SDK copies the page: the one sent when things are back to normal).
//! Errors come in the common envelope. The success answer is below the part of the page that
//! could be read: `OK` (or any text starting with it) and any JSON object that is not an error
//! are taken as accepted.

use super::fields::params;
use serde::Serialize;

use super::records::{one_line, required_id, RecordId};
use super::Operation;
use crate::error::{Error, Result};
use crate::request::Form;
use crate::response::{snippet, Answer};
use crate::retry::Effect;

params! {
    /// Parameters of an event notification.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct MonitoringEventParams {
        /// The task group's id (the "ID" column in the account).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub id: Option<RecordId>,
        /// The rule or server the event is about: fills `{NAME}`.
        pub name: Option<String>,
        /// The address or IP of the server checked: fills `{HOST}`.
        pub host: Option<String>,
        /// More about the event: fills `{INFO}`.
        pub info: Option<String>,
        /// Use the group's "back to normal" template instead of the event template (`ok=1`).
        pub ok: bool [default],
    }
}

/// An accepted event notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonitoringEventResult {
    /// The task group's id.
    pub id: String,
    /// Always true: the server accepted the event.
    pub accepted: bool,
}

/// Send an event notification (`ping.php`).
pub struct MonitoringEventOp;

const WHAT: &str = "a task group";

impl Operation for MonitoringEventOp {
    const NAME: &'static str = "monitoring_event";
    const SCRIPT: &'static str = "ping.php";
    const EFFECT: Effect = Effect::Create;
    type Params = MonitoringEventParams;
    type Output = MonitoringEventResult;

    fn encode(p: &MonitoringEventParams, form: &mut Form) -> Result<()> {
        let id = required_id(&p.id, "id", WHAT)?;
        form.push("id", id);
        for (field, value) in [("name", &p.name), ("host", &p.host)] {
            if let Some(value) = value {
                one_line(field, value)?;
                form.push(field, value.as_str());
            }
        }
        if let Some(info) = &p.info {
            if info.trim().is_empty() || info.contains('\0') {
                return Err(Error::invalid(
                    "info",
                    "is empty or holds a NUL character; leave it out or give the text",
                ));
            }
            form.push("info", info.as_str());
        }
        form.push_flag("ok", p.ok);
        Ok(())
    }

    fn parse(p: &MonitoringEventParams, answer: Answer<'_>) -> Result<MonitoringEventResult> {
        let accepted = match &answer {
            Answer::Json(v) => v.is_object(),
            Answer::Text(text) => text
                .get(..2)
                .is_some_and(|head| head.eq_ignore_ascii_case("ok")),
        };
        if !accepted {
            let shown = match answer {
                Answer::Json(v) => v.to_string(),
                Answer::Text(t) => t.to_string(),
            };
            return Err(Error::parse(format!(
                "not a confirmation of the event: {}",
                snippet(&shown)
            )));
        }
        Ok(MonitoringEventResult {
            id: required_id(&p.id, "id", WHAT)?,
            accepted: true,
        })
    }
}
