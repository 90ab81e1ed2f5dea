//! Files sent with a request: a `multipart/form-data` body built from a prepared request and its
//! files, sans-IO.
//!
//! MMS, e-mail and voice messages and the documents of a sender name take files in the request
//! body (`multipart/form-data` POST), SMSC's own libraries naming them `file0`, `file1`, …. Every
//! field of the request goes in a part of its own, credentials included, so the body is the
//! request; the address loses any query. The documented limits are checked before a body
//! exists: a sender's documents are jpg, tif, pdf, png, zip or rar of at most 3 MB; an MMS holds
//! text, images, audio and video of the listed types. A file may not be empty, its name may not
//! hold a path, and no two parts may share a name.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::ops::Call;
use crate::request::Request;

/// A file to send.
#[derive(Clone, PartialEq, Eq)]
pub struct Upload {
    /// The file's name as the server sees it (`photo.jpg`), without any directory; any
    /// language's text, sent as UTF-8.
    pub name: String,
    /// Its media type; by default the one its extension names, or
    /// `application/octet-stream`.
    pub content_type: Option<String>,
    /// Its bytes.
    pub data: Vec<u8>,
    /// The form field it goes in; by default `file0`, `file1`, … in order.
    pub field: Option<String>,
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("name", &self.name)
            .field("content_type", &self.content_type)
            .field("bytes", &self.data.len())
            .field("field", &self.field)
            .finish()
    }
}

impl Upload {
    /// A file of `name` holding `data`, its type from its extension.
    pub fn new(name: impl Into<String>, data: impl Into<Vec<u8>>) -> Self {
        Upload {
            name: name.into(),
            content_type: None,
            data: data.into(),
            field: None,
        }
    }
}

/// A request with files, ready to send: POST `url` with `content_type` and `body`.
#[derive(Clone, PartialEq, Eq)]
pub struct Multipart {
    /// The address, without a query.
    pub url: String,
    /// `multipart/form-data; boundary=…`.
    pub content_type: String,
    /// The body, credentials included.
    pub body: Vec<u8>,
}

impl std::fmt::Debug for Multipart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Multipart")
            .field("url", &self.url)
            .field("content_type", &self.content_type)
            .field("bytes", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// What files an operation takes.
struct Rules {
    /// The channel, for messages.
    what: &'static str,
    /// The extensions allowed, lower case; empty for any.
    types: &'static [&'static str],
    /// The largest file, in bytes.
    max_bytes: Option<usize>,
}

/// The documented sender-document limit: 3 MB.
pub const MAX_SENDER_DOCUMENT_BYTES: usize = 3 * 1024 * 1024;

fn rules(call: &Call) -> Option<Rules> {
    Some(match call {
        Call::SendMms(_) => Rules {
            what: "an MMS",
            types: &[
                "txt", "jpg", "jpeg", "gif", "png", "wav", "amr", "mp3", "mid", "midi", "mp4",
                "3gp",
            ],
            max_bytes: None,
        },
        Call::SendEmail(_) => Rules {
            what: "an e-mail",
            types: &[],
            max_bytes: None,
        },
        Call::SendCall(_) => Rules {
            what: "a voice message",
            types: &[],
            max_bytes: None,
        },
        Call::SenderAdd(_) | Call::SenderUpdate(_) => Rules {
            what: "a sender name's documents",
            types: &["jpg", "jpeg", "tif", "tiff", "pdf", "png", "zip", "rar"],
            max_bytes: Some(MAX_SENDER_DOCUMENT_BYTES),
        },
        _ => return None,
    })
}

/// The media type a file's extension names.
fn type_of(ext: &str) -> &'static str {
    match ext {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "tif" | "tiff" => "image/tiff",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "rar" => "application/vnd.rar",
        "txt" => "text/plain; charset=utf-8",
        "wav" => "audio/wav",
        "mp3" => "audio/mpeg",
        "amr" => "audio/amr",
        "mid" | "midi" => "audio/midi",
        "mp4" => "video/mp4",
        "3gp" => "video/3gpp",
        _ => "application/octet-stream",
    }
}

impl Request {
    /// This request with `files`, as a `multipart/form-data` body. `boundary` fixes the
    /// boundary (for tests); by default one is derived from the content that none of it holds.
    pub fn with_files(&self, files: &[Upload], boundary: Option<&str>) -> Result<Multipart> {
        let rules = rules(self.call()).ok_or_else(|| {
            Error::invalid(
                "files",
                format!(
                    "{} takes no files; files go with send_mms, send_email, send_call, sender_add and sender_update",
                    self.operation()
                ),
            )
        })?;
        if files.is_empty() {
            return Err(Error::invalid("files", "no file given"));
        }
        let mut names: Vec<Cow<'_, str>> = self
            .form()
            .fields()
            .iter()
            .map(|(k, _)| Cow::Borrowed(*k))
            .collect();
        let mut parts = Vec::with_capacity(files.len());
        for (i, file) in files.iter().enumerate() {
            let at = format!("files[{i}]");
            let name = file.name.as_str();
            if name.is_empty() || name.contains(['/', '\\']) || name.chars().any(char::is_control) {
                return Err(Error::invalid(
                    &at,
                    format!("the file name {name:?} must be a bare name, without a directory or control characters"),
                ));
            }
            if file.data.is_empty() {
                return Err(Error::invalid(&at, format!("{name:?} is empty")));
            }
            let ext = name
                .rsplit_once('.')
                .map(|(_, e)| e.to_ascii_lowercase())
                .unwrap_or_default();
            if !rules.types.is_empty() && !rules.types.contains(&ext.as_str()) {
                return Err(Error::invalid(
                    &at,
                    format!(
                        "{name:?} is not a type {} may hold; give {}",
                        rules.what,
                        rules.types.join(", ")
                    ),
                ));
            }
            if let Some(max) = rules.max_bytes.filter(|max| file.data.len() > *max) {
                return Err(Error::invalid(
                    &at,
                    format!(
                        "{name:?} holds {} bytes; {} may be at most {max} bytes (3 MB)",
                        file.data.len(),
                        rules.what
                    ),
                ));
            }
            let field = file.field.clone().unwrap_or_else(|| format!("file{i}"));
            if field.is_empty() || field.contains(['"', '\r', '\n']) {
                return Err(Error::invalid(
                    &at,
                    format!("the field name {field:?} cannot be sent"),
                ));
            }
            if names.iter().any(|n| *n == field) {
                return Err(Error::invalid(
                    &at,
                    format!("the field {field:?} is already a parameter or another file of this request"),
                ));
            }
            names.push(Cow::Owned(field.clone()));
            let content_type = match &file.content_type {
                Some(t) if t.contains(['\r', '\n']) => {
                    return Err(Error::invalid(&at, "the content type holds a line break"))
                }
                Some(t) => t.clone(),
                None => type_of(&ext).to_string(),
            };
            parts.push((field, name, content_type, &file.data));
        }
        let fields = self.form().fields();
        let holds = |b: &str| {
            fields.iter().any(|(_, v)| v.contains(b))
                || parts
                    .iter()
                    .any(|(_, _, _, data)| contains(data, b.as_bytes()))
        };
        let boundary = match boundary {
            Some(b)
                if b.is_empty()
                    || b.len() > 70
                    || !b
                        .bytes()
                        .all(|c| c.is_ascii_alphanumeric() || b"'()+_,-./:=?".contains(&c)) =>
            {
                return Err(Error::invalid(
                    "boundary",
                    "a boundary is 1 to 70 letters, digits or '()+_,-./:=?",
                ))
            }
            Some(b) if holds(b) => {
                return Err(Error::invalid("boundary", "the content holds the boundary"))
            }
            Some(b) => b.to_string(),
            None => {
                // Deterministic (sans-IO: no random source), and checked against the content.
                let mut seed = fields.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, (k, v)| {
                    fnv(fnv(h, k.as_bytes()), v.as_bytes())
                });
                for (_, _, _, data) in &parts {
                    seed = fnv(seed, data);
                }
                let mut candidate = format!("smsc-core-{seed:016x}");
                while holds(&candidate) {
                    seed = fnv(seed, b"again");
                    candidate = format!("smsc-core-{seed:016x}");
                }
                candidate
            }
        };
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n")
                    .as_bytes(),
            );
            body.extend_from_slice(v.as_bytes());
            body.extend_from_slice(b"\r\n");
        }
        for (field, name, content_type, data) in &parts {
            // The name as UTF-8, as browsers send it; only a quote needs escaping in it.
            let quoted = name.replace('"', "%22");
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{quoted}\"\r\nContent-Type: {content_type}\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(data);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let url = self.url.split('?').next().unwrap_or(&self.url).to_string();
        Ok(Multipart {
            url,
            content_type: format!("multipart/form-data; boundary={boundary}"),
            body,
        })
    }
}

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Client;
    use serde_json::json;

    fn mms() -> Request {
        Client::new("demo", "pw")
            .unwrap()
            .prepare_json(
                "send_mms",
                json!({"phones": "79991234567", "message": "Look", "subj": "Photo"}),
            )
            .unwrap()
    }

    #[test]
    fn every_field_and_file_is_a_part_of_the_body() {
        let m = mms()
            .with_files(
                &[Upload::new("фото.jpg", b"\xff\xd8jpeg".to_vec())],
                Some("XYZ"),
            )
            .unwrap();
        assert_eq!(m.url, "https://smsc.ru/sys/send.php");
        assert_eq!(m.content_type, "multipart/form-data; boundary=XYZ");
        let body = String::from_utf8_lossy(&m.body);
        assert!(body.starts_with(
            "--XYZ\r\nContent-Disposition: form-data; name=\"login\"\r\n\r\ndemo\r\n"
        ));
        assert!(body.contains("name=\"mms\"\r\n\r\n1\r\n"), "{body}");
        assert!(body
            .contains("name=\"file0\"; filename=\"фото.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"));
        assert!(m.body.ends_with(b"\r\n--XYZ--\r\n"));
        assert!(
            !format!("{m:?}").contains("pw"),
            "the body stays out of Debug"
        );
    }

    #[test]
    fn a_default_boundary_is_fixed_by_the_content_and_absent_from_it() {
        let files = [Upload::new("a.txt", b"hello".to_vec())];
        let one = mms().with_files(&files, None).unwrap();
        let two = mms().with_files(&files, None).unwrap();
        assert_eq!(one, two);
        let boundary = one.content_type.rsplit('=').next().unwrap().to_string();
        let tricky = [Upload::new("b.txt", boundary.clone().into_bytes())];
        let three = mms().with_files(&tricky, None).unwrap();
        assert!(!three.content_type.ends_with(&boundary));
        assert!(matches!(
            mms().with_files(&tricky, Some(&boundary)),
            Err(Error::Invalid { .. })
        ));
    }

    #[test]
    fn bad_files_are_typed_errors_naming_the_file() {
        let refused = |files: &[Upload]| match mms().with_files(files, None) {
            Err(Error::Invalid { field, message }) => (field, message),
            other => panic!("{other:?}"),
        };
        assert_eq!(refused(&[Upload::new("a.jpg", Vec::new())]).0, "files[0]");
        assert!(refused(&[Upload::new("../etc/a.jpg", b"x".to_vec())])
            .1
            .contains("bare name"));
        assert!(refused(&[Upload::new("C:\\a.jpg", b"x".to_vec())])
            .1
            .contains("bare name"));
        assert!(refused(&[Upload::new("a.exe", b"x".to_vec())])
            .1
            .contains("not a type"));
        let clash = Upload {
            field: Some("phones".into()),
            ..Upload::new("a.jpg", b"x".to_vec())
        };
        assert!(refused(&[clash]).1.contains("already a parameter"));
        let twice = Upload {
            field: Some("file0".into()),
            ..Upload::new("b.jpg", b"y".to_vec())
        };
        assert_eq!(
            refused(&[Upload::new("a.jpg", b"x".to_vec()), twice]).0,
            "files[1]"
        );
    }

    #[test]
    fn sender_documents_are_three_megabytes_of_the_listed_types_at_most() {
        let client = Client::new("demo", "pw").unwrap();
        let add = client
            .prepare_json("sender_add", json!({"sender": "SHOP"}))
            .unwrap();
        let big = vec![0u8; MAX_SENDER_DOCUMENT_BYTES + 1];
        assert!(matches!(
            add.with_files(&[Upload::new("doc.pdf", big)], None),
            Err(Error::Invalid { .. })
        ));
        assert!(add
            .with_files(&[Upload::new("doc.pdf", vec![1; 10])], None)
            .is_ok());
        assert!(matches!(
            add.with_files(&[Upload::new("doc.txt", vec![1; 10])], None),
            Err(Error::Invalid { .. })
        ));
        let balance = client.prepare_json("balance", json!({})).unwrap();
        assert!(matches!(
            balance.with_files(&[Upload::new("a.jpg", vec![1])], None),
            Err(Error::Invalid { .. })
        ));
    }
}
