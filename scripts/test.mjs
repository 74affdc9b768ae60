// `npm test`: every suite, under a real Secret Service: on Linux a private GNOME Keyring (scripts/with-keychain.sh);
// elsewhere the OS keychain as it is, which is all with-keychain.sh does there, run without bash (not every Windows has it).
import { spawnSync } from 'node:child_process';

const testAll = [process.execPath, 'scripts/test-all.mjs', ...process.argv.slice(2)];
const [command, ...args] = process.platform === 'linux' ? ['bash', 'scripts/with-keychain.sh', ...testAll] : testAll;
const run = spawnSync(command, args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
