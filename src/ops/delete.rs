//! Deleting sent messages: `status.php` with `del=1`.
//!
//! Page: <https://smscentre.com/api/http/status_messages/> (parameter `del`, "used in conjunction
//! with the phone and id parameters"); error 5 "Error deleting a message" on
//! <https://smscentre.com/api/http/status_messages/status_answer>. The page that shows the
//! success answer could not be read. The reader therefore takes any answer that is not an error
//! envelope and reads as a confirmation — `OK` in text, any JSON object, `<result>OK</result>` —
//! as success, and refuses any other text rather than guess.

use serde::Serialize;

use super::choices::StatusDetail;
use super::status::{status_reason, StatusParams};
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::request::Form;
use crate::response::{snippet, Answer};
use crate::retry::Effect;

/// Parameters of a delete: the messages, as for a status request (`id` + `phone`, or
/// `messages`); `all` has no meaning here.
pub type DeleteParams = StatusParams;

/// What a delete confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeleteResult {
    /// How many messages the server confirmed as deleted (all that were asked for).
    pub deleted: usize,
}

/// The delete operation.
pub struct DeleteOp;

impl Operation for DeleteOp {
    const NAME: &'static str = "delete_message";
    const SCRIPT: &'static str = "status.php";
    const EFFECT: Effect = Effect::Idempotent;
    type Params = DeleteParams;
    type Output = DeleteResult;

    const REFUSED: &'static [(&'static str, &'static str)] =
        &[("all", "has no meaning when deleting; leave it out")];

    fn encode(params: &DeleteParams, form: &mut Form) -> Result<()> {
        if params.all != StatusDetail::Status {
            return Err(super::refused::<Self>("all"));
        }
        params.push_refs(form)?;
        form.push("del", "1");
        Ok(())
    }

    fn parse(params: &DeleteParams, answer: Answer<'_>) -> Result<DeleteResult> {
        let confirmed = match &answer {
            Answer::Json(v) => v.is_object(),
            Answer::Text(text) => text.trim().eq_ignore_ascii_case("ok"),
        };
        if !confirmed {
            let shown = match answer {
                Answer::Json(v) => v.to_string(),
                Answer::Text(t) => t.to_string(),
            };
            return Err(Error::parse(format!(
                "not a confirmation of the delete: {}",
                snippet(&shown)
            )));
        }
        Ok(DeleteResult {
            deleted: params.message_count()?,
        })
    }

    fn reason(code: i64) -> Reason {
        status_reason(code)
    }
}
