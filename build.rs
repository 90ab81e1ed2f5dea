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
    let config = cbindgen::Config::from_file(format!("{root}/bindings/cbindgen.toml"))
        .unwrap_or_else(|e| panic!("bindings/cbindgen.toml: {e}"));
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(format!("{root}/bindings/capi.rs"))
        .generate()
        .unwrap_or_else(|e| panic!("cbindgen could not read bindings/capi.rs: {e}"))
        .write_to_file(format!("{out}/smsc.h"));
}
