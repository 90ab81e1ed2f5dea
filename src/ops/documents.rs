//! `documents.php`: invoices and acts (reports) for sub-clients.
//!
//! Page: <https://smscentre.com/api/http/users/documents/> — creating an invoice
//! (`add_account=1` with `user` or `user_id`, `sum`, `service`), downloading one
//! (`get_account=1` with `id`) and downloading an act (`get_act=1` with `id` or `num`). Its error
//! table could only be read up to code 4 (1 parameters, 2 credentials, 4 IP blocked); the codes
//! after that are read as on the sub-clients page of the same section (3 no records, 5
//! operation failed, 6 no such sub-client), which is inferred.
//!
//! The successful answers are not on a readable page. Creating an invoice is read as a
//! confirmation carrying the invoice's id (see [`super::accounts`]). A download is read as the
//! document itself: a PDF, a ZIP or any other binary body is handed over whole, base64-encoded,
//! with its kind; a JSON or XML answer, or a plain-text one, that gives a link (`url`, `link` or
//! `file`) is handed over as that link. An HTML page is refused like any HTML answer, since it
//! cannot be told from a proxy's page.

use super::fields::params;
use serde::Serialize;
use serde_json::Value;

use super::accounts::{base64, confirmation, free_text, login, one_of, Amount, Done};
use super::records::{required_id, RecordId};
use super::text::json_text;
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::request::Form;
use crate::response::{common_reason, snippet, Answer};

/// What documents.php error codes mean: 1, 2 and 4 from its page, 3, 5 and 6 as on the
/// sub-clients page (inferred).
pub(crate) fn documents_reason(code: i64) -> Reason {
    match code {
        3 => Reason::NotFound,
        5 => Reason::OperationFailed,
        6 => Reason::SubclientNotFound,
        other => common_reason(other),
    }
}

fn push_subclient(
    form: &mut Form,
    user: &Option<String>,
    user_id: &Option<RecordId>,
) -> Result<()> {
    match one_of(("user", user), ("user_id", user_id))? {
        Ok(user) => {
            login("user", user)?;
            form.push("user", user.as_str());
        }
        Err(id) => form.push("user_id", id.checked("user_id", "a sub-client")?),
    }
    Ok(())
}

params! {
    /// Parameters of a new invoice.
    #[derive(Debug, Clone, Default, PartialEq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct InvoiceAddParams {
        /// The sub-client, by login.
        pub user: Option<String>,
        /// The sub-client, by id.
        pub user_id: Option<RecordId>,
        /// The amount, in the account's currency.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub sum: Option<Amount>,
        /// The service named on the invoice.
        pub service: Option<String>,
    }
}

fn encode_invoice_add(p: &InvoiceAddParams, form: &mut Form) -> Result<()> {
    form.push("add_account", "1");
    push_subclient(form, &p.user, &p.user_id)?;
    let sum = p
        .sum
        .as_ref()
        .ok_or_else(|| Error::invalid("sum", "missing: give the invoice's amount"))?;
    form.push("sum", sum.checked("sum", false)?);
    if let Some(service) = &p.service {
        free_text("service", service)?;
        form.push("service", service.as_str());
    }
    Ok(())
}

params! {
    /// Parameters of an invoice download.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct InvoiceGetParams {
        /// The sub-client, by login.
        pub user: Option<String>,
        /// The sub-client, by id.
        pub user_id: Option<RecordId>,
        /// The invoice's id.
        #[cfg_attr(feature = "schema", schemars(extend("x-required" = true)))]
        pub id: Option<RecordId>,
    }
}

fn encode_invoice_get(p: &InvoiceGetParams, form: &mut Form) -> Result<()> {
    form.push("get_account", "1");
    push_subclient(form, &p.user, &p.user_id)?;
    form.push("id", required_id(&p.id, "id", "the invoice")?);
    Ok(())
}

params! {
    /// Parameters of an act download: its id or its number.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct ActGetParams {
        /// The sub-client, by login.
        pub user: Option<String>,
        /// The sub-client, by id.
        pub user_id: Option<RecordId>,
        /// The act's id.
        pub id: Option<RecordId>,
        /// The act's number, instead of its id.
        pub num: Option<String>,
    }
}

fn encode_act_get(p: &ActGetParams, form: &mut Form) -> Result<()> {
    form.push("get_act", "1");
    push_subclient(form, &p.user, &p.user_id)?;
    match one_of(("id", &p.id), ("num", &p.num))? {
        Ok(id) => form.push("id", id.checked("id", "an act")?),
        Err(num) => {
            let num = num.trim();
            if num.is_empty() || num.contains(char::is_whitespace) {
                return Err(Error::invalid(
                    "num",
                    format!("{num:?} is not an act number"),
                ));
            }
            form.push("num", num);
        }
    }
    Ok(())
}

/// A downloaded invoice or act: the file itself, or a link to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Document {
    /// What the file is: `application/pdf`, `application/zip` or `application/octet-stream`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Its size in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// The file, base64-encoded (standard alphabet, padded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_base64: Option<String>,
    /// Where to download it, when the server answers with a link instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A file body: a PDF, a ZIP, or bytes that are not text. Anything else goes to the shared
/// decoder (errors, JSON, XML, text).
fn document_file(status: u16, body: &[u8]) -> Option<Result<Document>> {
    if !(200..300).contains(&status) {
        return None;
    }
    let content_type = if body.starts_with(b"%PDF-") {
        "application/pdf"
    } else if body.starts_with(b"PK\x03\x04") {
        "application/zip"
    } else if std::str::from_utf8(body).is_err() {
        let head = body
            .iter()
            .copied()
            .skip_while(u8::is_ascii_whitespace)
            .take(5)
            .collect::<Vec<u8>>();
        // Text in another charset (an error from a misconfigured proxy) is not a document.
        if head.starts_with(b"ERROR") || head.starts_with(b"{") || head.starts_with(b"<") {
            return None;
        }
        "application/octet-stream"
    } else {
        return None;
    };
    Some(Ok(Document {
        content_type: Some(content_type.to_string()),
        size: Some(body.len() as u64),
        data_base64: Some(base64(body)),
        url: None,
    }))
}

fn is_link(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace)
}

/// A link answer: `{"url": …}` (or `link`, `file`) in JSON or XML, or the address as text.
fn parse_document(answer: Answer<'_>) -> Result<Document> {
    let link = match &answer {
        Answer::Json(v @ Value::Object(_)) => ["url", "link", "file"]
            .iter()
            .find_map(|k| json_text(v, k))
            .map(|s| s.trim().to_string()),
        Answer::Json(_) => None,
        Answer::Text(text) => Some(text.trim().to_string()),
    };
    match link {
        Some(url) if is_link(&url) => Ok(Document {
            url: Some(url),
            ..Document::default()
        }),
        _ => Err(Error::parse(format!(
            "neither a document file nor a link to one: {}",
            match answer {
                Answer::Json(v) => snippet(&v.to_string()),
                Answer::Text(t) => snippet(t),
            }
        ))),
    }
}

/// `documents.php?add_account=1`: create an invoice for a sub-client.
pub struct InvoiceAddOp;

impl Operation for InvoiceAddOp {
    const NAME: &'static str = "invoice_add";
    const EFFECT: crate::retry::Effect = crate::retry::Effect::Create;
    const SCRIPT: &'static str = "documents.php";
    type Params = InvoiceAddParams;
    type Output = Done;

    fn encode(params: &InvoiceAddParams, form: &mut Form) -> Result<()> {
        encode_invoice_add(params, form)
    }

    fn parse(_: &InvoiceAddParams, answer: Answer<'_>) -> Result<Done> {
        confirmation(answer, true)
    }

    fn reason(code: i64) -> Reason {
        documents_reason(code)
    }
}

/// `documents.php?get_account=1`: download a sub-client's invoice.
pub struct InvoiceGetOp;

impl Operation for InvoiceGetOp {
    const NAME: &'static str = "invoice_get";
    const EFFECT: crate::retry::Effect = crate::retry::Effect::Read;
    const SCRIPT: &'static str = "documents.php";
    type Params = InvoiceGetParams;
    type Output = Document;

    fn encode(params: &InvoiceGetParams, form: &mut Form) -> Result<()> {
        encode_invoice_get(params, form)
    }

    fn parse_raw(_: &InvoiceGetParams, status: u16, body: &[u8]) -> Option<Result<Document>> {
        document_file(status, body)
    }

    fn parse(_: &InvoiceGetParams, answer: Answer<'_>) -> Result<Document> {
        parse_document(answer)
    }

    fn reason(code: i64) -> Reason {
        documents_reason(code)
    }
}

/// `documents.php?get_act=1`: download a sub-client's act (report).
pub struct ActGetOp;

impl Operation for ActGetOp {
    const NAME: &'static str = "act_get";
    const EFFECT: crate::retry::Effect = crate::retry::Effect::Read;
    const SCRIPT: &'static str = "documents.php";
    type Params = ActGetParams;
    type Output = Document;

    fn encode(params: &ActGetParams, form: &mut Form) -> Result<()> {
        encode_act_get(params, form)
    }

    fn parse_raw(_: &ActGetParams, status: u16, body: &[u8]) -> Option<Result<Document>> {
        document_file(status, body)
    }

    fn parse(_: &ActGetParams, answer: Answer<'_>) -> Result<Document> {
        parse_document(answer)
    }

    fn reason(code: i64) -> Reason {
        documents_reason(code)
    }
}
