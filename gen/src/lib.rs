//! Renders the files generated from the core's description of its operations
//! ([`smsc_core::ops::describe::describe`]). Each module renders one language's view; all of
//! them read the same description through [`model`].

pub mod docs;
pub mod model;
pub mod python;
pub mod readme;
pub mod typescript;

use serde_json::Value;

/// Every generated file: its path from the repository root and its text.
pub fn render_all(description: &Value) -> Vec<(String, String)> {
    let mut json = serde_json::to_string_pretty(description).unwrap_or_default();
    json.push('\n');
    let d = model::Description::read(description);
    vec![
        ("docs/operations.json".to_string(), json),
        ("docs/operations.md".to_string(), docs::render(&d)),
        (python::TYPES.to_string(), python::types(description)),
        (
            python::OPERATIONS.to_string(),
            python::operations(description),
        ),
        ("js/src/operations.d.ts".to_string(), typescript::render(&d)),
    ]
}
