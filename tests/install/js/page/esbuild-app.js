// The esbuild page: bundled with esbuild's defaults from a default (CommonJS) npm project, so an
// IIFE for a classic <script>: smsc-core/inline, with the wasm inside the bundle.
import * as smsc from 'smsc-core/inline';
import { quickstart } from './flow.js';

quickstart(smsc, location.origin).then(
  (page) => { window.smscResult = { page }; },
  (err) => { window.smscResult = { error: `page: ${err}` }; },
);
