//! `balance.php`: the account balance.
//!
//! Page: <https://smscentre.com/api/http/balance/get_balance>, answers on
//! <https://smscentre.com/api/http/balance/balance_answer>. With `cur=1` the currency follows the
//! balance, and with a non-zero credit the credit too (`<balance>,<credit>,<currency>`).

use super::fields::params;
use serde::Serialize;

use super::text::{json_money, json_text, money_field, not_an_object};
use super::Operation;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::request::Form;
use crate::response::{snippet, Answer};
use crate::retry::Effect;

params! {
    /// Parameters of a balance request.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct BalanceParams {
        /// Add the account currency to the answer (`cur=1`).
        pub currency: bool [default, alias = "cur"],
    }
}

/// The account balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Balance {
    /// Current balance, exact.
    pub balance: Money,
    /// Credit limit, when the account has one and the server reports it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<Money>,
    /// Currency code (`RUB`, `KZT`, …), when asked for with `currency`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// The balance operation.
pub struct BalanceOp;

impl Operation for BalanceOp {
    const NAME: &'static str = "balance";
    const SCRIPT: &'static str = "balance.php";
    const EFFECT: Effect = Effect::Read;
    type Params = BalanceParams;
    type Output = Balance;

    fn encode(params: &BalanceParams, form: &mut Form) -> Result<()> {
        form.push_flag("cur", params.currency);
        Ok(())
    }

    fn parse(_: &BalanceParams, answer: Answer<'_>) -> Result<Balance> {
        match answer {
            Answer::Json(v) => {
                if !v.is_object() {
                    return Err(not_an_object("a balance", &v));
                }
                let balance = json_money(&v, "balance")?
                    .ok_or_else(|| Error::parse("the answer has no `balance`"))?;
                Ok(Balance {
                    balance,
                    credit: json_money(&v, "credit")?.filter(|c| !c.is_zero()),
                    currency: json_text(&v, "currency").filter(|c| !c.is_empty()),
                })
            }
            Answer::Text(text) => {
                let fields: Vec<&str> = text.split(',').map(str::trim).collect();
                match fields.as_slice() {
                    [b] => Ok(Balance {
                        balance: money_field("the balance", b)?,
                        credit: None,
                        currency: None,
                    }),
                    [b, c] => Ok(Balance {
                        balance: money_field("the balance", b)?,
                        credit: None,
                        currency: Some(c.to_string()),
                    }),
                    [b, credit, c] => Ok(Balance {
                        balance: money_field("the balance", b)?,
                        credit: Some(money_field("the credit", credit)?),
                        currency: Some(c.to_string()),
                    }),
                    _ => Err(Error::parse(format!(
                        "a balance answer has one to three comma-separated fields, found: {}",
                        snippet(text)
                    ))),
                }
            }
        }
    }
}
