//! Generates the C header when the `capi` feature is on; does nothing otherwise.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(feature = "capi")]
    capi_header();
}

#[cfg(feature = "capi")]
fn capi_header() {
    println!("cargo:rerun-if-changed=bindings/capi.rs");
    println!("cargo:rerun-if-changed=bindings/cbindgen.toml");
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let mut config = cbindgen::Config::from_file(format!("{root}/bindings/cbindgen.toml"))
        .unwrap_or_else(|e| panic!("bindings/cbindgen.toml: {e}"));
    // The version a program was compiled against, for `#if` checks; smsc_version() gives the
    // one it runs with.
    let part = |name: &str| std::env::var(name).unwrap_or_default();
    config.after_includes = Some(format!(
        "\n#define SMSC_VERSION_MAJOR {}\n#define SMSC_VERSION_MINOR {}\n#define SMSC_VERSION_PATCH {}\n#define SMSC_VERSION \"{}\"",
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
        part("CARGO_PKG_VERSION_PATCH"),
        part("CARGO_PKG_VERSION"),
    ));
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(format!("{root}/bindings/capi.rs"))
        .generate()
        .unwrap_or_else(|e| panic!("cbindgen could not read bindings/capi.rs: {e}"))
        .write_to_file(format!("{out}/smsc.h"));
}
