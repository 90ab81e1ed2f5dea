// The browser suite with the package loaded as an ES module straight from src/, from the same
// origin as the local SMSC emulator.
import * as smsc from '../../src/index.js';
import { expose } from './cases.js';

expose(smsc);
