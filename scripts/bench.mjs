// `npm run bench [name] [-- --check] [-- --json FILE]`: builds, then runs every tests/bench/*.bench.ts (tsx) whose
// name contains `name`, under a real keychain, each printing tables with each target evaluated (met / not met).
// --check exits non-zero when a target is missed (not run in CI: this machine's times vary too much for a gate).
// --json FILE writes every table and figure of the run, with the commit, so two commits can be compared.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { check: { type: 'boolean' }, json: { type: 'string' } } });
const only = positionals[0];
const benches = readdirSync('tests/bench')
  .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
  .sort();
if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
// The stores, data dirs and browser profiles the benches make go in one folder (TMPDIR, which they inherit), removed
// at the end: a presets bench alone leaves 15 MB.
const runTmp = mkdtempSync(path.join(tmpdir(), 'keypost-bench-run-'));
process.env.TMPDIR = runTmp;
process.on('exit', () => rmSync(runTmp, { recursive: true, force: true }));
let failed = 0;
const results = {};
for (const file of benches) {
  console.log(`\n# ${file}`);
  // Each bench writes what it printed here on exit (tests/bench/table.ts).
  const figures = path.join(runTmp, `${file}.json`);
  const run = spawnSync('bash', ['scripts/with-keychain.sh', 'npx', 'tsx', '--expose-gc', `tests/bench/${file}`], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_FIGURES: figures },
  });
  if (run.status !== 0) failed++;
  results[file] = existsSync(figures) ? JSON.parse(readFileSync(figures, 'utf8')) : { failed: `exit ${run.status}` };
}
const missed = Object.entries(results).flatMap(([file, result]) => (result.missed ?? []).map((miss) => `${file}: ${miss}`));
console.log(missed.length ? `\nTargets not met (${missed.length}):\n${missed.map((miss) => `  ${miss}`).join('\n')}` : '\nEvery target met.');
if (options.json) {
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim() !== '';
  writeFileSync(options.json, `${JSON.stringify({ commit, dirty, at: new Date().toISOString(), benches: results }, null, 2)}\n`);
  console.log(`Figures written to ${options.json}.`);
}
process.exit(failed || (options.check && missed.length) ? 1 : 0);
