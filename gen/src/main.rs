//! `make generate` (`cargo run --manifest-path gen/Cargo.toml`) writes every file generated
//! from the core's description of its operations, and the README's Rust blocks as a test file; with `-- --check` it fails, naming them,
//! when any committed copy is stale (`make test` runs it).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let description = smsc_core::ops::describe::describe();
    let mut files = smsc_gen::render_all(&description);
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap_or_default();
    files.push((
        "tests/readme_blocks.rs".to_string(),
        smsc_gen::readme::rust_blocks(&readme),
    ));
    let mut stale = Vec::new();
    for (path, text) in &files {
        let full = root.join(path);
        let current = std::fs::read_to_string(&full).unwrap_or_default();
        if current == *text {
            continue;
        }
        if check {
            stale.push(path.clone());
        } else if let Err(e) = write(&full, text) {
            eprintln!("smsc-gen: cannot write {}: {e}", full.display());
            return ExitCode::FAILURE;
        } else {
            println!("smsc-gen: wrote {path}");
        }
    }
    if stale.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "smsc-gen: stale generated files (run `make generate` and commit them): {}",
            stale.join(", ")
        );
        ExitCode::FAILURE
    }
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}
