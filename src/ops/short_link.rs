//! `tinyurls.php` with `get=1`: click counts of a short link.
//!
//! Page: <https://smscentre.com/api/http/get_data/tinyurl/>. The link is named by its original
//! full address (`link`) or by its id (`id`, assigned when the link was made); special
//! characters must be URL-encoded, which the form encoding does. Errors: 1 parameters, 2
//! credentials, 3 link not found, 4 IP blocked. The answer fields, in the page's order: `<id>`,
//! `<cnt>` (all clicks), `<cnt_mon>` (this month), `<cnt_day>` (today), `<cnt_yes>`
//! (yesterday)… — the list is cut off there, so further fields are kept, as text, in `other`.
//! The text and comma layouts are not shown and are read as [`super::records`] describes.

use super::fields::params;
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::records::{self, Layout, RecordId};
use super::text::{json_i64, not_an_object};
use super::Operation;
use crate::error::{Error, Reason, Result};
use crate::request::Form;
use crate::response::{common_reason, snippet, Answer};

params! {
    /// Parameters of a short-link request: `link` or `id`, not both.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub struct ShortLinkParams {
        /// The original full link.
        pub link: Option<String>,
        /// The short link's id.
        pub id: Option<RecordId>,
    }
}

/// Click counts of a short link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShortLinkResult {
    /// The short link's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// All clicks (`cnt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clicks: Option<i64>,
    /// Clicks this month (`cnt_mon`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clicks_month: Option<i64>,
    /// Clicks today (`cnt_day`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clicks_today: Option<i64>,
    /// Clicks yesterday (`cnt_yes`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clicks_yesterday: Option<i64>,
    /// Fields beyond the documented ones, as the server named and wrote them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub other: BTreeMap<String, String>,
}

/// The fields in the page's order.
pub(crate) const LAYOUT: Layout = Layout {
    keys: &["id", "cnt", "cnt_mon", "cnt_day", "cnt_yes"],
    free_text: None,
    aliases: &[],
};

/// The longest link accepted, in characters (a URL longer than this is not a link SMSC made).
const MAX_LINK_CHARS: usize = 2048;

/// The short-link operation.
pub struct ShortLinkOp;

impl Operation for ShortLinkOp {
    const NAME: &'static str = "short_link";
    const EFFECT: crate::retry::Effect = crate::retry::Effect::Read;
    const SCRIPT: &'static str = "tinyurls.php";
    type Params = ShortLinkParams;
    type Output = ShortLinkResult;

    fn encode(p: &ShortLinkParams, form: &mut Form) -> Result<()> {
        form.push("get", "1");
        match (&p.link, &p.id) {
            (Some(_), Some(_)) => Err(Error::invalid(
                "id",
                "name the link by `link` or by `id`, not both",
            )),
            (None, None) => Err(Error::invalid(
                "link",
                "name the link: `link` (the original full address) or `id` (the short link's id)",
            )),
            (Some(link), None) => {
                let l = link.trim();
                if l.is_empty()
                    || l.contains(char::is_whitespace)
                    || l.chars().count() > MAX_LINK_CHARS
                {
                    return Err(Error::invalid(
                        "link",
                        format!("{link:?} is not a link; give the original full address, e.g. \"https://example.com/page\""),
                    ));
                }
                form.push("link", l);
                Ok(())
            }
            (None, Some(id)) => {
                form.push("id", id.checked("id", "a short link")?);
                Ok(())
            }
        }
    }

    fn parse(_: &ShortLinkParams, answer: Answer<'_>) -> Result<ShortLinkResult> {
        let records = records::layout_records(
            answer,
            &LAYOUT,
            |o| LAYOUT.keys.iter().any(|k| o.contains_key(*k)),
            "short links",
        )?;
        let [one] = records.as_slice() else {
            return Err(Error::parse(format!(
                "expected the data of one short link, found {} records",
                records.len()
            )));
        };
        from_record(one)
    }

    fn reason(code: i64) -> Reason {
        match code {
            3 => Reason::NotFound,
            other => common_reason(other),
        }
    }
}

fn from_record(v: &Value) -> Result<ShortLinkResult> {
    if !v.is_object() {
        return Err(not_an_object("short link data", v));
    }
    let r = ShortLinkResult {
        id: records::field_text(v, "id"),
        clicks: json_i64(v, "cnt")?,
        clicks_month: json_i64(v, "cnt_mon")?,
        clicks_today: json_i64(v, "cnt_day")?,
        clicks_yesterday: json_i64(v, "cnt_yes")?,
        other: records::other_fields(v, LAYOUT.keys),
    };
    if r.id.is_none() && r.clicks.is_none() {
        return Err(Error::parse(format!(
            "short link data without `id` or `cnt`: {}",
            snippet(&v.to_string())
        )));
    }
    Ok(r)
}
