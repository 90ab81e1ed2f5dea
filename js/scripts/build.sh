#!/usr/bin/env bash
# Builds the WebAssembly module and its JS glue into js/pkg/.
# One `--target web` build serves every runtime; package.json picks the loader (js/README.md):
# src/node.js reads the .wasm with fs (Node, Bun), pkg/node.cjs is the same for require(),
# src/workerd.js imports it as a module (Workers), src/inline.js carries it as base64 (Deno,
# smsc-core/inline) and src/index.js fetches it by URL relative to the module (browsers).
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
# The CommonJS build for require() on Node that cannot require an ES module (< 20.19, 22.0-22.11;
# src/node.cjs picks it): src/node.js and what it imports, bundled into one file whose
# import.meta.url is its own file URL, so the .wasm is found beside it as from src/.
js/node_modules/.bin/esbuild js/src/node.js --bundle --platform=node --format=cjs --target=node18 \
  --log-level=warning --outfile=js/pkg/node-bundle.cjs \
  --define:import.meta.url=__smsc_module_url \
  --banner:js="const __smsc_module_url = require('node:url').pathToFileURL(__filename).href;"
node js/scripts/inline.mjs
raw=$(wc -c < js/pkg/smsc_core_bg.wasm)
gz=$(gzip -9 -c js/pkg/smsc_core_bg.wasm | wc -c)
echo "js: smsc_core_bg.wasm ${raw} bytes, ${gz} gzipped"
