//! Bad input the fixture corpus cannot hold (answers of 10 MB, nesting 100 000 levels deep),
//! and the check that `docs/bad-input.md` lists exactly the bad-input cases the suites run.

use std::path::Path;

use serde_json::Value;
use smsc_core::{parse_callback_json, Client, ErrorKind};

const DEEP: usize = 100_000;

fn client() -> Client {
    Client::new("demo", "s3cret-pw").expect("a valid client")
}

fn balance_answer(body: &[u8]) -> Result<Value, smsc_core::Error> {
    let request = client()
        .prepare_json("balance", Value::Null)
        .expect("balance needs no parameters");
    request.parse(200, body).map(|out| out.to_view().to_json())
}

/// `[RS01]` ten megabytes of junk are a parse error, and a padded answer is read.
#[test]
fn a_10_mb_body_is_a_typed_error_or_a_result() {
    let junk = vec![b'x'; 10 * 1024 * 1024];
    let err = balance_answer(&junk).expect_err("junk is not an answer");
    assert_eq!(err.kind(), ErrorKind::Parse);
    assert!(
        err.to_string().len() < 1024,
        "the message quotes only the start"
    );
    let mut padded = br#"{"balance": "1.00", "pad": ""#.to_vec();
    padded.extend_from_slice(&junk);
    padded.extend_from_slice(br#""}"#);
    assert_eq!(
        balance_answer(&padded).expect("a padded answer")["balance"],
        "1.00"
    );
}

/// `[RS02]` answers nested 100 000 levels deep stop at the readers' limits, on a test thread's
/// default stack (2 MiB), far smaller than a main thread's.
#[test]
fn answers_nested_100000_deep_are_parse_errors() {
    for (open, middle, close, words) in [
        ("[", "", "]", "nested deeper than 128 levels"),
        ("{\"a\":", "1", "}", "nested deeper than 128 levels"),
        ("<a>", "", "</a>", "nests deeper than 32 levels"),
    ] {
        let body = format!("{}{middle}{}", open.repeat(DEEP), close.repeat(DEEP));
        let err = balance_answer(body.as_bytes()).expect_err("too deep");
        assert_eq!(err.kind(), ErrorKind::Parse);
        assert!(err.to_string().contains(words), "{err}");
    }
}

/// `[RS03]` notifications nested 100 000 deep and of 10 MB.
#[test]
fn notifications_too_deep_or_too_big() {
    let deep = format!("{}1{}", "{\"a\":".repeat(DEEP), "}".repeat(DEEP));
    let err = parse_callback_json(deep.as_bytes(), Value::Null).expect_err("too deep");
    assert_eq!(err.kind(), ErrorKind::Parse);
    let xml = format!("{}{}", "<a>".repeat(DEEP), "</a>".repeat(DEEP));
    let err = parse_callback_json(xml.as_bytes(), Value::Null).expect_err("too deep");
    assert_eq!(err.kind(), ErrorKind::Parse);
    let big = format!(
        "id=1&phone=79991234567&status=1&pad={}",
        "x".repeat(10 << 20)
    );
    let event = parse_callback_json(big.as_bytes(), Value::Null).expect("a padded notification");
    assert_eq!(smsc_core::view::to_view(&event).to_json()["id"], "1");
}

/// `[RS04]` parameters given as JSON text nested 100 000 deep, as C and JS hand them over.
#[test]
fn parameter_text_nested_100000_deep_is_refused() {
    let text = format!("{}1{}", "{\"phones\":[".repeat(DEEP), "]}".repeat(DEEP));
    let err = smsc_core::ops::json_from_text(&text, "params_json").expect_err("too deep");
    assert_eq!(err.field(), Some("params_json"));
    assert!(
        err.to_string().contains("nests deeper than 128 levels"),
        "{err}"
    );
}

// ---- the matrix in docs/bad-input.md -------------------------------------------------------

const ALL_FOUR: &str = "Rust, JS, Python, C";
/// Prefixes of the ids of language-specific cases, with the language each one counts for.
const PREFIXES: [(&str, &str); 4] = [("RS", "Rust"), ("JS", "JS"), ("PY", "Python"), ("C", "C")];

struct Row {
    id: String,
    place: String,
    languages: String,
    kind: String,
    field: String,
}

fn rows(doc: &str) -> Vec<Row> {
    doc.lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| id") && !l.starts_with("|--"))
        .map(|l| {
            let cells: Vec<String> = l
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect();
            let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
            Row {
                id: cell(0),
                place: cell(2),
                languages: cell(3),
                kind: cell(4),
                field: cell(5),
            }
        })
        .collect()
}

/// The ids `[XX00]`, `"XX00"` or `'XX00'` written in a test file.
fn ids_in(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (start, _) in text.match_indices(['[', '"', '\'']) {
        for (prefix, _) in PREFIXES {
            let id_start = start + 1;
            let digits = id_start + prefix.len();
            let end = digits + 2;
            let is_id = text.get(id_start..digits) == Some(prefix)
                && bytes
                    .get(digits..end)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && bytes
                    .get(end)
                    .is_some_and(|c| matches!(c, b']' | b'"' | b'\''));
            if is_id {
                found.push(text[id_start..end].to_string());
            }
        }
    }
    found
}

/// `docs/bad-input.md` lists every bad-input case the suites run, and its totals are the real ones.
#[test]
fn the_documented_matrix_matches_the_suites() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/bad-input.md")).expect("docs/bad-input.md");
    let rows = rows(&doc);
    let mut problems = Vec::new();
    let mut per_language = [("Rust", 0usize), ("JS", 0), ("Python", 0), ("C", 0)];
    for row in &rows {
        for (language, count) in per_language.iter_mut() {
            if row.languages.split(", ").any(|l| l == *language) {
                *count += 1;
            }
        }
        let path = root.join(&row.place);
        let Ok(text) = std::fs::read_to_string(&path) else {
            problems.push(format!("{}: {} does not exist", row.id, row.place));
            continue;
        };
        if row.place.starts_with("tests/fixtures/") {
            let case: Value = serde_json::from_str(&text).unwrap_or_default();
            let error = &case["expect"]["error"];
            if row.languages != ALL_FOUR {
                problems.push(format!("{}: the corpus runs in {ALL_FOUR}", row.id));
            }
            if error["kind"] != row.kind.as_str() {
                problems.push(format!("{}: kind {} in the case", row.id, error["kind"]));
            }
            if error["field"].as_str().unwrap_or("–") != row.field {
                problems.push(format!("{}: field {} in the case", row.id, error["field"]));
            }
        } else if !ids_in(&text).contains(&row.id) {
            problems.push(format!("{}: not found in {}", row.id, row.place));
        }
    }
    // Every case the suites hold is documented: corpus cases that check a message, and ids.
    let listed: Vec<&str> = rows.iter().map(|r| r.place.as_str()).collect();
    let mut files = Vec::new();
    collect_json(&root.join("tests/fixtures"), &mut files);
    for file in files {
        let rel = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .display()
            .to_string();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap_or_default())
            .unwrap_or_default();
        if case["expect"]["error"].get("message").is_some() && !listed.contains(&rel.as_str()) {
            problems.push(format!("{rel} checks a message but is not in the table"));
        }
    }
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    for suite in [
        "tests/bad_input.rs",
        "tests/c/bad_input.c",
        "python/tests/test_bad_input.py",
        "js/test/bad-input.test.js",
    ] {
        let text = std::fs::read_to_string(root.join(suite)).unwrap_or_default();
        for id in ids_in(&text) {
            if !ids.contains(&id.as_str()) {
                problems.push(format!("{id} in {suite} is not in the table"));
            }
        }
    }
    let totals = format!(
        "**{} cases**: Rust {}, JS {}, Python {}, C {}",
        rows.len(),
        per_language[0].1,
        per_language[1].1,
        per_language[2].1,
        per_language[3].1
    );
    if !doc.contains(&totals) {
        problems.push(format!("the totals line should read {totals}"));
    }
    assert!(
        problems.is_empty(),
        "docs/bad-input.md has drifted:\n{}",
        problems.join("\n")
    );
}

fn collect_json(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_json(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}
