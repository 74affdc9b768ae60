// Runs the Electron security scanner (electronegativity) offline on everything the build ships (main, preload, index.html,
// every renderer bundle) and fails unless it checked every file, security/electronegativity-explained.json explains each
// finding (same rule, file and flagged code), and each explanation still matches a finding. Run after `node scripts/build.mjs`.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { flaggedCode, matchFindings, readExplanations, stableFileName } from './securityFindings.mjs';

const started = performance.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
require('./scanOffline.cjs'); // before the scanner loads `got`
const runScanner = require('@doyensec/electronegativity');
teachScannerStaticBlocks();

/** Need Electron's release list from the network, so they cannot run here; nothing else is left out. */
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'];
const explanationsFile = 'security/electronegativity-explained.json';

if (!existsSync(path.join(root, 'dist-electron/main.js')) || !existsSync(path.join(root, 'dist/renderer/index.html'))) {
  console.error('No build to scan: run `node scripts/build.mjs` first.');
  process.exit(1);
}
// The scan reads a copy: a build running beside it cannot change a file between the scan and the code shown for a
// finding, and the scanner reads only .js/.html/package.json, so .cjs/.mjs are copied as .js.
const shipped = [
  'dist-electron/main.js',
  'dist-electron/preload.cjs',
  ...readdirSync(path.join(root, 'dist/renderer'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(html|js|cjs|mjs)$/.test(file))
    .map((file) => path.posix.join('dist/renderer', file.split(path.sep).join('/'))),
  'package.json',
].sort();
const scanDir = mkdtempSync(path.join(tmpdir(), 'keypost-scan-'));
/** scanner's path (relative to scanDir) -> the shipped file */
const shippedFile = new Map();
for (const file of shipped) {
  const copy = file.replace(/\.(cjs|mjs)$/, '.js');
  if (shippedFile.has(copy)) throw new Error(`${file} and ${shippedFile.get(copy)} would both be scanned as ${copy}`);
  shippedFile.set(copy, file);
  mkdirSync(path.dirname(path.join(scanDir, copy)), { recursive: true });
  copyFileSync(path.join(root, file), path.join(scanDir, copy));
}

const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
// The scanner prints a few notes (e.g. that it could not download translations); they are shown, prefixed, after the run.
const scannerNotes = [];
const { log } = console;
console.log = (...args) => scannerNotes.push(format(...args));
let result;
try {
  result = await runScanner(
    {
      input: scanDir,
      isRelative: true,
      customScan: [],
      excludeFromScan: OFFLINE_EXCLUDED.map((check) => check.toLowerCase()),
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
} catch (error) {
  console.log = log;
  rmSync(scanDir, { recursive: true, force: true });
  scannerNotes.forEach((note) => console.log(`scanner: ${note}`));
  console.error(error);
  console.error('electronegativity did not run to the end');
  process.exit(1);
}
console.log = log;
scannerNotes.forEach((note) => console.log(`scanner: ${note}`));

const sources = new Map();
const sourceOf = (copy) => {
  if (!sources.has(copy)) sources.set(copy, readFileSync(path.join(scanDir, copy), 'utf8'));
  return sources.get(copy);
};
// Vite minifies the renderer's JavaScript; build.mjs builds main and preload with `minify: false`.
const isMinified = (file) => file.startsWith('dist/renderer/') && file.endsWith('.js');
const findings = result.issues
  .map((issue) => {
    const copy = issue.file.split(path.sep).join('/');
    const shippedAs = shippedFile.get(copy) ?? issue.file; // a global finding has no file ("N/A")
    const { line, column } = issue.location;
    return {
      rule: issue.id,
      file: stableFileName(shippedAs),
      shippedAs,
      line,
      column,
      code: shippedFile.has(copy) ? flaggedCode(sourceOf(copy), line, column, { minified: isMinified(shippedAs) }) : '',
    };
  })
  .sort((a, b) => a.shippedAs.localeCompare(b.shippedAs) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
// A file the scanner failed on (its parser, or its tree walker, threw), or one esprima parsed only by skipping errors,
// means the checks did not see all of the app. (The CLI with -o prints none of these: it drops the runner's errors.)
const unchecked = result.errors.map((error) => ({
  file: shippedFile.get(path.relative(scanDir, error.file).split(path.sep).join('/')) ?? error.file,
  message: error.message,
  tolerable: error.tolerable,
}));
rmSync(scanDir, { recursive: true, force: true });

let explanations;
try {
  explanations = readExplanations(JSON.parse(readFileSync(path.join(root, explanationsFile), 'utf8')));
} catch (error) {
  console.error(`${explanationsFile}: ${error.message}`);
  process.exit(1);
}
const verdict = matchFindings(findings, explanations);
const unexplained = new Set(verdict.unexplained);
const sameCodeCount = (finding, list) =>
  list.filter((other) => other.rule === finding.rule && other.file === finding.file && other.code === finding.code).length;
for (const finding of findings) {
  const where = `${finding.rule} ${finding.shippedAs}:${finding.line}`;
  if (!unexplained.has(finding)) {
    console.log(`explained   ${where}`);
  } else {
    const shared = sameCodeCount(finding, findings) > 1;
    const note = shared ? `  (${sameCodeCount(finding, findings)} findings share this code, ${sameCodeCount(finding, explanations)} explained)` : '';
    console.log(`UNEXPLAINED ${where}  file: ${JSON.stringify(finding.file)}  code: ${JSON.stringify(finding.code)}${note}`);
  }
}
for (const stale of verdict.stale) {
  console.log(`STALE       ${stale.rule} in ${stale.file}: no finding for code ${JSON.stringify(stale.code)}`);
}
for (const error of unchecked) {
  console.log(`NOT CHECKED ${error.file}: ${error.message}${error.tolerable ? ' (parsed only by skipping this error)' : ''}`);
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const ok = verdict.unexplained.length === 0 && verdict.stale.length === 0 && unchecked.length === 0;
console.log(
  `electronegativity: ${findings.length} finding(s) in ${shipped.length} files, ${verdict.unexplained.length} unexplained, ` +
    `${verdict.stale.length} stale explanation(s), ${unchecked.length} file(s) not fully checked; ` +
    `not run offline: ${OFFLINE_EXCLUDED.join(', ')}; ${seconds} s`,
);
if (verdict.unexplained.length > 0 || verdict.stale.length > 0) {
  console.log(`Explain each finding in ${explanationsFile} under its file and code (copy them from the UNEXPLAINED line), or fix the code.`);
}
process.exit(ok ? 0 : 1);

/**
 * Monaco's ESM build uses ES2022 class static blocks (`static { this.None = … }`), and so do our bundles. The scanner's
 * parser (Babel) reads them, but its tree walker (estraverse 5.3, last released 2021) has no child keys for StaticBlock
 * and throws "Unknown node type StaticBlock.", so every bundle with Monaco in it went unchecked. Registering the keys is
 * the same extension estraverse-fb makes for JSX, on the very estraverse instance the scanner walks with.
 */
function teachScannerStaticBlocks() {
  const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const estraverse = createRequire(scannerRequire.resolve('estraverse-fb'))('estraverse');
  // Private class members (`#cache`, json-p3's in the body worker) are Babel's ClassPrivateProperty / ClassPrivateMethod
  // with a PrivateName key: the same gap, filled the same way.
  const keys = { StaticBlock: ['body'], ClassPrivateProperty: ['key', 'value'], ClassPrivateMethod: ['key', 'params', 'body'], PrivateName: ['id'] };
  for (const [type, children] of Object.entries(keys)) {
    estraverse.Syntax[type] ??= type;
    estraverse.VisitorKeys[type] ??= children;
  }
}
