//! `op_templates.php`: operator templates for service, transactional and other template
//! messages — create, and read what the operators have for a sender and text.
//!
//! Page: <https://smscentre.com/api/http/send/operators_templates>: `add=1` with `sender`, `msg`
//! and one flag per operator and message type (`mts_srv`, `mts_auth`, `mts_trn`, `mega_srv`,
//! `mega_auth`, `mega_trn`, `mega_adv`, `bee_srv`, `bee_trn`, `tele2_srv`, `tele2_trn`,
//! `motiv_srv`, `motiv_trn`, `soc`); `get=1` with `sender` and `msg`, whose answer lists, per
//! template, `<name>` (the operator and message type) and `<id>` (the template's id). The exact
//! layout of either answer is below the part of the page that could be read: the list is read by
//! the record reader of [`super::records`], and a creation answer is either such a list or a
//! bare confirmation.

use super::fields::params;
use serde::Serialize;

use super::records::{parse_records, Record};
use super::validate;
use super::Operation;
use crate::error::{Error, Result};
use crate::request::Form;
use crate::response::Answer;
use crate::retry::Effect;

params! {
    /// Parameters of a new operator template.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct OperatorTemplateAddParams {
        /// The sender name the template is for (required).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub sender: Option<String>,
        /// The template text (required; `msg`).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub message: Option<String> [alias = "msg"],
        /// MTS, service messages.
        pub mts_srv: bool [default],
        /// MTS, authorisation messages.
        pub mts_auth: bool [default],
        /// MTS, transactional messages.
        pub mts_trn: bool [default],
        /// MegaFon, service messages.
        pub mega_srv: bool [default],
        /// MegaFon, authorisation messages.
        pub mega_auth: bool [default],
        /// MegaFon, transactional messages.
        pub mega_trn: bool [default],
        /// MegaFon, advertising messages.
        pub mega_adv: bool [default],
        /// Beeline, service messages.
        pub bee_srv: bool [default],
        /// Beeline, transactional messages.
        pub bee_trn: bool [default],
        /// Tele2, service messages.
        pub tele2_srv: bool [default],
        /// Tele2, transactional messages.
        pub tele2_trn: bool [default],
        /// Motiv, service messages.
        pub motiv_srv: bool [default],
        /// Motiv, transactional messages.
        pub motiv_trn: bool [default],
        /// `soc=1`, the last flag of the page's create address (its description is below the part
        /// of the page that could be read).
        pub soc: bool [default],
    }
}

impl OperatorTemplateAddParams {
    /// The operator flags, in the page's order.
    fn flags(&self) -> [(&'static str, bool); 14] {
        [
            ("mts_srv", self.mts_srv),
            ("mts_auth", self.mts_auth),
            ("mts_trn", self.mts_trn),
            ("mega_srv", self.mega_srv),
            ("mega_auth", self.mega_auth),
            ("mega_trn", self.mega_trn),
            ("mega_adv", self.mega_adv),
            ("bee_srv", self.bee_srv),
            ("bee_trn", self.bee_trn),
            ("tele2_srv", self.tele2_srv),
            ("tele2_trn", self.tele2_trn),
            ("motiv_srv", self.motiv_srv),
            ("motiv_trn", self.motiv_trn),
            ("soc", self.soc),
        ]
    }
}

params! {
    /// Parameters of a question about operator templates: the sender and the text.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct OperatorTemplatesParams {
        /// The sender name (required).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub sender: Option<String>,
        /// The template text (required; `msg`).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub message: Option<String> [alias = "msg"],
    }
}

/// What a creation of operator templates reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OperatorTemplateAdded {
    /// Always true: the server accepted the template.
    pub created: bool,
    /// The templates the answer lists (operator and message type in `name`, the template's id in
    /// `id`), when it lists them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Record>,
}

/// The operator templates for a sender and text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OperatorTemplateList {
    /// One entry per template: the operator and message type in `name`, its id in `id`.
    pub templates: Vec<Record>,
}

/// Checks and appends `sender` and `msg`, both required.
fn push_sender_and_text(
    form: &mut Form,
    sender: Option<&str>,
    message: Option<&str>,
) -> Result<()> {
    let sender = sender
        .ok_or_else(|| Error::invalid("sender", "give the sender name the template is for"))?;
    if sender.trim().is_empty() || sender == "." {
        return Err(Error::invalid(
            "sender",
            "an operator template is for one registered sender name; give it",
        ));
    }
    validate::sender("sender", sender)?;
    let message =
        message.ok_or_else(|| Error::invalid("message", "give the text of the template"))?;
    validate::message("message", message)?;
    form.push("sender", sender);
    form.push("msg", message);
    Ok(())
}

/// Create an operator template (`add=1`).
pub struct OperatorTemplateAddOp;

impl Operation for OperatorTemplateAddOp {
    const NAME: &'static str = "operator_template_add";
    const EFFECT: Effect = Effect::Create;
    const SCRIPT: &'static str = "op_templates.php";
    type Params = OperatorTemplateAddParams;
    type Output = OperatorTemplateAdded;

    fn encode(p: &OperatorTemplateAddParams, form: &mut Form) -> Result<()> {
        if !p.flags().iter().any(|(_, on)| *on) {
            return Err(Error::invalid(
                "params",
                "say which operators and message types the template is for: set at least one of mts_srv, mts_auth, mts_trn, mega_srv, mega_auth, mega_trn, mega_adv, bee_srv, bee_trn, tele2_srv, tele2_trn, motiv_srv, motiv_trn, soc",
            ));
        }
        form.push("add", "1");
        push_sender_and_text(form, p.sender.as_deref(), p.message.as_deref())?;
        for (name, on) in p.flags() {
            form.push_flag(name, on);
        }
        Ok(())
    }

    fn parse(_: &OperatorTemplateAddParams, answer: Answer<'_>) -> Result<OperatorTemplateAdded> {
        let bare_ok = match &answer {
            Answer::Text(text) => text.trim().eq_ignore_ascii_case("ok"),
            Answer::Json(v) => v
                .get("result")
                .and_then(|r| r.as_str())
                .is_some_and(|r| r.eq_ignore_ascii_case("ok")),
        };
        let templates = if bare_ok {
            Vec::new()
        } else {
            parse_records(answer, "an operator template")?
        };
        Ok(OperatorTemplateAdded {
            created: true,
            templates,
        })
    }
}

/// The operator templates for a sender and text (`get=1`).
pub struct OperatorTemplatesOp;

impl Operation for OperatorTemplatesOp {
    const NAME: &'static str = "operator_templates";
    const LISTS: bool = true;
    const EFFECT: Effect = Effect::Read;
    const SCRIPT: &'static str = "op_templates.php";
    type Params = OperatorTemplatesParams;
    type Output = OperatorTemplateList;

    fn encode(p: &OperatorTemplatesParams, form: &mut Form) -> Result<()> {
        form.push("get", "1");
        push_sender_and_text(form, p.sender.as_deref(), p.message.as_deref())
    }

    fn parse(_: &OperatorTemplatesParams, answer: Answer<'_>) -> Result<OperatorTemplateList> {
        Ok(OperatorTemplateList {
            templates: parse_records(answer, "an operator template")?,
        })
    }
}
