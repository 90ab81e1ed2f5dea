// The Web Worker of the Vite page: smsc-core/inline, which needs no asset and no top-level await.
import * as smsc from 'smsc-core/inline';
import { quickstart } from './flow.js';

self.onmessage = (e) => {
  quickstart(smsc, e.data).then((r) => self.postMessage(r), (err) => self.postMessage(`error: ${err}`));
};
