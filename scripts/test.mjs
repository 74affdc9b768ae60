// `npm test`: every suite, under a real Secret Service (scripts/with-keychain.sh).
import { spawnSync } from 'node:child_process';

const run = spawnSync('bash', ['scripts/with-keychain.sh', process.execPath, 'scripts/test-all.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
