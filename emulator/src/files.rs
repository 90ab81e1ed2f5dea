//! Static files for `--static DIR`: a browser test page, its scripts and the WebAssembly module
//! come from the same origin as the scripts they call.

use std::path::{Component, Path};

use crate::http::Response;

/// The content type browsers need for each kind of file a test page loads; WebAssembly must be
/// `application/wasm` for streaming compilation, modules must be JavaScript.
fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json" | "map") => "application/json; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Answers `GET path` from `dir` (`/` is `index.html`). Paths that climb out of `dir` (`..`) or
/// name it absolutely are refused with 404, as is anything that is not a readable file.
pub fn serve_file(dir: &Path, path: &str) -> Response {
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    let rel = Path::new(&rel);
    let plain = rel
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !plain || path.contains("..") || path.contains('\\') || path.contains('\0') {
        return Response::text(404, "not found");
    }
    let full = dir.join(rel);
    match std::fs::read(&full) {
        Ok(body) if full.is_file() => Response {
            status: 200,
            content_type: content_type(&full),
            body,
        },
        _ => Response::text(404, "not found"),
    }
}
