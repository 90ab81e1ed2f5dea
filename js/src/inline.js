// smsc-core with the WebAssembly module inside the JavaScript (`import … from 'smsc-core/inline'`;
// Deno gets it by default): nothing to fetch, no file to read, no top-level await. For bundles
// that cannot ship a .wasm asset (esbuild without a loader, IIFE workers, single-file builds) and
// for runtimes without file access. About a third larger than the .wasm itself.
import { initSync } from '../pkg/smsc_core.js';
import wasmBase64 from '../pkg/smsc_core_wasm_inline.js';
import { ready } from './api.js';

const text = atob(wasmBase64);
const bytes = new Uint8Array(text.length);
for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
initSync({ module: bytes });
ready();

export { Client, Request, OPERATIONS, deliver, normalizePhone, pages, parseCallback, segments, send } from './api.js';
export * from './errors.js';
