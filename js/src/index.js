// smsc-core for browsers, bundlers and any runtime with fetch (the "default" export of
// package.json): fetches the WebAssembly module relative to this file and instantiates it before
// the package is usable. Bundlers that understand `new URL('…', import.meta.url)` (webpack 5,
// Vite, Parcel) emit the .wasm as an asset; with others, serve pkg/smsc_core_bg.wasm at that
// relative address. No `node:` import here, so browser bundles need no Node shims; Node itself
// is sent to src/node.js, but a file: URL is still read from disk where the runtime offers
// `process.getBuiltinModule` (Node >= 20.16), for tools that load this file directly.
import initWasm, { initSync } from '../pkg/smsc_core.js';
import { ready } from './api.js';

const wasmUrl = new URL('../pkg/smsc_core_bg.wasm', import.meta.url);
const fs = wasmUrl.protocol === 'file:' ? globalThis.process?.getBuiltinModule?.('node:fs') : undefined;
if (fs) {
  initSync({ module: fs.readFileSync(wasmUrl) });
} else {
  await initWasm({ module_or_path: wasmUrl });
}
ready();

export { Client, Request, OPERATIONS, deliver, normalizePhone, pages, parseCallback, segments, send } from './api.js';
export * from './errors.js';
