// `npm run coverage:glue`: which lines of the Electron glue (electron/main.ts, preload.ts, hardening.ts, window.ts) the
// unit suite executes, measured on the built files the app ships (dist-electron/main.js, preload.cjs) with V8's own
// block coverage. Runs the glue tests (tests/unit/mainGlue*.test.ts, preloadGlue.test.ts) with NODE_V8_COVERAGE, maps
// the coverage back to the TypeScript through the build's source maps (main.js.map, preload.cjs.map), and prints, per
// glue file, its code lines and those left unexecuted. Run after `node scripts/build.mjs`, inside a keychain
// (the package script wraps it in scripts/with-keychain.sh). No coverage package: V8 measures, this file maps.
//   --check  (npm test) fails when more than MAX_UNEXECUTED glue lines go unexecuted, or when the figures docs/testing.md
//            quotes are not this run's;  --write  puts this run's figures into docs/testing.md.
//
// A code line is a line of the TypeScript that has code in the built file (comments, types and imports have none).
// It is unexecuted when some code on it never ran (a branch, a callback, the `return` of an early exit), not only when
// none of it ran: a line counts as executed only when everything on it ran at least once.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The page that quotes the glue's size and coverage (--check and --write keep its figures this run's). */
const FIGURES_PAGE = 'docs/testing.md';
const built = ['dist-electron/main.js', 'dist-electron/preload.cjs'];
/** The glue: the files directly in electron/ (electron/core/ is plain Node, tested on its own). */
const isGlue = (source) => /^electron\/[^/]+\.ts$/.test(source);

for (const file of built) {
  const js = path.join(root, file);
  const map = `${js}.map`;
  if (!existsSync(js) || !existsSync(map) || statSync(map).mtimeMs + 1000 < statSync(js).mtimeMs) {
    console.error(`${file} or its source map (${file}.map) is missing or older than the file: run \`node scripts/build.mjs\` first.`);
    process.exit(1);
  }
}

const testFiles = readdirSync(path.join(root, 'tests/unit'))
  .filter((name) => /^(mainGlue.*|preloadGlue)\.test\.ts$/.test(name))
  .sort()
  .map((name) => `tests/unit/${name}`);

// 1. The glue tests, each worker writing its V8 coverage when its file is done (coverage-glue.setup.mjs).
const coverageDir = mkdtempSync(path.join(tmpdir(), 'keypost-glue-coverage-'));
process.env.NODE_V8_COVERAGE = coverageDir;
process.chdir(root);
const { startVitest } = await import('vitest/node');
const vitest = await startVitest(testFiles, { run: true, watch: false, setupFiles: ['scripts/coverage-glue.setup.mjs'] });
await vitest.close();
const failed = process.exitCode !== undefined && process.exitCode !== 0;
delete process.env.NODE_V8_COVERAGE;

// 2. Every run of each built file: its V8 function and block ranges ({ startOffset, endOffset, count }).
const runsOf = new Map(built.map((file) => [file, []]));
const urlOf = new Map(built.map((file) => [pathToFileURL(path.join(root, file)).href, file]));
for (const name of readdirSync(coverageDir)) {
  const { result } = JSON.parse(readFileSync(path.join(coverageDir, name), 'utf8'));
  for (const script of result) {
    // Node loads main.js by URL; the preload test runs preload.cjs in a vm context under its path.
    const file = urlOf.get(script.url) ?? urlOf.get(pathToFileURL(script.url || '/').href);
    if (file) runsOf.get(file).push(script.functions.flatMap((fn) => fn.ranges));
  }
}
rmSync(coverageDir, { recursive: true, force: true });

// 3. Each code position of a glue file in the build, with how often it ran (the innermost range around it).
/** source -> line (1-based) -> { text, counts: number[] } */
const lines = new Map();
for (const file of built) {
  const runs = runsOf.get(file);
  if (runs.length === 0) {
    console.error(`No coverage was recorded for ${file}: did the glue tests load it?`);
    process.exit(1);
  }
  const code = readFileSync(path.join(root, file), 'utf8');
  const map = JSON.parse(readFileSync(path.join(root, `${file}.map`), 'utf8'));
  const sources = map.sources.map((source) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), source)).split(path.sep).join('/'));
  const lineStarts = [0];
  for (let i = 0; i < code.length; i += 1) if (code[i] === '\n') lineStarts.push(i + 1);
  for (const segment of decodeMappings(map.mappings)) {
    const source = sources[segment.source];
    if (!isGlue(source)) continue;
    const offset = lineStarts[segment.generatedLine] + segment.generatedColumn;
    // A closing bracket or separator is no code of its own (V8 may count it in the block after a return).
    if (/^[\s)}\],;]/.test(code[offset] ?? ' ')) continue;
    const count = runs.reduce((sum, ranges) => sum + countAt(ranges, offset), 0);
    if (!lines.has(source)) lines.set(source, new Map());
    const byLine = lines.get(source);
    const line = segment.originalLine + 1;
    if (!byLine.has(line)) byLine.set(line, { text: map.sourcesContent?.[segment.source]?.split('\n')[segment.originalLine] ?? '', counts: [] });
    byLine.get(line).counts.push(count);
  }
}

// 4. The report.
const report = [...lines.entries()].sort(([a], [b]) => a.localeCompare(b));
let totalLines = 0;
let totalUnexecuted = 0;
console.log(`\nGlue line coverage (V8, built ${built.join(' and ')}; tests: ${testFiles.join(', ')})`);
for (const [source, byLine] of report) {
  const unexecuted = [...byLine.entries()].filter(([, line]) => line.counts.some((count) => count === 0)).sort(([a], [b]) => a - b);
  totalLines += byLine.size;
  totalUnexecuted += unexecuted.length;
  console.log(`${source.padEnd(24)} ${String(byLine.size).padStart(4)} code lines, ${unexecuted.length} unexecuted`);
  for (const [line, { text }] of unexecuted) console.log(`  ${source}:${line}  ${text.trim()}`);
}
console.log(`${'total'.padEnd(24)} ${String(totalLines).padStart(4)} code lines, ${totalUnexecuted} unexecuted`);
if (failed) {
  console.error('Some glue tests failed: the numbers above are for a failing run.');
  process.exit(1);
}
quotedFigures(report, totalLines, totalUnexecuted);

/**
 * docs/testing.md states the glue's size and this coverage ("(N lines, M of them with code in the build)", "It reports
 * **M code lines, U unexecuted**: `file` lines and unexecuted, …", then each unexecuted line as "`file.ts` line N"):
 * --write puts this run's figures there, --check fails when they differ or when more lines than MAX_UNEXECUTED went
 * unexecuted, so no figure is ever copied by hand.
 */
function quotedFigures(report, codeLines, unexecuted) {
  const MAX_UNEXECUTED = 1;
  const mode = process.argv.includes('--write') ? 'write' : process.argv.includes('--check') ? 'check' : null;
  if (!mode) return;
  const sourceLines = report.reduce((sum, [source]) => sum + readFileSync(path.join(root, source), 'utf8').trimEnd().split('\n').length, 0);
  const perFile = report
    .map(([source, byLine]) => `\`${path.basename(source)}\` ${byLine.size} and ${[...byLine.values()].filter((line) => line.counts.some((count) => count === 0)).length}`)
    .join(', ');
  const size = `(${sourceLines} lines, ${codeLines} of them with code in the build)`;
  const figures = `It reports **${codeLines} code lines, ${unexecuted} unexecuted**: ${perFile};`;
  const pagePath = path.join(root, FIGURES_PAGE);
  const page = readFileSync(pagePath, 'utf8');
  const sizePattern = /\(\d+ lines, \d+ of them with code in the build\)/;
  const figuresPattern = /It reports \*\*\d+ code lines, \d+ unexecuted\*\*: [^;]*;/;
  if (!sizePattern.test(page) || !figuresPattern.test(page)) {
    console.error(`${FIGURES_PAGE} no longer holds the glue coverage sentences this script keeps current ("(N lines, M of them with code in the build)", "It reports **M code lines, U unexecuted**: …;").`);
    process.exit(1);
  }
  const current = page.replace(sizePattern, size).replace(figuresPattern, figures);
  // The page names each unexecuted line ("`main.ts` line 104") and says why in words; only a person can write the why,
  // so --write leaves that sentence alone and --check fails until the lines it names are this run's.
  const named = [...page.matchAll(/`([\w.]+\.ts)` line (\d+)/g)].map(([, file, line]) => `\`${file}\` line ${line}`).sort();
  const missed = report
    .flatMap(([source, byLine]) => [...byLine.entries()].filter(([, line]) => line.counts.some((count) => count === 0)).map(([line]) => `\`${path.basename(source)}\` line ${line}`))
    .sort();
  const namedRight = named.join(', ') === missed.join(', ');
  const namedMessage = `${FIGURES_PAGE} names the unexecuted glue lines ${named.join(', ') || '(none)'}, but this run's are ${missed.join(', ') || '(none)'}: name each (\`file.ts\` line N) and say why it goes unexecuted.`;
  if (mode === 'write') {
    writeFileSync(pagePath, current);
    console.log(`${FIGURES_PAGE}: ${size}; ${figures}`);
    if (!namedRight) console.error(namedMessage);
    return;
  }
  if (unexecuted > MAX_UNEXECUTED) {
    console.error(`${unexecuted} glue lines went unexecuted, more than the ${MAX_UNEXECUTED} allowed: test them through tests/unit/mainGlue*.test.ts (the lines are listed above).`);
    process.exit(1);
  }
  if (!namedRight) {
    console.error(namedMessage);
    process.exit(1);
  }
  if (current !== page) {
    console.error(`${FIGURES_PAGE}'s glue figures are not this run's: they should read ${size} and ${figures} Run \`npm run coverage:glue -- --write\`.`);
    process.exit(1);
  }
}

/** How often the code at `offset` ran: the count of the smallest range containing it (V8's ranges nest). */
function countAt(ranges, offset) {
  let best = null;
  for (const range of ranges) {
    if (range.startOffset <= offset && offset < range.endOffset && (!best || range.endOffset - range.startOffset < best.endOffset - best.startOffset)) {
      best = range;
    }
  }
  return best ? best.count : 0;
}

/** Source map v3 mappings: every segment with a source position (0-based lines and columns). */
function decodeMappings(mappings) {
  const segments = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  mappings.split(';').forEach((text, generatedLine) => {
    let generatedColumn = 0;
    for (const field of text ? text.split(',') : []) {
      const values = decodeVlq(field);
      generatedColumn += values[0];
      if (values.length < 4) continue;
      source += values[1];
      originalLine += values[2];
      originalColumn += values[3];
      segments.push({ generatedLine, generatedColumn, source, originalLine, originalColumn });
    }
  });
  return segments;
}

function decodeVlq(field) {
  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of field) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value % 2 ? -Math.floor(value / 2) : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
