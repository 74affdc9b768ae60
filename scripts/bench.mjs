// `npm run bench`: builds, then runs every tests/bench/*.bench.ts (tsx) under a real keychain, each printing tables.
// Numbers are measurements, not pass/fail checks; targets are printed beside them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const only = process.argv[2];
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
for (const file of benches) {
  console.log(`\n# ${file}`);
  const run = spawnSync('bash', ['scripts/with-keychain.sh', 'npx', 'tsx', '--expose-gc', `tests/bench/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
