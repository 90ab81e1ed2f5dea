// Runs before `npm pack`: the package ships the built WebAssembly module and loaders, which
// js/scripts/build.sh makes (it needs Rust, the wasm32 target, wasm-bindgen and binaryen; see
// the repository's README). Packing without them would publish a package that cannot load.
import { existsSync } from 'node:fs';

const needed = ['smsc_core.js', 'smsc_core_bg.wasm', 'smsc_core_wasm_inline.js', 'node-bundle.cjs'];
const missing = needed.filter((f) => !existsSync(new URL(`../pkg/${f}`, import.meta.url)));
if (missing.length > 0) {
  console.error(`smsc-core: pkg/ lacks ${missing.join(', ')}; run \`bash scripts/build.sh\` (or \`make wasm\` at the repository root) before packing`);
  process.exit(1);
}
