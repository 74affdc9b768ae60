// Loaded before the electronegativity scanner (require() from security-scan.mjs, or `node --require`): its HTTP client `got` fails at once.
// Why: the scanner downloads translations (dist/locales/i18n.js) and Electron's release list
// (AvailableSecurityFixesGlobalCheck). Without internet, got retries and then crashes Node 24 with "The `onCancel`
// handler was attached after the promise settled"; and a security gate must not depend on what a server answers today.
// Both callers catch a rejected request and carry on (with the bundled en-US texts; security-scan.mjs does not run the
// release check, which cannot work offline), so a request that rejects at once is all they need. node_modules stays as installed.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const scannerDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json')) + path.sep;
const refuse = (url) => Promise.reject(new Error(`offline security scan: no request to ${url}`));
const offlineGot = Object.assign(refuse, { get: refuse, head: refuse });

const load = Module._load;
Module._load = function loadWithoutNetwork(request, parent, ...rest) {
  // Only the scanner's own modules get the stand-in; anything else that needs got gets the real one.
  if (request === 'got' && parent?.filename?.startsWith(scannerDir)) return offlineGot;
  return load.call(this, request, parent, ...rest);
};
