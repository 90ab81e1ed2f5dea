//! Just enough HTTP/1.1 for test clients: persistent connections (several requests in turn on one
//! connection, as curl, fetch and load tests send them), bodies sized by `Content-Length`, parameters from the query string, a form body (url-encoded or
//! `multipart/form-data`) or a JSON object, and responses that any origin may read.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

/// The largest request line plus headers accepted; real clients send well under a kilobyte.
const MAX_HEAD: u64 = 64 * 1024;
/// The largest request body accepted; a real SMSC request is a few kilobytes, MMS files more.
const MAX_BODY: usize = 16 * 1024 * 1024;

/// A parsed request.
#[derive(Debug)]
pub struct Request {
    /// `GET`, `POST`, `OPTIONS`…
    pub method: String,
    /// The path, percent-decoded, without the query string.
    pub path: String,
    /// The raw query string (after `?`), still encoded.
    pub query: String,
    /// `HTTP/1.1` or `HTTP/1.0`.
    pub version: String,
    /// Headers, names lower-cased, in arrival order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

/// Why a request could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The peer closed or timed out before sending a request line: nothing to answer.
    Closed,
    /// Not HTTP/1.x as this server reads it; answered with 400 and the reason.
    Malformed(&'static str),
    /// Head or body over the limits; answered with 413.
    TooLarge,
    /// A chunked body, which the emulator does not read; answered with 411.
    LengthRequired,
}

impl Request {
    /// Whether the client wants the connection kept open after the answer: HTTP/1.1 unless it
    /// says `Connection: close`, HTTP/1.0 only when it says `keep-alive`.
    pub fn keep_alive(&self) -> bool {
        let says = |token: &str| {
            self.header("connection")
                .is_some_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
        };
        if self.version == "HTTP/1.0" {
            says("keep-alive")
        } else {
            !says("close")
        }
    }

    /// A header value by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Query and body parameters together, query first, so that a name given in both takes
    /// the body's value once collected into a map. The body is read as SMSC reads it: an
    /// url-encoded form, a `multipart/form-data` form (what SMSC's own JS library sends) or,
    /// for `/rest/send/`, a JSON object.
    pub fn params(&self) -> Vec<(String, String)> {
        let mut out = parse_urlencoded(self.query.as_bytes());
        if self.method != "POST" {
            return out;
        }
        let content_type = self.header("content-type").unwrap_or("");
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match mime.as_str() {
            "multipart/form-data" => {
                if let Some(boundary) = header_param(content_type, "boundary") {
                    out.extend(parse_multipart(&self.body, &boundary));
                }
            }
            "application/json" => out.extend(json_params(&self.body)),
            // Clients that post a form without a content type still mean a form.
            _ => out.extend(parse_urlencoded(&self.body)),
        }
        out
    }
}

/// Reads one request from a connection; the reader stays with the connection, so bytes of a
/// following request are never lost. Sends `100 Continue` when the client waits for it (curl
/// does so for bodies over a kilobyte) so such clients do not stall for a second.
pub fn read_request(reader: &mut BufReader<TcpStream>) -> Result<Request, ReadError> {
    let mut head_left = MAX_HEAD;
    let mut line = String::new();
    // Tolerate the empty lines RFC 9112 allows before a request line.
    while line.trim().is_empty() {
        line.clear();
        let n = read_head_line(reader, &mut line, &mut head_left).map_err(|e| match e {
            ReadError::Malformed(_) => ReadError::Closed,
            other => other,
        })?;
        if n == 0 {
            return Err(ReadError::Closed);
        }
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Malformed(
            "the request line is not METHOD TARGET VERSION",
        ));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(ReadError::Malformed("only HTTP/1.x is spoken here"));
    }
    if !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ReadError::Malformed("the method is not an HTTP token"));
    }
    let (method, target, version) = (method.to_string(), target.to_string(), version.to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if read_head_line(reader, &mut h, &mut head_left)? == 0 {
            return Err(ReadError::Malformed(
                "the headers end without an empty line",
            ));
        }
        let h = h.trim_end_matches(['\r', '\n']);
        if h.is_empty() {
            break;
        }
        let Some((name, value)) = h.split_once(':') else {
            return Err(ReadError::Malformed("a header line without a colon"));
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(ReadError::Malformed("a header name with spaces"));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    let find = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if find("transfer-encoding").is_some_and(|te| !te.eq_ignore_ascii_case("identity")) {
        return Err(ReadError::LengthRequired);
    }
    let len = match find("content-length") {
        None => 0,
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| ReadError::Malformed("Content-Length is not a number"))?,
    };
    if len > MAX_BODY {
        return Err(ReadError::TooLarge);
    }
    if len > 0 && find("expect").is_some_and(|e| e.eq_ignore_ascii_case("100-continue")) {
        let _ = reader.get_mut().write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    let mut body = vec![0; len];
    reader
        .read_exact(&mut body)
        .map_err(|_| ReadError::Malformed("the body is shorter than Content-Length"))?;
    let (raw_path, query) = match target.split_once('?') {
        Some((p, q)) => (p, q.to_string()),
        None => (target.as_str(), String::new()),
    };
    // An absolute-form target (`http://host/path`) is legal; keep only its path.
    let raw_path = match raw_path.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => raw_path,
    };
    if !raw_path.starts_with('/') && method != "OPTIONS" {
        return Err(ReadError::Malformed("the target is not a path"));
    }
    let path = String::from_utf8_lossy(&percent_decode(raw_path.as_bytes(), false)).into_owned();
    Ok(Request {
        method,
        path,
        query,
        version,
        headers,
        body,
    })
}

/// One line of the request head, counted against the head limit.
fn read_head_line(
    reader: &mut impl BufRead,
    line: &mut String,
    left: &mut u64,
) -> Result<usize, ReadError> {
    let mut bytes = Vec::new();
    let n = reader
        .take(*left)
        .read_until(b'\n', &mut bytes)
        .map_err(|_| ReadError::Closed)?;
    *left -= n as u64;
    if n > 0 && !bytes.ends_with(b"\n") {
        // Either the head limit was reached or the peer stopped mid-line.
        return Err(if *left == 0 {
            ReadError::TooLarge
        } else {
            ReadError::Malformed("the head ends mid-line")
        });
    }
    *line = String::from_utf8(bytes).map_err(|_| ReadError::Malformed("the head is not UTF-8"))?;
    Ok(n)
}

/// A response to write.
#[derive(Debug)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Content type; empty for none (204).
    pub content_type: &'static str,
    /// Body.
    pub body: Vec<u8>,
}

impl Response {
    /// A `text/plain` UTF-8 response.
    pub fn text(status: u16, body: impl Into<String>) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.into().into_bytes(),
        }
    }

    /// An empty `204 No Content`, the answer to a CORS preflight.
    pub fn no_content() -> Self {
        Response {
            status: 204,
            content_type: "",
            body: Vec::new(),
        }
    }
}

/// The reason phrase of the status codes the emulator uses.
fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Content Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

/// How long a kept-open connection may wait for its next request; said to clients in
/// `Keep-Alive`, so they stop reusing a connection before the server closes it.
pub const KEEP_ALIVE_SECS: u64 = 5;

/// Writes a response, saying whether the connection stays open for another request. Every
/// response may be read by any origin, and the preflight headers go on every response too: a
/// browser test page served from another port can then call the scripts with `fetch`.
pub fn write_response(mut stream: &TcpStream, response: &Response, keep_alive: bool) {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    if !response.content_type.is_empty() {
        head += &format!("Content-Type: {}\r\n", response.content_type);
    }
    head += &format!(
        "Content-Length: {}\r\n\
         Access-Control-Allow-Origin: *\r\n\
         Access-Control-Allow-Methods: GET, POST\r\n\
         Access-Control-Allow-Headers: Content-Type\r\n",
        response.body.len()
    );
    head += if keep_alive {
        "Connection: keep-alive\r\n"
    } else {
        "Connection: close\r\n"
    };
    if keep_alive {
        head += &format!("Keep-Alive: timeout={KEEP_ALIVE_SECS}\r\n");
    }
    head += "\r\n";
    // One write: a head and a body sent apart would wait for each other's acknowledgement.
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&response.body);
    // A client that hung up early is its own problem; the emulator carries on.
    let _ = stream.write_all(&bytes);
    let _ = stream.flush();
}

/// Decodes `%XX` escapes, and `+` as a space when `plus_as_space` (forms, not paths). A `%` not
/// followed by two hex digits stays as it is, as browsers and PHP leave it.
pub fn percent_decode(input: &[u8], plus_as_space: bool) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'%' => match (
                input.get(i + 1).copied().and_then(hex),
                input.get(i + 2).copied().and_then(hex),
            ) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_as_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// `a=1&b=two+words` into pairs, each decoded as UTF-8 (invalid bytes become U+FFFD).
pub fn parse_urlencoded(input: &[u8]) -> Vec<(String, String)> {
    input
        .split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = match pair.iter().position(|&b| b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &[][..]),
            };
            let text = |b: &[u8]| String::from_utf8_lossy(&percent_decode(b, true)).into_owned();
            (text(k), text(v))
        })
        .collect()
}

/// A parameter of a header value such as `multipart/form-data; boundary=xyz`, unquoted.
pub fn header_param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// A file posted in a `multipart/form-data` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    /// The script it was posted to.
    pub script: String,
    /// Its form field (`file0`…).
    pub field: String,
    /// Its file name, as sent.
    pub filename: String,
    /// Its content type, as sent.
    pub content_type: String,
    /// Its bytes.
    pub data: Vec<u8>,
}

impl Request {
    /// The files of a `multipart/form-data` POST to `script`.
    pub fn uploads(&self, script: &str) -> Vec<Upload> {
        let content_type = self.header("content-type").unwrap_or("");
        let is_multipart = content_type
            .split(';')
            .next()
            .is_some_and(|m| m.trim().eq_ignore_ascii_case("multipart/form-data"));
        let Some(boundary) = header_param(content_type, "boundary")
            .filter(|_| is_multipart && self.method == "POST")
        else {
            return Vec::new();
        };
        multipart_parts(&self.body, &boundary)
            .into_iter()
            .filter_map(|part| {
                let split = find(part, b"\r\n\r\n", 0)?;
                let head = String::from_utf8_lossy(&part[..split]);
                let header = |wanted: &str| {
                    head.lines().find_map(|line| {
                        let (name, value) = line.split_once(':')?;
                        name.trim()
                            .eq_ignore_ascii_case(wanted)
                            .then(|| value.trim().to_string())
                    })
                };
                let disposition = header("content-disposition")?;
                Some(Upload {
                    script: script.to_string(),
                    field: header_param(&disposition, "name")?,
                    filename: header_param(&disposition, "filename")?,
                    content_type: header("content-type").unwrap_or_default(),
                    data: part[split + 4..].to_vec(),
                })
            })
            .collect()
    }
}

/// The parts of a `multipart/form-data` body, each its headers, an empty line and its content.
fn multipart_parts<'a>(body: &'a [u8], boundary: &str) -> Vec<&'a [u8]> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut out = Vec::new();
    let Some(first) = find(body, &delimiter, 0) else {
        return out;
    };
    let mut pos = first + delimiter.len();
    loop {
        // After a delimiter: `--` ends the body, otherwise a line break opens the next part.
        if body[pos..].starts_with(b"--") {
            break;
        }
        let Some(start) = find(body, b"\n", pos).map(|i| i + 1) else {
            break;
        };
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(&delimiter);
        let Some(end) = find(body, &closing, start) else {
            break;
        };
        out.push(&body[start..end]);
        pos = end + closing.len();
    }
    out
}

/// The fields of a `multipart/form-data` body. A file field yields its file name as the value
/// ([`Request::uploads`] keeps the files themselves).
pub fn parse_multipart(body: &[u8], boundary: &str) -> Vec<(String, String)> {
    multipart_parts(body, boundary)
        .into_iter()
        .filter_map(multipart_field)
        .collect()
}

/// One part: headers, an empty line, the content.
fn multipart_field(part: &[u8]) -> Option<(String, String)> {
    let split = find(part, b"\r\n\r\n", 0)?;
    let head = String::from_utf8_lossy(&part[..split]);
    let content = &part[split + 4..];
    let disposition = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-disposition")
            .then_some(value)
    })?;
    let name = header_param(disposition, "name")?;
    let value = match header_param(disposition, "filename") {
        Some(file) => file,
        None => String::from_utf8_lossy(content).into_owned(),
    };
    Some((name, value))
}

/// The first index of `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > haystack.len() || needle.is_empty() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// The members of a JSON object body as parameters: strings as they are, anything else as its
/// JSON text (`3` for `"fmt": 3`), the way `/rest/send/` takes them.
fn json_params(body: &[u8]) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(body) else {
        return Vec::new();
    };
    map.into_iter()
        .map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            (k, text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding() {
        assert_eq!(
            parse_urlencoded(b"mes=two+words%21&phones=%2B7999&bad=%zz&empty"),
            vec![
                ("mes".into(), "two words!".into()),
                ("phones".into(), "+7999".into()),
                ("bad".into(), "%zz".into()),
                ("empty".into(), String::new()),
            ]
        );
        assert_eq!(
            parse_urlencoded("mes=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82".as_bytes()),
            vec![("mes".into(), "привет".into())]
        );
        assert_eq!(percent_decode(b"a+b%2", false), b"a+b%2");
        assert_eq!(percent_decode(b"%", true), b"%");
    }

    #[test]
    fn multipart_fields() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"login\"\r\n\r\ndemo\r\n\
                    --XyZ\r\nContent-Disposition: form-data; name=\"mes\"\r\n\r\nline 1\r\nline 2\r\n\
                    --XyZ\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"a.jpg\"\r\n\
                    Content-Type: image/jpeg\r\n\r\n\x01\x02\r\n--XyZ--\r\n";
        assert_eq!(
            parse_multipart(body.as_bytes(), "XyZ"),
            vec![
                ("login".into(), "demo".into()),
                ("mes".into(), "line 1\r\nline 2".into()),
                ("file0".into(), "a.jpg".into()),
            ]
        );
        assert_eq!(
            header_param("multipart/form-data; boundary=\"a b\"", "boundary").as_deref(),
            Some("a b")
        );
    }
}
