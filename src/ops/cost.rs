//! The price of a message without sending it: `send.php` with `cost=1`.
//!
//! Page: <https://smscentre.com/api/http/send/sms> (parameter `cost`) and its answer page
//! <https://smscentre.com/api/http/send/sms/sms_answer/>: `<cost>,<n>` with fmt=1,
//! `{"cnt": n, "cost": "..."}` with fmt=3. At most five identical price requests a minute.

use serde::Serialize;

use super::choices::Cost;
use super::send::{parse_send, send_reason, SendSmsParams};
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::money::Money;
use crate::request::Form;
use crate::response::Answer;
use crate::retry::Effect;

/// Parameters of a price request: those of a send; `cost` is implied.
pub type CostParams = SendSmsParams;

/// The price of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CostResult {
    /// Total price for every recipient, exact.
    pub cost: Money,
    /// SMS the message would take: parts times recipients.
    pub sms_count: i64,
}

/// The price operation.
pub struct CostOp;

impl Operation for CostOp {
    const NAME: &'static str = "cost";
    const SCRIPT: &'static str = "send.php";
    const EFFECT: Effect = Effect::Read;
    type Params = CostParams;
    type Output = CostResult;

    // `cost=1` itself is let through: it asks for what this operation does anyway.
    const REFUSED: &'static [(&'static str, &'static str)] = &[(
        "cost",
        "a price request always uses cost=1; leave `cost` out (or send with `send_sms`)",
    )];

    fn encode(params: &CostParams, form: &mut Form) -> Result<()> {
        if params.cost.is_some_and(|c| c != Cost::PriceOnly) {
            return Err(super::refused::<Self>("cost"));
        }
        params.encode_with_cost(form, Some(Cost::PriceOnly))
    }

    fn parse(_: &CostParams, answer: Answer<'_>) -> Result<CostResult> {
        let sent = parse_send(Cost::PriceOnly, answer)?;
        let cost = sent
            .cost
            .ok_or_else(|| Error::parse("a price answer without a cost"))?;
        Ok(CostResult {
            cost,
            sms_count: sent.sms_count,
        })
    }

    fn reason(code: i64) -> Reason {
        send_reason(code)
    }
}
