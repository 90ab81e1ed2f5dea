//! Paged lists: the request of the page after a result.
//!
//! The history pages backwards by `prev_id` (the result's `next_prev_id`), incoming messages
//! forwards by `after_id` (`next_after_id`), contacts forwards by `after_id` (the last contact's
//! id). Every frontend's page iterator asks the core for the next request here, so the rules of
//! where a list ends live in one place.

use crate::ops::records::RecordId;
use crate::ops::{Call, Output};
use crate::request::Request;

/// Where the page after `output` starts: the parameter to set and its value; `None` on the last
/// page. `call` is the call `output` answers.
pub fn next_page_cursor(call: &Call, output: &Output) -> Option<(&'static str, u64)> {
    let positive = |v: i64| u64::try_from(v).ok().filter(|v| *v > 0);
    match (call, output) {
        // The core leaves `next_prev_id` out on the last page (empty, or shorter than `cnt`).
        (Call::History(_), Output::History(page)) => {
            Some(("prev_id", positive(page.next_prev_id?)?))
        }
        // Incoming messages have no end of their own: the list is read to where it is now, a
        // page that comes back empty or shorter than `cnt` being the last.
        (Call::Incoming(p), Output::Incoming(page)) => {
            let short = p.cnt.is_some_and(|cnt| page.messages.len() < cnt as usize);
            if page.messages.is_empty() || short {
                return None;
            }
            Some(("after_id", positive(page.next_after_id?)?))
        }
        // Contacts after the last one's id, until a page comes back empty.
        (Call::Contacts(_), Output::Contacts(list)) => {
            let last = list.contacts.last()?.id.as_deref()?;
            Some(("after_id", last.parse::<u64>().ok().filter(|v| *v > 0)?))
        }
        _ => None,
    }
}

/// `call` with its cursor parameter `name` set to `value` (a name [`next_page_cursor`] gave).
fn call_at(call: &Call, name: &str, value: u64) -> Option<Call> {
    let id = Some(RecordId::Number(value));
    Some(match (call, name) {
        (Call::History(p), "prev_id") => Call::History(crate::ops::history::HistoryParams {
            prev_id: id,
            ..p.clone()
        }),
        (Call::Incoming(p), "after_id") => Call::Incoming(crate::ops::incoming::IncomingParams {
            after_id: id,
            ..p.clone()
        }),
        (Call::Contacts(p), "after_id") => Call::Contacts(crate::ops::contacts::ContactsParams {
            after_id: id,
            ..p.clone()
        }),
        _ => return None,
    })
}

impl Request {
    /// The request of the page after `output` (this request's result), sent to the client's own
    /// address; `None` on the last page or for an operation that is not a paged list.
    pub fn next_page(&self, output: &Output) -> Option<Request> {
        let (name, value) = next_page_cursor(self.call(), output)?;
        let call = call_at(self.call(), name, value)?;
        Some(self.with_call_field(call, name, value.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Client;
    use serde_json::json;

    fn request(op: &str, params: serde_json::Value) -> Request {
        Client::new("demo", "pw")
            .unwrap()
            .prepare_json(op, params)
            .unwrap()
    }

    #[test]
    fn the_history_pages_back_by_prev_id_until_a_short_page() {
        let first = request("history", json!({"cnt": 2}));
        let page = first
            .parse(200, br#"[{"int_id": 9, "id": 1, "phone": "7999", "status": 1, "last_date": "", "last_timestamp": 0, "send_date": "", "send_timestamp": 0, "message": "a"}, {"int_id": 7, "id": 2, "phone": "7999", "status": 1, "last_date": "", "last_timestamp": 0, "send_date": "", "send_timestamp": 0, "message": "b"}]"#)
            .unwrap();
        let next = first.next_page(&page).unwrap();
        assert_eq!(next.operation(), "history");
        let body = next.body.as_deref().unwrap();
        assert!(body.contains("prev_id=7"), "{body}");
        assert!(body.contains("cnt=2") && body.contains("psw=pw"), "{body}");
        assert_eq!(next.url, first.url);
        let last = next.parse(200, b"[]").unwrap();
        assert!(next.next_page(&last).is_none());
        // A page after the second keeps one prev_id, the newest.
        let third = next.next_page(&page).unwrap();
        assert_eq!(
            third.body.as_deref().unwrap().matches("prev_id=").count(),
            1
        );
    }

    #[test]
    fn incoming_messages_page_forward_until_an_empty_page() {
        let first = request("incoming", json!({"hour": 24}));
        let page = first
            .parse(200, br#"[{"id": 40, "received": "01.01.2026 10:00:00", "phone": "7999", "to_phone": "7000", "message": "hi"}]"#)
            .unwrap();
        let next = first.next_page(&page).unwrap();
        assert!(next.body.as_deref().unwrap().contains("after_id=40"));
        let empty = next.parse(200, b"[]").unwrap();
        assert!(next.next_page(&empty).is_none());
    }

    #[test]
    fn an_operation_that_is_no_list_has_no_next_page() {
        let balance = request("balance", json!({}));
        let out = balance.parse(200, br#"{"balance": "1.00"}"#).unwrap();
        assert!(balance.next_page(&out).is_none());
    }
}
