//! `templates.php`: message templates — create, change, delete, list.
//!
//! Page: <https://smscentre.com/api/http/send/templates>: `add=1` with `name` and `msg`,
//! `chg=1` and `del=1` with `id`, `get=1` for the list; parameters `name`, `msg`, `format`
//! (empty, `sms`, `flash`, `bin`, `push`, `mms`, `call`, `mail`, `viber`), `sender` and `fl[1]`
//! (use the template for auto-signing). Errors come in the common envelope. The success answers
//! are below the part of the page that could be read, so they are read tolerantly: creation as
//! the mailing-list page shows it (`OK, ID - <id>`, `<id>`, `<result><id>…</id></result>`,
//! `{"id": …}`) or a bare confirmation; change and delete as `OK` or any JSON object; the list
//! by the record reader of [`super::records`].

use super::fields::params;
use serde::Serialize;

use super::records::{
    confirmed, one_line, parse_created, parse_records, required_id, Record, RecordId,
};
use super::validate;
use super::Operation;
use crate::error::{Error, Result};
use crate::request::Form;
use crate::response::Answer;
use crate::retry::Effect;

const WHAT: &str = "a message template";

/// The message formats a template may be for, as the page lists them (`""`: not specified).
const FORMATS: [&str; 9] = [
    "", "sms", "flash", "bin", "push", "mms", "call", "mail", "viber",
];

#[cfg(feature = "schema")]
fn describe_formats(schema: &mut schemars::Schema) {
    super::describe::narrow_strings(schema, "format", &FORMATS);
}

params! {
    /// Parameters of a new message template.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(
        feature = "schema",
        derive(schemars::JsonSchema),
        schemars(transform = describe_formats)
    )]
    pub struct TemplateAddParams {
        /// The template's name (required).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub name: Option<String>,
        /// The text (required; `msg`).
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub message: Option<String> [alias = "msg"],
        /// The message format: `""` (not specified), `sms`, `flash`, `bin`, `push`, `mms`, `call`,
        /// `mail` or `viber`.
        pub format: Option<String>,
        /// The sender name.
        pub sender: Option<String>,
        /// Use the template for auto-signing (`fl[1]=1`).
        pub autosign: bool [default, alias = "fl[1]"],
    }
}

params! {
    /// Parameters of a change to a message template: its id and what changes.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(
        feature = "schema",
        derive(schemars::JsonSchema),
        schemars(transform = describe_formats)
    )]
    pub struct TemplateUpdateParams {
        /// The template's id.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub id: Option<RecordId>,
        /// A new name.
        pub name: Option<String>,
        /// A new text (`msg`).
        pub message: Option<String> [alias = "msg"],
        /// A new format (see [`TemplateAddParams::format`]).
        pub format: Option<String>,
        /// A new sender name.
        pub sender: Option<String>,
        /// Auto-signing on (`fl[1]=1`) or off (`fl[1]=0`).
        pub autosign: Option<bool> [alias = "fl[1]"],
    }
}

params! {
    /// Parameters naming one message template.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct TemplateParams {
        /// The template's id.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub id: Option<RecordId>,
    }
}

params! {
    /// The list of message templates takes no parameters.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct TemplatesParams {}
}

/// A created message template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TemplateAdded {
    /// Its id, when the answer names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// A changed message template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TemplateUpdated {
    /// Its id.
    pub id: String,
    /// Always true: the server confirmed the change.
    pub updated: bool,
}

/// A deleted message template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TemplateDeleted {
    /// Its id.
    pub id: String,
    /// Always true: the server confirmed the delete.
    pub deleted: bool,
}

/// The message templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TemplateList {
    /// One entry per template, as the server lists it.
    pub templates: Vec<Record>,
}

/// Checks and appends the fields a template is made of; every one is optional here.
fn push_fields(
    form: &mut Form,
    name: Option<&str>,
    message: Option<&str>,
    format: Option<&str>,
    sender: Option<&str>,
) -> Result<()> {
    if let Some(name) = name {
        one_line("name", name)?;
        form.push("name", name);
    }
    if let Some(message) = message {
        validate::message("message", message)?;
        form.push("msg", message);
    }
    if let Some(format) = format {
        let f = format.trim().to_ascii_lowercase();
        if !FORMATS.contains(&f.as_str()) {
            return Err(Error::invalid(
                "format",
                format!("{format:?} is not a message format; use \"\" (not specified), sms, flash, bin, push, mms, call, mail or viber"),
            ));
        }
        form.push("format", f);
    }
    if let Some(sender) = sender {
        validate::sender("sender", sender)?;
        form.push("sender", sender);
    }
    Ok(())
}

/// Create a message template (`add=1`).
pub struct TemplateAddOp;

impl Operation for TemplateAddOp {
    const NAME: &'static str = "template_add";
    const EFFECT: Effect = Effect::Create;
    const SCRIPT: &'static str = "templates.php";
    type Params = TemplateAddParams;
    type Output = TemplateAdded;

    fn encode(p: &TemplateAddParams, form: &mut Form) -> Result<()> {
        if p.name.is_none() {
            return Err(Error::invalid("name", "a template needs a name"));
        }
        if p.message.is_none() {
            return Err(Error::invalid("message", "a template needs its text"));
        }
        form.push("add", "1");
        push_fields(
            form,
            p.name.as_deref(),
            p.message.as_deref(),
            p.format.as_deref(),
            p.sender.as_deref(),
        )?;
        form.push_flag("fl[1]", p.autosign);
        Ok(())
    }

    fn parse(_: &TemplateAddParams, answer: Answer<'_>) -> Result<TemplateAdded> {
        let created = parse_created(answer, "the answer to creating a template")?;
        Ok(TemplateAdded { id: created.id })
    }
}

/// Change a message template (`chg=1`).
pub struct TemplateUpdateOp;

impl Operation for TemplateUpdateOp {
    const NAME: &'static str = "template_update";
    const EFFECT: Effect = Effect::Idempotent;
    const SCRIPT: &'static str = "templates.php";
    type Params = TemplateUpdateParams;
    type Output = TemplateUpdated;

    fn encode(p: &TemplateUpdateParams, form: &mut Form) -> Result<()> {
        let id = required_id(&p.id, "id", WHAT)?;
        let nothing = p.name.is_none()
            && p.message.is_none()
            && p.format.is_none()
            && p.sender.is_none()
            && p.autosign.is_none();
        if nothing {
            return Err(Error::invalid(
                "params",
                "nothing to change: give `name`, `message`, `format`, `sender` or `autosign`",
            ));
        }
        form.push("chg", "1");
        form.push("id", id);
        push_fields(
            form,
            p.name.as_deref(),
            p.message.as_deref(),
            p.format.as_deref(),
            p.sender.as_deref(),
        )?;
        if let Some(on) = p.autosign {
            form.push("fl[1]", if on { "1" } else { "0" });
        }
        Ok(())
    }

    fn parse(p: &TemplateUpdateParams, answer: Answer<'_>) -> Result<TemplateUpdated> {
        confirmed(answer, "the change of a template")?;
        Ok(TemplateUpdated {
            id: required_id(&p.id, "id", WHAT)?,
            updated: true,
        })
    }
}

/// Delete a message template (`del=1`).
pub struct TemplateDeleteOp;

impl Operation for TemplateDeleteOp {
    const NAME: &'static str = "template_delete";
    const EFFECT: Effect = Effect::Idempotent;
    const SCRIPT: &'static str = "templates.php";
    type Params = TemplateParams;
    type Output = TemplateDeleted;

    fn encode(p: &TemplateParams, form: &mut Form) -> Result<()> {
        let id = required_id(&p.id, "id", WHAT)?;
        form.push("del", "1");
        form.push("id", id);
        Ok(())
    }

    fn parse(p: &TemplateParams, answer: Answer<'_>) -> Result<TemplateDeleted> {
        confirmed(answer, "the delete of a template")?;
        Ok(TemplateDeleted {
            id: required_id(&p.id, "id", WHAT)?,
            deleted: true,
        })
    }
}

/// List the message templates (`get=1`).
pub struct TemplatesOp;

impl Operation for TemplatesOp {
    const NAME: &'static str = "templates";
    const LISTS: bool = true;
    const EFFECT: Effect = Effect::Read;
    const SCRIPT: &'static str = "templates.php";
    type Params = TemplatesParams;
    type Output = TemplateList;

    fn encode(_: &TemplatesParams, form: &mut Form) -> Result<()> {
        form.push("get", "1");
        Ok(())
    }

    fn parse(_: &TemplatesParams, answer: Answer<'_>) -> Result<TemplateList> {
        Ok(TemplateList {
            templates: parse_records(answer, WHAT)?,
        })
    }
}
