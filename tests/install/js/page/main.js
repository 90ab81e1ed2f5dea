// The Vite page: the package's default entry (the .wasm shipped as an asset Vite finds by its
// `new URL(…, import.meta.url)`), and a Web Worker in Vite's default worker format (IIFE), which
// takes the inline build.
import * as smsc from 'smsc-core';
import { quickstart } from './flow.js';

const report = (result) => { window.smscResult = result; };
quickstart(smsc, location.origin).then(
  (page) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url));
    worker.onmessage = (e) => report({ page, worker: e.data });
    worker.onerror = (e) => report({ page, error: `worker: ${e.message}` });
    worker.postMessage(location.origin);
  },
  (err) => report({ error: `page: ${err}` }),
);
