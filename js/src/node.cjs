// require('smsc-core') on Node (the "require" condition). Where Node can require an ES module
// (process.features.require_module: Node >= 20.19 and >= 22.12), this is src/node.js itself, so
// code that mixes import and require shares one module, one set of classes. Older Node gets
// pkg/node-bundle.cjs, the same code bundled as CommonJS by js/scripts/build.sh: it works the
// same, but its classes are its own, so `instanceof` does not cross between the two forms there.
'use strict';

module.exports = process.features.require_module
  ? require('./node.js')
  : require('../pkg/node-bundle.cjs');
