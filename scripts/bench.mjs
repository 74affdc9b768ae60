// `npm run bench`: builds, then runs every tests/bench/*.bench.ts (tsx) under a real keychain, each printing tables.
// Numbers are measurements, not pass/fail checks; targets are printed beside them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const benches = readdirSync('tests/bench')
  .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
  .sort();
if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
let failed = 0;
for (const file of benches) {
  console.log(`\n# ${file}`);
  const run = spawnSync('bash', ['scripts/with-keychain.sh', 'npx', 'tsx', '--expose-gc', `tests/bench/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
