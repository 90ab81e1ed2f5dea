#!/usr/bin/env bash
# Builds the WebAssembly module and its JS glue into js/pkg/.
# One `--target web` build serves Node, browsers, Deno and bundlers: package.json sends Node
# (and Deno, Bun) to src/node.js, which reads the .wasm with fs and instantiates it synchronously,
# and everything else to src/index.js, which fetches it by URL relative to the module.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=${SMSC_TOOLS:-$HOME/.cache/smsc-core/tools}
export PATH="$TOOLS/bin:$PATH"
# cdylib only: the crate's staticlib would be a useless 10 MB wasm archive.
cargo rustc -p smsc-core --lib --crate-type cdylib --target wasm32-unknown-unknown \
  --profile release-wasm --features wasm --quiet
# --experimental-reset-state-function: the wrapper replaces an instance that trapped (a panic,
# which panic = "abort" turns into a trap) with a fresh one; see bindings/wasm.rs.
wasm-bindgen --target web --weak-refs --experimental-reset-state-function \
  --out-dir js/pkg --out-name smsc_core \
  target/wasm32-unknown-unknown/release-wasm/smsc_core.wasm
# npm's binaryen, not Debian's: Debian's wasm-opt writes modules that fail to load.
js/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  js/pkg/smsc_core_bg.wasm -o js/pkg/smsc_core_bg.wasm
raw=$(wc -c < js/pkg/smsc_core_bg.wasm)
gz=$(gzip -9 -c js/pkg/smsc_core_bg.wasm | wc -c)
echo "js: smsc_core_bg.wasm ${raw} bytes, ${gz} gzipped"
