// smsc-core for Node (and Deno and Bun, which resolve the "node" export of package.json): reads
// the WebAssembly module from disk and instantiates it synchronously, so the import has no
// top-level await and CommonJS code can `require('smsc-core')` on Node versions that load ES
// modules with require.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/smsc_core.js';
import { ready } from './api.js';

initSync({ module: readFileSync(new URL('../pkg/smsc_core_bg.wasm', import.meta.url)) });
ready();

export { Client, Request, OPERATIONS, deliver, normalizePhone, pages, parseCallback, segments, send } from './api.js';
export * from './errors.js';
