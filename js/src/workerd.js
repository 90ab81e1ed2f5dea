// smsc-core for Cloudflare Workers and workerd (the "workerd" export condition): the WebAssembly
// module is imported as a module, which is how Workers load wasm (they refuse to compile one
// from bytes or to fetch it by URL at start-up). wrangler and workerd's own bundling resolve
// this import to the .wasm file shipped in the package.
import wasmModule from '../pkg/smsc_core_bg.wasm';
import { initSync } from '../pkg/smsc_core.js';
import { ready } from './api.js';

initSync({ module: wasmModule });
ready();

export { Client, Request, OPERATIONS, deliver, normalizePhone, pages, parseCallback, segments, send } from './api.js';
export * from './errors.js';
