//! Message status codes and the error codes inside a status, with their documented meanings.
//!
//! Sources: <https://smscentre.com/api/http/status_messages/statuses/> (status codes; codes 20–25
//! from the Russian page as copied in the project's API notes) and
//! <https://smscentre.com/api/smpp/errors> with the HTTP page "Error codes in the status"
//! (`/api/http/status_messages/errors/`) for `err`.

/// The documented meaning of a message status code (`status`).
pub fn status_text(code: i64) -> Option<&'static str> {
    Some(match code {
        -3 => "Message not found",
        -2 => "Stopped",
        -1 => "Waiting to be sent",
        0 => "Transferred to operator",
        1 => "Delivered",
        2 => "Read",
        3 => "Expired",
        4 => "Link clicked",
        20 => "Impossible to deliver",
        22 => "Invalid number",
        23 => "Forbidden",
        24 => "Insufficient funds",
        25 => "Unavailable number",
        _ => return None,
    })
}

/// Whether a status will not change any more (the message was delivered or has failed).
///
/// Delivered (1) can still become Read (2) or Link clicked (4) for e-mail and short links, but
/// delivery itself is settled, so it counts as final.
pub fn status_is_final(code: i64) -> bool {
    !matches!(code, -1 | 0)
}

/// The documented meaning of an error code inside a status (`err`).
pub fn error_text(code: i64) -> Option<&'static str> {
    Some(match code {
        0 => "No error",
        1 => "Subscriber does not exist",
        2 => "Mailbox full",
        3 => "Recipient's mail server not found",
        4 => "Mailbox blocked",
        6 => "Subscriber offline",
        11 => "No SMS service",
        12 => "Error in the subscriber's phone",
        13 => "Subscriber blocked",
        21 => "Service not supported",
        200 => "Virtual sending",
        219 => "SIM card replaced",
        220 => "Operator queue full",
        237 => "Subscriber not answering",
        238 => "No template",
        239 => "Forbidden IP address",
        240 => "Subscriber busy",
        241 => "Conversion error",
        242 => "Answering machine detected",
        243 => "No contract",
        244 => "Mailing forbidden",
        245 => "Status not received",
        246 => "Time restriction",
        247 => "Message limit exceeded",
        248 => "No route",
        249 => "Invalid number format",
        250 => "Number forbidden by settings",
        251 => "Per-number limit exceeded",
        252 => "Number forbidden",
        253 => "Forbidden by spam filter",
        254 => "Unregistered sender id",
        255 => "Rejected by operator",
        _ => return None,
    })
}
