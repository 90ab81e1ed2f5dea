// The browser suite with the package imported by name and bundled by esbuild for the browser
// (../browser.test.js builds it): proves the package resolves to its browser entry and bundles
// without Node built-ins.
import * as smsc from 'smsc-core';
import { expose } from './cases.js';

expose(smsc);
