//! How a fuzz input is cut into the pieces of a call, shared by the targets and by the program
//! that turns the fixture corpus into seed inputs (so the seeds mean what the targets read).
//!
//! An `answer` input is: one byte choosing the operation (an index into `OPERATIONS`), one byte
//! of settings (answer format, GET or POST), two bytes of HTTP status (high bit clear: 200), the
//! parameters as JSON text, a NUL byte, and the body.

use smsc_core::{Format, Method, OPERATIONS};

/// The pieces of an `answer` input.
pub struct AnswerInput<'a> {
    /// The operation name.
    pub op: &'static str,
    /// The answer format the client asks for.
    pub format: Format,
    /// POST or GET.
    pub method: Method,
    /// The HTTP status handed to `parse`.
    pub status: u16,
    /// The parameters, as JSON text (possibly not JSON at all).
    pub params: &'a [u8],
    /// The answer body.
    pub body: &'a [u8],
}

const FORMATS: [Format; 4] = [Format::Json, Format::Text, Format::Csv, Format::Xml];

impl<'a> AnswerInput<'a> {
    /// Cuts an input; `None` when it is too short to name an operation.
    pub fn read(data: &'a [u8]) -> Option<Self> {
        let (&[op, settings, hi, lo], rest) = data.split_first_chunk::<4>()?;
        let op = OPERATIONS.get(usize::from(op) % OPERATIONS.len())?;
        let format = FORMATS[usize::from(settings & 3)];
        let method = if settings & 4 == 0 {
            Method::Post
        } else {
            Method::Get
        };
        let status = if hi & 0x80 == 0 {
            200
        } else {
            u16::from_be_bytes([hi & 0x7f, lo])
        };
        let (params, body) = match rest.iter().position(|&b| b == 0) {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &[][..]),
        };
        Some(AnswerInput {
            op,
            format,
            method,
            status,
            params,
            body,
        })
    }

    /// The bytes of an input with these pieces.
    pub fn write(
        op: &str,
        format: Format,
        method: Method,
        status: u16,
        params: &str,
        body: &[u8],
    ) -> Option<Vec<u8>> {
        let index = OPERATIONS.iter().position(|o| *o == op)?;
        let format = FORMATS.iter().position(|f| *f == format)?;
        let mut out = vec![
            u8::try_from(index).ok()?,
            format as u8 | if method == Method::Get { 4 } else { 0 },
        ];
        if status == 200 {
            out.extend([0, 0]);
        } else {
            out.extend([0x80 | (status >> 8) as u8 & 0x7f, status as u8]);
        }
        out.extend(params.as_bytes());
        out.push(0);
        out.extend(body);
        Some(out)
    }
}
